import type { PilotGuard } from './pilot-transitions.js';

// Chinese wording for the pilot workflow, shared by the API's refusals and the apps' pages.

export const PilotLevel = { PROVINCIAL: 'PROVINCIAL', CITY: 'CITY' } as const;
export type PilotLevel = (typeof PilotLevel)[keyof typeof PilotLevel];

export const PILOT_LEVEL_LABELS: Record<PilotLevel, string> = {
  PROVINCIAL: '省级试点',
  CITY: '市级试点',
};

/** Why an action was refused, one line per failing guard. */
export const PILOT_GUARD_LABELS: Record<PilotGuard, string> = {
  FOUNDING_CONDITIONS_HOLD: '联盟尚不满足第八条规定的基本条件',
  DOSSIER_COMPLETE: '申报材料不完整',
  CALL_OPEN: '不在申报通知规定的申报时间内',
  REASON_GIVEN: '请填写理由或意见',
  OPINION_GIVEN: '请填写推荐意见',
  RECOMMENDER_IS_NOT_SUBMITTER: '推荐须由提交人以外的本单位管理员签署',
  PANEL_COMPLETE: '评审专家组尚未配齐',
  ALL_SHEETS_SUBMITTED: '尚有专家未提交评分表',
  NOTICE_PERIOD_SET: '实施办法未规定公示期',
  NOTICE_PERIOD_OVER: '公示期尚未结束',
  OBJECTIONS_ANSWERED: '尚有公示异议未答复',
};

/** What waits for a user's action, as the work list shows it. */
export const WorkItemKind = {
  REVISE: 'REVISE',
  RECOMMEND: 'RECOMMEND',
  CHECK: 'CHECK',
  ASSIGN_PANEL: 'ASSIGN_PANEL',
  SCORE: 'SCORE',
  CLOSE_REVIEW: 'CLOSE_REVIEW',
  PUBLICISE: 'PUBLICISE',
  DECIDE: 'DECIDE',
  ANSWER_OBJECTION: 'ANSWER_OBJECTION',
} as const;
export type WorkItemKind = (typeof WorkItemKind)[keyof typeof WorkItemKind];

export const WORK_ITEM_KIND_LABELS: Record<WorkItemKind, string> = {
  REVISE: '待修改提交',
  RECOMMEND: '待推荐',
  CHECK: '待形式审查',
  ASSIGN_PANEL: '待组织评审',
  SCORE: '待评分',
  CLOSE_REVIEW: '待结束评审',
  PUBLICISE: '待公示',
  DECIDE: '待决定',
  ANSWER_OBJECTION: '待答复异议',
};
