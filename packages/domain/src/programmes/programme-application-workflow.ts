import {
  defineWorkflow,
  labelsOf,
  stateLabels,
  statesWhere,
  type Transition,
} from '../applications/workflow.js';
import {
  parseProgrammeApplicationDossier,
  parseProgrammeDecisionBasis,
  type ProgrammeApplicationDossier,
  type ProgrammeDecisionBasis,
} from './programme-records.js';

// An application to a support programme (Art. 14) as a kind of the one application engine: the
// alliance's home bureau enters it, the recommending unit (the city bureau for the province's
// programmes, the city itself for its own) recommends it, the authority checks it formally, an
// expert panel scores it, a public notice follows when the programme sets one, and the
// authority's admins award or decline. Eligibility is checked at submission and again at award.

export const ProgrammeApplicationState = {
  DRAFT: 'DRAFT',
  SUBMITTED: 'SUBMITTED',
  RECOMMENDED: 'RECOMMENDED',
  ACCEPTED: 'ACCEPTED',
  IN_REVIEW: 'IN_REVIEW',
  REVIEWED: 'REVIEWED',
  PUBLICISED: 'PUBLICISED',
  AWARDED: 'AWARDED',
  DECLINED: 'DECLINED',
  RETURNED: 'RETURNED',
  NOT_RECOMMENDED: 'NOT_RECOMMENDED',
  REFUSED: 'REFUSED',
  WITHDRAWN: 'WITHDRAWN',
} as const;
export type ProgrammeApplicationState =
  (typeof ProgrammeApplicationState)[keyof typeof ProgrammeApplicationState];

export const ProgrammeApplicationAction = {
  SUBMIT: 'SUBMIT',
  RECOMMEND: 'RECOMMEND',
  NOT_RECOMMEND: 'NOT_RECOMMEND',
  RETURN: 'RETURN',
  ACCEPT: 'ACCEPT',
  REFUSE: 'REFUSE',
  START_REVIEW: 'START_REVIEW',
  FINISH_REVIEW: 'FINISH_REVIEW',
  PUBLICISE: 'PUBLICISE',
  AWARD: 'AWARD',
  DECLINE: 'DECLINE',
  WITHDRAW: 'WITHDRAW',
} as const;
export type ProgrammeApplicationAction =
  (typeof ProgrammeApplicationAction)[keyof typeof ProgrammeApplicationAction];

/** The parts a user can play for one application (programme-actors.ts works them out). */
export const ProgrammeActor = {
  /** Officers and admins of the alliance's home bureau, who enter the dossier for it. */
  APPLICANT_SIDE: 'APPLICANT_SIDE',
  /** An admin of the recommending unit. */
  RECOMMENDER: 'RECOMMENDER',
  /** Officers and admins of the authority running the programme. */
  AUTHORITY: 'AUTHORITY',
  /** That authority's admins: the decisions. */
  AUTHORITY_ADMIN: 'AUTHORITY_ADMIN',
} as const;
export type ProgrammeActor = (typeof ProgrammeActor)[keyof typeof ProgrammeActor];

/** Conditions checked when the action is taken; the API supplies their truth. */
export type ProgrammeGuard =
  /** The call takes applications now (published, between opening and closing). */
  | 'CALL_OPEN'
  /** programme-eligibility.ts holds on the day: at submission for the support asked, at award for the award. */
  | 'ELIGIBLE'
  /** The form's frame, its kind's written parts and the call's documents (programme-application-form.ts). */
  | 'DOSSIER_COMPLETE'
  | 'REASON_GIVEN'
  | 'OPINION_GIVEN'
  | 'RECOMMENDER_IS_NOT_SUBMITTER'
  | 'PANEL_COMPLETE'
  | 'ALL_SHEETS_SUBMITTED'
  /** No panel free of conflicts (and of debarred employers) can be formed from the pool. */
  | 'NO_VALID_PANEL'
  /** The programme sets award notice days: the way through PUBLICISED is open. */
  | 'NOTICE_ASKED'
  /** The programme sets none: the award may follow the review directly. */
  | 'NO_NOTICE_ASKED'
  | 'NOTICE_PERIOD_OVER'
  | 'OBJECTIONS_ANSWERED'
  /** No objection to the notice was answered as sustained (成立): then only a decline follows. */
  | 'NO_OBJECTION_SUSTAINED'
  /** A positive amount, at most the support asked (programme.ts awardAmountViolations). */
  | 'AWARD_AMOUNT_SET'
  /** The programme's budget still holds the amount. */
  | 'WITHIN_PROGRAMME_BUDGET';

export type ProgrammeApplicationTransition = Transition<
  ProgrammeApplicationState,
  ProgrammeApplicationAction,
  ProgrammeActor,
  ProgrammeGuard
>;

const t = (
  from: ProgrammeApplicationState,
  action: ProgrammeApplicationAction,
  to: ProgrammeApplicationState,
  actors: readonly ProgrammeActor[],
  guards: readonly ProgrammeGuard[] = [],
): ProgrammeApplicationTransition => ({ from, action, to, actors, guards });

const APPLICANT = ['APPLICANT_SIDE'] as const;
const RECOMMENDER = ['RECOMMENDER'] as const;
const AUTHORITY = ['AUTHORITY', 'AUTHORITY_ADMIN'] as const;
const DECIDER = ['AUTHORITY_ADMIN'] as const;

const AWARD_GUARDS = ['ELIGIBLE', 'AWARD_AMOUNT_SET', 'WITHIN_PROGRAMME_BUDGET', 'REASON_GIVEN'] as const;
const AFTER_NOTICE = ['NOTICE_PERIOD_OVER', 'OBJECTIONS_ANSWERED'] as const;

/** The programme application as a kind of the one application engine. */
export const PROGRAMME_APPLICATION_WORKFLOW = defineWorkflow<
  ProgrammeApplicationState,
  ProgrammeApplicationAction,
  ProgrammeActor,
  ProgrammeGuard,
  ProgrammeApplicationDossier,
  ProgrammeDecisionBasis | null
>({
  name: 'programme_application',
  parseDossier: parseProgrammeApplicationDossier,
  parseDecisionBasis: parseProgrammeDecisionBasis,
  states: {
    DRAFT: { label: '草稿', open: true, editable: true },
    SUBMITTED: { label: '已提交推荐单位', open: true },
    RECOMMENDED: { label: '已推荐', open: true, sentUpward: true },
    ACCEPTED: { label: '形式审查通过', open: true, sentUpward: true },
    IN_REVIEW: { label: '专家评审中', open: true, sentUpward: true },
    REVIEWED: { label: '评审完成', open: true, sentUpward: true },
    PUBLICISED: { label: '公示中', open: true, sentUpward: true },
    AWARDED: { label: '已立项', final: true, sentUpward: true, decided: true },
    DECLINED: { label: '未予立项', final: true, sentUpward: true, decided: true, lapsed: true },
    RETURNED: { label: '退回修改', open: true, editable: true },
    NOT_RECOMMENDED: { label: '不予推荐', final: true, lapsed: true },
    REFUSED: { label: '不予受理', final: true, sentUpward: true, lapsed: true },
    WITHDRAWN: { label: '已撤回', final: true, lapsed: true },
  },
  actions: {
    SUBMIT: { label: '提交' },
    RECOMMEND: { label: '推荐' },
    NOT_RECOMMEND: { label: '不予推荐' },
    RETURN: { label: '退回修改' },
    ACCEPT: { label: '形式审查通过' },
    REFUSE: { label: '不予受理' },
    START_REVIEW: { label: '开始专家评审' },
    FINISH_REVIEW: { label: '结束评审' },
    PUBLICISE: { label: '公示' },
    AWARD: { label: '立项支持' },
    DECLINE: { label: '不予立项' },
    WITHDRAW: { label: '撤回' },
  },
  actors: {
    APPLICANT_SIDE: { label: '申报单位（联盟所在市州）' },
    RECOMMENDER: { label: '推荐单位' },
    AUTHORITY: { label: '计划主管部门' },
    AUTHORITY_ADMIN: { label: '计划主管部门管理员' },
  },
  guards: {
    CALL_OPEN: { label: '不在申报通知规定的申报时间内' },
    ELIGIBLE: { label: '不符合支持条件（第十四条、第十八条、第二十条），请查看未满足的条件' },
    DOSSIER_COMPLETE: { label: '申报材料不完整' },
    REASON_GIVEN: { label: '请填写理由或意见' },
    OPINION_GIVEN: { label: '请填写推荐意见' },
    RECOMMENDER_IS_NOT_SUBMITTER: { label: '推荐须由提交人以外的本单位管理员签署' },
    PANEL_COMPLETE: { label: '评审专家组尚未配齐' },
    ALL_SHEETS_SUBMITTED: { label: '尚有专家未提交评分表' },
    NO_VALID_PANEL: { label: '专家库可以组成符合要求的专家组，请组织评审' },
    NOTICE_ASKED: { label: '该计划未设立项公示期' },
    NO_NOTICE_ASKED: { label: '该计划要求立项公示，须公示期满后再作决定' },
    NOTICE_PERIOD_OVER: { label: '公示期尚未结束' },
    OBJECTIONS_ANSWERED: { label: '尚有公示异议未答复' },
    NO_OBJECTION_SUSTAINED: { label: '公示异议经核实成立，不能立项' },
    AWARD_AMOUNT_SET: { label: '请填写不超过申请金额的支持金额' },
    WITHIN_PROGRAMME_BUDGET: { label: '支持金额超过计划剩余预算' },
  },
  transitions: [
    t('DRAFT', 'SUBMIT', 'SUBMITTED', APPLICANT, ['CALL_OPEN', 'ELIGIBLE', 'DOSSIER_COMPLETE']),
    t('RETURNED', 'SUBMIT', 'SUBMITTED', APPLICANT, ['CALL_OPEN', 'ELIGIBLE', 'DOSSIER_COMPLETE']),
    // The recommending unit.
    t('SUBMITTED', 'RECOMMEND', 'RECOMMENDED', RECOMMENDER, [
      'OPINION_GIVEN',
      'RECOMMENDER_IS_NOT_SUBMITTER',
    ]),
    t('SUBMITTED', 'NOT_RECOMMEND', 'NOT_RECOMMENDED', RECOMMENDER, ['REASON_GIVEN']),
    t('SUBMITTED', 'RETURN', 'RETURNED', RECOMMENDER, ['REASON_GIVEN']),
    // The authority's formal check.
    t('RECOMMENDED', 'ACCEPT', 'ACCEPTED', AUTHORITY),
    t('RECOMMENDED', 'RETURN', 'RETURNED', AUTHORITY, ['REASON_GIVEN']),
    t('RECOMMENDED', 'REFUSE', 'REFUSED', AUTHORITY, ['REASON_GIVEN']),
    // The expert panel, with the conflict rules; when none can be formed, back or declined.
    t('ACCEPTED', 'START_REVIEW', 'IN_REVIEW', AUTHORITY, ['PANEL_COMPLETE']),
    t('ACCEPTED', 'RETURN', 'RETURNED', AUTHORITY, ['REASON_GIVEN', 'NO_VALID_PANEL']),
    t('ACCEPTED', 'DECLINE', 'DECLINED', DECIDER, ['REASON_GIVEN', 'NO_VALID_PANEL']),
    t('IN_REVIEW', 'FINISH_REVIEW', 'REVIEWED', AUTHORITY, ['ALL_SHEETS_SUBMITTED']),
    // The notice, when the programme sets one, then the decision.
    t('REVIEWED', 'PUBLICISE', 'PUBLICISED', AUTHORITY, ['NOTICE_ASKED']),
    t('REVIEWED', 'AWARD', 'AWARDED', DECIDER, ['NO_NOTICE_ASKED', ...AWARD_GUARDS]),
    t('PUBLICISED', 'AWARD', 'AWARDED', DECIDER, [...AFTER_NOTICE, 'NO_OBJECTION_SUSTAINED', ...AWARD_GUARDS]),
    // Declining needs no notice (公示 is of what is to be awarded), but waits for one under way.
    t('REVIEWED', 'DECLINE', 'DECLINED', DECIDER, ['REASON_GIVEN']),
    t('PUBLICISED', 'DECLINE', 'DECLINED', DECIDER, [...AFTER_NOTICE, 'REASON_GIVEN']),
    ...(['DRAFT', 'SUBMITTED', 'RECOMMENDED', 'ACCEPTED', 'RETURNED'] as const).map((from) =>
      t(from, 'WITHDRAW', 'WITHDRAWN', APPLICANT, ['REASON_GIVEN']),
    ),
  ],
});

export const PROGRAMME_APPLICATION_STATE_LABELS: Record<ProgrammeApplicationState, string> = stateLabels(
  PROGRAMME_APPLICATION_WORKFLOW,
);
export const PROGRAMME_APPLICATION_ACTION_LABELS: Record<ProgrammeApplicationAction, string> = labelsOf(
  PROGRAMME_APPLICATION_WORKFLOW.actions,
);
export const PROGRAMME_ACTOR_LABELS: Record<ProgrammeActor, string> = labelsOf(
  PROGRAMME_APPLICATION_WORKFLOW.actors,
);
/** Why an action was refused, one line per failing guard. */
export const PROGRAMME_GUARD_LABELS: Record<ProgrammeGuard, string> = labelsOf(
  PROGRAMME_APPLICATION_WORKFLOW.guards,
);
export const FINAL_PROGRAMME_APPLICATION_STATES: readonly ProgrammeApplicationState[] = statesWhere(
  PROGRAMME_APPLICATION_WORKFLOW,
  'final',
);
/** The states that no longer count as the alliance's one application to the programme. */
export const LAPSED_PROGRAMME_APPLICATION_STATES: readonly ProgrammeApplicationState[] = statesWhere(
  PROGRAMME_APPLICATION_WORKFLOW,
  'lapsed',
);

type NoticeSettings = { awardNoticeDays: number };

/** What the programme's notice setting says of a route guard; null for one it does not decide. */
export function programmeRouteHolds(guard: ProgrammeGuard, programme: NoticeSettings): boolean | null {
  if (guard === 'NOTICE_ASKED') return programme.awardNoticeDays > 0;
  if (guard === 'NO_NOTICE_ASKED') return programme.awardNoticeDays === 0;
  return null;
}

/** The states an application passes on its way to AWARDED, for the apps' step bar. */
export function programmeApplicationRoute(programme: NoticeSettings): ProgrammeApplicationState[] {
  return [
    'DRAFT',
    'SUBMITTED',
    'RECOMMENDED',
    'ACCEPTED',
    'IN_REVIEW',
    'REVIEWED',
    ...(programme.awardNoticeDays > 0 ? (['PUBLICISED'] as const) : []),
    'AWARDED',
  ];
}
