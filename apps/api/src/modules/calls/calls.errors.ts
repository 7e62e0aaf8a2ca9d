import { AppError } from '../../common/errors/app-error';

export function callChanged(): AppError {
  return new AppError('CALL_CHANGED');
}

export function callPublished(): AppError {
  return new AppError('CALL_PUBLISHED');
}

export function callGuideClosed(): AppError {
  return new AppError('CALL_GUIDE_CLOSED');
}
