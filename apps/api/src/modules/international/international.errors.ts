import { AppError, violation } from '../../common/errors/app-error';

// The international slice's refusals: one code each (packages/domain error-codes.ts), the apps
// show their Chinese text.

export const baseNameTaken = () =>
  new AppError('COOPERATION_BASE_NAME_TAKEN', {
    violations: [violation('name', 'UNIQUE', '本单位已登记同名的国际科技合作基地')],
  });

export const baseTransitionRefused = (action: string, status: string) =>
  new AppError(
    'COOPERATION_BASE_TRANSITION_REFUSED',
    { violations: [violation('status', 'TRANSITION', `基地现为「${status}」，不能${action}`)] },
    `基地现为「${status}」，不能${action}`,
  );

export const baseChanged = () => new AppError('COOPERATION_BASE_CHANGED');

export const baseAlreadyEvaluated = (year: number) =>
  new AppError('COOPERATION_BASE_ALREADY_EVALUATED', {
    violations: [violation('year', 'DUPLICATE', `${year} 年度已评估`)],
  });
