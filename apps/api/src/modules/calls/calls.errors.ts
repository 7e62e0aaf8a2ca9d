import { AppError } from '../../common/errors/app-error';

export function callChanged(): AppError {
  return new AppError('CONFLICT', {}, '申报通知已被他人修改，请刷新后重试');
}

export function callPublished(): AppError {
  return new AppError('CONFLICT', {}, '申报通知已发布，不能再修改');
}
