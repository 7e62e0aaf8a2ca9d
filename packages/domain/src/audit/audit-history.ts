import { ALLIANCE_STATUS_LABELS, PILOT_STATUS_LABELS } from '../alliances/alliance-lifecycle.js';
import { MEMBER_ROLE_LABELS } from '../alliances/alliance-snapshot.js';
import { labelsOf, stateLabels } from '../applications/workflow.js';
import { ROLE_LABELS } from '../auth/roles.js';
import { chinaDateTime } from '../calendar/calendar-date.js';
import { COMPENSATION_CLAIM_WORKFLOW } from '../finance/compensation-claim-workflow.js';
import { FILING_ACTION_LABELS, FILING_STATE_LABELS } from '../filings/filing-workflow.js';
import { MEASURES_STATUS_LABELS } from '../measures/measures-labels.js';
import { formatYuan, isFen } from '../money/fen.js';
import { ORGANIZATION_TYPE_LABELS } from '../organizations/organization-type.js';
import { PILOT_ACTION_LABELS, PILOT_STATE_LABELS } from '../pilots/pilot-transitions.js';
import {
  PROGRAMME_APPLICATION_ACTION_LABELS,
  PROGRAMME_APPLICATION_STATE_LABELS,
} from '../programmes/programme-application-workflow.js';
import { PROJECT_ACTION_LABELS, PROJECT_STATE_LABELS } from '../programmes/project-lifecycle.js';

// The audit trail in words a programme officer reads: each event's action and the fields it
// changed, with Chinese labels and values (money in yuan, codes by their labels, times in China
// time). The audit rows keep the codes; this is only how they are shown.

/** The records that show a 办理记录 (their events name them as subject). */
export const AUDIT_SUBJECT_LABELS: Record<string, string> = {
  alliance: '联盟',
  pilot_application: '试点申报',
  programme_application: '项目申报',
  project: '项目',
  filing: '备案',
  filing_round: '备案批次',
  pilot_call: '申报通知',
  programme: '支持计划',
  measures: '管理办法',
  organization: '单位',
  user: '用户',
  expert: '专家',
  expert_assignment: '专家分配',
  review_sheet: '评审表',
  notice: '公示',
  platform: '创新平台',
  cooperation_base: '国际合作基地',
  compensation_claim: '风险补偿申请',
  financing_need: '融资需求',
  financing_record: '融资记录',
  financing_event: '融资活动',
  finance_linkage_institution: '合作金融机构',
  ip_asset: '知识产权',
  debarment: '限制申报',
  prior_investment: '前期投入',
  pilot_objection: '试点异议',
  ticket: '工单',
};

/** Subject types whose history the record pages show. */
export const AUDIT_HISTORY_SUBJECTS = ['alliance', 'pilot_application', 'programme_application', 'project', 'filing'] as const;
export type AuditHistorySubject = (typeof AUDIT_HISTORY_SUBJECTS)[number];

export function isAuditHistorySubject(value: string): value is AuditHistorySubject {
  return (AUDIT_HISTORY_SUBJECTS as readonly string[]).includes(value);
}

const COMPENSATION_STATE_LABELS = stateLabels(COMPENSATION_CLAIM_WORKFLOW);
const COMPENSATION_ACTION_LABELS = labelsOf(COMPENSATION_CLAIM_WORKFLOW.actions);

/** Workflow transitions write `<workflow>.<action in lower case>`: their labels are the workflows'. */
const WORKFLOW_ACTIONS: Record<string, Record<string, string>> = {
  pilot_application: PILOT_ACTION_LABELS,
  filing: FILING_ACTION_LABELS,
  programme_application: PROGRAMME_APPLICATION_ACTION_LABELS,
  project: PROJECT_ACTION_LABELS,
  compensation_claim: COMPENSATION_ACTION_LABELS,
};

const STATE_LABELS: Record<string, Record<string, string>> = {
  pilot_application: PILOT_STATE_LABELS,
  filing: FILING_STATE_LABELS,
  programme_application: PROGRAMME_APPLICATION_STATE_LABELS,
  project: PROJECT_STATE_LABELS,
  compensation_claim: COMPENSATION_STATE_LABELS,
  alliance: ALLIANCE_STATUS_LABELS,
  measures: MEASURES_STATUS_LABELS,
};

/** Actions that are not a workflow's transition. */
const ACTION_LABELS: Record<string, string> = {
  'alliance.register': '登记联盟',
  'alliance.update': '修改联盟信息',
  'alliance.set_governance': '设置治理结构',
  'alliance.add_member': '增加成员单位',
  'alliance.exit_member': '成员单位退出',
  'alliance.add_output': '登记联盟成果',
  'alliance.establish': '确认联盟成立',
  'alliance.dissolve': '联盟解散',
  'agreement.create_version': '新建协议版本',
  'agreement.update_draft': '修改协议草稿',
  'agreement.sign': '协议签署',
  'pilot_application.create': '新建试点申报',
  'pilot_application.update': '修改试点申报',
  'programme_application.create': '新建项目申报',
  'programme_application.save_form': '保存申报书',
  'filing.create': '新建备案',
  'filing.update': '修改备案',
  'filing.objection': '登记备案异议',
  'filing.objection_answer': '答复备案异议',
  'filing.recommend_national': '推荐国家级试点',
  'filing.withdraw_national': '撤回国家级推荐',
  'filing_round.create': '新建备案批次',
  'filing_round.update': '修改备案批次',
  'filing_round.publish': '发布备案批次',
  'project.open': '立项',
  'project.disburse': '拨付经费',
  'project.recover': '追回经费',
  'pilot_call.create': '新建申报通知',
  'pilot_call.update': '修改申报通知',
  'pilot_call.publish': '发布申报通知',
  'programme.create': '新建支持计划',
  'programme.update': '修改支持计划',
  'programme.publish': '发布支持计划',
  'measures.create_draft': '新建管理办法草稿',
  'measures.update_draft': '修改管理办法草稿',
  'measures.publish': '发布管理办法',
  'organization.add': '登记单位',
  'organization.correct': '更正单位信息',
  'user.create': '新建用户',
  'user.disable': '停用用户',
  'user.enable': '启用用户',
  'user.set_roles': '设置角色',
  'user.reset_password': '重置密码',
  'user.change_password': '修改密码',
  'user.provision_city_admin': '开通市州管理员',
  'auth.sign_in': '登录',
  'auth.sign_out': '退出登录',
  'expert.create': '新建专家',
  'expert.update': '修改专家信息',
  'expert.declare_conflict': '申报回避',
  'expert_assignment.assign_panel': '分配评审专家',
  'expert_assignment.swap': '更换评审专家',
  'review_sheet.save': '保存评审表',
  'review_sheet.submit': '提交评审表',
  'review_sheet.reopen': '退回评审表',
  'review_sheet.declare': '评审承诺',
  'notice.create': '新建公示',
  'notice.update': '修改公示',
  'notice.publish': '发布公示',
  'notice.withdraw': '撤回公示',
  'notice.attach': '公示附件',
  'notice.detach': '移除公示附件',
  'document.upload': '上传文件',
  'debarment.record': '登记限制申报',
  'debarment.lift': '解除限制申报',
  'prior_investment.declare': '申报前期投入',
  'prior_investment.verify': '核定前期投入',
  'pilot_objection.record': '登记试点异议',
  'pilot_objection.answer': '答复试点异议',
  'support_objection.record': '登记公示异议',
  'support_objection.answer': '答复公示异议',
  'platform.recognise': '认定创新平台',
  'platform.evaluate': '评估创新平台',
  'platform.remove': '撤销创新平台',
  'platform.report.file': '报送平台年报',
  'cooperation_base.register': '登记国际合作基地',
  'cooperation_base.evaluate': '评估国际合作基地',
  'compensation_claim.file': '提交风险补偿申请',
  'compensation_claim.payout': '拨付风险补偿',
  'finance.need.post': '发布融资需求',
  'finance.need.share': '共享融资需求',
  'finance.need.close': '关闭融资需求',
  'finance.record.record': '登记融资记录',
  'finance.event.record': '登记融资活动',
  'finance.introduction.record': '登记对接推荐',
  'finance.introduction.answer': '答复对接推荐',
  'finance.linkage_institution.enrol': '登记合作金融机构',
  'ip.asset.record': '登记知识产权',
  'ip.licence.record': '登记知识产权许可',
};

/** An action in Chinese; an action no table names shows its code, never nothing. */
export function auditActionLabel(action: string): string {
  const known = ACTION_LABELS[action];
  if (known) return known;
  const dot = action.lastIndexOf('.');
  const workflow = WORKFLOW_ACTIONS[action.slice(0, dot)];
  const step = workflow?.[action.slice(dot + 1).toUpperCase()];
  return step ?? action;
}

/** Every action the labels know, for the admin page's filter. */
export function knownAuditActions(): string[] {
  const steps = Object.entries(WORKFLOW_ACTIONS).flatMap(([name, labels]) =>
    Object.keys(labels).map((a) => `${name}.${a.toLowerCase()}`),
  );
  return [...new Set([...Object.keys(ACTION_LABELS), ...steps])].sort();
}

const FIELD_LABELS: Record<string, string> = {
  state: '状态',
  status: '状态',
  name: '名称',
  title: '标题',
  industryCode: '产业分类代码',
  foundedOn: '发起日期',
  objectives: '联盟目标',
  establishedOn: '成立确认日期',
  dissolvedOn: '解散日期',
  reason: '理由',
  opinion: '推荐意见',
  remarks: '备注',
  note: '说明',
  role: '成员角色',
  roleLabel: '成员角色',
  roles: '角色',
  joinedOn: '加入日期',
  exitedOn: '退出日期',
  organizationName: '单位名称',
  signatoryName: '签署人',
  signedOn: '签署日期',
  version: '版本',
  agreementVersion: '协议版本',
  bodies: '治理机构',
  liableEntity: '对外承担责任主体',
  executiveFullTimeStaff: '执行机构专职人员',
  year: '年度',
  kind: '类别',
  quantity: '数量',
  description: '说明',
  basis: '依据',
  article: '条款',
  measuresVersionNo: '办法版本',
  budgetFen: '预算',
  totalBudgetFen: '总预算',
  amountFen: '金额',
  awardFen: '支持金额',
  feeFen: '费用',
  verifiedFen: '核定金额',
  ownInvestmentFen: '自筹投入',
  perProjectCapFen: '单项上限',
  number: '编号',
  documentNumber: '文号',
  username: '用户名',
  displayName: '姓名',
  disabled: '已停用',
  type: '类型',
  legalRepresentative: '法定代表人',
  industryBackbone: '行业骨干',
  grade: '等级',
  recommendation: '评审意见',
  total: '总分',
  scores: '评分',
  untilDate: '截止日期',
  fromDate: '起始日期',
  effectiveOn: '生效日期',
  opensAt: '开始时间',
  closesAt: '截止时间',
  rectificationDueOn: '整改期限',
  fileName: '文件名',
  sizeBytes: '大小（字节）',
  content: '内容',
  answer: '答复',
  body: '正文',
  noticeDays: '公示天数',
  paid: '已拨付',
  lifted: '已解除',
  recommend: '推荐',
  evaluatedOn: '评估日期',
  verifiedOn: '核定日期',
  receivedOn: '收到日期',
  grantedOn: '授权日期',
  licensedOn: '许可日期',
  heldOn: '举办日期',
  entryOn: '记账日期',
  inProvince: '省内',
  members: '成员单位',
  owners: '权利人',
  licensee: '被许可人',
  criteria: '评审标准',
  debarmentYears: '限制申报年限',
  reviewRequired: '需专家评审',
  tasks: '任务分工',
};

/** Identifiers and plumbing that mean nothing to a reader. */
function hidden(key: string): boolean {
  return /(Id|Ids)$/.test(key) || key === 'id' || key === 'dedupeKey' || key === 'link' || key === 'v';
}

const CODE_LABELS: Record<string, Record<string, string>> = {
  role: MEMBER_ROLE_LABELS,
  type: ORGANIZATION_TYPE_LABELS,
  pilotStatus: PILOT_STATUS_LABELS,
};

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** One value in words; null when there is none. */
export function auditValue(subjectType: string, key: string, value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (/Fen$/.test(key) && (typeof value === 'string' || typeof value === 'number') && isFen(String(value))) {
    return formatYuan(String(value));
  }
  if (typeof value === 'string') {
    if (key === 'state' || key === 'status') return (STATE_LABELS[subjectType] ?? {})[value] ?? value;
    const codes = CODE_LABELS[key];
    if (codes?.[value]) return codes[value];
    if (ISO_INSTANT.test(value)) return chinaDateTime(new Date(value));
    return value;
  }
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    if (key === 'roles') return value.map((r) => ROLE_LABELS[r as keyof typeof ROLE_LABELS] ?? String(r)).join('、');
    if (value.every((v) => typeof v === 'string' || typeof v === 'number')) return value.join('、');
    return `${value.length} 项`;
  }
  if (typeof value === 'object') {
    const parts = Object.entries(value as Record<string, unknown>)
      .filter(([k]) => !hidden(k))
      .map(([k, v]) => [auditFieldLabel(k), auditValue(subjectType, k, v)] as const)
      .filter(([, v]) => v !== null)
      .map(([label, v]) => `${label}：${v}`);
    return parts.length ? parts.join('；') : null;
  }
  // bigint, symbol or function: never in stored JSON, shown by type rather than guessed at.
  return typeof value === 'bigint' ? value.toString() : null;
}

export function auditFieldLabel(key: string): string {
  return FIELD_LABELS[key] ?? key;
}

export type AuditChange = { field: string; label: string; before: string | null; after: string | null };

function asObject(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/**
 * The fields an event shows: with both sides, those that differ; with one side, all of it.
 * Identifiers are left out; a side that is not an object shows as one 内容 field.
 */
export function auditChanges(subjectType: string, before: unknown, after: unknown): AuditChange[] {
  const b = asObject(before);
  const a = asObject(after);
  if ((before !== null && before !== undefined && !b) || (after !== null && after !== undefined && !a)) {
    return [
      {
        field: 'value',
        label: '内容',
        before: auditValue(subjectType, 'value', before),
        after: auditValue(subjectType, 'value', after),
      },
    ];
  }
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])].filter((k) => !hidden(k));
  const changes: AuditChange[] = [];
  for (const key of keys) {
    const was = b?.[key];
    const now = a?.[key];
    if (b && a && JSON.stringify(was) === JSON.stringify(now)) continue;
    const change = {
      field: key,
      label: auditFieldLabel(key),
      before: auditValue(subjectType, key, was),
      after: auditValue(subjectType, key, now),
    };
    if (change.before !== null || change.after !== null) changes.push(change);
  }
  return changes;
}

/** The reasons a chain walk stops, in words. */
export const AUDIT_BREAK_REASON_LABELS: Record<string, string> = {
  SEQUENCE_GAP: '序号不连续（有记录缺失）',
  PREVIOUS_HASH_MISMATCH: '与前一条记录的哈希链接不符',
  HASH_MISMATCH: '记录内容与其哈希不符（被改动）',
};
