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
  type TestApi,
} from '../support/harness';
import { dataOf } from '../support/register-client';
import { TestClock } from '../support/test-clock';
import {
  act,
  draftApplication,
  PA,
  provincialPilot,
  verifiedInvestment,
  world,
} from './programme-application-client';

// Bad input to the objections of a support notice (公示): each row is answered with HTTP 200, its
// code and (for BAD_USER_INPUT) the field and rule in Chinese; nothing is written.

const M = {
  record: `mutation ($input: RecordSupportObjectionInput!) { recordSupportObjection(input: $input) { id } }`,
  answer: `mutation ($input: AnswerSupportObjectionInput!) { answerSupportObjection(input: $input) { id } }`,
} as const;
type Op = keyof typeof M;
type Who = 'provOfficer' | 'zzOfficer' | 'csAdmin' | 'expert';
type Fixture = { inNotice: string; notInNotice: string; open: string; answered: string };
type Row = BadInputRow<Op, Who, Fixture>;

// The notice runs 2027-05-28 to 2027-06-02; today is 2027-06-01.
const record = (changes: Record<string, unknown>) => (f: Fixture) => ({
  input: {
    subjectType: 'programme_application',
    subjectId: f.inNotice,
    receivedOn: '2027-05-30',
    objector: '某科技有限公司',
    content: '先行投入有重复计算。',
    ...changes,
  },
});
const answer = (changes: Record<string, unknown>) => (f: Fixture) => ({
  input: { id: f.open, answer: '经核实，异议不成立。', sustained: false, ...changes },
});

const TABLE: Row[] = [
  {
    op: 'record',
    name: 'no date',
    who: 'provOfficer',
    variables: record({ receivedOn: '' }),
    code: 'BAD_USER_INPUT',
    violations: [['receivedOn', 'CALENDAR_DATE']],
  },
  {
    op: 'record',
    name: '30 February',
    who: 'provOfficer',
    variables: record({ receivedOn: '2027-02-30' }),
    code: 'BAD_USER_INPUT',
    violations: [['receivedOn', 'CALENDAR_DATE']],
  },
  {
    op: 'record',
    name: 'received before the notice',
    who: 'provOfficer',
    variables: record({ receivedOn: '2027-05-27' }),
    code: 'BAD_USER_INPUT',
    violations: [['receivedOn', 'DURING_NOTICE']],
  },
  {
    op: 'record',
    name: 'received tomorrow',
    who: 'provOfficer',
    variables: record({ receivedOn: '2027-06-02' }),
    code: 'BAD_USER_INPUT',
    violations: [['receivedOn', 'NOT_IN_FUTURE']],
  },
  {
    op: 'record',
    name: 'no objector',
    who: 'provOfficer',
    variables: record({ objector: '   ' }),
    code: 'BAD_USER_INPUT',
    violations: [['objector', 'LENGTH']],
  },
  {
    op: 'record',
    name: 'content of 5001 characters',
    who: 'provOfficer',
    variables: record({ content: '异'.repeat(5001) }),
    code: 'BAD_USER_INPUT',
    violations: [['content', 'LENGTH']],
  },
  {
    op: 'record',
    name: 'an application not in notice',
    who: 'provOfficer',
    variables: (f) => record({ subjectId: f.notInNotice })(f),
    code: 'SUPPORT_NOT_IN_NOTICE',
  },
  {
    op: 'record',
    name: 'a project id that does not exist',
    who: 'provOfficer',
    variables: record({ subjectType: 'project', subjectId: randomUUID() }),
    code: 'NOT_FOUND',
  },
  {
    op: 'record',
    name: 'not an id',
    who: 'provOfficer',
    variables: record({ subjectId: 'x' }),
    code: 'NOT_FOUND',
  },
  {
    op: 'record',
    name: "the province's notice by the applicant city",
    who: 'zzOfficer',
    variables: record({}),
    code: 'NOT_FOUND',
  },
  { op: 'record', name: 'by another city', who: 'csAdmin', variables: record({}), code: 'NOT_FOUND' },
  { op: 'record', name: 'by an expert', who: 'expert', variables: record({}), code: 'FORBIDDEN' },
  {
    op: 'answer',
    name: 'an empty answer',
    who: 'provOfficer',
    variables: answer({ answer: ' ' }),
    code: 'BAD_USER_INPUT',
    violations: [['answer', 'LENGTH']],
  },
  {
    op: 'answer',
    name: 'an answer of 5001 characters',
    who: 'provOfficer',
    variables: answer({ answer: '复'.repeat(5001) }),
    code: 'BAD_USER_INPUT',
    violations: [['answer', 'LENGTH']],
  },
  {
    op: 'answer',
    name: 'an objection answered before',
    who: 'provOfficer',
    variables: (f) => answer({ id: f.answered })(f),
    code: 'SUPPORT_OBJECTION_ANSWERED',
  },
  {
    op: 'answer',
    name: 'an objection that does not exist',
    who: 'provOfficer',
    variables: answer({ id: randomUUID() }),
    code: 'NOT_FOUND',
  },
  { op: 'answer', name: 'by the applicant city', who: 'zzOfficer', variables: answer({}), code: 'NOT_FOUND' },
  { op: 'answer', name: 'by an expert', who: 'expert', variables: answer({}), code: 'FORBIDDEN' },
];

let api: TestApi;
let db: AdminDb;
const clock = new TestClock(new Date('2027-06-01T10:00:00+08:00'));
const agents = {} as Record<Who, GraphqlAgent>;
const fixture = {} as Fixture;

async function fingerprint(): Promise<string> {
  const rows = await db.rows<{ part: string; digest: string }>(
    tablesFingerprintSql(['support_objection', 'programme_application', 'project']),
  );
  return rows.map((r) => `${r.part}=${r.digest}`).join(' ');
}

beforeAll(async () => {
  api = await startTestApi({ clock });
  db = await AdminDb.open();
  const w = await world(api, clock.now(), { awardNoticeDays: 5 });
  agents.provOfficer = w.provOfficer;
  agents.zzOfficer = w.zzOfficer;
  agents.csAdmin = (await staff(api, CHANGSHA, ['CITY_ADMIN'])).agent;
  agents.expert = await signedInAgent(api, await createUser(PROVINCE, ['EXPERT'], 'x'));
  const recommended = async () => {
    const pilot = await provincialPilot(w, 'SE0802');
    await verifiedInvestment(w, pilot, 3_000_000, 3_000_000);
    let a = await draftApplication(w, pilot, { requestedSupportFen: '200000000' });
    a = await act(w.zzOfficer, a, 'SUBMIT');
    a = await act(w.zzAdmin, a, 'RECOMMEND', { opinion: '同意推荐' });
    return act(w.provOfficer, a, 'ACCEPT');
  };
  // The review and the notice have their own tests: here their work is taken as done.
  const inNotice = await recommended();
  await asAdmin((c) =>
    c.query(
      `UPDATE programme_application SET state = 'PUBLICISED', notice_starts_on = '2027-05-28', notice_ends_on = '2027-06-02'
        WHERE id = $1`,
      [inNotice.id],
    ),
  );
  fixture.inNotice = inNotice.id;
  fixture.notInNotice = (await recommended()).id;
  const recorded = async () =>
    dataOf(
      await w.provOfficer.send<{ recordSupportObjection: { id: string } }>(
        PA.recordObjection,
        record({})(fixture),
      ),
    ).recordSupportObjection.id;
  fixture.open = await recorded();
  fixture.answered = await recorded();
  dataOf(await w.provOfficer.send(M.answer, answer({ id: fixture.answered })(fixture)));
});

afterAll(async () => {
  await db?.close();
  await api?.close();
});

describe('bad input to the objections of a support notice: named, Chinese, HTTP 200, nothing written', () => {
  badInputCells({
    title: 'support objection bad input',
    table: TABLE,
    send: (row) => agents[row.who].send(M[row.op], row.variables(fixture)),
    fingerprint,
  });
});
