import { labelsOf } from '../applications/workflow.js';
import { PILOT_WORKFLOW, type PilotGuard } from './pilot-transitions.js';

// Chinese wording for the pilot workflow, shared by the API's refusals and the apps' pages.

export const PilotLevel = { PROVINCIAL: 'PROVINCIAL', CITY: 'CITY' } as const;
export type PilotLevel = (typeof PilotLevel)[keyof typeof PilotLevel];

export const PILOT_LEVEL_LABELS: Record<PilotLevel, string> = {
  PROVINCIAL: '省级试点',
  CITY: '市级试点',
};

/** Why an action was refused, one line per failing guard. */
export const PILOT_GUARD_LABELS: Record<PilotGuard, string> = labelsOf(PILOT_WORKFLOW.guards);

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
