import type { ReviewParties } from '../reviews/conflicts.js';
import { PLATFORM_KINDS, type PlatformKind, type PlatformStatus } from './platform-kinds.js';

// The evaluation round (评估批次, Art. 15): the authority evaluates its platforms field by field.
// A round of a year and a field covers the platforms of that field whose periodic evaluation falls
// due in the year (the kind's cycle, counted from the last evaluation or the recognition) and those
// in rectification whose period ends by the year's end (their re-evaluation). Seated experts score
// each platform they are free to score on its kind's criteria; closing grades each platform from
// the submitted sheets by the kind's scheme (graded-evaluation.ts).

export const EvaluationRoundStatus = { OPEN: 'OPEN', CLOSED: 'CLOSED' } as const;
export type EvaluationRoundStatus = (typeof EvaluationRoundStatus)[keyof typeof EvaluationRoundStatus];

export const EVALUATION_ROUND_STATUS_LABELS: Record<EvaluationRoundStatus, string> = {
  OPEN: '评估中',
  CLOSED: '已结束',
};

export const EvaluationSheetStatus = { DRAFT: 'DRAFT', SUBMITTED: 'SUBMITTED' } as const;
export type EvaluationSheetStatus = (typeof EvaluationSheetStatus)[keyof typeof EvaluationSheetStatus];

export const EVALUATION_SHEET_STATUS_LABELS: Record<EvaluationSheetStatus, string> = {
  DRAFT: '未提交',
  SUBMITTED: '已提交',
};

export type PlatformEvaluationFacts = {
  kind: PlatformKind;
  status: PlatformStatus;
  recognisedOn: string;
  /** The year of its last evaluation, null when never evaluated. */
  lastEvaluatedYear: number | null;
  rectificationDueOn: string | null;
};

/** Why a platform is in a round of `year`, or null when it is not due. */
export function evaluationDue(p: PlatformEvaluationFacts, year: number): 'PERIODIC' | 'RE_EVALUATION' | null {
  if (p.status === 'REMOVED') return null;
  if (p.status === 'RECTIFYING')
    return p.rectificationDueOn !== null && Number(p.rectificationDueOn.slice(0, 4)) <= year
      ? 'RE_EVALUATION'
      : null;
  const from = p.lastEvaluatedYear ?? Number(p.recognisedOn.slice(0, 4));
  return year >= from + PLATFORM_KINDS[p.kind].evaluationCycleYears ? 'PERIODIC' : null;
}

export const EVALUATION_DUE_LABELS: Record<'PERIODIC' | 'RE_EVALUATION', string> = {
  PERIODIC: '定期评估',
  RE_EVALUATION: '整改后复评',
};

/**
 * Who an expert scoring the platform must not be tied to: its host and co-building units (the
 * conflict rules of expert review, conflicts.ts, with the platform's units as the parties).
 */
export function platformParties(p: {
  hostOrganizationId: string;
  coBuilderOrganizationIds: readonly string[];
}): ReviewParties {
  return {
    memberOrganizationIds: [p.hostOrganizationId, ...p.coBuilderOrganizationIds],
    recommendingOrganizationId: null,
  };
}
