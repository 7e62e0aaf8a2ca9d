import { isCalendarDate } from '../calendar/calendar-date.js';
import { fieldViolation, type FieldViolation } from '../errors/error-codes.js';

// Withdrawal from the province's linkage programme (Art. 17): the institution (or the province on
// its behalf) leaves on a day, with a reason. The enrolment is kept, dated, never deleted; from that
// day the institution no longer sees needs shared through the programme (finance_need_visible_to).

export const LINKAGE_WITHDRAWAL_REASON_MAX = 500;

export type LinkageWithdrawalInput = { withdrawnOn: string; reason: string };

export type LinkageEnrolment = { enrolledOn: string; withdrawnOn: string | null };

/** What is wrong with withdrawing this enrolment on that day for that reason, field by field. */
export function linkageWithdrawalViolations(
  input: LinkageWithdrawalInput,
  enrolment: LinkageEnrolment,
  today: string,
): FieldViolation[] {
  const v: FieldViolation[] = [];
  const day = input.withdrawnOn.trim();
  const reason = input.reason.trim();
  if (enrolment.withdrawnOn !== null)
    v.push({
      ...fieldViolation('id', 'ALREADY_WITHDRAWN'),
      message: `该机构已于 ${enrolment.withdrawnOn} 退出融资对接计划`,
    });
  if (!isCalendarDate(day))
    v.push({ ...fieldViolation('withdrawnOn', 'CALENDAR_DATE'), message: '应为有效日期（YYYY-MM-DD）' });
  else if (day > today)
    v.push({ ...fieldViolation('withdrawnOn', 'NOT_FUTURE'), message: `退出日期不能晚于今天（${today}）` });
  else if (day < enrolment.enrolledOn)
    v.push({
      ...fieldViolation('withdrawnOn', 'NOT_BEFORE_ENROLMENT'),
      message: `退出日期不能早于加入日期（${enrolment.enrolledOn}）`,
    });
  if (!reason) v.push({ ...fieldViolation('reason', 'REQUIRED'), message: '请填写退出原因' });
  else if ([...reason].length > LINKAGE_WITHDRAWAL_REASON_MAX)
    v.push({
      ...fieldViolation('reason', 'TOO_LONG'),
      message: `退出原因不超过 ${LINKAGE_WITHDRAWAL_REASON_MAX} 字`,
    });
  return v;
}
