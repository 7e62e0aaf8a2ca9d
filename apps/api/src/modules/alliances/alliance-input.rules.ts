import { type FieldViolation, isCalendarDate } from '@xiangmeng/domain';
import { violation } from '../../common/errors/app-error';

/** A calendar date, not after `latest` (today in China) when given. */
export function dateViolations(field: string, value: string, latest?: string): FieldViolation[] {
  if (!isCalendarDate(value)) return [violation(field, 'CALENDAR_DATE', '应为有效日期（YYYY-MM-DD）')];
  if (latest && value > latest) return [violation(field, 'NOT_IN_FUTURE', '不能晚于今天')];
  return [];
}

export function textViolations(
  field: string,
  value: string,
  label: string,
  min: number,
  max: number,
): FieldViolation[] {
  const length = [...value.trim()].length;
  if (length < min)
    return [violation(field, 'REQUIRED', min <= 1 ? `请填写${label}` : `${label}至少 ${min} 个字`)];
  if (length > max) return [violation(field, 'TOO_LONG', `${label}不能超过 ${max} 个字`)];
  return [];
}
