import { Injectable } from '@nestjs/common';
import { ACCOUNT_THROTTLE, ADDRESS_THROTTLE, retryAfterSeconds, type ThrottleRule } from '@xiangmeng/domain';
import { Clock } from '../../common/clock';
import { SignInRepository } from './sign-in.repository';

export type ThrottleKeys = { account: string; address: string | null };

// Attempts are counted on the sign-in pool, outside the request's transaction: a failed
// sign-in rolls that back.
@Injectable()
export class SignInThrottleService {
  private static readonly FORGET_AFTER_MS = 24 * 3_600_000;

  constructor(
    private readonly signIn: SignInRepository,
    private readonly clock: Clock,
  ) {}

  keys(tenantCode: string, username: string, address: string | null): ThrottleKeys {
    return { account: `account:${tenantCode}:${username}`, address: address ? `address:${address}` : null };
  }

  /**
   * Judges and counts one attempt in one locked step, so parallel attempts are judged one after
   * another. Returns the seconds until another attempt is heard (the attempt is refused), or 0:
   * the attempt goes ahead and is counted as a failure until `recordSuccess` takes it back.
   */
  attempt(keys: ThrottleKeys): Promise<number> {
    const rules = new Map<string, ThrottleRule>([[keys.account, ACCOUNT_THROTTLE]]);
    if (keys.address) rules.set(keys.address, ADDRESS_THROTTLE);
    const now = this.clock.now();
    const forgetBefore = new Date(now.getTime() - SignInThrottleService.FORGET_AFTER_MS);
    return this.signIn.attempt([...rules.keys()], now, forgetBefore, (counters) =>
      Math.max(
        0,
        ...counters.map((c) => retryAfterSeconds(c.failures, c.last_failure_at, now, rules.get(c.key)!)),
      ),
    );
  }

  /** The password was right: the account's count is cleared and the address's attempt taken back. */
  recordSuccess(keys: ThrottleKeys): Promise<void> {
    return this.signIn.succeeded(keys.account, keys.address);
  }
}
