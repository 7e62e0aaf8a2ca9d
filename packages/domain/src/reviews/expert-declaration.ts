import type { ReviewCriterionKey } from '../measures/measures-parameters.js';

// The commitment and no-conflict declaration (承诺书/回避声明) an expert confirms before the first
// score on an application. The text is versioned: the version confirmed is recorded with the
// sheet, and a new version asks for a new confirmation before scoring.

export const EXPERT_DECLARATION = {
  version: '2026-12',
  title: '评审专家承诺书及回避声明',
  paragraphs: [
    '本人承诺：客观、公正、独立地履行评审职责，依据实施办法规定的评审内容和标准逐项评分，对所出具的评审意见负责。',
    '本人承诺：对评审材料和评审过程中知悉的申报单位商业秘密、技术秘密及评审结果严格保密，不复制、不泄露、不用于评审以外的用途。',
    '本人承诺：不接受申报单位及相关人员的宴请、礼品、礼金或其他利益，不私下接触申报单位，不打探、传播评审信息。',
    '回避声明：本人与所评申报的联盟及其成员单位不存在任职、兼职、近三年内合作或持股等利害关系，与其负责人不存在近亲属关系，亦不存在其他可能影响公正评审的情形；如发现存在上述情形，本人将立即停止评审并向组织单位申请回避。',
  ],
} as const;

export type DeclarationState = 'DECLARED' | 'REQUIRED' | 'OUTDATED';

/**
 * Whether an expert may score under the declaration they confirmed (`confirmedVersion`, null
 * when none): a declaration confirmed on this sheet stands for it, whatever text came later,
 * so scores already given keep their basis; a sheet without one must be declared first.
 */
export function declarationState(confirmedVersion: string | null): DeclarationState {
  return confirmedVersion === null ? 'REQUIRED' : 'DECLARED';
}

/** Whether a confirmation names the text in force (an old page confirming old text is refused). */
export function confirmsCurrentDeclaration(version: string): boolean {
  return version === EXPERT_DECLARATION.version;
}

/** What each criterion of Art. 11 looks at, for the expert scoring it. */
export const REVIEW_CRITERION_DESCRIPTIONS: Record<ReviewCriterionKey, string> = {
  IMPORTANCE:
    '所在产业领域是否属于规划确定的重点领域、符合国家产业环保和能源政策；组建对提升产业核心竞争力、促进产业结构优化升级的意义。',
  NECESSITY:
    '技术创新活动是否体现产业重大技术创新需求，能否集聚整合创新资源、形成产业技术创新链和核心技术标准。',
  INNOVATION_GOALS:
    '技术创新目标是否明确，研究方向是否属于共性或关键技术，技术路线是否可行，能否达到预期目标。',
  IMPLEMENTATION_PLAN: '组织管理体系、内部协议、管理制度、成员任务分工、建设规划和年度计划是否合理。',
  OPERATING_MECHANISM: '是否建立有效的决策、执行与监督机制，利益保障机制，稳定的长效合作机制和开放共享机制。',
  COMPREHENSIVE_STRENGTH:
    '牵头单位是否处于行业骨干地位，高校院所是否具有前沿水平；合作基础、共享平台、研发团队和技术带头人。',
  BUDGET: '主要成员单位的筹资和信贷能力，研发经费投入和组建经费预算是否合理。',
  RESULTS_AND_BENEFITS: '预期成果、经济社会效益、发展前景及对产业的辐射带动作用。',
};

/** The scale every criterion is scored on (0–100, whole or one decimal). */
export const REVIEW_SCORE_SCALE = [
  { from: 90, to: 100, label: '优秀' },
  { from: 75, to: 89.9, label: '良好' },
  { from: 60, to: 74.9, label: '一般' },
  { from: 0, to: 59.9, label: '较差' },
] as const;

/** The band of the scale a score falls in. */
export function scoreBand(score: number): string {
  return REVIEW_SCORE_SCALE.find((b) => score >= b.from)?.label ?? '较差';
}

export const REVIEW_SCORE_SCALE_TEXT = REVIEW_SCORE_SCALE.map(
  (b) => `${b.from}–${b.to === 100 ? 100 : Math.floor(b.to)} 分：${b.label}`,
).join('；');
