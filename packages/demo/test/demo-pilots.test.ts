import { INDUSTRIES } from '@xiangmeng/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_EXPERT_ACCOUNTS,
  DEMO_PILOT_CALL_TITLE,
  DEMO_PROVINCE_EXPERTS,
  DEMO_ZHUZHOU_EXPERTS,
} from '../src/demo-pilots.js';
import { DEMO_ALLIANCES } from '../src/demo-register.data.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from '../src/demo-seed.js';
import { asAdmin, asRuntimeRole, databaseUrls, startTestApi, type TestApi } from './support/harness.js';

// The pilot demo: the province's expert pool with its accounts, 株洲's pool, and the province's
// open call, seeded once alongside the register.

const DAY = 24 * 3600 * 1000;

async function pilotFingerprint(): Promise<Record<string, string>> {
  return asAdmin(async (c) => {
    const { rows } = await c.query<Record<string, string>>(
      `SELECT (SELECT count(*) || ':' || md5(coalesce(string_agg(e::text, '|' ORDER BY e.id), '')) FROM expert e) AS experts,
              (SELECT count(*) || ':' || md5(coalesce(string_agg(a::text, '|' ORDER BY a.id), '')) FROM expert_affiliation a) AS affiliations,
              (SELECT count(*) || ':' || md5(coalesce(string_agg(p::text, '|' ORDER BY p.id), '')) FROM pilot_call p
                WHERE title = $1) AS calls,
              (SELECT count(*)::text FROM app_user WHERE 'EXPERT' = ANY(roles)) AS expert_accounts`,
      [DEMO_PILOT_CALL_TITLE],
    );
    return rows[0]!;
  });
}

async function userOf(tenantCode: string, username: string): Promise<{ id: string; tenantId: string }> {
  return asAdmin(async (c) => {
    const { rows } = await c.query<{ id: string; tenant_id: string }>(
      `SELECT u.id, u.tenant_id FROM app_user u JOIN tenant t ON t.id = u.tenant_id WHERE t.code = $1 AND u.username = $2`,
      [tenantCode, username],
    );
    if (!rows[0]) throw new Error(`no demo account ${tenantCode}/${username}`);
    return { id: rows[0].id, tenantId: rows[0].tenant_id };
  });
}

describe('demo pilot selection', () => {
  let api: TestApi;
  let second: { created: number; alliances: number };
  let afterFirst: Record<string, string>;
  let afterSecond: Record<string, string>;

  beforeAll(async () => {
    api = await startTestApi();
    await seedDemo(databaseUrls().ownerUrl);
    afterFirst = await pilotFingerprint();
    second = await seedDemo(databaseUrls().ownerUrl);
    afterSecond = await pilotFingerprint();
  });
  afterAll(async () => {
    await api.close();
  });

  it('is written once: a second run adds and changes nothing', () => {
    expect(second).toEqual({ created: 0, alliances: 0 });
    expect(afterSecond).toEqual(afterFirst);
  });

  it('gives the province a pool of 8 in which at least five account holders review each demo alliance’s industry', async () => {
    const rows = await asAdmin(async (c) => {
      const { rows } = await c.query<{
        name: string;
        domains: string[];
        username: string | null;
        ties: number;
      }>(
        `SELECT e.name, e.domains, u.username,
                (SELECT count(*)::int FROM expert_affiliation a WHERE a.expert_id = e.id) AS ties
           FROM expert e JOIN tenant t ON t.id = e.tenant_id LEFT JOIN app_user u ON u.id = e.user_id
          WHERE t.code = '430000' AND e.name = ANY($1)`,
        [DEMO_PROVINCE_EXPERTS.map((e) => e.name)],
      );
      return rows;
    });
    expect(rows).toHaveLength(8);
    // An expert of an industry's class reviews it too; five account holders make a panel.
    const parentOf = new Map(INDUSTRIES.map((i) => [i.code, i.parentCode]));
    const reviewers = (code: string) =>
      rows.filter(
        (r) => r.username && (r.domains.includes(code) || r.domains.includes(parentOf.get(code) ?? '')),
      );
    expect(DEMO_ALLIANCES.map((a) => a.industryCode).filter((code) => reviewers(code).length < 5)).toEqual(
      [],
    );
    expect(
      rows
        .map((r) => r.username)
        .filter(Boolean)
        .sort(),
    ).toEqual(['expert', 'expert1', 'expert2', 'expert3', 'expert4', 'expert5']);
    // Every tie of the catalogue found its directory organization or bureau.
    for (const e of DEMO_PROVINCE_EXPERTS) {
      expect(rows.find((r) => r.name === e.name)!.ties, e.name).toBe(
        e.organizations.length + e.bureaus.length,
      );
    }
  });

  it('ties some experts to current members of demo alliances, so conflicts of interest show', async () => {
    const tied = await asAdmin(async (c) => {
      const { rows } = await c.query<{ expert: string; alliance: string }>(
        `SELECT DISTINCT e.name AS expert, al.name AS alliance
           FROM expert e JOIN expert_affiliation a ON a.expert_id = e.id
           JOIN alliance_member m ON m.organization_id = a.organization_id AND m.exited_on IS NULL
           JOIN alliance al ON al.id = m.alliance_id
          WHERE e.name = ANY($1) AND al.name = ANY($2)`,
        [DEMO_PROVINCE_EXPERTS.map((e) => e.name), DEMO_ALLIANCES.map((a) => a.name)],
      );
      return rows;
    });
    expect(tied).toContainEqual({ expert: '周振华', alliance: '株洲轨道交通装备产业技术创新战略联盟' });
    expect(new Set(tied.map((t) => t.expert)).size).toBeGreaterThanOrEqual(3);
  });

  it('gives 株洲 a pool of its own', async () => {
    const count = await asAdmin(async (c) => {
      const { rows } = await c.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM expert e JOIN tenant t ON t.id = e.tenant_id
          WHERE t.code = '430200' AND e.name = ANY($1)`,
        [DEMO_ZHUZHOU_EXPERTS.map((e) => e.name)],
      );
      return rows[0]!.n;
    });
    expect(count).toBe(DEMO_ZHUZHOU_EXPERTS.length);
  });

  it('lists the expert accounts among the demo accounts', () => {
    const province = DEMO_ACCOUNTS.filter((a) => a.tenantCode === '430000' && a.roles.includes('EXPERT'));
    expect(province.map((a) => a.username).sort()).toEqual(
      ['expert', ...DEMO_EXPERT_ACCOUNTS.map((a) => a.username)].sort(),
    );
  });

  it.each(['430200', '430100'])(
    'shows the province’s open call to the demo officer of %s (runtime role, RLS)',
    async (code) => {
      const officer = await userOf(code, 'officer');
      const calls = await asRuntimeRole(
        { tenantId: officer.tenantId, userId: officer.id, roles: ['CITY_OFFICER'] },
        async (db) =>
          (
            await db.query<{
              status: string;
              required_documents: string[];
              opens_at: Date;
              closes_at: Date;
              recommend_by: Date;
              decide_by: Date;
              tenant_code: string;
            }>(
              `SELECT p.status, p.required_documents, p.opens_at, p.closes_at, p.recommend_by, p.decide_by,
                    (SELECT code FROM tenant WHERE id = p.tenant_id) AS tenant_code
               FROM pilot_call p WHERE p.title = $1`,
              [DEMO_PILOT_CALL_TITLE],
            )
          ).rows,
      );
      expect(calls).toHaveLength(1);
      const call = calls[0]!;
      expect(call).toMatchObject({
        status: 'PUBLISHED',
        required_documents: ['FEASIBILITY_REPORT'],
        tenant_code: '430000',
      });
      const now = Date.now();
      expect(call.opens_at.getTime()).toBeLessThan(now - 29 * DAY);
      expect(call.closes_at.getTime()).toBeGreaterThan(now + 59 * DAY);
      expect(call.closes_at.getTime()).toBeLessThan(now + 62 * DAY);
      expect(call.recommend_by.getTime() - call.closes_at.getTime()).toBe(15 * DAY);
      expect(call.decide_by.getTime() - call.closes_at.getTime()).toBe(60 * DAY);
    },
  );

  it.each(['expert', ...DEMO_EXPERT_ACCOUNTS.map((a) => a.username)])(
    'expert account %s signs in with the demo password and reads its own pool entry only',
    async (username) => {
      const agent = api.agent();
      const login = await agent.login('430000', username, DEMO_PASSWORD);
      expect(login.errors).toBeUndefined();
      const me = await agent.send<{ me: { roles: string[] } }>('{ me { roles } }');
      expect(me.data?.me.roles).toEqual(['EXPERT']);
      const user = await userOf('430000', username);
      const seen = await asRuntimeRole(
        { tenantId: user.tenantId, userId: user.id, roles: ['EXPERT'] },
        async (db) => (await db.query<{ name: string }>('SELECT name FROM expert')).rows.map((r) => r.name),
      );
      expect(seen).toEqual([DEMO_PROVINCE_EXPERTS.find((e) => e.username === username)!.name]);
    },
  );
});
