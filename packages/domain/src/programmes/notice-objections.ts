import { isCalendarDate } from '../calendar/calendar-date.js';
import type { FieldViolation } from '../errors/error-codes.js';

// Objections to a support notice (公示): before a programme award and before an acceptance
// passes. The authority records each objection received during the notice and answers it, saying
// whether it is sustained (成立). The decision waits for every answer; a sustained objection
// leaves only the negative decision (decline, or fail the acceptance).

/** What a notice is of: a programme application's award, or a project's acceptance. */
export const NoticeSubjectType = {
  PROGRAMME_APPLICATION: 'programme_application',
  PROJECT: 'project',
} as const;
export type NoticeSubjectType = (typeof NoticeSubjectType)[keyof typeof NoticeSubjectType];

export const OBJECTOR_MAX = 100;
export const OBJECTION_TEXT_MAX = 5000;

export type NoticeObjectionInput = { receivedOn: string; objector: string; content: string };
export type NoticePeriod = { startsOn: string | null; endsOn: string | null };

const v = (field: string, rule: string, message: string): FieldViolation => ({ field, rule, message });
const length = (text: string) => [...text].length;

/** An objection is received during its notice (not before it began, not after it ended, not in the future). */
export function noticeObjectionViolations(
  input: NoticeObjectionInput,
  notice: NoticePeriod,
  today: string,
): FieldViolation[] {
  const violations: FieldViolation[] = [];
  const receivedOn = input.receivedOn.trim();
  if (!isCalendarDate(receivedOn))
    violations.push(v('receivedOn', 'CALENDAR_DATE', '收到日期应为有效日期（YYYY-MM-DD）'));
  else if (receivedOn > today) violations.push(v('receivedOn', 'NOT_IN_FUTURE', '收到日期不能晚于今天'));
  else if (
    (notice.startsOn !== null && receivedOn < notice.startsOn) ||
    (notice.endsOn !== null && receivedOn > notice.endsOn)
  )
    violations.push(
      v('receivedOn', 'DURING_NOTICE', `收到日期应在公示期内（${notice.startsOn ?? '—'} 至 ${notice.endsOn ?? '—'}）`),
    );
  const objector = input.objector.trim();
  if (length(objector) < 1 || length(objector) > OBJECTOR_MAX)
    violations.push(v('objector', 'LENGTH', `异议人应为 1–${OBJECTOR_MAX} 个字`));
  const content = input.content.trim();
  if (length(content) < 1 || length(content) > OBJECTION_TEXT_MAX)
    violations.push(v('content', 'LENGTH', `异议内容应为 1–${OBJECTION_TEXT_MAX} 个字`));
  return violations;
}

/** An answer says what was found and whether the objection is sustained. */
export function objectionAnswerViolations(answer: string): FieldViolation[] {
  const text = answer.trim();
  return length(text) < 1 || length(text) > OBJECTION_TEXT_MAX
    ? [v('answer', 'LENGTH', `答复应为 1–${OBJECTION_TEXT_MAX} 个字`)]
    : [];
}

export type ObjectionTally = { open: number; sustained: number };

/** Where a notice stands for the decision: how many objections await an answer, how many were sustained. */
export function objectionTally(objections: readonly { answered: boolean; sustained: boolean | null }[]): ObjectionTally {
  return {
    open: objections.filter((o) => !o.answered).length,
    sustained: objections.filter((o) => o.answered && o.sustained === true).length,
  };
}
