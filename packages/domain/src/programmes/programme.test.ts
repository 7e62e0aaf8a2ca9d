import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HUNAN_2016_PARAMETERS } from '../measures/measures-parameters.js';
import {
  awardAmountViolations,
  type Programme,
  programmeBudgetLeftFen,
  programmeDefaults,
  programmeViolations,
} from './programme.js';

const programme: Programme = {
  tenantId: 'province',
  level: 'PROVINCE',
  kind: 'PLAN_PROJECT',
  name: '2027 年度省科技计划联盟重大产业技术创新项目',
  year: 2027,
  totalBudgetFen: '5000000000',
  perProjectCapFen: '500000000',
  ...programmeDefaults(HUNAN_2016_PARAMETERS),
};

const rules = (change: Partial<Programme>) =>
  programmeViolations({ ...programme, ...change }).map((v) => `${v.field} ${v.rule}`);

describe('a programme', () => {
  it('starts from the measures’ criteria and notice', () => {
    expect(programmeDefaults(HUNAN_2016_PARAMETERS)).toEqual({
      criteria: HUNAN_2016_PARAMETERS.review.criteria,
      awardNoticeDays: 5,
      acceptanceNoticeDays: 5,
    });
    expect(programmeDefaults(HUNAN_2016_PARAMETERS).criteria).not.toBe(HUNAN_2016_PARAMETERS.review.criteria);
    expect(programmeViolations(programme)).toEqual([]);
  });

  it('may set no cap and no notice', () => {
    expect(rules({ perProjectCapFen: null, awardNoticeDays: 0, acceptanceNoticeDays: 0 })).toEqual([]);
  });

  it.each<[string, Partial<Programme>, string[]]>([
    ['no name', { name: ' ' }, ['name REQUIRED']],
    ['a name too long', { name: '计'.repeat(101) }, ['name TOO_LONG']],
    ['an unknown kind', { kind: 'PLATFORM' as never }, ['kind ONE_OF']],
    ['a year before the measures', { year: 2015 }, ['year INTEGER_RANGE']],
    ['a fractional year', { year: 2027.5 }, ['year INTEGER_RANGE']],
    ['no budget', { totalBudgetFen: '0' }, ['totalBudgetFen POSITIVE_FEN']],
    ['a budget in 元', { totalBudgetFen: '50000000.00' }, ['totalBudgetFen POSITIVE_FEN']],
    ['a zero cap', { perProjectCapFen: '0' }, ['perProjectCapFen POSITIVE_FEN']],
    ['a cap above the budget', { perProjectCapFen: '5000000001' }, ['perProjectCapFen WITHIN_TOTAL']],
    [
      'weights not adding to 100',
      { criteria: programme.criteria.map((c) => ({ ...c, weight: 10 })) },
      ['criteria WEIGHTS_SUM_100'],
    ],
    [
      'seven criteria',
      { criteria: programme.criteria.slice(1) },
      ['criteria ART_11_CRITERIA', 'criteria WEIGHTS_SUM_100'],
    ],
    [
      'a negative weight',
      { criteria: programme.criteria.map((c, i) => ({ ...c, weight: i === 0 ? -5 : c.weight })) },
      ['criteria.0.weight INTEGER_RANGE', 'criteria WEIGHTS_SUM_100'],
    ],
    ['negative notice', { awardNoticeDays: -1 }, ['awardNoticeDays INTEGER_RANGE']],
    ['a two-month notice', { acceptanceNoticeDays: 61 }, ['acceptanceNoticeDays INTEGER_RANGE']],
  ])('refuses %s', (_name, change, expected) => {
    expect(rules(change)).toEqual(expected);
  });
});

describe('the award against the programme’s budget', () => {
  it('counts down what the awards took, never below zero', () => {
    expect(programmeBudgetLeftFen('5000000000', [])).toBe('5000000000');
    expect(programmeBudgetLeftFen('5000000000', ['300000000', '200000000'])).toBe('4500000000');
    expect(programmeBudgetLeftFen('500', ['300', '300'])).toBe('0');
  });

  it.each<[string, string, string, string, string[]]>([
    ['the amount asked', '300000000', '300000000', '4500000000', []],
    ['less than asked', '200000000', '300000000', '4500000000', []],
    ['all that is left', '300000000', '300000000', '300000000', []],
    ['nothing', '0', '300000000', '4500000000', ['awardFen POSITIVE_FEN']],
    ['not an amount', '3e8', '300000000', '4500000000', ['awardFen POSITIVE_FEN']],
    ['more than asked', '300000001', '300000000', '4500000000', ['awardFen WITHIN_REQUEST']],
    ['more than is left', '300000000', '300000000', '299999999', ['awardFen WITHIN_PROGRAMME_BUDGET']],
  ])('%s', (_name, award, requested, left, expected) => {
    expect(awardAmountViolations(award, requested, left).map((v) => `${v.field} ${v.rule}`)).toEqual(
      expected,
    );
  });

  it('never lets awards made within the budget left exceed the total', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        fc.array(fc.bigInt({ min: 1n, max: 10n ** 11n }), { maxLength: 30 }),
        (total, asks) => {
          const made: string[] = [];
          for (const ask of asks) {
            const left = programmeBudgetLeftFen(total.toString(), made);
            if (awardAmountViolations(ask.toString(), ask.toString(), left).length === 0)
              made.push(ask.toString());
          }
          expect(made.reduce((s, a) => s + BigInt(a), 0n) <= total).toBe(true);
        },
      ),
    );
  });
});
