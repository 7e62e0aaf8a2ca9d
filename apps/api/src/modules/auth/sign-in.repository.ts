import { Injectable } from '@nestjs/common';
import type { Role } from '@xiangmeng/domain';
import { SignInPool } from './sign-in-pool';

/** An account as sign-in finds it, before anyone is signed in (through a definer function). */
export type SignInAccount = {
  user_id: string;
  tenant_id: string;
  password_hash: string;
  roles: Role[];
  disabled: boolean;
};

/** A sign-in counter (per account or per address), locked while an attempt is judged. */
export type ThrottleCounter = { key: string; failures: number; last_failure_at: Date };

/**
 * Every statement of sign-in, all on the sign-in pool and never on the main pool or the
 * request's transaction: a refused sign-in's counts must survive its request's rollback, and a
 * storm of sign-ins must not starve the signed-in readers of connections.
 */
@Injectable()
export class SignInRepository {
  constructor(private readonly pool: SignInPool) {}

  async findAccount(tenantCode: string, username: string): Promise<SignInAccount | null> {
    const [account] = await this.pool.query<SignInAccount>('SELECT * FROM auth_find_account($1, $2)', [
      tenantCode,
      username,
    ]);
    return account ?? null;
  }

  /**
   * Locks the named counters (forgetting those idle since `forgetBefore`), lets `judge` decide
   * from them the seconds to wait, and counts the attempt, allowed when the wait is 0, all in one
   * short transaction: parallel attempts are judged one after another.
   */
  attempt(
    keys: string[],
    now: Date,
    forgetBefore: Date,
    judge: (counters: ThrottleCounter[]) => number,
  ): Promise<number> {
    return this.pool.transaction(async (db) => {
      await db.query(`SET LOCAL lock_timeout = '3s'`);
      const { rows } = await db.query<ThrottleCounter>('SELECT * FROM auth_throttle_lock($1, $2, $3)', [
        keys,
        now,
        forgetBefore,
      ]);
      const wait = judge(rows);
      await db.query('SELECT auth_throttle_count($1, $2, $3)', [keys, now, wait === 0]);
      return wait;
    });
  }

  /** Clears the account's count and takes back the address's attempt. */
  async succeeded(accountKey: string, addressKey: string | null): Promise<void> {
    await this.pool.query('SELECT auth_throttle_succeeded($1, $2)', [accountKey, addressKey ?? '']);
  }
}
