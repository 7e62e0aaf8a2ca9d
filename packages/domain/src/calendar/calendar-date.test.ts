import { describe, expect, it } from 'vitest';
import { chinaDate, isCalendarDate } from './calendar-date.js';

describe('calendar dates', () => {
  it.each([
    ['2016-12-16', true],
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2016-13-01', false],
    ['2016-1-1', false],
    ['16/12/2016', false],
    ['', false],
  ])('%s valid: %s', (value, valid) => {
    expect(isCalendarDate(value)).toBe(valid);
  });

  it('takes the date in China, not in UTC', () => {
    expect(chinaDate(new Date('2026-11-28T16:00:00Z'))).toBe('2026-11-29');
    expect(chinaDate(new Date('2026-11-28T15:59:59Z'))).toBe('2026-11-28');
  });
});
