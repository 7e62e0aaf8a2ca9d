import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import { type BadInputRow, badInputCells, tablesFingerprintSql } from '../support/bad-input-table';
import {
  asAdmin,
  createUser,
  type GraphqlAgent,
  signedInAgent,
  startTestApi,
  type TestApi,
} from '../support/harness';
import { creditCode, dataOf } from '../support/register-client';
import { TestClock } from '../support/test-clock';
import { PROVINCE, ZHUZHOU } from '../pilots/pilot-client';
import {
  F,
  type FinanceParties,
  fileClaim,
  financeParties,
  loanInput,
  needInput,
  type NeedView,
  postNeed,
  recordLoan,
} from './finance-client';

// Wrong input to each finance mutation: a clear error naming the field and the rule, in Chinese,
// HTTP 200, nothing written (the finance tables and the audit chain as before).

type Op =
  | 'enrol'
  | 'postNeed'
  | 'changeNeed'
  | 'recordEvent'
  | 'introduce'
  | 'answer'
  | 'recordFinancing'
  | 'fileClaim'
  | 'transitionClaim';
type Who = 'zzOfficer' | 'zzAdmin' | 'provOfficer';
type Fixture = FinanceParties & {
  need: NeedView;
  introductionId: string;
  introductionVersion: number;
  loanId: string;
  unregisteredLoanId: string;
  lateLoanId: string;
  equityId: string;
  claimId: string;
  claimVersion: number;
  university: string;
  outsiderEnterpriseId: string;
  otherNeedId: string;
};

const TABLES = [
  'finance_linkage_institution',
  'financing_need',
  'financing_event',
  'financing_introduction',
  'financing_record',
  'compensation_claim',
  'compensation_ledger_entry',
] as const;

const OPS: Record<Op, string> = {
  enrol: F.enrol,
  postNeed: F.postNeed,
  changeNeed: F.changeNeed,
  recordEvent: F.recordEvent,
  introduce: F.introduce,
  answer: F.answer,
  recordFinancing: F.recordFinancing,
  fileClaim: F.fileClaim,
  transitionClaim: F.transitionClaim,
};

type Spec = [name: string, variables: (f: Fixture) => Record<string, unknown>, field: string, rule: string];
const rows = (op: Op, who: Who, specs: Spec[], code = 'BAD_USER_INPUT'): BadInputRow<Op, Who, Fixture>[] =>
  specs.map(([name, variables, field, rule]) => ({
    op,
    who,
    name,
    variables,
    code,
    violations: [[field, rule]],
  }));

const need = (f: Fixture, o: Record<string, unknown> = {}) => ({ input: needInput(f, o) });
const event = (f: Fixture, o: Record<string, unknown> = {}) => ({
  input: {
    title: '对接会',
    heldOn: '2026-11-06',
    organizer: '株洲市科学技术局',
    institutionIds: [f.bankId],
    enterpriseIds: [f.enterpriseId],
    ...o,
  },
});
const introduce = (f: Fixture, o: Record<string, unknown> = {}) => ({
  input: { needId: f.need.id, institutionId: f.bankId, introducedOn: '2026-11-05', ...o },
});
const answer = (f: Fixture, o: Record<string, unknown> = {}) => ({
  input: {
    id: f.introductionId,
    version: f.introductionVersion,
    outcome: 'INTERESTED',
    outcomeOn: '2026-11-08',
    ...o,
  },
});
const loan = (f: Fixture, o: Record<string, unknown> = {}) => ({ input: loanInput(f, o) });
const claim = (f: Fixture, o: Record<string, unknown> = {}) => ({
  input: { financingRecordId: f.loanId, defaultedOn: '2026-12-01', principalLostFen: '600000000', ...o },
});
const step = (f: Fixture, o: Record<string, unknown> = {}) => ({
  input: { id: f.claimId, action: 'APPROVE', version: f.claimVersion, text: '同意', ...o },
});

const TABLE: BadInputRow<Op, Who, Fixture>[] = [
  ...rows('enrol', 'provOfficer', [
    [
      'an enterprise enrolled',
      (f) => ({ input: { organizationId: f.enterpriseId, enrolledOn: '2026-11-01' } }),
      'organizationId',
      'NOT_AN_INSTITUTION',
    ],
    [
      'no such organization',
      () => ({ input: { organizationId: randomUUID(), enrolledOn: '2026-11-01' } }),
      'organizationId',
      'NOT_FOUND',
    ],
    [
      'enrolled already',
      (f) => ({ input: { organizationId: f.linkageVcId, enrolledOn: '2026-11-01' } }),
      'organizationId',
      'UNIQUE',
    ],
    [
      'a date in the future',
      (f) => ({ input: { organizationId: f.bankId, enrolledOn: '2026-12-07' } }),
      'enrolledOn',
      'NOT_FUTURE',
    ],
    [
      'not a date',
      (f) => ({ input: { organizationId: f.bankId, enrolledOn: '2026-02-30' } }),
      'enrolledOn',
      'CALENDAR_DATE',
    ],
  ]),
  {
    op: 'enrol',
    who: 'zzOfficer',
    name: 'a city enrols',
    variables: (f) => ({ input: { organizationId: f.bankId, enrolledOn: '2026-11-01' } }),
    code: 'FORBIDDEN',
  },
  ...rows('postNeed', 'zzOfficer', [
    ['no amount', (f) => need(f, { amountFen: '0' }), 'amountFen', 'POSITIVE_FEN'],
    ['amount in yuan', (f) => need(f, { amountFen: '100.50' }), 'amountFen', 'POSITIVE_FEN'],
    ['no purpose', (f) => need(f, { purpose: ' ' }), 'purpose', 'REQUIRED'],
    ['purpose too long', (f) => need(f, { purpose: '用'.repeat(501) }), 'purpose', 'TOO_LONG'],
    ['term of no months', (f) => need(f, { termMonths: 0 }), 'termMonths', 'INTEGER_RANGE'],
    ['unknown form', (f) => need(f, { preferredForm: 'GRANT' }), 'preferredForm', 'ONE_OF'],
    ['posted in the future', (f) => need(f, { postedOn: '2026-12-07' }), 'postedOn', 'NOT_FUTURE'],
    ['posted on no date', (f) => need(f, { postedOn: '2026-13-01' }), 'postedOn', 'CALENDAR_DATE'],
    ['alliance unknown', (f) => need(f, { allianceId: randomUUID() }), 'allianceId', 'NOT_FOUND'],
    ['a bank asks', (f) => need(f, { organizationId: f.bankId }), 'organizationId', 'NOT_AN_ENTERPRISE'],
    [
      'a non-member asks',
      (f) => need(f, { organizationId: f.outsiderEnterpriseId }),
      'organizationId',
      'NOT_A_MEMBER',
    ],
    ['posted before joining', (f) => need(f, { postedOn: '2023-12-31' }), 'organizationId', 'NOT_A_MEMBER'],
  ]),
  {
    op: 'changeNeed',
    who: 'zzOfficer',
    name: 'a stale version',
    variables: (f) => ({ input: { id: f.need.id, version: f.need.version + 5, close: true } }),
    code: 'CONFLICT',
  },
  {
    op: 'changeNeed',
    who: 'provOfficer',
    name: "the province changes a city's need",
    variables: (f) => ({ input: { id: f.need.id, version: f.need.version, close: true } }),
    code: 'NOT_FOUND',
  },
  ...rows('recordEvent', 'zzOfficer', [
    ['no title', (f) => event(f, { title: '' }), 'title', 'REQUIRED'],
    ['no organizer', (f) => event(f, { organizer: ' ' }), 'organizer', 'REQUIRED'],
    ['not a date', (f) => event(f, { heldOn: '2026-11-31' }), 'heldOn', 'CALENDAR_DATE'],
    ['no institution', (f) => event(f, { institutionIds: [] }), 'institutionIds', 'REQUIRED'],
    [
      'an enterprise as institution',
      (f) => event(f, { institutionIds: [f.enterpriseId] }),
      'institutionIds.0',
      'WRONG_TYPE',
    ],
    ['a bank as enterprise', (f) => event(f, { enterpriseIds: [f.bankId] }), 'enterpriseIds.0', 'WRONG_TYPE'],
    [
      'an institution twice',
      (f) => event(f, { institutionIds: [f.bankId, f.bankId] }),
      'institutionIds',
      'DUPLICATE',
    ],
    ['an unknown enterprise', (f) => event(f, { enterpriseIds: ['x'] }), 'enterpriseIds.0', 'NOT_FOUND'],
  ]),
  ...rows('introduce', 'zzOfficer', [
    [
      'an institution that may not see it',
      (f) => introduce(f, { institutionId: f.outsiderBankId }),
      'institutionId',
      'NEED_NOT_VISIBLE',
    ],
    [
      'an enterprise introduced',
      (f) => introduce(f, { institutionId: f.enterpriseId }),
      'institutionId',
      'NOT_AN_INSTITUTION',
    ],
    [
      'a university introduced',
      (f) => introduce(f, { institutionId: f.university }),
      'institutionId',
      'NOT_AN_INSTITUTION',
    ],
    [
      'before the need',
      (f) => introduce(f, { introducedOn: '2026-11-01' }),
      'introducedOn',
      'NOT_BEFORE_NEED',
    ],
    ['in the future', (f) => introduce(f, { introducedOn: '2026-12-07' }), 'introducedOn', 'NOT_FUTURE'],
    ['an unknown event', (f) => introduce(f, { eventId: randomUUID() }), 'eventId', 'NOT_FOUND'],
  ]),
  ...rows('answer', 'zzOfficer', [
    ['answer still pending', (f) => answer(f, { outcome: 'PENDING' }), 'outcome', 'ONE_OF'],
    ['an unknown outcome', (f) => answer(f, { outcome: 'MAYBE' }), 'outcome', 'ONE_OF'],
    [
      'before the introduction',
      (f) => answer(f, { outcomeOn: '2026-11-01' }),
      'outcomeOn',
      'NOT_BEFORE_INTRODUCTION',
    ],
    ['note too long', (f) => answer(f, { note: '说'.repeat(2001) }), 'note', 'TOO_LONG'],
  ]),
  {
    op: 'answer',
    who: 'zzOfficer',
    name: 'a stale version',
    variables: (f) => answer(f, { version: f.introductionVersion + 3 }),
    code: 'FINANCING_INTRODUCTION_CHANGED',
  },
  ...rows('recordFinancing', 'zzOfficer', [
    [
      'an unknown form',
      (f) => loan(f, { form: 'GIFT', rateBasisPoints: null, registeredOn: null }),
      'form',
      'ONE_OF',
    ],
    ['no amount', (f) => loan(f, { amountFen: '0' }), 'amountFen', 'POSITIVE_FEN'],
    ['a loan without term', (f) => loan(f, { termMonths: null }), 'termMonths', 'REQUIRED'],
    [
      'equity with a rate',
      (f) => loan(f, { form: 'EQUITY', registeredOn: null }),
      'rateBasisPoints',
      'LOANS_ONLY',
    ],
    ['a rate past 36 %', (f) => loan(f, { rateBasisPoints: 3601 }), 'rateBasisPoints', 'INTEGER_RANGE'],
    [
      'registered before the grant',
      (f) => loan(f, { registeredOn: '2026-11-09' }),
      'registeredOn',
      'NOT_BEFORE_GRANT',
    ],
    [
      'granted in the future',
      (f) => loan(f, { grantedOn: '2026-12-08', registeredOn: null }),
      'grantedOn',
      'NOT_FUTURE',
    ],
    [
      'an enterprise as lender',
      (f) => loan(f, { institutionId: f.enterpriseId }),
      'institutionId',
      'NOT_AN_INSTITUTION',
    ],
    [
      'a non-member financed',
      (f) => loan(f, { organizationId: f.outsiderEnterpriseId }),
      'organizationId',
      'NOT_A_MEMBER',
    ],
    ['another enterprise’s need', (f) => loan(f, { needId: f.otherNeedId }), 'needId', 'OTHER_ENTERPRISE'],
    ['an unknown need', (f) => loan(f, { needId: randomUUID() }), 'needId', 'NOT_FOUND'],
  ]),
  ...rows('fileClaim', 'zzOfficer', [
    [
      'equity is no loan',
      (f) => claim(f, { financingRecordId: f.equityId }),
      'financingRecordId',
      'NOT_A_LOAN',
    ],
    [
      'an unregistered loan',
      (f) => claim(f, { financingRecordId: f.unregisteredLoanId }),
      'financingRecordId',
      'NOT_REGISTERED',
    ],
    [
      'registered past the window',
      (f) => claim(f, { financingRecordId: f.lateLoanId }),
      'financingRecordId',
      'OUTSIDE_FILING_WINDOW',
    ],
    [
      'default before the grant',
      (f) => claim(f, { defaultedOn: '2026-11-01' }),
      'defaultedOn',
      'NOT_BEFORE_GRANT',
    ],
    ['default in the future', (f) => claim(f, { defaultedOn: '2026-12-07' }), 'defaultedOn', 'NOT_FUTURE'],
    ['no loss', (f) => claim(f, { principalLostFen: '0' }), 'principalLostFen', 'POSITIVE_FEN'],
    [
      'a loss above the principal',
      (f) => claim(f, { principalLostFen: '1000000001' }),
      'principalLostFen',
      'ABOVE_PRINCIPAL',
    ],
    [
      'an unknown loan',
      (f) => claim(f, { financingRecordId: randomUUID() }),
      'financingRecordId',
      'NOT_FOUND',
    ],
  ]),
  ...rows('transitionClaim', 'zzAdmin', [
    ['an unknown action', (f) => step(f, { action: 'PAY' }), 'action', 'ONE_OF'],
  ]),
  ...rows(
    'transitionClaim',
    'zzAdmin',
    [['no reason', (f) => step(f, { text: ' ' }), 'reason', 'REQUIRED']],
    'COMPENSATION_CLAIM_REFUSED',
  ),
  {
    op: 'transitionClaim',
    who: 'zzAdmin',
    name: 'a stale version',
    variables: (f) => step(f, { version: f.claimVersion + 1 }),
    code: 'COMPENSATION_CLAIM_CHANGED',
  },
  {
    op: 'transitionClaim',
    who: 'zzOfficer',
    name: 'an officer approves',
    variables: (f) => step(f),
    code: 'FORBIDDEN',
  },
];

describe('finance bad input', () => {
  const clock = new TestClock(new Date('2026-12-06T10:00:00+08:00'));
  let api: TestApi;
  const agents = {} as Record<Who, GraphqlAgent>;
  const fixture = {} as Fixture;

  beforeAll(async () => {
    api = await startTestApi({ clock });
    agents.zzOfficer = await signedInAgent(api, await createUser(ZHUZHOU, ['CITY_OFFICER'], 'fbi'));
    agents.zzAdmin = await signedInAgent(api, await createUser(ZHUZHOU, ['CITY_ADMIN'], 'fbi'));
    agents.provOfficer = await signedInAgent(api, await createUser(PROVINCE, ['PROVINCE_OFFICER'], 'fbi'));
    const p = await financeParties(ZHUZHOU);
    Object.assign(fixture, p);
    const [outsider, university, partner] = await asAdmin(async (c) => {
      const ids: string[] = [];
      for (const type of ['ENTERPRISE', 'UNIVERSITY', 'ENTERPRISE']) {
        const { rows: made } = await c.query<{ id: string }>(
          `INSERT INTO organization (credit_code, name, type, legal_representative, added_by_tenant_id)
           VALUES ($1, $2, $3, '王五', $4) RETURNING id`,
          [creditCode({ division: '430200' }), `错误输入测试${randomUUID().slice(0, 8)}`, type, p.tenantId],
        );
        ids.push(made[0]!.id);
      }
      await c.query(
        `INSERT INTO alliance_member (tenant_id, alliance_id, organization_id, role, joined_on) VALUES ($1, $2, $3, 'MEMBER', '2024-01-01')`,
        [p.tenantId, p.allianceId, ids[2]],
      );
      return ids;
    });
    fixture.outsiderEnterpriseId = outsider!;
    fixture.university = university!;
    fixture.need = await postNeed(agents.zzOfficer, needInput(p));
    fixture.otherNeedId = (await postNeed(agents.zzOfficer, needInput(p, { organizationId: partner }))).id;
    const introduced = dataOf(
      await agents.zzOfficer.send<{ introduceInstitution: NeedView }>(F.introduce, {
        input: { needId: fixture.need.id, institutionId: p.bankId, introducedOn: '2026-11-05' },
      }),
    ).introduceInstitution.introductions[0]!;
    fixture.introductionId = introduced.id;
    fixture.introductionVersion = introduced.version;
    fixture.loanId = (await recordLoan(agents.zzOfficer, loanInput(p))).id;
    fixture.unregisteredLoanId = (
      await recordLoan(agents.zzOfficer, loanInput(p, { registeredOn: null }))
    ).id;
    fixture.lateLoanId = (
      await recordLoan(
        agents.zzOfficer,
        loanInput(p, { grantedOn: '2026-10-01', registeredOn: '2026-11-05' }),
      )
    ).id;
    fixture.equityId = (
      await recordLoan(
        agents.zzOfficer,
        loanInput(p, { form: 'EQUITY', termMonths: null, rateBasisPoints: null, registeredOn: null }),
      )
    ).id;
    const filed = await fileClaim(agents.zzOfficer, {
      financingRecordId: (await recordLoan(agents.zzOfficer, loanInput(p))).id,
      defaultedOn: '2026-12-01',
      principalLostFen: '100',
    });
    fixture.claimId = filed.id;
    fixture.claimVersion = filed.version;
  });

  afterAll(async () => {
    await api?.close();
  });

  badInputCells({
    title: 'finance bad input',
    table: TABLE,
    send: (row) => agents[row.who].send(OPS[row.op], row.variables(fixture)),
    fingerprint: () =>
      asAdmin(async (c) => JSON.stringify((await c.query(tablesFingerprintSql(TABLES))).rows)),
  });
});
