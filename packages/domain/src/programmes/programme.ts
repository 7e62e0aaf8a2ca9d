import { fieldViolation, type FieldViolation } from '../errors/error-codes.js';
import {
  type MeasuresParameters,
  REVIEW_CRITERIA,
  type ReviewCriterion,
} from '../measures/measures-parameters.js';
import { formatYuan, isFen } from '../money/fen.js';
import type { TenantLevel } from '../tenancy/divisions.js';
import { checkControlCharacters } from '../text/control-characters.js';
import { PROGRAMME_KINDS, type ProgrammeKind } from './programme-kinds.js';

// A support programme (Art. 14) is a tenant's own: the province's plan projects and special fund,
// or a city's local support. It names its kind, year, total budget and per-project cap in fen, the
// measures version it applies, its review criteria (the measures' unless it sets its own weights)
// and how many days of public notice precede an award and an acceptance.

export type Programme = {
  tenantId: string;
  /** The authority's level: a provincial programme takes provincial pilots, a city's its own. */
  level: TenantLevel;
  kind: ProgrammeKind;
  name: string;
  year: number;
  totalBudgetFen: string;
  /** The most one project may be awarded; null when the programme sets no cap. */
  perProjectCapFen: string | null;
  criteria: ReviewCriterion[];
  /** 公示 before an award; 0 for none. */
  awardNoticeDays: number;
  /** 公示 before an acceptance (验收) is passed; 0 for none. */
  acceptanceNoticeDays: number;
};

export type ProgrammeSettings = Pick<Programme, 'criteria' | 'awardNoticeDays' | 'acceptanceNoticeDays'>;

export const PROGRAMME_NAME_MAX_CHARS = 100;
export const FIRST_PROGRAMME_YEAR = 2016;

/** What a new programme starts from under the measures in force: their criteria and notice. */
export function programmeDefaults(parameters: MeasuresParameters): ProgrammeSettings {
  return {
    criteria: parameters.review.criteria.map((c) => ({ ...c })),
    awardNoticeDays: parameters.review.publicNoticeDays,
    acceptanceNoticeDays: parameters.review.publicNoticeDays,
  };
}

const positiveFen = (value: string) => isFen(value) && BigInt(value) > 0n;

/** Every rule a programme must satisfy before it is published; empty when it may be. */
export function programmeViolations(p: Programme): FieldViolation[] {
  const v: FieldViolation[] = [];
  const name = p.name.trim();
  if (name === '') v.push({ ...fieldViolation('name', 'REQUIRED'), message: '请填写计划名称' });
  else if ([...name].length > PROGRAMME_NAME_MAX_CHARS)
    v.push({
      ...fieldViolation('name', 'TOO_LONG'),
      message: `计划名称不超过 ${PROGRAMME_NAME_MAX_CHARS} 字`,
    });
  else if (checkControlCharacters(name)) v.push(fieldViolation('name', 'CONTROL_CHARACTER'));
  if (!Object.hasOwn(PROGRAMME_KINDS, p.kind))
    v.push({ ...fieldViolation('kind', 'ONE_OF'), message: '请选择计划类别' });
  if (!Number.isInteger(p.year) || p.year < FIRST_PROGRAMME_YEAR || p.year > 2100)
    v.push({
      ...fieldViolation('year', 'INTEGER_RANGE'),
      message: `年度应为 ${FIRST_PROGRAMME_YEAR}–2100 之间的整数`,
    });
  const totalValid = positiveFen(p.totalBudgetFen);
  if (!totalValid)
    v.push({ ...fieldViolation('totalBudgetFen', 'POSITIVE_FEN'), message: '总预算应为大于零的金额（分）' });
  if (p.perProjectCapFen !== null) {
    if (!positiveFen(p.perProjectCapFen))
      v.push({
        ...fieldViolation('perProjectCapFen', 'POSITIVE_FEN'),
        message: '单个项目支持上限应为大于零的金额（分）',
      });
    else if (totalValid && BigInt(p.perProjectCapFen) > BigInt(p.totalBudgetFen))
      v.push({
        ...fieldViolation('perProjectCapFen', 'WITHIN_TOTAL'),
        message: `单个项目支持上限不能超过总预算（${formatYuan(p.totalBudgetFen)}）`,
      });
  }
  const keys = p.criteria.map((c) => c.key);
  if (keys.length !== REVIEW_CRITERIA.length || REVIEW_CRITERIA.some((k) => !keys.includes(k)))
    v.push({ ...fieldViolation('criteria', 'ART_11_CRITERIA'), message: '评审指标应恰为第十一条的八项' });
  p.criteria.forEach((c, i) => {
    if (!Number.isInteger(c.weight) || c.weight < 0 || c.weight > 100)
      v.push({
        ...fieldViolation(`criteria.${i}.weight`, 'INTEGER_RANGE'),
        message: '应为 0–100 之间的整数',
      });
  });
  const total = p.criteria.reduce((sum, c) => sum + (Number.isInteger(c.weight) ? c.weight : 0), 0);
  if (total !== 100)
    v.push({
      ...fieldViolation('criteria', 'WEIGHTS_SUM_100'),
      message: `权重之和应为 100（现为 ${total}）`,
    });
  for (const field of ['awardNoticeDays', 'acceptanceNoticeDays'] as const) {
    const days = p[field];
    if (!Number.isInteger(days) || days < 0 || days > 60)
      v.push({
        ...fieldViolation(field, 'INTEGER_RANGE'),
        message: '公示天数应为 0–60 之间的整数，0 表示不公示',
      });
  }
  return v;
}

/** What the programme's budget still holds after the awards made from it (never below zero). */
export function programmeBudgetLeftFen(totalBudgetFen: string, awardsFen: readonly string[]): string {
  const left = awardsFen.reduce((sum, a) => sum - BigInt(a), BigInt(totalBudgetFen));
  return (left > 0n ? left : 0n).toString();
}

/**
 * The award itself: a positive amount, at most what was asked, and within what the programme's
 * budget still holds (the AWARD_AMOUNT_SET and WITHIN_PROGRAMME_BUDGET guards). The ratio and
 * the cap are the eligibility check's, run again at award.
 */
export function awardAmountViolations(
  awardFen: string,
  requestedFen: string,
  budgetLeftFen: string,
): FieldViolation[] {
  if (!positiveFen(awardFen))
    return [{ ...fieldViolation('awardFen', 'POSITIVE_FEN'), message: '支持金额应为大于零的金额（分）' }];
  const v: FieldViolation[] = [];
  if (BigInt(awardFen) > BigInt(requestedFen))
    v.push({
      ...fieldViolation('awardFen', 'WITHIN_REQUEST'),
      message: `支持金额不能超过申请金额（${formatYuan(requestedFen)}）`,
    });
  if (BigInt(awardFen) > BigInt(budgetLeftFen))
    v.push({
      ...fieldViolation('awardFen', 'WITHIN_PROGRAMME_BUDGET'),
      message: `支持金额超过计划剩余预算（${formatYuan(budgetLeftFen)}）`,
    });
  return v;
}

/**
 * The criteria a programme application is scored on, as frozen in its dossier: the programme's own
 * weights when they are the eight criteria of Art. 11 summing to 100, else none (the measures' then).
 */
export function programmeCriteriaOf(frozen: unknown): ReviewCriterion[] | null {
  if (!Array.isArray(frozen) || frozen.length !== REVIEW_CRITERIA.length) return null;
  const criteria = frozen.map((c: unknown) => {
    const { key, weight } = (c ?? {}) as { key?: unknown; weight?: unknown };
    return { key, weight };
  });
  const keys = criteria.map((c) => c.key);
  if (REVIEW_CRITERIA.some((k) => !keys.includes(k))) return null;
  if (!criteria.every((c) => Number.isInteger(c.weight) && (c.weight as number) >= 0)) return null;
  if (criteria.reduce((sum, c) => sum + (c.weight as number), 0) !== 100) return null;
  return criteria as ReviewCriterion[];
}
