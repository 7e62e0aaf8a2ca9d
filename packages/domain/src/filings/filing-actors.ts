import { isAdmin, isStaff, Role } from '../auth/roles.js';
import type { FilingActor } from './filing-workflow.js';

// Who plays which part for one filing, from the user's tier and roles (Art. 21): the home bureau's
// staff file, the province's staff check, review and publicise, its admins decide. SYSTEM is never
// a person: the scheduler and other records' effects act as it. An EXPERT plays no part.

export type FilingParties = { tenantId: string; authorityTenantId: string };
export type FilingViewer = { tenantId: string; roles: readonly Role[] };

const CITY_STAFF: readonly Role[] = [Role.CITY_ADMIN, Role.CITY_OFFICER];

export function filingActorsOf(viewer: FilingViewer, parties: FilingParties): FilingActor[] {
  const actors: FilingActor[] = [];
  if (viewer.roles.some((r) => CITY_STAFF.includes(r)) && viewer.tenantId === parties.tenantId)
    actors.push('FILING_CITY');
  if (isStaff(viewer.roles) && viewer.tenantId === parties.authorityTenantId) actors.push('PROVINCE');
  if (isAdmin(viewer.roles) && viewer.tenantId === parties.authorityTenantId) actors.push('PROVINCE_ADMIN');
  return actors;
}
