import { PASSWORD_PROBLEM_LABELS } from '../auth/password-policy.js';
import { CREDIT_CODE_PROBLEM_LABELS } from '../organizations/credit-code.js';

// Stable error codes the API returns in `extensions.code`; the apps show the Chinese text.
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  LOGIN_FAILED: 'LOGIN_FAILED',
  LOGIN_THROTTLED: 'LOGIN_THROTTLED',
  ONE_LOGIN_PER_OPERATION: 'ONE_LOGIN_PER_OPERATION',
  USERNAME_TAKEN: 'USERNAME_TAKEN',
  CANNOT_DISABLE_SELF: 'CANNOT_DISABLE_SELF',
  EXPERT_CONFLICT: 'EXPERT_CONFLICT',
  PANEL_INVALID: 'PANEL_INVALID',
  REVIEW_SHEET_LOCKED: 'REVIEW_SHEET_LOCKED',
  PILOT_TRANSITION_REFUSED: 'PILOT_TRANSITION_REFUSED',
  PILOT_CALL_CLOSED: 'PILOT_CALL_CLOSED',
  SERVICE_BUSY: 'SERVICE_BUSY',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const ERROR_MESSAGES: Record<ErrorCode, string> = {
  UNAUTHENTICATED: '登录已失效，请重新登录',
  FORBIDDEN: '您没有执行此操作的权限',
  NOT_FOUND: '记录不存在或您无权查看',
  CONFLICT: '该记录已被他人修改，请刷新后重试',
  BAD_USER_INPUT: '输入有误，请检查标注的字段',
  INTERNAL_SERVER_ERROR: '系统繁忙，请稍后再试',
  LOGIN_FAILED: '用户名或密码错误，或账号已停用',
  LOGIN_THROTTLED: '登录失败次数过多，请稍后再试',
  ONE_LOGIN_PER_OPERATION: '每次请求只能登录一次',
  USERNAME_TAKEN: '该用户名已被本单位使用',
  CANNOT_DISABLE_SELF: '不能停用自己的账号',
  EXPERT_CONFLICT: '该专家与申报联盟或推荐单位存在利益冲突，不能评审',
  PANEL_INVALID: '专家组不符合要求，请检查标注的问题',
  REVIEW_SHEET_LOCKED: '评分表已提交并锁定，如需修改请联系主管部门退回',
  PILOT_TRANSITION_REFUSED: '当前不能执行该操作，请查看未满足的条件',
  PILOT_CALL_CLOSED: '不在申报通知规定的申报时间内',
  SERVICE_BUSY: '系统正忙，请稍后重试',
};

/** A field-level rule violation: which field, which rule (stable), and the Chinese text. */
export type FieldViolation = { field: string; rule: string; message: string };

export const FIELD_RULE_MESSAGES: Record<string, string> = {
  ...PASSWORD_PROBLEM_LABELS,
  ...CREDIT_CODE_PROBLEM_LABELS,
  INVALID_USERNAME: '用户名须为 3–32 位小写字母、数字或 . _ -，以字母开头',
  DISPLAY_NAME_REQUIRED: '请填写姓名',
  DISPLAY_NAME_TOO_LONG: '姓名不能超过 40 个字',
  EMPTY: '请至少选择一个角色',
  NOT_FOR_LEVEL: '所选角色不适用于本级单位',
  EXPERT_EXCLUSIVE: '评审专家账号不能兼任其他角色',
  UNKNOWN_TENANT: '单位不存在',
  NOT_A_CHILD_TENANT: '只能为下辖市州创建管理员',
  CONTROL_CHARACTER: '不能包含控制字符（如 NUL）',
};

export function fieldViolation(field: string, rule: string): FieldViolation {
  return { field, rule, message: FIELD_RULE_MESSAGES[rule] ?? rule };
}

/** The message to show for an API error code, with a retry delay where one applies. */
export function errorMessage(code: string, retryAfterSeconds?: number): string {
  const known = (ERROR_MESSAGES as Record<string, string | undefined>)[code];
  if (code === ErrorCode.LOGIN_THROTTLED && retryAfterSeconds) {
    return `登录失败次数过多，请 ${retryAfterSeconds} 秒后再试`;
  }
  return known ?? ERROR_MESSAGES.INTERNAL_SERVER_ERROR;
}
