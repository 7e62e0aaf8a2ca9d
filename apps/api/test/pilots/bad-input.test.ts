import { REVIEW_CRITERIA } from '@xiangmeng/domain';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminDb } from '../support/admin-db';
import {
  createUser,
  type GraphqlAgent,
  signedInAgent,
  startTestApi,
  type TestApi,
  type TestUser,
} from '../support/harness';
import { dataOf, errorShape, FILES, RegisterClient } from '../support/register-client';
import { cellTally } from '../support/tenancy-fixtures';
import { type BadInputRow, badInputCells, tablesFingerprintSql } from '../support/bad-input-table';
import { TestClock } from '../support/test-clock';
import { createExpert, declareSeat, expertName, OPS, organization } from '../reviews/review-fixtures';
import {
  act,
  type ApplicationView,
  callInput,
  type CallView,
  CHANGSHA,
  establishedAlliance,
  P,
  PROVINCE,
  staff,
  ZHUZHOU,
} from './pilot-client';

// Bad input to every mutation of pilot selection (calls, applications, transitions, objections,
// the expert pool, panels and score sheets). Each row is answered with HTTP 200, its code (mostly
// BAD_USER_INPUT) and violations naming the field and the rule with a Chinese message; nothing is
// written (every pilot table and the audit chain are as before). Input of the wrong shape (an
// unknown enum value, a number that is not one) is refused by GraphQL itself with 400.

const INDUSTRY = 'SE0701';
const OTHER_INDUSTRY = 'SE0101';
const long = (n: number) => '长'.repeat(n);

const M = {
  createCall: `mutation ($input: PilotCallInput!) { createPilotCall(input: $input) { id } }`,
  updateCall: `mutation ($id: ID!, $version: Int!, $input: PilotCallInput!) {
    updatePilotCall(id: $id, version: $version, input: $input) { id } }`,
  publishCall: `mutation ($id: ID!, $version: Int!) { publishPilotCall(id: $id, version: $version) { id } }`,
  create: `mutation ($input: CreatePilotApplicationInput!) { createPilotApplication(input: $input) { id } }`,
  update: `mutation ($input: UpdatePilotApplicationInput!) { updatePilotApplication(input: $input) { id } }`,
  transition: `mutation ($input: TransitionPilotApplicationInput!) { transitionPilotApplication(input: $input) { id } }`,
  record: `mutation ($id: ID!, $on: String!, $who: String!, $what: String!) {
    recordPilotObjection(applicationId: $id, receivedOn: $on, objector: $who, content: $what) { id } }`,
  answer: `mutation ($id: ID!, $answer: String!) { answerPilotObjection(id: $id, answer: $answer) { id } }`,
  createExpert: `mutation ($input: ExpertInput!) { createExpert(input: $input) { id } }`,
  updateExpert: `mutation ($input: UpdateExpertInput!) { updateExpert(input: $input) { id } }`,
  declareConflict: `mutation ($input: DeclareExpertConflictInput!) { declareExpertConflict(input: $input) { id } }`,
  assign: `mutation ($input: AssignPanelInput!) { assignPanel(input: $input) { size } }`,
  swap: `mutation ($input: SwapPanelMemberInput!) { swapPanelMember(input: $input) { size } }`,
  save: `mutation ($input: SaveReviewSheetInput!) { saveReviewSheet(input: $input) { id } }`,
  reopen: `mutation ($input: ReopenReviewSheetInput!) { reopenReviewSheet(input: $input) { id } }`,
} as const;
type Op = keyof typeof M;

type Who = 'provOfficer' | 'provAdmin' | 'zzOfficer' | 'zzAdmin' | 'expert';

type Built = { id: string; version: number };

type Fixture = {
  now: Date;
  draftCall: { id: string; version: number };
  publishedCall: string;
  changshaCall: string;
  draft: Built;
  submitted: Built;
  accepted: Built;
  inReview: Built;
  publicised: Built;
  allianceId: string;
  unestablishedAllianceId: string;
  changshaAllianceId: string;
  memberOrganizationId: string;
  ownDocumentId: string;
  otherAllianceDocumentId: string;
  changshaDocumentId: string;
  pool: string[];
  spare: string;
  unavailable: string;
  outsideDomain: string;
  conflicted: string;
  zhuzhouExpert: string;
  expert: { id: string; version: number };
  declaredOrganizationId: string;
  officerUserId: string;
  zhuzhouExpertUserId: string;
  linkedExpertUserId: string;
  seat: { id: string; version: number };
  seatedExpertIds: string[];
  submittedSheetId: string;
  objectionId: string;
};

type Row = BadInputRow<Op, Who, Fixture>;

// ---- inputs the rows vary ----

const callFields = (f: Fixture, changes: Record<string, unknown> = {}) => ({
  ...callInput(f.now),
  ...changes,
});
const at = (f: Fixture, days: number) => new Date(f.now.getTime() + days * 86_400_000).toISOString();
const createCall = (changes: (f: Fixture) => Record<string, unknown>) => (f: Fixture) => ({
  input: callFields(f, changes(f)),
});
const updateCall =
  (changes: (f: Fixture) => Record<string, unknown>, version?: (f: Fixture) => number) => (f: Fixture) => ({
    id: f.draftCall.id,
    version: version ? version(f) : f.draftCall.version,
    input: callFields(f, changes(f)),
  });
const form = (f: Fixture, changes: Record<string, unknown> = {}) => ({
  input: {
    id: f.draft.id,
    version: f.draft.version,
    goals: '建成行业共性技术平台',
    workPlan: '三年分两期实施',
    budgetFen: '100000000',
    ownInvestmentFen: '200000000',
    expectedResults: '标准两项、专利十项',
    contactName: '王五',
    contactPhone: '0731-22222222',
    feasibilityDocumentId: f.ownDocumentId,
    attachmentIds: [],
    ...changes,
  },
});
const fen = (field: 'budgetFen' | 'ownInvestmentFen', value: string): Row => ({
  op: 'update',
  name: `${field} ${JSON.stringify(value)}`,
  who: 'zzOfficer',
  variables: (f) => form(f, { [field]: value }),
  code: 'BAD_USER_INPUT',
  violations: [[field, 'FEN']],
});
const move =
  (
    target: (f: Fixture) => Built,
    action: string,
    text: { reason?: string; opinion?: string } = {},
    version?: (f: Fixture) => number,
  ) =>
  (f: Fixture) => ({
    input: { id: target(f).id, version: version ? version(f) : target(f).version, action, ...text },
  });
const expertInput = (f: Fixture, changes: Record<string, unknown> = {}) => ({
  name: expertName('坏输入专家'),
  title: '教授',
  domainCodes: [INDUSTRY],
  affiliations: [{ organizationId: f.declaredOrganizationId }],
  available: true,
  unavailableReason: '',
  ...changes,
});
const newExpert = (changes: (f: Fixture) => Record<string, unknown>) => (f: Fixture) => ({
  input: expertInput(f, changes(f)),
});
const declare = (changes: (f: Fixture) => Record<string, unknown>) => (f: Fixture) => ({
  input: {
    expertId: f.expert.id,
    bureauTenantId: null,
    organizationId: f.memberOrganizationId,
    reason: '曾参与该单位项目',
    declaredOn: '2026-11-01',
    ...changes(f),
  },
});
const sheet = (changes: (f: Fixture) => Record<string, unknown>) => (f: Fixture) => ({
  input: {
    assignmentId: f.seat.id,
    version: f.seat.version,
    scores: REVIEW_CRITERIA.map((key) => ({ key, score: 80, comment: '' })),
    overallOpinion: '同意',
    recommendation: 'SUPPORT',
    submit: false,
    ...changes(f),
  },
});
const scores = (change: (key: string, i: number) => Record<string, unknown> | null) =>
  REVIEW_CRITERIA.flatMap((key, i) => {
    const changed = change(key, i);
    return changed === null ? [] : [{ key, score: 80, comment: '', ...changed }];
  });

const TABLE: Row[] = [
  // ---- createPilotCall ----
  ...(
    [
      ['empty title', () => ({ title: '' }), 'title', 'LENGTH'],
      ['blank title', () => ({ title: '    ' }), 'title', 'LENGTH'],
      ['title of 3 characters', () => ({ title: '申报通' }), 'title', 'LENGTH'],
      ['title of 201 characters', () => ({ title: long(201) }), 'title', 'LENGTH'],
      ['description of 5001 characters', () => ({ description: long(5001) }), 'description', 'MAX_LENGTH'],
      ['an opening time that is not a time', () => ({ opensAt: 'tomorrow' }), 'opensAt', 'DATE_TIME'],
      [
        'a closing time on 31 November (not rolled over to 1 December)',
        () => ({ closesAt: '2026-11-31T10:00:00Z' }),
        'closesAt',
        'DATE_TIME',
      ],
      ['a decision deadline without a date', () => ({ decideBy: 'T10:00:00Z' }), 'decideBy', 'DATE_TIME'],
      [
        'closes when it opens',
        (f) => ({ opensAt: at(f, 1), closesAt: at(f, 1) }),
        'closesAt',
        'AFTER_OPENS_AT',
      ],
      [
        'closes before it opens',
        (f) => ({ opensAt: at(f, 5), closesAt: at(f, 1) }),
        'closesAt',
        'AFTER_OPENS_AT',
      ],
      [
        'recommendation deadline before closing',
        (f) => ({ closesAt: at(f, 10), recommendBy: at(f, 9) }),
        'recommendBy',
        'NOT_BEFORE_CLOSES_AT',
      ],
      [
        'decision deadline before the recommendation deadline',
        (f) => ({ recommendBy: at(f, 20), decideBy: at(f, 19) }),
        'decideBy',
        'NOT_BEFORE_RECOMMEND_BY',
      ],
    ] as [string, (f: Fixture) => Record<string, unknown>, string, string][]
  ).flatMap(([name, changes, field, rule]): Row[] => [
    {
      op: 'createCall',
      name,
      who: 'provOfficer',
      variables: createCall(changes),
      code: 'BAD_USER_INPUT',
      violations: [[field, rule]],
    },
    {
      op: 'updateCall',
      name,
      who: 'provOfficer',
      variables: updateCall(changes),
      code: 'BAD_USER_INPUT',
      violations: [[field, rule]],
    },
  ]),
  {
    op: 'updateCall',
    name: 'stale version',
    who: 'provOfficer',
    variables: updateCall(
      () => ({}),
      (f) => f.draftCall.version - 1,
    ),
    code: 'CONFLICT',
  },
  {
    op: 'updateCall',
    name: 'a published call',
    who: 'provOfficer',
    variables: (f) => ({ id: f.publishedCall, version: 2, input: callFields(f) }),
    code: 'CALL_PUBLISHED',
  },
  {
    op: 'updateCall',
    name: 'an unknown call',
    who: 'provOfficer',
    variables: (f) => ({ id: randomUUID(), version: 1, input: callFields(f) }),
    code: 'NOT_FOUND',
  },
  {
    op: 'updateCall',
    name: 'a malformed id',
    who: 'provOfficer',
    variables: (f) => ({ id: 'call-1', version: 1, input: callFields(f) }),
    code: 'NOT_FOUND',
  },
  {
    op: 'publishCall',
    name: 'stale version',
    who: 'provAdmin',
    variables: (f) => ({ id: f.draftCall.id, version: f.draftCall.version + 1 }),
    code: 'CALL_CHANGED',
  },

  // ---- createPilotApplication ----
  {
    op: 'create',
    name: 'an unknown call',
    who: 'zzOfficer',
    variables: (f) => ({ input: { callId: randomUUID(), allianceId: f.unestablishedAllianceId } }),
    code: 'BAD_USER_INPUT',
    violations: [['callId', 'NOT_PUBLISHED']],
  },
  {
    op: 'create',
    name: 'the province’s draft call',
    who: 'zzOfficer',
    variables: (f) => ({ input: { callId: f.draftCall.id, allianceId: f.allianceId } }),
    code: 'BAD_USER_INPUT',
    violations: [['callId', 'NOT_PUBLISHED']],
  },
  {
    op: 'create',
    name: '长沙’s published call',
    who: 'zzOfficer',
    variables: (f) => ({ input: { callId: f.changshaCall, allianceId: f.allianceId } }),
    code: 'BAD_USER_INPUT',
    violations: [['callId', 'NOT_PUBLISHED']],
  },
  {
    op: 'create',
    name: 'a malformed call id',
    who: 'zzOfficer',
    variables: (f) => ({ input: { callId: 'x', allianceId: f.allianceId } }),
    code: 'BAD_USER_INPUT',
    violations: [['callId', 'NOT_PUBLISHED']],
  },
  {
    op: 'create',
    name: 'an unknown alliance',
    who: 'zzOfficer',
    variables: (f) => ({ input: { callId: f.publishedCall, allianceId: randomUUID() } }),
    code: 'BAD_USER_INPUT',
    violations: [['allianceId', 'NOT_FOUND']],
  },
  {
    op: 'create',
    name: '长沙’s alliance',
    who: 'zzOfficer',
    variables: (f) => ({ input: { callId: f.publishedCall, allianceId: f.changshaAllianceId } }),
    code: 'BAD_USER_INPUT',
    violations: [['allianceId', 'NOT_FOUND']],
  },
  {
    op: 'create',
    name: 'an alliance not yet established',
    who: 'zzOfficer',
    variables: (f) => ({ input: { callId: f.publishedCall, allianceId: f.unestablishedAllianceId } }),
    code: 'BAD_USER_INPUT',
    violations: [['allianceId', 'NOT_ESTABLISHED']],
  },
  {
    op: 'create',
    name: 'a second live application to the same call',
    who: 'zzOfficer',
    variables: (f) => ({ input: { callId: f.publishedCall, allianceId: f.allianceId } }),
    code: 'BAD_USER_INPUT',
    violations: [['allianceId', 'ALREADY_APPLIED']],
  },

  // ---- updatePilotApplication ----
  fen('budgetFen', '-1'),
  fen('budgetFen', '1.5'),
  fen('budgetFen', '1e3'),
  fen('budgetFen', '100000000000001'),
  fen('budgetFen', '99999999999999999999'),
  fen('budgetFen', '12a'),
  fen('budgetFen', '１２３'),
  fen('budgetFen', ''),
  fen('budgetFen', '0x10'),
  fen('ownInvestmentFen', '-500'),
  fen('ownInvestmentFen', '3.0'),
  fen('ownInvestmentFen', '1e14'),
  fen('ownInvestmentFen', '一百万'),
  ...(
    [
      ['goals', 5001],
      ['workPlan', 10001],
      ['expectedResults', 5001],
      ['contactName', 41],
      ['contactPhone', 41],
    ] as const
  ).map(([field, n]): Row => ({
    op: 'update',
    name: `${field} of ${n} characters`,
    who: 'zzOfficer',
    variables: (f) => form(f, { [field]: long(n) }),
    code: 'BAD_USER_INPUT',
    violations: [[field, 'MAX_LENGTH']],
  })),
  ...(
    [
      ['a random id', () => randomUUID()],
      ['a malformed id', () => 'doc-1'],
      ['another alliance’s document', (f: Fixture) => f.otherAllianceDocumentId],
      ['another city’s document', (f: Fixture) => f.changshaDocumentId],
    ] as [string, (f: Fixture) => string][]
  ).flatMap(([name, id]): Row[] => [
    {
      op: 'update',
      name: `feasibility report: ${name}`,
      who: 'zzOfficer',
      variables: (f) => form(f, { feasibilityDocumentId: id(f) }),
      code: 'BAD_USER_INPUT',
      violations: [['feasibilityDocumentId', 'NOT_ALLIANCE_DOCUMENT']],
    },
    {
      op: 'update',
      name: `attachment: ${name}`,
      who: 'zzOfficer',
      variables: (f) => form(f, { attachmentIds: [id(f)] }),
      code: 'BAD_USER_INPUT',
      violations: [['attachmentIds', 'NOT_ALLIANCE_DOCUMENT']],
    },
  ]),
  {
    op: 'update',
    name: '51 attachments',
    who: 'zzOfficer',
    variables: (f) => form(f, { attachmentIds: Array.from({ length: 51 }, () => randomUUID()) }),
    code: 'BAD_USER_INPUT',
    violations: [['attachmentIds', 'MAX_COUNT']],
  },
  {
    op: 'update',
    name: 'stale version',
    who: 'zzOfficer',
    variables: (f) => form(f, { version: f.draft.version - 1 }),
    code: 'CONFLICT',
  },
  {
    op: 'update',
    name: 'a submitted application',
    who: 'zzOfficer',
    variables: (f) => form(f, { id: f.submitted.id, version: f.submitted.version }),
    code: 'APPLICATION_NOT_WITH_APPLICANT',
  },
  {
    op: 'update',
    name: 'an unknown application',
    who: 'zzOfficer',
    variables: (f) => form(f, { id: randomUUID() }),
    code: 'NOT_FOUND',
  },

  // ---- transitionPilotApplication ----
  ...(
    [
      ['RECOMMEND without an opinion', 'RECOMMEND', {}, 'guard.OPINION_GIVEN', 'OPINION_GIVEN'],
      [
        'RECOMMEND with a blank opinion',
        'RECOMMEND',
        { opinion: ' \n\t ' },
        'guard.OPINION_GIVEN',
        'OPINION_GIVEN',
      ],
      [
        'RECOMMEND with an opinion of 2001 characters',
        'RECOMMEND',
        { opinion: long(2001) },
        'guard.OPINION_GIVEN',
        'OPINION_GIVEN',
      ],
      ['RETURN without a reason', 'RETURN', {}, 'guard.REASON_GIVEN', 'REASON_GIVEN'],
      ['RETURN with a blank reason', 'RETURN', { reason: '   ' }, 'guard.REASON_GIVEN', 'REASON_GIVEN'],
      [
        'RETURN with a reason of 2001 characters',
        'RETURN',
        { reason: long(2001) },
        'guard.REASON_GIVEN',
        'REASON_GIVEN',
      ],
      [
        'NOT_RECOMMEND with an empty reason',
        'NOT_RECOMMEND',
        { reason: '' },
        'guard.REASON_GIVEN',
        'REASON_GIVEN',
      ],
      ['WITHDRAW without a reason', 'WITHDRAW', {}, 'guard.REASON_GIVEN', 'REASON_GIVEN'],
      [
        'an action its state does not allow (APPROVE)',
        'APPROVE',
        { reason: '同意' },
        'action',
        'NOT_ALLOWED_IN_STATE',
      ],
    ] as [string, string, { reason?: string; opinion?: string }, string, string][]
  ).map(([name, action, text, field, rule]): Row => ({
    op: 'transition',
    name,
    who: 'zzAdmin',
    variables: move((f) => f.submitted, action, text),
    code: 'PILOT_TRANSITION_REFUSED',
    violations: [[field, rule]],
  })),
  {
    op: 'transition',
    name: 'stale version',
    who: 'zzAdmin',
    variables: move(
      (f) => f.submitted,
      'RECOMMEND',
      { opinion: '同意推荐' },
      (f) => f.submitted.version - 1,
    ),
    code: 'APPLICATION_CHANGED',
  },
  {
    op: 'transition',
    name: 'a version from the future',
    who: 'zzAdmin',
    variables: move(
      (f) => f.submitted,
      'RECOMMEND',
      { opinion: '同意推荐' },
      (f) => f.submitted.version + 7,
    ),
    code: 'APPLICATION_CHANGED',
  },
  {
    op: 'transition',
    name: 'an unknown application',
    who: 'zzAdmin',
    variables: move(() => ({ id: randomUUID(), version: 1 }), 'RECOMMEND', { opinion: '同意推荐' }),
    code: 'NOT_FOUND',
  },

  // ---- recordPilotObjection / answerPilotObjection ----
  ...(
    [
      ['an impossible date', { on: '2026-02-30' }, 'receivedOn', 'CALENDAR_DATE'],
      ['not a date', { on: 'yesterday' }, 'receivedOn', 'CALENDAR_DATE'],
      ['a date with a time', { on: '2026-11-30T10:00:00' }, 'receivedOn', 'CALENDAR_DATE'],
      ['a date before the notice', { on: '2026-01-01' }, 'receivedOn', 'DURING_NOTICE'],
      ['a date in the future', { on: '2099-01-01' }, 'receivedOn', '*'],
      ['an empty objector', { who: '' }, 'objector', 'LENGTH'],
      ['a blank objector', { who: '   ' }, 'objector', 'LENGTH'],
      ['an objector of 101 characters', { who: long(101) }, 'objector', 'LENGTH'],
      ['empty content', { what: '' }, 'content', 'LENGTH'],
      ['content of 5001 characters', { what: long(5001) }, 'content', 'LENGTH'],
    ] as [string, Record<string, string>, string, string][]
  ).map(([name, changes, field, rule]): Row => ({
    op: 'record',
    name,
    who: 'provOfficer',
    variables: (f) => ({
      id: f.publicised.id,
      on: '2026-11-29',
      who: '某企业',
      what: '成员资质存疑',
      ...changes,
    }),
    code: 'BAD_USER_INPUT',
    violations: [[field, rule]],
  })),
  {
    op: 'record',
    name: 'an unknown application',
    who: 'provOfficer',
    variables: () => ({ id: randomUUID(), on: '2026-11-29', who: '某企业', what: '成员资质存疑' }),
    code: 'NOT_FOUND',
  },
  ...(
    [
      ['an empty answer', ''],
      ['a blank answer', '  \n '],
      ['an answer of 5001 characters', long(5001)],
    ] as const
  ).map(([name, answer]): Row => ({
    op: 'answer',
    name,
    who: 'provOfficer',
    variables: (f) => ({ id: f.objectionId, answer }),
    code: 'BAD_USER_INPUT',
    violations: [['answer', 'LENGTH']],
  })),
  {
    op: 'answer',
    name: 'an unknown objection',
    who: 'provOfficer',
    variables: () => ({ id: randomUUID(), answer: '已核实' }),
    code: 'NOT_FOUND',
  },

  // ---- createExpert / updateExpert ----
  ...(
    [
      ['an empty name', () => ({ name: '' }), 'name', 'REQUIRED'],
      ['a blank name', () => ({ name: '   ' }), 'name', 'REQUIRED'],
      ['a name of 41 characters', () => ({ name: long(41) }), 'name', 'TOO_LONG'],
      ['an empty title', () => ({ title: '' }), 'title', 'REQUIRED'],
      ['a title of 61 characters', () => ({ title: long(61) }), 'title', 'TOO_LONG'],
      ['no domain', () => ({ domainCodes: [] }), 'domainCodes', 'REQUIRED'],
      ['an unknown domain', () => ({ domainCodes: ['XX9999'] }), 'domainCodes.0', 'UNKNOWN_INDUSTRY'],
      ['a domain twice', () => ({ domainCodes: [INDUSTRY, INDUSTRY] }), 'domainCodes.1', 'DUPLICATE'],
      [
        '21 domains',
        () => ({ domainCodes: Array.from({ length: 21 }, () => INDUSTRY) }),
        'domainCodes',
        'TOO_MANY',
      ],
      [
        'a tie naming neither organization nor bureau',
        () => ({ affiliations: [{}] }),
        'affiliations.0',
        'ONE_OF_ORGANIZATION_OR_BUREAU',
      ],
      [
        'a tie naming both',
        (f) => ({
          affiliations: [{ organizationId: f.memberOrganizationId, bureauTenantId: f.memberOrganizationId }],
        }),
        'affiliations.0',
        'ONE_OF_ORGANIZATION_OR_BUREAU',
      ],
      [
        'an unknown organization',
        () => ({ affiliations: [{ organizationId: randomUUID() }] }),
        'affiliations.0.organizationId',
        'UNKNOWN_ORGANIZATION',
      ],
      [
        'a malformed organization id',
        () => ({ affiliations: [{ organizationId: 'org' }] }),
        'affiliations.0.organizationId',
        'UNKNOWN_ORGANIZATION',
      ],
      [
        'an unknown bureau',
        () => ({ affiliations: [{ bureauTenantId: randomUUID() }] }),
        'affiliations.0.bureauTenantId',
        'UNKNOWN_BUREAU',
      ],
      [
        'the same organization twice',
        (f) => ({
          affiliations: [
            { organizationId: f.declaredOrganizationId },
            { organizationId: f.declaredOrganizationId },
          ],
        }),
        'affiliations.1',
        'DUPLICATE',
      ],
      [
        'a position of 61 characters',
        (f) => ({ affiliations: [{ organizationId: f.declaredOrganizationId, position: long(61) }] }),
        'affiliations.0.position',
        'TOO_LONG',
      ],
      [
        '21 affiliations',
        (f) => ({
          affiliations: Array.from({ length: 21 }, () => ({ organizationId: f.declaredOrganizationId })),
        }),
        'affiliations',
        'TOO_MANY',
      ],
      [
        'unavailable without a reason',
        () => ({ available: false, unavailableReason: ' ' }),
        'unavailableReason',
        'REQUIRED',
      ],
      [
        'a reason of 201 characters',
        () => ({ available: false, unavailableReason: long(201) }),
        'unavailableReason',
        'TOO_LONG',
      ],
      [
        'an account that is not an EXPERT',
        (f) => ({ accountUserId: f.officerUserId }),
        'accountUserId',
        'NOT_AN_EXPERT_ACCOUNT',
      ],
      [
        'another tier’s EXPERT account',
        (f) => ({ accountUserId: f.zhuzhouExpertUserId }),
        'accountUserId',
        'NOT_AN_EXPERT_ACCOUNT',
      ],
      [
        'an unknown account',
        () => ({ accountUserId: randomUUID() }),
        'accountUserId',
        'NOT_AN_EXPERT_ACCOUNT',
      ],
      [
        'an account linked to another expert',
        (f) => ({ accountUserId: f.linkedExpertUserId }),
        'accountUserId',
        'ACCOUNT_LINKED',
      ],
    ] as [string, (f: Fixture) => Record<string, unknown>, string, string][]
  ).flatMap(([name, changes, field, rule]): Row[] => [
    {
      op: 'createExpert',
      name,
      who: 'provOfficer',
      variables: newExpert(changes),
      code: 'BAD_USER_INPUT',
      violations: [[field, rule]],
    },
    {
      op: 'updateExpert',
      name,
      who: 'provOfficer',
      variables: (f) => ({
        input: { id: f.expert.id, version: f.expert.version, expert: expertInput(f, changes(f)) },
      }),
      code: 'BAD_USER_INPUT',
      violations: [[field, rule]],
    },
  ]),
  {
    op: 'updateExpert',
    name: 'stale version',
    who: 'provOfficer',
    variables: (f) => ({ input: { id: f.expert.id, version: f.expert.version - 1, expert: expertInput(f) } }),
    code: 'CONFLICT',
  },
  {
    op: 'updateExpert',
    name: '株洲’s expert',
    who: 'provOfficer',
    variables: (f) => ({ input: { id: f.zhuzhouExpert, version: 1, expert: expertInput(f) } }),
    code: 'NOT_FOUND',
  },

  // ---- declareExpertConflict ----
  ...(
    [
      ['an empty reason', () => ({ reason: '' }), 'reason', 'REQUIRED'],
      ['a reason of 201 characters', () => ({ reason: long(201) }), 'reason', 'TOO_LONG'],
      ['an impossible date', () => ({ declaredOn: '2026-02-30' }), 'declaredOn', 'CALENDAR_DATE'],
      ['not a date', () => ({ declaredOn: '1/11/2026' }), 'declaredOn', 'CALENDAR_DATE'],
      ['a date in the future', () => ({ declaredOn: '2026-12-31' }), 'declaredOn', 'NOT_IN_FUTURE'],
      [
        'neither organization nor bureau',
        () => ({ organizationId: null }),
        'tie',
        'ONE_OF_ORGANIZATION_OR_BUREAU',
      ],
      [
        'an unknown organization',
        () => ({ organizationId: randomUUID() }),
        'tie.organizationId',
        'UNKNOWN_ORGANIZATION',
      ],
      [
        'an unknown bureau',
        () => ({ organizationId: null, bureauTenantId: randomUUID() }),
        'tie.bureauTenantId',
        'UNKNOWN_BUREAU',
      ],
      [
        'a conflict already declared',
        (f) => ({ organizationId: f.declaredOrganizationId }),
        'tie',
        'ALREADY_DECLARED',
      ],
    ] as [string, (f: Fixture) => Record<string, unknown>, string, string][]
  ).map(([name, changes, field, rule]): Row => ({
    op: 'declareConflict',
    name,
    who: 'provOfficer',
    variables: declare(changes),
    code: 'BAD_USER_INPUT',
    violations: [[field, rule]],
  })),
  {
    op: 'declareConflict',
    name: 'an unknown expert',
    who: 'provOfficer',
    variables: declare(() => ({ expertId: randomUUID() })),
    code: 'NOT_FOUND',
  },

  // ---- assignPanel ----
  {
    op: 'assign',
    name: 'no experts',
    who: 'provOfficer',
    variables: (f) => ({ input: { applicationId: f.accepted.id, expertIds: [] } }),
    code: 'PANEL_INVALID',
    violations: [['expertIds', 'WRONG_SIZE']],
  },
  {
    op: 'assign',
    name: 'four experts where five are needed',
    who: 'provOfficer',
    variables: (f) => ({ input: { applicationId: f.accepted.id, expertIds: f.pool.slice(0, 4) } }),
    code: 'PANEL_INVALID',
    violations: [['expertIds', 'WRONG_SIZE']],
  },
  {
    op: 'assign',
    name: 'an unknown expert',
    who: 'provOfficer',
    variables: (f) => ({
      input: { applicationId: f.accepted.id, expertIds: [...f.pool.slice(0, 4), randomUUID()] },
    }),
    code: 'BAD_USER_INPUT',
    violations: [['expertIds.4', 'NOT_FOUND']],
  },
  {
    op: 'assign',
    name: '株洲’s expert',
    who: 'provOfficer',
    variables: (f) => ({
      input: { applicationId: f.accepted.id, expertIds: [...f.pool.slice(0, 4), f.zhuzhouExpert] },
    }),
    code: 'BAD_USER_INPUT',
    violations: [['expertIds.4', 'NOT_FOUND']],
  },
  {
    op: 'assign',
    name: 'the same expert twice',
    who: 'provOfficer',
    variables: (f) => ({
      input: { applicationId: f.accepted.id, expertIds: [...f.pool.slice(0, 4), f.pool[0]] },
    }),
    code: 'PANEL_INVALID',
    violations: [['expertIds.*', 'DUPLICATE']],
  },
  {
    op: 'assign',
    name: 'an unavailable expert',
    who: 'provOfficer',
    variables: (f) => ({
      input: { applicationId: f.accepted.id, expertIds: [...f.pool.slice(0, 4), f.unavailable] },
    }),
    code: 'PANEL_INVALID',
    violations: [['expertIds.4', 'UNAVAILABLE']],
  },
  {
    op: 'assign',
    name: 'an expert outside the domain',
    who: 'provOfficer',
    variables: (f) => ({
      input: { applicationId: f.accepted.id, expertIds: [...f.pool.slice(0, 4), f.outsideDomain] },
    }),
    code: 'PANEL_INVALID',
    violations: [['expertIds.4', 'OUTSIDE_DOMAIN']],
  },
  {
    op: 'assign',
    name: 'an expert working for a member',
    who: 'provOfficer',
    variables: (f) => ({
      input: { applicationId: f.accepted.id, expertIds: [...f.pool.slice(0, 4), f.conflicted] },
    }),
    code: 'EXPERT_CONFLICT',
    violations: [['expertIds.4', 'CONFLICT']],
  },
  {
    op: 'assign',
    name: 'an unknown application',
    who: 'provOfficer',
    variables: (f) => ({ input: { applicationId: randomUUID(), expertIds: f.pool.slice(0, 5) } }),
    code: 'NOT_FOUND',
  },

  // ---- swapPanelMember ----
  ...(
    [
      ['an empty reason', () => ({ reason: '' }), 'reason', 'REQUIRED'],
      ['a blank reason', () => ({ reason: '  ' }), 'reason', 'REQUIRED'],
      ['a reason of 501 characters', () => ({ reason: long(501) }), 'reason', 'TOO_LONG'],
      ['an unknown replacement', () => ({ expertId: randomUUID() }), 'expertId', 'NOT_FOUND'],
      ['株洲’s expert as replacement', (f) => ({ expertId: f.zhuzhouExpert }), 'expertId', 'NOT_FOUND'],
      [
        'a replacement already seated',
        (f) => ({ expertId: f.seatedExpertIds[1] }),
        'expertId',
        'ALREADY_SEATED',
      ],
    ] as [string, (f: Fixture) => Record<string, unknown>, string, string][]
  ).map(([name, changes, field, rule]): Row => ({
    op: 'swap',
    name,
    who: 'provOfficer',
    variables: (f) => ({
      input: { assignmentId: f.seat.id, expertId: f.spare, reason: '专家出差', ...changes(f) },
    }),
    code: 'BAD_USER_INPUT',
    violations: [[field, rule]],
  })),
  {
    op: 'swap',
    name: 'an unavailable replacement',
    who: 'provOfficer',
    variables: (f) => ({ input: { assignmentId: f.seat.id, expertId: f.unavailable, reason: '专家出差' } }),
    code: 'PANEL_INVALID',
    violations: [['expertId', 'UNAVAILABLE']],
  },
  {
    op: 'swap',
    name: 'a conflicted replacement',
    who: 'provOfficer',
    variables: (f) => ({ input: { assignmentId: f.seat.id, expertId: f.conflicted, reason: '专家出差' } }),
    code: 'EXPERT_CONFLICT',
    violations: [['expertId', 'CONFLICT']],
  },
  {
    op: 'swap',
    name: 'an unknown seat',
    who: 'provOfficer',
    variables: (f) => ({ input: { assignmentId: randomUUID(), expertId: f.spare, reason: '专家出差' } }),
    code: 'NOT_FOUND',
  },

  // ---- saveReviewSheet ----
  ...(
    [
      [
        'a negative score',
        () => ({ scores: scores((_, i) => (i === 0 ? { score: -1 } : {})) }),
        'scores.0.score',
        'SCORE_RANGE',
      ],
      [
        'a score above 100',
        () => ({ scores: scores((_, i) => (i === 2 ? { score: 100.5 } : {})) }),
        'scores.2.score',
        'SCORE_RANGE',
      ],
      [
        'a huge score',
        () => ({ scores: scores((_, i) => (i === 1 ? { score: 1e308 } : {})) }),
        'scores.1.score',
        'SCORE_RANGE',
      ],
      [
        'an unknown criterion',
        () => ({ scores: [...scores(() => ({})), { key: 'BEAUTY', score: 90, comment: '' }] }),
        `scores.${REVIEW_CRITERIA.length}.key`,
        'UNKNOWN_CRITERION',
      ],
      [
        'a criterion twice',
        () => ({ scores: [...scores(() => ({})), { key: REVIEW_CRITERIA[0], score: 90, comment: '' }] }),
        `scores.${REVIEW_CRITERIA.length}.key`,
        'DUPLICATE',
      ],
      [
        'a comment of 2001 characters',
        () => ({ scores: scores((_, i) => (i === 0 ? { comment: long(2001) } : {})) }),
        'scores.0.comment',
        'TOO_LONG',
      ],
      ['an opinion of 5001 characters', () => ({ overallOpinion: long(5001) }), 'overallOpinion', 'TOO_LONG'],
      [
        'submitted with a criterion missing',
        () => ({ submit: true, scores: scores((_, i) => (i === 0 ? null : {})) }),
        `scores.${REVIEW_CRITERIA[0]}`,
        'REQUIRED',
      ],
      [
        'submitted with a criterion unscored',
        () => ({ submit: true, scores: scores((_, i) => (i === 3 ? { score: null } : {})) }),
        `scores.${REVIEW_CRITERIA[3]}`,
        'REQUIRED',
      ],
      [
        'submitted with no scores at all',
        () => ({ submit: true, scores: [] }),
        `scores.${REVIEW_CRITERIA[0]}`,
        'REQUIRED',
      ],
      [
        'submitted without an opinion',
        () => ({ submit: true, overallOpinion: '  ' }),
        'overallOpinion',
        'REQUIRED',
      ],
      [
        'submitted without a recommendation',
        () => ({ submit: true, recommendation: null }),
        'recommendation',
        'REQUIRED',
      ],
    ] as [string, (f: Fixture) => Record<string, unknown>, string, string][]
  ).map(([name, changes, field, rule]): Row => ({
    op: 'save',
    name,
    who: 'expert',
    variables: sheet(changes),
    code: 'BAD_USER_INPUT',
    violations: [[field, rule]],
  })),
  {
    op: 'save',
    name: 'stale version',
    who: 'expert',
    variables: sheet((f) => ({ version: f.seat.version + 3 })),
    code: 'CONFLICT',
  },
  {
    op: 'save',
    name: 'an unknown seat',
    who: 'expert',
    variables: sheet(() => ({ assignmentId: randomUUID() })),
    code: 'NOT_FOUND',
  },

  // ---- reopenReviewSheet ----
  ...(
    [
      ['an empty reason', '', 'REQUIRED'],
      ['a blank reason', ' \t ', 'REQUIRED'],
      ['a reason of 501 characters', long(501), 'TOO_LONG'],
    ] as const
  ).map(([name, reason, rule]): Row => ({
    op: 'reopen',
    name,
    who: 'provOfficer',
    variables: (f) => ({ input: { sheetId: f.submittedSheetId, reason } }),
    code: 'BAD_USER_INPUT',
    violations: [['reason', rule]],
  })),
  {
    op: 'reopen',
    name: 'an unknown sheet',
    who: 'provOfficer',
    variables: () => ({ input: { sheetId: randomUUID(), reason: '评分有误' } }),
    code: 'NOT_FOUND',
  },
];

/** Input GraphQL refuses before any resolver runs: 400, BAD_USER_INPUT, no data. */
const WRONG_SHAPE: { op: Op; name: string; who: Who; variables: (f: Fixture) => Record<string, unknown> }[] =
  [
    {
      op: 'createCall',
      name: 'an unknown document kind',
      who: 'provOfficer',
      variables: createCall(() => ({ requiredDocuments: ['CV'] })),
    },
    {
      op: 'createCall',
      name: 'no title',
      who: 'provOfficer',
      variables: createCall(() => ({ title: null })),
    },
    {
      op: 'updateCall',
      name: 'a version that is not a number',
      who: 'provOfficer',
      variables: updateCall(
        () => ({}),
        () => 'v1' as unknown as number,
      ),
    },
    {
      op: 'update',
      name: 'a budget given as a number',
      who: 'zzOfficer',
      variables: (f) => form(f, { budgetFen: 1.5 }),
    },
    {
      op: 'update',
      name: 'a version given as a decimal',
      who: 'zzOfficer',
      variables: (f) => form(f, { version: 1.5 }),
    },
    {
      op: 'transition',
      name: 'an unknown action',
      who: 'zzAdmin',
      variables: move((f) => f.submitted, 'FAST_TRACK', { opinion: '同意' }),
    },
    {
      op: 'transition',
      name: 'an action in lower case',
      who: 'zzAdmin',
      variables: move((f) => f.submitted, 'recommend', { opinion: '同意' }),
    },
    {
      op: 'save',
      name: 'a score that is not a number',
      who: 'expert',
      variables: sheet(() => ({ scores: [{ key: REVIEW_CRITERIA[0], score: 'NaN', comment: '' }] })),
    },
    {
      op: 'save',
      name: 'an unknown recommendation',
      who: 'expert',
      variables: sheet(() => ({ recommendation: 'MAYBE' })),
    },
    {
      op: 'createExpert',
      name: 'domains as one string',
      who: 'provOfficer',
      variables: newExpert(() => ({ domainCodes: { code: INDUSTRY } })),
    },
  ];

// ---- the fixture ----

const clock = new TestClock();
let api: TestApi;
let db: AdminDb;
const agents = {} as Record<Who, GraphqlAgent>;
const fixture = {} as Fixture;

const PILOT_TABLES = [
  'pilot_call',
  'pilot_application',
  'pilot_application_document',
  'pilot_objection',
  'confirmed_pilot',
  'expert',
  'expert_affiliation',
  'expert_conflict',
  'expert_assignment',
  'review_sheet',
  'document',
  'alliance',
];

/** Every row of every pilot table and the newest audit event: equal before and after means nothing was written. */
async function fingerprint(): Promise<string> {
  const rows = await db.rows<{ part: string; digest: string }>(tablesFingerprintSql(PILOT_TABLES));
  return rows.map((r) => `${r.part}=${r.digest}`).join(' ');
}

async function upload(agent: GraphqlAgent, allianceId: string, kind: string): Promise<string> {
  const res = await agent
    .raw()
    .post('/api/documents')
    .set('x-xiangmeng-request', '1')
    .field('allianceId', allianceId)
    .field('kind', kind)
    .attach('file', FILES.pdf(), '文件.pdf');
  if (res.status !== 201) throw new Error(`upload: ${JSON.stringify(res.body)}`);
  return (res.body as { id: string }).id;
}

async function step(
  agent: GraphqlAgent,
  built: Built,
  action: string,
  text: { reason?: string; opinion?: string } = {},
) {
  const moved = await act(agent, built, action, text);
  return { id: moved.id, version: moved.version };
}

type Seat = { id: string; application: { id: string }; sheet: { id: string; version: number } };

beforeAll(async () => {
  api = await startTestApi({ clock });
  db = await AdminDb.open();
  const users = {} as Record<string, TestUser>;
  for (const [key, code, roles] of [
    ['provOfficer', PROVINCE, ['PROVINCE_OFFICER']],
    ['provAdmin', PROVINCE, ['PROVINCE_ADMIN']],
    ['zzOfficer', ZHUZHOU, ['CITY_OFFICER']],
    ['zzAdmin', ZHUZHOU, ['CITY_ADMIN']],
  ] as const) {
    const s = await staff(api, code, [...roles]);
    users[key] = s.user;
    agents[key] = s.agent;
  }
  const cs = await staff(api, CHANGSHA, ['CITY_OFFICER']);
  const csAdmin = await staff(api, CHANGSHA, ['CITY_ADMIN']);
  const po = agents.provOfficer;
  const pa = agents.provAdmin;
  const zo = agents.zzOfficer;
  const za = agents.zzAdmin;
  fixture.now = clock.now();
  fixture.officerUserId = users.provOfficer!.id;

  // Calls.
  const newCall = async (writer: GraphqlAgent, admin: GraphqlAgent | null) => {
    const draft = dataOf(
      await writer.send<{ createPilotCall: CallView }>(P.createCall, { input: callInput(clock.now()) }),
    ).createPilotCall;
    if (!admin) return { id: draft.id, version: draft.version };
    dataOf(await admin.send(P.publishCall, { id: draft.id, version: draft.version }));
    return { id: draft.id, version: draft.version + 1 };
  };
  fixture.draftCall = await newCall(po, null);
  fixture.changshaCall = (await newCall(cs.agent, csAdmin.agent)).id;
  const callIds: string[] = [];
  for (let i = 0; i < 5; i++) callIds.push((await newCall(po, pa)).id);
  fixture.publishedCall = callIds[0]!;

  // Alliances and documents: 株洲's applying one, another of 株洲's, one not established, 长沙's.
  const formed = await establishedAlliance(zo, INDUSTRY);
  fixture.allianceId = formed.alliance.id;
  fixture.memberOrganizationId = formed.members[0]!.id;
  fixture.ownDocumentId = await upload(zo, formed.alliance.id, 'FEASIBILITY_REPORT');
  const other = await new RegisterClient(zo).registerAlliance({ industryCode: INDUSTRY });
  fixture.unestablishedAllianceId = other.id;
  fixture.otherAllianceDocumentId = await upload(zo, other.id, 'FEASIBILITY_REPORT');
  const changshaAlliance = await new RegisterClient(cs.agent).registerAlliance({ industryCode: INDUSTRY });
  fixture.changshaAllianceId = changshaAlliance.id;
  fixture.changshaDocumentId = await upload(cs.agent, changshaAlliance.id, 'FEASIBILITY_REPORT');

  // Applications of the one alliance, one per call, in the states the rows need.
  const drafted = async (callId: string): Promise<Built> => {
    const created = dataOf(
      await zo.send<{ createPilotApplication: ApplicationView }>(P.create, {
        input: { callId, allianceId: formed.alliance.id },
      }),
    ).createPilotApplication;
    const filled = dataOf(
      await zo.send<{ updatePilotApplication: ApplicationView }>(P.update, {
        input: {
          id: created.id,
          version: created.version,
          goals: '建成行业共性技术平台',
          workPlan: '三年分两期实施',
          budgetFen: '100000000',
          ownInvestmentFen: '200000000',
          expectedResults: '标准两项、专利十项',
          contactName: '王五',
          contactPhone: '0731-22222222',
          feasibilityDocumentId: await upload(zo, formed.alliance.id, 'FEASIBILITY_REPORT'),
          attachmentIds: [],
        },
      }),
    ).updatePilotApplication;
    return { id: filled.id, version: filled.version };
  };
  const recommended = async (callId: string) =>
    step(za, await step(zo, await drafted(callId), 'SUBMIT'), 'RECOMMEND', { opinion: '同意推荐' });
  fixture.draft = await drafted(callIds[0]!);
  fixture.submitted = await step(zo, await drafted(callIds[1]!), 'SUBMIT');
  fixture.accepted = await step(po, await recommended(callIds[2]!), 'ACCEPT');

  // The province's pool: six fit to review, one unavailable, one outside the domain, one working for
  // a member; 株洲 keeps one of its own. Each fit expert has its own account and organization.
  const accounts: TestUser[] = [];
  fixture.pool = [];
  for (let i = 0; i < 6; i++) {
    const account = await createUser(PROVINCE, ['EXPERT'], 'bx');
    const org = await organization('坏输入专家单位', PROVINCE);
    const e = await createExpert(po, {
      name: expertName(`坏输入专家${i}`),
      title: '研究员',
      domainCodes: [INDUSTRY],
      affiliations: [{ organizationId: org.id }],
      accountUserId: account.id,
    });
    accounts.push(account);
    fixture.pool.push(e.id);
  }
  fixture.linkedExpertUserId = accounts[5]!.id;
  fixture.spare = fixture.pool[5]!;
  const extra = async (input: Record<string, unknown>) => {
    const account = await createUser(PROVINCE, ['EXPERT'], 'bx');
    const org = await organization('坏输入专家单位', PROVINCE);
    return (
      await createExpert(po, {
        name: expertName('坏输入专家'),
        title: '研究员',
        domainCodes: [INDUSTRY],
        affiliations: [{ organizationId: org.id }],
        accountUserId: account.id,
        ...input,
      })
    ).id;
  };
  fixture.unavailable = await extra({ available: false, unavailableReason: '出国访学' });
  fixture.outsideDomain = await extra({ domainCodes: [OTHER_INDUSTRY] });
  fixture.conflicted = await extra({ affiliations: [{ organizationId: fixture.memberOrganizationId }] });
  const zhuzhouAccount = await createUser(ZHUZHOU, ['EXPERT'], 'bz');
  fixture.zhuzhouExpertUserId = zhuzhouAccount.id;
  fixture.zhuzhouExpert = (
    await createExpert(zo, {
      name: expertName('株洲专家'),
      title: '教授',
      domainCodes: [INDUSTRY],
      affiliations: [{ organizationId: (await organization('株洲专家单位', ZHUZHOU)).id }],
    })
  ).id;
  // The expert the pool rows edit, with a conflict already declared.
  const declaredOrg = await organization('已声明冲突单位', PROVINCE);
  fixture.declaredOrganizationId = declaredOrg.id;
  const edited = await createExpert(po, {
    name: expertName('被编辑专家'),
    title: '教授',
    domainCodes: [INDUSTRY],
    affiliations: [{ organizationId: (await organization('被编辑专家单位', PROVINCE)).id }],
  });
  const declaredExpert = dataOf(
    await po.send<{ declareExpertConflict: { id: string; version: number } }>(
      `mutation ($input: DeclareExpertConflictInput!) { declareExpertConflict(input: $input) { id version } }`,
      {
        input: {
          expertId: edited.id,
          organizationId: declaredOrg.id,
          reason: '曾任顾问',
          declaredOn: '2026-10-01',
        },
      },
    ),
  ).declareExpertConflict;
  fixture.expert = { id: declaredExpert.id, version: declaredExpert.version };

  // In review: five seated; the first keeps a draft sheet, the second has submitted.
  const seated = fixture.pool.slice(0, 5);
  fixture.seatedExpertIds = seated;
  const experts = await Promise.all(accounts.slice(0, 5).map((u) => signedInAgent(api, u)));
  agents.expert = experts[0]!;
  const reviewing = async (callId: string) => {
    const accepted = await step(po, await recommended(callId), 'ACCEPT');
    dataOf(await po.send(OPS.assign, { input: { applicationId: accepted.id, expertIds: seated } }));
    return step(po, accepted, 'START_REVIEW');
  };
  const seatOf = async (expert: GraphqlAgent, applicationId: string) =>
    dataOf(await expert.send<{ myReviewAssignments: Seat[] }>(OPS.mine)).myReviewAssignments.find(
      (s) => s.application.id === applicationId,
    )!;
  const score = async (expert: GraphqlAgent, applicationId: string, submit: boolean) => {
    const seat = await seatOf(expert, applicationId);
    await declareSeat(expert, seat.id);
    dataOf(
      await expert.send(OPS.save, {
        input: {
          assignmentId: seat.id,
          version: seat.sheet.version,
          scores: REVIEW_CRITERIA.map((key) => ({ key, score: 85, comment: '' })),
          overallOpinion: '同意',
          recommendation: 'SUPPORT',
          submit,
        },
      }),
    );
  };
  fixture.inReview = await reviewing(callIds[3]!);
  await score(experts[0]!, fixture.inReview.id, false);
  await score(experts[1]!, fixture.inReview.id, true);
  const own = await seatOf(experts[0]!, fixture.inReview.id);
  fixture.seat = { id: own.id, version: own.sheet.version };
  fixture.submittedSheetId = (await seatOf(experts[1]!, fixture.inReview.id)).sheet.id;

  // Publicised, with one objection on record.
  let publicised = await reviewing(callIds[4]!);
  for (const expert of experts) await score(expert, publicised.id, true);
  publicised = await step(po, await step(po, publicised, 'CLOSE_REVIEW'), 'PUBLICISE');
  fixture.publicised = publicised;
  fixture.objectionId = dataOf(
    await po.send<{ recordPilotObjection: { id: string } }>(M.record, {
      id: publicised.id,
      on: '2026-11-29',
      who: '某企业',
      what: '成员资质存疑',
    }),
  ).recordPilotObjection.id;
}, 180_000);

afterAll(async () => {
  await db?.close();
  await api?.close();
});

/**
 * The fixture's current versions: a row the API wrongly accepts moves a version, and the rows after
 * it must still meet their own rule rather than a stale-version CONFLICT.
 */
async function refreshVersions(): Promise<void> {
  const version = async (table: string, id: string) =>
    (await db.rows<{ version: number }>(`SELECT version FROM ${table} WHERE id = $1`, [id]))[0]!.version;
  fixture.draftCall.version = await version('pilot_call', fixture.draftCall.id);
  fixture.draft.version = await version('pilot_application', fixture.draft.id);
  fixture.submitted.version = await version('pilot_application', fixture.submitted.id);
  fixture.expert.version = await version('expert', fixture.expert.id);
  const [sheet] = await db.rows<{ version: number }>(
    'SELECT version FROM review_sheet WHERE assignment_id = $1',
    [fixture.seat.id],
  );
  fixture.seat.version = sheet!.version;
}

const { cells } = cellTally('pilot selection bad input (shape and look-alikes)');

describe('bad input to pilot selection: named, Chinese, HTTP 200, nothing written', () => {
  badInputCells({
    title: 'pilot selection bad input',
    table: TABLE,
    send: (row) => agents[row.who].send(M[row.op], row.variables(fixture)),
    fingerprint,
    before: refreshVersions,
  });

  cells(
    WRONG_SHAPE,
    (row) => `${row.op} / ${row.name} → 400 BAD_USER_INPUT`,
    async (row) => {
      await refreshVersions();
      const before = await fingerprint();
      const res = await agents[row.who].send(M[row.op], row.variables(fixture));
      expect(res.status, JSON.stringify(res.errors)).toBe(400);
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.data ?? null).toBeNull();
      expect(await fingerprint()).toBe(before);
    },
  );

  cells(
    [
      { name: 'a score of 1e400 (Infinity in JSON)', literal: '1e400' },
      { name: 'a score of -1e400', literal: '-1e400' },
    ],
    (c) => `saveReviewSheet / ${c.name} → 400 BAD_USER_INPUT`,
    async (c) => {
      const before = await fingerprint();
      const variables = JSON.stringify({
        input: {
          assignmentId: fixture.seat.id,
          version: fixture.seat.version,
          scores: [{ key: REVIEW_CRITERIA[0], score: 0, comment: '' }],
          overallOpinion: '同意',
          submit: false,
        },
      }).replace('"score":0', `"score":${c.literal}`);
      const res = await agents.expert
        .raw()
        .post('/graphql')
        .set('content-type', 'application/json')
        .send(`{"query":${JSON.stringify(M.save)},"variables":${variables}}`);
      expect(res.status).toBe(400);
      expect(
        (res.body as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code,
      ).toBe('BAD_USER_INPUT');
      expect(await fingerprint()).toBe(before);
    },
  );

  // Another alliance's or another city's document is refused exactly like a random id.
  cells(
    (['otherAllianceDocumentId', 'changshaDocumentId'] as const).flatMap((key) =>
      (['feasibilityDocumentId', 'attachmentIds'] as const).map((field) => ({ key, field })),
    ),
    (c) => `updatePilotApplication / ${c.field} = ${c.key}: the same answer as a random id`,
    async ({ key, field }) => {
      const value = (id: string) => (field === 'attachmentIds' ? [id] : id);
      const named = await agents.zzOfficer.send(M.update, form(fixture, { [field]: value(fixture[key]) }));
      const random = await agents.zzOfficer.send(M.update, form(fixture, { [field]: value(randomUUID()) }));
      expect(errorShape(named)).toEqual(errorShape(random));
    },
  );
});

describe('the fixture still takes the valid input the rows vary', () => {
  it('accepts the form, the sheet and the objection answer once corrected', async () => {
    await refreshVersions();
    const updated = await agents.zzOfficer.send<{ updatePilotApplication: { id: string } }>(
      M.update,
      form(fixture),
    );
    expect(updated.errors).toBeUndefined();
    const saved = await agents.expert.send(M.save, sheet(() => ({}))(fixture));
    expect(saved.errors).toBeUndefined();
    const answered = await agents.provOfficer.send(M.answer, {
      id: fixture.objectionId,
      answer: '经核实，资质符合要求',
    });
    expect(answered.errors).toBeUndefined();
  });
});
