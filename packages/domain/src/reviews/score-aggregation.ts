import {
  type MeasuresParameters,
  REVIEW_CRITERIA,
  type ReviewCriterionKey,
} from '../measures/measures-parameters.js';

// Aggregating expert score sheets (Art. 11, 13) by the rule of the measures in force. Scores are
// 0–100 per criterion; a sheet's total is the weighted sum (weights in percent).

export type ScoreSheet = {
  applicationId: string;
  expertId: string;
  scores: Record<ReviewCriterionKey, number>;
};

export type CriterionAggregate = { key: ReviewCriterionKey; value: number; min: number; max: number };

export type ApplicationAggregate = {
  applicationId: string;
  sheets: number;
  trimmed: boolean;
  criteria: CriterionAggregate[];
  total: number;
  /** Highest minus lowest sheet total: a split panel stands out. */
  totalSpread: number;
  totalStdDev: number;
  passes: boolean;
  rank: number;
};

type ReviewParameters = MeasuresParameters['review'];

const round2 = (x: number) => Math.round(x * 100) / 100;
const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const stdDev = (xs: readonly number[]) => {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / xs.length);
};

export function sheetTotal(sheet: ScoreSheet, review: ReviewParameters): number {
  return review.criteria.reduce((sum, c) => sum + (sheet.scores[c.key] * c.weight) / 100, 0);
}

/** Mean of the values, dropping one highest and one lowest when there are enough. */
function trimmedMean(values: readonly number[], trim: boolean): number {
  if (!trim) return mean(values);
  const sorted = [...values].sort((a, b) => a - b);
  return mean(sorted.slice(1, -1));
}

/**
 * Per-expert normalisation: an expert who scores everything high (or low) is brought to the
 * panel's overall level, using that expert's mean and spread across all sheets of the call.
 */
function normalisedTotals(sheets: readonly ScoreSheet[], review: ReviewParameters): Map<ScoreSheet, number> {
  const totals = new Map(sheets.map((s) => [s, sheetTotal(s, review)] as const));
  const all = [...totals.values()];
  const overallMean = mean(all);
  const overallSd = stdDev(all);
  const byExpert = new Map<string, number[]>();
  for (const [sheet, total] of totals)
    byExpert.set(sheet.expertId, [...(byExpert.get(sheet.expertId) ?? []), total]);
  const normalised = new Map<ScoreSheet, number>();
  for (const [sheet, total] of totals) {
    const own = byExpert.get(sheet.expertId)!;
    const sd = stdDev(own);
    const shifted =
      sd > 0 && overallSd > 0
        ? overallMean + ((total - mean(own)) / sd) * overallSd
        : total - mean(own) + overallMean;
    normalised.set(sheet, Math.min(100, Math.max(0, shifted)));
  }
  return normalised;
}

/** Aggregates every application of a call, ranks them, and applies the pass mark. */
export function aggregateScores(
  sheets: readonly ScoreSheet[],
  review: ReviewParameters,
): ApplicationAggregate[] {
  const normalised = review.aggregation === 'NORMALISED_MEAN' ? normalisedTotals(sheets, review) : null;
  const byApplication = new Map<string, ScoreSheet[]>();
  for (const sheet of sheets)
    byApplication.set(sheet.applicationId, [...(byApplication.get(sheet.applicationId) ?? []), sheet]);
  const aggregates = [...byApplication].map(([applicationId, own]) => {
    const trim = review.aggregation === 'TRIMMED_MEAN' && own.length >= review.trimWhenAtLeast;
    const rawTotals = own.map((s) => sheetTotal(s, review));
    const totals = normalised ? own.map((s) => normalised.get(s)!) : rawTotals;
    const total = round2(trimmedMean(totals, trim));
    return {
      applicationId,
      sheets: own.length,
      trimmed: trim,
      criteria: REVIEW_CRITERIA.map((key) => {
        const values = own.map((s) => s.scores[key]);
        return {
          key,
          value: round2(trimmedMean(values, trim)),
          min: Math.min(...values),
          max: Math.max(...values),
        };
      }),
      total,
      totalSpread: round2(Math.max(...rawTotals) - Math.min(...rawTotals)),
      totalStdDev: round2(stdDev(rawTotals)),
      passes: total >= review.passMark,
      rank: 0,
    };
  });
  aggregates.sort((a, b) => b.total - a.total || a.applicationId.localeCompare(b.applicationId));
  aggregates.forEach((a, i) => {
    const previous = aggregates[i - 1];
    a.rank = previous && previous.total === a.total ? previous.rank : i + 1;
  });
  return aggregates;
}

/** A score sheet is complete when every criterion has a score from 0 to 100. */
export function sheetProblems(scores: Partial<Record<ReviewCriterionKey, number>>): ReviewCriterionKey[] {
  return REVIEW_CRITERIA.filter((key) => {
    const value = scores[key];
    return typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 100;
  });
}
