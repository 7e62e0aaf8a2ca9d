import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACCOUNT_THROTTLE, retryAfterSeconds, throttleDelaySeconds } from './sign-in-throttle.js';

describe('sign-in throttle', () => {
  it.each([
    [0, 0],
    [4, 0],
    [5, 2],
    [6, 4],
    [10, 64],
    [14, 900],
    [100, 900],
  ])('%i failures → %i s', (failures, delay) => {
    expect(throttleDelaySeconds(failures, ACCOUNT_THROTTLE)).toBe(delay);
  });

  it('never shrinks as failures grow and never passes the cap', () => {
    fc.assert(
      fc.property(fc.nat(10_000), (n) => {
        const a = throttleDelaySeconds(n, ACCOUNT_THROTTLE);
        const b = throttleDelaySeconds(n + 1, ACCOUNT_THROTTLE);
        return a <= b && b <= ACCOUNT_THROTTLE.maxDelaySeconds;
      }),
    );
  });

  it('counts down from the last failure', () => {
    const last = new Date('2026-11-29T00:00:00Z');
    expect(retryAfterSeconds(6, last, new Date(last.getTime() + 1000), ACCOUNT_THROTTLE)).toBe(3);
    expect(retryAfterSeconds(6, last, new Date(last.getTime() + 4000), ACCOUNT_THROTTLE)).toBe(0);
    expect(retryAfterSeconds(6, null, last, ACCOUNT_THROTTLE)).toBe(0);
  });

  it('never delays below the free failures, even when the last failure seems to lie ahead', () => {
    const ahead = new Date('2026-11-29T12:00:00Z');
    expect(retryAfterSeconds(4, ahead, new Date('2026-11-29T00:00:00Z'), ACCOUNT_THROTTLE)).toBe(0);
  });
});
