import { fieldViolation, type FieldViolation, type Role } from '@xiangmeng/domain';
import { AppError, badInput } from '../../common/errors/app-error';
import type { Viewer } from '../../common/request/request-context';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Officers and admins of a tier: those who keep its expert pool and panels. */
export const AUTHORITY_STAFF_ROLES: readonly Role[] = [
  'PROVINCE_ADMIN',
  'PROVINCE_OFFICER',
  'CITY_ADMIN',
  'CITY_OFFICER',
];

export function isStaff(viewer: Viewer): boolean {
  return viewer.roles.some((r) => AUTHORITY_STAFF_ROLES.includes(r));
}

/** The access check first in every method of the authority's side. */
export function requireStaff(viewer: Viewer): void {
  if (!isStaff(viewer)) throw new AppError('FORBIDDEN');
}

export function requireExpert(viewer: Viewer): void {
  if (!viewer.roles.includes('EXPERT')) throw new AppError('FORBIDDEN');
}

export function violation(field: string, rule: string, message: string): FieldViolation {
  return { ...fieldViolation(field, rule), message };
}

export function invalid(field: string, rule: string, message: string): AppError {
  return badInput([violation(field, rule, message)]);
}

export function changedByOthers(what: string): AppError {
  return new AppError('CONFLICT', {}, `${what}已被他人修改，请刷新后重试`);
}

export function wrongState(message: string): AppError {
  return new AppError('CONFLICT', {}, message);
}
