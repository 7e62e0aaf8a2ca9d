import {
  defineWorkflow,
  labelsOf,
  stateLabels,
  statesWhere,
  type Transition,
} from '../applications/workflow.js';
import { type FilingDecisionBasis, parseFilingDecisionBasis, parseFilingSnapshot } from './filing-records.js';
import type { FilingSnapshot } from './filing-snapshot.js';

// Filing with the province (备案, Art. 21) as a kind of the one application engine: a city sends
// one of its pilot alliances upward, the province checks it formally, reviews and publicises it
// when the round asks, and files it; after filing it lives on through changes, suspension,
// withdrawal and revocation. The round decides the route, so its guards say which way is open.

export const FilingState = {
  DRAFT: 'DRAFT',
  SUBMITTED: 'SUBMITTED',
  ACCEPTED: 'ACCEPTED',
  RETURNED: 'RETURNED',
  REFUSED: 'REFUSED',
  IN_REVIEW: 'IN_REVIEW',
  REVIEWED: 'REVIEWED',
  PUBLICISED: 'PUBLICISED',
  FILED: 'FILED',
  CHANGE_SUBMITTED: 'CHANGE_SUBMITTED',
  SUSPENDED: 'SUSPENDED',
  WITHDRAWN: 'WITHDRAWN',
  REVOKED: 'REVOKED',
} as const;
export type FilingState = (typeof FilingState)[keyof typeof FilingState];

export const FilingAction = {
  SUBMIT: 'SUBMIT',
  ACCEPT: 'ACCEPT',
  RETURN: 'RETURN',
  REFUSE: 'REFUSE',
  LAPSE: 'LAPSE',
  START_REVIEW: 'START_REVIEW',
  FINISH_REVIEW: 'FINISH_REVIEW',
  PUBLICISE: 'PUBLICISE',
  FILE: 'FILE',
  SUBMIT_CHANGE: 'SUBMIT_CHANGE',
  ACCEPT_CHANGE: 'ACCEPT_CHANGE',
  RETURN_CHANGE: 'RETURN_CHANGE',
  SUSPEND: 'SUSPEND',
  REINSTATE: 'REINSTATE',
  WITHDRAW: 'WITHDRAW',
  REVOKE: 'REVOKE',
  REVOKE_ON_DISSOLUTION: 'REVOKE_ON_DISSOLUTION',
} as const;
export type FilingAction = (typeof FilingAction)[keyof typeof FilingAction];

/** The parts played for one filing. */
export const FilingActor = {
  /** Officers and admins of the alliance's home bureau, which files (Art. 21). */
  FILING_CITY: 'FILING_CITY',
  /** The province's officers and admins: formal check, review, notice. */
  PROVINCE: 'PROVINCE',
  /** The province's admins: the decisions (file, refuse, suspend, reinstate, revoke). */
  PROVINCE_ADMIN: 'PROVINCE_ADMIN',
  /** The scheduler and the effects of other records: deadlines passing, an alliance dissolving. */
  SYSTEM: 'SYSTEM',
} as const;
export type FilingActor = (typeof FilingActor)[keyof typeof FilingActor];

/** Conditions checked when the action is taken; the API supplies their truth. */
export type FilingGuard =
  /** The round takes filings now (published, between opening and closing). */
  | 'ROUND_OPEN'
  /** Who files what (filing-eligibility.ts): established, the city's own, a pilot, no other live filing. */
  | 'ELIGIBLE'
  /** The significance statement, the level claimed and the round's required documents. */
  | 'DOSSIER_COMPLETE'
  /** The city has a place left under the round's quota. */
  | 'WITHIN_QUOTA'
  | 'REASON_GIVEN'
  /** A return names the date by which the city must correct and resubmit. */
  | 'CORRECTION_DEADLINE_SET'
  | 'CORRECTION_DEADLINE_NOT_PASSED'
  | 'CORRECTION_DEADLINE_PASSED'
  /** The round asks for expert review: the way through IN_REVIEW is open. */
  | 'ROUND_ASKS_REVIEW'
  /** The round asks for none: the province may decide without experts. */
  | 'ROUND_WITHOUT_REVIEW'
  /** The round sets notice days: the way through PUBLICISED is open. */
  | 'ROUND_ASKS_NOTICE'
  /** The round sets none: the province may file without public notice. */
  | 'ROUND_WITHOUT_NOTICE'
  | 'PANEL_COMPLETE'
  | 'ALL_SHEETS_SUBMITTED'
  | 'NOTICE_PERIOD_OVER'
  | 'OBJECTIONS_ANSWERED'
  /** The alliance has not dissolved: nothing is filed or kept in force for a dissolved one. */
  | 'ALLIANCE_ACTIVE'
  | 'ALLIANCE_DISSOLVED'
  /** A change filing differs from the filed snapshot (filing-snapshot.ts `diffSnapshots`). */
  | 'CHANGE_DIFFERS';

export type FilingTransition = Transition<FilingState, FilingAction, FilingActor, FilingGuard>;

const t = (
  from: FilingState,
  action: FilingAction,
  to: FilingState,
  actors: readonly FilingActor[],
  guards: readonly FilingGuard[] = [],
): FilingTransition => ({ from, action, to, actors, guards });

const CITY = ['FILING_CITY'] as const;
const PROVINCE = ['PROVINCE', 'PROVINCE_ADMIN'] as const;
const DECIDER = ['PROVINCE_ADMIN'] as const;
const SYSTEM = ['SYSTEM'] as const;

// A suspended filing waits for the province's decision; withdrawing it would pre-empt a revocation.
const WITHDRAWABLE = [
  'DRAFT',
  'SUBMITTED',
  'ACCEPTED',
  'RETURNED',
  'IN_REVIEW',
  'REVIEWED',
  'PUBLICISED',
  'FILED',
  'CHANGE_SUBMITTED',
] as const;

const IN_FORCE = ['FILED', 'CHANGE_SUBMITTED', 'SUSPENDED'] as const;

/** The filing as a kind of the one application engine. */
export const FILING_WORKFLOW = defineWorkflow<
  FilingState,
  FilingAction,
  FilingActor,
  FilingGuard,
  FilingSnapshot | null,
  FilingDecisionBasis | null
>({
  name: 'filing',
  parseDossier: parseFilingSnapshot,
  parseDecisionBasis: parseFilingDecisionBasis,
  // A filing in force (filed, changing, suspended) still counts as the alliance's one filing: only
  // the lapsed states free it. RETURNED stays with the province, which set its deadline.
  states: {
    DRAFT: { label: '草稿', open: true, editable: true },
    SUBMITTED: { label: '已提交', open: true, sentUpward: true },
    ACCEPTED: { label: '已受理', open: true, sentUpward: true },
    RETURNED: { label: '退回修改', open: true, editable: true, sentUpward: true },
    REFUSED: { label: '不予备案', final: true, sentUpward: true, decided: true, lapsed: true },
    IN_REVIEW: { label: '专家评审中', open: true, sentUpward: true },
    REVIEWED: { label: '评审完成', open: true, sentUpward: true },
    PUBLICISED: { label: '公示中', open: true, sentUpward: true },
    FILED: { label: '已备案', sentUpward: true, decided: true },
    CHANGE_SUBMITTED: { label: '变更备案待审', open: true, sentUpward: true, decided: true },
    SUSPENDED: { label: '暂停', open: true, sentUpward: true, decided: true },
    WITHDRAWN: { label: '已撤回', final: true, lapsed: true },
    REVOKED: { label: '已撤销', final: true, sentUpward: true, decided: true, lapsed: true },
  },
  actions: {
    SUBMIT: { label: '提交备案' },
    ACCEPT: { label: '受理' },
    RETURN: { label: '退回修改' },
    REFUSE: { label: '不予备案' },
    LAPSE: { label: '逾期未补正' },
    START_REVIEW: { label: '开始专家评审' },
    FINISH_REVIEW: { label: '结束评审' },
    PUBLICISE: { label: '公示' },
    FILE: { label: '予以备案' },
    SUBMIT_CHANGE: { label: '提交变更备案' },
    ACCEPT_CHANGE: { label: '同意变更' },
    RETURN_CHANGE: { label: '退回变更' },
    SUSPEND: { label: '暂停备案' },
    REINSTATE: { label: '恢复备案' },
    WITHDRAW: { label: '撤回备案' },
    REVOKE: { label: '撤销备案' },
    REVOKE_ON_DISSOLUTION: { label: '因联盟解散撤销备案' },
  },
  actors: {
    FILING_CITY: { label: '备案市州科技局' },
    PROVINCE: { label: '省科技厅' },
    PROVINCE_ADMIN: { label: '省科技厅管理员' },
    SYSTEM: { label: '系统' },
  },
  guards: {
    ROUND_OPEN: { label: '不在备案批次规定的受理时间内' },
    ELIGIBLE: { label: '联盟不符合备案条件（第二十一条）' },
    DOSSIER_COMPLETE: { label: '备案材料不完整' },
    WITHIN_QUOTA: { label: '本单位在该批次的备案名额已用完' },
    REASON_GIVEN: { label: '请填写理由' },
    CORRECTION_DEADLINE_SET: { label: '请设定补正期限' },
    CORRECTION_DEADLINE_NOT_PASSED: { label: '补正期限已过，不能再提交' },
    CORRECTION_DEADLINE_PASSED: { label: '补正期限尚未届满' },
    ROUND_ASKS_REVIEW: { label: '该批次不组织专家评审' },
    ROUND_WITHOUT_REVIEW: { label: '该批次要求专家评审，须评审完成后再作决定' },
    ROUND_ASKS_NOTICE: { label: '该批次未设公示期' },
    ROUND_WITHOUT_NOTICE: { label: '该批次要求公示，须公示期满后再予备案' },
    PANEL_COMPLETE: { label: '评审专家组尚未配齐' },
    ALL_SHEETS_SUBMITTED: { label: '尚有专家未提交评分表' },
    NOTICE_PERIOD_OVER: { label: '公示期尚未结束' },
    OBJECTIONS_ANSWERED: { label: '尚有公示异议未答复' },
    ALLIANCE_ACTIVE: { label: '联盟已解散' },
    ALLIANCE_DISSOLVED: { label: '联盟未解散' },
    CHANGE_DIFFERS: { label: '与已备案的内容相比没有变化' },
  },
  transitions: [
    t('DRAFT', 'SUBMIT', 'SUBMITTED', CITY, ['ROUND_OPEN', 'ELIGIBLE', 'DOSSIER_COMPLETE', 'WITHIN_QUOTA']),
    // A returned filing keeps its place in the round; the correction deadline, not the round's
    // closing, bounds the resubmission.
    t('RETURNED', 'SUBMIT', 'SUBMITTED', CITY, [
      'CORRECTION_DEADLINE_NOT_PASSED',
      'ELIGIBLE',
      'DOSSIER_COMPLETE',
    ]),
    // Formal check.
    t('SUBMITTED', 'ACCEPT', 'ACCEPTED', PROVINCE),
    t('SUBMITTED', 'RETURN', 'RETURNED', PROVINCE, ['REASON_GIVEN', 'CORRECTION_DEADLINE_SET']),
    t('SUBMITTED', 'REFUSE', 'REFUSED', PROVINCE, ['REASON_GIVEN']),
    t('RETURNED', 'LAPSE', 'REFUSED', SYSTEM, ['CORRECTION_DEADLINE_PASSED']),
    // Expert review, when the round asks for it: the existing pools, conflict rules and sheets.
    t('ACCEPTED', 'START_REVIEW', 'IN_REVIEW', PROVINCE, ['ROUND_ASKS_REVIEW', 'PANEL_COMPLETE']),
    t('IN_REVIEW', 'FINISH_REVIEW', 'REVIEWED', PROVINCE, ['ALL_SHEETS_SUBMITTED']),
    // Public notice, when the round sets notice days: after review, or after acceptance without one.
    t('ACCEPTED', 'PUBLICISE', 'PUBLICISED', PROVINCE, ['ROUND_WITHOUT_REVIEW', 'ROUND_ASKS_NOTICE']),
    t('REVIEWED', 'PUBLICISE', 'PUBLICISED', PROVINCE, ['ROUND_ASKS_NOTICE']),
    // The decision, at the end of whichever route the round sets.
    t('ACCEPTED', 'FILE', 'FILED', DECIDER, [
      'ROUND_WITHOUT_REVIEW',
      'ROUND_WITHOUT_NOTICE',
      'ALLIANCE_ACTIVE',
    ]),
    t('REVIEWED', 'FILE', 'FILED', DECIDER, ['ROUND_WITHOUT_NOTICE', 'ALLIANCE_ACTIVE']),
    t('PUBLICISED', 'FILE', 'FILED', DECIDER, [
      'NOTICE_PERIOD_OVER',
      'OBJECTIONS_ANSWERED',
      'ALLIANCE_ACTIVE',
    ]),
    // Refusing needs no notice (公示 is of what is to be filed), but rests on the review when asked.
    t('ACCEPTED', 'REFUSE', 'REFUSED', DECIDER, ['ROUND_WITHOUT_REVIEW', 'REASON_GIVEN']),
    t('REVIEWED', 'REFUSE', 'REFUSED', DECIDER, ['REASON_GIVEN']),
    t('PUBLICISED', 'REFUSE', 'REFUSED', DECIDER, [
      'NOTICE_PERIOD_OVER',
      'OBJECTIONS_ANSWERED',
      'REASON_GIVEN',
    ]),
    // 变更备案: the city sends the changed record with its explanation; the province takes the
    // change (the new snapshot is the filed one) or returns it (the filed snapshot stays).
    t('FILED', 'SUBMIT_CHANGE', 'CHANGE_SUBMITTED', CITY, [
      'CHANGE_DIFFERS',
      'ALLIANCE_ACTIVE',
      'REASON_GIVEN',
    ]),
    t('CHANGE_SUBMITTED', 'ACCEPT_CHANGE', 'FILED', PROVINCE, ['ALLIANCE_ACTIVE']),
    t('CHANGE_SUBMITTED', 'RETURN_CHANGE', 'FILED', PROVINCE, ['REASON_GIVEN']),
    t('FILED', 'SUSPEND', 'SUSPENDED', DECIDER, ['REASON_GIVEN']),
    t('SUSPENDED', 'REINSTATE', 'FILED', DECIDER, ['REASON_GIVEN', 'ALLIANCE_ACTIVE']),
    ...IN_FORCE.map((from) => t(from, 'REVOKE', 'REVOKED', DECIDER, ['REASON_GIVEN'])),
    ...IN_FORCE.map((from) => t(from, 'REVOKE_ON_DISSOLUTION', 'REVOKED', SYSTEM, ['ALLIANCE_DISSOLVED'])),
    ...WITHDRAWABLE.map((from) => t(from, 'WITHDRAW', 'WITHDRAWN', CITY, ['REASON_GIVEN'])),
  ],
});

export const FILING_STATE_LABELS: Record<FilingState, string> = stateLabels(FILING_WORKFLOW);
export const FILING_ACTION_LABELS: Record<FilingAction, string> = labelsOf(FILING_WORKFLOW.actions);
export const FILING_ACTOR_LABELS: Record<FilingActor, string> = labelsOf(FILING_WORKFLOW.actors);
/** Why an action was refused, one line per failing guard. */
export const FILING_GUARD_LABELS: Record<FilingGuard, string> = labelsOf(FILING_WORKFLOW.guards);
export const FINAL_FILING_STATES: readonly FilingState[] = statesWhere(FILING_WORKFLOW, 'final');
/** The states that no longer count as the alliance's one filing. */
export const LAPSED_FILING_STATES: readonly FilingState[] = statesWhere(FILING_WORKFLOW, 'lapsed');
/** The states in which a filing is in force: the province reads the alliance's live record. */
export const IN_FORCE_FILING_STATES: readonly FilingState[] = IN_FORCE;

type RouteSettings = { reviewRequired: boolean; noticeDays: number };

const ROUTE_GUARDS: Partial<Record<FilingGuard, (round: RouteSettings) => boolean>> = {
  ROUND_ASKS_REVIEW: (round) => round.reviewRequired,
  ROUND_WITHOUT_REVIEW: (round) => !round.reviewRequired,
  ROUND_ASKS_NOTICE: (round) => round.noticeDays > 0,
  ROUND_WITHOUT_NOTICE: (round) => round.noticeDays === 0,
};

/** What the round's own settings say of its route guards; null for a guard they do not decide. */
export function roundRouteHolds(guard: FilingGuard, round: RouteSettings): boolean | null {
  const rule = ROUTE_GUARDS[guard];
  return rule ? rule(round) : null;
}

/** The states a filing passes on its way to FILED in a round, for the apps' step bar. */
export function filingRoute(round: RouteSettings): FilingState[] {
  return [
    'DRAFT',
    'SUBMITTED',
    'ACCEPTED',
    ...(round.reviewRequired ? (['IN_REVIEW', 'REVIEWED'] as const) : []),
    ...(round.noticeDays > 0 ? (['PUBLICISED'] as const) : []),
    'FILED',
  ];
}
