import { isCalendarDate } from '../calendar/calendar-date.js';
import { fieldViolation, type FieldViolation } from '../errors/error-codes.js';
import { checkControlCharacters } from '../text/control-characters.js';
import { ART_20_2 } from './programme-violation.js';

// The debarment register (Art. 20(2)): a unit that broke a project's IP terms may not take part in
// provincial plan projects for the measures' number of years. The register is checked at every
// programme application, award, participant change and panel seating; a refusal names the
// decision document and the last day of the debarment.

export type DebarmentLifting = { on: string; reason: string };

export type Debarment = {
  organizationId: string;
  organizationName: string;
  reason: string;
  /** The article the decision applies, 第二十条第（二）项 unless the decision names another. */
  article: string;
  /** The authority's decision, e.g. 湘科计〔2028〕12号. */
  decisionDocument: string;
  /** The day the decision takes effect. */
  fromDate: string;
  /** The last day the unit is debarred (debarmentUntil); kept with the record as decided. */
  untilDate: string;
  lifted: DebarmentLifting | null;
};

/**
 * The last day of a debarment of `years` years from `fromDate`, read as the Civil Code reads a
 * period in years (民法典第二百零一、二百零二条): the first day is not counted, the period ends on
 * the corresponding day of the final year, and where that year has no corresponding day (a 29
 * February start ending in a common year) on the last day of the month, 28 February. So a
 * debarment from 2028-03-15 for 5 years lasts through 2033-03-15; one from 2028-02-29 through
 * 2033-02-28.
 */
export function debarmentUntil(fromDate: string, years: number): string {
  const [y, m, d] = fromDate.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(y + years, m - 1, d));
  // Date.UTC rolls 29 February of a common year over to 1 March: step back to the month's end.
  if (end.getUTCMonth() !== m - 1) end.setUTCDate(0);
  return end.toISOString().slice(0, 10);
}

/** In force on `date`: from its first through its last day, unless lifted on or before `date`. */
export function debarmentActiveOn(debarment: Debarment, date: string): boolean {
  if (date < debarment.fromDate || date > debarment.untilDate) return false;
  return debarment.lifted === null || date < debarment.lifted.on;
}

/** The debarments in force on `date` against any of the organizations, in register order. */
export function activeDebarmentsOf<D extends Debarment>(
  debarments: readonly D[],
  organizationIds: Iterable<string>,
  date: string,
): D[] {
  const ids = new Set(organizationIds);
  return debarments.filter((d) => ids.has(d.organizationId) && debarmentActiveOn(d, date));
}

/** The refusal's words: who, by which decision, until when, on which article. */
export function debarmentRefusalMessage(debarment: Debarment): string {
  return (
    `「${debarment.organizationName}」已被${debarment.decisionDocument}决定禁止参与省级科技计划，` +
    `禁入期至 ${debarment.untilDate} 止（${debarment.article}）`
  );
}

export type DebarmentInput = {
  organizationId: string;
  reason: string;
  article: string;
  decisionDocument: string;
  fromDate: string;
};

const REASON_MAX_CHARS = 2000;

function text(v: FieldViolation[], field: string, value: string, label: string, maxChars: number): void {
  const trimmed = value.trim();
  if (trimmed === '') v.push({ ...fieldViolation(field, 'REQUIRED'), message: `请填写${label}` });
  else if ([...trimmed].length > maxChars)
    v.push({ ...fieldViolation(field, 'TOO_LONG'), message: `${label}不超过 ${maxChars} 字` });
  else if (checkControlCharacters(trimmed)) v.push(fieldViolation(field, 'CONTROL_CHARACTER'));
}

/** What a debarment must state to be recorded; the until date is computed, never entered. */
export function debarmentViolations(input: DebarmentInput, debarmentYears: number): FieldViolation[] {
  const v: FieldViolation[] = [];
  if (input.organizationId.trim() === '')
    v.push({ ...fieldViolation('organizationId', 'REQUIRED'), message: '请选择被禁入的单位' });
  text(v, 'reason', input.reason, '禁入理由', REASON_MAX_CHARS);
  text(v, 'article', input.article, '所依据的条款', 100);
  text(v, 'decisionDocument', input.decisionDocument, '决定文号', 100);
  if (!isCalendarDate(input.fromDate))
    v.push({ ...fieldViolation('fromDate', 'DATE'), message: '禁入起始日期应为 YYYY-MM-DD 格式的日期' });
  if (!Number.isInteger(debarmentYears) || debarmentYears < 1)
    v.push({
      ...fieldViolation('debarmentYears', 'NO_DEBARMENT_PERIOD'),
      message: `实施办法未规定禁入年限，不能登记禁入（${ART_20_2}）`,
    });
  return v;
}

/** A debarment of the organization from `input.fromDate`, lasting the measures' years. */
export function recordDebarment(
  input: DebarmentInput & { organizationName: string },
  debarmentYears: number,
): Debarment {
  return {
    organizationId: input.organizationId,
    organizationName: input.organizationName,
    reason: input.reason.trim(),
    article: input.article.trim(),
    decisionDocument: input.decisionDocument.trim(),
    fromDate: input.fromDate,
    untilDate: debarmentUntil(input.fromDate, debarmentYears),
    lifted: null,
  };
}

/** Lifting is recorded with its reason, once, on a day within the debarment. */
export function liftingViolations(debarment: Debarment, lifting: DebarmentLifting): FieldViolation[] {
  const v: FieldViolation[] = [];
  if (debarment.lifted !== null)
    v.push({
      ...fieldViolation('lifted', 'ALREADY_LIFTED'),
      message: `该禁入已于 ${debarment.lifted.on} 解除`,
    });
  text(v, 'reason', lifting.reason, '解除理由', REASON_MAX_CHARS);
  if (!isCalendarDate(lifting.on))
    v.push({ ...fieldViolation('on', 'DATE'), message: '解除日期应为 YYYY-MM-DD 格式的日期' });
  else if (lifting.on < debarment.fromDate || lifting.on > debarment.untilDate)
    v.push({
      ...fieldViolation('on', 'WITHIN_DEBARMENT'),
      message: `解除日期应在禁入期内（${debarment.fromDate} 至 ${debarment.untilDate}）`,
    });
  return v;
}
