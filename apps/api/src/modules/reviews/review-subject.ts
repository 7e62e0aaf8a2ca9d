/**
 * The application an expert panel reviews, as expert review reads it: straight from its table,
 * not through the module that runs its workflow (which depends on reviews, not the other way).
 * A pilot application today; a filing or a programme application can be one tomorrow.
 */
export type ReviewSubject = {
  id: string;
  /** The home tier that owns the application. */
  tenantId: string;
  /** The tier that reviews and decides: its pool seats the panel. */
  authorityTenantId: string;
  allianceId: string;
  recommendingTenantId: string;
  callId: string;
  state: string;
  /** Sent up to the authority; before that the authority does not hold it. */
  recommendedAt: Date | null;
  memberOrganizationIds: string[];
  /** Frozen at submission: the alliance, its members and the measures version. */
  dossier: Record<string, unknown> | null;
};
