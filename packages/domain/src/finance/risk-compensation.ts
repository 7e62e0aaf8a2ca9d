import { addCalendarDays, isCalendarDate } from '../calendar/calendar-date.js';
import { fieldViolation, type FieldViolation } from '../errors/error-codes.js';
import { formatYuan, isFen } from '../money/fen.js';
import { COMPENSABLE_FORMS, type FinancingForm } from './financing.js';

// Risk compensation (风险补偿), as provinces run it for loans to science and technology
// enterprises: a loan registered with the scheme within its filing window can, on default, be
// claimed; the scheme pays a share of the principal lost, at most up to the bank's yearly
// ceiling. Share, ceiling and window are parameters of the measures in force (a city's local
// measures override them), so a claim records the version it applied.

export type RiskCompensationParameters = {
  /** The share of the principal lost that is compensated, as an exact fraction. */
  share: { numerator: number; denominator: number };
  /** What one bank may receive from the scheme's authority in one calendar year, in fen. */
  perBankYearlyCeilingFen: string;
  /** Days after the grant within which a loan must be registered to be covered. */
  filingWindowDays: number;
};

/**
 * The province's default: half of the principal lost, up to ¥5,000,000 per bank a year, for
 * loans registered within 30 days of the grant (cities override any of them).
 */
export const RISK_COMPENSATION_DEFAULTS: RiskCompensationParameters = {
  share: { numerator: 1, denominator: 2 },
  perBankYearlyCeilingFen: '500000000',
  filingWindowDays: 30,
};

export function riskCompensationViolations(p: Partial<RiskCompensationParameters>): FieldViolation[] {
  const v: FieldViolation[] = [];
  const n = p.share?.numerator;
  const d = p.share?.denominator;
  const int = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x);
  if (!int(d) || d < 1 || d > 100)
    v.push({
      ...fieldViolation('riskCompensation.share.denominator', 'INTEGER_RANGE'),
      message: '应为 1–100 之间的整数',
    });
  if (!int(n) || n < 0 || n > 100 || (int(d) && n > d))
    v.push({
      ...fieldViolation('riskCompensation.share.numerator', 'INTEGER_RANGE'),
      message: '补偿比例应在 0 至 100 % 之间',
    });
  if (typeof p.perBankYearlyCeilingFen !== 'string' || !isFen(p.perBankYearlyCeilingFen))
    v.push({
      ...fieldViolation('riskCompensation.perBankYearlyCeilingFen', 'FEN'),
      message: '应为不小于零的金额（分）',
    });
  if (!int(p.filingWindowDays) || p.filingWindowDays < 1 || p.filingWindowDays > 365)
    v.push({
      ...fieldViolation('riskCompensation.filingWindowDays', 'INTEGER_RANGE'),
      message: '应为 1–365 之间的整数',
    });
  return v;
}

/** The last day a loan granted on `grantedOn` may be registered (China calendar, inclusive). */
export function filingWindowEnd(grantedOn: string, windowDays: number): string {
  return addCalendarDays(grantedOn, windowDays);
}

export function registeredInWindow(grantedOn: string, registeredOn: string, windowDays: number): boolean {
  return registeredOn >= grantedOn && registeredOn <= filingWindowEnd(grantedOn, windowDays);
}

export type CompensationFigures = {
  /** share × principal lost, rounded down to whole fen. */
  shareOfLossFen: string;
  /** The ceiling less what the bank received this year; never below zero. */
  remainingCeilingFen: string;
  /** min(share of loss, remaining ceiling). */
  amountFen: string;
  cappedByCeiling: boolean;
};

/** compensation = min(share × principal lost, ceiling − paid to the bank this year). */
export function compensationAmount(
  principalLostFen: string,
  share: RiskCompensationParameters['share'],
  ceilingFen: string,
  paidThisYearFen: string,
): CompensationFigures {
  const shareOfLoss = (BigInt(principalLostFen) * BigInt(share.numerator)) / BigInt(share.denominator);
  const left = BigInt(ceilingFen) - BigInt(paidThisYearFen);
  const remaining = left > 0n ? left : 0n;
  const amount = shareOfLoss < remaining ? shareOfLoss : remaining;
  return {
    shareOfLossFen: shareOfLoss.toString(),
    remainingCeilingFen: remaining.toString(),
    amountFen: amount.toString(),
    cappedByCeiling: remaining < shareOfLoss,
  };
}

/** The loan a claim is made on, as the claim's checks read it. */
export type ClaimedLoan = {
  form: FinancingForm;
  amountFen: string;
  grantedOn: string;
  registeredOn: string | null;
};

export type ClaimInput = { defaultedOn: string; principalLostFen: string };

/**
 * Whether a claim may be filed on this loan: a loan form, registered within the filing window of
 * the parameters in force, a default on or after the grant and not in the future, and a loss of
 * at most the principal.
 */
export function claimViolations(
  loan: ClaimedLoan,
  claim: ClaimInput,
  parameters: Pick<RiskCompensationParameters, 'filingWindowDays'>,
  today: string,
): FieldViolation[] {
  const v: FieldViolation[] = [];
  if (!COMPENSABLE_FORMS.includes(loan.form))
    v.push({
      ...fieldViolation('financingRecordId', 'NOT_A_LOAN'),
      message: '只有贷款（含知识产权质押贷款）可以申请风险补偿',
    });
  else if (loan.registeredOn === null)
    v.push({
      ...fieldViolation('financingRecordId', 'NOT_REGISTERED'),
      message: '该笔贷款未在风险补偿备案，不能申请补偿',
    });
  else if (!registeredInWindow(loan.grantedOn, loan.registeredOn, parameters.filingWindowDays))
    v.push({
      ...fieldViolation('financingRecordId', 'OUTSIDE_FILING_WINDOW'),
      message: `该笔贷款未在放款后 ${parameters.filingWindowDays} 日内备案（最迟 ${filingWindowEnd(
        loan.grantedOn,
        parameters.filingWindowDays,
      )}），不在补偿范围内`,
    });
  if (!isCalendarDate(claim.defaultedOn))
    v.push({ ...fieldViolation('defaultedOn', 'CALENDAR_DATE'), message: '应为有效日期（YYYY-MM-DD）' });
  else if (claim.defaultedOn < loan.grantedOn)
    v.push({ ...fieldViolation('defaultedOn', 'NOT_BEFORE_GRANT'), message: '违约日期不能早于放款日期' });
  else if (claim.defaultedOn > today)
    v.push({ ...fieldViolation('defaultedOn', 'NOT_FUTURE'), message: `违约日期不能晚于今天（${today}）` });
  if (!isFen(claim.principalLostFen) || BigInt(claim.principalLostFen) <= 0n)
    v.push({
      ...fieldViolation('principalLostFen', 'POSITIVE_FEN'),
      message: '本金损失应为大于零的金额（分）',
    });
  else if (BigInt(claim.principalLostFen) > BigInt(loan.amountFen))
    v.push({
      ...fieldViolation('principalLostFen', 'ABOVE_PRINCIPAL'),
      message: `本金损失不能超过贷款金额 ${formatYuan(loan.amountFen)}`,
    });
  return v;
}

/** The calendar year a payout counts against (its China date). */
export function ceilingYearOf(chinaDate: string): number {
  return Number(chinaDate.slice(0, 4));
}
