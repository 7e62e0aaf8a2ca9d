import {
  availableActions,
  type Decision,
  decide,
  defineWorkflow,
  labelsOf,
  stateLabels,
  statesWhere,
  type Transition,
} from '../applications/workflow.js';
import { type WorkflowProgress, workflowProgress } from '../applications/workflow-progress.js';
import { type PilotDecisionBasis, parsePilotDecisionBasis } from './pilot-decision-basis.js';
import { type PilotDossier, parsePilotDossier } from './pilot-dossier.js';

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
  REFUSED: 'REFUSED',
} as const;
export type PilotState = (typeof PilotState)[keyof typeof PilotState];

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
  REFUSE: 'REFUSE',
} as const;
export type PilotAction = (typeof PilotAction)[keyof typeof PilotAction];

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
  | 'OBJECTIONS_ANSWERED'
  /** No panel free of conflicts, in the domain and under the yearly cap, can be formed from the pool. */
  | 'NO_VALID_PANEL';

export type PilotTransition = Transition<PilotState, PilotAction, PilotActor, PilotGuard>;

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

/** The pilot application as a kind of the one application engine. */
export const PILOT_WORKFLOW = defineWorkflow<
  PilotState,
  PilotAction,
  PilotActor,
  PilotGuard,
  PilotDossier,
  PilotDecisionBasis
>({
  name: 'pilot_application',
  parseDossier: parsePilotDossier,
  parseDecisionBasis: parsePilotDecisionBasis,
  states: {
    DRAFT: { label: '草稿', open: true, editable: true },
    SUBMITTED: { label: '已提交推荐单位', open: true },
    RECOMMENDED: { label: '已推荐', open: true, sentUpward: true },
    ACCEPTED: { label: '形式审查通过', open: true, sentUpward: true },
    IN_REVIEW: { label: '专家评审中', open: true, sentUpward: true },
    REVIEWED: { label: '评审完成', open: true, sentUpward: true },
    PUBLICISED: { label: '公示中', open: true, sentUpward: true },
    APPROVED: { label: '已确认试点', final: true, sentUpward: true, decided: true },
    DECLINED: { label: '未予确认', final: true, sentUpward: true, decided: true, lapsed: true },
    RETURNED: { label: '退回修改', open: true, editable: true },
    NOT_RECOMMENDED: { label: '不予推荐', final: true, lapsed: true },
    WITHDRAWN: { label: '已撤回', final: true, lapsed: true },
    REFUSED: { label: '不予受理', final: true, sentUpward: true, lapsed: true },
  },
  actions: {
    SUBMIT: { label: '提交' },
    RECOMMEND: { label: '推荐' },
    NOT_RECOMMEND: { label: '不予推荐' },
    RETURN: { label: '退回修改' },
    ACCEPT: { label: '形式审查通过' },
    START_REVIEW: { label: '开始专家评审' },
    CLOSE_REVIEW: { label: '结束评审' },
    PUBLICISE: { label: '公示' },
    APPROVE: { label: '确认试点' },
    DECLINE: { label: '不予确认' },
    WITHDRAW: { label: '撤回' },
    REFUSE: { label: '不予受理' },
  },
  actors: {
    APPLICANT_SIDE: { label: '申报单位（联盟所在市州）' },
    RECOMMENDER: { label: '推荐单位' },
    AUTHORITY: { label: '主管部门' },
    AUTHORITY_ADMIN: { label: '主管部门管理员' },
  },
  guards: {
    FOUNDING_CONDITIONS_HOLD: { label: '联盟尚不满足第八条规定的基本条件' },
    DOSSIER_COMPLETE: { label: '申报材料不完整' },
    CALL_OPEN: { label: '不在申报通知规定的申报时间内' },
    REASON_GIVEN: { label: '请填写理由或意见' },
    OPINION_GIVEN: { label: '请填写推荐意见' },
    RECOMMENDER_IS_NOT_SUBMITTER: { label: '推荐须由提交人以外的本单位管理员签署' },
    PANEL_COMPLETE: { label: '评审专家组尚未配齐' },
    ALL_SHEETS_SUBMITTED: { label: '尚有专家未提交评分表' },
    NOTICE_PERIOD_SET: { label: '实施办法未规定公示期' },
    NOTICE_PERIOD_OVER: { label: '公示期尚未结束' },
    OBJECTIONS_ANSWERED: { label: '尚有公示异议未答复' },
    NO_VALID_PANEL: { label: '专家库可以组成符合要求的专家组，请组织评审' },
  },
  transitions: [
    t('DRAFT', 'SUBMIT', 'SUBMITTED', APPLICANT, [
      'FOUNDING_CONDITIONS_HOLD',
      'DOSSIER_COMPLETE',
      'CALL_OPEN',
    ]),
    t('RETURNED', 'SUBMIT', 'SUBMITTED', APPLICANT, [
      'FOUNDING_CONDITIONS_HOLD',
      'DOSSIER_COMPLETE',
      'CALL_OPEN',
    ]),
    t('SUBMITTED', 'RECOMMEND', 'RECOMMENDED', RECOMMENDER, [
      'OPINION_GIVEN',
      'RECOMMENDER_IS_NOT_SUBMITTER',
    ]),
    t('SUBMITTED', 'NOT_RECOMMEND', 'NOT_RECOMMENDED', RECOMMENDER, ['REASON_GIVEN']),
    t('SUBMITTED', 'RETURN', 'RETURNED', RECOMMENDER, ['REASON_GIVEN']),
    t('RECOMMENDED', 'RETURN', 'RETURNED', AUTHORITY, ['REASON_GIVEN']),
    t('RECOMMENDED', 'ACCEPT', 'ACCEPTED', AUTHORITY),
    // The formal check may refuse outright (不予受理) as well as send back for correction.
    t('RECOMMENDED', 'REFUSE', 'REFUSED', AUTHORITY, ['REASON_GIVEN']),
    // Accepted, but no valid panel can be formed from the pool: back to the applicant, or declined.
    t('ACCEPTED', 'RETURN', 'RETURNED', AUTHORITY, ['REASON_GIVEN', 'NO_VALID_PANEL']),
    t('ACCEPTED', 'DECLINE', 'DECLINED', DECIDER, ['REASON_GIVEN', 'NO_VALID_PANEL']),
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
  ],
});

export const PILOT_STATE_LABELS: Record<PilotState, string> = stateLabels(PILOT_WORKFLOW);
export const PILOT_ACTION_LABELS: Record<PilotAction, string> = labelsOf(PILOT_WORKFLOW.actions);
export const PILOT_TRANSITIONS: readonly PilotTransition[] = PILOT_WORKFLOW.transitions;
export const FINAL_PILOT_STATES: readonly PilotState[] = statesWhere(PILOT_WORKFLOW, 'final');

/** The way an application goes when all goes well (Art. 10–13); 公示 only when the measures ask for it. */
export const PILOT_ROUTE: readonly PilotState[] = [
  'DRAFT',
  'SUBMITTED',
  'RECOMMENDED',
  'ACCEPTED',
  'IN_REVIEW',
  'REVIEWED',
  'PUBLICISED',
  'APPROVED',
];

/** Where an application stands on its route, from its state and the states its timeline went through. */
export function pilotProgress(
  state: PilotState,
  reached: readonly PilotState[],
): WorkflowProgress<PilotState> {
  return workflowProgress(PILOT_WORKFLOW, PILOT_ROUTE, state, reached, ['PUBLICISED']);
}

export type PilotDecision = Decision<PilotState, PilotGuard>;

export function decidePilotTransition(
  from: PilotState,
  action: PilotAction,
  actors: readonly PilotActor[],
  guardHolds: (guard: PilotGuard) => boolean,
): PilotDecision {
  return decide(PILOT_WORKFLOW, from, action, actors, guardHolds);
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
  return availableActions(PILOT_WORKFLOW, from, actors, knownToFail);
}
