import { randomBytes } from 'node:crypto';
import { asAdmin, createUser, type GraphqlAgent, type TestUser, tenantId } from '../support/harness';
import { EXPERT_DECLARATION } from '@xiangmeng/domain';
import { creditCode, dataOf } from '../support/register-client';

// Fixtures for expert review, written as the superuser: a province call, city alliances with
// members and applications already sent up and accepted. The review itself goes through the API.

export const PROVINCE = '430000';

export type Organization = { id: string; name: string };

export async function organization(prefix: string, addedByCode: string): Promise<Organization> {
  const name = `${prefix}${randomBytes(3).toString('hex')}`;
  const added = await tenantId(addedByCode);
  const id = await asAdmin(async (c) => {
    const { rows } = await c.query<{ id: string }>(
      `INSERT INTO organization (credit_code, name, type, legal_representative, added_by_tenant_id)
       VALUES ($1, $2, 'ENTERPRISE', '张三', $3) RETURNING id`,
      [creditCode(), name, added],
    );
    return rows[0]!.id;
  });
  return { id, name };
}

export type Call = { id: string; tenantId: string };

/** A published call of the province applying the province's measures in force. */
export async function provinceCall(): Promise<Call> {
  const province = await tenantId(PROVINCE);
  const id = await asAdmin(async (c) => {
    const { rows: measures } = await c.query<{ id: string; version_no: number }>(
      `SELECT id, version_no FROM measures WHERE tenant_id = $1 AND status = 'PUBLISHED'
        ORDER BY effective_on DESC, version_no DESC LIMIT 1`,
      [province],
    );
    const { rows } = await c.query<{ id: string }>(
      `INSERT INTO pilot_call (tenant_id, title, opens_at, closes_at, recommend_by, decide_by, measures_tenant_id,
                               measures_id, measures_version_no, status, published_at)
       VALUES ($1, $2, now() - interval '20 days', now() - interval '10 days', now() - interval '5 days',
               now() + interval '30 days', $1, $3, $4, 'PUBLISHED', now() - interval '20 days') RETURNING id`,
      [province, `评审测试批次${randomBytes(3).toString('hex')}`, measures[0]!.id, measures[0]!.version_no],
    );
    return rows[0]!.id;
  });
  return { id, tenantId: province };
}

export type Application = {
  id: string;
  tenantId: string;
  allianceId: string;
  members: Organization[];
  recommendingTenantId: string;
};

/** An alliance of `cityCode` with `members`, its application to `call` ACCEPTED by the province. */
export async function acceptedApplication(
  call: Call,
  cityCode: string,
  industryCode: string,
  members: Organization[],
): Promise<Application> {
  const city = await tenantId(cityCode);
  return asAdmin(async (c) => {
    const name = `评审测试联盟${randomBytes(3).toString('hex')}`;
    const { rows: alliance } = await c.query<{ id: string }>(
      `INSERT INTO alliance (tenant_id, name, industry_code, founded_on, status, established_on)
       VALUES ($1, $2, $3, '2024-01-01', 'ESTABLISHED', '2024-06-01') RETURNING id`,
      [city, name, industryCode],
    );
    const allianceId = alliance[0]!.id;
    for (const [i, m] of members.entries()) {
      await c.query(
        `INSERT INTO alliance_member (tenant_id, alliance_id, organization_id, role, joined_on)
         VALUES ($1, $2, $3, $4, '2024-01-01')`,
        [city, allianceId, m.id, i === 0 ? 'CHAIR' : 'MEMBER'],
      );
    }
    const { rows: measures } = await c.query<{
      measures_id: string;
      measures_tenant_id: string;
      measures_version_no: number;
    }>('SELECT measures_id, measures_tenant_id, measures_version_no FROM pilot_call WHERE id = $1', [
      call.id,
    ]);
    const dossier = {
      alliance: { id: allianceId, name, industryCode },
      members: members.map((m) => ({ organizationId: m.id, name: m.name })),
      measures: {
        id: measures[0]!.measures_id,
        tenantId: measures[0]!.measures_tenant_id,
        versionNo: measures[0]!.measures_version_no,
      },
    };
    const { rows } = await c.query<{ id: string }>(
      `INSERT INTO pilot_application (tenant_id, alliance_id, call_id, authority_tenant_id, recommending_tenant_id,
                                      level, state, dossier, member_organization_ids, submitted_at, recommended_at,
                                      recommendation_opinion, accepted_at)
       VALUES ($1, $2, $3, $4, $1, 'PROVINCIAL', 'ACCEPTED', $5, $6, now() - interval '8 days',
               now() - interval '6 days', '同意推荐', now() - interval '2 days') RETURNING id`,
      [city, allianceId, call.id, call.tenantId, JSON.stringify(dossier), members.map((m) => m.id)],
    );
    return { id: rows[0]!.id, tenantId: city, allianceId, members, recommendingTenantId: city };
  });
}

/** The state the pilots workflow would have moved the application to. */
export async function setState(applicationId: string, state: string): Promise<void> {
  await asAdmin((c) =>
    c.query(
      `UPDATE pilot_application SET state = $2, version = version + 1,
              review_started_at = CASE WHEN $2 = 'IN_REVIEW' THEN now() ELSE review_started_at END
        WHERE id = $1`,
      [applicationId, state],
    ),
  );
}

export async function expertAccount(tenantCode = PROVINCE): Promise<TestUser> {
  return createUser(tenantCode, ['EXPERT'], 'x');
}

// ---- GraphQL ----

export const TIE = `id label position reason declaredOn organization { id name } bureau { id bureauName }`;
export const EXPERT = `id name title domains { code } affiliations { ${TIE} } declaredConflicts { ${TIE} }
  available unavailableReason accountUsername reviewsThisYear yearlyCap version`;
export const SHEET = `id assignmentId expertName status scores { key label description scale weight score comment } total
  overallOpinion recommendation submittedAt reopenedAt reopenReason version declaredAt declarationVersion`;
export const AGGREGATE = `rule sheets trimmed criteria { key label value min max } total totalSpread totalStdDev
  passMark passes rank`;
export const PANEL = `size complete sheetsSubmitted seats { assignmentId assignedAt expert { id name reviewsThisYear }
  sheet { ${SHEET} } } aggregate { ${AGGREGATE} }`;

export const OPS = {
  experts: `query { experts { ${EXPERT} } }`,
  createExpert: `mutation ($input: ExpertInput!) { createExpert(input: $input) { ${EXPERT} } }`,
  updateExpert: `mutation ($input: UpdateExpertInput!) { updateExpert(input: $input) { ${EXPERT} } }`,
  declareConflict: `mutation ($input: DeclareExpertConflictInput!) { declareExpertConflict(input: $input) { ${EXPERT} } }`,
  propose: `query ($id: ID!) {
    proposePanel(applicationId: $id) { experts { id name } explanation unfilledSeats { seat requirement reason } }
  }`,
  candidates: `query ($id: ID!) {
    panelCandidates(applicationId: $id) { expert { id name } conflicts { code organizationLabel message } }
  }`,
  assign: `mutation ($input: AssignPanelInput!) { assignPanel(input: $input) { ${PANEL} } }`,
  swap: `mutation ($input: SwapPanelMemberInput!) { swapPanelMember(input: $input) { ${PANEL} } }`,
  mine: `query { myReviewAssignments { id assignedAt application { id panel { size } dossier } sheet { ${SHEET} } } }`,
  declare: `mutation ($id: ID!, $v: String!) { declareForReview(assignmentId: $id, declarationVersion: $v) { ${SHEET} } }`,
  save: `mutation ($input: SaveReviewSheetInput!) { saveReviewSheet(input: $input) { ${SHEET} } }`,
  reopen: `mutation ($input: ReopenReviewSheetInput!) { reopenReviewSheet(input: $input) { ${SHEET} } }`,
  ranking: `query ($id: ID!) { callRanking(callId: $id) { application { id } aggregate { ${AGGREGATE} } } }`,
};

export type ExpertView = {
  id: string;
  name: string;
  version: number;
  reviewsThisYear: number;
  yearlyCap: number;
  available: boolean;
  accountUsername: string | null;
  domains: { code: string }[];
  affiliations: {
    id: string;
    label: string;
    position: string | null;
    organization: { id: string } | null;
    bureau: { id: string } | null;
  }[];
  declaredConflicts: { id: string; label: string; reason: string | null; declaredOn: string | null }[];
};
export type SheetView = {
  id: string;
  assignmentId: string;
  expertName: string;
  status: 'DRAFT' | 'SUBMITTED';
  scores: {
    key: string;
    label: string;
    description: string;
    scale: string;
    weight: number;
    score: number | null;
    comment: string;
  }[];
  total: number | null;
  overallOpinion: string;
  recommendation: string | null;
  reopenReason: string | null;
  version: number;
  declaredAt: string | null;
  declarationVersion: string | null;
};
export type AggregateView = {
  rule: string;
  sheets: number;
  trimmed: boolean;
  criteria: { key: string; value: number; min: number; max: number }[];
  total: number;
  totalSpread: number;
  totalStdDev: number;
  passMark: number;
  passes: boolean;
  rank: number | null;
};
export type PanelView = {
  size: number;
  complete: boolean;
  sheetsSubmitted: number;
  seats: {
    assignmentId: string;
    expert: { id: string; name: string; reviewsThisYear: number };
    sheet: SheetView | null;
  }[];
  aggregate: AggregateView | null;
};

export type ExpertInput = {
  name: string;
  title: string;
  domainCodes: string[];
  affiliations: { organizationId?: string; bureauTenantId?: string; position?: string }[];
  available?: boolean;
  unavailableReason?: string;
  accountUserId?: string | null;
};

export async function createExpert(agent: GraphqlAgent, input: ExpertInput): Promise<ExpertView> {
  return dataOf(await agent.send<{ createExpert: ExpertView }>(OPS.createExpert, { input })).createExpert;
}

export function expertName(prefix: string): string {
  return `${prefix}${randomBytes(2).toString('hex')}`;
}

/** The expert confirms the commitment and no-conflict declaration for a seat (before the first score). */
export async function declareSeat(expert: GraphqlAgent, assignmentId: string): Promise<void> {
  dataOf(await expert.send(OPS.declare, { id: assignmentId, v: EXPERT_DECLARATION.version }));
}
