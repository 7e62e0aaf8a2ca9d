import { PASSWORD_PROBLEM_LABELS } from '../auth/password-policy.js';
import { CREDIT_CODE_PROBLEM_LABELS } from '../organizations/credit-code.js';

/** How an error is answered over HTTP: the REST status, and the class of answer it belongs to. */
export type ErrorClass =
  'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_INPUT' | 'REFUSED' | 'BUSY' | 'FAULT';

const HTTP_STATUS_OF_CLASS: Record<ErrorClass, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_INPUT: 400,
  REFUSED: 409,
  BUSY: 503,
  FAULT: 500,
};

// Stable error codes the API returns in `extensions.code`, each with its Chinese text. A refusal
// that the user can act on differently gets its own code (REFUSED: the record's state or version
// does not allow the step), so the apps can tell them apart without reading the message.
const CATALOGUE = {
  UNAUTHENTICATED: { class: 'UNAUTHENTICATED', message: '登录已失效，请重新登录' },
  FORBIDDEN: { class: 'FORBIDDEN', message: '您没有执行此操作的权限' },
  NOT_FOUND: { class: 'NOT_FOUND', message: '记录不存在或您无权查看' },
  CONFLICT: { class: 'REFUSED', message: '该记录已被他人修改，请刷新后重试' },
  BAD_USER_INPUT: { class: 'BAD_INPUT', message: '输入有误，请检查标注的字段' },
  INTERNAL_SERVER_ERROR: { class: 'FAULT', message: '系统繁忙，请稍后再试' },
  SERVICE_BUSY: { class: 'BUSY', message: '系统正忙，请稍后重试' },
  LOGIN_FAILED: { class: 'UNAUTHENTICATED', message: '用户名或密码错误，或账号已停用' },
  LOGIN_THROTTLED: { class: 'UNAUTHENTICATED', message: '登录失败次数过多，请稍后再试' },
  ONE_LOGIN_PER_OPERATION: { class: 'BAD_INPUT', message: '每次请求只能登录一次' },
  USERNAME_TAKEN: { class: 'REFUSED', message: '该用户名已被本单位使用' },
  CANNOT_DISABLE_SELF: { class: 'REFUSED', message: '不能停用自己的账号' },
  CANNOT_DEMOTE_SELF: { class: 'REFUSED', message: '不能取消自己的管理员角色，请由本单位其他管理员办理' },
  EXPERT_CONFLICT: { class: 'REFUSED', message: '该专家与申报联盟或推荐单位存在利益冲突，不能评审' },
  PANEL_INVALID: { class: 'REFUSED', message: '专家组不符合要求，请检查标注的问题' },
  REVIEW_SHEET_LOCKED: { class: 'REFUSED', message: '评分表已提交并锁定，如需修改请联系主管部门退回' },
  PILOT_TRANSITION_REFUSED: { class: 'REFUSED', message: '当前不能执行该操作，请查看未满足的条件' },
  PILOT_CALL_CLOSED: { class: 'REFUSED', message: '不在申报通知规定的申报时间内' },
  APPLICATION_CHANGED: { class: 'REFUSED', message: '该申报已被他人处理或修改，请刷新后重试' },
  APPLICATION_NOT_WITH_APPLICANT: {
    class: 'REFUSED',
    message: '申报已提交，只有草稿或退回修改的申报可以编辑',
  },
  CALL_CHANGED: { class: 'REFUSED', message: '申报通知已被他人修改，请刷新后重试' },
  CALL_PUBLISHED: { class: 'REFUSED', message: '申报通知已发布，不能再修改' },
  CALL_GUIDE_CLOSED: {
    class: 'REFUSED',
    message: '申报时间已结束，申报指南不能再上传、更换或删除',
  },
  MEASURES_NOT_DRAFT: { class: 'REFUSED', message: '该版本已发布，不能修改；请新建版本' },
  ALLIANCE_CHANGED: { class: 'REFUSED', message: '联盟信息已被他人修改，请刷新后重试' },
  ALLIANCE_DISSOLVED: { class: 'REFUSED', message: '联盟已解散，记录只读' },
  AGREEMENT_SIGNED: {
    class: 'REFUSED',
    message: '该版本协议已有成员签署，内容不能再改；如需修改请新建版本',
  },
  OBJECTION_OUTSIDE_NOTICE: { class: 'REFUSED', message: '只有公示中的申报可以登记或答复异议' },
  OBJECTION_ANSWERED: { class: 'REFUSED', message: '该异议已答复' },
  // measures
  MEASURES_NOT_IN_FORCE: { class: 'NOT_FOUND', message: '该日期没有生效的省级实施办法' },
  // filings
  FILING_TRANSITION_REFUSED: { class: 'REFUSED', message: '当前不能对该备案执行此操作，请查看未满足的条件' },
  FILING_ROUND_CLOSED: { class: 'REFUSED', message: '不在备案批次规定的受理时间内' },
  FILING_NOT_ELIGIBLE: { class: 'REFUSED', message: '该联盟不符合备案条件，请查看未满足的条件' },
  FILING_ALREADY_OPEN: { class: 'REFUSED', message: '该联盟已有办理中或仍然有效的备案，不能重复备案' },
  FILING_QUOTA_USED: { class: 'REFUSED', message: '本单位在该备案批次的名额已用完' },
  FILING_CORRECTION_OVERDUE: { class: 'REFUSED', message: '已超过补正期限，不能再提交该备案' },
  FILING_CHANGED: { class: 'REFUSED', message: '该备案已被他人处理或修改，请刷新后重试' },
  FILING_NOT_WITH_CITY: { class: 'REFUSED', message: '备案已提交，只有草稿或退回修改的备案可以编辑' },
  FILING_SNAPSHOT_FROZEN: { class: 'REFUSED', message: '已提交的备案快照不能修改' },
  FILING_CHANGE_EMPTY: { class: 'REFUSED', message: '与已备案的内容相比没有变化，无需变更备案' },
  FILING_NOT_FILED: { class: 'REFUSED', message: '只有已备案的联盟可以推荐参加国家层面的试点' },
  FILING_ROUND_PUBLISHED: { class: 'REFUSED', message: '备案批次已发布，不能再修改' },
  FILING_ROUND_CHANGED: { class: 'REFUSED', message: '备案批次已被他人修改，请刷新后重试' },
  // programmes
  PROGRAMME_PUBLISHED: { class: 'REFUSED', message: '支持计划已发布，不能再修改' },
  PROGRAMME_CHANGED: { class: 'REFUSED', message: '支持计划已被他人修改或发布，请刷新后重试' },
  DEBARMENT_ALREADY_LIFTED: { class: 'REFUSED', message: '该禁入已经解除，不能再次解除' },
  NATIONAL_PILOT_ALREADY_WITHDRAWN: { class: 'REFUSED', message: '该国家级试点认定已经撤销，不能再次撤销' },
  // projects (立项) and their ledger
  PROJECT_TRANSITION_REFUSED: { class: 'REFUSED', message: '当前不能对该项目执行此操作，请查看未满足的条件' },
  PROJECT_CHANGED: { class: 'REFUSED', message: '该项目已被他人处理或修改，请刷新后重试' },
  PROJECT_ALREADY_OPENED: { class: 'REFUSED', message: '该立项申请已经立项，不能重复立项' },
  PROJECT_FROZEN: { class: 'REFUSED', message: '项目因联盟解散已冻结，待主管部门处理后方可拨付（第十九条）' },
  PROJECT_NOT_DISBURSABLE: {
    class: 'REFUSED',
    message: '项目已结束或未处于可拨付状态，不能再登记拨付或追回',
  },
  LEDGER_ABOVE_AWARD: { class: 'REFUSED', message: '累计拨付不能超过立项支持金额' },
  LEDGER_ABOVE_NET_PAID: { class: 'REFUSED', message: '追回金额不能超过已拨付净额' },
  // IP register
  IP_ASSET_NUMBER_TAKEN: { class: 'REFUSED', message: '同类知识产权中该编号已登记，请核对编号' },
  COOPERATION_BASE_NAME_TAKEN: { class: 'REFUSED', message: '本单位已登记同名的国际科技合作基地' },
  COOPERATION_BASE_TRANSITION_REFUSED: { class: 'REFUSED', message: '该基地当前状态下不能执行此操作' },
  COOPERATION_BASE_CHANGED: { class: 'REFUSED', message: '该基地已被他人修改，请刷新后重试' },
  COOPERATION_BASE_ALREADY_EVALUATED: { class: 'REFUSED', message: '该基地本年度已评估' },
  PROGRAMME_CALL_CLOSED: { class: 'REFUSED', message: '不在支持计划申报通知规定的申报时间内' },
  PROGRAMME_NOT_ELIGIBLE: {
    class: 'REFUSED',
    message: '不符合支持条件（第十四条、第十八条、第二十条），请查看未满足的条件',
  },
  PROGRAMME_BUDGET_EXCEEDED: { class: 'REFUSED', message: '支持金额超过计划剩余预算' },
  PROGRAMME_APPLICATION_REFUSED: {
    class: 'REFUSED',
    message: '当前不能对该项目申报执行此操作，请查看未满足的条件',
  },
  PROGRAMME_APPLICATION_CHANGED: { class: 'REFUSED', message: '该项目申报已被他人处理或修改，请刷新后重试' },
  PROGRAMME_APPLICATION_NOT_WITH_APPLICANT: {
    class: 'REFUSED',
    message: '项目申报已提交，只有草稿或退回修改的申报可以编辑',
  },
  // support notices (公示) before an award and before an acceptance passes
  SUPPORT_NOTICE_RUNNING: { class: 'REFUSED', message: '公示期尚未结束，公示期满后方可作出决定' },
  SUPPORT_OBJECTION_OPEN: { class: 'REFUSED', message: '尚有公示异议未答复，答复全部异议后方可作出决定' },
  SUPPORT_OBJECTION_SUSTAINED: { class: 'REFUSED', message: '公示异议经核实成立，只能作出否定的决定' },
  SUPPORT_NOT_IN_NOTICE: { class: 'REFUSED', message: '只有公示中的项目申报或验收可以登记或答复异议' },
  SUPPORT_OBJECTION_ANSWERED: { class: 'REFUSED', message: '该公示异议已答复，答复不再更改' },
  PRIOR_INVESTMENT_VERIFIED: { class: 'REFUSED', message: '该先行投入已核定，核定结果不再更改' },
  // finance linkage (Art. 17)
  FINANCING_NEED_CLOSED: { class: 'REFUSED', message: '该融资需求已关闭' },
  FINANCING_INTRODUCTION_CHANGED: { class: 'REFUSED', message: '该对接记录已被他人修改，请刷新后重试' },
  COMPENSATION_CLAIM_REFUSED: {
    class: 'REFUSED',
    message: '当前不能对该补偿申请执行此操作，请查看未满足的条件',
  },
  COMPENSATION_CLAIM_CHANGED: { class: 'REFUSED', message: '该补偿申请已被他人处理或修改，请刷新后重试' },
  COMPENSATION_CLAIM_ALREADY_OPEN: { class: 'REFUSED', message: '该笔贷款已有办理中或已补偿的补偿申请' },
  COMPENSATION_ABOVE_CEILING: { class: 'REFUSED', message: '补偿金额超过该银行本年度补偿上限' },
  // reviews
  PANEL_FORMING_CLOSED: { class: 'REFUSED', message: '只有已受理、尚未开始评审的申报可以组建专家组' },
  PANEL_CLOSED: { class: 'REFUSED', message: '只有已受理或评审中的申报可以调整专家组' },
  SEAT_WITHDRAWN: { class: 'REFUSED', message: '该专家已被撤换，请刷新后重试' },
  REVIEW_NOT_OPEN: { class: 'REFUSED', message: '该申报不在评审阶段' },
  REVIEW_SHEET_NOT_SUBMITTED: { class: 'REFUSED', message: '评分表尚未提交，无需退回' },
  REVIEW_SHEET_CHANGED: { class: 'REFUSED', message: '评分表已被他人处理，请刷新后重试' },
  // Expert declarations (承诺书/回避声明)
  DECLARATION_REQUIRED: { class: 'REFUSED', message: '请先确认评审承诺书和回避声明，再评分' },
  DECLARATION_OUTDATED: { class: 'REFUSED', message: '承诺书文本已更新，请刷新后重新确认' },
  // notices
  NOTICE_NOT_DRAFT: { class: 'REFUSED', message: '通知已发布或已撤回，不能再修改或发布' },
  NOTICE_NOT_PUBLISHED: { class: 'REFUSED', message: '只有已发布的通知可以撤回' },
  NOTICE_CHANGED: { class: 'REFUSED', message: '该通知已被他人修改，请刷新后重试' },
  // alliances
  ALLIANCE_ESTABLISHED: { class: 'REFUSED', message: '联盟已成立，不能再次确认成立' },
  // platforms (Art. 15)
  PLATFORM_ALREADY_RECOGNISED: { class: 'REFUSED', message: '该申报已认定平台，请刷新后重试' },
  PLATFORM_CHANGED: { class: 'REFUSED', message: '该平台已被他人处理，请刷新后重试' },
  PLATFORM_REMOVED: { class: 'REFUSED', message: '该平台已撤销认定，不能再办理' },
  PLATFORM_REPORT_FILED: { class: 'REFUSED', message: '该年度的年度报告已报送' },
  PLATFORM_NOT_AUTHORITY: { class: 'FORBIDDEN', message: '只有认定该平台的主管部门可以办理' },
  PLATFORM_ROUND_EXISTS: { class: 'REFUSED', message: '该领域本年度已有评估批次' },
  PLATFORM_ROUND_CLOSED: { class: 'REFUSED', message: '评估批次已结束，不能再办理' },
  PLATFORM_ROUND_CHANGED: { class: 'REFUSED', message: '评估批次已被他人处理，请刷新后重试' },
  // organizations
  ORGANIZATION_NOT_CORRECTABLE: { class: 'FORBIDDEN', message: '只有登记该单位的市州或省厅可以更正' },
} as const satisfies Record<string, { class: ErrorClass; message: string }>;

export type ErrorCode = keyof typeof CATALOGUE;
export const ErrorCode = Object.fromEntries(Object.keys(CATALOGUE).map((code) => [code, code])) as {
  readonly [C in ErrorCode]: C;
};

export const ERROR_MESSAGES = Object.fromEntries(
  Object.entries(CATALOGUE).map(([code, entry]) => [code, entry.message]),
) as Record<ErrorCode, string>;

export function errorClass(code: ErrorCode): ErrorClass {
  return CATALOGUE[code].class;
}

/** The HTTP status a REST answer carries for `code`. */
export function httpStatusOf(code: ErrorCode): number {
  return HTTP_STATUS_OF_CLASS[CATALOGUE[code].class];
}

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
