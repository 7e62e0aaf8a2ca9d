import { isAdmin, isStaff, Role } from '../auth/roles.js';
import type { PilotActor } from './pilot-transitions.js';

// Who plays which part for one application, from the user's tier and roles (Art. 10–13, 21):
// the home bureau's officers enter the dossier, its admin recommends, the staff of the tier that
// published the call check and review, and that tier's admins decide. An EXPERT plays no part.

export type PilotParties = { tenantId: string; recommendingTenantId: string; authorityTenantId: string };
export type PilotViewer = { tenantId: string; roles: readonly Role[] };

const CITY_STAFF: readonly Role[] = [Role.CITY_ADMIN, Role.CITY_OFFICER];

export function pilotActorsOf(viewer: PilotViewer, parties: PilotParties): PilotActor[] {
  const has = (roles: readonly Role[]) => viewer.roles.some((r) => roles.includes(r));
  const actors: PilotActor[] = [];
  if (has(CITY_STAFF) && viewer.tenantId === parties.tenantId) actors.push('APPLICANT_SIDE');
  if (viewer.roles.includes(Role.CITY_ADMIN) && viewer.tenantId === parties.recommendingTenantId)
    actors.push('RECOMMENDER');
  if (isStaff(viewer.roles) && viewer.tenantId === parties.authorityTenantId) actors.push('AUTHORITY');
  if (isAdmin(viewer.roles) && viewer.tenantId === parties.authorityTenantId) actors.push('AUTHORITY_ADMIN');
  return actors;
}
