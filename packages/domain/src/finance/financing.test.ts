import { describe, expect, it } from 'vitest';
import {
  type FinancingNeedInput,
  financingNeedViolations,
  type FinancingRecordInput,
  financingRecordViolations,
  isFinancialInstitution,
} from './financing.js';
import { needVisibleToInstitution } from './need-visibility.js';

const rules = (v: { field: string; rule: string }[]) => v.map((x) => `${x.field} ${x.rule}`);

const NEED: FinancingNeedInput = {
  amountFen: '1000000000',
  purpose: '牵引电机产线扩产',
  termMonths: 36,
  preferredForm: 'LOAN',
  postedOn: '2026-11-02',
};

describe('a financing need', () => {
  it.each<[string, Partial<FinancingNeedInput>, string[]]>([
    ['¥10,000,000 for three years', {}, []],
    ['no amount', { amountFen: '0' }, ['amountFen POSITIVE_FEN']],
    ['an amount in yuan', { amountFen: '100.5' }, ['amountFen POSITIVE_FEN']],
    ['above the largest amount', { amountFen: '100000000000001' }, ['amountFen POSITIVE_FEN']],
    ['no purpose', { purpose: '  ' }, ['purpose REQUIRED']],
    ['a long purpose', { purpose: '用'.repeat(501) }, ['purpose TOO_LONG']],
    ['no term', { termMonths: 0 }, ['termMonths INTEGER_RANGE']],
    ['a half month', { termMonths: 1.5 }, ['termMonths INTEGER_RANGE']],
    ['over thirty years', { termMonths: 361 }, ['termMonths INTEGER_RANGE']],
    ['an unknown form', { preferredForm: 'GRANT' }, ['preferredForm ONE_OF']],
    ['no date', { postedOn: '2026-13-01' }, ['postedOn CALENDAR_DATE']],
  ])('%s', (_case, change, expected) => {
    expect(rules(financingNeedViolations({ ...NEED, ...change }))).toEqual(expected);
  });
});

const LOAN: FinancingRecordInput = {
  form: 'LOAN',
  amountFen: '1000000000',
  grantedOn: '2026-11-20',
  termMonths: 36,
  rateBasisPoints: 385,
  registeredOn: '2026-11-25',
};

describe('a financing record', () => {
  it.each<[string, Partial<FinancingRecordInput>, string[]]>([
    ['a registered loan', {}, []],
    ['an unregistered loan without a rate', { rateBasisPoints: null, registeredOn: null }, []],
    [
      'equity without term',
      { form: 'EQUITY', termMonths: null, rateBasisPoints: null, registeredOn: null },
      [],
    ],
    ['a loan without term', { termMonths: null }, ['termMonths REQUIRED']],
    [
      'equity with a rate',
      { form: 'EQUITY', rateBasisPoints: 500, registeredOn: null },
      ['rateBasisPoints LOANS_ONLY'],
    ],
    [
      'insurance registered with the scheme',
      { form: 'INSURANCE', rateBasisPoints: null },
      ['registeredOn LOANS_ONLY'],
    ],
    ['a rate above 36 %', { rateBasisPoints: 3601 }, ['rateBasisPoints INTEGER_RANGE']],
    ['a negative rate', { rateBasisPoints: -1 }, ['rateBasisPoints INTEGER_RANGE']],
    ['registered before the grant', { registeredOn: '2026-11-19' }, ['registeredOn NOT_BEFORE_GRANT']],
    ['an unknown form', { form: 'GIFT', rateBasisPoints: null, registeredOn: null }, ['form ONE_OF']],
    ['no amount', { amountFen: '-5' }, ['amountFen POSITIVE_FEN']],
    ['a grant on no date', { grantedOn: '2026-02-29', registeredOn: null }, ['grantedOn CALENDAR_DATE']],
  ])('%s', (_case, change, expected) => {
    expect(rules(financingRecordViolations({ ...LOAN, ...change }))).toEqual(expected);
  });
});

describe('who sees a need', () => {
  it.each([
    [false, true, false, 'ALLIANCE_MEMBER'],
    [true, true, true, 'ALLIANCE_MEMBER'],
    [true, false, true, 'LINKAGE_PROGRAMME'],
    [false, false, true, null],
    [true, false, false, null],
    [false, false, false, null],
  ])(
    'in programme %s, member %s, enrolled %s → %s',
    (inLinkageProgramme, institutionInAlliance, enrolled, seen) => {
      expect(
        needVisibleToInstitution({
          inLinkageProgramme,
          institutionInAlliance,
          institutionInLinkageProgramme: enrolled,
        }),
      ).toBe(seen);
    },
  );

  it.each([
    ['BANK', true],
    ['VENTURE_CAPITAL', true],
    ['GUARANTEE', true],
    ['INSURANCE', true],
    ['ENTERPRISE', false],
    ['UNIVERSITY', false],
  ])('%s is a financial institution: %s', (type, expected) => {
    expect(isFinancialInstitution(type)).toBe(expected);
  });
});
