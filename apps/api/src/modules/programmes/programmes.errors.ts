import type { FieldViolation } from '@xiangmeng/domain';
import { AppError } from '../../common/errors/app-error';

export const programmePublished = () => new AppError('PROGRAMME_PUBLISHED');
export const programmeChanged = () => new AppError('PROGRAMME_CHANGED');

/** A second lifting, with the domain's violation (which names the day of the first) when there is one. */
export function debarmentAlreadyLifted(violation?: FieldViolation): AppError {
  return violation
    ? new AppError('DEBARMENT_ALREADY_LIFTED', { violations: [violation] }, violation.message)
    : new AppError('DEBARMENT_ALREADY_LIFTED');
}

/** Every tenant reads the register; only the deciding authority lifts its own decision. */
export const notTheDecidingAuthority = () =>
  new AppError('FORBIDDEN', {}, '禁入只能由作出决定的主管部门解除');
