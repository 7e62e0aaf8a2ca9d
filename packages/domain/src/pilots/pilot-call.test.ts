import { describe, expect, it } from 'vitest';
import {
  callGuideChangeable,
  callIsOpen,
  callScheduleViolations,
  callWindow,
  noticePeriodOver,
  publicNoticePeriod,
} from './pilot-call.js';

const at = (iso: string) => new Date(iso);
const schedule = {
  opensAt: at('2026-12-01T00:00:00+08:00'),
  closesAt: at('2026-12-31T17:00:00+08:00'),
  recommendBy: at('2027-01-15T17:00:00+08:00'),
  decideBy: at('2027-03-31T17:00:00+08:00'),
};

describe('callScheduleViolations', () => {
  it('accepts apply → recommend → decide in order, deadlines may coincide', () => {
    expect(callScheduleViolations(schedule)).toEqual([]);
    expect(
      callScheduleViolations({ ...schedule, recommendBy: schedule.closesAt, decideBy: schedule.closesAt }),
    ).toEqual([]);
  });

  it.each([
    ['closes when it opens', { closesAt: schedule.opensAt }, 'closesAt', 'AFTER_OPENS_AT'],
    [
      'recommendation due before closing',
      { recommendBy: at('2026-12-30T00:00:00+08:00') },
      'recommendBy',
      'NOT_BEFORE_CLOSES_AT',
    ],
    [
      'decision due before recommendation',
      { decideBy: at('2027-01-01T00:00:00+08:00') },
      'decideBy',
      'NOT_BEFORE_RECOMMEND_BY',
    ],
  ] as const)('names %s', (_name, change, field, rule) => {
    expect(callScheduleViolations({ ...schedule, ...change })).toMatchObject([{ field, rule }]);
  });
});

describe('callIsOpen', () => {
  const call = { status: 'PUBLISHED' as const, opensAt: schedule.opensAt, closesAt: schedule.closesAt };
  it.each([
    ['a second before opening', '2026-11-30T23:59:59+08:00', false],
    ['at opening', '2026-12-01T00:00:00+08:00', true],
    ['a second before closing', '2026-12-31T16:59:59+08:00', true],
    ['at closing', '2026-12-31T17:00:00+08:00', false],
  ])('%s: %s', (_name, now, open) => {
    expect(callIsOpen(call, at(now))).toBe(open);
  });

  it('is never open as a draft', () => {
    expect(callIsOpen({ ...call, status: 'DRAFT' }, at('2026-12-10T00:00:00+08:00'))).toBe(false);
  });

  it('words the window in China time', () => {
    expect(callWindow(call)).toBe('2026-12-01 00:00 至 2026-12-31 17:00（北京时间）');
  });
});

describe('callGuideChangeable', () => {
  const closesAt = at('2026-12-31T17:00:00+08:00');
  it.each([
    ['a draft, even past its closing', 'DRAFT', '2027-01-05T00:00:00+08:00', true],
    ['published, before it opens', 'PUBLISHED', '2026-11-20T00:00:00+08:00', true],
    ['published, a minute before closing', 'PUBLISHED', '2026-12-31T16:59:00+08:00', true],
    ['published, at closing', 'PUBLISHED', '2026-12-31T17:00:00+08:00', false],
  ] as const)('%s', (_name, status, now, changeable) => {
    expect(callGuideChangeable({ status, closesAt }, at(now))).toBe(changeable);
  });
});

describe('public notice', () => {
  it('ends the measures’ days after publication, across a month end', () => {
    expect(publicNoticePeriod('2026-11-29', 5)).toEqual({ startsOn: '2026-11-29', endsOn: '2026-12-04' });
  });

  it.each([
    ['on its last day', '2026-12-04', false],
    ['the day after', '2026-12-05', true],
  ])('is over %s: %s', (_name, today, over) => {
    expect(noticePeriodOver(today, '2026-12-04')).toBe(over);
  });

  it('is never over when none was published', () => {
    expect(noticePeriodOver('2030-01-01', null)).toBe(false);
  });
});
