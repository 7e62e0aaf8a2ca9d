import { describe, expect, it } from 'vitest';
import { HUNAN_2016_PARAMETERS, resolveParameters } from '../measures/measures-parameters.js';
import {
  correctionDeadlinePassed,
  correctionDeadlineViolations,
  DEFAULT_FILING_DOCUMENTS,
  type FilingRound,
  filingRoundDefaults,
  filingRoundViolations,
  filingValidThrough,
  quotaLeft,
  quotaViolations,
  roundIsOpen,
  roundWindow,
} from './filing-round.js';

const at = (iso: string) => new Date(iso);
const round: FilingRound = {
  year: 2027,
  documentNumber: '湘科函〔2027〕8号',
  status: 'PUBLISHED',
  opensAt: at('2027-03-01T09:00:00+08:00'),
  closesAt: at('2027-04-30T17:00:00+08:00'),
  quotaPerUnit: 3,
  reviewRequired: false,
  noticeDays: 5,
  requiredDocuments: [...DEFAULT_FILING_DOCUMENTS],
};

describe('filingRoundDefaults', () => {
  it('starts from the measures in force, without quota, asking for the usual documents', () => {
    expect(filingRoundDefaults(HUNAN_2016_PARAMETERS)).toEqual({
      reviewRequired: false,
      noticeDays: 5,
      quotaPerUnit: null,
      requiredDocuments: [
        'RECOMMENDATION_LETTER',
        'FILING_FORM',
        'AGREEMENT_OR_CHARTER',
        'COUNCIL_COMPOSITION',
        'PILOT_DECISION',
      ],
    });
  });

  it('follows measures that ask for review and no notice', () => {
    const strict = resolveParameters(HUNAN_2016_PARAMETERS, {
      filing: { reviewRequired: true, noticeDays: 0 },
    });
    expect(filingRoundDefaults(strict)).toMatchObject({ reviewRequired: true, noticeDays: 0 });
  });

  it('hands out a list the round may change without touching the defaults', () => {
    filingRoundDefaults(HUNAN_2016_PARAMETERS).requiredDocuments.pop();
    expect(DEFAULT_FILING_DOCUMENTS).toHaveLength(5);
  });
});

describe('filingRoundViolations', () => {
  it('accepts a round, with or without quota, documents or notice', () => {
    expect(filingRoundViolations(round)).toEqual([]);
    expect(
      filingRoundViolations({ ...round, quotaPerUnit: null, requiredDocuments: [], noticeDays: 0 }),
    ).toEqual([]);
  });

  it.each<[string, Partial<FilingRound>, string, string]>([
    ['a fractional year', { year: 2027.5 }, 'year', 'INTEGER_RANGE'],
    ['a year before the measures', { year: 2015 }, 'year', 'INTEGER_RANGE'],
    ['no document number', { documentNumber: '  ' }, 'documentNumber', 'REQUIRED'],
    [
      'a document number of 101 characters',
      { documentNumber: '湘'.repeat(101) },
      'documentNumber',
      'TOO_LONG',
    ],
    [
      'a NUL in the document number',
      { documentNumber: '湘科\u0000函' },
      'documentNumber',
      'CONTROL_CHARACTER',
    ],
    ['no opening', { opensAt: new Date(Number.NaN) }, 'opensAt', 'INSTANT'],
    ['no closing', { closesAt: new Date(Number.NaN) }, 'closesAt', 'INSTANT'],
    ['closing when it opens', { closesAt: round.opensAt }, 'closesAt', 'AFTER_OPENS_AT'],
    ['closing before it opens', { closesAt: at('2027-02-28T00:00:00+08:00') }, 'closesAt', 'AFTER_OPENS_AT'],
    ['a zero quota', { quotaPerUnit: 0 }, 'quotaPerUnit', 'INTEGER_RANGE'],
    ['a fractional quota', { quotaPerUnit: 1.5 }, 'quotaPerUnit', 'INTEGER_RANGE'],
    ['a quota of 101', { quotaPerUnit: 101 }, 'quotaPerUnit', 'INTEGER_RANGE'],
    ['review as a word', { reviewRequired: 'no' as never }, 'reviewRequired', 'BOOLEAN'],
    ['negative notice days', { noticeDays: -1 }, 'noticeDays', 'INTEGER_RANGE'],
    ['a 61-day notice', { noticeDays: 61 }, 'noticeDays', 'INTEGER_RANGE'],
    [
      'an unknown document',
      { requiredDocuments: ['FILING_FORM', 'PHOTO' as never] },
      'requiredDocuments.1',
      'ONE_OF',
    ],
    [
      'a document listed twice',
      { requiredDocuments: ['FILING_FORM', 'FILING_FORM'] },
      'requiredDocuments.1',
      'DUPLICATE',
    ],
  ])('names %s', (_name, change, field, rule) => {
    const violations = filingRoundViolations({ ...round, ...change });
    expect(violations).toMatchObject([{ field, rule }]);
    expect(violations[0]!.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('names every failing field at once', () => {
    expect(
      filingRoundViolations({ ...round, year: 1, documentNumber: '', noticeDays: -1 }).map((v) => v.field),
    ).toEqual(['year', 'documentNumber', 'noticeDays']);
  });
});

describe('roundIsOpen', () => {
  it.each([
    ['a second before opening', '2027-03-01T08:59:59+08:00', false],
    ['at opening', '2027-03-01T09:00:00+08:00', true],
    ['a second before closing', '2027-04-30T16:59:59+08:00', true],
    ['at closing', '2027-04-30T17:00:00+08:00', false],
    ['after closing', '2027-05-01T00:00:00+08:00', false],
  ])('%s: %s', (_name, now, open) => {
    expect(roundIsOpen(round, at(now))).toBe(open);
  });

  it('is never open as a draft', () => {
    expect(roundIsOpen({ ...round, status: 'DRAFT' }, at('2027-03-10T00:00:00+08:00'))).toBe(false);
  });

  it('words the window in China time', () => {
    expect(roundWindow(round)).toBe('2027-03-01 09:00 至 2027-04-30 17:00（北京时间）');
  });
});

describe('quota', () => {
  it.each([
    [3, 0, 3, true],
    [3, 2, 1, true],
    [3, 3, 0, false],
    [3, 4, 0, false],
    [null, 50, null, true],
  ] as const)('quota %s with %s used leaves %s (may send: %s)', (quotaPerUnit, used, left, may) => {
    expect(quotaLeft({ quotaPerUnit }, used)).toBe(left);
    expect(quotaViolations({ quotaPerUnit }, used).length === 0).toBe(may);
  });

  it('says what the quota is and how many were sent', () => {
    expect(quotaViolations({ quotaPerUnit: 2 }, 2)).toEqual([
      {
        field: 'round.quotaPerUnit',
        rule: 'QUOTA_USED',
        message: '本批次每个推荐单位限报 2 项，本单位已报 2 项',
      },
    ]);
  });
});

describe('correction deadline', () => {
  const today = '2027-03-20';
  it.each<[string | null, string | null]>([
    ['2027-03-21', null],
    ['2027-05-19', null],
    [null, 'REQUIRED'],
    ['', 'REQUIRED'],
    ['2027-02-30', 'CALENDAR_DATE'],
    ['next week', 'CALENDAR_DATE'],
    ['2027-03-20', 'AFTER_TODAY'],
    ['2027-03-01', 'AFTER_TODAY'],
    ['2027-05-20', 'WITHIN_DAYS'],
  ])('%s → %s', (deadline, rule) => {
    const violations = correctionDeadlineViolations(deadline, today);
    expect(violations.map((v) => v.rule)).toEqual(rule ? [rule] : []);
    for (const v of violations) expect(v.field).toBe('correctionDeadline');
  });

  it.each([
    ['the day before', '2027-04-09', false],
    ['on the day', '2027-04-10', false],
    ['the day after', '2027-04-11', true],
  ])('has passed %s: %s', (_name, on, passed) => {
    expect(correctionDeadlinePassed(on, '2027-04-10')).toBe(passed);
  });

  it('never passes when none was set', () => {
    expect(correctionDeadlinePassed('2099-01-01', null)).toBe(false);
  });
});

describe('filingValidThrough', () => {
  it.each([
    ['2027-03-15', 3, '2030-03-14'],
    ['2027-01-01', 1, '2027-12-31'],
    ['2027-03-01', 1, '2028-02-29'],
    ['2028-02-29', 3, '2031-02-28'],
    ['2028-02-29', 4, '2032-02-28'],
    ['2027-12-31', 10, '2037-12-30'],
  ] as const)('filed %s for %s years: valid through %s', (filedOn, years, through) => {
    expect(filingValidThrough(filedOn, years)).toBe(through);
  });
});
