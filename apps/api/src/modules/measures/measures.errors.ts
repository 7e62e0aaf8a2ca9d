import { AppError } from '../../common/errors/app-error';

export function measuresNotDraft(): AppError {
  return new AppError('CONFLICT', {}, '该版本已发布，不能修改；请新建版本');
}
