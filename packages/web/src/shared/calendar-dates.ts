import { chinaDate, isCalendarDate } from '@xiangmeng/domain';
import type { FormRule } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';

// Dates of legal effect are calendar dates in China, sent as YYYY-MM-DD (DESIGN.md).

const DATE_FORMAT = 'YYYY-MM-DD';

export function todayInChina(): string {
  return chinaDate(new Date());
}

export function toCalendarDate(value: Dayjs): string {
  return value.format(DATE_FORMAT);
}

export function fromCalendarDate(value: string): Dayjs {
  return dayjs(value, DATE_FORMAT);
}

/** For DatePicker's `disabledDate`: no date after today in China (the API refuses them). */
export function isAfterToday(value: Dayjs): boolean {
  return toCalendarDate(value) > todayInChina();
}

/** Required, a real calendar date, not in the future, and not before `notBefore` when given. */
export function calendarDateRules(label: string, notBefore?: { date: string; label: string }): FormRule[] {
  return [
    { required: true, message: `请选择${label}` },
    {
      validator: (_rule, value: Dayjs | null | undefined) => {
        if (!value) return Promise.resolve();
        const date = toCalendarDate(value);
        if (!isCalendarDate(date)) return Promise.reject(new Error('应为有效日期（YYYY-MM-DD）'));
        if (date > todayInChina()) return Promise.reject(new Error(`${label}不能晚于今天`));
        if (notBefore && date < notBefore.date) {
          return Promise.reject(new Error(`${label}不能早于${notBefore.label}（${notBefore.date}）`));
        }
        return Promise.resolve();
      },
    },
  ];
}
