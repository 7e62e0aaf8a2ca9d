import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, isCalendarDate } from '../calendar/calendar-date.js';
import {
  activeDebarmentsOf,
  type Debarment,
  debarmentActiveOn,
  debarmentRefusalMessage,
  debarmentUntil,
  debarmentViolations,
  liftingViolations,
  recordDebarment,
} from './debarment.js';

const debarment: Debarment = {
  organizationId: 'org-csr',
  organizationName: '株洲中车时代电气股份有限公司',
  reason: '违反项目知识产权收益分配约定',
  article: '第二十条第（二）项',
  decisionDocument: '湘科计〔2028〕12号',
  fromDate: '2028-03-15',
  untilDate: '2033-03-15',
  lifted: null,
};

describe('the last day of a debarment (民法典第二百零一、二百零二条)', () => {
  it.each([
    ['2028-03-15', 5, '2033-03-15'],
    ['2027-01-01', 5, '2032-01-01'],
    ['2027-12-31', 5, '2032-12-31'],
    // A 29 February start: the corresponding day exists only in a leap year.
    ['2028-02-29', 5, '2033-02-28'],
    ['2028-02-29', 4, '2032-02-29'],
    ['2024-02-29', 1, '2025-02-28'],
    ['2027-02-28', 5, '2032-02-28'],
    ['2027-03-01', 1, '2028-03-01'],
    ['2028-03-15', 1, '2029-03-15'],
  ])('%s for %i years ends on %s', (from, years, until) => {
    expect(debarmentUntil(from, years)).toBe(until);
  });

  it('always ends in the final year, on the same day or the end of February', () => {
    const dates = fc
      .record({ y: fc.integer({ min: 2016, max: 2090 }), dayOfYear: fc.integer({ min: 0, max: 365 }) })
      .map(({ y, dayOfYear }) => addCalendarDays(`${y}-01-01`, dayOfYear));
    fc.assert(
      fc.property(dates, fc.integer({ min: 1, max: 20 }), (from, years) => {
        const until = debarmentUntil(from, years);
        expect(isCalendarDate(until)).toBe(true);
        expect(Number(until.slice(0, 4))).toBe(Number(from.slice(0, 4)) + years);
        if (from.slice(5) === '02-29') expect(['02-28', '02-29']).toContain(until.slice(5));
        else expect(until.slice(5)).toBe(from.slice(5));
        expect(until > from).toBe(true);
      }),
    );
  });
});

describe('whether a debarment is in force', () => {
  it.each<[string, Debarment, string, boolean]>([
    ['the day before it starts', debarment, '2028-03-14', false],
    ['its first day', debarment, '2028-03-15', true],
    ['midway', debarment, '2030-07-01', true],
    ['its last day', debarment, '2033-03-15', true],
    ['the day after', debarment, '2033-03-16', false],
    [
      'the day before lifting',
      { ...debarment, lifted: { on: '2030-01-10', reason: '复议撤销' } },
      '2030-01-09',
      true,
    ],
    [
      'the day it is lifted',
      { ...debarment, lifted: { on: '2030-01-10', reason: '复议撤销' } },
      '2030-01-10',
      false,
    ],
    [
      'after lifting',
      { ...debarment, lifted: { on: '2030-01-10', reason: '复议撤销' } },
      '2031-01-01',
      false,
    ],
  ])('%s', (_name, d, date, active) => {
    expect(debarmentActiveOn(d, date)).toBe(active);
  });

  it('finds the debarments in force against any of the units', () => {
    const other: Debarment = {
      ...debarment,
      organizationId: 'org-other',
      fromDate: '2030-01-01',
      untilDate: '2035-01-01',
    };
    const register = [debarment, other];
    expect(activeDebarmentsOf(register, ['org-csr', 'org-x'], '2029-01-01')).toEqual([debarment]);
    expect(activeDebarmentsOf(register, ['org-csr', 'org-other'], '2031-01-01')).toEqual([debarment, other]);
    expect(activeDebarmentsOf(register, ['org-x'], '2031-01-01')).toEqual([]);
    expect(activeDebarmentsOf(register, [], '2031-01-01')).toEqual([]);
  });

  it('is in force exactly between its dates while not lifted', () => {
    fc.assert(
      fc.property(fc.integer({ min: -400, max: 2400 }), (offset) => {
        const date = addCalendarDays(debarment.fromDate, offset);
        expect(debarmentActiveOn(debarment, date)).toBe(
          date >= debarment.fromDate && date <= debarment.untilDate,
        );
      }),
    );
  });
});

describe('the refusal', () => {
  it('names the unit, the decision, the last day and the article', () => {
    expect(debarmentRefusalMessage(debarment)).toBe(
      '「株洲中车时代电气股份有限公司」已被湘科计〔2028〕12号决定禁止参与省级科技计划，禁入期至 2033-03-15 止（第二十条第（二）项）',
    );
  });
});

describe('recording and lifting', () => {
  const input = {
    organizationId: 'org-csr',
    organizationName: '株洲中车时代电气股份有限公司',
    reason: ' 违反项目知识产权收益分配约定 ',
    article: '第二十条第（二）项',
    decisionDocument: '湘科计〔2028〕12号',
    fromDate: '2028-02-29',
  };

  it('computes the last day from the measures’ years', () => {
    expect(debarmentViolations(input, 5)).toEqual([]);
    expect(recordDebarment(input, 5)).toEqual({
      ...input,
      reason: '违反项目知识产权收益分配约定',
      untilDate: '2033-02-28',
      lifted: null,
    });
  });

  it.each<[string, Partial<typeof input>, number, string[]]>([
    ['no unit', { organizationId: ' ' }, 5, ['organizationId REQUIRED']],
    ['no reason', { reason: '  ' }, 5, ['reason REQUIRED']],
    ['no decision document', { decisionDocument: '' }, 5, ['decisionDocument REQUIRED']],
    ['no article', { article: '' }, 5, ['article REQUIRED']],
    ['a reason with a NUL', { reason: '违约\u0000' }, 5, ['reason CONTROL_CHARACTER']],
    ['a reason too long', { reason: '违'.repeat(2001) }, 5, ['reason TOO_LONG']],
    ['a date that does not exist', { fromDate: '2027-02-29' }, 5, ['fromDate DATE']],
    ['measures without a period', {}, 0, ['debarmentYears NO_DEBARMENT_PERIOD']],
  ])('refuses %s', (_name, change, years, rules) => {
    expect(debarmentViolations({ ...input, ...change }, years).map((v) => `${v.field} ${v.rule}`)).toEqual(
      rules,
    );
  });

  it.each<[string, Debarment, { on: string; reason: string }, string[]]>([
    ['a lifting with its reason', debarment, { on: '2030-01-10', reason: '行政复议决定撤销' }, []],
    ['a lifting on the first day', debarment, { on: '2028-03-15', reason: '决定有误' }, []],
    ['a lifting without reason', debarment, { on: '2030-01-10', reason: ' ' }, ['reason REQUIRED']],
    ['a lifting after the end', debarment, { on: '2033-03-16', reason: '期满' }, ['on WITHIN_DEBARMENT']],
    [
      'a lifting before the start',
      debarment,
      { on: '2028-03-14', reason: '决定有误' },
      ['on WITHIN_DEBARMENT'],
    ],
    ['a lifting on no date', debarment, { on: '2030-13-01', reason: '决定有误' }, ['on DATE']],
    [
      'a second lifting',
      { ...debarment, lifted: { on: '2030-01-10', reason: '复议' } },
      { on: '2030-02-01', reason: '再次解除' },
      ['lifted ALREADY_LIFTED'],
    ],
  ])('%s', (_name, d, lifting, rules) => {
    expect(liftingViolations(d, lifting).map((v) => `${v.field} ${v.rule}`)).toEqual(rules);
  });
});
