import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import { upload } from '../filings/filing-client';
import { CHANGSHA, establishedAlliance, ZHUZHOU } from '../pilots/pilot-client';
import { organization } from '../reviews/review-fixtures';
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
import { TestClock } from '../support/test-clock';
import {
  baseEvaluationInput,
  baseInput,
  baseSheets,
  type BaseView,
  INTL,
  registeredBase,
} from './international-client';

// Wrong input to each mutation of the cooperation bases register: a clear error naming the field
// and the rule, in Chinese, HTTP 200, nothing written (both tables and the audit chain as before).
// The particulars of the international application form are refused by name in the path test.

type Op = 'register' | 'recognise' | 'revoke' | 'evaluate';
type Who = 'zzOfficer' | 'csOfficer' | 'expert';
type Fixture = {
  allianceId: string;
  host: string;
  stranger: string;
  document: string;
  otherDocument: string;
  incubating: BaseView;
  recognised: BaseView;
  revoked: BaseView;
  takenName: string;
};

const register = (f: Fixture, overrides: Record<string, unknown> = {}) => ({
  input: baseInput(f.allianceId, f.host, overrides),
});
const recognise = (f: Fixture, overrides: Record<string, unknown> = {}) => ({
  input: {
    id: f.incubating.id,
    version: f.incubating.version,
    recognisedOn: '2027-05-01',
    recognitionDocumentId: f.document,
    ...overrides,
  },
});
const revoke = (f: Fixture, overrides: Record<string, unknown> = {}) => ({
  input: {
    id: f.recognised.id,
    version: f.recognised.version,
    revokedOn: '2027-05-20',
    reason: '撤销',
    ...overrides,
  },
});
const evaluate = (f: Fixture, overrides: Record<string, unknown> = {}) => ({
  input: baseEvaluationInput(f.recognised, { year: 2026 + 1, ...overrides }),
});
/** Three valid sheets with one changed by `change`. */
const sheetsWith = (change: (sheets: ReturnType<typeof baseSheets>) => void) => {
  const sheets = baseSheets(80);
  change(sheets);
  return sheets;
};

const rows = (
  op: Op,
  table: [string, (f: Fixture) => Record<string, unknown>, string, string][],
): BadInputRow<Op, Who, Fixture>[] =>
  table.map(([name, variables, field, rule]) => ({
    op,
    name,
    who: 'zzOfficer',
    variables,
    code: 'BAD_USER_INPUT',
    violations: [[field, rule]],
  }));

const TABLE: BadInputRow<Op, Who, Fixture>[] = [
  ...rows('register', [
    ['name blank', (f) => register(f, { name: ' ' }), 'name', 'REQUIRED'],
    ['name too long', (f) => register(f, { name: '基'.repeat(101) }), 'name', 'TOO_LONG'],
    ['type not in the list', (f) => register(f, { type: 'SPACE_STATION' }), 'type', 'ONE_OF'],
    ['level not in the list', (f) => register(f, { level: 'CITY' }), 'level', 'ONE_OF'],
    ['status revoked', (f) => register(f, { status: 'REVOKED' }), 'status', 'ONE_OF'],
    [
      'recognised without date',
      (f) => register(f, { status: 'RECOGNISED', recognitionDocumentId: f.document }),
      'recognisedOn',
      'DATE',
    ],
    [
      'recognised without document',
      (f) => register(f, { status: 'RECOGNISED', recognisedOn: '2027-05-01' }),
      'recognitionDocumentId',
      'REQUIRED',
    ],
    [
      'recognised in the future',
      (f) =>
        register(f, { status: 'RECOGNISED', recognisedOn: '2027-07-01', recognitionDocumentId: f.document }),
      'recognisedOn',
      'NOT_FUTURE',
    ],
    [
      'document of another alliance',
      (f) =>
        register(f, {
          status: 'RECOGNISED',
          recognisedOn: '2027-05-01',
          recognitionDocumentId: f.otherDocument,
        }),
      'recognitionDocumentId',
      'NOT_ALLIANCE_DOCUMENT',
    ],
    [
      'host not a member',
      (f) => register(f, { hostOrganizationId: f.stranger }),
      'hostOrganizationId',
      'NOT_MEMBER_UNIT',
    ],
    ['host no id', (f) => register(f, { hostOrganizationId: '' }), 'hostOrganizationId', 'REQUIRED'],
    ['alliance no id', (f) => ({ input: baseInput('abc', f.host) }), 'allianceId', 'NOT_FOUND'],
    ['alliance unknown', (f) => ({ input: baseInput(randomUUID(), f.host) }), 'allianceId', 'NOT_FOUND'],
  ]),
  ...rows('recognise', [
    ['date not a date', (f) => recognise(f, { recognisedOn: '2027-02-30' }), 'recognisedOn', 'DATE'],
    ['date in the future', (f) => recognise(f, { recognisedOn: '2027-06-02' }), 'recognisedOn', 'NOT_FUTURE'],
    [
      'document of another alliance',
      (f) => recognise(f, { recognitionDocumentId: f.otherDocument }),
      'recognitionDocumentId',
      'NOT_ALLIANCE_DOCUMENT',
    ],
  ]),
  ...rows('revoke', [
    ['date not a date', (f) => revoke(f, { revokedOn: 'yesterday' }), 'revokedOn', 'DATE'],
    ['date in the future', (f) => revoke(f, { revokedOn: '2027-06-02' }), 'revokedOn', 'NOT_FUTURE'],
    [
      'date before recognition',
      (f) => revoke(f, { revokedOn: '2027-04-01' }),
      'revokedOn',
      'AFTER_RECOGNITION',
    ],
    ['reason blank', (f) => revoke(f, { reason: '  ' }), 'reason', 'REQUIRED'],
    ['reason too long', (f) => revoke(f, { reason: '由'.repeat(2001) }), 'reason', 'TOO_LONG'],
  ]),
  ...rows('evaluate', [
    ['year before recognition', (f) => evaluate(f, { year: 2026 }), 'year', 'INTEGER_RANGE'],
    ['a year to come', (f) => evaluate(f, { year: 2028 }), 'year', 'INTEGER_RANGE'],
    ['two sheets', (f) => evaluate(f, { sheets: baseSheets(80, ['甲', '乙']) }), 'sheets', 'MIN_SHEETS'],
    [
      'a score above 100',
      (f) => evaluate(f, { sheets: sheetsWith((s) => (s[0]!.scores[1]!.score = 101)) }),
      'sheets.0.scores.technologyTransfer',
      'SCORE_RANGE',
    ],
    [
      'a criterion left unscored',
      (f) => evaluate(f, { sheets: sheetsWith((s) => s[2]!.scores.pop()) }),
      'sheets.2.scores.demonstration',
      'SCORE_RANGE',
    ],
    [
      'a criterion of no scheme',
      (f) => evaluate(f, { sheets: sheetsWith((s) => s[1]!.scores.push({ key: 'shoeSize', score: 1 })) }),
      'sheets.1.scores.shoeSize',
      'UNKNOWN_CRITERION',
    ],
    [
      'a criterion scored twice',
      (f) => evaluate(f, { sheets: sheetsWith((s) => s[1]!.scores.push({ key: 'management', score: 70 })) }),
      'sheets.1.scores',
      'DUPLICATE',
    ],
    [
      'an expert without a name',
      (f) => evaluate(f, { sheets: sheetsWith((s) => (s[0]!.expertName = ' ')) }),
      'sheets.0.expertName',
      'REQUIRED',
    ],
    [
      'one expert twice',
      (f) => evaluate(f, { sheets: sheetsWith((s) => (s[2]!.expertName = s[0]!.expertName)) }),
      'sheets.2.expertName',
      'DUPLICATE',
    ],
    ['date not a date', (f) => evaluate(f, { evaluatedOn: '' }), 'evaluatedOn', 'DATE'],
    [
      'date before recognition',
      (f) => evaluate(f, { evaluatedOn: '2027-04-01' }),
      'evaluatedOn',
      'AFTER_RECOGNITION',
    ],
    ['date in the future', (f) => evaluate(f, { evaluatedOn: '2027-06-02' }), 'evaluatedOn', 'NOT_FUTURE'],
    ['remarks too long', (f) => evaluate(f, { remarks: '评'.repeat(2001) }), 'remarks', 'TOO_LONG'],
  ]),
  {
    op: 'register',
    name: 'name taken',
    who: 'zzOfficer',
    variables: (f) => register(f, { name: f.takenName }),
    code: 'COOPERATION_BASE_NAME_TAKEN',
    violations: [['name', 'UNIQUE']],
  },
  { op: 'register', name: 'an expert', who: 'expert', variables: (f) => register(f), code: 'FORBIDDEN' },
  {
    op: 'recognise',
    name: 'a recognised base',
    who: 'zzOfficer',
    variables: (f) => recognise(f, { id: f.recognised.id, version: f.recognised.version }),
    code: 'COOPERATION_BASE_TRANSITION_REFUSED',
  },
  {
    op: 'recognise',
    name: 'a stale version',
    who: 'zzOfficer',
    variables: (f) => recognise(f, { version: 99 }),
    code: 'COOPERATION_BASE_CHANGED',
  },
  {
    op: 'recognise',
    name: 'another city’s staff',
    who: 'csOfficer',
    variables: (f) => recognise(f),
    code: 'NOT_FOUND',
  },
  {
    op: 'revoke',
    name: 'a revoked base',
    who: 'zzOfficer',
    variables: (f) => revoke(f, { id: f.revoked.id, version: f.revoked.version }),
    code: 'COOPERATION_BASE_TRANSITION_REFUSED',
  },
  {
    op: 'revoke',
    name: 'a base that does not exist',
    who: 'zzOfficer',
    variables: (f) => revoke(f, { id: randomUUID() }),
    code: 'NOT_FOUND',
  },
  {
    op: 'evaluate',
    name: 'an incubating base',
    who: 'zzOfficer',
    variables: (f) => evaluate(f, { baseId: f.incubating.id }),
    code: 'COOPERATION_BASE_TRANSITION_REFUSED',
  },
  {
    op: 'evaluate',
    name: 'a year evaluated already',
    who: 'zzOfficer',
    variables: (f) => evaluate(f, { year: 2026 + 1, evaluatedOn: '2027-05-10' }),
    code: 'COOPERATION_BASE_ALREADY_EVALUATED',
    violations: [['year', 'DUPLICATE']],
  },
  {
    op: 'evaluate',
    name: 'a stale version',
    who: 'zzOfficer',
    variables: (f) => evaluate(f, { version: f.recognised.version - 1 }),
    code: 'COOPERATION_BASE_CHANGED',
  },
  {
    op: 'evaluate',
    name: 'a revoked base',
    who: 'zzOfficer',
    variables: (f) => evaluate(f, { baseId: f.revoked.id, version: f.revoked.version }),
    code: 'COOPERATION_BASE_TRANSITION_REFUSED',
  },
  {
    op: 'evaluate',
    name: 'another city’s staff',
    who: 'csOfficer',
    variables: (f) => evaluate(f),
    code: 'NOT_FOUND',
  },
  { op: 'evaluate', name: 'an expert', who: 'expert', variables: (f) => evaluate(f), code: 'FORBIDDEN' },
];

const M: Record<Op, string> = {
  register: INTL.register,
  recognise: INTL.recognise,
  revoke: INTL.revoke,
  evaluate: INTL.evaluate,
};

let api: TestApi;
let db: AdminDb;
const clock = new TestClock(new Date('2027-06-01T10:00:00+08:00'));
const agents = {} as Record<Who, GraphqlAgent>;
const users = {} as Record<Who, TestUser>;
const fixture = {} as Fixture;

async function fingerprint(): Promise<string> {
  const found = await db.rows<{ part: string; digest: string }>(
    tablesFingerprintSql(['cooperation_base', 'cooperation_base_evaluation']),
  );
  return found.map((r) => `${r.part}=${r.digest}`).join(' ');
}

beforeAll(async () => {
  api = await startTestApi({ clock });
  db = await AdminDb.open();
  for (const [key, code, roles] of [
    ['zzOfficer', ZHUZHOU, ['CITY_OFFICER']],
    ['csOfficer', CHANGSHA, ['CITY_OFFICER']],
    ['expert', ZHUZHOU, ['EXPERT']],
  ] as const) {
    users[key] = await createUser(code, [...roles], 'intlb');
    agents[key] = await signedInAgent(api, users[key]);
  }
  const zz = agents.zzOfficer;
  const { alliance, members } = await establishedAlliance(zz, 'SE0703');
  const other = await establishedAlliance(zz, 'SE0703');
  const document = await upload(zz, alliance.id);
  const recognisedInput = {
    status: 'RECOGNISED',
    recognisedOn: '2027-05-01',
    recognitionDocumentId: document,
  };
  const registered = await registeredBase(zz, alliance.id, members[0]!.id, recognisedInput);
  // 2027's periodic evaluation is in (优秀: the base stays recognised, at its next version).
  const recognised = (
    await zz.send<{ recordCooperationBaseEvaluation: BaseView }>(INTL.evaluate, {
      input: baseEvaluationInput(registered, { evaluatedOn: '2027-05-10' }, 95),
    })
  ).data!.recordCooperationBaseEvaluation;
  const revoked = await registeredBase(zz, alliance.id, members[0]!.id);
  const revokedNow = (
    await zz.send<{ revokeCooperationBase: BaseView }>(INTL.revoke, {
      input: { id: revoked.id, version: revoked.version, revokedOn: '2027-05-20', reason: '不再培育' },
    })
  ).data!.revokeCooperationBase;
  Object.assign(fixture, {
    allianceId: alliance.id,
    host: members[0]!.id,
    stranger: (await organization('非成员单位', ZHUZHOU)).id,
    document,
    otherDocument: await upload(zz, other.alliance.id),
    incubating: await registeredBase(zz, alliance.id, members[1]!.id),
    recognised,
    revoked: revokedNow,
    takenName: recognised.name,
  });
});

afterAll(async () => {
  await db?.close();
  await api?.close();
});

describe('bad input to the cooperation bases register: named, Chinese, HTTP 200, nothing written', () => {
  badInputCells({
    title: 'cooperation bases bad input',
    table: TABLE,
    send: (row) => agents[row.who].send(M[row.op], row.variables(fixture)),
    fingerprint,
  });
});
