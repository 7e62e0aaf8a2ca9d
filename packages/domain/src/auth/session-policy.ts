// Server-side sessions end after a period without use (idle) and after a fixed lifetime
// (absolute), whichever comes first; sign-out revokes them at once.
export type SessionPolicy = { idleMinutes: number; absoluteHours: number };

export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMinutes: 30, absoluteHours: 12 };

export type SessionTimes = { createdAt: Date; lastSeenAt: Date; revokedAt: Date | null };

export type SessionState = 'ACTIVE' | 'REVOKED' | 'IDLE_EXPIRED' | 'ABSOLUTE_EXPIRED';

export function sessionState(
  session: SessionTimes,
  now: Date,
  policy = DEFAULT_SESSION_POLICY,
): SessionState {
  if (session.revokedAt) return 'REVOKED';
  if (now.getTime() - session.createdAt.getTime() >= policy.absoluteHours * 3_600_000)
    return 'ABSOLUTE_EXPIRED';
  if (now.getTime() - session.lastSeenAt.getTime() >= policy.idleMinutes * 60_000) return 'IDLE_EXPIRED';
  return 'ACTIVE';
}

/** Writing last-seen on every request is wasted I/O; a minute's precision is enough for idle expiry. */
export function shouldTouchSession(session: SessionTimes, now: Date): boolean {
  return now.getTime() - session.lastSeenAt.getTime() >= 60_000;
}
