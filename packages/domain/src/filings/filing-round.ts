import { addCalendarDays, chinaDateTime, isCalendarDate } from '../calendar/calendar-date.js';
import type { FieldViolation } from '../errors/error-codes.js';
import type { MeasuresParameters } from '../measures/measures-parameters.js';
import { checkControlCharacters } from '../text/control-characters.js';

// A filing round (备案批次): the yearly window in which the province takes cities' filings
// (Art. 21), its quota, route (expert review, public notice) and required documents. The route
// and notice start from the measures in force; the round may set its own.

export const FilingDocumentKind = {
  /** 推荐函: the city bureau's letter sending the alliance upward. */
  RECOMMENDATION_LETTER: 'RECOMMENDATION_LETTER',
  FILING_FORM: 'FILING_FORM',
  AGREEMENT_OR_CHARTER: 'AGREEMENT_OR_CHARTER',
  COUNCIL_COMPOSITION: 'COUNCIL_COMPOSITION',
  /** The city's decision confirming the alliance as its pilot (or the province's, for one it hosts). */
  PILOT_DECISION: 'PILOT_DECISION',
  ATTACHMENT: 'ATTACHMENT',
} as const;
export type FilingDocumentKind = (typeof FilingDocumentKind)[keyof typeof FilingDocumentKind];

/** What a round asks for unless the province says otherwise: everything but free attachments. */
export const DEFAULT_FILING_DOCUMENTS: readonly FilingDocumentKind[] = [
  'RECOMMENDATION_LETTER',
  'FILING_FORM',
  'AGREEMENT_OR_CHARTER',
  'COUNCIL_COMPOSITION',
  'PILOT_DECISION',
];

export type FilingRoundStatus = 'DRAFT' | 'PUBLISHED';

export type FilingRound = {
  year: number;
  /** The province's notice opening the round, e.g. 湘科函〔2027〕8号. */
  documentNumber: string;
  status: FilingRoundStatus;
  opensAt: Date;
  closesAt: Date;
  /** Filings each recommending unit (a city bureau) may send in the round; null for no limit. */
  quotaPerUnit: number | null;
  reviewRequired: boolean;
  /** 公示 days before filing; 0 for none. */
  noticeDays: number;
  requiredDocuments: FilingDocumentKind[];
};

export type FilingRoundSettings = Pick<
  FilingRound,
  'reviewRequired' | 'noticeDays' | 'quotaPerUnit' | 'requiredDocuments'
>;

/** What a new round starts from under the province's measures in force. */
export function filingRoundDefaults(parameters: MeasuresParameters): FilingRoundSettings {
  return {
    reviewRequired: parameters.filing.reviewRequired,
    noticeDays: parameters.filing.noticeDays,
    quotaPerUnit: null,
    requiredDocuments: [...DEFAULT_FILING_DOCUMENTS],
  };
}

const DOCUMENT_NUMBER_MAX = 100;
const MAX_QUOTA = 100;
const MAX_NOTICE_DAYS = 60;

const isInstant = (value: unknown): value is Date => value instanceof Date && !Number.isNaN(value.getTime());

/** Every rule a round must keep, one violation each; empty when it may be saved. */
export function filingRoundViolations(round: Omit<FilingRound, 'status'>): FieldViolation[] {
  const v: FieldViolation[] = [];
  if (!Number.isInteger(round.year) || round.year < 2016 || round.year > 2100)
    v.push({ field: 'year', rule: 'INTEGER_RANGE', message: '年度应为 2016–2100 之间的整数' });
  const documentNumber = typeof round.documentNumber === 'string' ? round.documentNumber.trim() : '';
  if (!documentNumber) v.push({ field: 'documentNumber', rule: 'REQUIRED', message: '请填写文号' });
  else if ([...documentNumber].length > DOCUMENT_NUMBER_MAX)
    v.push({
      field: 'documentNumber',
      rule: 'TOO_LONG',
      message: `文号不能超过 ${DOCUMENT_NUMBER_MAX} 个字`,
    });
  else if (checkControlCharacters(documentNumber))
    v.push({ field: 'documentNumber', rule: 'CONTROL_CHARACTER', message: '文号不能包含控制字符' });
  if (!isInstant(round.opensAt)) v.push({ field: 'opensAt', rule: 'INSTANT', message: '请填写受理开始时间' });
  if (!isInstant(round.closesAt))
    v.push({ field: 'closesAt', rule: 'INSTANT', message: '请填写受理截止时间' });
  else if (isInstant(round.opensAt) && round.closesAt <= round.opensAt)
    v.push({ field: 'closesAt', rule: 'AFTER_OPENS_AT', message: '受理截止时间应晚于开始时间' });
  if (
    round.quotaPerUnit !== null &&
    (!Number.isInteger(round.quotaPerUnit) || round.quotaPerUnit < 1 || round.quotaPerUnit > MAX_QUOTA)
  )
    v.push({
      field: 'quotaPerUnit',
      rule: 'INTEGER_RANGE',
      message: `每个推荐单位的名额应为 1–${MAX_QUOTA} 之间的整数，不限额请留空`,
    });
  if (typeof round.reviewRequired !== 'boolean')
    v.push({ field: 'reviewRequired', rule: 'BOOLEAN', message: '请选择是否组织专家评审' });
  if (!Number.isInteger(round.noticeDays) || round.noticeDays < 0 || round.noticeDays > MAX_NOTICE_DAYS)
    v.push({
      field: 'noticeDays',
      rule: 'INTEGER_RANGE',
      message: `公示天数应为 0–${MAX_NOTICE_DAYS} 之间的整数，0 表示不公示`,
    });
  const known = Object.values(FilingDocumentKind) as string[];
  const seen = new Set<string>();
  (Array.isArray(round.requiredDocuments) ? round.requiredDocuments : []).forEach((kind, i) => {
    if (!known.includes(kind))
      v.push({ field: `requiredDocuments.${i}`, rule: 'ONE_OF', message: '没有这一类备案材料' });
    else if (seen.has(kind))
      v.push({ field: `requiredDocuments.${i}`, rule: 'DUPLICATE', message: '同一类材料只需列一次' });
    seen.add(kind);
  });
  return v;
}

/** Filings are taken from opening until (not at) closing, once the round is published. */
export function roundIsOpen(round: Pick<FilingRound, 'status' | 'opensAt' | 'closesAt'>, now: Date): boolean {
  return round.status === 'PUBLISHED' && round.opensAt <= now && now < round.closesAt;
}

/** The window in words, for refusals. */
export function roundWindow(round: Pick<FilingRound, 'opensAt' | 'closesAt'>): string {
  return `${chinaDateTime(round.opensAt)} 至 ${chinaDateTime(round.closesAt)}（北京时间）`;
}

/**
 * Places left to a recommending unit; null when the round sets no quota. `used` counts the unit's
 * filings in the round that were sent upward and have not lapsed, the one being sent excluded.
 */
export function quotaLeft(round: Pick<FilingRound, 'quotaPerUnit'>, used: number): number | null {
  return round.quotaPerUnit === null ? null : Math.max(0, round.quotaPerUnit - used);
}

/** Why one more filing from the unit is refused; empty while a place is left. */
export function quotaViolations(round: Pick<FilingRound, 'quotaPerUnit'>, used: number): FieldViolation[] {
  const left = quotaLeft(round, used);
  if (left === null || left > 0) return [];
  return [
    {
      field: 'round.quotaPerUnit',
      rule: 'QUOTA_USED',
      message: `本批次每个推荐单位限报 ${round.quotaPerUnit} 项，本单位已报 ${used} 项`,
    },
  ];
}

const MAX_CORRECTION_DAYS = 60;

/** A return gives the city a calendar date to correct by: after today, within two months. */
export function correctionDeadlineViolations(deadline: string | null, today: string): FieldViolation[] {
  const field = 'correctionDeadline';
  if (deadline === null || deadline === '') return [{ field, rule: 'REQUIRED', message: '请设定补正期限' }];
  if (!isCalendarDate(deadline))
    return [{ field, rule: 'CALENDAR_DATE', message: '补正期限应为有效日期（YYYY-MM-DD）' }];
  if (deadline <= today) return [{ field, rule: 'AFTER_TODAY', message: '补正期限应晚于今天' }];
  const latest = addCalendarDays(today, MAX_CORRECTION_DAYS);
  if (deadline > latest)
    return [
      { field, rule: 'WITHIN_DAYS', message: `补正期限不能超过 ${MAX_CORRECTION_DAYS} 天（最晚 ${latest}）` },
    ];
  return [];
}

/** The deadline's own day still counts: it has passed from the next day on (China time). */
export function correctionDeadlinePassed(today: string, deadline: string | null): boolean {
  return deadline !== null && today > deadline;
}

/**
 * The last day a filing made on `filedOn` stays valid: the day before its anniversary after
 * `validityYears` (filed 2027-03-15 for 3 years: valid through 2030-03-14; filed on 29 February,
 * through the 28th in a common year).
 */
export function filingValidThrough(filedOn: string, validityYears: number): string {
  const [y, m, d] = filedOn.split('-').map(Number) as [number, number, number];
  const anniversary = new Date(Date.UTC(y + validityYears, m - 1, d));
  // 29 February has no anniversary in a common year: the year ends with the 28th.
  if (anniversary.getUTCMonth() !== m - 1) anniversary.setUTCDate(0);
  else anniversary.setUTCDate(anniversary.getUTCDate() - 1);
  return anniversary.toISOString().slice(0, 10);
}
