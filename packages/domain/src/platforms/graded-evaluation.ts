import { addCalendarDays, isCalendarDate } from '../calendar/calendar-date.js';
import type { FieldViolation } from '../errors/error-codes.js';

// A periodic graded evaluation (定期评估) of a recognised thing — an innovation platform (Art. 15)
// here, and equally an international cooperation base (Art. 16): nothing below names a platform.
// Experts score the scheme's criteria (0–100 each); a sheet's total is the weighted sum; the
// evaluation's total is the mean of the sheets (trimmed of its highest and lowest when the scheme
// says so); the grade is the first band whose floor the total reaches. The criteria, weights,
// bands and the rectification period are the scheme's data, never constants here.

export const EvaluationGrade = { EXCELLENT: 'EXCELLENT', PASS: 'PASS', FAIL: 'FAIL' } as const;
export type EvaluationGrade = (typeof EvaluationGrade)[keyof typeof EvaluationGrade];

export const EVALUATION_GRADE_LABELS: Record<EvaluationGrade, string> = {
  EXCELLENT: '优秀',
  PASS: '合格',
  FAIL: '不合格',
};

export type EvaluationCriterion = { key: string; label: string; weight: number };

export type EvaluationScheme = {
  criteria: readonly EvaluationCriterion[];
  /** Floors of the grades, highest first; the last band's floor is 0. */
  bands: readonly { grade: EvaluationGrade; minTotal: number }[];
  /** Drop the highest and lowest sheet when at least this many are in; 0 never. */
  trimWhenAtLeast: number;
  /** Sheets an evaluation needs at least. */
  minSheets: number;
  /** How long a 不合格 thing has to put itself right, in months. */
  rectificationMonths: number;
};

export type EvaluationSheet = { expertName: string; scores: Record<string, number> };

export type EvaluationResult = {
  total: number;
  criteria: { key: string; value: number }[];
  grade: EvaluationGrade;
  trimmed: boolean;
};

const round2 = (x: number) => Math.round(x * 100) / 100;
const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/** What is wrong with the scheme itself: weights summing to 100, bands descending to 0. */
export function evaluationSchemeProblems(scheme: EvaluationScheme): string[] {
  const p: string[] = [];
  const weights = scheme.criteria.reduce((s, c) => s + c.weight, 0);
  if (scheme.criteria.length === 0) p.push('no criteria');
  if (weights !== 100) p.push(`weights sum to ${weights}, not 100`);
  if (new Set(scheme.criteria.map((c) => c.key)).size !== scheme.criteria.length)
    p.push('duplicate criterion');
  const floors = scheme.bands.map((b) => b.minTotal);
  if (floors.some((f, i) => i > 0 && f >= floors[i - 1]!)) p.push('bands not descending');
  if (floors[floors.length - 1] !== 0) p.push('lowest band does not start at 0');
  return p;
}

/** One sheet's scores, by field (`scores.<key>`): every criterion of the scheme scored 0–100, no other. */
export function evaluationScoreViolations(
  scheme: Pick<EvaluationScheme, 'criteria'>,
  scores: Readonly<Record<string, number>>,
): FieldViolation[] {
  const v: FieldViolation[] = [];
  for (const c of scheme.criteria) {
    const score = scores[c.key];
    if (typeof score !== 'number' || !Number.isFinite(score) || score < 0 || score > 100)
      v.push({
        field: `scores.${c.key}`,
        rule: 'SCORE_RANGE',
        message: `「${c.label}」的评分应为 0–100 之间的数`,
      });
  }
  for (const key of Object.keys(scores))
    if (!scheme.criteria.some((c) => c.key === key))
      v.push({ field: `scores.${key}`, rule: 'UNKNOWN_CRITERION', message: '评估指标中没有这一项' });
  return v;
}

/** Each sheet's problems, by field (`sheets.<i>.scores.<key>`): every criterion scored 0–100. */
export function evaluationSheetViolations(
  scheme: EvaluationScheme,
  sheets: readonly EvaluationSheet[],
): FieldViolation[] {
  const v: FieldViolation[] = [];
  if (sheets.length < scheme.minSheets)
    v.push({
      field: 'sheets',
      rule: 'MIN_SHEETS',
      message: `评估须有至少 ${scheme.minSheets} 位专家的评分（现有 ${sheets.length} 份）`,
    });
  const names = new Set<string>();
  sheets.forEach((sheet, i) => {
    const name = sheet.expertName.trim();
    if (name === '')
      v.push({ field: `sheets.${i}.expertName`, rule: 'REQUIRED', message: '请填写评估专家姓名' });
    else if (names.has(name))
      v.push({ field: `sheets.${i}.expertName`, rule: 'DUPLICATE', message: `专家「${name}」重复评分` });
    names.add(name);
    for (const x of evaluationScoreViolations(scheme, sheet.scores))
      v.push({ ...x, field: `sheets.${i}.${x.field}` });
  });
  return v;
}

/** The grade a total reaches under the scheme's bands. */
export function gradeOf(scheme: Pick<EvaluationScheme, 'bands'>, total: number): EvaluationGrade {
  for (const band of scheme.bands) if (total >= band.minTotal) return band.grade;
  return 'FAIL';
}

/** The evaluation from valid sheets (check evaluationSheetViolations first). */
export function evaluate(scheme: EvaluationScheme, sheets: readonly EvaluationSheet[]): EvaluationResult {
  const trimmed = scheme.trimWhenAtLeast > 0 && sheets.length >= scheme.trimWhenAtLeast;
  const cut = <T>(xs: readonly T[], by: (x: T) => number): T[] =>
    trimmed ? [...xs].sort((a, b) => by(a) - by(b)).slice(1, -1) : [...xs];
  const totals = sheets.map((s) => ({
    sheet: s,
    total: scheme.criteria.reduce((sum, c) => sum + ((s.scores[c.key] ?? 0) * c.weight) / 100, 0),
  }));
  const kept = cut(totals, (t) => t.total);
  const total = round2(mean(kept.map((t) => t.total)));
  const criteria = scheme.criteria.map((c) => ({
    key: c.key,
    value: round2(
      mean(
        cut(
          sheets.map((s) => s.scores[c.key] ?? 0),
          (x) => x,
        ),
      ),
    ),
  }));
  return { total, criteria, grade: gradeOf(scheme, total), trimmed };
}

/** The standing of the evaluated thing, as far as evaluation moves it. */
export const EvaluatedStanding = { ACTIVE: 'ACTIVE', RECTIFYING: 'RECTIFYING', REMOVED: 'REMOVED' } as const;
export type EvaluatedStanding = (typeof EvaluatedStanding)[keyof typeof EvaluatedStanding];

export type EvaluationConsequence = {
  next: EvaluatedStanding;
  /** Why, as the decision states it (recorded with the status change). */
  reason: string;
  /** The rectification deadline starts (only on entering rectification). */
  rectification: boolean;
};

type ConsequenceRow = [
  standing: EvaluatedStanding,
  grade: EvaluationGrade,
  consequence: EvaluationConsequence,
];

// What a grade does to the standing: 不合格 puts an active one into rectification; the
// re-evaluation of one in rectification restores it when passed and removes it when failed.
const CONSEQUENCES: readonly ConsequenceRow[] = [
  ['ACTIVE', 'EXCELLENT', { next: 'ACTIVE', reason: '评估优秀', rectification: false }],
  ['ACTIVE', 'PASS', { next: 'ACTIVE', reason: '评估合格', rectification: false }],
  ['ACTIVE', 'FAIL', { next: 'RECTIFYING', reason: '评估不合格，限期整改', rectification: true }],
  ['RECTIFYING', 'EXCELLENT', { next: 'ACTIVE', reason: '整改后复评优秀，恢复运行', rectification: false }],
  ['RECTIFYING', 'PASS', { next: 'ACTIVE', reason: '整改后复评合格，恢复运行', rectification: false }],
  ['RECTIFYING', 'FAIL', { next: 'REMOVED', reason: '整改后复评仍不合格，撤销认定', rectification: false }],
];

/** What the grade does to the standing; null when the thing cannot be evaluated (removed). */
export function evaluationConsequence(
  standing: EvaluatedStanding,
  grade: EvaluationGrade,
): EvaluationConsequence | null {
  return CONSEQUENCES.find(([s, g]) => s === standing && g === grade)?.[2] ?? null;
}

/**
 * The calendar date `months` later in China (dates are China calendar dates already): the same
 * day of the month, or the month's last day when it has none (2028-02-29 + 12 → 2029-02-28).
 */
export function addCalendarMonths(date: string, months: number): string {
  if (!isCalendarDate(date)) throw new Error(`not a calendar date: ${date}`);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, lastDay)))
    .toISOString()
    .slice(0, 10);
}

/** The last day to put things right after a 不合格 on `evaluatedOn`. */
export function rectificationDeadline(
  scheme: Pick<EvaluationScheme, 'rectificationMonths'>,
  evaluatedOn: string,
) {
  return addCalendarMonths(evaluatedOn, scheme.rectificationMonths);
}

/** The day a deadline has passed: the day after it, from 00:00 China time. */
export function dayAfter(deadline: string): string {
  return addCalendarDays(deadline, 1);
}
