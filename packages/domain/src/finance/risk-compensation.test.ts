import { describe, expect, it } from 'vitest';
import {
  type ClaimedLoan,
  claimViolations,
  compensationAmount,
  filingWindowEnd,
  registeredInWindow,
  RISK_COMPENSATION_DEFAULTS,
  riskCompensationViolations,
} from './risk-compensation.js';

const HALF = { numerator: 1, denominator: 2 };
const FORTY = { numerator: 2, denominator: 5 };

describe('compensation = min(share × principal lost, remaining ceiling)', () => {
  it.each([
    // lost, share, ceiling, paid this year → amount, capped
    ['600000000', HALF, '500000000', '0', '300000000', false],
    ['600000000', HALF, '500000000', '300000000', '200000000', true],
    ['600000000', HALF, '500000000', '500000000', '0', true],
    ['600000000', HALF, '500000000', '700000000', '0', true],
    ['600000000', FORTY, '500000000', '0', '240000000', false],
    ['1', HALF, '500000000', '0', '0', false],
    ['3', HALF, '500000000', '0', '1', false],
    ['1000000000', { numerator: 1, denominator: 1 }, '1000000000', '0', '1000000000', false],
    ['99999999999999', { numerator: 99, denominator: 100 }, '100000000000000', '0', '98999999999999', false],
  ])('lost %s × %o, ceiling %s, paid %s → %s', (lost, share, ceiling, paid, amount, capped) => {
    const figures = compensationAmount(lost, share, ceiling, paid);
    expect(figures.amountFen).toBe(amount);
    expect(figures.cappedByCeiling).toBe(capped);
  });
});

describe('the filing window (China calendar, inclusive)', () => {
  it.each([
    ['2026-01-10', 30, '2026-02-09'],
    ['2026-02-27', 3, '2026-03-02'],
    ['2028-02-27', 3, '2028-03-01'],
    ['2026-12-20', 30, '2027-01-19'],
  ])('granted %s, %i days → last day %s', (granted, days, end) => {
    expect(filingWindowEnd(granted, days)).toBe(end);
  });

  it.each([
    ['2026-01-10', '2026-01-10', 30, true],
    ['2026-01-10', '2026-02-09', 30, true],
    ['2026-01-10', '2026-02-10', 30, false],
    ['2026-01-10', '2026-01-09', 30, false],
  ])('granted %s, registered %s, %i days → %s', (granted, registered, days, inside) => {
    expect(registeredInWindow(granted, registered, days)).toBe(inside);
  });
});

const LOAN: ClaimedLoan = {
  form: 'LOAN',
  amountFen: '1000000000',
  grantedOn: '2026-03-01',
  registeredOn: '2026-03-15',
};
const TODAY = '2026-12-06';
const rules = (v: { field: string; rule: string }[]) => v.map((x) => `${x.field} ${x.rule}`);

describe('a claim on a loan', () => {
  it.each<[string, Partial<ClaimedLoan>, { defaultedOn?: string; principalLostFen?: string }, string[]]>([
    ['a registered loan in default', {}, {}, []],
    ['an IP-pledge loan', { form: 'IP_PLEDGE_LOAN' }, {}, []],
    ['equity', { form: 'EQUITY' }, {}, ['financingRecordId NOT_A_LOAN']],
    ['insurance', { form: 'INSURANCE' }, {}, ['financingRecordId NOT_A_LOAN']],
    ['an unregistered loan', { registeredOn: null }, {}, ['financingRecordId NOT_REGISTERED']],
    [
      'registered past the window',
      { registeredOn: '2026-04-01' },
      {},
      ['financingRecordId OUTSIDE_FILING_WINDOW'],
    ],
    ['registered on its last day', { registeredOn: '2026-03-31' }, {}, []],
    ['a default before the grant', {}, { defaultedOn: '2026-02-28' }, ['defaultedOn NOT_BEFORE_GRANT']],
    ['a default in the future', {}, { defaultedOn: '2026-12-07' }, ['defaultedOn NOT_FUTURE']],
    ['a default on no date', {}, { defaultedOn: '2026-02-30' }, ['defaultedOn CALENDAR_DATE']],
    ['no loss', {}, { principalLostFen: '0' }, ['principalLostFen POSITIVE_FEN']],
    ['a loss in yuan', {}, { principalLostFen: '12.5' }, ['principalLostFen POSITIVE_FEN']],
    [
      'a loss above the principal',
      {},
      { principalLostFen: '1000000001' },
      ['principalLostFen ABOVE_PRINCIPAL'],
    ],
    ['a loss of the whole principal', {}, { principalLostFen: '1000000000' }, []],
  ])('%s', (_case, loan, claim, expected) => {
    const v = claimViolations(
      { ...LOAN, ...loan },
      { defaultedOn: '2026-11-01', principalLostFen: '600000000', ...claim },
      { filingWindowDays: 30 },
      TODAY,
    );
    expect(rules(v)).toEqual(expected);
  });
});

describe('the scheme parameters', () => {
  it('the defaults hold', () => {
    expect(riskCompensationViolations(RISK_COMPENSATION_DEFAULTS)).toEqual([]);
  });

  it.each<[string, object, string[]]>([
    [
      'a share above one',
      { share: { numerator: 3, denominator: 2 } },
      ['riskCompensation.share.numerator INTEGER_RANGE'],
    ],
    [
      'a zero denominator',
      { share: { numerator: 0, denominator: 0 } },
      ['riskCompensation.share.denominator INTEGER_RANGE'],
    ],
    [
      'a ceiling in yuan',
      { perBankYearlyCeilingFen: '5000000.5' },
      ['riskCompensation.perBankYearlyCeilingFen FEN'],
    ],
    [
      'a ceiling as a number',
      { perBankYearlyCeilingFen: 500 },
      ['riskCompensation.perBankYearlyCeilingFen FEN'],
    ],
    ['no window', { filingWindowDays: 0 }, ['riskCompensation.filingWindowDays INTEGER_RANGE']],
    ['a window over a year', { filingWindowDays: 366 }, ['riskCompensation.filingWindowDays INTEGER_RANGE']],
  ])('%s is refused', (_case, change, expected) => {
    expect(rules(riskCompensationViolations({ ...RISK_COMPENSATION_DEFAULTS, ...change }))).toEqual(expected);
  });
});
