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
import { creditCode } from '../support/register-client';
import { TestClock } from '../support/test-clock';
import { CHANGSHA, PROVINCE, ZHUZHOU } from '../pilots/pilot-client';
import { organization } from '../reviews/review-fixtures';
import { contractFor, openProject, programmeOf, type Unit, units } from '../projects/project-client';
import { assetInput, IP, licenceInput, recordAsset } from './ip-client';

// Wrong input to each IP register mutation: a clear error naming the field and the rule, in
// Chinese, HTTP 200, nothing written (the register's tables and the audit chain as before).
// Control characters are refused before any resolver runs (the schema-wide plugin and its test).

type Op = 'recordAsset' | 'recordLicence';
type Who = 'zzOfficer' | 'provOfficer' | 'csOfficer' | 'expert';
type Fixture = {
  projectId: string;
  assetId: string;
  takenNumber: string;
  chair: Unit;
  partner: Unit;
  stranger: Unit;
};

const M: Record<Op, string> = { recordAsset: IP.recordAsset, recordLicence: IP.recordLicence };

const both = (f: Fixture) => [
  { organizationId: f.chair.id, basisPoints: 6000 },
  { organizationId: f.partner.id, basisPoints: 4000 },
];
const asset = (f: Fixture, overrides: Record<string, unknown> = {}) => ({
  input: assetInput(f.projectId, both(f), overrides),
});
const licence = (f: Fixture, overrides: Record<string, unknown> = {}) => ({
  input: licenceInput(f.assetId, overrides),
});

const ASSET_ROWS: BadInputRow<Op, Who, Fixture>[] = [
  ['kind unknown', (f: Fixture) => asset(f, { kind: 'TRADEMARK' }), 'kind', 'ONE_OF'],
  ['title blank', (f: Fixture) => asset(f, { title: '  ' }), 'title', 'REQUIRED'],
  ['title too long', (f: Fixture) => asset(f, { title: '名'.repeat(201) }), 'title', 'TOO_LONG'],
  ['number blank', (f: Fixture) => asset(f, { number: '' }), 'number', 'REQUIRED'],
  ['number too long', (f: Fixture) => asset(f, { number: '1'.repeat(101) }), 'number', 'TOO_LONG'],
  ['grant date not a date', (f: Fixture) => asset(f, { grantedOn: '2027-02-30' }), 'grantedOn', 'DATE'],
  [
    'grant date in the future',
    (f: Fixture) => asset(f, { grantedOn: '2027-11-15' }),
    'grantedOn',
    'NOT_FUTURE',
  ],
  [
    'grant date before the award',
    (f: Fixture) => asset(f, { grantedOn: '2027-09-14' }),
    'grantedOn',
    'AFTER_AWARD',
  ],
  ['no owner', (f: Fixture) => asset(f, { owners: [] }), 'owners', 'REQUIRED'],
  [
    'owners hold 99.99 %',
    (f: Fixture) =>
      asset(f, {
        owners: [
          { organizationId: f.chair.id, basisPoints: 6000 },
          { organizationId: f.partner.id, basisPoints: 3999 },
        ],
      }),
    'owners',
    'SHARES_SUM_100',
  ],
  [
    'owners hold 100.01 %',
    (f: Fixture) =>
      asset(f, {
        owners: [
          { organizationId: f.chair.id, basisPoints: 6000 },
          { organizationId: f.partner.id, basisPoints: 4001 },
        ],
      }),
    'owners',
    'SHARES_SUM_100',
  ],
  [
    'an owner with no share',
    (f: Fixture) =>
      asset(f, {
        owners: [
          { organizationId: f.chair.id, basisPoints: 10000 },
          { organizationId: f.partner.id, basisPoints: 0 },
        ],
      }),
    'owners.1.basisPoints',
    'SHARE_RANGE',
  ],
  [
    'an owner above 100 %',
    (f: Fixture) => asset(f, { owners: [{ organizationId: f.chair.id, basisPoints: 10001 }] }),
    'owners.0.basisPoints',
    'SHARE_RANGE',
  ],
  [
    'an owner not in the task contract',
    (f: Fixture) =>
      asset(f, {
        owners: [
          { organizationId: f.stranger.id, basisPoints: 5000 },
          { organizationId: f.chair.id, basisPoints: 5000 },
        ],
      }),
    'owners.0.organizationId',
    'NOT_A_PARTICIPANT',
  ],
  [
    'an owner that is no id',
    (f: Fixture) => asset(f, { owners: [{ organizationId: 'abc', basisPoints: 10000 }] }),
    'owners.0.organizationId',
    'NOT_FOUND',
  ],
  [
    'an owner listed twice',
    (f: Fixture) =>
      asset(f, {
        owners: [
          { organizationId: f.chair.id, basisPoints: 5000 },
          { organizationId: f.chair.id, basisPoints: 5000 },
        ],
      }),
    'owners.1.organizationId',
    'DUPLICATE',
  ],
].map(([name, variables, field, rule]) => ({
  op: 'recordAsset' as const,
  name: name as string,
  who: 'zzOfficer' as const,
  variables: variables as (f: Fixture) => Record<string, unknown>,
  code: 'BAD_USER_INPUT',
  violations: [[field as string, rule as string]],
}));

const LICENCE_ROWS: BadInputRow<Op, Who, Fixture>[] = [
  [
    'licensee blank',
    (f: Fixture) => licence(f, { licensee: { name: ' ', creditCode: null } }),
    'licensee.name',
    'REQUIRED',
  ],
  [
    'licensee too long',
    (f: Fixture) => licence(f, { licensee: { name: '单'.repeat(201), creditCode: null } }),
    'licensee.name',
    'TOO_LONG',
  ],
  [
    'credit code invalid',
    (f: Fixture) => licence(f, { licensee: { name: '某公司', creditCode: '91430100MA4L000000' } }),
    'licensee.creditCode',
    'CREDIT_CODE',
  ],
  [
    'out of province by its credit code, said in',
    (f: Fixture) =>
      licence(f, {
        licensee: { name: '某公司', creditCode: creditCode({ division: '440100' }) },
        inProvince: true,
      }),
    'inProvince',
    'DISAGREES_WITH_CREDIT_CODE',
  ],
  [
    'in province by its credit code, said out',
    (f: Fixture) => licence(f, { inProvince: false }),
    'inProvince',
    'DISAGREES_WITH_CREDIT_CODE',
  ],
  ['fee not fen', (f: Fixture) => licence(f, { feeFen: '12.5' }), 'feeFen', 'FEN'],
  ['fee negative', (f: Fixture) => licence(f, { feeFen: '-1' }), 'feeFen', 'FEN'],
  ['paid without a fee', (f: Fixture) => licence(f, { paid: true, feeFen: '0' }), 'feeFen', 'PAID_WITH_FEE'],
  [
    'free with a fee',
    (f: Fixture) => licence(f, { paid: false, feeFen: '100' }),
    'feeFen',
    'FREE_WITHOUT_FEE',
  ],
  ['licence date not a date', (f: Fixture) => licence(f, { licensedOn: '11/02/2027' }), 'licensedOn', 'DATE'],
  [
    'licence date in the future',
    (f: Fixture) => licence(f, { licensedOn: '2027-11-15' }),
    'licensedOn',
    'NOT_FUTURE',
  ],
].map(([name, variables, field, rule]) => ({
  op: 'recordLicence' as const,
  name: name as string,
  who: 'zzOfficer' as const,
  variables: variables as (f: Fixture) => Record<string, unknown>,
  code: 'BAD_USER_INPUT',
  violations: [[field as string, rule as string]],
}));

const REFUSALS: BadInputRow<Op, Who, Fixture>[] = [
  {
    op: 'recordAsset',
    name: 'number already registered for its kind',
    who: 'zzOfficer',
    variables: (f) => asset(f, { number: f.takenNumber }),
    code: 'IP_ASSET_NUMBER_TAKEN',
    violations: [['number', 'UNIQUE']],
  },
  {
    op: 'recordAsset',
    name: 'project that does not exist',
    who: 'zzOfficer',
    variables: (f) => ({ input: assetInput(randomUUID(), both(f)) }),
    code: 'NOT_FOUND',
  },
  {
    op: 'recordAsset',
    name: 'another city’s staff',
    who: 'csOfficer',
    variables: (f) => asset(f),
    code: 'NOT_FOUND',
  },
  { op: 'recordAsset', name: 'an expert', who: 'expert', variables: (f) => asset(f), code: 'FORBIDDEN' },
  {
    op: 'recordLicence',
    name: 'asset that does not exist',
    who: 'provOfficer',
    variables: () => ({ input: licenceInput(randomUUID()) }),
    code: 'NOT_FOUND',
  },
  {
    op: 'recordLicence',
    name: 'another city’s staff',
    who: 'csOfficer',
    variables: (f) => licence(f),
    code: 'NOT_FOUND',
  },
  { op: 'recordLicence', name: 'an expert', who: 'expert', variables: (f) => licence(f), code: 'FORBIDDEN' },
];

const TABLE = [...ASSET_ROWS, ...LICENCE_ROWS, ...REFUSALS];

let api: TestApi;
let db: AdminDb;
const clock = new TestClock(new Date('2027-09-15T10:00:00+08:00'));
const agents = {} as Record<Who, GraphqlAgent>;
const users = {} as Record<Who, TestUser>;
const fixture = {} as Fixture;

async function fingerprint(): Promise<string> {
  const rows = await db.rows<{ part: string; digest: string }>(
    tablesFingerprintSql(['ip_asset', 'ip_asset_owner', 'ip_licence']),
  );
  return rows.map((r) => `${r.part}=${r.digest}`).join(' ');
}

beforeAll(async () => {
  api = await startTestApi({ clock });
  db = await AdminDb.open();
  for (const [key, code, roles] of [
    ['provOfficer', PROVINCE, ['PROVINCE_OFFICER']],
    ['zzOfficer', ZHUZHOU, ['CITY_OFFICER']],
    ['csOfficer', CHANGSHA, ['CITY_OFFICER']],
    ['expert', ZHUZHOU, ['EXPERT']],
  ] as const) {
    users[key] = await createUser(code, [...roles], 'ipb');
  }
  const { chair, partner } = await units(ZHUZHOU);
  const project = await openProject(api, users.provOfficer, {
    programmeId: await programmeOf(PROVINCE),
    allianceTenantId: users.zzOfficer.tenantId,
    awardFen: '100000000',
    contract: contractFor(chair, partner, '100000000'),
  });
  clock.advance(60 * 24 * 60 * 60 * 1000);
  for (const key of Object.keys(users) as Who[]) agents[key] = await signedInAgent(api, users[key]);
  const recorded = await recordAsset(
    agents.zzOfficer,
    assetInput(project.id, [{ organizationId: chair.id, basisPoints: 10000 }]),
  );
  Object.assign(fixture, {
    projectId: project.id,
    assetId: recorded.id,
    takenNumber: recorded.number,
    chair,
    partner,
    stranger: await organization('非参与单位', ZHUZHOU),
  });
});

afterAll(async () => {
  await db?.close();
  await api?.close();
});

describe('bad input to the IP register: named, Chinese, HTTP 200, nothing written', () => {
  badInputCells({
    title: 'IP register bad input',
    table: TABLE,
    send: (row) => agents[row.who].send(M[row.op], row.variables(fixture)),
    fingerprint,
  });
});
