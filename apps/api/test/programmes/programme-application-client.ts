import { HUNAN_2016_PARAMETERS, REVIEW_CRITERIA } from '@xiangmeng/domain';
import { expect } from 'vitest';
import { upload } from '../filings/filing-client';
import { establishedAlliance, PROVINCE, staff, ZHUZHOU } from '../pilots/pilot-client';
import {
  createExpert,
  declareSeat,
  expertAccount,
  expertName,
  OPS,
  organization,
} from '../reviews/review-fixtures';
import {
  asAdmin,
  type GraphqlAgent,
  type GraphqlResponse,
  signedInAgent,
  type TestApi,
  tenantId,
  type TestUser,
} from '../support/harness';
import { dataOf, uniqueName } from '../support/register-client';
import { publishedProgramme, type ProgrammeView } from './programme-client';

// Operations and a world for the programme application tests: the province's published
// programme and call, a 株洲 provincial pilot with its documents, and prior investment.

export const APPLICATION_FIELDS = `id state stateLabel version allianceId allianceName callId programmeId
  requestedSupportFen awardFen recognisedPlatformId submittedAt recommendedAt recommendationOpinion decidedAt decisionReason lastReason
  frozenOn noticeStartsOn noticeEndsOn availableActions
  objections { id receivedOn objector content answer sustained }
  form { title startOn endOn requestedSupportFen responsibleUnit { organizationId name } responsiblePerson
    participants { organizationId name task }
    ipTerms { ownership licensing benefitShares { organizationId name basisPoints } onDissolution onMemberExit }
    sections { key text } }
  documents { documentId kind kindLabel fileName }
  decisionBasis { reason awardFen verifiedInvestmentFen matchRatio supportCeilingFen reviewTotal passes }`;

export const CALL_FIELDS = `id programmeId title status version requiredDocuments measuresVersionNo publishedAt`;
export const INVESTMENT_FIELDS = `id allianceId authorityTenantId description declaredFen evidenceDocumentIds
  verifiedFen verificationReason verifiedOn`;

export type ApplicationView = {
  id: string;
  state: string;
  version: number;
  allianceId: string;
  allianceName: string | null;
  noticeStartsOn: string | null;
  noticeEndsOn: string | null;
  objections: { id: string; answer: string | null; sustained: boolean | null }[];
  requestedSupportFen: string;
  awardFen: string | null;
  availableActions: string[];
  form: { requestedSupportFen: string; responsibleUnit: { organizationId: string } | null };
  documents: { documentId: string; kind: string }[];
  decisionBasis: {
    awardFen: string | null;
    verifiedInvestmentFen: string | null;
    supportCeilingFen: string | null;
  } | null;
};
export type InvestmentView = { id: string; declaredFen: string; verifiedFen: string | null };

export const PA = {
  createCall: `mutation ($programmeId: ID!, $input: ProgrammeCallInput!) {
    createProgrammeCall(programmeId: $programmeId, input: $input) { ${CALL_FIELDS} } }`,
  publishCall: `mutation ($id: ID!, $version: Int!) { publishProgrammeCall(id: $id, version: $version) { ${CALL_FIELDS} } }`,
  calls: `query ($programmeId: ID) { programmeCalls(programmeId: $programmeId) { ${CALL_FIELDS} } }`,
  declare: `mutation ($input: DeclarePriorInvestmentInput!) { declarePriorInvestment(input: $input) { ${INVESTMENT_FIELDS} } }`,
  verify: `mutation ($input: VerifyPriorInvestmentInput!) { verifyPriorInvestment(input: $input) { ${INVESTMENT_FIELDS} } }`,
  investments: `query ($filter: PriorInvestmentFilterInput) { priorInvestments(filter: $filter) { ${INVESTMENT_FIELDS} } }`,
  create: `mutation ($input: CreateProgrammeApplicationInput!) { createProgrammeApplication(input: $input) { ${APPLICATION_FIELDS} } }`,
  save: `mutation ($input: SaveProgrammeApplicationFormInput!) { saveProgrammeApplicationForm(input: $input) { ${APPLICATION_FIELDS} } }`,
  transition: `mutation ($input: TransitionProgrammeApplicationInput!) {
    transitionProgrammeApplication(input: $input) { ${APPLICATION_FIELDS} } }`,
  application: `query ($id: ID!) { programmeApplication(id: $id) { ${APPLICATION_FIELDS} } }`,
  applications: `query ($filter: ProgrammeApplicationFilterInput) {
    programmeApplications(filter: $filter) { totalCount items { id state } } }`,
  mine: `query { myReviewAssignments { id subjectKind programmeApplication { id } project { id } sheet { id version } } }`,
  recordObjection: `mutation ($input: RecordSupportObjectionInput!) {
    recordSupportObjection(input: $input) { id subjectType subjectId receivedOn objector content answer sustained } }`,
  answerObjection: `mutation ($input: AnswerSupportObjectionInput!) {
    answerSupportObjection(input: $input) { id answer sustained answeredAt } }`,
};

const DAY = 86_400_000;
export const YUAN = (yuan: number) => String(yuan * 100);

export function programmeCallInput(now: Date, overrides: Record<string, unknown> = {}) {
  return {
    title: uniqueName('2027年度省级科技计划产学研项目申报通知'),
    description: '按实施办法第十四条申报',
    opensAt: new Date(now.getTime() - DAY).toISOString(),
    closesAt: new Date(now.getTime() + 10 * DAY).toISOString(),
    recommendBy: new Date(now.getTime() + 20 * DAY).toISOString(),
    decideBy: new Date(now.getTime() + 60 * DAY).toISOString(),
    requiredDocuments: ['APPLICATION_FORM', 'ALLIANCE_AGREEMENT', 'BUDGET_STATEMENT'],
    ...overrides,
  };
}

export type World = {
  provinceId: string;
  zhuzhouId: string;
  provOfficer: GraphqlAgent;
  provAdmin: GraphqlAgent;
  zzOfficer: GraphqlAgent;
  zzOfficerUser: TestUser;
  zzAdmin: GraphqlAgent;
  programme: ProgrammeView;
  call: { id: string; version: number };
};

export async function world(
  api: TestApi,
  now: Date,
  programmeOverrides: Record<string, unknown> = {},
  callOverrides: Record<string, unknown> = {},
): Promise<World> {
  const provOfficer = (await staff(api, PROVINCE, ['PROVINCE_OFFICER'])).agent;
  const provAdmin = (await staff(api, PROVINCE, ['PROVINCE_ADMIN'])).agent;
  const zzOfficerStaff = await staff(api, ZHUZHOU, ['CITY_OFFICER']);
  const zzAdmin = (await staff(api, ZHUZHOU, ['CITY_ADMIN'])).agent;
  const programme = await publishedProgramme(provOfficer, provAdmin, {
    awardNoticeDays: 0,
    ...programmeOverrides,
  });
  const draft = dataOf(
    await provOfficer.send<{ createProgrammeCall: { id: string; version: number } }>(PA.createCall, {
      programmeId: programme.id,
      input: programmeCallInput(now, callOverrides),
    }),
  ).createProgrammeCall;
  const call = dataOf(
    await provAdmin.send<{ publishProgrammeCall: { id: string; version: number } }>(PA.publishCall, draft),
  ).publishProgrammeCall;
  return {
    provinceId: await tenantId(PROVINCE),
    zhuzhouId: await tenantId(ZHUZHOU),
    provOfficer,
    provAdmin,
    zzOfficer: zzOfficerStaff.agent,
    zzOfficerUser: zzOfficerStaff.user,
    zzAdmin,
    programme,
    call,
  };
}

/** After the clock moved days ahead the sessions have lapsed: the same roles sign in afresh. */
export async function signInAgain(api: TestApi, w: World): Promise<void> {
  w.provOfficer = (await staff(api, PROVINCE, ['PROVINCE_OFFICER'])).agent;
  w.provAdmin = (await staff(api, PROVINCE, ['PROVINCE_ADMIN'])).agent;
  const zzOfficer = await staff(api, ZHUZHOU, ['CITY_OFFICER']);
  w.zzOfficer = zzOfficer.agent;
  w.zzOfficerUser = zzOfficer.user;
  w.zzAdmin = (await staff(api, ZHUZHOU, ['CITY_ADMIN'])).agent;
}

export type Pilot = {
  allianceId: string;
  chair: { id: string; name: string };
  members: { id: string; name: string }[];
  documents: Record<string, string>;
};

/** A 株洲 alliance made a provincial pilot (superuser: the pilot workflow has its own tests), with documents. */
export async function provincialPilot(w: World, industryCode: string, pilot = true): Promise<Pilot> {
  const { alliance, members } = await establishedAlliance(w.zzOfficer, industryCode);
  if (pilot)
    await asAdmin((c) =>
      c.query(
        `UPDATE alliance SET pilot_status = 'PROVINCIAL_PILOT', pilot_since = '2025-01-10' WHERE id = $1`,
        [alliance.id],
      ),
    );
  const documents: Record<string, string> = {};
  for (const kind of [
    'APPLICATION_FORM',
    'COMMITMENT_LETTER',
    'ALLIANCE_AGREEMENT',
    'BUDGET_STATEMENT',
    'EVIDENCE',
  ])
    documents[kind] = await upload(w.zzOfficer, alliance.id);
  const named = members.map((m) => ({ id: m.id, name: (m as { name?: string }).name ?? '' }));
  return { allianceId: alliance.id, chair: named[0]!, members: named, documents };
}

/** Declares prior investment of `declaredYuan` and has the province verify `verifiedYuan` of it. */
export async function verifiedInvestment(
  w: World,
  pilot: Pilot,
  declaredYuan: number,
  verifiedYuan: number | null,
): Promise<InvestmentView> {
  const declared = dataOf(
    await w.zzOfficer.send<{ declarePriorInvestment: InvestmentView }>(PA.declare, {
      input: {
        allianceId: pilot.allianceId,
        authorityTenantId: w.provinceId,
        description: '2024–2026 年联盟共性技术平台建设投入（设备购置与研发人员费用）',
        declaredFen: YUAN(declaredYuan),
        evidenceDocumentIds: [pilot.documents.EVIDENCE],
      },
    }),
  ).declarePriorInvestment;
  if (verifiedYuan === null) return declared;
  return dataOf(
    await w.provOfficer.send<{ verifyPriorInvestment: InvestmentView }>(PA.verify, {
      input: {
        id: declared.id,
        verifiedFen: YUAN(verifiedYuan),
        reason: verifiedYuan < declaredYuan ? '部分设备发票不在投入期内，核减' : null,
      },
    }),
  ).verifyPriorInvestment;
}

export function formInput(
  application: { id: string; version: number },
  pilot: Pilot,
  overrides: Record<string, unknown> = {},
) {
  const [chair, second, third] = pilot.members;
  return {
    id: application.id,
    version: application.version,
    title: '轨道交通装备关键部件共性技术攻关',
    startOn: '2027-09-01',
    endOn: '2029-08-31',
    requestedSupportFen: YUAN(3_000_000),
    responsibleUnitId: chair!.id,
    responsiblePerson: '张三',
    participants: [
      { organizationId: chair!.id, task: '总体设计与集成验证' },
      { organizationId: second!.id, task: '关键材料研究' },
      { organizationId: third!.id, task: '测试评价方法' },
    ],
    ipTerms: {
      ownership: '项目成果归完成单位所有，共同完成的按投入比例共有',
      licensing: '优先许可省内单位实施',
      benefitShares: [
        { organizationId: chair!.id, basisPoints: 5000 },
        { organizationId: second!.id, basisPoints: 3000 },
        { organizationId: third!.id, basisPoints: 2000 },
      ],
      onDissolution: '联盟解散时由承担单位继续持有并履行许可义务',
      onMemberExit: '退出成员保留已取得份额，其余成员可继续无偿实施',
    },
    sections: [
      { key: 'objectives', text: '突破关键部件共性技术' },
      { key: 'technicalRoute', text: '材料—结构—工艺一体化' },
      { key: 'indicators', text: '专利十项、标准两项' },
      { key: 'schedule', text: '两年分三阶段' },
      { key: 'expectedResults', text: '形成示范生产线' },
    ],
    documents: [
      { documentId: pilot.documents.APPLICATION_FORM, kind: 'APPLICATION_FORM' },
      { documentId: pilot.documents.COMMITMENT_LETTER, kind: 'COMMITMENT_LETTER' },
      { documentId: pilot.documents.ALLIANCE_AGREEMENT, kind: 'ALLIANCE_AGREEMENT' },
      { documentId: pilot.documents.BUDGET_STATEMENT, kind: 'BUDGET_STATEMENT' },
    ],
    ...overrides,
  };
}

export async function draftApplication(w: World, pilot: Pilot, overrides: Record<string, unknown> = {}) {
  const created = dataOf(
    await w.zzOfficer.send<{ createProgrammeApplication: ApplicationView }>(PA.create, {
      input: { callId: w.call.id, allianceId: pilot.allianceId },
    }),
  ).createProgrammeApplication;
  return dataOf(
    await w.zzOfficer.send<{ saveProgrammeApplicationForm: ApplicationView }>(PA.save, {
      input: formInput(created, pilot, overrides),
    }),
  ).saveProgrammeApplicationForm;
}

export function transition(
  agent: GraphqlAgent,
  application: { id: string; version: number },
  action: string,
  extra: Record<string, unknown> = {},
): Promise<GraphqlResponse<{ transitionProgrammeApplication: ApplicationView }>> {
  return agent.send(PA.transition, {
    input: { id: application.id, version: application.version, action, ...extra },
  });
}

export async function act(
  agent: GraphqlAgent,
  application: { id: string; version: number },
  action: string,
  extra: Record<string, unknown> = {},
): Promise<ApplicationView> {
  return dataOf(await transition(agent, application, action, extra)).transitionProgrammeApplication;
}

export function taskContract(awardYuan: number, selfRaisedYuan = 1_000_000) {
  return {
    targets: '完成关键部件国产化并实现示范应用',
    indicators: [{ name: '发明专利', target: '10 项' }],
    milestones: [
      { title: '完成样机', dueOn: '2028-06-30' },
      { title: '示范应用', dueOn: '2029-06-30' },
    ],
    budgetTotalFen: YUAN(awardYuan + selfRaisedYuan),
    budgetLines: [
      { source: 'PROVINCIAL_SUPPORT', amountFen: YUAN(awardYuan), purpose: '设备与材料' },
      { source: 'SELF_RAISED', amountFen: YUAN(selfRaisedYuan), purpose: '人员与测试' },
    ],
  };
}

/** Submits, recommends, accepts, seats and scores a panel, finishes the review: REVIEWED. */
export async function reviewed(
  api: TestApi,
  w: World,
  draft: ApplicationView,
  industryCode: string,
): Promise<ApplicationView> {
  let a = await act(w.zzOfficer, draft, 'SUBMIT');
  a = await act(w.zzAdmin, a, 'RECOMMEND', { opinion: '同意推荐' });
  a = await act(w.provOfficer, a, 'ACCEPT');
  const experts = await seatPanel(api, w, a.id, industryCode);
  a = await act(w.provOfficer, a, 'START_REVIEW');
  await scoreAll(experts, a.id);
  return act(w.provOfficer, a, 'FINISH_REVIEW');
}

export async function seatPanel(
  api: TestApi,
  w: World,
  applicationId: string,
  industryCode: string,
  affiliations: (i: number) => Promise<{ id: string }> = () => organization('评审专家单位', PROVINCE),
) {
  const size = HUNAN_2016_PARAMETERS.review.expertsPerApplication;
  const expertIds: string[] = [];
  const accounts: TestUser[] = [];
  for (let i = 0; i < size; i++) {
    const account = await expertAccount(PROVINCE);
    const affiliation = await affiliations(i);
    const expert = await createExpert(w.provOfficer, {
      name: expertName(`计划专家${i}`),
      title: '研究员',
      domainCodes: [industryCode],
      affiliations: [{ organizationId: affiliation.id }],
      accountUserId: account.id,
    });
    expertIds.push(expert.id);
    accounts.push(account);
  }
  dataOf(await w.provOfficer.send(OPS.assign, { input: { applicationId, expertIds } }));
  const experts: GraphqlAgent[] = [];
  for (const account of accounts) experts.push(await signedInAgent(api, account));
  return experts;
}

type Seat = {
  id: string;
  programmeApplication: { id: string } | null;
  project: { id: string } | null;
  sheet: { version: number };
};

export async function scoreAll(experts: GraphqlAgent[], applicationId: string, score = 85): Promise<void> {
  for (const expert of experts) {
    const mine = dataOf(await expert.send<{ myReviewAssignments: Seat[] }>(PA.mine)).myReviewAssignments;
    const seat = mine.find((s) => (s.programmeApplication ?? s.project)?.id === applicationId);
    expect(seat, 'the expert has a seat on this panel').toBeDefined();
    await declareSeat(expert, seat!.id);
    dataOf(
      await expert.send(OPS.save, {
        input: {
          assignmentId: seat!.id,
          version: seat!.sheet.version,
          scores: REVIEW_CRITERIA.map((key) => ({ key, score, comment: '' })),
          overallOpinion: '同意',
          recommendation: 'SUPPORT',
          submit: true,
        },
      }),
    );
  }
}

type WorkItemView = { kind: string; subject: string; subjectId: string; href: string };

/** The kinds of work the agent's work list holds on one record. */
export async function workOn(agent: GraphqlAgent, subjectId: string): Promise<WorkItemView[]> {
  const { workList } = dataOf(
    await agent.send<{ workList: { items: WorkItemView[] } }>(
      `{ workList { items { kind subject subjectId href } } }`,
    ),
  );
  return workList.items.filter((i) => i.subjectId === subjectId);
}
