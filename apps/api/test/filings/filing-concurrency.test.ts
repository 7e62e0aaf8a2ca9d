import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  asAdmin,
  type GraphqlAgent,
  startTestApi,
  tenantId,
  type TestApi,
  type TestUser,
} from '../support/harness';
import { TestClock } from '../support/test-clock';
import { Fixtures } from '../pilots/db-fixtures';
import { PROVINCE, staff, ZHUZHOU } from '../pilots/pilot-client';
import { publishedRound, transitionFiling } from './filing-client';

// The filing number is taken inside the transaction that files: concurrent filings queue on the
// year's counter, so 20 at once get 20 distinct consecutive numbers, and 50 identical FILE actions
// on one filing make one transition with one audit event (the others are told it changed).

describe('filing numbers and FILE under concurrency', () => {
  const clock = new TestClock(new Date('2031-05-20T10:00:00+08:00'));
  let api: TestApi;
  let fixtures: Fixtures;
  let admin: GraphqlAgent;
  let city: TestUser;
  let roundId: string;

  beforeAll(async () => {
    api = await startTestApi({ clock });
    fixtures = await Fixtures.open();
    const officer = await staff(api, PROVINCE, ['PROVINCE_OFFICER']);
    admin = (await staff(api, PROVINCE, ['PROVINCE_ADMIN'])).agent;
    city = (await staff(api, ZHUZHOU, ['CITY_OFFICER'])).user;
    roundId = (await publishedRound(officer.agent, admin, clock.now())).id;
  });

  afterAll(async () => {
    await fixtures?.close();
    await api?.close();
  });

  /** A filing accepted by the province, ready for its decision (fixture: the route has its own test). */
  async function acceptedFiling(): Promise<{ id: string; version: number }> {
    const alliance = await fixtures.alliance(city.tenantId);
    const now = clock.now();
    const row = await fixtures.insert('filing', {
      tenant_id: city.tenantId,
      alliance_id: alliance.id,
      round_id: roundId,
      authority_tenant_id: await tenantId(PROVINCE),
      state: 'ACCEPTED',
      version: 3,
      significance: '并发测试重大影响说明，联盟对全省产业发展具有重大影响。',
      level: 'PROVINCIAL',
      dossier: JSON.stringify({ alliance: { id: alliance.id, name: alliance.name }, members: [] }),
      submitted_at: now,
      accepted_at: now,
    });
    return { id: row.id as string, version: 3 };
  }

  it('gives 20 parallel filings 20 distinct consecutive numbers of the year', async () => {
    const filings = [];
    for (let i = 0; i < 20; i++) filings.push(await acceptedFiling());
    const results = await Promise.all(filings.map((f) => transitionFiling(admin, f, 'FILE')));
    const errors = results.flatMap((r) => r.errors ?? []);
    expect(errors).toEqual([]);
    const sequences = results
      .map((r) => /^湘盟备〔2031〕(\d+)号$/.exec(r.data!.transitionFiling.filingNumber ?? '')?.[1])
      .map(Number)
      .sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 20 }, (_, i) => sequences[0]! + i));
    expect(new Set(sequences).size).toBe(20);
  });

  it('makes one transition and one audit event of 50 identical FILE actions, and leaves no gap', async () => {
    const filing = await acceptedFiling();
    const results = await Promise.all(
      Array.from({ length: 50 }, () => transitionFiling(admin, filing, 'FILE')),
    );
    const won = results.filter((r) => r.data?.transitionFiling);
    expect(won).toHaveLength(1);
    const codes = results.filter((r) => r.errors).map((r) => r.errors![0]!.extensions?.code);
    expect(new Set(codes)).toEqual(new Set(['FILING_CHANGED']));
    const events = await fixtures.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_event WHERE subject_id = $1 AND action = 'filing.file'`,
      [filing.id],
    );
    expect(events[0]!.n).toBe(1);
    // The losers' numbers were given back: the winner's is the next after the 20 above.
    const numbers = await asAdmin(async (c) =>
      (
        await c.query<{ filing_seq: number }>(
          `SELECT filing_seq FROM filing WHERE round_id = $1 AND filing_seq IS NOT NULL ORDER BY filing_seq`,
          [roundId],
        )
      ).rows.map((r) => r.filing_seq),
    );
    expect(numbers).toEqual(Array.from({ length: 21 }, (_, i) => numbers[0]! + i));
  });
});
