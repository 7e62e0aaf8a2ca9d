import { isStaff } from '@xiangmeng/domain';
import { AppError } from '../../common/errors/app-error';
import type { Viewer } from '../../common/request/request-context';

/** The access check first in every method of the authority's side. */
export function requireStaff(viewer: Viewer): void {
  if (!isStaff(viewer.roles)) throw new AppError('FORBIDDEN');
}

export function requireExpert(viewer: Viewer): void {
  if (!viewer.roles.includes('EXPERT')) throw new AppError('FORBIDDEN');
}

export function changedByOthers(what: string): AppError {
  return new AppError('CONFLICT', {}, `${what}已被他人修改，请刷新后重试`);
}

export function wrongState(message: string): AppError {
  return new AppError('CONFLICT', {}, message);
}
