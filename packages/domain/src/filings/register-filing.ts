import {
  FILING_STATE_LABELS,
  FINAL_FILING_STATES,
  type FilingState,
  IN_FORCE_FILING_STATES,
  LAPSED_FILING_STATES,
} from './filing-workflow.js';

// The filing the register shows beside an alliance, the register's filter on it, and the stages
// the province's home counts filings in. An alliance has at most one filing that is open or in
// force (Art. 21); after it lapses (refused, withdrawn, revoked) the alliance may be filed again,
// so the older ones stay as history.

/** The register's filter for alliances without any filing the viewer reads. */
export const NO_FILING = 'NONE';
export type RegisterFilingFilter = FilingState | typeof NO_FILING;

export const REGISTER_FILING_FILTER_LABELS: Record<RegisterFilingFilter, string> = {
  ...FILING_STATE_LABELS,
  [NO_FILING]: '未备案',
};

export function isRegisterFilingFilter(value: unknown): value is RegisterFilingFilter {
  return typeof value === 'string' && Object.hasOwn(REGISTER_FILING_FILTER_LABELS, value);
}

/**
 * The alliance's current filing among those the viewer reads: the open or valid one, else the
 * latest lapsed one; null when there is none. The register's SQL filter makes the same choice.
 */
export function currentFiling<F extends { state: string; createdAt: Date }>(filings: readonly F[]): F | null {
  const lapsed = (f: F) => (LAPSED_FILING_STATES as readonly string[]).includes(f.state);
  let current: F | null = null;
  for (const filing of filings) {
    const better =
      !current ||
      (lapsed(filing) !== lapsed(current) ? !lapsed(filing) : filing.createdAt > current.createdAt);
    if (better) current = filing;
  }
  return current;
}

/** Where a filing stands, for counts at a glance: with the province, in force, or ended. */
export const FilingStage = {
  /** Still with the city: nobody but the city reads it. */
  DRAFT: 'DRAFT',
  /** Sent upward and not yet decided: the formal check, review, notice. */
  IN_PROGRESS: 'IN_PROGRESS',
  /** Filed, changing or suspended: the province reads the alliance's live record. */
  IN_FORCE: 'IN_FORCE',
  /** Refused, withdrawn or revoked. */
  ENDED: 'ENDED',
} as const;
export type FilingStage = (typeof FilingStage)[keyof typeof FilingStage];

export const FILING_STAGE_LABELS: Record<FilingStage, string> = {
  DRAFT: '草稿',
  IN_PROGRESS: '办理中',
  IN_FORCE: '备案有效',
  ENDED: '已终止',
};

export function filingStageOf(state: FilingState): FilingStage {
  if (state === 'DRAFT') return FilingStage.DRAFT;
  if (IN_FORCE_FILING_STATES.includes(state)) return FilingStage.IN_FORCE;
  if (FINAL_FILING_STATES.includes(state)) return FilingStage.ENDED;
  return FilingStage.IN_PROGRESS;
}
