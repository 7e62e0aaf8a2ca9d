import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it, type MockInstance, vi } from 'vitest';
import {
  asRuntimeRole,
  createUser,
  errorCode,
  type GraphqlAgent,
  signedInAgent,
  startTestApi,
  type TestApi,
  type TestUser,
  tenantId,
} from '../support/harness';
import { attempt, verdict } from '../support/tenancy-fixtures';
import { Fixtures } from '../pilots/db-fixtures';
import { CHANGSHA, PROVINCE, staff, ZHUZHOU } from '../pilots/pilot-client';

// 统计分析: the province reads every city's aggregates (not only the alliances its register
// lists), a city reads its own and nothing of another's, an expert reads none; the figures are
// the database's own counts and sums, in one statement.

const STATISTICS = `{
  statistics {
    cities { code name alliances pilots filings awardedFen disbursedFen }
    allianceIndustries { key label count }
    allianceStatuses { key count }
    pilotLevels { key count }
    pilotsByYear { year level count }
    filingStates { key count }
    fundingByYear { key awardedFen disbursedFen recoveredFen }
    fundingByProgramme { key label awardedFen disbursedFen recoveredFen }
  }
}`;

type Count = { key: string; count: number };
type Funding = {
  key: string;
  label?: string | null;
  awardedFen: string;
  disbursedFen: string;
  recoveredFen: string;
};
type Statistics = {
  cities: {
    code: string;
    name: string;
    alliances: number;
    pilots: number;
    filings: number;
    awardedFen: string;
    disbursedFen: string;
  }[];
  allianceIndustries: (Count & { label: string })[];
  allianceStatuses: Count[];
  pilotLevels: Count[];
  pilotsByYear: { year: number; level: string; count: number }[];
  filingStates: Count[];
  fundingByYear: Funding[];
  fundingByProgramme: Funding[];
};

const sum = (rows: readonly { count: number }[]) => rows.reduce((s, r) => s + r.count, 0);

describe('statistics', () => {
  let api: TestApi;
  let fixtures: Fixtures;
  let province: GraphqlAgent;
  let zhuzhou: GraphqlAgent;
  let zhuzhouUser: TestUser;
  let expert: GraphqlAgent;
  let ids: Record<string, string>;

  async function read(agent: GraphqlAgent): Promise<Statistics> {
    const res = await agent.send<{ statistics: Statistics }>(STATISTICS);
    expect(res.errors).toBeUndefined();
    return res.data!.statistics;
  }

  // The truth, read as the superuser.
  async function truthOf(code: string) {
    const [row] = await fixtures.query<{
      alliances: number;
      pilots: number;
      filings: number;
      submitted: number;
    }>(
      `SELECT (SELECT count(*)::int FROM alliance WHERE tenant_id = t.id) AS alliances,
              (SELECT count(*)::int FROM alliance WHERE tenant_id = t.id AND pilot_status <> 'NONE') AS pilots,
              (SELECT count(*)::int FROM filing WHERE tenant_id = t.id) AS filings,
              (SELECT count(*)::int FROM filing WHERE tenant_id = t.id AND submitted_at IS NOT NULL) AS submitted
         FROM tenant t WHERE t.code = $1`,
      [code],
    );
    return row!;
  }

  beforeAll(async () => {
    api = await startTestApi();
    fixtures = await Fixtures.open();
    province = (await staff(api, PROVINCE, ['PROVINCE_OFFICER'])).agent;
    const z = await staff(api, ZHUZHOU, ['CITY_OFFICER']);
    zhuzhou = z.agent;
    zhuzhouUser = z.user;
    expert = await signedInAgent(api, await createUser(PROVINCE, ['EXPERT'], 'x'));
    ids = {
      [PROVINCE]: await tenantId(PROVINCE),
      [ZHUZHOU]: await tenantId(ZHUZHOU),
      [CHANGSHA]: await tenantId(CHANGSHA),
    };
    // A register in both cities, whatever earlier files left: a 长沙 city pilot and a 株洲 alliance.
    const cs = await fixtures.alliance(ids[CHANGSHA]!);
    await fixtures.query(
      `UPDATE alliance SET pilot_status = 'CITY_PILOT', pilot_since = '2026-03-01' WHERE id = $1`,
      [cs.id],
    );
    await fixtures.alliance(ids[ZHUZHOU]!);
  });

  afterAll(async () => {
    await fixtures?.close();
    await api?.close();
  });

  it('gives the province every city’s aggregates, counting a filing only once submitted', async () => {
    const stats = await read(province);
    expect(stats.cities).toHaveLength(14);
    for (const city of stats.cities) {
      const truth = await truthOf(city.code);
      expect({
        code: city.code,
        alliances: city.alliances,
        pilots: city.pilots,
        filings: city.filings,
      }).toEqual({
        code: city.code,
        alliances: truth.alliances,
        pilots: truth.pilots,
        filings: truth.submitted,
      });
    }
    const total = sum(stats.cities.map((c) => ({ count: c.alliances })));
    expect(sum(stats.allianceStatuses)).toBe(total);
    expect(sum(stats.pilotLevels)).toBe(total);
    expect(sum(stats.allianceIndustries)).toBe(total);
    expect(stats.allianceIndustries.every((i) => i.label)).toBe(true);
    expect(sum(stats.filingStates)).toBe(sum(stats.cities.map((c) => ({ count: c.filings }))));
    expect(stats.filingStates.map((s) => s.key)).not.toContain('DRAFT');
    // More than the province's register lists: that holds only alliances with a filing in force.
    const listed = await province.send<{ alliances: { totalCount: number } }>(
      `{ alliances(first: 1) { totalCount } }`,
    );
    expect(total).toBeGreaterThan(listed.data!.alliances.totalCount);
  });

  it('gives a city its own figures and nothing of another city’s', async () => {
    const before = await read(zhuzhou);
    expect(before.cities.map((c) => c.code)).toEqual([ZHUZHOU]);
    const truth = await truthOf(ZHUZHOU);
    expect(before.cities[0]).toMatchObject({
      alliances: truth.alliances,
      pilots: truth.pilots,
      filings: truth.filings,
    });
    expect(sum(before.allianceStatuses)).toBe(truth.alliances);

    // Another city's new alliance moves the province's figures, never 株洲's.
    const provinceBefore = await read(province);
    await fixtures.alliance(ids[CHANGSHA]!);
    const after = await read(zhuzhou);
    expect(after).toEqual(before);
    const provinceAfter = await read(province);
    const changsha = (s: Statistics) => s.cities.find((c) => c.code === CHANGSHA)!.alliances;
    expect(changsha(provinceAfter)).toBe(changsha(provinceBefore) + 1);
  });

  it('sums the funding the caller reads under row security, in fen as text', async () => {
    const [truth] = await fixtures.query<{ province: string; zhuzhou: string }>(
      `SELECT (SELECT coalesce(sum(award_fen), 0)::text FROM project WHERE tenant_id = $1) AS province,
              (SELECT coalesce(sum(award_fen), 0)::text FROM project
                WHERE tenant_id = $2 OR alliance_tenant_id = $2) AS zhuzhou`,
      [ids[PROVINCE], ids[ZHUZHOU]],
    );
    const awarded = (rows: Funding[]) => rows.reduce((s, r) => s + BigInt(r.awardedFen), 0n).toString();
    const p = await read(province);
    expect(awarded(p.fundingByYear)).toBe(truth!.province);
    expect(awarded(p.fundingByProgramme)).toBe(truth!.province);
    const z = await read(zhuzhou);
    expect(awarded(z.fundingByYear)).toBe(truth!.zhuzhou);
    expect(z.cities[0]!.awardedFen).toBe(
      (
        await fixtures.query<{ s: string }>(
          'SELECT coalesce(sum(award_fen), 0)::text AS s FROM project WHERE alliance_tenant_id = $1',
          [ids[ZHUZHOU]],
        )
      )[0]!.s,
    );
  });

  it('refuses an expert', async () => {
    const res = await expert.send(STATISTICS);
    expect(errorCode(res)).toBe('FORBIDDEN');
  });

  it('checks the caller in the database too: an expert or no tenant is denied, a city reads itself', async () => {
    const sql = 'SELECT register_statistics() AS s';
    expect(verdict(await asRuntimeRole({ tenantId: null }, (db) => attempt(db, sql)))).toBe('denied');
    expect(
      verdict(await asRuntimeRole({ tenantId: ids[PROVINCE]!, roles: ['EXPERT'] }, (db) => attempt(db, sql))),
    ).toBe('denied');
    const own = await asRuntimeRole(
      { tenantId: zhuzhouUser.tenantId, userId: zhuzhouUser.id, roles: zhuzhouUser.roles },
      async (db) => (await db.query<{ s: { cities: { tenantId: string }[] } }>(sql)).rows[0]!.s,
    );
    expect(own.cities.map((c) => c.tenantId)).toEqual([ids[ZHUZHOU]]);
  });

  it('answers in one statement besides the request’s transaction', async () => {
    const logQuery: MockInstance = vi.spyOn(api.app.get(DataSource).logger, 'logQuery');
    try {
      logQuery.mockClear();
      await read(province);
      const statements = logQuery.mock.calls.map((call) => String(call[0]));
      const reads = statements.filter((s) => /\bFROM\b/i.test(s) && !/set_config/.test(s));
      expect(reads.filter((s) => s.includes('register_statistics'))).toHaveLength(1);
      expect(reads.length).toBeLessThanOrEqual(2);
    } finally {
      logQuery.mockRestore();
    }
  });
});
