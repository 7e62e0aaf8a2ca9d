import {
  type MeasuresParameters,
  REVIEW_CRITERION_DESCRIPTIONS,
  REVIEW_CRITERION_LABELS,
  REVIEW_SCORE_SCALE_TEXT,
  type ReviewCriterionKey,
  sheetProblems,
} from '@xiangmeng/domain';
import type { ReviewAggregateResult } from './review-progress.service';
import type { ReviewSheetEntity } from './review-sheet.entity';
import type { ReviewAggregateModel, ReviewSheetModel } from './review.model';

const round2 = (x: number) => Math.round(x * 100) / 100;

/** A sheet's scores as the domain reads them: numbers only, keyed by criterion. */
export function scoredValues(sheet: ReviewSheetEntity): Partial<Record<ReviewCriterionKey, number>> {
  const scores: Partial<Record<ReviewCriterionKey, number>> = {};
  for (const [key, value] of Object.entries(sheet.scores))
    if (typeof value === 'number') scores[key as ReviewCriterionKey] = value;
  return scores;
}

/** The sheet under the criteria and weights of the call's measures; total once every criterion is scored. */
export function toReviewSheetModel(
  sheet: ReviewSheetEntity,
  expertName: string,
  review: MeasuresParameters['review'],
): ReviewSheetModel {
  const values = scoredValues(sheet);
  const complete = sheetProblems(values).length === 0;
  return {
    id: sheet.id,
    assignmentId: sheet.assignmentId,
    expertName,
    status: sheet.status,
    scores: review.criteria.map((c) => ({
      key: c.key,
      label: REVIEW_CRITERION_LABELS[c.key],
      description: REVIEW_CRITERION_DESCRIPTIONS[c.key],
      scale: REVIEW_SCORE_SCALE_TEXT,
      weight: c.weight,
      score: values[c.key] ?? null,
      comment: sheet.comments[c.key] ?? '',
    })),
    total: complete
      ? round2(review.criteria.reduce((sum, c) => sum + ((values[c.key] ?? 0) * c.weight) / 100, 0))
      : null,
    overallOpinion: sheet.overallOpinion,
    recommendation: sheet.recommendation,
    submittedAt: sheet.submittedAt,
    reopenedAt: sheet.reopenedAt,
    reopenReason: sheet.reopenReason,
    version: sheet.version,
    declaredAt: sheet.declaredAt,
    declarationVersion: sheet.declarationVersion,
  };
}

export function toReviewAggregateModel(a: ReviewAggregateResult): ReviewAggregateModel {
  return {
    rule: a.rule,
    sheets: a.sheets,
    trimmed: a.trimmed,
    criteria: a.criteria.map((c) => ({ ...c, label: REVIEW_CRITERION_LABELS[c.key] })),
    total: a.total,
    totalSpread: a.totalSpread,
    totalStdDev: a.totalStdDev,
    passMark: a.passMark,
    passes: a.passes,
    rank: a.rank,
  };
}
