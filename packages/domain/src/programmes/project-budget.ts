import { fieldViolation, type FieldViolation } from '../errors/error-codes.js';
import { formatYuan, isFen } from '../money/fen.js';
import type { TenantLevel } from '../tenancy/divisions.js';
import { checkControlCharacters } from '../text/control-characters.js';

// A project's budget (立项 and its task contract) by source of money, each line integer fen: the
// lines add up to the total, and the support line of the awarding authority never exceeds the
// award. The database checks the same sums again; these give the user the field and the rule.

export const BudgetSource = {
  /** 省级财政支持: the province's award. */
  PROVINCIAL_SUPPORT: 'PROVINCIAL_SUPPORT',
  /** 市州配套: the city's money, matching a provincial award or awarded by its own programme. */
  CITY_MATCHING: 'CITY_MATCHING',
  /** 自筹: the participants' own money. */
  SELF_RAISED: 'SELF_RAISED',
} as const;
export type BudgetSource = (typeof BudgetSource)[keyof typeof BudgetSource];

export const BUDGET_SOURCES: readonly BudgetSource[] = Object.values(BudgetSource);

export const BUDGET_SOURCE_LABELS: Record<BudgetSource, string> = {
  PROVINCIAL_SUPPORT: '省级财政支持',
  CITY_MATCHING: '市州配套',
  SELF_RAISED: '自筹',
};

export type BudgetLine = { source: BudgetSource; amountFen: string; purpose: string };
export type ProjectBudget = { totalFen: string; lines: BudgetLine[] };

export const PURPOSE_MAX_CHARS = 200;

/** The line that carries the award: the province's support, or the city's for its own programme. */
export function supportSourceOf(level: TenantLevel): BudgetSource {
  return level === 'PROVINCE' ? 'PROVINCIAL_SUPPORT' : 'CITY_MATCHING';
}

/** What each source contributes (lines of one source added together); zero for a source unused. */
export function budgetBySource(budget: ProjectBudget): Record<BudgetSource, string> {
  const sums = Object.fromEntries(BUDGET_SOURCES.map((s) => [s, 0n])) as Record<BudgetSource, bigint>;
  for (const line of budget.lines) if (isFen(line.amountFen)) sums[line.source] += BigInt(line.amountFen);
  return Object.fromEntries(BUDGET_SOURCES.map((s) => [s, sums[s].toString()])) as Record<
    BudgetSource,
    string
  >;
}

export type BudgetContext = { awardFen: string; authorityLevel: TenantLevel };

/** Whether the budget holds: valid lines, adding up to the total, support within the award. */
export function budgetViolations(
  budget: ProjectBudget,
  context: BudgetContext,
  prefix = 'budget',
): FieldViolation[] {
  const v: FieldViolation[] = [];
  const totalValid = isFen(budget.totalFen) && BigInt(budget.totalFen) > 0n;
  if (!totalValid)
    v.push({
      ...fieldViolation(`${prefix}.totalFen`, 'POSITIVE_FEN'),
      message: '总经费应为大于零的金额（分）',
    });
  if (budget.lines.length === 0)
    v.push({ ...fieldViolation(`${prefix}.lines`, 'REQUIRED'), message: '请按来源列出经费预算' });
  let linesValid = true;
  budget.lines.forEach((line, i) => {
    const at = `${prefix}.lines.${i}`;
    if (!BUDGET_SOURCES.includes(line.source)) {
      linesValid = false;
      v.push({
        ...fieldViolation(`${at}.source`, 'ONE_OF'),
        message: `应为 ${BUDGET_SOURCES.join('、')} 之一`,
      });
    }
    if (!isFen(line.amountFen)) {
      linesValid = false;
      v.push({ ...fieldViolation(`${at}.amountFen`, 'FEN'), message: '金额应为不小于零的整数（分）' });
    }
    if ([...line.purpose.trim()].length > PURPOSE_MAX_CHARS)
      v.push({
        ...fieldViolation(`${at}.purpose`, 'TOO_LONG'),
        message: `用途说明不超过 ${PURPOSE_MAX_CHARS} 字`,
      });
    else if (checkControlCharacters(line.purpose))
      v.push(fieldViolation(`${at}.purpose`, 'CONTROL_CHARACTER'));
  });
  if (!totalValid || !linesValid) return v;
  const bySource = budgetBySource(budget);
  const sum = BUDGET_SOURCES.reduce((s, source) => s + BigInt(bySource[source]), 0n);
  if (sum !== BigInt(budget.totalFen))
    v.push({
      ...fieldViolation(`${prefix}.lines`, 'LINES_SUM_TOTAL'),
      message: `各来源经费之和（${formatYuan(sum)}）应等于总经费（${formatYuan(budget.totalFen)}）`,
    });
  const source = supportSourceOf(context.authorityLevel);
  if (BigInt(bySource[source]) > BigInt(context.awardFen))
    v.push({
      ...fieldViolation(`${prefix}.lines`, 'SUPPORT_WITHIN_AWARD'),
      message: `${BUDGET_SOURCE_LABELS[source]}（${formatYuan(bySource[source])}）不能超过立项支持金额（${formatYuan(context.awardFen)}）`,
    });
  return v;
}

/**
 * A reallocation moves money between lines (Art. 19's adjustment): the total stays, and the new
 * budget must hold on its own.
 */
export function reallocationViolations(
  before: ProjectBudget,
  after: ProjectBudget,
  context: BudgetContext,
): FieldViolation[] {
  const v = budgetViolations(after, context);
  if (isFen(after.totalFen) && BigInt(after.totalFen) !== BigInt(before.totalFen))
    v.push({
      ...fieldViolation('budget.totalFen', 'TOTAL_UNCHANGED'),
      message: `预算调剂不改变总经费（${formatYuan(before.totalFen)}）`,
    });
  return v;
}
