import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminDb } from '../support/admin-db';
import { createUser, signedInAgent, startTestApi, type TestApi, type TestUser } from '../support/harness';
import {
  addDays,
  type AllianceView,
  creditCode,
  expectBadInput,
  FOUNDING_CHECK,
  M,
  type OrganizationView,
  Q,
  RegisterClient,
  today,
  uniqueName,
} from '../support/register-client';

// Bad input across the register (SECURITY.md, Faults and bad input): each row is refused with HTTP
// 200, BAD_USER_INPUT and a violation naming the field and the rule, never a 5xx, and the tenant's
// register — every table, its directory entries and its audit chain — is exactly as before.

type Fixture = {
  alliance: AllianceView;
  enterprise: OrganizationView;
  outsider: OrganizationView;
  memberId: string;
  agreementId: string;
};

type Case = {
  name: string;
  query: string;
  variables: (f: Fixture) => Record<string, unknown>;
  field: string;
  rule: string;
};

const FUTURE = addDays(today(), 2);
const THIS_YEAR = Number(today().slice(0, 4));
const long = (n: number) => '长'.repeat(n);

function input(query: string, build: (f: Fixture) => Record<string, unknown>) {
  return { query, variables: (f: Fixture) => ({ input: build(f) }) };
}

const register = (changes: Record<string, unknown>) =>
  input(M.registerAlliance, () => ({
    name: uniqueName('坏输入联盟'),
    industryCode: 'SE0101',
    foundedOn: '2024-03-01',
    ...changes,
  }));
const update = (changes: Record<string, unknown>) =>
  input(M.updateAlliance, (f) => ({
    id: f.alliance.id,
    name: f.alliance.name,
    industryCode: 'SE0101',
    foundedOn: '2024-03-01',
    version: f.alliance.version,
    ...changes,
  }));
const governance = (changes: Record<string, unknown>) =>
  input(M.setAllianceGovernance, (f) => ({
    allianceId: f.alliance.id,
    bodies: [{ kind: 'DECISION', name: '理事会' }],
    liableEntity: '理事长单位',
    executiveFullTimeStaff: 2,
    version: f.alliance.version,
    ...changes,
  }));
const join = (changes: (f: Fixture) => Record<string, unknown>) =>
  input(M.addAllianceMember, (f) => ({
    allianceId: f.alliance.id,
    organizationId: f.outsider.id,
    role: 'MEMBER',
    joinedOn: '2024-04-01',
    ...changes(f),
  }));
const exit = (changes: Record<string, unknown>) =>
  input(M.exitAllianceMember, (f) => ({
    memberId: f.memberId,
    exitedOn: '2024-09-01',
    reason: '战略调整',
    ...changes,
  }));
const agreement = (changes: (f: Fixture) => Record<string, unknown>) =>
  input(M.createAgreementVersion, (f) => ({
    allianceId: f.alliance.id,
    innovationGoals: '目标',
    tasks: [],
    ...changes(f),
  }));
const signature = (changes: Record<string, unknown>) =>
  input(M.recordAgreementSignature, (f) => ({
    agreementId: f.agreementId,
    organizationId: f.enterprise.id,
    signatoryName: '王董事长',
    signedOn: '2024-04-01',
    ...changes,
  }));
const output = (changes: Record<string, unknown>) =>
  input(M.addAllianceOutput, (f) => ({
    allianceId: f.alliance.id,
    year: 2024,
    kind: 'PATENT',
    quantity: 1,
    ...changes,
  }));
const establish = (establishedOn: string) =>
  input(M.establishAlliance, (f) => ({ allianceId: f.alliance.id, establishedOn }));
const dissolve = (changes: Record<string, unknown>) =>
  input(M.dissolveAlliance, (f) => ({
    allianceId: f.alliance.id,
    dissolvedOn: '2024-09-01',
    reason: '任务完成',
    ...changes,
  }));
const organization = (changes: Record<string, unknown>) =>
  input(M.addOrganization, () => ({
    creditCode: creditCode(),
    name: uniqueName('坏输入单位'),
    type: 'ENTERPRISE',
    legalRepresentative: '张三',
    ...changes,
  }));
const correction = (changes: Record<string, unknown>) =>
  input(M.correctOrganization, (f) => ({
    id: f.enterprise.id,
    name: f.enterprise.name,
    type: 'ENTERPRISE',
    legalRepresentative: '张三',
    industryBackbone: true,
    backboneBasis: '行业前十',
    version: f.enterprise.version,
    ...changes,
  }));
const measures = (changes: Record<string, unknown>) =>
  input(M.createMeasuresDraft, () => ({
    title: '长沙市实施细则',
    documentNumber: '长科发〔2026〕1号',
    effectiveOn: '2027-01-01',
    parameters: {},
    ...changes,
  }));
const cursor = (parts: unknown) => Buffer.from(JSON.stringify(parts)).toString('base64url');
const page = (variables: Record<string, unknown>) => ({
  query: Q.alliances,
  variables: () => ({ filter: {}, first: 20, ...variables }),
});

const CASES: Case[] = [
  { name: 'registerAlliance: empty name', ...register({ name: '' }), field: 'name', rule: 'REQUIRED' },
  { name: 'registerAlliance: blank name', ...register({ name: '    ' }), field: 'name', rule: 'REQUIRED' },
  {
    name: 'registerAlliance: 3-character name',
    ...register({ name: '联盟甲' }),
    field: 'name',
    rule: 'REQUIRED',
  },
  {
    name: 'registerAlliance: 101-character name',
    ...register({ name: long(101) }),
    field: 'name',
    rule: 'TOO_LONG',
  },
  {
    name: 'registerAlliance: unknown industry',
    ...register({ industryCode: 'XX99' }),
    field: 'industryCode',
    rule: 'UNKNOWN_INDUSTRY',
  },
  {
    name: 'registerAlliance: empty industry',
    ...register({ industryCode: '' }),
    field: 'industryCode',
    rule: 'UNKNOWN_INDUSTRY',
  },
  {
    name: 'registerAlliance: 2026-02-30',
    ...register({ foundedOn: '2026-02-30' }),
    field: 'foundedOn',
    rule: 'CALENDAR_DATE',
  },
  {
    name: 'registerAlliance: 2025-02-29',
    ...register({ foundedOn: '2025-02-29' }),
    field: 'foundedOn',
    rule: 'CALENDAR_DATE',
  },
  {
    name: 'registerAlliance: month 13',
    ...register({ foundedOn: '2024-13-01' }),
    field: 'foundedOn',
    rule: 'CALENDAR_DATE',
  },
  {
    name: 'registerAlliance: unpadded date',
    ...register({ foundedOn: '2024-3-1' }),
    field: 'foundedOn',
    rule: 'CALENDAR_DATE',
  },
  {
    name: 'registerAlliance: date and time',
    ...register({ foundedOn: '2024-03-01T00:00:00Z' }),
    field: 'foundedOn',
    rule: 'CALENDAR_DATE',
  },
  {
    name: 'registerAlliance: empty date',
    ...register({ foundedOn: '' }),
    field: 'foundedOn',
    rule: 'CALENDAR_DATE',
  },
  {
    name: 'registerAlliance: future date',
    ...register({ foundedOn: FUTURE }),
    field: 'foundedOn',
    rule: 'NOT_IN_FUTURE',
  },
  {
    name: 'registerAlliance: objectives too long',
    ...register({ objectives: long(5001) }),
    field: 'objectives',
    rule: 'TOO_LONG',
  },
  {
    name: 'registerAlliance: name taken',
    query: M.registerAlliance,
    variables: (f) => ({ input: { name: f.alliance.name, industryCode: 'SE0101', foundedOn: '2024-03-01' } }),
    field: 'name',
    rule: 'NAME_TAKEN',
  },
  {
    name: 'updateAlliance: invalid date',
    ...update({ foundedOn: '2026-02-30' }),
    field: 'foundedOn',
    rule: 'CALENDAR_DATE',
  },
  { name: 'updateAlliance: empty name', ...update({ name: '' }), field: 'name', rule: 'REQUIRED' },
  {
    name: 'updateAlliance: unknown industry',
    ...update({ industryCode: 'SE9999' }),
    field: 'industryCode',
    rule: 'UNKNOWN_INDUSTRY',
  },
  {
    name: 'setAllianceGovernance: negative staff',
    ...governance({ executiveFullTimeStaff: -1 }),
    field: 'executiveFullTimeStaff',
    rule: 'INTEGER_RANGE',
  },
  {
    name: 'setAllianceGovernance: 10001 staff',
    ...governance({ executiveFullTimeStaff: 10001 }),
    field: 'executiveFullTimeStaff',
    rule: 'INTEGER_RANGE',
  },
  {
    name: 'setAllianceGovernance: two decision bodies',
    ...governance({
      bodies: [
        { kind: 'DECISION', name: '理事会' },
        { kind: 'DECISION', name: '董事会' },
      ],
    }),
    field: 'bodies',
    rule: 'DUPLICATE_KIND',
  },
  {
    name: 'setAllianceGovernance: unnamed body',
    ...governance({ bodies: [{ kind: 'EXECUTIVE', name: ' ' }] }),
    field: 'bodies.0.name',
    rule: 'REQUIRED',
  },
  {
    name: 'setAllianceGovernance: liable entity too long',
    ...governance({ liableEntity: long(101) }),
    field: 'liableEntity',
    rule: 'TOO_LONG',
  },
  {
    name: 'setAllianceGovernance: host not a member',
    query: M.setAllianceGovernance,
    variables: (f) => ({
      input: {
        allianceId: f.alliance.id,
        bodies: [],
        liableEntity: '',
        executiveFullTimeStaff: 0,
        hostOrganizationId: f.outsider.id,
        version: f.alliance.version,
      },
    }),
    field: 'hostOrganizationId',
    rule: 'NOT_A_MEMBER',
  },
  {
    name: 'addAllianceMember: invalid date',
    ...join(() => ({ joinedOn: '2026-02-30' })),
    field: 'joinedOn',
    rule: 'CALENDAR_DATE',
  },
  {
    name: 'addAllianceMember: future date',
    ...join(() => ({ joinedOn: FUTURE })),
    field: 'joinedOn',
    rule: 'NOT_IN_FUTURE',
  },
  {
    name: 'addAllianceMember: before founding',
    ...join(() => ({ joinedOn: '2024-02-29' })),
    field: 'joinedOn',
    rule: 'BEFORE_FOUNDING',
  },
  {
    name: 'addAllianceMember: unknown organization',
    ...join(() => ({ organizationId: randomUUID() })),
    field: 'organizationId',
    rule: 'UNKNOWN_ORGANIZATION',
  },
  {
    name: 'addAllianceMember: malformed organization id',
    ...join(() => ({ organizationId: 'abc' })),
    field: 'organizationId',
    rule: 'UNKNOWN_ORGANIZATION',
  },
  {
    name: 'addAllianceMember: already a member',
    ...join((f) => ({ organizationId: f.enterprise.id })),
    field: 'organizationId',
    rule: 'ALREADY_MEMBER',
  },
  {
    name: 'exitAllianceMember: invalid date',
    ...exit({ exitedOn: '2026-02-30' }),
    field: 'exitedOn',
    rule: 'CALENDAR_DATE',
  },
  {
    name: 'exitAllianceMember: future date',
    ...exit({ exitedOn: FUTURE }),
    field: 'exitedOn',
    rule: 'NOT_IN_FUTURE',
  },
  { name: 'exitAllianceMember: empty reason', ...exit({ reason: '' }), field: 'reason', rule: 'REQUIRED' },
  {
    name: 'exitAllianceMember: before joining',
    ...exit({ exitedOn: '2024-02-01' }),
    field: 'exitedOn',
    rule: 'EXIT_BEFORE_JOIN',
  },
  {
    name: 'createAgreementVersion: goals too long',
    ...agreement(() => ({ innovationGoals: long(5001) })),
    field: 'innovationGoals',
    rule: 'TOO_LONG',
  },
  {
    name: 'createAgreementVersion: empty task',
    ...agreement((f) => ({ tasks: [{ organizationId: f.enterprise.id, task: ' ' }] })),
    field: 'tasks.0.task',
    rule: 'REQUIRED',
  },
  {
    name: 'createAgreementVersion: task for a non-member',
    ...agreement((f) => ({ tasks: [{ organizationId: f.outsider.id, task: '课题' }] })),
    field: 'tasks.0.organizationId',
    rule: 'NOT_A_MEMBER',
  },
  {
    name: 'createAgreementVersion: two tasks for one member',
    ...agreement((f) => ({ tasks: [0, 1].map(() => ({ organizationId: f.enterprise.id, task: '课题' })) })),
    field: 'tasks.1.organizationId',
    rule: 'DUPLICATE',
  },
  {
    name: 'createAgreementVersion: unknown scan',
    ...agreement(() => ({ scanDocumentId: randomUUID() })),
    field: 'scanDocumentId',
    rule: 'UNKNOWN_DOCUMENT',
  },
  {
    name: 'recordAgreementSignature: invalid date',
    ...signature({ signedOn: '2026-02-30' }),
    field: 'signedOn',
    rule: 'CALENDAR_DATE',
  },
  {
    name: 'recordAgreementSignature: future date',
    ...signature({ signedOn: FUTURE }),
    field: 'signedOn',
    rule: 'NOT_IN_FUTURE',
  },
  {
    name: 'recordAgreementSignature: no signatory',
    ...signature({ signatoryName: '' }),
    field: 'signatoryName',
    rule: 'REQUIRED',
  },
  {
    name: 'recordAgreementSignature: signatory too long',
    ...signature({ signatoryName: long(41) }),
    field: 'signatoryName',
    rule: 'TOO_LONG',
  },
  {
    name: 'recordAgreementSignature: before joining',
    ...signature({ signedOn: '2024-02-01' }),
    field: 'organizationId',
    rule: 'SIGNATORY_NOT_MEMBER',
  },
  { name: 'addAllianceOutput: year 1999', ...output({ year: 1999 }), field: 'year', rule: 'YEAR_RANGE' },
  {
    name: 'addAllianceOutput: next year',
    ...output({ year: THIS_YEAR + 1 }),
    field: 'year',
    rule: 'YEAR_RANGE',
  },
  {
    name: 'addAllianceOutput: quantity 0',
    ...output({ quantity: 0 }),
    field: 'quantity',
    rule: 'INTEGER_RANGE',
  },
  {
    name: 'addAllianceOutput: negative quantity',
    ...output({ quantity: -5 }),
    field: 'quantity',
    rule: 'INTEGER_RANGE',
  },
  {
    name: 'addAllianceOutput: quantity 1000001',
    ...output({ quantity: 1_000_001 }),
    field: 'quantity',
    rule: 'INTEGER_RANGE',
  },
  {
    name: 'addAllianceOutput: description too long',
    ...output({ description: long(1001) }),
    field: 'description',
    rule: 'TOO_LONG',
  },
  {
    name: 'establishAlliance: invalid date',
    ...establish('2026-02-30'),
    field: 'establishedOn',
    rule: 'CALENDAR_DATE',
  },
  {
    name: 'establishAlliance: future date',
    ...establish(FUTURE),
    field: 'establishedOn',
    rule: 'NOT_IN_FUTURE',
  },
  {
    name: 'establishAlliance: before founding',
    ...establish('2024-02-01'),
    field: 'establishedOn',
    rule: 'BEFORE_FOUNDING',
  },
  {
    name: 'dissolveAlliance: invalid date',
    ...dissolve({ dissolvedOn: '2026-02-30' }),
    field: 'dissolvedOn',
    rule: 'CALENDAR_DATE',
  },
  {
    name: 'dissolveAlliance: future date',
    ...dissolve({ dissolvedOn: FUTURE }),
    field: 'dissolvedOn',
    rule: 'NOT_IN_FUTURE',
  },
  {
    name: 'dissolveAlliance: before founding',
    ...dissolve({ dissolvedOn: '2024-02-01' }),
    field: 'dissolvedOn',
    rule: 'BEFORE_FOUNDING',
  },
  {
    name: 'dissolveAlliance: before the last join',
    ...dissolve({ dissolvedOn: '2024-05-01' }),
    field: 'dissolvedOn',
    rule: 'BEFORE_LAST_JOIN',
  },
  { name: 'dissolveAlliance: empty reason', ...dissolve({ reason: '' }), field: 'reason', rule: 'REQUIRED' },
  { name: 'addOrganization: empty name', ...organization({ name: '' }), field: 'name', rule: 'LENGTH' },
  {
    name: 'addOrganization: no legal representative',
    ...organization({ legalRepresentative: ' ' }),
    field: 'legalRepresentative',
    rule: 'LENGTH',
  },
  {
    name: 'addOrganization: backbone without basis',
    ...organization({ industryBackbone: true }),
    field: 'backboneBasis',
    rule: 'REQUIRED',
  },
  {
    name: 'addOrganization: wrong check character',
    query: M.addOrganization,
    variables: () => {
      const code = creditCode();
      const wrong = code.endsWith('0') ? '1' : '0';
      return {
        input: {
          creditCode: code.slice(0, 17) + wrong,
          name: uniqueName('坏输入单位'),
          type: 'ENTERPRISE',
          legalRepresentative: '张三',
        },
      };
    },
    field: 'creditCode',
    rule: 'CREDIT_CODE_CHECK_CHARACTER',
  },
  {
    name: 'correctOrganization: one-character name',
    ...correction({ name: '甲' }),
    field: 'name',
    rule: 'LENGTH',
  },
  {
    name: 'correctOrganization: representative too long',
    ...correction({ legalRepresentative: long(41) }),
    field: 'legalRepresentative',
    rule: 'LENGTH',
  },
  {
    name: 'correctOrganization: backbone without basis',
    ...correction({ backboneBasis: '' }),
    field: 'backboneBasis',
    rule: 'REQUIRED',
  },
  { name: 'createMeasuresDraft: empty title', ...measures({ title: '' }), field: 'title', rule: 'REQUIRED' },
  {
    name: 'createMeasuresDraft: empty document number',
    ...measures({ documentNumber: ' ' }),
    field: 'documentNumber',
    rule: 'REQUIRED',
  },
  {
    name: 'createMeasuresDraft: invalid date',
    ...measures({ effectiveOn: '2026-02-30' }),
    field: 'effectiveOn',
    rule: 'CALENDAR_DATE',
  },
  {
    name: 'createMeasuresDraft: minMembers 0',
    ...measures({ parameters: { founding: { minMembers: 0 } } }),
    field: 'parameters.founding.minMembers',
    rule: 'INTEGER_RANGE',
  },
  { name: 'alliances: page size 0', ...page({ first: 0 }), field: 'first', rule: 'PAGE_SIZE' },
  { name: 'alliances: page size 101', ...page({ first: 101 }), field: 'first', rule: 'PAGE_SIZE' },
  { name: 'alliances: negative page size', ...page({ first: -1 }), field: 'first', rule: 'PAGE_SIZE' },
  {
    name: 'alliances: garbage cursor',
    ...page({ after: 'garbage!' }),
    field: 'after',
    rule: 'INVALID_CURSOR',
  },
  {
    name: 'alliances: cursor without a time',
    ...page({ after: cursor(['NEWEST', 'x', randomUUID()]) }),
    field: 'after',
    rule: 'INVALID_CURSOR',
  },
  {
    name: 'alliances: cursor with a bad id',
    ...page({ after: cursor(['NEWEST', new Date().toISOString(), '1 OR 1=1']) }),
    field: 'after',
    rule: 'INVALID_CURSOR',
  },
  {
    name: 'alliances: cursor of another order',
    ...page({ after: cursor(['NEWEST', new Date().toISOString(), randomUUID()]), orderBy: 'NAME' }),
    field: 'after',
    rule: 'INVALID_CURSOR',
  },
  {
    name: 'alliances: cursor of the founding order without a date',
    ...page({ after: cursor(['FOUNDED_OLDEST', '2024-13', randomUUID()]), orderBy: 'FOUNDED_OLDEST' }),
    field: 'after',
    rule: 'INVALID_CURSOR',
  },
  {
    name: 'measuresInForce: invalid date',
    query: Q.measuresInForce,
    variables: () => ({ asOf: '2026-02-30' }),
    field: 'asOf',
    rule: 'CALENDAR_DATE',
  },
  {
    name: 'measuresInForce: not a date',
    query: Q.measuresInForce,
    variables: () => ({ asOf: 'yesterday' }),
    field: 'asOf',
    rule: 'CALENDAR_DATE',
  },
  {
    name: 'foundingCheck: invalid date',
    query: FOUNDING_CHECK,
    variables: (f) => ({ id: f.alliance.id, basis: 'OWN', asOf: '2026-02-30' }),
    field: 'asOf',
    rule: 'CALENDAR_DATE',
  },
];

describe('bad input across the register', () => {
  let api: TestApi;
  let db: AdminDb;
  let officer: TestUser;
  let client: RegisterClient;
  let fixture: Fixture;

  beforeAll(async () => {
    api = await startTestApi();
    db = await AdminDb.open();
    officer = await createUser('430100', ['CITY_OFFICER']);
    client = new RegisterClient(await signedInAgent(api, officer));
    const formed = await client.formAlliance();
    const outsider = await client.addOrganization({ type: 'ENTERPRISE' });
    const late = await client.addOrganization({ type: 'INTERMEDIARY' });
    const alliance = await client.addMember(formed.alliance.id, late.id, 'MEMBER', '2024-06-01');
    fixture = {
      alliance,
      enterprise: formed.enterprise,
      outsider,
      memberId: alliance.members.find((m) => m.organization.id === formed.university.id)!.id,
      agreementId: formed.agreement.id,
    };
  });
  afterAll(async () => {
    await db.close();
    await api.close();
  });

  it.each(CASES)('$name → $field $rule, nothing written', async ({ query, variables, field, rule }) => {
    const before = await db.fingerprint(officer.tenantId);
    const res = await client.send(query, variables(fixture));
    expectBadInput(res, field, rule);
    expect(await db.fingerprint(officer.tenantId)).toEqual(before);
  });

  it('leaves the fixture usable: the same inputs, corrected, are accepted', async () => {
    const res = await client.send(M.addAllianceOutput, {
      input: { allianceId: fixture.alliance.id, year: THIS_YEAR, kind: 'TRAINING', quantity: 30 },
    });
    expect(res.errors).toBeUndefined();
  });
});
