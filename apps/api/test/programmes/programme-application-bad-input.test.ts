import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import { CHANGSHA, PROVINCE, staff } from '../pilots/pilot-client';
import { AdminDb } from '../support/admin-db';
import { type BadInputRow, badInputCells, tablesFingerprintSql } from '../support/bad-input-table';
import {
  asAdmin,
  createUser,
  type GraphqlAgent,
  signedInAgent,
  startTestApi,
  tenantId,
  type TestApi,
} from '../support/harness';
import { dataOf } from '../support/register-client';
import { TestClock } from '../support/test-clock';
import {
  act,
  draftApplication,
  formInput,
  type InvestmentView,
  PA,
  type Pilot,
  programmeCallInput,
  provincialPilot,
  taskContract,
  verifiedInvestment,
  type World,
  world,
  YUAN,
} from './programme-application-client';
import { draftProgramme } from './programme-client';

// Bad input to every mutation of programme calls, prior investment and programme applications:
// each row is answered with HTTP 200, its code and (for BAD_USER_INPUT and refusals) violations
// naming the field and the rule in Chinese; nothing is written (the tables and the audit chain
// are as before).

const M = {
  createCall: PA.createCall.replace(/\{ id [^}]*\}/, '{ id }'),
  publishCall: `mutation ($id: ID!, $version: Int!) { publishProgrammeCall(id: $id, version: $version) { id } }`,
  declare: `mutation ($input: DeclarePriorInvestmentInput!) { declarePriorInvestment(input: $input) { id } }`,
  verify: `mutation ($input: VerifyPriorInvestmentInput!) { verifyPriorInvestment(input: $input) { id } }`,
  create: `mutation ($input: CreateProgrammeApplicationInput!) { createProgrammeApplication(input: $input) { id } }`,
  save: `mutation ($input: SaveProgrammeApplicationFormInput!) { saveProgrammeApplicationForm(input: $input) { id } }`,
  transition: `mutation ($input: TransitionProgrammeApplicationInput!) { transitionProgrammeApplication(input: $input) { id } }`,
  list: `query ($filter: ProgrammeApplicationFilterInput) { programmeApplications(filter: $filter) { totalCount } }`,
} as const;
type Op = keyof typeof M;
type Who = 'provOfficer' | 'provAdmin' | 'zzOfficer' | 'zzAdmin' | 'csAdmin' | 'expert';

type Fixture = {
  w: World;
  pilot: Pilot;
  changshaId: string;
  draftProgrammeId: string;
  draftCall: { id: string; version: number };
  draft: { id: string; version: number };
  reviewed: { id: string; version: number };
  unverified: InvestmentView;
  verified: InvestmentView;
};
type Row = BadInputRow<Op, Who, Fixture>;

const callOf =
  (changes: Record<string, unknown>, programme: (f: Fixture) => string = (f) => f.w.programme.id) =>
  (f: Fixture) => ({ programmeId: programme(f), input: programmeCallInput(clock.now(), changes) });
const declare = (changes: Record<string, unknown>) => (f: Fixture) => ({
  input: {
    allianceId: f.pilot.allianceId,
    authorityTenantId: f.w.provinceId,
    description: '联盟平台建设投入',
    declaredFen: YUAN(1_000_000),
    evidenceDocumentIds: [f.pilot.documents.EVIDENCE],
    ...changes,
  },
});
const verify =
  (changes: Record<string, unknown>, target: (f: Fixture) => InvestmentView = (f) => f.unverified) =>
  (f: Fixture) => ({ input: { id: target(f).id, verifiedFen: YUAN(4_000_000), reason: null, ...changes } });
const save = (changes: Record<string, unknown>) => (f: Fixture) => ({
  input: { ...formInput(f.draft, f.pilot), ...changes },
});
const award = (extra: Record<string, unknown>) => (f: Fixture) => ({
  input: {
    id: f.reviewed.id,
    version: f.reviewed.version,
    action: 'AWARD',
    reason: '同意立项',
    awardFen: YUAN(2_000_000),
    taskContract: taskContract(2_000_000),
    ...extra,
  },
});

const TABLE: Row[] = [
  // ---- createProgrammeCall ----
  {
    op: 'createCall',
    name: 'a title of 3 characters',
    who: 'provOfficer',
    variables: callOf({ title: '申报书' }),
    code: 'BAD_USER_INPUT',
    violations: [['title', 'LENGTH']],
  },
  {
    op: 'createCall',
    name: 'closing before opening',
    who: 'provOfficer',
    variables: callOf({ closesAt: new Date('2027-05-01T00:00:00+08:00').toISOString() }),
    code: 'BAD_USER_INPUT',
    violations: [['closesAt', '*']],
  },
  {
    op: 'createCall',
    name: 'a programme not yet published',
    who: 'provOfficer',
    variables: callOf({}, (f) => f.draftProgrammeId),
    code: 'BAD_USER_INPUT',
    violations: [['programmeId', 'NOT_PUBLISHED']],
  },
  {
    op: 'createCall',
    name: 'a programme that does not exist',
    who: 'provOfficer',
    variables: callOf({}, () => randomUUID()),
    code: 'NOT_FOUND',
  },
  {
    op: 'createCall',
    name: "the province's programme by a city",
    who: 'zzOfficer',
    variables: callOf({}),
    code: 'NOT_FOUND',
  },
  { op: 'createCall', name: 'by an expert', who: 'expert', variables: callOf({}), code: 'FORBIDDEN' },
  // ---- publishProgrammeCall ----
  {
    op: 'publishCall',
    name: 'a stale version',
    who: 'provAdmin',
    variables: (f) => ({ id: f.draftCall.id, version: f.draftCall.version + 1 }),
    code: 'CALL_CHANGED',
  },
  {
    op: 'publishCall',
    name: 'by an officer',
    who: 'provOfficer',
    variables: (f) => f.draftCall,
    code: 'FORBIDDEN',
  },
  {
    op: 'publishCall',
    name: 'a call that does not exist',
    who: 'provAdmin',
    variables: () => ({ id: randomUUID(), version: 1 }),
    code: 'NOT_FOUND',
  },
  // ---- declarePriorInvestment ----
  {
    op: 'declare',
    name: 'zero yuan',
    who: 'zzOfficer',
    variables: declare({ declaredFen: '0' }),
    code: 'BAD_USER_INPUT',
    violations: [['declaredFen', 'POSITIVE_FEN']],
  },
  {
    op: 'declare',
    name: 'a fraction of a fen',
    who: 'zzOfficer',
    variables: declare({ declaredFen: '100.5' }),
    code: 'BAD_USER_INPUT',
    violations: [['declaredFen', 'POSITIVE_FEN']],
  },
  {
    op: 'declare',
    name: 'no evidence',
    who: 'zzOfficer',
    variables: declare({ evidenceDocumentIds: [] }),
    code: 'BAD_USER_INPUT',
    violations: [['evidence', 'EVIDENCE_REQUIRED']],
  },
  {
    op: 'declare',
    name: 'evidence that is not the alliance’s',
    who: 'zzOfficer',
    variables: declare({ evidenceDocumentIds: [randomUUID()] }),
    code: 'BAD_USER_INPUT',
    violations: [['evidenceDocumentIds', 'NOT_ALLIANCE_DOCUMENT']],
  },
  {
    op: 'declare',
    name: 'no description',
    who: 'zzOfficer',
    variables: declare({ description: '  ' }),
    code: 'BAD_USER_INPUT',
    violations: [['description', 'REQUIRED']],
  },
  {
    op: 'declare',
    name: 'to another city as authority',
    who: 'zzOfficer',
    variables: (f) => declare({ authorityTenantId: f.changshaId })(f),
    code: 'BAD_USER_INPUT',
    violations: [['authorityTenantId', 'NOT_AUTHORITY']],
  },
  {
    op: 'declare',
    name: "another city's alliance",
    who: 'csAdmin',
    variables: declare({}),
    code: 'BAD_USER_INPUT',
    violations: [['allianceId', 'NOT_FOUND']],
  },
  { op: 'declare', name: 'by the province', who: 'provOfficer', variables: declare({}), code: 'FORBIDDEN' },
  // ---- verifyPriorInvestment ----
  {
    op: 'verify',
    name: 'more than declared',
    who: 'provOfficer',
    variables: verify({ verifiedFen: YUAN(6_000_000) }),
    code: 'BAD_USER_INPUT',
    violations: [['verifiedFen', 'ABOVE_DECLARED']],
  },
  {
    op: 'verify',
    name: 'less than declared without a reason',
    who: 'provOfficer',
    variables: verify({ verifiedFen: YUAN(4_000_000), reason: ' ' }),
    code: 'BAD_USER_INPUT',
    violations: [['reason', 'REASON_REQUIRED']],
  },
  {
    op: 'verify',
    name: 'not an amount',
    who: 'provOfficer',
    variables: verify({ verifiedFen: '四百万' }),
    code: 'BAD_USER_INPUT',
    violations: [['verifiedFen', 'FEN']],
  },
  {
    op: 'verify',
    name: 'a second time',
    who: 'provOfficer',
    variables: verify({ verifiedFen: YUAN(1_000_000), reason: '再核' }, (f) => f.verified),
    code: 'PRIOR_INVESTMENT_VERIFIED',
  },
  {
    op: 'verify',
    name: 'by the declaring city',
    who: 'zzAdmin',
    variables: verify({ verifiedFen: YUAN(5_000_000) }),
    code: 'FORBIDDEN',
  },
  { op: 'verify', name: 'by another city', who: 'csAdmin', variables: verify({}), code: 'NOT_FOUND' },
  // ---- createProgrammeApplication ----
  {
    op: 'create',
    name: 'a call that does not exist',
    who: 'zzOfficer',
    variables: (f) => ({ input: { callId: randomUUID(), allianceId: f.pilot.allianceId } }),
    code: 'BAD_USER_INPUT',
    violations: [['callId', 'NOT_PUBLISHED']],
  },
  {
    op: 'create',
    name: 'a draft call',
    who: 'zzOfficer',
    variables: (f) => ({ input: { callId: f.draftCall.id, allianceId: f.pilot.allianceId } }),
    code: 'BAD_USER_INPUT',
    violations: [['callId', 'NOT_PUBLISHED']],
  },
  {
    op: 'create',
    name: 'a second live application to the call',
    who: 'zzOfficer',
    variables: (f) => ({ input: { callId: f.w.call.id, allianceId: f.pilot.allianceId } }),
    code: 'BAD_USER_INPUT',
    violations: [['allianceId', 'ALREADY_APPLIED']],
  },
  {
    op: 'create',
    name: "another city's alliance",
    who: 'csAdmin',
    variables: (f) => ({ input: { callId: f.w.call.id, allianceId: f.pilot.allianceId } }),
    code: 'BAD_USER_INPUT',
    violations: [['allianceId', 'NOT_FOUND']],
  },
  {
    op: 'create',
    name: 'by the province',
    who: 'provOfficer',
    variables: (f) => ({ input: { callId: f.w.call.id, allianceId: f.pilot.allianceId } }),
    code: 'FORBIDDEN',
  },
  // ---- saveProgrammeApplicationForm ----
  {
    op: 'save',
    name: 'a stale version',
    who: 'zzOfficer',
    variables: (f) => save({ version: f.draft.version + 1 })(f),
    code: 'CONFLICT',
  },
  {
    op: 'save',
    name: 'a negative amount',
    who: 'zzOfficer',
    variables: save({ requestedSupportFen: '-1' }),
    code: 'BAD_USER_INPUT',
    violations: [['requestedSupportFen', 'FEN']],
  },
  {
    op: 'save',
    name: '30 February',
    who: 'zzOfficer',
    variables: save({ startOn: '2027-02-30' }),
    code: 'BAD_USER_INPUT',
    violations: [['startOn', 'DATE']],
  },
  {
    op: 'save',
    name: 'a title of 101 characters',
    who: 'zzOfficer',
    variables: save({ title: '长'.repeat(101) }),
    code: 'BAD_USER_INPUT',
    violations: [['title', 'TOO_LONG']],
  },
  {
    op: 'save',
    name: 'a participant not in the directory',
    who: 'zzOfficer',
    variables: save({ participants: [{ organizationId: randomUUID(), task: '测试' }] }),
    code: 'BAD_USER_INPUT',
    violations: [['participants.0.organizationId', 'NOT_FOUND']],
  },
  {
    op: 'save',
    name: 'a document that is not the alliance’s',
    who: 'zzOfficer',
    variables: save({ documents: [{ documentId: randomUUID(), kind: 'APPLICATION_FORM' }] }),
    code: 'BAD_USER_INPUT',
    violations: [['documents.0.documentId', 'NOT_ALLIANCE_DOCUMENT']],
  },
  {
    op: 'save',
    name: 'a section the kind does not have',
    who: 'zzOfficer',
    variables: save({ sections: [{ key: 'poetry', text: '诗' }] }),
    code: 'BAD_USER_INPUT',
    violations: [['sections.0.key', 'UNKNOWN_SECTION']],
  },
  {
    op: 'save',
    // A plan project has no particulars: the international kind's partner is refused by name.
    name: 'a particular the kind does not have',
    who: 'zzOfficer',
    variables: save({ particulars: [{ key: 'partnerCountry', value: 'DE' }] }),
    code: 'BAD_USER_INPUT',
    violations: [['particulars.0.key', 'UNKNOWN_PARTICULAR']],
  },
  {
    op: 'save',
    name: 'a benefit share of zero',
    who: 'zzOfficer',
    variables: (f) =>
      save({
        ipTerms: {
          ...formInput(f.draft, f.pilot).ipTerms,
          benefitShares: [{ organizationId: f.pilot.members[0]!.id, basisPoints: 0 }],
        },
      })(f),
    code: 'BAD_USER_INPUT',
    violations: [['ipTerms.benefitShares.0.basisPoints', 'SHARE_RANGE']],
  },
  { op: 'save', name: 'by another city', who: 'csAdmin', variables: save({}), code: 'NOT_FOUND' },
  { op: 'save', name: 'by the province', who: 'provOfficer', variables: save({}), code: 'FORBIDDEN' },
  // ---- transitionProgrammeApplication ----
  {
    op: 'transition',
    name: 'recommending a draft',
    who: 'zzAdmin',
    variables: (f) => ({
      input: { id: f.draft.id, version: f.draft.version, action: 'RECOMMEND', opinion: '同意' },
    }),
    code: 'PROGRAMME_APPLICATION_REFUSED',
    violations: [['action', 'NOT_ALLOWED_IN_STATE']],
  },
  {
    op: 'transition',
    name: 'submitting a stale version',
    who: 'zzOfficer',
    variables: (f) => ({ input: { id: f.draft.id, version: f.draft.version + 1, action: 'SUBMIT' } }),
    code: 'PROGRAMME_APPLICATION_CHANGED',
  },
  {
    op: 'transition',
    name: 'an award without its task contract',
    who: 'provAdmin',
    variables: award({ taskContract: null }),
    code: 'BAD_USER_INPUT',
    violations: [['taskContract', 'REQUIRED']],
  },
  {
    op: 'transition',
    name: 'an award that is not an amount',
    who: 'provAdmin',
    variables: award({ awardFen: '两百万', taskContract: taskContract(2_000_000) }),
    code: 'PROGRAMME_APPLICATION_REFUSED',
    violations: [['awardFen', 'POSITIVE_FEN']],
  },
  {
    op: 'transition',
    name: 'a budget line of an unknown source',
    who: 'provAdmin',
    variables: award({
      taskContract: {
        ...taskContract(2_000_000),
        budgetLines: [{ source: 'LOTTERY', amountFen: YUAN(3_000_000), purpose: '' }],
      },
    }),
    code: 'BAD_USER_INPUT',
    violations: [['taskContract.budget.lines.0.source', 'ONE_OF']],
  },
  {
    op: 'transition',
    name: 'budget lines that do not add up',
    who: 'provAdmin',
    variables: award({ taskContract: { ...taskContract(2_000_000), budgetTotalFen: YUAN(9_000_000) } }),
    code: 'BAD_USER_INPUT',
    violations: [['taskContract.budget*', '*']],
  },
  {
    op: 'transition',
    name: 'declining without a reason',
    who: 'provAdmin',
    variables: (f) => ({ input: { ...f.reviewed, action: 'DECLINE', reason: ' ' } }),
    code: 'PROGRAMME_APPLICATION_REFUSED',
    violations: [['guard.REASON_GIVEN', 'REASON_GIVEN']],
  },
  {
    op: 'transition',
    name: 'awarding by an officer',
    who: 'provOfficer',
    variables: award({}),
    code: 'FORBIDDEN',
  },
  // ---- programmeApplications ----
  {
    op: 'list',
    name: 'a page of none',
    who: 'provOfficer',
    variables: () => ({ filter: { scope: 'ALL', first: 0, offset: 0 } }),
    code: 'BAD_USER_INPUT',
    violations: [['first', 'INTEGER_RANGE']],
  },
  {
    op: 'list',
    name: 'a page of 101',
    who: 'provOfficer',
    variables: () => ({ filter: { scope: 'ALL', first: 101, offset: 0 } }),
    code: 'BAD_USER_INPUT',
    violations: [['first', 'INTEGER_RANGE']],
  },
];

let api: TestApi;
let db: AdminDb;
const clock = new TestClock(new Date('2027-06-01T10:00:00+08:00'));
const agents = {} as Record<Who, GraphqlAgent>;
const fixture = {} as Fixture;

async function fingerprint(): Promise<string> {
  const rows = await db.rows<{ part: string; digest: string }>(
    tablesFingerprintSql([
      'pilot_call',
      'prior_investment',
      'prior_investment_document',
      'programme_application',
      'programme_application_document',
    ]),
  );
  return rows.map((r) => `${r.part}=${r.digest}`).join(' ');
}

beforeAll(async () => {
  api = await startTestApi({ clock });
  db = await AdminDb.open();
  const w = await world(api, clock.now());
  fixture.w = w;
  agents.provOfficer = w.provOfficer;
  agents.provAdmin = w.provAdmin;
  agents.zzOfficer = w.zzOfficer;
  agents.zzAdmin = w.zzAdmin;
  agents.csAdmin = (await staff(api, CHANGSHA, ['CITY_ADMIN'])).agent;
  agents.expert = await signedInAgent(api, await createUser(PROVINCE, ['EXPERT'], 'x'));
  fixture.changshaId = await tenantId(CHANGSHA);
  fixture.draftProgrammeId = (await draftProgramme(w.provOfficer)).id;
  fixture.draftCall = dataOf(
    await w.provOfficer.send<{ createProgrammeCall: { id: string; version: number } }>(PA.createCall, {
      programmeId: w.programme.id,
      input: programmeCallInput(clock.now()),
    }),
  ).createProgrammeCall;
  fixture.pilot = await provincialPilot(w, 'SE0802');
  fixture.unverified = await verifiedInvestment(w, fixture.pilot, 5_000_000, null);
  fixture.verified = await verifiedInvestment(w, fixture.pilot, 3_000_000, 3_000_000);
  const draft = await draftApplication(w, fixture.pilot, { requestedSupportFen: YUAN(2_000_000) });
  fixture.draft = { id: draft.id, version: draft.version };
  const second = await provincialPilot(w, 'SE0802');
  await verifiedInvestment(w, second, 3_000_000, 3_000_000);
  let a = await draftApplication(w, second, { requestedSupportFen: YUAN(2_000_000) });
  a = await act(w.zzOfficer, a, 'SUBMIT');
  a = await act(w.zzAdmin, a, 'RECOMMEND', { opinion: '同意推荐' });
  a = await act(w.provOfficer, a, 'ACCEPT');
  // The panel has its own tests: here its work is taken as done.
  await asAdmin((c) => c.query(`UPDATE programme_application SET state = 'REVIEWED' WHERE id = $1`, [a.id]));
  fixture.reviewed = { id: a.id, version: a.version };
});

afterAll(async () => {
  await db?.close();
  await api?.close();
});

describe('bad input to programme calls, prior investment and programme applications: named, Chinese, HTTP 200, nothing written', () => {
  badInputCells({
    title: 'programme application bad input',
    table: TABLE,
    send: (row) => agents[row.who].send(M[row.op], row.variables(fixture)),
    fingerprint,
  });
});
