import type { FilingChangeKind } from './filing-snapshot.js';
import type { SignificanceLevel } from './filing-eligibility.js';
import type { FilingDocumentKind, FilingRoundStatus } from './filing-round.js';

// Chinese wording for filings beyond the workflow's own labels (filing-workflow.ts), shared by
// the API's refusals and the apps' pages.

export const FILING_DOCUMENT_KIND_LABELS: Record<FilingDocumentKind, string> = {
  RECOMMENDATION_LETTER: '推荐函',
  FILING_FORM: '备案申请表',
  AGREEMENT_OR_CHARTER: '联盟协议或章程',
  COUNCIL_COMPOSITION: '理事会组成名单',
  PILOT_DECISION: '试点确认文件',
  ATTACHMENT: '其他附件',
};

export const SIGNIFICANCE_LEVEL_LABELS: Record<SignificanceLevel, string> = {
  PROVINCIAL: '对全省相关产业发展具有重大影响',
  NATIONAL: '对全国相关产业发展具有重大影响',
};

export const FILING_ROUND_STATUS_LABELS: Record<FilingRoundStatus, string> = {
  DRAFT: '草稿',
  PUBLISHED: '已发布',
};

export const FILING_CHANGE_KIND_LABELS: Record<FilingChangeKind, string> = {
  MEMBER_ADDED: '新增成员',
  MEMBER_REMOVED: '成员退出',
  MEMBER_ROLE_CHANGED: '成员职务变更',
  AGREEMENT_CHANGED: '联盟协议变更',
  GOVERNANCE_CHANGED: '组织机构变更',
  DOCUMENT_ADDED: '新增材料',
  DOCUMENT_REMOVED: '撤下材料',
  FOUNDING_CHECK_CHANGED: '第八条审查结果变更',
  PILOT_DECISION_CHANGED: '试点依据变更',
  SIGNIFICANCE_CHANGED: '重大影响说明变更',
};
