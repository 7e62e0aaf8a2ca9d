import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BANK, DEMO_LOAN, DEMO_NEED } from '../src/demo-finance.js';
import { DEMO_PASSWORD, seedDemo } from '../src/demo-seed.js';
import { asAdmin, databaseUrls, startTestApi, type TestApi } from './support/harness.js';

// The finance linkage demo: a bank in 株洲's rail transit alliance, one ¥10,000,000 need it met
// with one registered loan, read through the API as 株洲's officer and the province's would.

async function financeFingerprint(): Promise<string> {
  return asAdmin(async (c) => {
    const { rows } = await c.query<{ f: string }>(
      `SELECT (SELECT count(*) FROM financing_need) || '/' || (SELECT count(*) FROM financing_introduction)
              || '/' || (SELECT count(*) FROM financing_record)
              || '/' || (SELECT count(*) FROM alliance_member) AS f`,
    );
    return rows[0]!.f;
  });
}

describe('demo finance linkage', () => {
  let api: TestApi;
  let afterFirst: string;
  let afterSecond: string;

  beforeAll(async () => {
    api = await startTestApi();
    await seedDemo(databaseUrls().ownerUrl);
    afterFirst = await financeFingerprint();
    await seedDemo(databaseUrls().ownerUrl);
    afterSecond = await financeFingerprint();
  });
  afterAll(async () => {
    await api.close();
  });

  it('is written once: a second run adds nothing', () => {
    expect(afterSecond).toEqual(afterFirst);
  });

  it('shows 株洲 the need met by the bank of its alliance, and its loan', async () => {
    const agent = api.agent();
    expect((await agent.login('430200', 'officer', DEMO_PASSWORD)).errors).toBeUndefined();
    const res = await agent.send<{
      financingNeeds: { amountFen: string; status: string; introductions: { institutionName: string }[] }[];
      financingRecords: { institutionName: string; amountFen: string; registeredOn: string | null }[];
    }>(
      `{ financingNeeds { amountFen status introductions { institutionName } }
         financingRecords { institutionName amountFen registeredOn } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.financingNeeds).toContainEqual({
      amountFen: DEMO_NEED.amountFen,
      status: 'MET',
      introductions: [{ institutionName: DEMO_BANK.name }],
    });
    expect(res.data!.financingRecords).toContainEqual({
      institutionName: DEMO_BANK.name,
      amountFen: DEMO_LOAN.amountFen,
      registeredOn: DEMO_LOAN.registeredOn,
    });
  });

  it('shows the province the need shared with its linkage programme and the sums', async () => {
    const agent = api.agent();
    expect((await agent.login('430000', 'officer', DEMO_PASSWORD)).errors).toBeUndefined();
    const res = await agent.send<{
      financingNeeds: { amountFen: string }[];
      financingStatistics: { cityName: string; institutionName: string; amountFen: string }[];
    }>(
      `{ financingNeeds { amountFen } financingStatistics(year: 2026) { cityName institutionName amountFen } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.financingNeeds).toContainEqual({ amountFen: DEMO_NEED.amountFen });
    expect(res.data!.financingStatistics).toContainEqual({
      cityName: '株洲市',
      institutionName: DEMO_BANK.name,
      amountFen: DEMO_LOAN.amountFen,
    });
  });
});
