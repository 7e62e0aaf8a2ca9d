import { HUNAN_2016_PARAMETERS, type TaskContract } from '@xiangmeng/domain';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { ProjectsService } from '../../src/modules/projects/projects.service';
import type { GraphqlAgent, TestApi, TestUser } from '../support/harness';
import { asAdmin, tenantId } from '../support/harness';
import { dataOf } from '../support/register-client';
import { organization } from '../reviews/review-fixtures';

// Operations and fixtures for the project and ledger tests. Projects are opened the way an award
// opens them: ProjectsService.openFromAward in a transaction of the authority's identity.

export const PROJECT_FIELDS = `id authorityTenantId cityTenantId programmeId applicationId allianceId title awardFen
  supportSource awardedOn state stateLabel version contract decisionBasis pendingChange reports frozenAt lastReason
  availableActions totals { awardedFen disbursedFen recoveredFen netFen remainingFen }
  ledger { id kind amountFen entryOn documentNumber note }`;

export type ProjectView = {
  id: string;
  authorityTenantId: string;
  cityTenantId: string;
  programmeId: string;
  applicationId: string;
  allianceId: string;
  title: string;
  awardFen: string;
  supportSource: string;
  awardedOn: string;
  state: string;
  stateLabel: string;
  version: number;
  contract: TaskContract;
  decisionBasis: Record<string, unknown> | null;
  pendingChange: Record<string, unknown> | null;
  reports: Record<string, unknown>[];
  frozenAt: string | null;
  lastReason: string | null;
  availableActions: string[];
  totals: {
    awardedFen: string;
    disbursedFen: string;
    recoveredFen: string;
    netFen: string;
    remainingFen: string;
  };
  ledger: {
    id: string;
    kind: string;
    amountFen: string;
    entryOn: string;
    documentNumber: string;
    note: string;
  }[];
};

export const Q = {
  project: `query ($id: ID!) { project(id: $id) { ${PROJECT_FIELDS} } }`,
  projects: `query ($filter: ProjectFilterInput) { projects(filter: $filter) { totalCount items { id state title } } }`,
  openOfAlliance: `query ($allianceId: ID!) { openProjectsOfAlliance(allianceId: $allianceId) { id state } }`,
  balances: `query ($by: String!, $filter: LedgerBalanceFilterInput) {
    ledgerBalances(by: $by, filter: $filter) { key awardedFen disbursedFen recoveredFen netFen } }`,
  disburse: `mutation ($input: LedgerEntryInput!) { disburseProject(input: $input) { id kind amountFen entryOn } }`,
  recover: `mutation ($input: LedgerEntryInput!) { recoverProjectFunds(input: $input) { id kind amountFen entryOn } }`,
  transition: `mutation ($input: TransitionProjectInput!) { transitionProject(input: $input) { ${PROJECT_FIELDS} } }`,
} as const;

export type Unit = { id: string; name: string };

/** A contract the domain accepts: the chair unit responsible, support = the award, self-raised alike. */
export function contractFor(
  chair: Unit,
  partner: Unit,
  awardFen: string,
  level: 'PROVINCE' | 'CITY' = 'PROVINCE',
): TaskContract {
  return {
    title: `高端装备协同攻关项目${randomUUID().slice(0, 6)}`,
    startOn: '2027-07-01',
    endOn: '2029-06-30',
    targets: '突破关键零部件国产化，形成示范生产线',
    indicators: [{ name: '发明专利', target: '申请 5 项' }],
    milestones: [
      { title: '完成样机', dueOn: '2028-06-30' },
      { title: '示范线投产', dueOn: '2029-06-30' },
    ],
    responsibleUnit: { organizationId: chair.id, name: chair.name },
    responsiblePerson: '王五',
    participants: [
      { organizationId: chair.id, name: chair.name, task: '总体设计与集成' },
      { organizationId: partner.id, name: partner.name, task: '关键材料研究' },
    ],
    ipTerms: {
      ownership: '谁完成谁所有，合作完成的共有',
      licensing: '优先许可省内单位实施',
      benefitShares: [
        { organizationId: chair.id, name: chair.name, basisPoints: 6000 },
        { organizationId: partner.id, name: partner.name, basisPoints: 4000 },
      ],
      onDissolution: '联盟解散时由各共有方按比例继承',
      onMemberExit: '退出成员保留已取得的权利，放弃后续收益',
    },
    budget: {
      totalFen: (BigInt(awardFen) * 2n).toString(),
      lines: [
        {
          source: level === 'PROVINCE' ? 'PROVINCIAL_SUPPORT' : 'CITY_MATCHING',
          amountFen: awardFen,
          purpose: '研发',
        },
        { source: 'SELF_RAISED', amountFen: awardFen, purpose: '配套' },
      ],
    },
  };
}

export async function units(code: string): Promise<{ chair: Unit; partner: Unit }> {
  return { chair: await organization('承担单位', code), partner: await organization('参与单位', code) };
}

/** Runs `fn` in a transaction of `user`'s identity, as a request does. */
export function asUser<T>(api: TestApi, user: TestUser, fn: (db: EntityManager) => Promise<T>): Promise<T> {
  return api.app.get(DataSource).transaction(async (db: EntityManager) => {
    await db.query(
      `SELECT set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true), set_config('app.roles', $3, true)`,
      [user.tenantId, user.id, user.roles.join(',')],
    );
    return fn(db);
  });
}

/** A published programme of the authority (as the superuser: the programme is not under test here). */
export async function programmeOf(code: string): Promise<string> {
  const tenant = await tenantId(code);
  return asAdmin(async (c) => {
    const { rows: measures } = await c.query<{ tenant_id: string; id: string; version_no: number }>(
      `SELECT tenant_id, id, version_no FROM measures WHERE status = 'PUBLISHED' AND tenant_id IN ($1, (SELECT parent_id FROM tenant WHERE id = $1))
        ORDER BY (tenant_id = $1) DESC, effective_on DESC LIMIT 1`,
      [tenant],
    );
    const m = measures[0]!;
    const { rows } = await c.query<{ id: string }>(
      `INSERT INTO programme (tenant_id, name, kind, year, total_budget_fen, measures_tenant_id, measures_id,
                              measures_version_no, criteria, award_notice_days, acceptance_notice_days, status, published_at)
       VALUES ($1, $2, 'PLAN_PROJECT', 2027, 100000000000, $3, $4, $5, $6, 5, 0, 'PUBLISHED', now())
       RETURNING id`,
      [
        tenant,
        `测试计划${randomUUID().slice(0, 8)}`,
        m.tenant_id,
        m.id,
        m.version_no,
        JSON.stringify(HUNAN_2016_PARAMETERS.review.criteria),
      ],
    );
    return rows[0]!.id;
  });
}

export type Opening = {
  programmeId: string;
  allianceId?: string;
  allianceTenantId: string;
  awardFen: string;
  contract: TaskContract;
  applicationId?: string;
};

/** Opens a project as `authority` (its admin or officer) would at award. */
export async function openProject(api: TestApi, authority: TestUser, o: Opening) {
  return asUser(api, authority, (db) =>
    api.app.get(ProjectsService).openFromAward(db, {
      tenantId: authority.tenantId,
      programmeId: o.programmeId,
      applicationId: o.applicationId ?? randomUUID(),
      allianceId: o.allianceId ?? randomUUID(),
      allianceTenantId: o.allianceTenantId,
      awardFen: o.awardFen,
      contract: o.contract,
    }),
  );
}

export async function readProject(agent: GraphqlAgent, id: string): Promise<ProjectView> {
  return dataOf(await agent.send<{ project: ProjectView }>(Q.project, { id })).project;
}

export function ledgerInput(projectId: string, amountFen: string, overrides: Record<string, unknown> = {}) {
  return {
    projectId,
    amountFen,
    entryOn: '2027-09-15',
    documentNumber: `湘财教指〔2027〕${randomUUID().slice(0, 4)}号`,
    note: '',
    ...overrides,
  };
}
