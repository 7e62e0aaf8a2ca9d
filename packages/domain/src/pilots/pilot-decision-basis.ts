import {
  booleanOrNull,
  listOf,
  numberOrNull,
  objectOf,
  oneOf,
  textOrNull,
} from '../applications/stored-json.js';
import {
  AggregationRule,
  type MeasuresParameters,
  REVIEW_CRITERIA,
} from '../measures/measures-parameters.js';
import type { ApplicationAggregate, CriterionAggregate } from '../reviews/score-aggregation.js';

// What a decision on a pilot application (APPROVE, DECLINE) records as its basis (Art. 13):
// the panel's aggregate by the rule of the call's measures, the pass mark, and the measures
// version. Without a review (declined because no valid panel could be formed) no sheet counts.

export type PilotDecisionBasis = {
  /** Submitted score sheets aggregated; 0 when the decision was taken without a review. */
  sheets: number;
  /** The aggregate total (0–100); null without sheets. */
  total: number | null;
  passes: boolean | null;
  /** Rank among the call's applications. */
  rank: number | null;
  /** Whether the highest and lowest totals were dropped. */
  trimmed: boolean | null;
  totalSpread: number | null;
  totalStdDev: number | null;
  criteria: CriterionAggregate[];
  passMark: number | null;
  rule: AggregationRule | null;
  measuresId: string | null;
  measuresVersionNo: number | null;
};

/** The basis of a decision taken now: the aggregate (if any sheet was scored) under the measures. */
export function pilotDecisionBasis(
  aggregate: ApplicationAggregate | null,
  review: Pick<MeasuresParameters['review'], 'passMark' | 'aggregation'>,
  measures: { measuresId: string; versionNo: number },
): PilotDecisionBasis {
  return {
    sheets: aggregate?.sheets ?? 0,
    total: aggregate?.total ?? null,
    passes: aggregate?.passes ?? null,
    rank: aggregate?.rank ?? null,
    trimmed: aggregate?.trimmed ?? null,
    totalSpread: aggregate?.totalSpread ?? null,
    totalStdDev: aggregate?.totalStdDev ?? null,
    criteria: aggregate?.criteria ?? [],
    passMark: review.passMark,
    rule: review.aggregation,
    measuresId: measures.measuresId,
    measuresVersionNo: measures.versionNo,
  };
}

const RULES = Object.values(AggregationRule);

function parseCriterion(value: unknown): CriterionAggregate[] {
  const c = objectOf(value);
  const key = oneOf(REVIEW_CRITERIA, c.key);
  const score = numberOrNull(c.value);
  if (!key || score === null) return [];
  return [{ key, value: score, min: numberOrNull(c.min) ?? score, max: numberOrNull(c.max) ?? score }];
}

/** The basis as stored (JSON), read into its type; whatever a row lacks reads as null or empty. */
export function parsePilotDecisionBasis(value: unknown): PilotDecisionBasis {
  const b = objectOf(value);
  return {
    sheets: numberOrNull(b.sheets) ?? 0,
    total: numberOrNull(b.total),
    passes: booleanOrNull(b.passes),
    rank: numberOrNull(b.rank),
    trimmed: booleanOrNull(b.trimmed),
    totalSpread: numberOrNull(b.totalSpread),
    totalStdDev: numberOrNull(b.totalStdDev),
    criteria: listOf(b.criteria).flatMap(parseCriterion),
    passMark: numberOrNull(b.passMark),
    rule: oneOf(RULES, b.rule),
    measuresId: textOrNull(b.measuresId),
    measuresVersionNo: numberOrNull(b.measuresVersionNo),
  };
}
