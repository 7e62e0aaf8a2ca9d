import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PLATFORM } from '../src/demo-platforms.js';
import { DEMO_PASSWORD, seedDemo } from '../src/demo-seed.js';
import { asAdmin, databaseUrls, startTestApi, type TestApi } from './support/harness.js';

// The platform building demo: one recognised provincial engineering technology research centre
// with its filed 2025 annual report, read through the API by the province and by the alliance's city.

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
    expect(afterFirst).toBe('1/3/1/1');
  });

  it.each([['430000'], ['city']])('shows %s the recognised centre with its filed report', async (which) => {
    const agent = api.agent();
    const tenant = which === 'city' ? cityCode : which;
    expect((await agent.login(tenant, 'officer', DEMO_PASSWORD)).errors).toBeUndefined();
    const list = await agent.send<{ platforms: { items: Listed[] } }>(
      '{ platforms { items { id name status levelLabel kindLabel } } }',
    );
    expect(list.errors).toBeUndefined();
    const platform = list.data!.platforms.items.find((p) => p.name === DEMO_PLATFORM.name);
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
      { year: DEMO_PLATFORM.report.year, rdSpendingFen: DEMO_PLATFORM.report.rdSpendingFen },
    ]);
  });
});
