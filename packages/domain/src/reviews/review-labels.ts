// Chinese wording for expert review, shared by the API and the apps.

export const ReviewRecommendation = {
  SUPPORT: 'SUPPORT',
  SUPPORT_WITH_CHANGES: 'SUPPORT_WITH_CHANGES',
  OPPOSE: 'OPPOSE',
} as const;
export type ReviewRecommendation = (typeof ReviewRecommendation)[keyof typeof ReviewRecommendation];

export const REVIEW_RECOMMENDATION_LABELS: Record<ReviewRecommendation, string> = {
  SUPPORT: '建议确认为试点',
  SUPPORT_WITH_CHANGES: '修改完善后确认',
  OPPOSE: '不建议确认',
};

/** The same conclusions, worded for a filing (备案) under expert review. */
export const FILING_REVIEW_RECOMMENDATION_LABELS: Record<ReviewRecommendation, string> = {
  SUPPORT: '建议予以备案',
  SUPPORT_WITH_CHANGES: '修改完善后备案',
  OPPOSE: '不建议备案',
};

/** The same conclusions, worded for a support programme's project application (立项). */
export const PROGRAMME_REVIEW_RECOMMENDATION_LABELS: Record<ReviewRecommendation, string> = {
  SUPPORT: '建议立项支持',
  SUPPORT_WITH_CHANGES: '修改完善后立项',
  OPPOSE: '不建议立项',
};

/** The same three conclusions for a project's acceptance (验收). */
export const ACCEPTANCE_REVIEW_RECOMMENDATION_LABELS: Record<ReviewRecommendation, string> = {
  SUPPORT: '建议通过验收',
  SUPPORT_WITH_CHANGES: '整改后通过验收',
  OPPOSE: '建议不通过验收',
};

/** The conclusions' wording for what is reviewed: a pilot application, a filing, a programme application or an acceptance. */
export function reviewRecommendationLabels(
  reviewed: 'PILOT_APPLICATION' | 'FILING' | 'PROGRAMME_APPLICATION' | 'PROJECT_ACCEPTANCE',
): Record<ReviewRecommendation, string> {
  if (reviewed === 'FILING') return FILING_REVIEW_RECOMMENDATION_LABELS;
  if (reviewed === 'PROJECT_ACCEPTANCE') return ACCEPTANCE_REVIEW_RECOMMENDATION_LABELS;
  if (reviewed === 'PROGRAMME_APPLICATION') return PROGRAMME_REVIEW_RECOMMENDATION_LABELS;
  return REVIEW_RECOMMENDATION_LABELS;
}

export const ReviewSheetStatus = { DRAFT: 'DRAFT', SUBMITTED: 'SUBMITTED' } as const;
export type ReviewSheetStatus = (typeof ReviewSheetStatus)[keyof typeof ReviewSheetStatus];

export const REVIEW_SHEET_STATUS_LABELS: Record<ReviewSheetStatus, string> = {
  DRAFT: '未提交',
  SUBMITTED: '已提交',
};
