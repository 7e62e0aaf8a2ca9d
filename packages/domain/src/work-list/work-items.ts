// What waits for a user's action, as the work list (待办) shows it: the step to take, and the
// kind of record it is taken on. Each record kind derives its steps from its own transition table.

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
  /** A project's change request awaits the authority's approval (Art. 19). */
  APPROVE_CHANGE: 'APPROVE_CHANGE',
  /** A project frozen by its alliance's dissolution awaits the authority's disposition (Art. 19). */
  DISPOSE_FROZEN: 'DISPOSE_FROZEN',
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
  APPROVE_CHANGE: '待核准变更',
  DISPOSE_FROZEN: '待处理冻结项目',
};

/** The kind of record a work item is on. */
export const WorkSubject = {
  PILOT_APPLICATION: 'PILOT_APPLICATION',
  FILING: 'FILING',
  PROGRAMME_APPLICATION: 'PROGRAMME_APPLICATION',
  PROJECT: 'PROJECT',
} as const;
export type WorkSubject = (typeof WorkSubject)[keyof typeof WorkSubject];

export const WORK_SUBJECT_LABELS: Record<WorkSubject, string> = {
  PILOT_APPLICATION: '试点申报',
  FILING: '联盟备案',
  PROGRAMME_APPLICATION: '项目申报',
  PROJECT: '项目',
};

/** Which of the call's dates a kind of work is due by; null where none binds it. */
export const WORK_DUE_BY: Record<
  WorkItemKind,
  'closesAt' | 'recommendBy' | 'decideBy' | 'noticeEndsOn' | null
> = {
  REVISE: 'closesAt',
  RECOMMEND: 'recommendBy',
  CHECK: 'decideBy',
  ASSIGN_PANEL: 'decideBy',
  SCORE: 'decideBy',
  CLOSE_REVIEW: 'decideBy',
  PUBLICISE: 'decideBy',
  DECIDE: 'decideBy',
  ANSWER_OBJECTION: 'noticeEndsOn',
  APPROVE_CHANGE: null,
  DISPOSE_FROZEN: null,
};

/** Where a work item is dealt with in the apps: the score sheet, the application, the project. */
export function workItemPath(item: {
  kind: WorkItemKind;
  subject: WorkSubject;
  subjectId: string;
  assignmentId: string | null;
}): string {
  if (item.kind === 'SCORE' && item.assignmentId) return `/reviews/mine/${item.assignmentId}`;
  switch (item.subject) {
    case 'PILOT_APPLICATION':
      return `/pilots/applications/${item.subjectId}`;
    case 'FILING':
      return `/filings/${item.subjectId}`;
    case 'PROGRAMME_APPLICATION':
      return `/programmes/applications/${item.subjectId}`;
    case 'PROJECT':
      return `/projects/${item.subjectId}`;
  }
}
