import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import { AdminDb } from '../support/admin-db';
import { type BadInputRow, badInputCells, tablesFingerprintSql } from '../support/bad-input-table';
import {
  createUser,
  type GraphqlAgent,
  signedInAgent,
  startTestApi,
  type TestApi,
  type TestUser,
} from '../support/harness';
import { dataOf } from '../support/register-client';
import { TestClock } from '../support/test-clock';
import { PROVINCE, staff, ZHUZHOU } from '../pilots/pilot-client';
import { organization } from '../reviews/review-fixtures';
import { recordedDebarment } from '../programmes/programme-client';
import { contractFor, ledgerInput, openProject, programmeOf, Q, readProject, units } from './project-client';

// Wrong input to every project mutation: a clear error naming the field and the rule, in Chinese,
// HTTP 200, nothing written (the project, its ledger, the register and the audit chain as before).

type Op = 'disburse' | 'recover' | 'transition';
type Who = 'provOfficer' | 'provAdmin' | 'zzOfficer' | 'expert';
type Fixture = {
  project: { id: string; version: number };
  paid: { id: string; version: number };
  changing: { id: string; version: number };
  debarredId: string;
  debarredName: string;
};

const M: Record<Op, string> = {
  disburse: Q.disburse,
  recover: Q.recover,
  transition: Q.transition,
};

const pay = (f: Fixture, overrides: Record<string, unknown>) => ({
  input: ledgerInput(f.project.id, '1000', overrides),
});
const step = (
  p: { id: string; version: number },
  action: string,
  text: string,
  details: Record<string, unknown> = {},
) => ({
  input: { id: p.id, version: p.version, action, text, details },
});

const TABLE: BadInputRow<Op, Who, Fixture>[] = [
  {
    op: 'disburse',
    name: 'amount not fen',
    who: 'provOfficer',
    variables: (f) => pay(f, { amountFen: '12.5' }),
    code: 'BAD_USER_INPUT',
    violations: [['amountFen', 'POSITIVE_FEN']],
  },
  {
    op: 'disburse',
    name: 'amount zero',
    who: 'provOfficer',
    variables: (f) => pay(f, { amountFen: '0' }),
    code: 'BAD_USER_INPUT',
    violations: [['amountFen', 'POSITIVE_FEN']],
  },
  {
    op: 'disburse',
    name: 'amount negative',
    who: 'provOfficer',
    variables: (f) => pay(f, { amountFen: '-5' }),
    code: 'BAD_USER_INPUT',
    violations: [['amountFen', 'POSITIVE_FEN']],
  },
  {
    op: 'disburse',
    name: 'amount past the award',
    who: 'provOfficer',
    variables: (f) => pay(f, { amountFen: '100000001' }),
    code: 'LEDGER_ABOVE_AWARD',
    violations: [['amountFen', 'ABOVE_AWARD']],
  },
  {
    op: 'disburse',
    name: 'date not a date',
    who: 'provOfficer',
    variables: (f) => pay(f, { entryOn: '2027-02-30' }),
    code: 'BAD_USER_INPUT',
    violations: [['entryOn', 'CALENDAR_DATE']],
  },
  {
    op: 'disburse',
    name: 'date in the future',
    who: 'provOfficer',
    variables: (f) => pay(f, { entryOn: '2027-09-16' }),
    code: 'BAD_USER_INPUT',
    violations: [['entryOn', 'NOT_FUTURE']],
  },
  {
    op: 'disburse',
    name: 'date before the award',
    who: 'provOfficer',
    variables: (f) => pay(f, { entryOn: '2027-09-14' }),
    code: 'BAD_USER_INPUT',
    violations: [['entryOn', 'AFTER_AWARD']],
  },
  {
    op: 'disburse',
    name: 'no voucher',
    who: 'provOfficer',
    variables: (f) => pay(f, { documentNumber: '  ' }),
    code: 'BAD_USER_INPUT',
    violations: [['documentNumber', 'REQUIRED']],
  },
  {
    op: 'disburse',
    name: 'voucher too long',
    who: 'provOfficer',
    variables: (f) => pay(f, { documentNumber: '号'.repeat(101) }),
    code: 'BAD_USER_INPUT',
    violations: [['documentNumber', 'TOO_LONG']],
  },
  {
    op: 'disburse',
    name: 'note too long',
    who: 'provOfficer',
    variables: (f) => pay(f, { note: '注'.repeat(2001) }),
    code: 'BAD_USER_INPUT',
    violations: [['note', 'TOO_LONG']],
  },
  {
    op: 'disburse',
    name: 'unknown project',
    who: 'provOfficer',
    variables: () => ({ input: ledgerInput(randomUUID(), '1') }),
    code: 'NOT_FOUND',
  },
  {
    op: 'disburse',
    name: 'junk project id',
    who: 'provOfficer',
    variables: () => ({ input: ledgerInput('x', '1') }),
    code: 'NOT_FOUND',
  },
  {
    op: 'disburse',
    name: 'by the alliance’s city',
    who: 'zzOfficer',
    variables: (f) => pay(f, {}),
    code: 'FORBIDDEN',
  },
  { op: 'disburse', name: 'by an expert', who: 'expert', variables: (f) => pay(f, {}), code: 'FORBIDDEN' },
  {
    op: 'recover',
    name: 'by an officer',
    who: 'provOfficer',
    variables: (f) => ({ input: ledgerInput(f.paid.id, '1') }),
    code: 'FORBIDDEN',
  },
  {
    op: 'recover',
    name: 'more than paid net',
    who: 'provAdmin',
    variables: (f) => ({ input: ledgerInput(f.paid.id, '5001') }),
    code: 'LEDGER_ABOVE_NET_PAID',
    violations: [['amountFen', 'ABOVE_NET_PAID']],
  },
  {
    op: 'recover',
    name: 'nothing paid',
    who: 'provAdmin',
    variables: (f) => ({ input: ledgerInput(f.project.id, '1') }),
    code: 'LEDGER_ABOVE_NET_PAID',
    violations: [['amountFen', 'ABOVE_NET_PAID']],
  },
  {
    op: 'recover',
    name: 'amount not fen',
    who: 'provAdmin',
    variables: (f) => ({ input: ledgerInput(f.paid.id, 'abc') }),
    code: 'BAD_USER_INPUT',
    violations: [['amountFen', 'POSITIVE_FEN']],
  },
  {
    op: 'transition',
    name: 'unknown action',
    who: 'provAdmin',
    variables: (f) => step(f.project, 'EXPLODE', '理由'),
    code: 'BAD_USER_INPUT',
    violations: [['action', 'ONE_OF']],
  },
  {
    op: 'transition',
    name: 'the system’s freeze',
    who: 'provAdmin',
    variables: (f) => step(f.project, 'FREEZE_ON_DISSOLUTION', '理由'),
    code: 'BAD_USER_INPUT',
    violations: [['action', 'ONE_OF']],
  },
  {
    op: 'transition',
    name: 'change without a kind',
    who: 'zzOfficer',
    variables: (f) => step(f.project, 'REQUEST_CHANGE', '理由', { change: { kind: 'X' } }),
    code: 'PROJECT_TRANSITION_REFUSED',
    violations: [['guard.CHANGE_WELL_FORMED', 'CHANGE_WELL_FORMED']],
  },
  {
    op: 'transition',
    name: 'change without a reason',
    who: 'zzOfficer',
    variables: (f) =>
      step(f.project, 'REQUEST_CHANGE', '', {
        change: { kind: 'RESPONSIBLE_PERSON', responsiblePerson: '赵六' },
      }),
    code: 'PROJECT_TRANSITION_REFUSED',
    violations: [['guard.REASON_GIVEN', 'REASON_GIVEN']],
  },
  {
    op: 'transition',
    name: 'extension not later',
    who: 'zzOfficer',
    variables: (f) =>
      step(f.project, 'REQUEST_CHANGE', '理由', { change: { kind: 'EXTENSION', newEndOn: '2029-01-01' } }),
    code: 'PROJECT_TRANSITION_REFUSED',
    violations: [['newEndOn', 'LATER_THAN_END']],
  },
  {
    op: 'transition',
    name: 'extension date junk',
    who: 'zzOfficer',
    variables: (f) =>
      step(f.project, 'REQUEST_CHANGE', '理由', { change: { kind: 'EXTENSION', newEndOn: '明年' } }),
    code: 'PROJECT_TRANSITION_REFUSED',
    violations: [['newEndOn', 'DATE']],
  },
  {
    op: 'transition',
    name: 'reallocation changes the total',
    who: 'zzOfficer',
    variables: (f) =>
      step(f.project, 'REQUEST_CHANGE', '理由', {
        change: {
          kind: 'BUDGET_REALLOCATION',
          budget: { totalFen: '1', lines: [{ source: 'SELF_RAISED', amountFen: '1', purpose: '' }] },
        },
      }),
    code: 'PROJECT_TRANSITION_REFUSED',
    violations: [['budget.totalFen', 'TOTAL_UNCHANGED']],
  },
  {
    op: 'transition',
    name: 'reallocation support over award',
    who: 'zzOfficer',
    variables: (f) =>
      step(f.project, 'REQUEST_CHANGE', '理由', {
        change: {
          kind: 'BUDGET_REALLOCATION',
          budget: {
            totalFen: '200000000',
            lines: [{ source: 'PROVINCIAL_SUPPORT', amountFen: '200000000', purpose: '' }],
          },
        },
      }),
    code: 'PROJECT_TRANSITION_REFUSED',
    violations: [['budget.lines', 'SUPPORT_WITHIN_AWARD']],
  },
  {
    op: 'transition',
    name: 'participant debarred',
    who: 'zzOfficer',
    variables: (f) =>
      step(f.project, 'REQUEST_CHANGE', '理由', {
        change: {
          kind: 'PARTICIPANT_CHANGE',
          added: [{ organizationId: f.debarredId, name: f.debarredName, task: '验证' }],
          removedOrganizationIds: [],
          benefitShares: [],
        },
      }),
    code: 'PROJECT_TRANSITION_REFUSED',
    violations: [['added.0', 'DEBARRED']],
  },
  {
    op: 'transition',
    name: 'report of a year not run',
    who: 'zzOfficer',
    variables: (f) =>
      step(f.project, 'SUBMIT_ANNUAL_REPORT', '', {
        report: { year: 2031, summary: '进展', milestones: [] },
      }),
    code: 'PROJECT_TRANSITION_REFUSED',
    violations: [['year', 'NOT_A_REPORT_YEAR']],
  },
  {
    op: 'transition',
    name: 'report without summary',
    who: 'zzOfficer',
    variables: (f) =>
      step(f.project, 'SUBMIT_ANNUAL_REPORT', '', { report: { year: 2027, summary: '', milestones: [] } }),
    code: 'PROJECT_TRANSITION_REFUSED',
    violations: [['summary', 'REQUIRED']],
  },
  {
    op: 'transition',
    name: 'mid-term too early',
    who: 'zzOfficer',
    variables: (f) =>
      step(f.project, 'SUBMIT_MIDTERM_REPORT', '', { report: { summary: '进展', milestones: [] } }),
    code: 'PROJECT_TRANSITION_REFUSED',
    violations: [['submittedOn', 'BEFORE_MIDTERM']],
  },
  {
    op: 'transition',
    name: 'revoke without recovery',
    who: 'provAdmin',
    variables: (f) => step(f.paid, 'REVOKE', '违约', {}),
    code: 'PROJECT_TRANSITION_REFUSED',
    violations: [['recoveryFen', 'FEN']],
  },
  {
    op: 'transition',
    name: 'revoke recovering more than paid',
    who: 'provAdmin',
    variables: (f) => step(f.paid, 'REVOKE', '违约', { recoveryFen: '5001' }),
    code: 'PROJECT_TRANSITION_REFUSED',
    violations: [['recoveryFen', 'ABOVE_NET_PAID']],
  },
  {
    op: 'transition',
    name: 'revoke debarring without decision',
    who: 'provAdmin',
    variables: (f) =>
      step(f.paid, 'REVOKE', '违约', {
        recoveryFen: '0',
        debar: [{ organizationId: f.debarredId, decisionDocument: '', reason: '违约' }],
      }),
    code: 'PROJECT_TRANSITION_REFUSED',
    violations: [['debar.0.decisionDocument', 'REQUIRED']],
  },
  {
    op: 'transition',
    name: 'revoke by an officer',
    who: 'provOfficer',
    variables: (f) => step(f.paid, 'REVOKE', '违约', { recoveryFen: '0' }),
    code: 'FORBIDDEN',
  },
  {
    op: 'transition',
    name: 'continue when not frozen',
    who: 'provAdmin',
    variables: (f) => step(f.project, 'CONTINUE_UNDER_UNIT', '继续'),
    code: 'PROJECT_TRANSITION_REFUSED',
    violations: [['action', 'NOT_ALLOWED_IN_STATE']],
  },
  {
    op: 'transition',
    name: 'stale version',
    who: 'provAdmin',
    variables: (f) => step({ ...f.project, version: f.project.version + 5 }, 'TERMINATE', '终止'),
    code: 'PROJECT_CHANGED',
  },
  {
    op: 'transition',
    name: 'refuse a change without reason',
    who: 'provAdmin',
    variables: (f) => step(f.changing, 'REFUSE_CHANGE', ''),
    code: 'PROJECT_TRANSITION_REFUSED',
    violations: [['guard.REASON_GIVEN', 'REASON_GIVEN']],
  },
  {
    op: 'transition',
    name: 'unknown project',
    who: 'provAdmin',
    variables: () => step({ id: randomUUID(), version: 1 }, 'TERMINATE', '终止'),
    code: 'NOT_FOUND',
  },
];

let api: TestApi;
let db: AdminDb;
const clock = new TestClock(new Date('2027-09-15T10:00:00+08:00'));
const agents = {} as Record<Who, GraphqlAgent>;
const users = {} as Record<Who, TestUser>;
const fixture = {} as Fixture;

async function fingerprint(): Promise<string> {
  const rows = await db.rows<{ part: string; digest: string }>(
    tablesFingerprintSql(['project', 'project_ledger_entry', 'debarment']),
  );
  return rows.map((r) => `${r.part}=${r.digest}`).join(' ');
}

beforeAll(async () => {
  api = await startTestApi({ clock });
  db = await AdminDb.open();
  for (const [key, code, roles] of [
    ['provOfficer', PROVINCE, ['PROVINCE_OFFICER']],
    ['provAdmin', PROVINCE, ['PROVINCE_ADMIN']],
    ['zzOfficer', ZHUZHOU, ['CITY_OFFICER']],
  ] as const) {
    const s = await staff(api, code, [...roles]);
    agents[key] = s.agent;
    users[key] = s.user;
  }
  users.expert = await createUser(PROVINCE, ['EXPERT'], 'x');
  agents.expert = await signedInAgent(api, users.expert);
  const programmeId = await programmeOf(PROVINCE);
  const open = async () => {
    const { chair, partner } = await units(ZHUZHOU);
    return openProject(api, users.provAdmin, {
      programmeId,
      allianceTenantId: users.zzOfficer.tenantId,
      awardFen: '100000000',
      contract: contractFor(chair, partner, '100000000'),
    });
  };
  fixture.project = await open();
  const paid = await open();
  dataOf(await agents.provOfficer.send(Q.disburse, { input: ledgerInput(paid.id, '5000') }));
  fixture.paid = paid;
  const changing = await readProject(agents.zzOfficer, (await open()).id);
  dataOf(
    await agents.zzOfficer.send(Q.transition, {
      input: {
        id: changing.id,
        version: changing.version,
        action: 'REQUEST_CHANGE',
        text: '更换负责人',
        details: { change: { kind: 'RESPONSIBLE_PERSON', responsiblePerson: '赵六' } },
      },
    }),
  );
  fixture.changing = { id: changing.id, version: changing.version + 1 };
  const debarred = await organization('坏输入禁入单位', ZHUZHOU);
  await recordedDebarment(agents.provAdmin, debarred.id, { fromDate: '2027-09-01' });
  fixture.debarredId = debarred.id;
  fixture.debarredName = debarred.name;
});

afterAll(async () => {
  await db?.close();
  await api?.close();
});

describe('bad input to projects and the ledger: named, Chinese, HTTP 200, nothing written', () => {
  badInputCells({
    title: 'project bad input',
    table: TABLE,
    send: (row) => agents[row.who].send(M[row.op], row.variables(fixture)),
    fingerprint,
  });
});
