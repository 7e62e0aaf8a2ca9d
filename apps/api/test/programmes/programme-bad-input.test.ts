import { HUNAN_2016_PARAMETERS } from '@xiangmeng/domain';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import { AdminDb } from '../support/admin-db';
import { type BadInputRow, badInputCells, tablesFingerprintSql } from '../support/bad-input-table';
import { createUser, type GraphqlAgent, signedInAgent, startTestApi, type TestApi } from '../support/harness';
import { dataOf } from '../support/register-client';
import { TestClock } from '../support/test-clock';
import { CHANGSHA, PROVINCE, staff, ZHUZHOU } from '../pilots/pilot-client';
import { organization } from '../reviews/review-fixtures';
import {
  type DebarmentView,
  debarmentInput,
  draftProgramme,
  G,
  programmeInput,
  publishedProgramme,
  recordedDebarment,
} from './programme-client';

// Bad input to every mutation of programmes and debarments (and the register's look-ups): each
// row is answered with HTTP 200, its code and (for BAD_USER_INPUT and refusals) violations naming
// the field and the rule in Chinese; nothing is written (the programme and debarment tables and
// the audit chain are as before).

const long = (n: number) => '长'.repeat(n);
const criteria = HUNAN_2016_PARAMETERS.review.criteria;

const M = {
  create: `mutation ($input: ProgrammeInput!) { createProgramme(input: $input) { id } }`,
  update: `mutation ($id: ID!, $version: Int!, $input: ProgrammeInput!) {
    updateProgramme(id: $id, version: $version, input: $input) { id } }`,
  publish: `mutation ($id: ID!, $version: Int!) { publishProgramme(id: $id, version: $version) { id } }`,
  record: `mutation ($input: RecordDebarmentInput!) { recordDebarment(input: $input) { id } }`,
  lift: `mutation ($input: LiftDebarmentInput!) { liftDebarment(input: $input) { id } }`,
  list: `query ($filter: DebarmentFilterInput) { debarments(filter: $filter) { id } }`,
  active: `query ($ids: [ID!]!, $on: String!) { activeDebarments(organizationIds: $ids, on: $on) { id } }`,
} as const;
type Op = keyof typeof M;
type Who = 'provOfficer' | 'provAdmin' | 'zzOfficer' | 'zzAdmin' | 'csAdmin' | 'expert';
type Built = { id: string; version: number };

type Fixture = {
  draft: Built & { name: string };
  published: Built;
  zhuzhouDraft: Built;
  organizationId: string;
  debarment: DebarmentView;
  lifted: DebarmentView;
};

type Row = BadInputRow<Op, Who, Fixture>;

const create = (changes: Record<string, unknown>) => () => ({ input: programmeInput(changes) });
const record =
  (changes: Record<string, unknown>) =>
  (f: Fixture): Record<string, unknown> => ({ input: debarmentInput(f.organizationId, changes) });
const lift =
  (changes: Record<string, unknown>, target: (f: Fixture) => { id: string } = (f) => f.debarment) =>
  (f: Fixture) => ({
    input: { id: target(f).id, on: '2028-03-20', reason: '整改完毕，经复核解除', ...changes },
  });

const TABLE: Row[] = [
  // ---- createProgramme ----
  {
    op: 'create',
    name: 'no name',
    who: 'provOfficer',
    variables: create({ name: '  ' }),
    code: 'BAD_USER_INPUT',
    violations: [['name', 'REQUIRED']],
  },
  {
    op: 'create',
    name: 'a name of 101 characters',
    who: 'provOfficer',
    variables: create({ name: long(101) }),
    code: 'BAD_USER_INPUT',
    violations: [['name', 'TOO_LONG']],
  },
  {
    op: 'create',
    name: 'the name of another programme of the year',
    who: 'provOfficer',
    variables: (f) => ({ input: programmeInput({ name: f.draft.name }) }),
    code: 'BAD_USER_INPUT',
    violations: [['name', 'DUPLICATE']],
  },
  {
    op: 'create',
    name: 'a kind the domain does not know',
    who: 'provOfficer',
    variables: create({ kind: 'PLATFORM' }),
    code: 'BAD_USER_INPUT',
    violations: [['kind', 'ONE_OF']],
  },
  {
    op: 'create',
    name: 'year 2015',
    who: 'provOfficer',
    variables: create({ year: 2015 }),
    code: 'BAD_USER_INPUT',
    violations: [['year', 'INTEGER_RANGE']],
  },
  {
    op: 'create',
    name: 'a total budget of 0',
    who: 'provOfficer',
    variables: create({ totalBudgetFen: '0' }),
    code: 'BAD_USER_INPUT',
    violations: [['totalBudgetFen', 'POSITIVE_FEN']],
  },
  {
    op: 'create',
    name: 'a total budget in yuan with decimals',
    who: 'provOfficer',
    variables: create({ totalBudgetFen: '50000.50' }),
    code: 'BAD_USER_INPUT',
    violations: [['totalBudgetFen', 'POSITIVE_FEN']],
  },
  {
    op: 'create',
    name: 'a negative total budget',
    who: 'provOfficer',
    variables: create({ totalBudgetFen: '-100' }),
    code: 'BAD_USER_INPUT',
    violations: [['totalBudgetFen', 'POSITIVE_FEN']],
  },
  {
    op: 'create',
    name: 'a total budget above 10^14 fen',
    who: 'provOfficer',
    variables: create({ totalBudgetFen: '100000000000001', perProjectCapFen: null }),
    code: 'BAD_USER_INPUT',
    violations: [['totalBudgetFen', 'POSITIVE_FEN']],
  },
  {
    op: 'create',
    name: 'a cap of 0',
    who: 'provOfficer',
    variables: create({ perProjectCapFen: '0' }),
    code: 'BAD_USER_INPUT',
    violations: [['perProjectCapFen', 'POSITIVE_FEN']],
  },
  {
    op: 'create',
    name: 'a cap above the total',
    who: 'provOfficer',
    variables: create({ totalBudgetFen: '100000', perProjectCapFen: '100001' }),
    code: 'BAD_USER_INPUT',
    violations: [['perProjectCapFen', 'WITHIN_TOTAL']],
  },
  {
    op: 'create',
    name: 'seven criteria',
    who: 'provOfficer',
    variables: create({ criteria: criteria.slice(1) }),
    code: 'BAD_USER_INPUT',
    violations: [
      ['criteria', 'ART_11_CRITERIA'],
      ['criteria', 'WEIGHTS_SUM_100'],
    ],
  },
  {
    op: 'create',
    name: 'a criterion not of Art. 11',
    who: 'provOfficer',
    variables: create({ criteria: criteria.map((c, i) => (i === 0 ? { ...c, key: 'POPULARITY' } : c)) }),
    code: 'BAD_USER_INPUT',
    violations: [['criteria', 'ART_11_CRITERIA']],
  },
  {
    op: 'create',
    name: 'weights adding up to 95',
    who: 'provOfficer',
    variables: create({ criteria: criteria.map((c, i) => (i === 0 ? { ...c, weight: c.weight - 5 } : c)) }),
    code: 'BAD_USER_INPUT',
    violations: [['criteria', 'WEIGHTS_SUM_100']],
  },
  {
    op: 'create',
    name: 'a weight of 101',
    who: 'provOfficer',
    variables: create({ criteria: criteria.map((c, i) => (i === 2 ? { ...c, weight: 101 } : c)) }),
    code: 'BAD_USER_INPUT',
    violations: [['criteria.2.weight', 'INTEGER_RANGE']],
  },
  {
    op: 'create',
    name: 'an award notice of 61 days',
    who: 'provOfficer',
    variables: create({ awardNoticeDays: 61 }),
    code: 'BAD_USER_INPUT',
    violations: [['awardNoticeDays', 'INTEGER_RANGE']],
  },
  {
    op: 'create',
    name: 'an acceptance notice of -1 days',
    who: 'provOfficer',
    variables: create({ acceptanceNoticeDays: -1 }),
    code: 'BAD_USER_INPUT',
    violations: [['acceptanceNoticeDays', 'INTEGER_RANGE']],
  },
  { op: 'create', name: 'by an expert', who: 'expert', variables: create({}), code: 'FORBIDDEN' },
  // ---- updateProgramme ----
  {
    op: 'update',
    name: 'a stale version',
    who: 'provOfficer',
    variables: (f) => ({
      id: f.draft.id,
      version: f.draft.version - 1,
      input: programmeInput({ name: f.draft.name }),
    }),
    code: 'CONFLICT',
  },
  {
    op: 'update',
    name: 'a published programme',
    who: 'provOfficer',
    variables: (f) => ({ ...f.published, input: programmeInput() }),
    code: 'PROGRAMME_PUBLISHED',
  },
  {
    op: 'update',
    name: 'a random id',
    who: 'provOfficer',
    variables: () => ({ id: randomUUID(), version: 1, input: programmeInput() }),
    code: 'NOT_FOUND',
  },
  {
    op: 'update',
    name: 'the province editing a city’s draft',
    who: 'provOfficer',
    variables: (f) => ({ ...f.zhuzhouDraft, input: programmeInput() }),
    code: 'NOT_FOUND',
  },
  {
    op: 'update',
    name: 'a city editing the province’s published programme',
    who: 'zzOfficer',
    variables: (f) => ({ ...f.published, input: programmeInput() }),
    code: 'NOT_FOUND',
  },
  {
    op: 'update',
    name: 'a cap above the total inside an edit',
    who: 'provOfficer',
    variables: (f) => ({
      id: f.draft.id,
      version: f.draft.version,
      input: programmeInput({ name: f.draft.name, totalBudgetFen: '100', perProjectCapFen: '200' }),
    }),
    code: 'BAD_USER_INPUT',
    violations: [['perProjectCapFen', 'WITHIN_TOTAL']],
  },
  // ---- publishProgramme ----
  {
    op: 'publish',
    name: 'by an officer',
    who: 'provOfficer',
    variables: (f) => ({ id: f.draft.id, version: f.draft.version }),
    code: 'FORBIDDEN',
  },
  {
    op: 'publish',
    name: 'a stale version',
    who: 'provAdmin',
    variables: (f) => ({ id: f.draft.id, version: f.draft.version + 1 }),
    code: 'PROGRAMME_CHANGED',
  },
  {
    op: 'publish',
    name: 'already published',
    who: 'provAdmin',
    variables: (f) => f.published,
    code: 'PROGRAMME_PUBLISHED',
  },
  {
    op: 'publish',
    name: 'a city administrator publishing the province’s draft',
    who: 'zzAdmin',
    variables: (f) => ({ id: f.draft.id, version: f.draft.version }),
    code: 'NOT_FOUND',
  },
  {
    op: 'publish',
    name: 'a random id',
    who: 'provAdmin',
    variables: () => ({ id: randomUUID(), version: 1 }),
    code: 'NOT_FOUND',
  },
  // ---- recordDebarment ----
  {
    op: 'record',
    name: 'no unit',
    who: 'provAdmin',
    variables: record({ organizationId: '' }),
    code: 'BAD_USER_INPUT',
    violations: [['organizationId', 'REQUIRED']],
  },
  {
    op: 'record',
    name: 'a unit not in the directory',
    who: 'provAdmin',
    variables: record({ organizationId: randomUUID() }),
    code: 'BAD_USER_INPUT',
    violations: [['organizationId', 'NOT_FOUND']],
  },
  {
    op: 'record',
    name: 'a unit id that is no id',
    who: 'provAdmin',
    variables: record({ organizationId: 'ORG-1' }),
    code: 'BAD_USER_INPUT',
    violations: [['organizationId', 'NOT_FOUND']],
  },
  {
    op: 'record',
    name: 'no reason',
    who: 'provAdmin',
    variables: record({ reason: ' ' }),
    code: 'BAD_USER_INPUT',
    violations: [['reason', 'REQUIRED']],
  },
  {
    op: 'record',
    name: 'a reason of 2001 characters',
    who: 'provAdmin',
    variables: record({ reason: long(2001) }),
    code: 'BAD_USER_INPUT',
    violations: [['reason', 'TOO_LONG']],
  },
  {
    op: 'record',
    name: 'no decision document',
    who: 'provAdmin',
    variables: record({ decisionDocument: '' }),
    code: 'BAD_USER_INPUT',
    violations: [['decisionDocument', 'REQUIRED']],
  },
  {
    op: 'record',
    name: 'a decision document of 101 characters',
    who: 'provAdmin',
    variables: record({ decisionDocument: long(101) }),
    code: 'BAD_USER_INPUT',
    violations: [['decisionDocument', 'TOO_LONG']],
  },
  {
    op: 'record',
    name: 'an article of 101 characters',
    who: 'provAdmin',
    variables: record({ article: long(101) }),
    code: 'BAD_USER_INPUT',
    violations: [['article', 'TOO_LONG']],
  },
  {
    op: 'record',
    name: 'from 30 February',
    who: 'provAdmin',
    variables: record({ fromDate: '2028-02-30' }),
    code: 'BAD_USER_INPUT',
    violations: [['fromDate', 'DATE']],
  },
  {
    op: 'record',
    name: 'a date written with slashes',
    who: 'provAdmin',
    variables: record({ fromDate: '2028/03/15' }),
    code: 'BAD_USER_INPUT',
    violations: [['fromDate', 'DATE']],
  },
  {
    op: 'record',
    name: 'a start before any measures were in force',
    who: 'provAdmin',
    variables: record({ fromDate: '2010-01-01' }),
    code: 'BAD_USER_INPUT',
    violations: [['fromDate', 'MEASURES_IN_FORCE']],
  },
  {
    op: 'record',
    name: 'evidence of 4001 characters',
    who: 'provAdmin',
    variables: record({ evidence: long(4001) }),
    code: 'BAD_USER_INPUT',
    violations: [['evidence', 'TOO_LONG']],
  },
  {
    op: 'record',
    name: 'the same decision against the same unit again',
    who: 'provAdmin',
    variables: (f) => ({
      input: debarmentInput(f.organizationId, { decisionDocument: f.debarment.decisionDocument }),
    }),
    code: 'BAD_USER_INPUT',
    violations: [['decisionDocument', 'DUPLICATE']],
  },
  {
    op: 'record',
    name: 'several faults at once, each named',
    who: 'provAdmin',
    variables: record({ reason: '', decisionDocument: '', fromDate: 'yesterday' }),
    code: 'BAD_USER_INPUT',
    violations: [
      ['reason', 'REQUIRED'],
      ['decisionDocument', 'REQUIRED'],
      ['fromDate', 'DATE'],
    ],
  },
  { op: 'record', name: 'by an officer', who: 'provOfficer', variables: record({}), code: 'FORBIDDEN' },
  { op: 'record', name: 'by an expert', who: 'expert', variables: record({}), code: 'FORBIDDEN' },
  // ---- liftDebarment ----
  {
    op: 'lift',
    name: 'no reason',
    who: 'provAdmin',
    variables: lift({ reason: '  ' }),
    code: 'BAD_USER_INPUT',
    violations: [['reason', 'REQUIRED']],
  },
  {
    op: 'lift',
    name: 'a day before the debarment began',
    who: 'provAdmin',
    variables: lift({ on: '2028-03-14' }),
    code: 'BAD_USER_INPUT',
    violations: [['on', 'WITHIN_DEBARMENT']],
  },
  {
    op: 'lift',
    name: 'a day after it ended',
    who: 'provAdmin',
    variables: lift({ on: '2033-03-16' }),
    code: 'BAD_USER_INPUT',
    violations: [['on', 'WITHIN_DEBARMENT']],
  },
  {
    op: 'lift',
    name: 'a day that is none',
    who: 'provAdmin',
    variables: lift({ on: '2028-13-01' }),
    code: 'BAD_USER_INPUT',
    violations: [['on', 'DATE']],
  },
  {
    op: 'lift',
    name: 'one already lifted',
    who: 'provAdmin',
    variables: lift({}, (f) => f.lifted),
    code: 'DEBARMENT_ALREADY_LIFTED',
    violations: [['lifted', 'ALREADY_LIFTED']],
  },
  {
    op: 'lift',
    name: 'a random id',
    who: 'provAdmin',
    variables: lift({}, () => ({ id: randomUUID() })),
    code: 'NOT_FOUND',
  },
  {
    op: 'lift',
    name: 'another authority’s decision (it reads it, and may not lift it)',
    who: 'csAdmin',
    variables: lift({}),
    code: 'FORBIDDEN',
  },
  { op: 'lift', name: 'by an officer', who: 'provOfficer', variables: lift({}), code: 'FORBIDDEN' },
  // ---- the register's look-ups ----
  {
    op: 'list',
    name: 'in force on 31 April',
    who: 'csAdmin',
    variables: () => ({ filter: { activeOn: '2028-04-31' } }),
    code: 'BAD_USER_INPUT',
    violations: [['activeOn', 'CALENDAR_DATE']],
  },
  {
    op: 'active',
    name: 'on a day that is none',
    who: 'expert',
    variables: (f) => ({ ids: [f.organizationId], on: '20280315' }),
    code: 'BAD_USER_INPUT',
    violations: [['on', 'CALENDAR_DATE']],
  },
  {
    op: 'active',
    name: 'more than 200 units at once',
    who: 'zzOfficer',
    variables: () => ({ ids: Array.from({ length: 201 }, () => randomUUID()), on: '2028-03-20' }),
    code: 'BAD_USER_INPUT',
    violations: [['organizationIds', 'TOO_MANY']],
  },
];

let api: TestApi;
let db: AdminDb;
const clock = new TestClock(new Date('2028-03-20T10:00:00+08:00'));
const agents = {} as Record<Who, GraphqlAgent>;
const fixture = {} as Fixture;

async function fingerprint(): Promise<string> {
  const rows = await db.rows<{ part: string; digest: string }>(
    tablesFingerprintSql(['programme', 'debarment', 'debarment_evidence']),
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
    ['zzAdmin', ZHUZHOU, ['CITY_ADMIN']],
    ['csAdmin', CHANGSHA, ['CITY_ADMIN']],
  ] as const) {
    agents[key] = (await staff(api, code, [...roles])).agent;
  }
  agents.expert = await signedInAgent(api, await createUser(PROVINCE, ['EXPERT'], 'x'));

  const draft = await draftProgramme(agents.provOfficer);
  fixture.draft = { id: draft.id, version: draft.version, name: draft.name };
  const published = await publishedProgramme(agents.provOfficer, agents.provAdmin);
  fixture.published = { id: published.id, version: published.version };
  const city = await draftProgramme(agents.zzOfficer, { kind: 'SPECIAL_FUND' });
  fixture.zhuzhouDraft = { id: city.id, version: city.version };

  fixture.organizationId = (await organization('坏输入违约单位', ZHUZHOU)).id;
  fixture.debarment = await recordedDebarment(agents.provAdmin, fixture.organizationId);
  const other = await recordedDebarment(agents.provAdmin, fixture.organizationId);
  fixture.lifted = dataOf(
    await agents.provAdmin.send<{ liftDebarment: DebarmentView }>(G.lift, {
      input: { id: other.id, on: '2028-03-20', reason: '经复核，决定撤销' },
    }),
  ).liftDebarment;
});

afterAll(async () => {
  await db?.close();
  await api?.close();
});

describe('bad input to programmes and debarments: named, Chinese, HTTP 200, nothing written', () => {
  badInputCells({
    title: 'programme bad input',
    table: TABLE,
    send: (row) => agents[row.who].send(M[row.op], row.variables(fixture)),
    fingerprint,
  });
});
