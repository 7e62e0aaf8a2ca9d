// Conflicts of interest in expert review (Art. 11): an expert affiliated with a current member
// of the alliance or with the recommending unit, or who declared a conflict with any of them,
// never reviews the application.

export type Expert = {
  id: string;
  name: string;
  /** Industry codes the expert reviews in. */
  domains: readonly string[];
  /** Organizations the expert works for or holds a post in. */
  affiliations: readonly string[];
  /** Organizations the expert declared a conflict with. */
  declaredConflicts: readonly string[];
  available: boolean;
  reviewsThisYear: number;
};

/** Who an expert must not be tied to: the alliance's member organizations and the recommending unit. */
export type ReviewParties = {
  memberOrganizationIds: readonly string[];
  recommendingOrganizationId: string | null;
};

export const ConflictReasonCode = {
  AFFILIATED_WITH_MEMBER: 'AFFILIATED_WITH_MEMBER',
  AFFILIATED_WITH_RECOMMENDER: 'AFFILIATED_WITH_RECOMMENDER',
  DECLARED_CONFLICT: 'DECLARED_CONFLICT',
} as const;
export type ConflictReasonCode = (typeof ConflictReasonCode)[keyof typeof ConflictReasonCode];

export type ConflictReason = { code: ConflictReasonCode; organizationId: string };

export function conflictsOf(expert: Expert, subject: ReviewParties): ConflictReason[] {
  const reasons: ConflictReason[] = [];
  const involved = new Set(subject.memberOrganizationIds);
  if (subject.recommendingOrganizationId) involved.add(subject.recommendingOrganizationId);
  for (const org of expert.affiliations) {
    if (subject.memberOrganizationIds.includes(org))
      reasons.push({ code: 'AFFILIATED_WITH_MEMBER', organizationId: org });
    else if (org === subject.recommendingOrganizationId)
      reasons.push({ code: 'AFFILIATED_WITH_RECOMMENDER', organizationId: org });
  }
  for (const org of expert.declaredConflicts) {
    if (involved.has(org)) reasons.push({ code: 'DECLARED_CONFLICT', organizationId: org });
  }
  return reasons;
}

export const CONFLICT_LABELS: Record<ConflictReason['code'], string> = {
  AFFILIATED_WITH_MEMBER: '任职于联盟成员单位',
  AFFILIATED_WITH_RECOMMENDER: '任职于推荐单位',
  DECLARED_CONFLICT: '已声明存在利益冲突',
};
