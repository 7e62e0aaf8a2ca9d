/** What a panel seat reviews: a pilot application, a filing when its round asks for experts, a programme application. */
export type ReviewSubjectType = 'pilot_application' | 'filing' | 'programme_application';

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
