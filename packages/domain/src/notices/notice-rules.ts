import type { FieldViolation } from '../errors/error-codes.js';
import type { TenantLevel } from '../tenancy/divisions.js';

/** Whom a notice (通知公告) is addressed to, relative to its publishing tier. */
export const NOTICE_AUDIENCES = {
  OWN_STAFF: '本级工作人员',
  CITY_STAFF: '各市州科技局',
  EXPERTS: '本级评审专家',
} as const;
export type NoticeAudience = keyof typeof NOTICE_AUDIENCES;

export const NOTICE_STATES = { DRAFT: '草稿', PUBLISHED: '已发布', WITHDRAWN: '已撤回' } as const;
export type NoticeState = keyof typeof NOTICE_STATES;

export const NOTICE_TITLE_MAX = 120;
export const NOTICE_BODY_MAX = 20000;
export const NOTICE_WITHDRAWAL_REASON_MAX = 500;

export function isNoticeAudience(value: string): value is NoticeAudience {
  return Object.hasOwn(NOTICE_AUDIENCES, value);
}

/** The audiences a tier may address: only the province has cities below it. */
export function noticeAudiencesOf(level: TenantLevel): NoticeAudience[] {
  return level === 'PROVINCE' ? ['OWN_STAFF', 'CITY_STAFF', 'EXPERTS'] : ['OWN_STAFF', 'EXPERTS'];
}

export type NoticeDraft = { title: string; body: string; audiences: readonly string[] };

const problem = (field: string, rule: string, message: string): FieldViolation => ({ field, rule, message });

/** What is wrong with a notice as the tier at `level` would save it (empty when nothing). */
export function noticeProblems(draft: NoticeDraft, level: TenantLevel): FieldViolation[] {
  const v: FieldViolation[] = [];
  const title = draft.title.trim();
  if (!title) v.push(problem('title', 'REQUIRED', '请填写标题'));
  else if ([...title].length > NOTICE_TITLE_MAX)
    v.push(problem('title', 'TOO_LONG', `标题不能超过 ${NOTICE_TITLE_MAX} 个字`));
  if ([...draft.body].length > NOTICE_BODY_MAX)
    v.push(problem('body', 'TOO_LONG', `正文不能超过 ${NOTICE_BODY_MAX} 个字`));
  const allowed = noticeAudiencesOf(level);
  if (draft.audiences.length === 0) v.push(problem('audiences', 'REQUIRED', '请选择发送范围'));
  else if (new Set(draft.audiences).size !== draft.audiences.length)
    v.push(problem('audiences', 'DUPLICATE', '发送范围重复'));
  else if (draft.audiences.some((a) => !(allowed as string[]).includes(a)))
    v.push(problem('audiences', 'ONE_OF', '发送范围不在本级可选范围内'));
  return v;
}

/** The step a notice's state allows: drafts are edited and published, published ones withdrawn. */
export type NoticeAction = 'EDIT' | 'PUBLISH' | 'WITHDRAW';
const ALLOWED: Record<NoticeState, readonly NoticeAction[]> = {
  DRAFT: ['EDIT', 'PUBLISH'],
  PUBLISHED: ['WITHDRAW'],
  WITHDRAWN: [],
};
export function noticeActionAllowed(state: NoticeState, action: NoticeAction): boolean {
  return ALLOWED[state].includes(action);
}
