import {
  defineWorkflow,
  labelsOf,
  stateLabels,
  statesWhere,
  type Transition,
} from '../applications/workflow.js';
import {
  parseProjectDecisionBasis,
  parseTaskContract,
  type ProjectDecisionBasis,
  type TaskContract,
} from './task-contract.js';

// A project (立项) after its award, as a kind of the one engine (Art. 14, 18–20): it runs under
// its task contract with progress reports; changes are approved or refused by the authority
// (Art. 19); it ends by acceptance (验收: request, expert review, optional notice, COMPLETED or
// FAILED), by termination without fault (终止) or by revocation for fault (撤销: recovery, and
// debarment where IP terms were broken). When the alliance dissolves its open projects freeze and
// the authority decides each: continue under a named unit, adjust, terminate or revoke (Art. 19).

export const ProjectState = {
  IN_PROGRESS: 'IN_PROGRESS',
  CHANGE_REQUESTED: 'CHANGE_REQUESTED',
  ACCEPTANCE_REQUESTED: 'ACCEPTANCE_REQUESTED',
  ACCEPTANCE_REVIEW: 'ACCEPTANCE_REVIEW',
  ACCEPTANCE_REVIEWED: 'ACCEPTANCE_REVIEWED',
  ACCEPTANCE_PUBLICISED: 'ACCEPTANCE_PUBLICISED',
  FROZEN: 'FROZEN',
  COMPLETED: 'COMPLETED',
  FAILED: 'FAILED',
  TERMINATED: 'TERMINATED',
  REVOKED: 'REVOKED',
} as const;
export type ProjectState = (typeof ProjectState)[keyof typeof ProjectState];

export const ProjectAction = {
  SUBMIT_ANNUAL_REPORT: 'SUBMIT_ANNUAL_REPORT',
  SUBMIT_MIDTERM_REPORT: 'SUBMIT_MIDTERM_REPORT',
  REQUEST_CHANGE: 'REQUEST_CHANGE',
  APPROVE_CHANGE: 'APPROVE_CHANGE',
  REFUSE_CHANGE: 'REFUSE_CHANGE',
  WITHDRAW_CHANGE: 'WITHDRAW_CHANGE',
  REQUEST_ACCEPTANCE: 'REQUEST_ACCEPTANCE',
  RETURN_ACCEPTANCE: 'RETURN_ACCEPTANCE',
  START_ACCEPTANCE_REVIEW: 'START_ACCEPTANCE_REVIEW',
  FINISH_ACCEPTANCE_REVIEW: 'FINISH_ACCEPTANCE_REVIEW',
  PUBLICISE_ACCEPTANCE: 'PUBLICISE_ACCEPTANCE',
  PASS_ACCEPTANCE: 'PASS_ACCEPTANCE',
  FAIL_ACCEPTANCE: 'FAIL_ACCEPTANCE',
  TERMINATE: 'TERMINATE',
  REVOKE: 'REVOKE',
  FREEZE_ON_DISSOLUTION: 'FREEZE_ON_DISSOLUTION',
  CONTINUE_UNDER_UNIT: 'CONTINUE_UNDER_UNIT',
  ADJUST: 'ADJUST',
} as const;
export type ProjectAction = (typeof ProjectAction)[keyof typeof ProjectAction];

export const ProjectActor = {
  /** Officers and admins of the alliance's home bureau, who act for the responsible unit. */
  PROJECT_SIDE: 'PROJECT_SIDE',
  /** Officers and admins of the authority that awarded the project. */
  AUTHORITY: 'AUTHORITY',
  /** That authority's admins: approvals and decisions (Art. 19's 核准). */
  AUTHORITY_ADMIN: 'AUTHORITY_ADMIN',
  /** The effects of other records: an alliance dissolving. */
  SYSTEM: 'SYSTEM',
} as const;
export type ProjectActor = (typeof ProjectActor)[keyof typeof ProjectActor];

/** Conditions checked when the action is taken; the API supplies their truth. */
export type ProjectGuard =
  | 'REASON_GIVEN'
  /** progress-reports.ts: the report's period is due, not yet reported, and covers each milestone due. */
  | 'REPORT_COMPLETE'
  /** project-changes.ts: the change request holds for its kind against the contract in force. */
  | 'CHANGE_WELL_FORMED'
  /** No unit the change or decision brings in (or keeps) is debarred on the day (Art. 20(2)). */
  | 'NO_PARTICIPANT_DEBARRED'
  /** Where one tenant both requests and approves (a city's own programme), two people do. */
  | 'APPROVER_IS_NOT_REQUESTER'
  /** Every progress report due so far is in (progress-reports.ts reportsDue). */
  | 'REPORTS_UP_TO_DATE'
  | 'FINAL_REPORT_ATTACHED'
  | 'PANEL_COMPLETE'
  | 'ALL_SHEETS_SUBMITTED'
  /** The programme sets acceptance notice days: the way through ACCEPTANCE_PUBLICISED is open. */
  | 'NOTICE_ASKED'
  /** The programme sets none: acceptance may pass without notice. */
  | 'NO_NOTICE_ASKED'
  | 'NOTICE_PERIOD_OVER'
  | 'OBJECTIONS_ANSWERED'
  /** No objection to the acceptance notice was answered as sustained (成立): then only failing follows. */
  | 'NO_OBJECTION_SUSTAINED'
  /** A revocation states the amount to recover: zero or more, at most what was paid net. */
  | 'RECOVERY_SET'
  | 'ALLIANCE_DISSOLVED'
  /** Continuing after dissolution names the unit that bears the project from now on. */
  | 'SUCCESSOR_UNIT_NAMED';

export type ProjectTransition = Transition<ProjectState, ProjectAction, ProjectActor, ProjectGuard>;

const t = (
  from: ProjectState,
  action: ProjectAction,
  to: ProjectState,
  actors: readonly ProjectActor[],
  guards: readonly ProjectGuard[] = [],
): ProjectTransition => ({ from, action, to, actors, guards });

const SIDE = ['PROJECT_SIDE'] as const;
const AUTHORITY = ['AUTHORITY', 'AUTHORITY_ADMIN'] as const;
const DECIDER = ['AUTHORITY_ADMIN'] as const;
const SYSTEM = ['SYSTEM'] as const;

/** Under way: reports, changes and acceptance are possible, and dissolution freezes them. */
const OPEN = [
  'IN_PROGRESS',
  'CHANGE_REQUESTED',
  'ACCEPTANCE_REQUESTED',
  'ACCEPTANCE_REVIEW',
  'ACCEPTANCE_REVIEWED',
  'ACCEPTANCE_PUBLICISED',
] as const;
/** Where the authority may end a project early: anything open, and a frozen one. */
const ENDABLE = [...OPEN, 'FROZEN'] as const;
const REPORTING = ['IN_PROGRESS', 'CHANGE_REQUESTED'] as const;
const AFTER_NOTICE = ['NOTICE_PERIOD_OVER', 'OBJECTIONS_ANSWERED'] as const;

/** The project as a kind of the one application engine; its dossier is the task contract. */
export const PROJECT_WORKFLOW = defineWorkflow<
  ProjectState,
  ProjectAction,
  ProjectActor,
  ProjectGuard,
  TaskContract | null,
  ProjectDecisionBasis | null
>({
  name: 'project',
  parseDossier: parseTaskContract,
  parseDecisionBasis: parseProjectDecisionBasis,
  // A project is the authority's from its award: every state is sent upward. None lapses: an
  // ended project stays the alliance's record (and its debarments and recoveries with it).
  states: {
    IN_PROGRESS: { label: '实施中', open: true, sentUpward: true, decided: true },
    CHANGE_REQUESTED: { label: '变更待审', open: true, sentUpward: true, decided: true },
    ACCEPTANCE_REQUESTED: { label: '已申请验收', open: true, sentUpward: true, decided: true },
    ACCEPTANCE_REVIEW: { label: '验收评审中', open: true, sentUpward: true, decided: true },
    ACCEPTANCE_REVIEWED: { label: '验收评审完成', open: true, sentUpward: true, decided: true },
    ACCEPTANCE_PUBLICISED: { label: '验收公示中', open: true, sentUpward: true, decided: true },
    FROZEN: { label: '冻结（联盟解散待处理）', open: true, sentUpward: true, decided: true },
    COMPLETED: { label: '通过验收', final: true, sentUpward: true, decided: true },
    FAILED: { label: '未通过验收', final: true, sentUpward: true, decided: true },
    TERMINATED: { label: '已终止', final: true, sentUpward: true, decided: true },
    REVOKED: { label: '已撤销', final: true, sentUpward: true, decided: true },
  },
  actions: {
    SUBMIT_ANNUAL_REPORT: { label: '提交年度进展报告' },
    SUBMIT_MIDTERM_REPORT: { label: '提交中期报告' },
    REQUEST_CHANGE: { label: '申请变更' },
    APPROVE_CHANGE: { label: '核准变更' },
    REFUSE_CHANGE: { label: '不予变更' },
    WITHDRAW_CHANGE: { label: '撤回变更申请' },
    REQUEST_ACCEPTANCE: { label: '申请验收' },
    RETURN_ACCEPTANCE: { label: '退回验收申请' },
    START_ACCEPTANCE_REVIEW: { label: '开始验收评审' },
    FINISH_ACCEPTANCE_REVIEW: { label: '结束验收评审' },
    PUBLICISE_ACCEPTANCE: { label: '验收公示' },
    PASS_ACCEPTANCE: { label: '通过验收' },
    FAIL_ACCEPTANCE: { label: '不通过验收' },
    TERMINATE: { label: '终止项目' },
    REVOKE: { label: '撤销项目' },
    FREEZE_ON_DISSOLUTION: { label: '因联盟解散冻结' },
    CONTINUE_UNDER_UNIT: { label: '由指定单位继续实施' },
    ADJUST: { label: '调整后继续实施' },
  },
  actors: {
    PROJECT_SIDE: { label: '项目承担方（联盟所在市州）' },
    AUTHORITY: { label: '计划主管部门' },
    AUTHORITY_ADMIN: { label: '计划主管部门管理员' },
    SYSTEM: { label: '系统' },
  },
  guards: {
    REASON_GIVEN: { label: '请填写理由或意见' },
    REPORT_COMPLETE: { label: '进展报告不完整或该期已报送，请查看未满足的条件' },
    CHANGE_WELL_FORMED: { label: '变更内容不符合要求，请查看未满足的条件' },
    NO_PARTICIPANT_DEBARRED: { label: '有参与单位处于禁入期（第二十条第（二）项）' },
    APPROVER_IS_NOT_REQUESTER: { label: '变更须由申请人以外的管理员核准' },
    REPORTS_UP_TO_DATE: { label: '尚有应报送的进展报告未报送' },
    FINAL_REPORT_ATTACHED: { label: '请附上项目总结报告' },
    PANEL_COMPLETE: { label: '验收专家组尚未配齐' },
    ALL_SHEETS_SUBMITTED: { label: '尚有专家未提交验收意见' },
    NOTICE_ASKED: { label: '该计划未设验收公示期' },
    NO_NOTICE_ASKED: { label: '该计划要求验收公示，须公示期满后再作结论' },
    NOTICE_PERIOD_OVER: { label: '公示期尚未结束' },
    OBJECTIONS_ANSWERED: { label: '尚有公示异议未答复' },
    NO_OBJECTION_SUSTAINED: { label: '验收公示异议经核实成立，不能通过验收' },
    RECOVERY_SET: { label: '请填写追回金额（不超过已拨付净额）' },
    ALLIANCE_DISSOLVED: { label: '联盟未解散' },
    SUCCESSOR_UNIT_NAMED: { label: '请指定继续承担项目的单位' },
  },
  transitions: [
    // Progress reports against the milestones; the project stays where it is.
    ...REPORTING.flatMap((from) => [
      t(from, 'SUBMIT_ANNUAL_REPORT', from, SIDE, ['REPORT_COMPLETE']),
      t(from, 'SUBMIT_MIDTERM_REPORT', from, SIDE, ['REPORT_COMPLETE']),
    ]),
    // Changes (Art. 19): one at a time, approved or refused by the authority.
    t('IN_PROGRESS', 'REQUEST_CHANGE', 'CHANGE_REQUESTED', SIDE, [
      'REASON_GIVEN',
      'CHANGE_WELL_FORMED',
      'NO_PARTICIPANT_DEBARRED',
    ]),
    t('CHANGE_REQUESTED', 'APPROVE_CHANGE', 'IN_PROGRESS', DECIDER, [
      'REASON_GIVEN',
      'CHANGE_WELL_FORMED',
      'NO_PARTICIPANT_DEBARRED',
      'APPROVER_IS_NOT_REQUESTER',
    ]),
    t('CHANGE_REQUESTED', 'REFUSE_CHANGE', 'IN_PROGRESS', DECIDER, ['REASON_GIVEN']),
    t('CHANGE_REQUESTED', 'WITHDRAW_CHANGE', 'IN_PROGRESS', SIDE),
    // Acceptance (验收).
    t('IN_PROGRESS', 'REQUEST_ACCEPTANCE', 'ACCEPTANCE_REQUESTED', SIDE, [
      'REPORTS_UP_TO_DATE',
      'FINAL_REPORT_ATTACHED',
    ]),
    t('ACCEPTANCE_REQUESTED', 'RETURN_ACCEPTANCE', 'IN_PROGRESS', AUTHORITY, ['REASON_GIVEN']),
    t('ACCEPTANCE_REQUESTED', 'START_ACCEPTANCE_REVIEW', 'ACCEPTANCE_REVIEW', AUTHORITY, ['PANEL_COMPLETE']),
    t('ACCEPTANCE_REVIEW', 'FINISH_ACCEPTANCE_REVIEW', 'ACCEPTANCE_REVIEWED', AUTHORITY, [
      'ALL_SHEETS_SUBMITTED',
    ]),
    t('ACCEPTANCE_REVIEWED', 'PUBLICISE_ACCEPTANCE', 'ACCEPTANCE_PUBLICISED', AUTHORITY, ['NOTICE_ASKED']),
    t('ACCEPTANCE_REVIEWED', 'PASS_ACCEPTANCE', 'COMPLETED', DECIDER, ['NO_NOTICE_ASKED', 'REASON_GIVEN']),
    t('ACCEPTANCE_PUBLICISED', 'PASS_ACCEPTANCE', 'COMPLETED', DECIDER, [
      ...AFTER_NOTICE,
      'NO_OBJECTION_SUSTAINED',
      'REASON_GIVEN',
    ]),
    t('ACCEPTANCE_REVIEWED', 'FAIL_ACCEPTANCE', 'FAILED', DECIDER, ['REASON_GIVEN']),
    t('ACCEPTANCE_PUBLICISED', 'FAIL_ACCEPTANCE', 'FAILED', DECIDER, [...AFTER_NOTICE, 'REASON_GIVEN']),
    // Ending early: without fault, or for fault with a recovery (and, decided with it, debarment).
    ...ENDABLE.map((from) => t(from, 'TERMINATE', 'TERMINATED', DECIDER, ['REASON_GIVEN'])),
    ...ENDABLE.map((from) => t(from, 'REVOKE', 'REVOKED', DECIDER, ['REASON_GIVEN', 'RECOVERY_SET'])),
    // The dissolution cascade (Art. 19): frozen, then decided by the authority directly.
    ...OPEN.map((from) => t(from, 'FREEZE_ON_DISSOLUTION', 'FROZEN', SYSTEM, ['ALLIANCE_DISSOLVED'])),
    t('FROZEN', 'CONTINUE_UNDER_UNIT', 'IN_PROGRESS', DECIDER, [
      'REASON_GIVEN',
      'SUCCESSOR_UNIT_NAMED',
      'NO_PARTICIPANT_DEBARRED',
    ]),
    t('FROZEN', 'ADJUST', 'IN_PROGRESS', DECIDER, [
      'REASON_GIVEN',
      'CHANGE_WELL_FORMED',
      'NO_PARTICIPANT_DEBARRED',
    ]),
  ],
});

export const PROJECT_STATE_LABELS: Record<ProjectState, string> = stateLabels(PROJECT_WORKFLOW);
export const PROJECT_ACTION_LABELS: Record<ProjectAction, string> = labelsOf(PROJECT_WORKFLOW.actions);
export const PROJECT_ACTOR_LABELS: Record<ProjectActor, string> = labelsOf(PROJECT_WORKFLOW.actors);
/** Why an action was refused, one line per failing guard. */
export const PROJECT_GUARD_LABELS: Record<ProjectGuard, string> = labelsOf(PROJECT_WORKFLOW.guards);
export const FINAL_PROJECT_STATES: readonly ProjectState[] = statesWhere(PROJECT_WORKFLOW, 'final');
/** The states a dissolving alliance's projects are frozen from. */
export const OPEN_PROJECT_STATES: readonly ProjectState[] = OPEN;

/**
 * Where a tranche may be paid: while the project runs and after it passed acceptance (the final
 * payment often follows 验收); never while frozen, nor once it failed, was terminated or revoked.
 */
export const DISBURSABLE_PROJECT_STATES: readonly ProjectState[] = [...OPEN, 'COMPLETED'];

type AcceptanceSettings = { acceptanceNoticeDays: number };

/** What the programme's acceptance notice setting says of a route guard; null for any other. */
export function projectRouteHolds(guard: ProjectGuard, programme: AcceptanceSettings): boolean | null {
  if (guard === 'NOTICE_ASKED') return programme.acceptanceNoticeDays > 0;
  if (guard === 'NO_NOTICE_ASKED') return programme.acceptanceNoticeDays === 0;
  return null;
}

/** The states a project passes on its way to COMPLETED, for the apps' step bar. */
export function acceptanceRoute(programme: AcceptanceSettings): ProjectState[] {
  return [
    'IN_PROGRESS',
    'ACCEPTANCE_REQUESTED',
    'ACCEPTANCE_REVIEW',
    'ACCEPTANCE_REVIEWED',
    ...(programme.acceptanceNoticeDays > 0 ? (['ACCEPTANCE_PUBLICISED'] as const) : []),
    'COMPLETED',
  ];
}
