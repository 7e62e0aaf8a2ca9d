import { describe, expect, it } from 'vitest';
import { isMessageKind, MESSAGE_KINDS, reminderAt } from './message-kinds.js';

const day = 24 * 3600 * 1000;
const now = new Date('2026-12-05T02:00:00Z');

describe('message kinds', () => {
  it('names every kind in Chinese', () => {
    for (const label of Object.values(MESSAGE_KINDS)) expect(label).toMatch(/[\u4e00-\u9fa5]/);
  });

  it.each([
    ['PILOT_RETURNED', true],
    ['FILING_FILED', true],
    ['pilot_returned', false],
    ['toString', false],
  ])('knows %s: %s', (value, known) => {
    expect(isMessageKind(value)).toBe(known);
  });
});

describe('the reminder of a deadline', () => {
  it.each([
    ['ten days ahead: three days before it', new Date(now.getTime() + 10 * day), new Date(now.getTime() + 7 * day)],
    ['two days ahead: at once', new Date(now.getTime() + 2 * day), now],
    ['exactly three days ahead: now', new Date(now.getTime() + 3 * day), now],
    ['already passed: none', new Date(now.getTime() - day), null],
    ['due this instant: none', now, null],
  ])('%s', (_name, deadline, expected) => {
    expect(reminderAt(deadline, now)).toEqual(expected);
  });
});
