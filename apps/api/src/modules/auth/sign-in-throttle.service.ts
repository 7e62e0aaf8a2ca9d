import { Injectable } from '@nestjs/common';
import { ACCOUNT_THROTTLE, ADDRESS_THROTTLE, retryAfterSeconds, type ThrottleRule } from '@xiangmeng/domain';
import { Clock } from '../../common/clock';
import { SignInPool } from './sign-in-pool';

export type ThrottleKeys = { account: string; address: string | null };

type Counter = { key: string; failures: number; last_failure_at: Date };

// Attempts are counted on the sign-in pool, outside the request's transaction: a failed
// sign-in rolls that back.
@Injectable()
export class SignInThrottleService {
  private static readonly FORGET_AFTER_MS = 24 * 3_600_000;

  constructor(
    private readonly pool: SignInPool,
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
  async attempt(keys: ThrottleKeys): Promise<number> {
    const rules = new Map<string, ThrottleRule>([[keys.account, ACCOUNT_THROTTLE]]);
    if (keys.address) rules.set(keys.address, ADDRESS_THROTTLE);
    const names = [...rules.keys()];
    const now = this.clock.now();
    const forgetBefore = new Date(now.getTime() - SignInThrottleService.FORGET_AFTER_MS);
    return this.pool.transaction(async (db) => {
      await db.query(`SET LOCAL lock_timeout = '3s'`);
      const { rows } = await db.query<Counter>('SELECT * FROM auth_throttle_lock($1, $2, $3)', [
        names,
        now,
        forgetBefore,
      ]);
      const wait = Math.max(
        0,
        ...rows.map((row) => retryAfterSeconds(row.failures, row.last_failure_at, now, rules.get(row.key)!)),
      );
      await db.query('SELECT auth_throttle_count($1, $2, $3)', [names, now, wait === 0]);
      return wait;
    });
  }

  /** The password was right: the account's count is cleared and the address's attempt taken back. */
  async recordSuccess(keys: ThrottleKeys): Promise<void> {
    await this.pool.query('SELECT auth_throttle_succeeded($1, $2)', [keys.account, keys.address ?? '']);
  }
}
