import { fieldViolation, type FieldViolation, type Role } from '@xiangmeng/domain';
import { AppError } from '../../common/errors/app-error';
import type { Viewer } from '../../common/request/request-context';

/** Officers and admins of a tier: those who write its calls and act as its authority. */
export const STAFF_ROLES: readonly Role[] = [
  'PROVINCE_ADMIN',
  'PROVINCE_OFFICER',
  'CITY_ADMIN',
  'CITY_OFFICER',
];
export const ADMIN_ROLES: readonly Role[] = ['PROVINCE_ADMIN', 'CITY_ADMIN'];

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isStaff(viewer: Viewer): boolean {
  return viewer.roles.some((r) => STAFF_ROLES.includes(r));
}

export function isAdmin(viewer: Viewer): boolean {
  return viewer.roles.some((r) => ADMIN_ROLES.includes(r));
}

export function violation(field: string, rule: string, message: string): FieldViolation {
  return { ...fieldViolation(field, rule), message };
}

export function callChanged(): AppError {
  return new AppError('CONFLICT', {}, '申报通知已被他人修改，请刷新后重试');
}

export function callPublished(): AppError {
  return new AppError('CONFLICT', {}, '申报通知已发布，不能再修改');
}
