import {
  checkCreditCode,
  creditCodeTypeMismatch,
  type FoundingCondition,
  HUNAN_DIVISIONS,
  parseCreditCode,
} from '@xiangmeng/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../src/demo-seed.js';
import { DEMO_ALLIANCES, DEMO_GAP_EXPECTATIONS } from '../src/demo-register.data.js';
import { asAdmin, databaseUrls, type GraphqlAgent, startTestApi, type TestApi } from './support/harness.js';

// The demo register on the shared test database: seeded twice, it is written once; its codes are
// valid; what it calls established passes Art. 8 through the API, and each FORMING alliance fails
// the condition it was built to fail. Other test files add their own rows, so everything here is
// narrowed to the demo's alliances by name.

const DEMO_NAMES = DEMO_ALLIANCES.map((a) => a.name);

async function demoFingerprint() {
  return asAdmin(async (c) => {
    const { rows } = await c.query<Record<string, string>>(
      `WITH a AS (SELECT * FROM alliance WHERE name = ANY($1)),
            g AS (SELECT * FROM alliance_agreement WHERE alliance_id IN (SELECT id FROM a))
       SELECT (SELECT count(*) FROM a)::text AS alliances,
              (SELECT md5(string_agg(a::text, '|' ORDER BY a.id)) FROM a) AS alliance_rows,
              (SELECT count(*) FROM alliance_member WHERE alliance_id IN (SELECT id FROM a))::text AS members,
              (SELECT count(*) FROM alliance_member WHERE alliance_id IN (SELECT id FROM a) AND exited_on IS NOT NULL)::text AS exited,
              (SELECT count(*) FROM governance_body WHERE alliance_id IN (SELECT id FROM a))::text AS bodies,
              (SELECT count(*) FROM g)::text AS agreements,
              (SELECT count(*) FROM agreement_task WHERE agreement_id IN (SELECT id FROM g))::text AS tasks,
              (SELECT count(*) FROM agreement_signature WHERE agreement_id IN (SELECT id FROM g))::text AS signatures,
              (SELECT count(*) FROM alliance_output WHERE alliance_id IN (SELECT id FROM a))::text AS outputs,
              (SELECT count(DISTINCT organization_id) FROM alliance_member WHERE alliance_id IN (SELECT id FROM a))::text AS organizations`,
      [DEMO_NAMES],
    );
    return rows[0]!;
  });
}

type MemberOrganization = {
  alliance: string;
  tenant_code: string;
  role: string;
  name: string;
  type: Parameters<typeof creditCodeTypeMismatch>[1];
  credit_code: string;
};

type CheckNode = {
  name: string;
  status: string;
  members: { role: string }[];
  foundingCheck: {
    allHold: boolean;
    conditions: { condition: FoundingCondition; holds: boolean; reasons: { code: string }[] }[];
  };
};

type Page = {
  alliances: { nodes: CheckNode[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
};

const REGISTER_PAGE = `
  query DemoRegister($after: String) {
    alliances(first: 50, after: $after) {
      nodes {
        name status
        members(current: true) { role }
        foundingCheck(basis: PROVINCE) { allHold conditions { condition holds reasons { code } } }
      }
      pageInfo { hasNextPage endCursor }
    }
  }`;

async function wholeRegister(agent: GraphqlAgent): Promise<CheckNode[]> {
  const nodes: CheckNode[] = [];
  let after: string | null = null;
  do {
    const res = await agent.send<Page>(REGISTER_PAGE, { after });
    expect(res.errors).toBeUndefined();
    const page: Page['alliances'] = res.data!.alliances;
    nodes.push(...page.nodes);
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return nodes;
}

describe('demo register', () => {
  let api: TestApi;
  let runs: { created: number; alliances: number }[];
  let afterFirst: Record<string, string>;
  let afterSecond: Record<string, string>;
  /** The demo's alliances as each city's demo officer sees them through the API. */
  const seen = new Map<string, CheckNode>();

  beforeAll(async () => {
    api = await startTestApi();
    runs = [await seedDemo(databaseUrls().ownerUrl)];
    afterFirst = await demoFingerprint();
    runs.push(await seedDemo(databaseUrls().ownerUrl));
    afterSecond = await demoFingerprint();
    for (const code of new Set(DEMO_ALLIANCES.map((a) => a.tenantCode))) {
      const agent = api.agent();
      const login = await agent.login(code, 'officer', DEMO_PASSWORD);
      expect(login.errors, `demo officer of ${code}`).toBeUndefined();
      for (const node of await wholeRegister(agent)) {
        if (DEMO_NAMES.includes(node.name)) seen.set(node.name, node);
      }
    }
  });
  afterAll(async () => {
    await api.close();
  });

  it('writes the register once: a second run adds nothing and changes nothing', () => {
    expect(runs[1]).toEqual({ created: 0, alliances: 0 });
    expect(Number(afterFirst.alliances)).toBe(DEMO_ALLIANCES.length);
    expect(afterSecond).toEqual(afterFirst);
    expect(Number(afterFirst.members)).toBeGreaterThan(4 * DEMO_ALLIANCES.length - 10);
    expect(Number(afterFirst.exited)).toBeGreaterThan(0);
    expect(Number(afterFirst.signatures)).toBeGreaterThan(Number(afterFirst.agreements));
    expect(Number(afterFirst.outputs)).toBeGreaterThan(DEMO_ALLIANCES.length);
  });

  it('spreads over all 14 cities and holds a few pilots and dissolutions', () => {
    const cities = HUNAN_DIVISIONS.filter((d) => d.level === 'CITY').map((d) => d.code);
    expect(new Set(DEMO_ALLIANCES.map((a) => a.tenantCode))).toEqual(new Set(cities));
    expect(DEMO_ALLIANCES.length).toBeGreaterThanOrEqual(38);
    expect(DEMO_ALLIANCES.filter((a) => a.pilotStatus === 'CITY_PILOT').length).toBeGreaterThanOrEqual(3);
    expect(DEMO_ALLIANCES.filter((a) => a.status === 'DISSOLVED').length).toBeGreaterThanOrEqual(2);
    expect(new Set(DEMO_ALLIANCES.map((a) => a.industryCode)).size).toBeGreaterThanOrEqual(20);
  });

  it('gives every member organization a valid credit code of the right authority and place', async () => {
    const rows = await asAdmin(async (c) => {
      const { rows } = await c.query<MemberOrganization>(
        `SELECT a.name AS alliance, t.code AS tenant_code, m.role, o.name, o.type, o.credit_code
         FROM alliance a JOIN tenant t ON t.id = a.tenant_id
         JOIN alliance_member m ON m.alliance_id = a.id JOIN organization o ON o.id = m.organization_id
         WHERE a.name = ANY($1)`,
        [DEMO_NAMES],
      );
      return rows;
    });
    expect(new Set(rows.map((r) => r.alliance)).size).toBe(DEMO_ALLIANCES.length);
    for (const r of rows) {
      expect(checkCreditCode(r.credit_code), `${r.name} ${r.credit_code}`).toBeNull();
      expect(creditCodeTypeMismatch(r.credit_code, r.type), `${r.name} is ${r.type}`).toBe(false);
      // Chairs are local enterprises: registered in the alliance's own city.
      if (r.role === 'CHAIR') expect(r.credit_code.slice(2, 6), r.name).toBe(r.tenant_code.slice(0, 4));
    }
    const byAuthority = (digit: string) =>
      new Set(rows.filter((r) => r.credit_code.startsWith(digit)).map((r) => r.name)).size;
    expect(byAuthority('9')).toBeGreaterThan(50);
    expect(byAuthority('1')).toBeGreaterThan(10);
    expect(byAuthority('5')).toBeGreaterThanOrEqual(3);
    const outOfProvince = new Set(
      rows.filter((r) => !parseCreditCode(r.credit_code).inHunan).map((r) => r.name),
    );
    expect(outOfProvince.size).toBeGreaterThanOrEqual(2);
    expect(outOfProvince.size).toBeLessThanOrEqual(3);
    // Shared across alliances, as universities and institutes are.
    const alliancesPerOrganization = new Map<string, number>();
    for (const r of rows)
      alliancesPerOrganization.set(r.name, (alliancesPerOrganization.get(r.name) ?? 0) + 1);
    expect([...alliancesPerOrganization.values()].filter((n) => n >= 3).length).toBeGreaterThanOrEqual(5);
  });

  it('shows every demo alliance to its own city, and no other', () => {
    expect(seen.size).toBe(DEMO_ALLIANCES.length);
  });

  it('passes Art. 8 for every ESTABLISHED alliance, as the API checks it', () => {
    const established = DEMO_ALLIANCES.filter((a) => a.status === 'ESTABLISHED');
    expect(established.length).toBeGreaterThanOrEqual(20);
    for (const a of established) {
      const node = seen.get(a.name)!;
      expect(node.status).toBe('ESTABLISHED');
      const failing = node.foundingCheck.conditions.filter((c) => !c.holds).map((c) => c.condition);
      expect(failing, a.name).toEqual([]);
      expect(node.foundingCheck.allHold, a.name).toBe(true);
    }
  });

  it('records dissolutions with every member gone', () => {
    for (const a of DEMO_ALLIANCES.filter((d) => d.status === 'DISSOLVED')) {
      const node = seen.get(a.name)!;
      expect(node.status).toBe('DISSOLVED');
      expect(node.members, `${a.name} has no current member`).toEqual([]);
    }
  });

  it('has FORMING alliances that each fail the condition they lack, at least five distinct ones', () => {
    const distinct = new Set<FoundingCondition>();
    let failingAlliances = 0;
    for (const a of DEMO_ALLIANCES) {
      if (a.status !== 'FORMING') continue;
      const node = seen.get(a.name)!;
      expect(node.status).toBe('FORMING');
      const expected = DEMO_GAP_EXPECTATIONS[a.gap];
      const failing = node.foundingCheck.conditions.filter((c) => !c.holds);
      expect(
        failing.map((c) => c.condition),
        `${a.name} (${a.gap})`,
      ).toEqual(expected.failing);
      if (expected.reasonCode) {
        expect(failing.flatMap((c) => c.reasons.map((r) => r.code))).toContain(expected.reasonCode);
        failingAlliances += 1;
        // The condition the gap is about comes first (an unsigned agreement fails (4)–(6) as well).
        distinct.add(expected.failing[0]!);
      } else {
        expect(node.foundingCheck.allHold, `${a.name} is ready to be established`).toBe(true);
      }
    }
    expect(failingAlliances).toBeGreaterThanOrEqual(5);
    expect(distinct.size).toBeGreaterThanOrEqual(5);
  });
});
