// Failed sign-ins are throttled per account and per address with growing delays. The delay is
// capped so the real user is slowed, never locked out for good.
export type ThrottleRule = { freeFailures: number; baseDelaySeconds: number; maxDelaySeconds: number };

export const ACCOUNT_THROTTLE: ThrottleRule = { freeFailures: 5, baseDelaySeconds: 2, maxDelaySeconds: 900 };
export const ADDRESS_THROTTLE: ThrottleRule = { freeFailures: 20, baseDelaySeconds: 1, maxDelaySeconds: 900 };

/** Seconds to wait after the last failure before another attempt is heard. */
export function throttleDelaySeconds(failures: number, rule: ThrottleRule): number {
  if (failures < rule.freeFailures) return 0;
  const exponent = Math.min(failures - rule.freeFailures, 20);
  return Math.min(rule.baseDelaySeconds * 2 ** exponent, rule.maxDelaySeconds);
}

export function retryAfterSeconds(
  failures: number,
  lastFailureAt: Date | null,
  now: Date,
  rule: ThrottleRule,
): number {
  const delay = throttleDelaySeconds(failures, rule);
  if (!lastFailureAt || delay === 0) return 0;
  const until = lastFailureAt.getTime() + delay * 1000;
  return Math.max(0, Math.ceil((until - now.getTime()) / 1000));
}
