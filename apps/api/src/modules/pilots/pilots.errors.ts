import type { FieldViolation } from '@xiangmeng/domain';
import { AppError } from '../../common/errors/app-error';

export function applicationChanged(): AppError {
  return new AppError('CONFLICT', {}, '该申报已被他人处理或修改，请刷新后重试');
}

export function refused(violations: FieldViolation[], message?: string): AppError {
  return new AppError('PILOT_TRANSITION_REFUSED', { violations }, message);
}

export function notWithApplicant(): AppError {
  return new AppError('CONFLICT', {}, '申报已提交，只有草稿或退回修改的申报可以编辑');
}
