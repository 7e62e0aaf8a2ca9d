import type { PilotActor } from '@xiangmeng/domain';
import type { Viewer } from '../../common/request/request-context';
import { isAdmin, isStaff } from '../calls/calls.errors';

type Parties = { tenantId: string; recommendingTenantId: string; authorityTenantId: string };

/** The parts the viewer plays for an application, from its tier and roles. */
export function pilotActors(viewer: Viewer, application: Parties): PilotActor[] {
  const actors: PilotActor[] = [];
  const cityStaff = viewer.roles.includes('CITY_OFFICER') || viewer.roles.includes('CITY_ADMIN');
  if (cityStaff && viewer.tenantId === application.tenantId) actors.push('APPLICANT_SIDE');
  if (viewer.roles.includes('CITY_ADMIN') && viewer.tenantId === application.recommendingTenantId)
    actors.push('RECOMMENDER');
  if (isStaff(viewer) && viewer.tenantId === application.authorityTenantId) actors.push('AUTHORITY');
  if (isAdmin(viewer) && viewer.tenantId === application.authorityTenantId) actors.push('AUTHORITY_ADMIN');
  return actors;
}
