import { isAdmin, isStaff, Role } from '../auth/roles.js';
import type { Programme } from './programme.js';
import type { ProgrammeActor } from './programme-application-workflow.js';
import type { ProjectActor } from './project-lifecycle.js';

// Who plays which part for one programme application, from the user's tier and roles (Art. 14,
// Art. 10's procedure): the alliance's home bureau enters the dossier, an admin of the
// recommending unit recommends, the staff of the authority running the programme check and
// review, its admins decide. An EXPERT plays no part here: experts score through their seats.

export type ProgrammeParties = { tenantId: string; recommendingTenantId: string; authorityTenantId: string };
export type ProgrammeViewer = { tenantId: string; roles: readonly Role[] };

const CITY_STAFF: readonly Role[] = [Role.CITY_ADMIN, Role.CITY_OFFICER];

/**
 * The recommending unit: the alliance's home city bureau for the province's programmes; for a
 * city's own programme, the city itself (its admin signs the opinion, another than the submitter).
 */
export function recommendingTenantOf(
  programme: Pick<Programme, 'tenantId' | 'level'>,
  allianceTenantId: string,
): string {
  return programme.level === 'PROVINCE' ? allianceTenantId : programme.tenantId;
}

export function programmeActorsOf(viewer: ProgrammeViewer, parties: ProgrammeParties): ProgrammeActor[] {
  const has = (roles: readonly Role[]) => viewer.roles.some((r) => roles.includes(r));
  const actors: ProgrammeActor[] = [];
  if (has(CITY_STAFF) && viewer.tenantId === parties.tenantId) actors.push('APPLICANT_SIDE');
  if (viewer.roles.includes(Role.CITY_ADMIN) && viewer.tenantId === parties.recommendingTenantId)
    actors.push('RECOMMENDER');
  if (isStaff(viewer.roles) && viewer.tenantId === parties.authorityTenantId) actors.push('AUTHORITY');
  if (isAdmin(viewer.roles) && viewer.tenantId === parties.authorityTenantId) actors.push('AUTHORITY_ADMIN');
  return actors;
}

/** The parties to a project: the alliance's home bureau and the authority that awarded it. */
export type ProjectParties = { tenantId: string; authorityTenantId: string };

/**
 * Who plays which part for one project: the home bureau's staff act for the responsible unit
 * (reports, change requests, the acceptance request), the authority's staff run acceptance, its
 * admins approve and decide (Art. 19). SYSTEM is never a person: a dissolving alliance acts as it.
 */
export function projectActorsOf(viewer: ProgrammeViewer, parties: ProjectParties): ProjectActor[] {
  const actors: ProjectActor[] = [];
  if (viewer.roles.some((r) => CITY_STAFF.includes(r)) && viewer.tenantId === parties.tenantId)
    actors.push('PROJECT_SIDE');
  if (isStaff(viewer.roles) && viewer.tenantId === parties.authorityTenantId) actors.push('AUTHORITY');
  if (isAdmin(viewer.roles) && viewer.tenantId === parties.authorityTenantId) actors.push('AUTHORITY_ADMIN');
  return actors;
}
