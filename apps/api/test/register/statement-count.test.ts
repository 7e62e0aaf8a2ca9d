import { CREDIT_CODE_CHARSET, creditCodeCheckCharacter } from '@xiangmeng/domain';
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it, type MockInstance, vi } from 'vitest';
import {
  asAdmin,
  createUser,
  type GraphqlAgent,
  signedInAgent,
  startTestApi,
  type TestApi,
  tenantId,
} from '../support/harness';

// The register's page costs the same number of SQL statements whatever its size: every relation
// of an alliance is loaded once per request for the whole page (DataLoader), never per row.
// Statements are counted where TypeORM logs them: every query a request's runner sends passes
// through the data source's logger, transaction control and identity statements included.

// Every relation an alliance has, and the register list as the apps ask for it (the benchmark's
// query with the 市州 and 备案 columns).
const FULL_PAGE = `
  query RegisterPage($first: Int!) {
    alliances(first: $first) {
      totalCount
      nodes {
        id name status
        industry { name }
        tenant { name }
        filing { state filingNumber }
        chairMember { name }
        hostOrganization { name }
        members(current: true) { organization { name } role }
        governanceBodies { kind name }
        agreements { version inEffect tasks { task } signatures { signedOn } }
        outputs { year kind quantity }
        documents { id }
        foundingCheck { allHold conditions { condition holds } }
        availableActions
      }
      pageInfo { hasNextPage endCursor }
    }
  }`;

const LIST_PAGE = `
  query RegisterList($first: Int!) {
    alliances(first: $first) {
      nodes {
        id name status
        industry { name }
        tenant { code name }
        filing { state filingNumber }
        chairMember { name }
        members(current: true) { organization { name } role }
        foundingCheck { allHold conditions { condition holds } }
      }
    }
  }`;

type PageData = {
  alliances: {
    nodes: { members: unknown[]; foundingCheck: { allHold: boolean } }[];
  };
};

function creditCode(authority: string): string {
  const first17 = `${authority}1430000${Array.from({ length: 9 }, () => CREDIT_CODE_CHARSET.charAt(randomInt(31))).join('')}`;
  return first17 + creditCodeCheckCharacter(first17);
}

/** `count` complete alliances in a tenant: a chair of their own, a shared university and institute, bodies, a signed agreement, outputs. */
async function seedAlliances(tenantCode: string, count: number): Promise<void> {
  const tenant = await tenantId(tenantCode);
  const tag = randomBytes(3).toString('hex');
  const alliances = Array.from({ length: count }, () => randomUUID());
  const chairs = Array.from({ length: count }, () => randomUUID());
  const [university, institute] = [randomUUID(), randomUUID()];
  await asAdmin(async (c) => {
    await c.query('BEGIN');
    await c.query(
      `INSERT INTO organization (id, credit_code, name, type, legal_representative, industry_backbone, backbone_basis, added_by_tenant_id)
       SELECT e.id, e.code, '语句计数测试企业' || $3 || '-' || e.n, 'ENTERPRISE', '张建国', true, '省级企业技术中心', $4::uuid
       FROM unnest($1::uuid[], $2::text[]) WITH ORDINALITY AS e(id, code, n)
       UNION ALL SELECT $5::uuid, $6, '语句计数测试大学' || $3, 'UNIVERSITY', '李志强', false, '', $4
       UNION ALL SELECT $7::uuid, $8, '语句计数测试研究院' || $3, 'RESEARCH_INSTITUTE', '王海涛', false, '', $4`,
      [
        chairs,
        chairs.map(() => creditCode('9')),
        tag,
        tenant,
        university,
        creditCode('1'),
        institute,
        creditCode('1'),
      ],
    );
    await c.query(
      `INSERT INTO alliance (id, tenant_id, name, industry_code, founded_on, liable_entity, executive_full_time_staff,
                             host_organization_id, created_at)
       SELECT a.id, $2, '语句计数测试联盟' || $3 || '-' || a.n, 'SE0201', DATE '2024-01-01', '理事长单位', 2, $4,
              date_trunc('milliseconds', now()) + a.n * interval '1 millisecond'
       FROM unnest($1::uuid[]) WITH ORDINALITY AS a(id, n)`,
      [alliances, tenant, tag, university],
    );
    await c.query(
      `INSERT INTO alliance_member (tenant_id, alliance_id, organization_id, role, joined_on)
       SELECT $2, x.a, o.id, o.role, DATE '2024-01-01'
       FROM unnest($1::uuid[], $3::uuid[]) AS x(a, chair)
       CROSS JOIN LATERAL (VALUES (x.chair, 'CHAIR'), ($4::uuid, 'MEMBER'), ($5::uuid, 'MEMBER')) AS o(id, role)`,
      [alliances, tenant, chairs, university, institute],
    );
    await c.query(
      `INSERT INTO governance_body (tenant_id, alliance_id, kind, name)
       SELECT $2, a, k.kind, k.name FROM unnest($1::uuid[]) AS a
       CROSS JOIN (VALUES ('DECISION', '理事会'), ('ADVISORY', '专家委员会'), ('EXECUTIVE', '秘书处')) AS k(kind, name)`,
      [alliances, tenant],
    );
    await c.query(
      `INSERT INTO alliance_agreement (tenant_id, alliance_id, version, innovation_goals, ip_ownership, ip_licensing,
                                       ip_benefit_sharing, breach_liability, fund_management, fund_supervision,
                                       new_members_rule, external_cooperation, results_diffusion)
       SELECT $2, a, 1, '目标', '归属', '许可', '分配', '违约', '管理', '监督', '吸收', '合作', '扩散' FROM unnest($1::uuid[]) AS a`,
      [alliances, tenant],
    );
    await c.query(
      `INSERT INTO agreement_task (tenant_id, agreement_id, organization_id, task)
       SELECT g.tenant_id, g.id, m.organization_id, '任务分工'
       FROM alliance_agreement g JOIN alliance_member m ON m.alliance_id = g.alliance_id WHERE g.alliance_id = ANY($1)`,
      [alliances],
    );
    await c.query(
      `INSERT INTO agreement_signature (tenant_id, agreement_id, organization_id, signatory_name, signed_on)
       SELECT g.tenant_id, g.id, m.organization_id, '法定代表人', DATE '2024-01-02'
       FROM alliance_agreement g JOIN alliance_member m ON m.alliance_id = g.alliance_id WHERE g.alliance_id = ANY($1)`,
      [alliances],
    );
    await c.query(
      `INSERT INTO alliance_output (tenant_id, alliance_id, year, kind, quantity)
       SELECT $2, a, y, 'PATENT', 3 FROM unnest($1::uuid[]) AS a CROSS JOIN generate_series(2024, 2025) AS y`,
      [alliances, tenant],
    );
    await c.query('COMMIT');
  });
}

describe('statements per register page', () => {
  let api: TestApi;
  let agent: GraphqlAgent;
  let logQuery: MockInstance;

  beforeAll(async () => {
    // The province's own register: no demo data lives there, so the page is these alliances.
    await seedAlliances('430000', 60);
    api = await startTestApi();
    agent = await signedInAgent(api, await createUser('430000', ['PROVINCE_OFFICER'], 'stmt'));
    logQuery = vi.spyOn(api.app.get(DataSource).logger, 'logQuery');
    // The industry taxonomy is read once per process, by the first page that shows an industry.
    expect((await agent.send(LIST_PAGE, { first: 1 })).errors).toBeUndefined();
  });
  afterAll(async () => {
    logQuery?.mockRestore();
    await api?.close();
  });

  /** Sends one page request; returns the statements its request ran, normalised and sorted. */
  async function statementsFor(query: string, first: number): Promise<string[]> {
    logQuery.mockClear();
    const res = await agent.send<PageData>(query, { first });
    expect(res.errors).toBeUndefined();
    const nodes = res.data!.alliances.nodes;
    expect(nodes).toHaveLength(first);
    for (const node of nodes) {
      expect(node.members).toHaveLength(3);
      expect(node.foundingCheck.allHold).toBe(true);
    }
    // The same statement whatever the page: parameter lists and the LIMIT are what grows.
    return logQuery.mock.calls
      .map((call) =>
        String(call[0])
          .replace(/\s+/g, ' ')
          .replace(/\$\d+(, \$\d+)*/g, '$n')
          .replace(/LIMIT \d+/g, 'LIMIT n')
          .trim(),
      )
      .sort();
  }

  it.each([
    { page: 'every relation', query: FULL_PAGE, most: 12 },
    // The list's 市州 and 备案 columns cost one batch each; it asks for no totalCount, so no count.
    // Members, their organizations, agreements and bodies come in the Art. 8 snapshot's one statement.
    { page: 'the register list', query: LIST_PAGE, most: 7 },
  ])('runs the same statements for 5 alliances as for 50: $page', async ({ page, query, most }) => {
    const five = await statementsFor(query, 5);
    const fifty = await statementsFor(query, 50);
    const again = await statementsFor(query, 5);
    expect(fifty).toEqual(five);
    expect(again).toEqual(five);
    // The transaction opened with its session and identity (one round trip), the page and (when
    // asked) its count, one batch per relation, and COMMIT.
    expect(five.length).toBeLessThanOrEqual(most);
    console.info(`${page}: ${five.length} SQL statements per page of 5 and of 50 alliances`);
  });
});
