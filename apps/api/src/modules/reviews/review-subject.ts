/**
 * What a panel seat reviews: a pilot application, a filing when its round asks for experts, a
 * programme application, or a project at acceptance (验收).
 */
export type ReviewSubjectType = 'pilot_application' | 'filing' | 'programme_application' | 'project';

/**
 * The application an expert panel reviews, as expert review reads it: straight from its table,
 * not through the module that runs its workflow (which depends on reviews, not the other way).
 */
export type ReviewSubject = {
  type: ReviewSubjectType;
  id: string;
  /** The home tier that owns the application. */
  tenantId: string;
  /** The tier that reviews and decides: its pool seats the panel. */
  authorityTenantId: string;
  allianceId: string;
  /** The unit that sent it up: the recommending bureau, or the filing city. */
  recommendingTenantId: string;
  /** What it came in with: the call of a pilot application, the round of a filing. */
  batchId: string;
  state: string;
  /** Sent up to the authority; before that the authority does not hold it. */
  recommendedAt: Date | null;
  memberOrganizationIds: string[];
  /** Frozen at submission: the alliance, its members and the measures version. */
  dossier: Record<string, unknown> | null;
};

/** The states in which each subject's panel is formed, and then reviews. */
const STAGES: Record<ReviewSubjectType, { forming: string; reviewing: string }> = {
  pilot_application: { forming: 'ACCEPTED', reviewing: 'IN_REVIEW' },
  filing: { forming: 'ACCEPTED', reviewing: 'IN_REVIEW' },
  programme_application: { forming: 'ACCEPTED', reviewing: 'IN_REVIEW' },
  project: { forming: 'ACCEPTANCE_REQUESTED', reviewing: 'ACCEPTANCE_REVIEW' },
};

/** Where the subject's review stands: its panel being formed, under review, or neither. */
export function reviewStage(subject: Pick<ReviewSubject, 'type' | 'state'>): 'FORMING' | 'REVIEWING' | null {
  const stages = STAGES[subject.type];
  if (subject.state === stages.forming) return 'FORMING';
  if (subject.state === stages.reviewing) return 'REVIEWING';
  return null;
}

/** Plan-project review (programme applications and project acceptance) seats no debarred unit's expert (Art. 20). */
export function refusesDebarredEmployers(type: ReviewSubjectType): boolean {
  return type === 'programme_application' || type === 'project';
}
