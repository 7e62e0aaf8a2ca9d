import {
  correctionDeadlinePassed,
  FILING_ACTION_LABELS,
  FILING_CHANGE_KIND_LABELS,
  FILING_DOCUMENT_KIND_LABELS,
  FILING_ROUND_STATUS_LABELS,
  FILING_STATE_LABELS,
  FILING_WORKFLOW,
  filingDossierGaps,
  filingRoute,
  noticePeriodOver,
  SIGNIFICANCE_LEVEL_LABELS,
  statesWhere,
  transitionOf,
  type FilingAction,
  type FilingChangeKind,
  type FilingDocumentKind,
  type FilingGuard,
  type FilingRoundStatus,
  type FilingState,
  type SignificanceLevel,
} from '@xiangmeng/domain';

// The filing's values as the pages read them, and what the pages decide from the domain's table:
// which text an action asks for, where a filing stands on its round's route, what it still lacks.

const keyOf =
  <K extends string>(labels: Record<K, string>) =>
  (value: string | null | undefined): value is K =>
    typeof value === 'string' && Object.hasOwn(labels, value);

export const isFilingState = keyOf<FilingState>(FILING_STATE_LABELS);
export const isFilingAction = keyOf<FilingAction>(FILING_ACTION_LABELS);
export const isFilingDocumentKind = keyOf<FilingDocumentKind>(FILING_DOCUMENT_KIND_LABELS);
export const isSignificanceLevel = keyOf<SignificanceLevel>(SIGNIFICANCE_LEVEL_LABELS);
export const isFilingChangeKind = keyOf<FilingChangeKind>(FILING_CHANGE_KIND_LABELS);
export const isFilingRoundStatus = keyOf<FilingRoundStatus>(FILING_ROUND_STATUS_LABELS);

/** The actions the API offers this viewer, those this app knows, in the API's order. */
export function filingActionsOf(values: readonly string[]): FilingAction[] {
  return values.filter(isFilingAction);
}

export const EDITABLE_FILING_STATES: readonly FilingState[] = statesWhere(FILING_WORKFLOW, 'editable');

/**
 * In force: filed, with a change under review, or suspended — the states a filing may be revoked
 * from. From these the province reads the alliance's live record (DESIGN.md, Filing).
 */
export const IN_FORCE_FILING_STATES: readonly FilingState[] = [
  ...new Set(FILING_WORKFLOW.transitions.filter((t) => t.action === 'REVOKE').map((t) => t.from)),
];

/** A certificate is printed for a filing in force and not suspended (a change under review leaves it in force). */
export const CERTIFIED_FILING_STATES: readonly FilingState[] = IN_FORCE_FILING_STATES.filter(
  (s) => s !== 'SUSPENDED',
);

/** What the confirmation of an action asks for: the guards of its transition out of the state. */
export function actionAsks(
  state: FilingState,
  action: FilingAction,
): { reason: boolean; correctionDeadline: boolean } {
  const guards = transitionOf(FILING_WORKFLOW, state, action)?.guards ?? [];
  return {
    reason: guards.includes('REASON_GIVEN'),
    correctionDeadline: guards.includes('CORRECTION_DEADLINE_SET'),
  };
}

/** What the page knows of a filing, enough to tell some guards before the API checks them. */
export type KnownFacts = {
  today: string;
  roundOpen: boolean;
  noticeEndsOn: string | null;
  correctionDeadline: string | null;
  unansweredObjections: number;
};

const KNOWN_GUARDS: Partial<Record<FilingGuard, (f: KnownFacts) => boolean>> = {
  ROUND_OPEN: (f) => f.roundOpen,
  NOTICE_PERIOD_OVER: (f) => noticePeriodOver(f.today, f.noticeEndsOn),
  OBJECTIONS_ANSWERED: (f) => f.unansweredObjections === 0,
  CORRECTION_DEADLINE_NOT_PASSED: (f) => !correctionDeadlinePassed(f.today, f.correctionDeadline),
};

/**
 * The guards of the action's transition that the page can already see failing, so the
 * confirmation says so before the API refuses; the API checks every guard again.
 */
export function guardsKnownToFail(
  state: FilingState,
  action: FilingAction,
  facts: KnownFacts,
): FilingGuard[] {
  const guards = transitionOf(FILING_WORKFLOW, state, action)?.guards ?? [];
  return guards.filter((g) => KNOWN_GUARDS[g]?.(facts) === false);
}

export type FilingProgress = {
  /** The round's route, DRAFT to FILED. */
  route: FilingState[];
  /** The step the filing is at, or left the route from. */
  current: number;
  status: 'process' | 'finish' | 'error';
  /** The state's own name where the route does not name it (退回修改, 暂停, 已撤回…). */
  note: string | null;
};

type RouteSettings = { reviewRequired: boolean; noticeDays: number };
type TimelineStep = { toState?: string | null };

/**
 * Where a filing stands on its round's route. A state off the route is shown at the step it came
 * from: a return at 已提交, a refusal or withdrawal where it was taken (the timeline says: the
 * state its entry before the ending one left the filing in), a filing in force at 已备案.
 */
export function filingProgress(
  round: RouteSettings,
  state: FilingState,
  timeline: readonly TimelineStep[],
): FilingProgress {
  const route = filingRoute(round);
  const filed = route.indexOf('FILED');
  const onRoute = route.indexOf(state);
  if (onRoute >= 0)
    return { route, current: onRoute, status: state === 'FILED' ? 'finish' : 'process', note: null };
  const note = FILING_STATE_LABELS[state];
  if (state === 'RETURNED') return { route, current: route.indexOf('SUBMITTED'), status: 'error', note };
  if (state === 'CHANGE_SUBMITTED') return { route, current: filed, status: 'process', note };
  if (state === 'SUSPENDED') return { route, current: filed, status: 'error', note };
  // Ended: at the step it was ended from.
  const from = stateBefore(timeline, state);
  const at = !from
    ? 0
    : route.includes(from)
      ? route.indexOf(from)
      : from === 'RETURNED'
        ? route.indexOf('SUBMITTED')
        : IN_FORCE_FILING_STATES.includes(from)
          ? filed
          : 0;
  return { route, current: at, status: 'error', note };
}

// The state the filing was in when it last entered `state`; DRAFT when nothing came before.
function stateBefore(timeline: readonly TimelineStep[], state: FilingState): FilingState | null {
  const entered = timeline.map((e) => e.toState).lastIndexOf(state);
  if (entered < 0) return null;
  const before = timeline
    .slice(0, entered)
    .map((e) => e.toState)
    .filter((s) => isFilingState(s) && s !== state)
    .pop();
  return isFilingState(before) ? before : 'DRAFT';
}

/** A round as lists and choices name it: its year and the notice that opened it. */
export function roundLabel(round: { year: number; documentNumber: string }): string {
  return `${round.year} 年度备案批次（${round.documentNumber}）`;
}

type DossierSource = {
  significance: string;
  level: string | null | undefined;
  documents: readonly { kind: string }[];
  round: { requiredDocuments: readonly string[]; documentNumber: string };
};

/** What the saved dossier still lacks before it may be sent, by the rule the API applies (Art. 21). */
export function filingGaps(filing: DossierSource): string[] {
  return filingDossierGaps(
    {
      significance: filing.significance,
      level: isSignificanceLevel(filing.level) ? filing.level : null,
      documentKinds: filing.documents.map((d) => d.kind).filter(isFilingDocumentKind),
    },
    {
      requiredDocuments: filing.round.requiredDocuments.filter(isFilingDocumentKind),
      documentNumber: filing.round.documentNumber,
    },
  ).map((gap) => gap.message);
}

// Audit actions besides the transitions (`filing.<action lower-case>`).
const OTHER_ACTION_LABELS: Record<string, string> = {
  CREATE: '创建备案',
  UPDATE: '修改备案材料',
  RECOMMEND_NATIONAL: '推荐参加国家层面试点',
  WITHDRAW_NATIONAL: '撤回国家层面推荐',
  OBJECTION: '登记公示异议',
  OBJECTION_ANSWER: '答复公示异议',
};

/** The timeline's name for an audited action, whether written `SUBMIT` or `filing.submit`. */
export function filingTimelineLabel(action: string): string {
  const suffix = (action.split('.').pop() ?? action).toUpperCase();
  if (isFilingAction(suffix)) return FILING_ACTION_LABELS[suffix];
  return OTHER_ACTION_LABELS[suffix] ?? '其他操作';
}

/** The 64 hex digits shortened for a table cell; the whole hash is on hover and copy. */
export function shortSha256(sha256: string): string {
  return sha256.length > 16 ? `${sha256.slice(0, 8)}…${sha256.slice(-8)}` : sha256;
}
