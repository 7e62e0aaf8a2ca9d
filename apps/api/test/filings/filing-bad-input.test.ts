import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminDb } from '../support/admin-db';
import { type GraphqlAgent, startTestApi, type TestApi, type TestUser } from '../support/harness';
import { dataOf, errorShape, RegisterClient } from '../support/register-client';
import { type BadInputRow, badInputCells, tablesFingerprintSql } from '../support/bad-input-table';
import { TestClock } from '../support/test-clock';
import { Fixtures } from '../pilots/db-fixtures';
import { CHANGSHA, establishedAlliance, PROVINCE, staff, ZHUZHOU } from '../pilots/pilot-client';
import {
  act,
  ALL_DOCUMENTS,
  cityPilot,
  F,
  type FilingView,
  publishedRound,
  roundInput,
  completedDraft,
  SIGNIFICANCE,
} from './filing-client';

// Bad input to every mutation of filing: each row is answered with HTTP 200, its code and (for
// BAD_USER_INPUT and refusals) violations naming the field and the rule in Chinese; nothing is
// written (every filing table, the job queue and the audit chain are as before).

const long = (n: number) => '长'.repeat(n);

const M = {
  createRound: `mutation ($input: FilingRoundInput!) { createFilingRound(input: $input) { id } }`,
  updateRound: `mutation ($id: ID!, $version: Int!, $input: FilingRoundInput!) {
    updateFilingRound(id: $id, version: $version, input: $input) { id } }`,
  publishRound: `mutation ($id: ID!, $version: Int!) { publishFilingRound(id: $id, version: $version) { id } }`,
  create: `mutation ($roundId: ID!, $allianceId: ID!) { createFiling(roundId: $roundId, allianceId: $allianceId) { id } }`,
  update: `mutation ($input: UpdateFilingInput!) { updateFiling(input: $input) { id } }`,
  transition: `mutation ($input: TransitionFilingInput!) { transitionFiling(input: $input) { id } }`,
  recommend: `mutation ($id: ID!, $version: Int!, $opinion: String!) {
    recommendFilingNationally(id: $id, version: $version, opinion: $opinion) { id } }`,
  unrecommend: `mutation ($id: ID!, $version: Int!, $reason: String!) {
    withdrawNationalRecommendation(id: $id, version: $version, reason: $reason) { id } }`,
  record: `mutation ($id: ID!, $on: String!, $who: String!, $what: String!) {
    recordFilingObjection(filingId: $id, receivedOn: $on, objector: $who, content: $what) { id } }`,
  answer: `mutation ($id: ID!, $answer: String!) { answerFilingObjection(id: $id, answer: $answer) { id } }`,
} as const;
type Op = keyof typeof M;
type Who = 'provOfficer' | 'provAdmin' | 'zzOfficer';
type Built = { id: string; version: number };

type Fixture = {
  now: Date;
  draftRound: Built;
  round: Built;
  noticeRound: Built;
  draft: Built;
  submitted: Built;
  filed: Built;
  publicised: Built & { noticeStartsOn: string };
  allianceId: string;
  documents: string[];
  changshaAllianceId: string;
  otherAllianceDocumentId: string;
  objectionId: string;
};

type Row = BadInputRow<Op, Who, Fixture>;

const round = (changes: Record<string, unknown>) => (f: Fixture) => ({ input: roundInput(f.now, changes) });
const form = (f: Fixture, changes: Record<string, unknown> = {}) => ({
  input: {
    id: f.draft.id,
    version: f.draft.version,
    significance: SIGNIFICANCE,
    level: 'PROVINCIAL',
    documents: ALL_DOCUMENTS.map((kind, i) => ({ documentId: f.documents[i], kind })),
    ...changes,
  },
});
const move =
  (target: (f: Fixture) => Built, action: string, extra: Record<string, unknown> = {}) =>
  (f: Fixture) => ({ input: { id: target(f).id, version: target(f).version, action, ...extra } });
const day = (f: Fixture, days: number) =>
  new Date(f.now.getTime() + days * 86_400_000).toISOString().slice(0, 10);

const TABLE: Row[] = [
  // ---- createFilingRound ----
  {
    op: 'createRound',
    name: 'year 2015',
    who: 'provOfficer',
    variables: round({ year: 2015 }),
    code: 'BAD_USER_INPUT',
    violations: [['year', 'INTEGER_RANGE']],
  },
  {
    op: 'createRound',
    name: 'no document number',
    who: 'provOfficer',
    variables: round({ documentNumber: '  ' }),
    code: 'BAD_USER_INPUT',
    violations: [['documentNumber', 'REQUIRED']],
  },
  {
    op: 'createRound',
    name: 'a document number of 101 characters',
    who: 'provOfficer',
    variables: round({ documentNumber: long(101) }),
    code: 'BAD_USER_INPUT',
    violations: [['documentNumber', 'TOO_LONG']],
  },
  {
    op: 'createRound',
    name: 'closing before opening',
    who: 'provOfficer',
    variables: (f) => ({
      input: roundInput(f.now, { closesAt: new Date(f.now.getTime() - 2 * 86_400_000).toISOString() }),
    }),
    code: 'BAD_USER_INPUT',
    violations: [['closesAt', 'AFTER_OPENS_AT']],
  },
  {
    op: 'createRound',
    name: 'a quota of 0',
    who: 'provOfficer',
    variables: round({ quotaPerUnit: 0 }),
    code: 'BAD_USER_INPUT',
    violations: [['quotaPerUnit', 'INTEGER_RANGE']],
  },
  {
    op: 'createRound',
    name: 'a notice of 61 days',
    who: 'provOfficer',
    variables: round({ noticeDays: 61 }),
    code: 'BAD_USER_INPUT',
    violations: [['noticeDays', 'INTEGER_RANGE']],
  },
  {
    op: 'createRound',
    name: 'an unknown document kind',
    who: 'provOfficer',
    variables: round({ requiredDocuments: ['PASSPORT'] }),
    code: 'BAD_USER_INPUT',
    violations: [['requiredDocuments.0', 'ONE_OF']],
  },
  {
    op: 'createRound',
    name: 'a document kind twice',
    who: 'provOfficer',
    variables: round({ requiredDocuments: ['FILING_FORM', 'FILING_FORM'] }),
    code: 'BAD_USER_INPUT',
    violations: [['requiredDocuments.1', 'DUPLICATE']],
  },
  {
    op: 'createRound',
    name: 'the document number of another round of the year',
    who: 'provOfficer',
    variables: (f) => ({ input: roundInput(f.now, { documentNumber: FIXED_NUMBER }) }),
    code: 'BAD_USER_INPUT',
    violations: [['documentNumber', 'DUPLICATE']],
  },
  { op: 'createRound', name: 'by a city', who: 'zzOfficer', variables: round({}), code: 'FORBIDDEN' },
  // ---- updateFilingRound / publishFilingRound ----
  {
    op: 'updateRound',
    name: 'a stale version',
    who: 'provOfficer',
    variables: (f) => ({ id: f.draftRound.id, version: f.draftRound.version - 1, input: roundInput(f.now) }),
    code: 'CONFLICT',
  },
  {
    op: 'updateRound',
    name: 'a published round',
    who: 'provOfficer',
    variables: (f) => ({ id: f.round.id, version: f.round.version, input: roundInput(f.now) }),
    code: 'FILING_ROUND_PUBLISHED',
  },
  {
    op: 'updateRound',
    name: 'a random id',
    who: 'provOfficer',
    variables: (f) => ({ id: randomUUID(), version: 1, input: roundInput(f.now) }),
    code: 'NOT_FOUND',
  },
  {
    op: 'updateRound',
    name: 'a bad notice inside an edit',
    who: 'provOfficer',
    variables: (f) => ({
      id: f.draftRound.id,
      version: f.draftRound.version,
      input: roundInput(f.now, { noticeDays: -1 }),
    }),
    code: 'BAD_USER_INPUT',
    violations: [['noticeDays', 'INTEGER_RANGE']],
  },
  {
    op: 'publishRound',
    name: 'by an officer',
    who: 'provOfficer',
    variables: (f) => f.draftRound,
    code: 'FORBIDDEN',
  },
  {
    op: 'publishRound',
    name: 'a stale version',
    who: 'provAdmin',
    variables: (f) => ({ id: f.draftRound.id, version: f.draftRound.version + 1 }),
    code: 'FILING_ROUND_CHANGED',
  },
  {
    op: 'publishRound',
    name: 'already published',
    who: 'provAdmin',
    variables: (f) => f.round,
    code: 'FILING_ROUND_PUBLISHED',
  },
  // ---- createFiling ----
  {
    op: 'create',
    name: 'a random round',
    who: 'zzOfficer',
    variables: (f) => ({ roundId: randomUUID(), allianceId: f.allianceId }),
    code: 'BAD_USER_INPUT',
    violations: [['roundId', 'NOT_PUBLISHED']],
  },
  {
    op: 'create',
    name: 'a draft round',
    who: 'zzOfficer',
    variables: (f) => ({ roundId: f.draftRound.id, allianceId: f.allianceId }),
    code: 'BAD_USER_INPUT',
    violations: [['roundId', 'NOT_PUBLISHED']],
  },
  {
    op: 'create',
    name: 'an alliance of 长沙',
    who: 'zzOfficer',
    variables: (f) => ({ roundId: f.round.id, allianceId: f.changshaAllianceId }),
    code: 'BAD_USER_INPUT',
    violations: [['allianceId', 'NOT_FOUND']],
  },
  {
    op: 'create',
    name: 'an alliance with an open filing',
    who: 'zzOfficer',
    variables: (f) => ({ roundId: f.round.id, allianceId: f.allianceId }),
    code: 'FILING_ALREADY_OPEN',
  },
  {
    op: 'create',
    name: 'by the province',
    who: 'provOfficer',
    variables: (f) => ({ roundId: f.round.id, allianceId: f.allianceId }),
    code: 'FORBIDDEN',
  },
  // ---- updateFiling ----
  {
    op: 'update',
    name: 'a statement of 2001 characters',
    who: 'zzOfficer',
    variables: (f) => form(f, { significance: long(2001) }),
    code: 'BAD_USER_INPUT',
    violations: [['significance', 'TOO_LONG']],
  },
  {
    op: 'update',
    name: 'level CITY',
    who: 'zzOfficer',
    variables: (f) => form(f, { level: 'CITY' }),
    code: 'BAD_USER_INPUT',
    violations: [['level', 'ONE_OF']],
  },
  {
    op: 'update',
    name: 'an unknown document kind',
    who: 'zzOfficer',
    variables: (f) => form(f, { documents: [{ documentId: f.documents[0], kind: 'PASSPORT' }] }),
    code: 'BAD_USER_INPUT',
    violations: [['documents.0.kind', 'ONE_OF']],
  },
  {
    op: 'update',
    name: 'another alliance’s document',
    who: 'zzOfficer',
    variables: (f) =>
      form(f, { documents: [{ documentId: f.otherAllianceDocumentId, kind: 'FILING_FORM' }] }),
    code: 'BAD_USER_INPUT',
    violations: [['documents.0.documentId', 'NOT_FOUND']],
  },
  {
    op: 'update',
    name: 'one document twice as one kind',
    who: 'zzOfficer',
    variables: (f) =>
      form(f, {
        documents: [
          { documentId: f.documents[0], kind: 'FILING_FORM' },
          { documentId: f.documents[0], kind: 'FILING_FORM' },
        ],
      }),
    code: 'BAD_USER_INPUT',
    violations: [['documents', 'DUPLICATE']],
  },
  {
    op: 'update',
    name: 'a stale version',
    who: 'zzOfficer',
    variables: (f) => form(f, { version: f.draft.version - 1 }),
    code: 'CONFLICT',
  },
  {
    op: 'update',
    name: 'a submitted filing',
    who: 'zzOfficer',
    variables: (f) => form(f, { id: f.submitted.id, version: f.submitted.version }),
    code: 'FILING_NOT_WITH_CITY',
  },
  { op: 'update', name: 'by the province', who: 'provOfficer', variables: (f) => form(f), code: 'FORBIDDEN' },
  // ---- transitionFiling ----
  {
    op: 'transition',
    name: 'an unknown action',
    who: 'provOfficer',
    variables: move((f) => f.submitted, 'FLY'),
    code: 'BAD_USER_INPUT',
    violations: [['action', 'ONE_OF']],
  },
  {
    op: 'transition',
    name: 'a return without reason',
    who: 'provOfficer',
    variables: (f) => move((x) => x.submitted, 'RETURN', { correctionDeadline: day(f, 10) })(f),
    code: 'FILING_TRANSITION_REFUSED',
    violations: [['guard.REASON_GIVEN', 'REASON_GIVEN']],
  },
  {
    op: 'transition',
    name: 'a reason of 2001 characters',
    who: 'provOfficer',
    variables: move((f) => f.submitted, 'REFUSE', { reason: long(2001) }),
    code: 'FILING_TRANSITION_REFUSED',
    violations: [['guard.REASON_GIVEN', 'REASON_GIVEN']],
  },
  {
    op: 'transition',
    name: 'a return by 30 February',
    who: 'provOfficer',
    variables: move((f) => f.submitted, 'RETURN', { reason: '补正', correctionDeadline: '2027-02-30' }),
    code: 'FILING_TRANSITION_REFUSED',
    violations: [['correctionDeadline', 'CALENDAR_DATE']],
  },
  {
    op: 'transition',
    name: 'a return by yesterday',
    who: 'provOfficer',
    variables: (f) =>
      move((x) => x.submitted, 'RETURN', { reason: '补正', correctionDeadline: day(f, -1) })(f),
    code: 'FILING_TRANSITION_REFUSED',
    violations: [['correctionDeadline', 'AFTER_TODAY']],
  },
  {
    op: 'transition',
    name: 'a return for 90 days',
    who: 'provOfficer',
    variables: (f) =>
      move((x) => x.submitted, 'RETURN', { reason: '补正', correctionDeadline: day(f, 90) })(f),
    code: 'FILING_TRANSITION_REFUSED',
    violations: [['correctionDeadline', 'WITHIN_DAYS']],
  },
  {
    op: 'transition',
    name: 'submitting an empty dossier',
    who: 'zzOfficer',
    variables: move((f) => f.draft, 'SUBMIT'),
    code: 'FILING_TRANSITION_REFUSED',
    violations: [
      ['significance', 'REQUIRED'],
      ['documents.*', 'REQUIRED_DOCUMENT'],
    ],
  },
  {
    op: 'transition',
    name: 'a stale version',
    who: 'provOfficer',
    variables: (f) => ({ input: { id: f.submitted.id, version: f.submitted.version - 1, action: 'ACCEPT' } }),
    code: 'FILING_CHANGED',
  },
  {
    op: 'transition',
    name: 'the province acting on a draft (as on a random id)',
    who: 'provAdmin',
    variables: move((f) => f.draft, 'FILE'),
    code: 'NOT_FOUND',
  },
  {
    op: 'transition',
    name: 'suspending by an officer (an administrator decides)',
    who: 'provOfficer',
    variables: move((f) => f.filed, 'SUSPEND', { reason: '年度报告逾期' }),
    code: 'FORBIDDEN',
  },
  {
    op: 'transition',
    name: 'the city accepting its own filing',
    who: 'zzOfficer',
    variables: move((f) => f.submitted, 'ACCEPT'),
    code: 'FORBIDDEN',
  },
  // ---- national recommendation ----
  {
    op: 'recommend',
    name: 'a filing not yet filed',
    who: 'provAdmin',
    variables: (f) => ({ ...f.submitted, opinion: '推荐' }),
    code: 'FILING_NOT_FILED',
  },
  {
    op: 'recommend',
    name: 'no opinion',
    who: 'provAdmin',
    variables: (f) => ({ ...f.filed, opinion: ' ' }),
    code: 'BAD_USER_INPUT',
    violations: [['opinion', 'REQUIRED']],
  },
  {
    op: 'recommend',
    name: 'by an officer',
    who: 'provOfficer',
    variables: (f) => ({ ...f.filed, opinion: '推荐' }),
    code: 'FORBIDDEN',
  },
  {
    op: 'recommend',
    name: 'a stale version',
    who: 'provAdmin',
    variables: (f) => ({ id: f.filed.id, version: f.filed.version - 1, opinion: '推荐' }),
    code: 'FILING_CHANGED',
  },
  {
    op: 'unrecommend',
    name: 'one never recommended',
    who: 'provAdmin',
    variables: (f) => ({ ...f.filed, reason: '撤回' }),
    code: 'BAD_USER_INPUT',
    violations: [['reason', 'UNCHANGED']],
  },
  // ---- objections ----
  {
    op: 'record',
    name: 'a filing not in notice',
    who: 'provOfficer',
    variables: (f) => ({ id: f.submitted.id, on: day(f, 0), who: '张三', what: '异议' }),
    code: 'OBJECTION_OUTSIDE_NOTICE',
  },
  {
    op: 'record',
    name: 'a date that is none',
    who: 'provOfficer',
    variables: (f) => ({ id: f.publicised.id, on: '2027-13-01', who: '张三', what: '异议' }),
    code: 'BAD_USER_INPUT',
    violations: [['receivedOn', 'CALENDAR_DATE']],
  },
  {
    op: 'record',
    name: 'a date before the notice',
    who: 'provOfficer',
    variables: (f) => ({ id: f.publicised.id, on: day(f, -3), who: '张三', what: '异议' }),
    code: 'BAD_USER_INPUT',
    violations: [['receivedOn', 'IN_NOTICE']],
  },
  {
    op: 'record',
    name: 'no objector',
    who: 'provOfficer',
    variables: (f) => ({ id: f.publicised.id, on: f.publicised.noticeStartsOn, who: ' ', what: '异议' }),
    code: 'BAD_USER_INPUT',
    violations: [['objector', 'TEXT']],
  },
  {
    op: 'record',
    name: 'the city recording one',
    who: 'zzOfficer',
    variables: (f) => ({ id: f.publicised.id, on: f.publicised.noticeStartsOn, who: '张三', what: '异议' }),
    code: 'FORBIDDEN',
  },
  {
    op: 'answer',
    name: 'an empty answer',
    who: 'provOfficer',
    variables: (f) => ({ id: f.objectionId, answer: ' ' }),
    code: 'BAD_USER_INPUT',
    violations: [['answer', 'TEXT']],
  },
  {
    op: 'answer',
    name: 'a random objection',
    who: 'provOfficer',
    variables: () => ({ id: randomUUID(), answer: '已核实' }),
    code: 'NOT_FOUND',
  },
];

const FIXED_NUMBER = `湘科函〔2027〕坏输入${randomUUID().slice(0, 6)}号`;
const FILING_TABLES = [
  'filing_round',
  'filing',
  'filing_snapshot',
  'filing_document',
  'filing_objection',
  'filing_counter',
  'job',
];

let api: TestApi;
let db: AdminDb;
let fixtures: Fixtures;
const clock = new TestClock(new Date('2027-04-12T10:00:00+08:00'));
const agents = {} as Record<Who, GraphqlAgent>;
const users = {} as Record<Who, TestUser>;
const fixture = {} as Fixture;

async function fingerprint(): Promise<string> {
  const rows = await db.rows<{ part: string; digest: string }>(tablesFingerprintSql(FILING_TABLES));
  return rows.map((r) => `${r.part}=${r.digest}`).join(' ');
}

function filingOf(allianceId: string, roundId: string, documents: string[]): Promise<FilingView> {
  return completedDraft(agents.zzOfficer, roundId, allianceId, documents);
}

async function pilot(): Promise<{ id: string; documents: string[] }> {
  const { alliance } = await establishedAlliance(agents.zzOfficer, 'SE0702');
  return { id: alliance.id, documents: await cityPilot(fixtures, users.zzOfficer.tenantId, alliance.id) };
}

beforeAll(async () => {
  api = await startTestApi({ clock });
  db = await AdminDb.open();
  fixtures = await Fixtures.open();
  for (const [key, code, roles] of [
    ['provOfficer', PROVINCE, ['PROVINCE_OFFICER']],
    ['provAdmin', PROVINCE, ['PROVINCE_ADMIN']],
    ['zzOfficer', ZHUZHOU, ['CITY_OFFICER']],
  ] as const) {
    const s = await staff(api, code, [...roles]);
    agents[key] = s.agent;
    users[key] = s.user;
  }
  const cs = await staff(api, CHANGSHA, ['CITY_OFFICER']);
  fixture.now = clock.now();
  fixture.changshaAllianceId = (
    await new RegisterClient(cs.agent).registerAlliance({ industryCode: 'SE0101' })
  ).id;
  fixture.round = await publishedRound(agents.provOfficer, agents.provAdmin, fixture.now, {
    documentNumber: FIXED_NUMBER,
  });
  fixture.noticeRound = await publishedRound(agents.provOfficer, agents.provAdmin, fixture.now, {
    noticeDays: 5,
  });
  fixture.draftRound = dataOf(
    await agents.provOfficer.send<{ createFilingRound: Built }>(F.createRound, {
      input: roundInput(fixture.now),
    }),
  ).createFilingRound;

  const a = await pilot();
  fixture.allianceId = a.id;
  fixture.documents = a.documents;
  const draft = dataOf(
    await agents.zzOfficer.send<{ createFiling: FilingView }>(F.create, {
      roundId: fixture.round.id,
      allianceId: a.id,
    }),
  ).createFiling;
  fixture.draft = { id: draft.id, version: draft.version };
  fixture.otherAllianceDocumentId = await fixtures.document(
    users.zzOfficer.tenantId,
    (await pilot()).id,
    'ATTACHMENT',
  );

  const b = await pilot();
  const submitted = await act(
    agents.zzOfficer,
    await filingOf(b.id, fixture.round.id, b.documents),
    'SUBMIT',
  );
  fixture.submitted = { id: submitted.id, version: submitted.version };

  const c = await pilot();
  let filed = await act(agents.zzOfficer, await filingOf(c.id, fixture.round.id, c.documents), 'SUBMIT');
  filed = await act(agents.provOfficer, filed, 'ACCEPT');
  filed = await act(agents.provAdmin, filed, 'FILE');
  fixture.filed = { id: filed.id, version: filed.version };

  const d = await pilot();
  let publicised = await act(
    agents.zzOfficer,
    await filingOf(d.id, fixture.noticeRound.id, d.documents),
    'SUBMIT',
  );
  publicised = await act(agents.provOfficer, publicised, 'ACCEPT');
  publicised = await act(agents.provOfficer, publicised, 'PUBLICISE');
  const today = fixture.now.toISOString().slice(0, 10);
  fixture.publicised = { id: publicised.id, version: publicised.version, noticeStartsOn: today };
  fixture.objectionId = dataOf(
    await agents.provOfficer.send<{ recordFilingObjection: { id: string } }>(M.record, {
      id: publicised.id,
      on: today,
      who: '某企业',
      what: '对联盟成员资质有异议',
    }),
  ).recordFilingObjection.id;
});

afterAll(async () => {
  await fixtures?.close();
  await db?.close();
  await api?.close();
});

describe('bad input to filing: named, Chinese, HTTP 200, nothing written', () => {
  badInputCells({
    title: 'filing bad input',
    table: TABLE,
    send: (row) => agents[row.who].send(M[row.op], row.variables(fixture)),
    fingerprint,
  });

  it('answers another city’s alliance exactly as a random one', async () => {
    const named = await agents.zzOfficer.send(M.create, {
      roundId: fixture.round.id,
      allianceId: fixture.changshaAllianceId,
    });
    const random = await agents.zzOfficer.send(M.create, {
      roundId: fixture.round.id,
      allianceId: randomUUID(),
    });
    expect(errorShape(named)).toEqual(errorShape(random));
  });
});
