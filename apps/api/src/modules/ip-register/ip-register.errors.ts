import { QueryFailedError } from 'typeorm';
import { AppError, badInput, violation } from '../../common/errors/app-error';

export const ipAssetNumberTaken = () =>
  new AppError('IP_ASSET_NUMBER_TAKEN', {
    violations: [violation('number', 'UNIQUE', '同类知识产权中该编号已登记，请核对编号')],
  });

/** The database's own refusal (its trigger's hint names the rule) as the answer the service gives. */
export function ipRefusalOf(error: unknown): AppError | null {
  if (!(error instanceof QueryFailedError)) return null;
  const hint = (error.driverError as { hint?: unknown }).hint;
  switch (hint) {
    case 'NOT_A_PARTICIPANT':
      return badInput([
        violation(
          'owners',
          'NOT_A_PARTICIPANT',
          '权利人应为项目任务书所列的承担或参与单位（第二十条第（一）项）',
        ),
      ]);
    case 'SHARES_SUM_100':
      return badInput([violation('owners', 'SHARES_SUM_100', '各权利人份额之和应为 100 %')]);
    default:
      return null;
  }
}
