import { describe, expect, it } from 'vitest';
import { sessionState, shouldTouchSession } from './session-policy.js';

const t0 = new Date('2026-11-29T08:00:00+08:00');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

describe('session policy', () => {
  it.each([
    ['fresh', { createdAt: t0, lastSeenAt: t0, revokedAt: null }, at(1), 'ACTIVE'],
    ['idle 29 min', { createdAt: t0, lastSeenAt: t0, revokedAt: null }, at(29), 'ACTIVE'],
    ['idle 30 min', { createdAt: t0, lastSeenAt: t0, revokedAt: null }, at(30), 'IDLE_EXPIRED'],
    ['busy for 12 h', { createdAt: t0, lastSeenAt: at(719), revokedAt: null }, at(720), 'ABSOLUTE_EXPIRED'],
    ['busy for 11 h', { createdAt: t0, lastSeenAt: at(659), revokedAt: null }, at(660), 'ACTIVE'],
    ['signed out', { createdAt: t0, lastSeenAt: t0, revokedAt: at(1) }, at(2), 'REVOKED'],
  ])('%s → %s', (_label, session, now, expected) => {
    expect(sessionState(session, now)).toBe(expected);
  });

  it('touches last-seen at most once a minute', () => {
    const s = { createdAt: t0, lastSeenAt: t0, revokedAt: null };
    expect(shouldTouchSession(s, new Date(t0.getTime() + 59_000))).toBe(false);
    expect(shouldTouchSession(s, at(1))).toBe(true);
  });
});
