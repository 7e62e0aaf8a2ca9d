import type { FieldViolation } from '@xiangmeng/domain';
import { AppError } from '../../common/errors/app-error';

/** Withdrawn already (by the request, or by another administrator meanwhile). */
export function nationalPilotAlreadyWithdrawn(violation?: FieldViolation): AppError {
  return violation
    ? new AppError('NATIONAL_PILOT_ALREADY_WITHDRAWN', { violations: [violation] }, violation.message)
    : new AppError('NATIONAL_PILOT_ALREADY_WITHDRAWN');
}

/** Every tier reads the list; only the province's administrators keep it. */
export const notTheProvince = () =>
  new AppError('FORBIDDEN', {}, '国家级试点认定由省科技厅的管理员记录和撤销');
