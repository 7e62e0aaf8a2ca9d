import { Injectable } from '@nestjs/common';
import { ACCOUNT_THROTTLE, ADDRESS_THROTTLE, retryAfterSeconds, type ThrottleRule } from '@xiangmeng/domain';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';

export type ThrottleKeys = { account: string; address: string | null };

// Failures are counted outside the request's transaction: a failed sign-in rolls that back.
@Injectable()
export class SignInThrottleService {
  private static readonly FORGET_AFTER_MS = 24 * 3_600_000;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  keys(tenantCode: string, username: string, address: string | null): ThrottleKeys {
    return { account: `account:${tenantCode}:${username}`, address: address ? `address:${address}` : null };
  }

  /** Seconds until another attempt is heard; 0 when it may go ahead. */
  async retryAfter(keys: ThrottleKeys): Promise<number> {
    const rules: [string, ThrottleRule][] = [[keys.account, ACCOUNT_THROTTLE]];
    if (keys.address) rules.push([keys.address, ADDRESS_THROTTLE]);
    const rows = await this.dataSource.query<{ key: string; failures: number; last_failure_at: Date }[]>(
      'SELECT key, failures, last_failure_at FROM auth_throttle_state($1)',
      [rules.map(([key]) => key)],
    );
    const now = this.clock.now();
    return Math.max(
      0,
      ...rows.map((row) => {
        const rule = rules.find(([key]) => key === row.key)?.[1] ?? ACCOUNT_THROTTLE;
        return retryAfterSeconds(row.failures, row.last_failure_at, now, rule);
      }),
    );
  }

  async recordFailure(keys: ThrottleKeys): Promise<void> {
    const now = this.clock.now();
    const forgetBefore = new Date(now.getTime() - SignInThrottleService.FORGET_AFTER_MS);
    const failed = [keys.account, keys.address].filter((key): key is string => key !== null);
    await this.dataSource.query('SELECT auth_throttle_failure($1, $2, $3)', [failed, now, forgetBefore]);
  }

  /** A successful sign-in clears the account's count; the address keeps its own. */
  async recordSuccess(keys: ThrottleKeys): Promise<void> {
    await this.dataSource.query('SELECT auth_throttle_success($1)', [keys.account]);
  }
}
