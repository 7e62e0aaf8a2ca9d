import { describe, expect, it } from 'vitest';
import { byClosing, daysLeft, isOpenAt } from './open-calls';

const NOW = Date.parse('2026-12-06T10:00:00+08:00');

describe('the windows open now', () => {
  it.each([
    ['PUBLISHED', '2026-12-01T00:00:00+08:00', '2026-12-31T17:00:00+08:00', true],
    ['DRAFT', '2026-12-01T00:00:00+08:00', '2026-12-31T17:00:00+08:00', false],
    ['PUBLISHED', '2026-12-07T00:00:00+08:00', '2026-12-31T17:00:00+08:00', false],
    ['PUBLISHED', '2026-11-01T00:00:00+08:00', '2026-12-06T10:00:00+08:00', false],
  ])('a %s window from %s to %s is open: %s', (status, opensAt, closesAt, open) => {
    expect(isOpenAt({ status, opensAt, closesAt }, NOW)).toBe(open);
  });

  it.each([
    ['2026-12-06T17:00:00+08:00', 0],
    ['2026-12-07T10:00:00+08:00', 1],
    ['2026-12-16T09:00:00+08:00', 9],
    ['2026-12-01T00:00:00+08:00', 0],
  ])('closing at %s leaves %i days', (closesAt, days) => {
    expect(daysLeft(closesAt, NOW)).toBe(days);
  });

  it('lists the soonest closing first', () => {
    const window = (closesAt: string) => ({ key: closesAt, kind: '', title: '', closesAt, href: '' });
    const sorted = [window('2026-12-20T00:00:00Z'), window('2026-12-10T00:00:00Z')].sort(byClosing);
    expect(sorted.map((w) => w.key)).toEqual(['2026-12-10T00:00:00Z', '2026-12-20T00:00:00Z']);
  });
});
