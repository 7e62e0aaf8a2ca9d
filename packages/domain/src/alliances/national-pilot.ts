import { isCalendarDate } from '../calendar/calendar-date.js';
import { fieldViolation, type FieldViolation } from '../errors/error-codes.js';
import { checkControlCharacters } from '../text/control-characters.js';

// National pilot alliances (国家级试点联盟): the Ministry of Science and Technology designates
// them; the province records each designation with the Ministry's document number and date, and
// every tier reads the list. Programme eligibility (Art. 14) takes an alliance as a national
// pilot on a day when a designation of it is in force that day.

export const NATIONAL_PILOT_LABEL = '国家级试点';

export type NationalPilotWithdrawal = { on: string; reason: string };

export type NationalPilotDesignation = {
  allianceId: string;
  /** The Ministry's document number (文号), e.g. 国科发创〔2027〕15号. */
  documentNumber: string;
  /** The day the Ministry designated the alliance (China calendar date). */
  designatedOn: string;
  withdrawal: NationalPilotWithdrawal | null;
};

export type NationalPilotDesignationInput = {
  allianceId: string;
  documentNumber: string;
  designatedOn: string;
};

const DOCUMENT_NUMBER_MAX_CHARS = 100;
export const NATIONAL_PILOT_REASON_MAX_CHARS = 2000;

function text(v: FieldViolation[], field: string, value: string, label: string, maxChars: number): void {
  const trimmed = value.trim();
  if (trimmed === '') v.push({ ...fieldViolation(field, 'REQUIRED'), message: `请填写${label}` });
  else if ([...trimmed].length > maxChars)
    v.push({ ...fieldViolation(field, 'TOO_LONG'), message: `${label}不超过 ${maxChars} 字` });
  else if (checkControlCharacters(trimmed)) v.push(fieldViolation(field, 'CONTROL_CHARACTER'));
}

/** What a designation must state to be recorded on `today` (China date): no day yet to come. */
export function nationalPilotDesignationViolations(
  input: NationalPilotDesignationInput,
  today: string,
): FieldViolation[] {
  const v: FieldViolation[] = [];
  if (input.allianceId.trim() === '')
    v.push({ ...fieldViolation('allianceId', 'REQUIRED'), message: '请选择被认定的联盟' });
  text(v, 'documentNumber', input.documentNumber, '科技部认定文号', DOCUMENT_NUMBER_MAX_CHARS);
  if (!isCalendarDate(input.designatedOn))
    v.push({ ...fieldViolation('designatedOn', 'DATE'), message: '认定日期应为 YYYY-MM-DD 格式的日期' });
  else if (input.designatedOn > today)
    v.push({
      ...fieldViolation('designatedOn', 'NOT_IN_FUTURE'),
      message: `认定日期不能晚于今天（${today}）`,
    });
  return v;
}

/** A withdrawal takes effect on `today`, once, with its reason. */
export function nationalPilotWithdrawalViolations(
  designation: NationalPilotDesignation,
  reason: string,
  today: string,
): FieldViolation[] {
  const v: FieldViolation[] = [];
  if (designation.withdrawal !== null)
    v.push({
      ...fieldViolation('withdrawal', 'ALREADY_WITHDRAWN'),
      message: `该认定已于 ${designation.withdrawal.on} 撤销`,
    });
  text(v, 'reason', reason, '撤销理由', NATIONAL_PILOT_REASON_MAX_CHARS);
  if (designation.designatedOn > today)
    v.push({
      ...fieldViolation('on', 'NOT_BEFORE_DESIGNATION'),
      message: `撤销日期不能早于认定日期 ${designation.designatedOn}`,
    });
  return v;
}

/** In force on `date`: from its designation day, until the day it was withdrawn (that day excluded). */
export function nationalPilotActiveOn(designation: NationalPilotDesignation, date: string): boolean {
  if (date < designation.designatedOn) return false;
  return designation.withdrawal === null || date < designation.withdrawal.on;
}

/** Whether the alliance is on the national pilot list on `date`. */
export function isNationalPilotOn(
  designations: readonly NationalPilotDesignation[],
  allianceId: string,
  date: string,
): boolean {
  return designations.some((d) => d.allianceId === allianceId && nationalPilotActiveOn(d, date));
}

/** The tag's words: 国家级试点（文号，认定日期）. */
export function nationalPilotTag(designation: Pick<NationalPilotDesignation, 'documentNumber' | 'designatedOn'>): string {
  return `${NATIONAL_PILOT_LABEL}（${designation.documentNumber}，${designation.designatedOn}认定）`;
}
