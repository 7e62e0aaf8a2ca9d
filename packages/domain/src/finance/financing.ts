import { isCalendarDate } from '../calendar/calendar-date.js';
import { fieldViolation, type FieldViolation } from '../errors/error-codes.js';
import { isFen } from '../money/fen.js';
import type { OrganizationType } from '../organizations/organization-type.js';

// Finance linkage (Art. 17): banks, venture capital, guarantee and insurance companies join
// alliances and finance the alliances' enterprises. Needs, introductions and financing records
// are the home bureau's rows; amounts are integer fen carried as decimal strings.

/** The directory types that count as financial institutions. */
export const FINANCIAL_INSTITUTION_TYPES = [
  'BANK',
  'VENTURE_CAPITAL',
  'GUARANTEE',
  'INSURANCE',
] as const satisfies readonly OrganizationType[];
export type FinancialInstitutionType = (typeof FINANCIAL_INSTITUTION_TYPES)[number];

export function isFinancialInstitution(type: string): type is FinancialInstitutionType {
  return (FINANCIAL_INSTITUTION_TYPES as readonly string[]).includes(type);
}

export const FinancingForm = {
  LOAN: 'LOAN',
  EQUITY: 'EQUITY',
  IP_PLEDGE_LOAN: 'IP_PLEDGE_LOAN',
  INSURANCE: 'INSURANCE',
} as const;
export type FinancingForm = (typeof FinancingForm)[keyof typeof FinancingForm];
export const FINANCING_FORMS: readonly FinancingForm[] = Object.values(FinancingForm);

export const FINANCING_FORM_LABELS: Record<FinancingForm, string> = {
  LOAN: '贷款',
  EQUITY: '股权投资',
  IP_PLEDGE_LOAN: '知识产权质押贷款',
  INSURANCE: '科技保险',
};

/** Loans carry a principal that can be lost: only they enter the risk compensation scheme. */
export const COMPENSABLE_FORMS: readonly FinancingForm[] = ['LOAN', 'IP_PLEDGE_LOAN'];

export const FinancingNeedStatus = { OPEN: 'OPEN', MET: 'MET', CLOSED: 'CLOSED' } as const;
export type FinancingNeedStatus = (typeof FinancingNeedStatus)[keyof typeof FinancingNeedStatus];
export const FINANCING_NEED_STATUS_LABELS: Record<FinancingNeedStatus, string> = {
  OPEN: '对接中',
  MET: '已获融资',
  CLOSED: '已关闭',
};

export const IntroductionOutcome = {
  PENDING: 'PENDING',
  INTERESTED: 'INTERESTED',
  DECLINED: 'DECLINED',
  FINANCED: 'FINANCED',
} as const;
export type IntroductionOutcome = (typeof IntroductionOutcome)[keyof typeof IntroductionOutcome];
export const INTRODUCTION_OUTCOME_LABELS: Record<IntroductionOutcome, string> = {
  PENDING: '待答复',
  INTERESTED: '有意向',
  DECLINED: '不予支持',
  FINANCED: '已放款/投资',
};

/** Terms are whole months; 30 years covers the longest loans and equity horizons seen. */
export const MAX_TERM_MONTHS = 360;
/** Annual rate in basis points (1/10000); 0–36 % covers any lawful loan rate. */
export const MAX_RATE_BASIS_POINTS = 3600;

const positiveFen = (text: unknown) => typeof text === 'string' && isFen(text) && BigInt(text) > 0n;

function checkTerm(v: FieldViolation[], field: string, value: number | null | undefined, required: boolean) {
  if (value == null) {
    if (required) v.push({ ...fieldViolation(field, 'REQUIRED'), message: '请填写期限（月）' });
    return;
  }
  if (!Number.isInteger(value) || value < 1 || value > MAX_TERM_MONTHS)
    v.push({ ...fieldViolation(field, 'INTEGER_RANGE'), message: `期限应为 1–${MAX_TERM_MONTHS} 个月` });
}

export type FinancingNeedInput = {
  amountFen: string;
  purpose: string;
  termMonths: number;
  preferredForm: string;
  postedOn: string;
};

export const PURPOSE_MAX = 500;

/** The rules of a need on its own (membership and dates against today are the API's facts). */
export function financingNeedViolations(need: FinancingNeedInput): FieldViolation[] {
  const v: FieldViolation[] = [];
  if (!positiveFen(need.amountFen))
    v.push({ ...fieldViolation('amountFen', 'POSITIVE_FEN'), message: '融资金额应为大于零的金额（分）' });
  const purpose = need.purpose.trim();
  if (!purpose) v.push({ ...fieldViolation('purpose', 'REQUIRED'), message: '请填写资金用途' });
  else if ([...purpose].length > PURPOSE_MAX)
    v.push({ ...fieldViolation('purpose', 'TOO_LONG'), message: `资金用途不超过 ${PURPOSE_MAX} 字` });
  checkTerm(v, 'termMonths', need.termMonths, true);
  if (!(FINANCING_FORMS as readonly string[]).includes(need.preferredForm))
    v.push({
      ...fieldViolation('preferredForm', 'ONE_OF'),
      message: '请选择贷款、股权投资、知识产权质押贷款或科技保险',
    });
  if (!isCalendarDate(need.postedOn))
    v.push({ ...fieldViolation('postedOn', 'CALENDAR_DATE'), message: '应为有效日期（YYYY-MM-DD）' });
  return v;
}

export type FinancingRecordInput = {
  form: string;
  amountFen: string;
  grantedOn: string;
  termMonths?: number | null;
  rateBasisPoints?: number | null;
  /** The day the loan was registered with the risk compensation scheme, if it was. */
  registeredOn?: string | null;
};

/**
 * The rules of a financing record on its own: a loan has a term; a rate is given for loans only;
 * registration with the compensation scheme is for loans, on or after the grant.
 */
export function financingRecordViolations(record: FinancingRecordInput): FieldViolation[] {
  const v: FieldViolation[] = [];
  const form = record.form as FinancingForm;
  if (!(FINANCING_FORMS as readonly string[]).includes(record.form))
    v.push({
      ...fieldViolation('form', 'ONE_OF'),
      message: '请选择贷款、股权投资、知识产权质押贷款或科技保险',
    });
  if (!positiveFen(record.amountFen))
    v.push({ ...fieldViolation('amountFen', 'POSITIVE_FEN'), message: '金额应为大于零的金额（分）' });
  const granted = isCalendarDate(record.grantedOn);
  if (!granted)
    v.push({ ...fieldViolation('grantedOn', 'CALENDAR_DATE'), message: '应为有效日期（YYYY-MM-DD）' });
  const loan = COMPENSABLE_FORMS.includes(form);
  checkTerm(v, 'termMonths', record.termMonths, loan);
  if (record.rateBasisPoints != null) {
    if (!loan) v.push({ ...fieldViolation('rateBasisPoints', 'LOANS_ONLY'), message: '只有贷款填写利率' });
    else if (
      !Number.isInteger(record.rateBasisPoints) ||
      record.rateBasisPoints < 0 ||
      record.rateBasisPoints > MAX_RATE_BASIS_POINTS
    )
      v.push({
        ...fieldViolation('rateBasisPoints', 'INTEGER_RANGE'),
        message: '年利率应为 0–36 %（以万分之一计）',
      });
  }
  if (record.registeredOn != null) {
    if (!loan)
      v.push({ ...fieldViolation('registeredOn', 'LOANS_ONLY'), message: '只有贷款可以登记风险补偿备案' });
    else if (!isCalendarDate(record.registeredOn))
      v.push({ ...fieldViolation('registeredOn', 'CALENDAR_DATE'), message: '应为有效日期（YYYY-MM-DD）' });
    else if (granted && record.registeredOn < record.grantedOn)
      v.push({ ...fieldViolation('registeredOn', 'NOT_BEFORE_GRANT'), message: '备案日期不能早于放款日期' });
  }
  return v;
}
