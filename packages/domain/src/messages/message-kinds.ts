// The kinds of message the platform sends its users, with what the message centre calls them.
export const MESSAGE_KINDS = {
  PILOT_RECOMMENDED: '试点申报已推荐',
  PILOT_RETURNED: '试点申报被退回',
  PILOT_REFUSED: '试点申报不予受理',
  PILOT_APPROVED: '试点申报已批准',
  PILOT_DECLINED: '试点申报未获批准',
  EXPERT_SEATED: '评审任务',
  FILING_SUBMITTED: '收到备案',
  FILING_RETURNED: '备案被退回',
  FILING_REFUSED: '不予备案',
  FILING_FILED: '已备案',
  FILING_SUSPENDED: '备案已暂停',
  FILING_REVOKED: '备案已撤销',
  FILING_REINSTATED: '备案已恢复',
  FILING_CHANGE: '变更备案',
  FILING_WITHDRAWN: '备案已撤回',
  FILING_NOTICE_OVER: '备案公示期满',
  SUPPORT_NOTICE_OVER: '公示期满',
  PROJECT_CHANGE_REQUESTED: '项目变更申请',
  PROJECT_DECIDED: '项目决定',
  PROJECT_FROZEN: '项目冻结待处理',
  DEADLINE_SOON: '期限提醒',
} as const;

export type MessageKind = keyof typeof MESSAGE_KINDS;

export function isMessageKind(value: string): value is MessageKind {
  return Object.prototype.hasOwnProperty.call(MESSAGE_KINDS, value);
}

/** How many days before a deadline its reminder goes out. */
export const DEADLINE_REMINDER_DAYS = 3;

/** When the reminder of a deadline is due: three days before, or at once if that has passed. */
export function reminderAt(deadline: Date, now: Date): Date | null {
  if (deadline.getTime() <= now.getTime()) return null;
  const at = new Date(deadline.getTime() - DEADLINE_REMINDER_DAYS * 24 * 3600 * 1000);
  return at.getTime() < now.getTime() ? now : at;
}
