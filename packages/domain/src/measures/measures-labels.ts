import type { AggregationRule, BackboneRule, MeasuresParameters } from './measures-parameters.js';

// Chinese names of the measures' parameters and rule values, typed against the parameters so a
// new parameter or rule value fails the type check until it has a label.

export type ParameterSection = keyof MeasuresParameters;

/** One parameter of the measures, `section.key`: the unit a city's measures override (Art. 21). */
export type ParameterPath = {
  [S in ParameterSection]: `${S}.${keyof MeasuresParameters[S] & string}`;
}[ParameterSection];

export const PARAMETER_SECTION_TITLES: Record<ParameterSection, string> = {
  founding: '组建条件（第八条）',
  review: '专家评审（第十一条）',
  support: '支持（第十四条）',
  ip: '知识产权（第二十条）',
  filing: '备案（第二十一条）',
  riskCompensation: '风险补偿（第十七条）',
};

/** Every parameter, in the order the measures are read (the views and forms follow it). */
export const PARAMETER_LABELS: Record<ParameterPath, string> = {
  'founding.minMembers': '最少成员数',
  'founding.memberTypeRequirements': '成员类型要求',
  'founding.backboneRule': '骨干企业要求',
  'founding.requiredBodies': '必设机构',
  'founding.requireLiableEntity': '对外责任主体',
  'founding.minExecutiveFullTimeStaff': '专职人员下限',
  'founding.requireFundRules': '经费管理制度',
  'founding.requireIpTerms': '知识产权约定',
  'founding.requireOpenness': '开放机制',
  'review.criteria': '评审指标及权重',
  'review.passMark': '及格分',
  'review.expertsPerApplication': '每项申请专家数',
  'review.aggregation': '汇总规则',
  'review.trimWhenAtLeast': '去掉最高最低分的最少份数',
  'review.maxReviewsPerExpertPerYear': '专家年度评审上限',
  'review.publicNoticeDays': '公示天数',
  'support.matchRatio': '支持与先行投入的配比',
  'ip.debarmentYears': '禁入年限',
  'filing.reviewRequired': '备案专家评审',
  'filing.noticeDays': '备案公示天数',
  'filing.validityYears': '备案有效期',
  'riskCompensation.share': '补偿比例（占本金损失）',
  'riskCompensation.perBankYearlyCeilingFen': '每家银行年度补偿上限',
  'riskCompensation.filingWindowDays': '贷款备案期限（天）',
};

/** What each parameter asks, for the forms' hints. */
export const PARAMETER_HINTS: Partial<Record<ParameterPath, string>> = {
  'founding.minMembers': '独立法人成员单位的最少家数，不少于各类成员要求之和',
  'founding.memberTypeRequirements': '每一类至少应有的成员家数；一类可含多种单位类型',
  'founding.requireLiableEntity': '须明确对外承担责任的主体',
  'founding.minExecutiveFullTimeStaff': '执行机构（秘书处）专职人员的最少人数',
  'founding.requireFundRules': '须建立经费管理制度和内部监督',
  'founding.requireIpTerms': '成果与知识产权的归属、许可、收益分配和违约责任须事先约定',
  'founding.requireOpenness': '吸纳新成员、对外合作和成果扩散机制',
  'review.criteria': '第十一条八项指标，权重（%）之和应为 100；每项按 0–100 分评分',
  'review.trimWhenAtLeast': '评分表达到该份数时，去掉一个最高分和一个最低分',
  'review.publicNoticeDays': '0 表示不公示',
  'support.matchRatio': '支持金额不超过经核定的先行投入乘以该比例（支持额 : 先行投入）',
  'ip.debarmentYears': '违反知识产权约定的单位不得参与省级科技计划的年限',
  'filing.reviewRequired': '备案批次默认是否组织专家评审；每个批次可另行设定',
  'filing.noticeDays': '备案前公示的天数，0 表示不公示；每个批次可另行设定',
  'filing.validityYears': '备案后须在该年限内重新备案（续期）',
};

export const PARAMETER_SECTIONS: ReadonlyArray<{
  section: ParameterSection;
  title: string;
  paths: ParameterPath[];
}> = (Object.keys(PARAMETER_SECTION_TITLES) as ParameterSection[]).map((section) => ({
  section,
  title: PARAMETER_SECTION_TITLES[section],
  paths: (Object.keys(PARAMETER_LABELS) as ParameterPath[]).filter((path) => path.startsWith(`${section}.`)),
}));

export const BACKBONE_RULE_LABELS: Record<BackboneRule, string> = {
  AT_LEAST_ONE_ENTERPRISE: '至少一家企业成员为行业骨干',
  ALL_ENTERPRISES: '企业成员均须为行业骨干',
  NOT_REQUIRED: '不作要求',
};

export const AGGREGATION_RULE_LABELS: Record<AggregationRule, string> = {
  TRIMMED_MEAN: '去掉最高分和最低分后取平均',
  NORMALISED_MEAN: '按各专家评分尺度标准化后取平均',
};

export type MeasuresStatus = 'DRAFT' | 'PUBLISHED';

export const MEASURES_STATUS_LABELS: Record<MeasuresStatus, string> = {
  DRAFT: '草稿',
  PUBLISHED: '已发布',
};
