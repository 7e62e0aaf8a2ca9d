import { AppError } from '../../common/errors/app-error';

export function measuresNotDraft(): AppError {
  return new AppError('MEASURES_NOT_DRAFT');
}

/** No provincial measures were published with effect on `asOf`: there are no rules to apply. */
export function measuresNotInForce(asOf: string): AppError {
  return new AppError('MEASURES_NOT_IN_FORCE', {}, `${asOf} 没有生效的省级实施办法`);
}
