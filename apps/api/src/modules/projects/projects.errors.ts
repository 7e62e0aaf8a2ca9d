import type { FieldViolation } from '@xiangmeng/domain';
import { QueryFailedError } from 'typeorm';
import { AppError } from '../../common/errors/app-error';

export const projectChanged = () => new AppError('PROJECT_CHANGED');
export const projectAlreadyOpened = () => new AppError('PROJECT_ALREADY_OPENED');

export function projectRefused(violations: FieldViolation[], message?: string): AppError {
  return new AppError('PROJECT_TRANSITION_REFUSED', { violations }, message);
}

/** The ledger rules the domain names, each with its own code (the database holds the same ones). */
const LEDGER_CODES = {
  PROJECT_FROZEN: 'PROJECT_FROZEN',
  PROJECT_NOT_DISBURSABLE: 'PROJECT_NOT_DISBURSABLE',
  ABOVE_AWARD: 'LEDGER_ABOVE_AWARD',
  ABOVE_NET_PAID: 'LEDGER_ABOVE_NET_PAID',
} as const;

/** A refused ledger entry: the first violation's rule picks the code, every violation is listed. */
export function ledgerRefused(violations: FieldViolation[]): AppError {
  const rule = violations.find((v) => v.rule in LEDGER_CODES)?.rule as keyof typeof LEDGER_CODES | undefined;
  const code = rule ? LEDGER_CODES[rule] : 'BAD_USER_INPUT';
  const first = violations[0];
  return new AppError(code, { violations }, first ? `${first.field}: ${first.message}` : undefined);
}

/**
 * The database's own refusal of an entry (the ledger trigger's hint names the rule): the answer
 * when a concurrent entry took the room the service saw a moment before.
 */
export function ledgerRefusalOf(error: unknown): AppError | null {
  if (!(error instanceof QueryFailedError)) return null;
  const hint = (error.driverError as { hint?: unknown }).hint;
  if (typeof hint !== 'string' || !(hint in LEDGER_CODES)) return null;
  const rule = hint as keyof typeof LEDGER_CODES;
  const field = rule === 'ABOVE_AWARD' || rule === 'ABOVE_NET_PAID' ? 'amountFen' : 'projectId';
  return new AppError(LEDGER_CODES[rule], {
    violations: [{ field, rule, message: messageOf(rule) }],
  });
}

function messageOf(rule: keyof typeof LEDGER_CODES): string {
  switch (rule) {
    case 'PROJECT_FROZEN':
      return '项目因联盟解散已冻结，待主管部门处理后方可拨付（第十九条）';
    case 'PROJECT_NOT_DISBURSABLE':
      return '项目已结束，不能再登记拨付';
    case 'ABOVE_AWARD':
      return '累计拨付不能超过立项支持金额（其他拨付已先行登记，请刷新后查看尚可拨付金额）';
    case 'ABOVE_NET_PAID':
      return '追回金额不能超过已拨付净额（请刷新后查看）';
  }
}
