import { addCalendarDays, chinaDateTime } from '../calendar/calendar-date.js';
import type { FieldViolation } from '../errors/error-codes.js';

// A call's window and deadlines (Art. 10), and the public notice before a decision (Art. 13).

export type CallSchedule = { opensAt: Date; closesAt: Date; recommendBy: Date; decideBy: Date };

/** The order a call's dates must keep: apply, then recommend, then decide. */
export function callScheduleViolations(s: CallSchedule): FieldViolation[] {
  const v: FieldViolation[] = [];
  if (s.closesAt <= s.opensAt)
    v.push({ field: 'closesAt', rule: 'AFTER_OPENS_AT', message: '申报截止时间应晚于开始时间' });
  if (s.recommendBy < s.closesAt)
    v.push({
      field: 'recommendBy',
      rule: 'NOT_BEFORE_CLOSES_AT',
      message: '推荐截止时间不能早于申报截止时间',
    });
  if (s.decideBy < s.recommendBy)
    v.push({
      field: 'decideBy',
      rule: 'NOT_BEFORE_RECOMMEND_BY',
      message: '审查决定期限不能早于推荐截止时间',
    });
  return v;
}

/** Applications are taken from opening until (not at) closing, once the call is published. */
export function callIsOpen(
  call: { status: 'DRAFT' | 'PUBLISHED'; opensAt: Date; closesAt: Date },
  now: Date,
): boolean {
  return call.status === 'PUBLISHED' && call.opensAt <= now && now < call.closesAt;
}

/** The window in words, for refusals. */
export function callWindow(call: { opensAt: Date; closesAt: Date }): string {
  return `${chinaDateTime(call.opensAt)} 至 ${chinaDateTime(call.closesAt)}（北京时间）`;
}

/** A notice published today ends the measures' number of days later. */
export function publicNoticePeriod(
  today: string,
  publicNoticeDays: number,
): { startsOn: string; endsOn: string } {
  return { startsOn: today, endsOn: addCalendarDays(today, publicNoticeDays) };
}

/** The decision may follow once the last day of the notice has passed. */
export function noticePeriodOver(today: string, endsOn: string | null): boolean {
  return endsOn !== null && today > endsOn;
}

/** A call's guide (申报指南) is set, replaced or removed while the call is a draft or not yet closed. */
export function callGuideChangeable(
  call: { status: 'DRAFT' | 'PUBLISHED'; closesAt: Date },
  now: Date,
): boolean {
  return call.status === 'DRAFT' || now < call.closesAt;
}
