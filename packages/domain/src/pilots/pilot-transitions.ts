// The pilot application workflow (Art. 10–13), one table for the province's pilots and each
// city's own (Art. 21). Who may act is expressed as the part a user plays for an application;
// the API works out those parts from the user's tenant and roles, the apps show what is possible.

export const PilotState = {
  DRAFT: 'DRAFT',
  SUBMITTED: 'SUBMITTED',
  RECOMMENDED: 'RECOMMENDED',
  ACCEPTED: 'ACCEPTED',
  IN_REVIEW: 'IN_REVIEW',
  REVIEWED: 'REVIEWED',
  PUBLICISED: 'PUBLICISED',
  APPROVED: 'APPROVED',
  DECLINED: 'DECLINED',
  RETURNED: 'RETURNED',
  NOT_RECOMMENDED: 'NOT_RECOMMENDED',
  WITHDRAWN: 'WITHDRAWN',
} as const;
export type PilotState = (typeof PilotState)[keyof typeof PilotState];

export const PILOT_STATE_LABELS: Record<PilotState, string> = {
  DRAFT: '草稿',
  SUBMITTED: '已提交推荐单位',
  RECOMMENDED: '已推荐',
  ACCEPTED: '形式审查通过',
  IN_REVIEW: '专家评审中',
  REVIEWED: '评审完成',
  PUBLICISED: '公示中',
  APPROVED: '已确认试点',
  DECLINED: '未予确认',
  RETURNED: '退回修改',
  NOT_RECOMMENDED: '不予推荐',
  WITHDRAWN: '已撤回',
};

export const PilotAction = {
  SUBMIT: 'SUBMIT',
  RECOMMEND: 'RECOMMEND',
  NOT_RECOMMEND: 'NOT_RECOMMEND',
  RETURN: 'RETURN',
  ACCEPT: 'ACCEPT',
  START_REVIEW: 'START_REVIEW',
  CLOSE_REVIEW: 'CLOSE_REVIEW',
  PUBLICISE: 'PUBLICISE',
  APPROVE: 'APPROVE',
  DECLINE: 'DECLINE',
  WITHDRAW: 'WITHDRAW',
} as const;
export type PilotAction = (typeof PilotAction)[keyof typeof PilotAction];

export const PILOT_ACTION_LABELS: Record<PilotAction, string> = {
  SUBMIT: '提交',
  RECOMMEND: '推荐',
  NOT_RECOMMEND: '不予推荐',
  RETURN: '退回修改',
  ACCEPT: '形式审查通过',
  START_REVIEW: '开始专家评审',
  CLOSE_REVIEW: '结束评审',
  PUBLICISE: '公示',
  APPROVE: '确认试点',
  DECLINE: '不予确认',
  WITHDRAW: '撤回',
};

/** The parts a user can play for one application. */
export const PilotActor = {
  /** Officers of the alliance's home bureau, who enter the dossier for the applicant. */
  APPLICANT_SIDE: 'APPLICANT_SIDE',
  /** An admin of the recommending unit (for a provincial call, the city bureau). */
  RECOMMENDER: 'RECOMMENDER',
  /** Officers of the authority that published the call. */
  AUTHORITY: 'AUTHORITY',
  /** Admins of that authority: decisions. */
  AUTHORITY_ADMIN: 'AUTHORITY_ADMIN',
} as const;
export type PilotActor = (typeof PilotActor)[keyof typeof PilotActor];

/** Conditions checked when the action is taken; the API supplies their truth. */
export type PilotGuard =
  | 'FOUNDING_CONDITIONS_HOLD'
  /** The form's written parts and every document the call requires. */
  | 'DOSSIER_COMPLETE'
  | 'CALL_OPEN'
  | 'REASON_GIVEN'
  | 'OPINION_GIVEN'
  | 'RECOMMENDER_IS_NOT_SUBMITTER'
  | 'PANEL_COMPLETE'
  | 'ALL_SHEETS_SUBMITTED'
  /** The measures set a public notice period (公示); publishing one is the authority's choice (Art. 13). */
  | 'NOTICE_PERIOD_SET'
  | 'NOTICE_PERIOD_OVER'
  | 'OBJECTIONS_ANSWERED';

export type PilotTransition = {
  from: PilotState;
  action: PilotAction;
  to: PilotState;
  actors: readonly PilotActor[];
  guards: readonly PilotGuard[];
};

const t = (
  from: PilotState,
  action: PilotAction,
  to: PilotState,
  actors: readonly PilotActor[],
  guards: readonly PilotGuard[] = [],
): PilotTransition => ({ from, action, to, actors, guards });

const APPLICANT = ['APPLICANT_SIDE'] as const;
const RECOMMENDER = ['RECOMMENDER'] as const;
const AUTHORITY = ['AUTHORITY', 'AUTHORITY_ADMIN'] as const;
const DECIDER = ['AUTHORITY_ADMIN'] as const;

export const PILOT_TRANSITIONS: readonly PilotTransition[] = [
  t('DRAFT', 'SUBMIT', 'SUBMITTED', APPLICANT, ['FOUNDING_CONDITIONS_HOLD', 'DOSSIER_COMPLETE', 'CALL_OPEN']),
  t('RETURNED', 'SUBMIT', 'SUBMITTED', APPLICANT, [
    'FOUNDING_CONDITIONS_HOLD',
    'DOSSIER_COMPLETE',
    'CALL_OPEN',
  ]),
  t('SUBMITTED', 'RECOMMEND', 'RECOMMENDED', RECOMMENDER, ['OPINION_GIVEN', 'RECOMMENDER_IS_NOT_SUBMITTER']),
  t('SUBMITTED', 'NOT_RECOMMEND', 'NOT_RECOMMENDED', RECOMMENDER, ['REASON_GIVEN']),
  t('SUBMITTED', 'RETURN', 'RETURNED', RECOMMENDER, ['REASON_GIVEN']),
  t('RECOMMENDED', 'RETURN', 'RETURNED', AUTHORITY, ['REASON_GIVEN']),
  t('RECOMMENDED', 'ACCEPT', 'ACCEPTED', AUTHORITY),
  t('ACCEPTED', 'START_REVIEW', 'IN_REVIEW', AUTHORITY, ['PANEL_COMPLETE']),
  t('IN_REVIEW', 'CLOSE_REVIEW', 'REVIEWED', AUTHORITY, ['ALL_SHEETS_SUBMITTED']),
  t('REVIEWED', 'PUBLICISE', 'PUBLICISED', AUTHORITY, ['NOTICE_PERIOD_SET']),
  t('REVIEWED', 'APPROVE', 'APPROVED', DECIDER, ['REASON_GIVEN']),
  t('REVIEWED', 'DECLINE', 'DECLINED', DECIDER, ['REASON_GIVEN']),
  t('PUBLICISED', 'APPROVE', 'APPROVED', DECIDER, [
    'NOTICE_PERIOD_OVER',
    'OBJECTIONS_ANSWERED',
    'REASON_GIVEN',
  ]),
  t('PUBLICISED', 'DECLINE', 'DECLINED', DECIDER, [
    'NOTICE_PERIOD_OVER',
    'OBJECTIONS_ANSWERED',
    'REASON_GIVEN',
  ]),
  ...(['DRAFT', 'SUBMITTED', 'RECOMMENDED', 'ACCEPTED', 'RETURNED'] as const).map((from) =>
    t(from, 'WITHDRAW', 'WITHDRAWN', APPLICANT, ['REASON_GIVEN']),
  ),
];

export const FINAL_PILOT_STATES: readonly PilotState[] = [
  'APPROVED',
  'DECLINED',
  'NOT_RECOMMENDED',
  'WITHDRAWN',
];

export type PilotDecision =
  | { allowed: true; to: PilotState }
  | { allowed: false; reason: 'NOT_ALLOWED_IN_STATE' | 'ACTOR_NOT_ALLOWED' }
  | { allowed: false; reason: 'GUARD_FAILED'; failedGuards: PilotGuard[] };

export function decidePilotTransition(
  from: PilotState,
  action: PilotAction,
  actors: readonly PilotActor[],
  guardHolds: (guard: PilotGuard) => boolean,
): PilotDecision {
  const transition = PILOT_TRANSITIONS.find((x) => x.from === from && x.action === action);
  if (!transition) return { allowed: false, reason: 'NOT_ALLOWED_IN_STATE' };
  if (!transition.actors.some((a) => actors.includes(a)))
    return { allowed: false, reason: 'ACTOR_NOT_ALLOWED' };
  const failedGuards = transition.guards.filter((g) => !guardHolds(g));
  if (failedGuards.length) return { allowed: false, reason: 'GUARD_FAILED', failedGuards };
  return { allowed: true, to: transition.to };
}

/**
 * The actions a user may offer for an application in a state. Guards are checked on the action;
 * one already known to fail for this user (`knownToFail`) keeps the action off the offer.
 */
export function availablePilotActions(
  from: PilotState,
  actors: readonly PilotActor[],
  knownToFail: (guard: PilotGuard) => boolean = () => false,
): PilotAction[] {
  return PILOT_TRANSITIONS.filter(
    (x) => x.from === from && x.actors.some((a) => actors.includes(a)) && !x.guards.some(knownToFail),
  ).map((x) => x.action);
}
