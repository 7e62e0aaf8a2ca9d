import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate } from '@xiangmeng/domain';
import { DEMO_PLATFORM, DEMO_PLATFORM_DUE } from '../src/demo-platforms.js';
import { DEMO_PASSWORD, seedDemo } from '../src/demo-seed.js';
import { asAdmin, databaseUrls, startTestApi, type TestApi } from './support/harness.js';

// The platform building demo: two recognised provincial engineering technology research centres,
// each with its filed 2025 annual report, read through the API by the province and by the
// alliance's city; the one recognised in 2023 is what a round of this year's evaluation covers.

async function platformFingerprint(): Promise<string> {
  return asAdmin(async (c) => {
    const { rows } = await c.query<{ f: string }>(
      `SELECT (SELECT count(*) FROM platform) || '/' || (SELECT count(*) FROM platform_member)
              || '/' || (SELECT count(*) FROM platform_status_event) || '/' || (SELECT count(*) FROM platform_report) AS f`,
    );
    return rows[0]!.f;
  });
}

type Listed = { id: string; name: string; status: string; levelLabel: string; kindLabel: string };

describe('demo platforms', () => {
  let api: TestApi;
  let afterFirst: string;
  let afterSecond: string;
  let cityCode: string;

  beforeAll(async () => {
    api = await startTestApi();
    await seedDemo(databaseUrls().ownerUrl);
    afterFirst = await platformFingerprint();
    await seedDemo(databaseUrls().ownerUrl);
    afterSecond = await platformFingerprint();
    cityCode = await asAdmin(
      async (c) =>
        (
          await c.query<{ code: string }>(
            `SELECT t.code FROM platform p JOIN tenant t ON t.id = p.alliance_tenant_id WHERE p.name = $1`,
            [DEMO_PLATFORM.name],
          )
        ).rows[0]!.code,
    );
  });
  afterAll(async () => {
    await api.close();
  });

  it('is written once: a second run adds and changes nothing', () => {
    expect(afterSecond).toEqual(afterFirst);
    expect(afterFirst).toBe('2/6/2/2');
  });

  it.each([
    ['430000', DEMO_PLATFORM],
    ['city', DEMO_PLATFORM],
    ['430000', DEMO_PLATFORM_DUE],
    ['city', DEMO_PLATFORM_DUE],
  ])('shows %s the recognised centre with its filed report (%#)', async (which, demo) => {
    const agent = api.agent();
    const tenant = which === 'city' ? cityCode : which;
    expect((await agent.login(tenant, 'officer', DEMO_PASSWORD)).errors).toBeUndefined();
    const list = await agent.send<{ platforms: { items: Listed[] } }>(
      '{ platforms { items { id name status levelLabel kindLabel } } }',
    );
    expect(list.errors).toBeUndefined();
    const platform = list.data!.platforms.items.find((p) => p.name === demo.name);
    expect(platform).toMatchObject({
      status: 'RECOGNISED',
      levelLabel: '省级',
      kindLabel: '工程技术研究中心',
    });
    const detail = await agent.send<{ platform: { reports: { year: number; rdSpendingFen: string }[] } }>(
      'query ($id: ID!) { platform(id: $id) { reports { year rdSpendingFen } } }',
      { id: platform!.id },
    );
    expect(detail.errors).toBeUndefined();
    expect(detail.data!.platform.reports).toEqual([
      { year: demo.report.year, rdSpendingFen: demo.report.rdSpendingFen },
    ]);
  });

  it("gives this year's evaluation round of the centres' field the one recognised in 2023, due periodically", async () => {
    const admin = api.agent();
    expect((await admin.login('430000', 'admin', DEMO_PASSWORD)).errors).toBeUndefined();
    const field = await asAdmin(
      async (c) =>
        (
          await c.query<{ field: string }>('SELECT field FROM platform WHERE name = $1', [
            DEMO_PLATFORM_DUE.name,
          ])
        ).rows[0]!.field,
    );
    const year = Number(chinaDate(new Date()).slice(0, 4));
    const opened = await admin.send<{
      openPlatformEvaluationRound: { platforms: { name: string; due: string }[] };
    }>(
      'mutation ($input: OpenPlatformEvaluationRoundInput!) { openPlatformEvaluationRound(input: $input) { platforms { name due } } }',
      { input: { field, year } },
    );
    expect(opened.errors).toBeUndefined();
    expect(opened.data!.openPlatformEvaluationRound.platforms).toEqual([
      { name: DEMO_PLATFORM_DUE.name, due: 'PERIODIC' },
    ]);
  });
});
