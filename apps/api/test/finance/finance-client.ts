import { asAdmin, type GraphqlAgent, tenantId } from '../support/harness';
import { creditCode, dataOf, uniqueName } from '../support/register-client';

// Finance linkage through GraphQL, and its fixtures: an alliance of a city with an enterprise and
// a bank as members, a bank outside it, written as the superuser (the register is not under test).

export const NEED_FIELDS = `id tenantId allianceId allianceName organizationId organizationName amountFen purpose
  termMonths preferredForm preferredFormLabel postedOn inLinkageProgramme status statusLabel version
  introductions { id institutionId institutionName eventId introducedOn outcome outcomeLabel outcomeOn outcomeNote version }`;
export const RECORD_FIELDS = `id form formLabel institutionId institutionName organizationId organizationName allianceId
  allianceName needId amountFen grantedOn termMonths rateBasisPoints registeredOn`;
const FIGURES = `shareNumerator shareDenominator perBankYearlyCeilingFen ceilingYear paidThisYearFen shareOfLossFen
  remainingCeilingFen amountFen cappedByCeiling measuresVersionNo measuresId`;
export const CLAIM_FIELDS = `id financingRecordId institutionId institutionName organizationName loanAmountFen grantedOn
  registeredOn state stateLabel version defaultedOn principalLostFen amountFen filedOn lastReason actions
  basis { ${FIGURES} } preview { ${FIGURES} }`;

export const F = {
  postNeed: `mutation ($input: PostFinancingNeedInput!) { postFinancingNeed(input: $input) { ${NEED_FIELDS} } }`,
  changeNeed: `mutation ($input: ChangeFinancingNeedInput!) { changeFinancingNeed(input: $input) { ${NEED_FIELDS} } }`,
  needs: `query ($status: String, $allianceId: ID, $institutionId: ID) {
    financingNeeds(status: $status, allianceId: $allianceId, institutionId: $institutionId) { ${NEED_FIELDS} } }`,
  need: `query ($id: ID!) { financingNeed(id: $id) { ${NEED_FIELDS} } }`,
  recordEvent: `mutation ($input: RecordFinancingEventInput!) { recordFinancingEvent(input: $input) {
    id title heldOn organizer institutions { id name } enterprises { id name } note } }`,
  events: `{ financingEvents { id title } }`,
  introduce: `mutation ($input: IntroduceInstitutionInput!) { introduceInstitution(input: $input) { ${NEED_FIELDS} } }`,
  answer: `mutation ($input: AnswerIntroductionInput!) { answerIntroduction(input: $input) { ${NEED_FIELDS} } }`,
  recordFinancing: `mutation ($input: RecordFinancingInput!) { recordFinancing(input: $input) { ${RECORD_FIELDS} } }`,
  records: `{ financingRecords { ${RECORD_FIELDS} } }`,
  fileClaim: `mutation ($input: FileCompensationClaimInput!) { fileCompensationClaim(input: $input) { ${CLAIM_FIELDS} } }`,
  transitionClaim: `mutation ($input: TransitionCompensationClaimInput!) {
    transitionCompensationClaim(input: $input) { ${CLAIM_FIELDS} } }`,
  claims: `{ compensationClaims { ${CLAIM_FIELDS} } }`,
  claim: `query ($id: ID!) { compensationClaim(id: $id) { ${CLAIM_FIELDS} } }`,
  statistics: `query ($year: Int) { financingStatistics(year: $year) { tenantId cityName form formLabel institutionId
    institutionName year records amountFen } }`,
  enrol: `mutation ($input: EnrolLinkageInstitutionInput!) { enrolLinkageInstitution(input: $input) {
    id organizationId name type typeLabel enrolledOn withdrawnOn } }`,
  linkage: `{ linkageInstitutions { id organizationId name } }`,
};

export type NeedView = {
  id: string;
  tenantId: string;
  amountFen: string;
  status: string;
  version: number;
  inLinkageProgramme: boolean;
  introductions: { id: string; institutionId: string; outcome: string; version: number }[];
};
export type RecordView = { id: string; amountFen: string; form: string; registeredOn: string | null };
export type Figures = {
  shareNumerator: number;
  shareDenominator: number;
  perBankYearlyCeilingFen: string;
  ceilingYear: number;
  paidThisYearFen: string;
  shareOfLossFen: string;
  remainingCeilingFen: string;
  amountFen: string;
  cappedByCeiling: boolean;
};
export type ClaimView = {
  id: string;
  state: string;
  version: number;
  amountFen: string | null;
  actions: string[];
  basis: Figures | null;
  preview: Figures | null;
};

export type FinanceParties = {
  tenantId: string;
  allianceId: string;
  enterpriseId: string;
  /** A member of the alliance. */
  bankId: string;
  /** A bank outside the alliance and the linkage programme. */
  outsiderBankId: string;
  /** A venture capital firm outside the alliance, enrolled in the province's linkage programme. */
  linkageVcId: string;
};

async function organization(type: string, prefix: string, by: string): Promise<string> {
  return asAdmin(async (c) => {
    const { rows } = await c.query<{ id: string }>(
      `INSERT INTO organization (credit_code, name, type, legal_representative, added_by_tenant_id)
       VALUES ($1, $2, $3, '张三', $4) RETURNING id`,
      [creditCode({ division: '430200' }), uniqueName(prefix), type, by],
    );
    return rows[0]!.id;
  });
}

/** An established alliance of `code` with an enterprise and a bank as members since 2024. */
export async function financeParties(code: string): Promise<FinanceParties> {
  const tenant = await tenantId(code);
  const province = await tenantId('430000');
  const enterpriseId = await organization('ENTERPRISE', '株洲测试电机', tenant);
  const bankId = await organization('BANK', '测试银行株洲分行', tenant);
  const outsiderBankId = await organization('BANK', '联盟外银行', tenant);
  const linkageVcId = await organization('VENTURE_CAPITAL', '对接计划创投', province);
  const allianceId = await asAdmin(async (c) => {
    const { rows: industries } = await c.query<{ code: string }>(
      'SELECT code FROM industry ORDER BY sort_order LIMIT 1',
    );
    const { rows } = await c.query<{ id: string }>(
      `INSERT INTO alliance (tenant_id, name, industry_code, founded_on, status, established_on)
       VALUES ($1, $2, $3, '2024-01-01', 'ESTABLISHED', '2024-01-01') RETURNING id`,
      [tenant, uniqueName('融资测试联盟'), industries[0]!.code],
    );
    const id = rows[0]!.id;
    await c.query(
      `INSERT INTO alliance_member (tenant_id, alliance_id, organization_id, role, joined_on)
       VALUES ($1, $2, $3, 'CHAIR', '2024-01-01'), ($1, $2, $4, 'MEMBER', '2024-01-01')`,
      [tenant, id, enterpriseId, bankId],
    );
    await c.query(
      `INSERT INTO finance_linkage_institution (tenant_id, organization_id, enrolled_on) VALUES ($1, $2, '2024-01-01')`,
      [province, linkageVcId],
    );
    return id;
  });
  return { tenantId: tenant, allianceId, enterpriseId, bankId, outsiderBankId, linkageVcId };
}

export function needInput(p: FinanceParties, overrides: Record<string, unknown> = {}) {
  return {
    allianceId: p.allianceId,
    organizationId: p.enterpriseId,
    amountFen: '1000000000',
    purpose: '牵引电机产线扩产',
    termMonths: 36,
    preferredForm: 'LOAN',
    postedOn: '2026-11-02',
    inLinkageProgramme: false,
    ...overrides,
  };
}

export function loanInput(p: FinanceParties, overrides: Record<string, unknown> = {}) {
  return {
    form: 'LOAN',
    institutionId: p.bankId,
    organizationId: p.enterpriseId,
    allianceId: p.allianceId,
    amountFen: '1000000000',
    grantedOn: '2026-11-10',
    termMonths: 36,
    rateBasisPoints: 385,
    registeredOn: '2026-11-20',
    ...overrides,
  };
}

export async function postNeed(agent: GraphqlAgent, input: Record<string, unknown>): Promise<NeedView> {
  return dataOf(await agent.send<{ postFinancingNeed: NeedView }>(F.postNeed, { input })).postFinancingNeed;
}

export async function recordLoan(agent: GraphqlAgent, input: Record<string, unknown>): Promise<RecordView> {
  return dataOf(await agent.send<{ recordFinancing: RecordView }>(F.recordFinancing, { input }))
    .recordFinancing;
}

export async function fileClaim(agent: GraphqlAgent, input: Record<string, unknown>): Promise<ClaimView> {
  return dataOf(await agent.send<{ fileCompensationClaim: ClaimView }>(F.fileClaim, { input }))
    .fileCompensationClaim;
}
