import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BudgetContext,
  budgetBySource,
  budgetViolations,
  type ProjectBudget,
  reallocationViolations,
  supportSourceOf,
} from './project-budget.js';

const yuan = (n: number) => (BigInt(n) * 100n).toString();
const AWARD = { awardFen: yuan(3_000_000), authorityLevel: 'PROVINCE' as const };

const budget: ProjectBudget = {
  totalFen: yuan(10_000_000),
  lines: [
    { source: 'PROVINCIAL_SUPPORT', amountFen: yuan(3_000_000), purpose: '设备与材料' },
    { source: 'CITY_MATCHING', amountFen: yuan(1_000_000), purpose: '' },
    { source: 'SELF_RAISED', amountFen: yuan(5_000_000), purpose: '中试' },
    { source: 'SELF_RAISED', amountFen: yuan(1_000_000), purpose: '人员' },
  ],
};

const rules = (b: ProjectBudget, context: BudgetContext = AWARD) =>
  budgetViolations(b, context).map((v) => `${v.field} ${v.rule}`);

describe('a project’s budget', () => {
  it('holds when its lines add up and support stays within the award', () => {
    expect(budgetViolations(budget, AWARD)).toEqual([]);
    expect(budgetBySource(budget)).toEqual({
      PROVINCIAL_SUPPORT: yuan(3_000_000),
      CITY_MATCHING: yuan(1_000_000),
      SELF_RAISED: yuan(6_000_000),
    });
  });

  it('reads the support line of the awarding level', () => {
    expect(supportSourceOf('PROVINCE')).toBe('PROVINCIAL_SUPPORT');
    expect(supportSourceOf('CITY')).toBe('CITY_MATCHING');
  });

  it.each<[string, ProjectBudget, string[]]>([
    ['no total', { ...budget, totalFen: '0' }, ['budget.totalFen POSITIVE_FEN']],
    ['a total in 元', { ...budget, totalFen: '100000.00' }, ['budget.totalFen POSITIVE_FEN']],
    ['no lines', { ...budget, lines: [] }, ['budget.lines REQUIRED', 'budget.lines LINES_SUM_TOTAL']],
    [
      'lines a fen short',
      { ...budget, totalFen: (BigInt(budget.totalFen) + 1n).toString() },
      ['budget.lines LINES_SUM_TOTAL'],
    ],
    [
      'support above the award',
      {
        totalFen: yuan(10_000_001),
        lines: [
          ...budget.lines.slice(1),
          { source: 'PROVINCIAL_SUPPORT', amountFen: yuan(3_000_001), purpose: '' },
        ],
      },
      ['budget.lines SUPPORT_WITHIN_AWARD'],
    ],
    [
      'support split over two lines, together above the award',
      {
        totalFen: yuan(11_000_000),
        lines: [...budget.lines, { source: 'PROVINCIAL_SUPPORT', amountFen: yuan(1_000_000), purpose: '' }],
      },
      ['budget.lines SUPPORT_WITHIN_AWARD'],
    ],
    [
      'a negative line',
      { ...budget, lines: [{ source: 'SELF_RAISED', amountFen: '-1', purpose: '' }] },
      ['budget.lines.0.amountFen FEN'],
    ],
    [
      'an unknown source',
      { ...budget, lines: [{ source: 'LOTTERY' as never, amountFen: yuan(1), purpose: '' }] },
      ['budget.lines.0.source ONE_OF'],
    ],
    [
      'a purpose too long',
      { ...budget, lines: [{ ...budget.lines[0]!, purpose: '用'.repeat(201) }, ...budget.lines.slice(1)] },
      ['budget.lines.0.purpose TOO_LONG'],
    ],
  ])('refuses %s', (_name, b, expected) => {
    expect(rules(b)).toEqual(expected);
  });

  it('holds a city’s own support on its line', () => {
    const city = { awardFen: yuan(500_000), authorityLevel: 'CITY' as const };
    const b: ProjectBudget = {
      totalFen: yuan(2_000_000),
      lines: [
        { source: 'CITY_MATCHING', amountFen: yuan(500_000), purpose: '' },
        { source: 'SELF_RAISED', amountFen: yuan(1_500_000), purpose: '' },
      ],
    };
    expect(rules(b, city)).toEqual([]);
    expect(
      rules(
        {
          ...b,
          lines: [
            { ...b.lines[0]!, amountFen: yuan(600_000) },
            { ...b.lines[1]!, amountFen: yuan(1_400_000) },
          ],
        },
        city,
      ),
    ).toEqual(['budget.lines SUPPORT_WITHIN_AWARD']);
  });

  it('holds exactly when the lines add up to the total and support is within the award', () => {
    const line = fc.record({
      source: fc.constantFrom(
        'PROVINCIAL_SUPPORT' as const,
        'CITY_MATCHING' as const,
        'SELF_RAISED' as const,
      ),
      amountFen: fc.bigInt({ min: 0n, max: 10n ** 10n }).map(String),
      purpose: fc.constant(''),
    });
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 6 }),
        fc.bigInt({ min: -5n, max: 5n }),
        fc.bigInt({ min: 0n, max: 10n ** 10n }),
        (lines, skew, award) => {
          const sum = lines.reduce((s, l) => s + BigInt(l.amountFen), 0n);
          const support = lines
            .filter((l) => l.source === 'PROVINCIAL_SUPPORT')
            .reduce((s, l) => s + BigInt(l.amountFen), 0n);
          const total = sum + skew;
          fc.pre(total > 0n);
          const found = rules(
            { totalFen: total.toString(), lines },
            { awardFen: award.toString(), authorityLevel: 'PROVINCE' },
          );
          expect(found.includes('budget.lines LINES_SUM_TOTAL')).toBe(skew !== 0n);
          expect(found.includes('budget.lines SUPPORT_WITHIN_AWARD')).toBe(support > award);
        },
      ),
    );
  });
});

describe('a reallocation between lines', () => {
  it('moves money between lines and keeps the total', () => {
    const after: ProjectBudget = {
      ...budget,
      lines: [
        { source: 'PROVINCIAL_SUPPORT', amountFen: yuan(3_000_000), purpose: '设备与材料' },
        { source: 'CITY_MATCHING', amountFen: yuan(1_000_000), purpose: '' },
        { source: 'SELF_RAISED', amountFen: yuan(6_000_000), purpose: '中试与人员' },
      ],
    };
    expect(reallocationViolations(budget, after, AWARD)).toEqual([]);
  });

  it('refuses to change the total', () => {
    const after: ProjectBudget = {
      totalFen: yuan(9_000_000),
      lines: budget.lines.slice(0, 3),
    };
    expect(reallocationViolations(budget, after, AWARD).map((v) => `${v.field} ${v.rule}`)).toEqual([
      'budget.totalFen TOTAL_UNCHANGED',
    ]);
  });

  it('refuses to move more support in than was awarded', () => {
    const after: ProjectBudget = {
      ...budget,
      lines: [
        { source: 'PROVINCIAL_SUPPORT', amountFen: yuan(4_000_000), purpose: '' },
        { source: 'SELF_RAISED', amountFen: yuan(6_000_000), purpose: '' },
      ],
    };
    expect(reallocationViolations(budget, after, AWARD).map((v) => `${v.field} ${v.rule}`)).toEqual([
      'budget.lines SUPPORT_WITHIN_AWARD',
    ]);
  });
});
