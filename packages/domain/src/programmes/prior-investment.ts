import { isCalendarDate } from '../calendar/calendar-date.js';
import { isFen } from '../money/fen.js';
import type { MeasuresParameters } from '../measures/measures-parameters.js';
import { checkControlCharacters } from '../text/control-characters.js';
import { ART_14, programmeRefusal, type ProgrammeViolation } from './programme-violation.js';

// Prior investment (先行投入, Art. 14): support is given on top of what the alliance invested first.
// The alliance declares each investment with evidence; the authority verifies it and may accept a
// lower amount, saying why. Only verified amounts count towards the ceiling of support.

export type PriorInvestmentVerification = {
  /** What the authority accepts, at most the declared amount. */
  verifiedFen: string;
  /** Why less than declared was accepted; null when all of it was. */
  reason: string | null;
  verifiedOn: string;
};

export type PriorInvestment = {
  description: string;
  declaredFen: string;
  /** Evidence documents attached (invoices, contracts, audit reports). */
  evidenceDocumentCount: number;
  verification: PriorInvestmentVerification | null;
};

export const INVESTMENT_DESCRIPTION_MAX_CHARS = 500;

/** What a declaration must carry: what was invested, how much (a positive amount), and evidence. */
export function priorInvestmentViolations(
  investment: Pick<PriorInvestment, 'description' | 'declaredFen' | 'evidenceDocumentCount'>,
): ProgrammeViolation[] {
  const v: ProgrammeViolation[] = [];
  const description = investment.description.trim();
  if (description === '') v.push(programmeRefusal('description', 'REQUIRED', '请说明先行投入的内容', ART_14));
  else if ([...description].length > INVESTMENT_DESCRIPTION_MAX_CHARS)
    v.push(
      programmeRefusal(
        'description',
        'TOO_LONG',
        `先行投入说明不超过 ${INVESTMENT_DESCRIPTION_MAX_CHARS} 字`,
        ART_14,
      ),
    );
  else if (checkControlCharacters(description))
    v.push(programmeRefusal('description', 'CONTROL_CHARACTER', '先行投入说明不能包含控制字符', ART_14));
  if (!isFen(investment.declaredFen) || BigInt(investment.declaredFen) === 0n)
    v.push(
      programmeRefusal('declaredFen', 'POSITIVE_FEN', '申报的先行投入金额应为大于零的金额（分）', ART_14),
    );
  if (investment.evidenceDocumentCount < 1)
    v.push(programmeRefusal('evidence', 'EVIDENCE_REQUIRED', '请附上先行投入的证明材料', ART_14));
  return v;
}

/** The authority's verification: at most what was declared, with a reason whenever it is less. */
export function verificationViolations(
  declaredFen: string,
  verification: PriorInvestmentVerification,
): ProgrammeViolation[] {
  const v: ProgrammeViolation[] = [];
  if (!isCalendarDate(verification.verifiedOn))
    v.push(programmeRefusal('verifiedOn', 'DATE', '核定日期应为 YYYY-MM-DD 格式的日期', ART_14));
  if (!isFen(verification.verifiedFen)) {
    v.push(programmeRefusal('verifiedFen', 'FEN', '核定金额应为不小于零的整数金额（分）', ART_14));
    return v;
  }
  const verified = BigInt(verification.verifiedFen);
  const declared = BigInt(declaredFen);
  const reason = verification.reason?.trim() ?? '';
  if (verified > declared)
    v.push(programmeRefusal('verifiedFen', 'ABOVE_DECLARED', '核定金额不能超过申报金额', ART_14));
  else if (verified < declared && reason === '')
    v.push(programmeRefusal('reason', 'REASON_REQUIRED', '核定金额低于申报金额时，请说明核减理由', ART_14));
  if (reason !== '' && checkControlCharacters(reason))
    v.push(programmeRefusal('reason', 'CONTROL_CHARACTER', '核减理由不能包含控制字符', ART_14));
  return v;
}

/** What counts: the verified amounts; an investment not yet verified counts nothing. */
export function verifiedInvestmentFen(investments: readonly PriorInvestment[]): string {
  return investments
    .reduce((sum, i) => sum + (i.verification ? BigInt(i.verification.verifiedFen) : 0n), 0n)
    .toString();
}

/** All that was declared, verified or not (shown beside the verified total). */
export function declaredInvestmentFen(investments: readonly PriorInvestment[]): string {
  return investments.reduce((sum, i) => sum + BigInt(i.declaredFen), 0n).toString();
}

/**
 * The most support the verified investment carries under the measures' match ratio: rounded down
 * to the fen, by integer arithmetic (4,000,000 元 at 1 : 2 carries 2,000,000 元).
 */
export function supportCeilingFen(
  verifiedFen: string,
  matchRatio: MeasuresParameters['support']['matchRatio'],
): string {
  return ((BigInt(verifiedFen) * BigInt(matchRatio.numerator)) / BigInt(matchRatio.denominator)).toString();
}
