import { isAdmin, isStaff } from '@xiangmeng/domain';
import { AppError } from '../errors/app-error';
import type { Viewer } from '../request/request-context';
import { UUID } from '../uuid';

// The one answer to "may this user act on this record": the record, or NOT_FOUND. Row-level
// security already hides other tenants' rows; these checks narrow what a visible row allows
// (a parent tier reads a city's record but does not edit it). Refusing with NOT_FOUND tells the
// caller nothing about what exists.

/** Whether `id` can name a row at all; junk is "not found" before it reaches SQL. */
export function isId(id: string): boolean {
  return UUID.test(id);
}

/** The record, or NOT_FOUND when it is missing or `may` refuses it. */
export function actOn<T>(record: T | null | undefined, may: (record: T) => boolean = () => true): T {
  if (record === null || record === undefined || !may(record)) throw new AppError('NOT_FOUND');
  return record;
}

/** The record when it belongs to the viewer's own tenant; NOT_FOUND otherwise. */
export function ownRecord<T extends { tenantId: string }>(viewer: Viewer, record: T | null | undefined): T {
  return actOn(record, (r) => r.tenantId === viewer.tenantId);
}

/** The step is the authority's staff's (admins and officers of a province or city). */
export function requireStaff(viewer: Viewer, message?: string): void {
  if (!isStaff(viewer.roles)) throw new AppError('FORBIDDEN', {}, message);
}

/** The step is an admin's of the viewer's tenant. */
export function requireAdmin(viewer: Viewer, message?: string): void {
  if (!isAdmin(viewer.roles)) throw new AppError('FORBIDDEN', {}, message);
}

/** The step is a reviewing expert's. */
export function requireExpert(viewer: Viewer): void {
  if (!viewer.roles.includes('EXPERT')) throw new AppError('FORBIDDEN');
}
