import type { FieldViolation } from '@xiangmeng/domain';
import { QueryFailedError } from 'typeorm';
import { AppError, badInput, violation } from '../../common/errors/app-error';

// Finance linkage's refusals (Art. 17): each with its code in the catalogue, Chinese in the apps.
export const FinanceErrorCode = {
  NEED_CLOSED: 'FINANCING_NEED_CLOSED',
  INTRODUCTION_CHANGED: 'FINANCING_INTRODUCTION_CHANGED',
  CLAIM_REFUSED: 'COMPENSATION_CLAIM_REFUSED',
  CLAIM_CHANGED: 'COMPENSATION_CLAIM_CHANGED',
  CLAIM_ALREADY_OPEN: 'COMPENSATION_CLAIM_ALREADY_OPEN',
  ABOVE_CEILING: 'COMPENSATION_ABOVE_CEILING',
} as const;

export const needClosed = () => new AppError(FinanceErrorCode.NEED_CLOSED);
export const introductionChanged = () => new AppError(FinanceErrorCode.INTRODUCTION_CHANGED);
export const claimChanged = () => new AppError(FinanceErrorCode.CLAIM_CHANGED);
export const claimAlreadyOpen = () =>
  new AppError(FinanceErrorCode.CLAIM_ALREADY_OPEN, {
    violations: [violation('financingRecordId', 'CLAIM_OPEN', '该笔贷款已有办理中或已补偿的补偿申请')],
  });

export function claimRefused(violations: FieldViolation[], message?: string): AppError {
  return new AppError(FinanceErrorCode.CLAIM_REFUSED, { violations }, message);
}

const HINTS: Record<string, () => AppError> = {
  NOT_A_MEMBER: () =>
    badInput([violation('organizationId', 'NOT_A_MEMBER', '该企业在该日期不是联盟成员单位')]),
  NOT_AN_ENTERPRISE: () => badInput([violation('organizationId', 'NOT_AN_ENTERPRISE', '应为企业')]),
  NOT_AN_INSTITUTION: () =>
    badInput([violation('institutionId', 'NOT_AN_INSTITUTION', '应为银行、创业投资、融资担保或保险机构')]),
  NEED_NOT_VISIBLE: () =>
    badInput([
      violation(
        'institutionId',
        'NEED_NOT_VISIBLE',
        '该机构既不是联盟成员，也未参加省融资对接计划（或需求未向计划公开），不能对接该需求',
      ),
    ]),
  NEED_CLOSED: needClosed,
  ABOVE_YEARLY_CEILING: () =>
    new AppError(FinanceErrorCode.ABOVE_CEILING, {
      violations: [violation('amountFen', 'ABOVE_YEARLY_CEILING', '补偿金额超过该银行本年度补偿上限')],
    }),
};

/** The database's own refusal (its trigger's hint names the rule) as the answer the service gives. */
export function financeRefusalOf(error: unknown): AppError | null {
  if (!(error instanceof QueryFailedError)) return null;
  const hint = (error.driverError as { hint?: unknown }).hint;
  return typeof hint === 'string' && hint in HINTS ? HINTS[hint]!() : null;
}
