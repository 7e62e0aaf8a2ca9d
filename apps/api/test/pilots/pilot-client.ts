import { REVIEW_CRITERIA } from '@xiangmeng/domain';
import { expect } from 'vitest';
import {
  createUser,
  type GraphqlAgent,
  type GraphqlResponse,
  signedInAgent,
  type TestApi,
  type TestUser,
} from '../support/harness';
import { addDays, dataOf, FILES, RegisterClient, uniqueName } from '../support/register-client';
import { createExpert, declareSeat, expertAccount, expertName, OPS, organization } from '../reviews/review-fixtures';

// The pilot workflow as the apps drive it: calls, applications and their one transition mutation.
// The review part goes through the reviews module's GraphQL (experts, panel, sheets).

export const PROVINCE = '430000';
export const ZHUZHOU = '430200';
export const CHANGSHA = '430100';

export const CALL_FIELDS = `id title level status version isOpen isMine opensAt closesAt recommendBy decideBy
  requiredDocuments publishedAt authority { id code } measures { id versionNo tenantId }`;
export const APPLICATION_FIELDS = `id state version level allianceId allianceName industry { code }
  homeTenant { code } authority { code } recommendingUnit { code } call { id title }
  form { goals workPlan budgetFen ownInvestmentFen expectedResults contactName contactPhone }
  feasibilityReport { id } attachments { id } dossier submittedAt submittedByName recommendedAt recommendedByName
  recommendationOpinion acceptedAt noticeStartsOn noticeEndsOn decidedAt decisionReason decisionBasis lastReason
  availableActions timeline { action toState actorName tierName opinion }
  objections { id objector answer }`;

export type CallView = {
  id: string;
  title: string;
  level: string;
  status: string;
  version: number;
  isOpen: boolean;
  isMine: boolean;
  requiredDocuments: string[];
  authority: { id: string; code: string };
  measures: { id: string; versionNo: number; tenantId: string };
};

export type ApplicationView = {
  id: string;
  state: string;
  version: number;
  level: string;
  allianceId: string;
  allianceName: string;
  industry: { code: string };
  homeTenant: { code: string };
  authority: { code: string };
  recommendingUnit: { code: string };
  call: { id: string; title: string };
  form: Record<string, string>;
  feasibilityReport: { id: string } | null;
  attachments: { id: string }[];
  dossier: Record<string, unknown> | null;
  submittedByName: string | null;
  recommendedByName: string | null;
  recommendationOpinion: string | null;
  noticeStartsOn: string | null;
  noticeEndsOn: string | null;
  decisionReason: string | null;
  decisionBasis: Record<string, unknown> | null;
  lastReason: string | null;
  availableActions: string[];
  timeline: {
    action: string;
    toState: string | null;
    actorName: string | null;
    tierName: string;
    opinion: string | null;
  }[];
  objections: { id: string; objector: string; answer: string | null }[];
};

export const P = {
  calls: `{ pilotCalls { ${CALL_FIELDS} } }`,
  createCall: `mutation ($input: PilotCallInput!) { createPilotCall(input: $input) { ${CALL_FIELDS} } }`,
  updateCall: `mutation ($id: ID!, $version: Int!, $input: PilotCallInput!) {
    updatePilotCall(id: $id, version: $version, input: $input) { ${CALL_FIELDS} } }`,
  publishCall: `mutation ($id: ID!, $version: Int!) { publishPilotCall(id: $id, version: $version) { ${CALL_FIELDS} } }`,
  create: `mutation ($input: CreatePilotApplicationInput!) { createPilotApplication(input: $input) { ${APPLICATION_FIELDS} } }`,
  update: `mutation ($input: UpdatePilotApplicationInput!) { updatePilotApplication(input: $input) { ${APPLICATION_FIELDS} } }`,
  transition: `mutation ($input: TransitionPilotApplicationInput!) {
    transitionPilotApplication(input: $input) { ${APPLICATION_FIELDS} } }`,
  application: `query ($id: ID!) { pilotApplication(id: $id) { ${APPLICATION_FIELDS} } }`,
  applications: `query ($filter: PilotApplicationFilterInput!) { pilotApplications(filter: $filter) { id state } }`,
  record: `mutation ($id: ID!, $on: String!, $who: String!, $what: String!) {
    recordPilotObjection(applicationId: $id, receivedOn: $on, objector: $who, content: $what) { id objector answer } }`,
  answer: `mutation ($id: ID!, $answer: String!) { answerPilotObjection(id: $id, answer: $answer) { id answer answeredAt } }`,
  confirmed: `{ confirmedPilots { applicationId level allianceId allianceName confirmedOn authority { code }
    allianceTenant { code } industry { code } call { id } } }`,
  workList: `{ workList { total overdue counts { kind count overdue } items { kind applicationId allianceName callTitle dueAt overdue assignmentId } } }`,
};

export function callInput(now: Date, overrides: Record<string, unknown> = {}) {
  const day = 86_400_000;
  return {
    title: uniqueName('试点联盟申报通知'),
    description: '按实施办法第十条申报',
    opensAt: new Date(now.getTime() - day).toISOString(),
    closesAt: new Date(now.getTime() + 10 * day).toISOString(),
    recommendBy: new Date(now.getTime() + 20 * day).toISOString(),
    decideBy: new Date(now.getTime() + 60 * day).toISOString(),
    requiredDocuments: ['FEASIBILITY_REPORT'],
    ...overrides,
  };
}

/** A draft call written by `writer` and published by `admin`. */
export async function publishedCall(
  writer: GraphqlAgent,
  admin: GraphqlAgent,
  now: Date,
  overrides: Record<string, unknown> = {},
): Promise<CallView> {
  const draft = dataOf(
    await writer.send<{ createPilotCall: CallView }>(P.createCall, { input: callInput(now, overrides) }),
  ).createPilotCall;
  return dataOf(
    await admin.send<{ publishPilotCall: CallView }>(P.publishCall, { id: draft.id, version: draft.version }),
  ).publishPilotCall;
}

/** An alliance meeting Art. 8 in `industryCode`, established on 2024-04-01. */
export async function establishedAlliance(officer: GraphqlAgent, industryCode: string, name?: string) {
  const register = new RegisterClient(officer);
  const enterprise = await register.addOrganization({
    type: 'ENTERPRISE',
    industryBackbone: true,
    backboneBasis: '行业前十',
  });
  const university = await register.addOrganization({ type: 'UNIVERSITY' });
  const institute = await register.addOrganization({ type: 'RESEARCH_INSTITUTE' });
  const alliance = await register.registerAlliance({ name, industryCode, foundedOn: '2024-03-01' });
  await register.addMember(alliance.id, enterprise.id, 'CHAIR', '2024-03-01');
  await register.addMember(alliance.id, university.id, 'VICE_CHAIR', '2024-03-01');
  await register.addMember(alliance.id, institute.id, 'MEMBER', '2024-03-01');
  await register.setGovernance(alliance.id, enterprise.id);
  const members = [enterprise, university, institute];
  const agreement = await register.createAgreement(
    alliance.id,
    members.map((o) => o.id),
  );
  for (const o of members) await register.sign(agreement.id, o.id, addDays('2024-03-01', 14));
  dataOf(
    await register.send(
      `mutation ($input: EstablishAllianceInput!) { establishAlliance(input: $input) { id status } }`,
      { input: { allianceId: alliance.id, establishedOn: '2024-04-01' } },
    ),
  );
  return { register, alliance, members };
}

export function transition(
  agent: GraphqlAgent,
  application: { id: string; version: number },
  action: string,
  text: { reason?: string; opinion?: string } = {},
): Promise<GraphqlResponse<{ transitionPilotApplication: ApplicationView }>> {
  return agent.send(P.transition, {
    input: { id: application.id, version: application.version, action, ...text },
  });
}

export async function act(
  agent: GraphqlAgent,
  application: { id: string; version: number },
  action: string,
  text: { reason?: string; opinion?: string } = {},
): Promise<ApplicationView> {
  return dataOf(await transition(agent, application, action, text)).transitionPilotApplication;
}

export async function read(
  agent: GraphqlAgent,
  id: string,
): Promise<GraphqlResponse<{ pilotApplication: ApplicationView }>> {
  return agent.send(P.application, { id });
}

/** A refusal of the action, whoever tries it: FORBIDDEN when they see it, NOT_FOUND otherwise. */
export async function expectNotAllowed(
  agents: GraphqlAgent[],
  application: { id: string; version: number },
  action: string,
): Promise<void> {
  for (const agent of agents) {
    const res = await transition(agent, application, action, { reason: '理由', opinion: '意见' });
    expect(['FORBIDDEN', 'NOT_FOUND'], `${action}: ${JSON.stringify(res.errors)}`).toContain(
      res.errors?.[0]?.extensions?.code,
    );
    expect(res.data ?? null).toBeNull();
  }
}

/** Staff users of a tier, signed in. */
export async function staff(
  api: TestApi,
  tenantCode: string,
  roles: string[],
): Promise<{ user: TestUser; agent: GraphqlAgent }> {
  const user = await createUser(tenantCode, roles, 'p');
  return { user, agent: await signedInAgent(api, user) };
}

/**
 * The review of an accepted application by `authority`'s pool through the reviews API: `size`
 * new experts in `industryCode`, each tied to its own organization, seated, and each scoring.
 */
export async function seatPanel(
  api: TestApi,
  authority: GraphqlAgent,
  authorityCode: string,
  application: { id: string },
  industryCode: string,
  size: number,
): Promise<GraphqlAgent[]> {
  const expertIds: string[] = [];
  const accounts: TestUser[] = [];
  for (let i = 0; i < size; i++) {
    const account = await expertAccount(authorityCode);
    const affiliation = await organization('评审专家单位', authorityCode);
    const expert = await createExpert(authority, {
      name: expertName(`试点专家${i}`),
      title: '教授',
      domainCodes: [industryCode],
      affiliations: [{ organizationId: affiliation.id }],
      accountUserId: account.id,
    });
    expertIds.push(expert.id);
    accounts.push(account);
  }
  dataOf(await authority.send(OPS.assign, { input: { applicationId: application.id, expertIds } }));
  const experts: GraphqlAgent[] = [];
  for (const account of accounts) experts.push(await signedInAgent(api, account));
  return experts;
}

type Seat = { id: string; application: { id: string }; sheet: { version: number } };

/** Each expert submits a full sheet for the application. */
export async function scoreAll(experts: GraphqlAgent[], applicationId: string, score = 85): Promise<void> {
  for (const expert of experts) {
    const mine = dataOf(await expert.send<{ myReviewAssignments: Seat[] }>(OPS.mine)).myReviewAssignments;
    const seat = mine.find((s) => s.application.id === applicationId);
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

/** Uploads a feasibility report of the alliance and fills every part of the 申报书: a dossier that may be submitted. */
export async function completeDossier(
  agent: GraphqlAgent,
  application: ApplicationView,
): Promise<ApplicationView> {
  const upload = await agent
    .raw()
    .post('/api/documents')
    .set('x-xiangmeng-request', '1')
    .field('allianceId', application.allianceId)
    .field('kind', 'FEASIBILITY_REPORT')
    .attach('file', FILES.pdf(), '组建可行性报告.pdf');
  expect(upload.status, JSON.stringify(upload.body)).toBe(201);
  const documentId = (upload.body as { id: string }).id;
  return dataOf(
    await agent.send<{ updatePilotApplication: ApplicationView }>(P.update, {
      input: {
        id: application.id,
        version: application.version,
        goals: '建成行业共性技术平台',
        workPlan: '三年分两期实施',
        budgetFen: '100000000',
        ownInvestmentFen: '200000000',
        expectedResults: '标准两项、专利十项',
        contactName: '王五',
        contactPhone: '0731-22222222',
        feasibilityDocumentId: documentId,
        attachmentIds: [],
      },
    }),
  ).updatePilotApplication;
}
