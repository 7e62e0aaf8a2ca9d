import type { Client } from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PreparingClient } from '../../src/database/prepared-statements';
import { createUser, databaseUrls, type TestUser } from '../support/harness';

// The runtime pool prepares its statements (src/database/prepared-statements.ts). A plan kept on a
// connection serves requests of every tenant one after another: it must never carry one tenant's
// rows into another's request, and the connection must keep only its most recent statements.

const USERS_BY_NAME = 'SELECT tenant_id, username FROM app_user WHERE username = ANY($1) ORDER BY username';

// Typed as pg's client: the statements are sent as the API's repositories send them.
let client: Client;
let changsha: TestUser;
let zhuzhou: TestUser;
const defaultLimit = PreparingClient.limit;

async function inTenant<T>(user: TestUser, fn: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    await client.query(
      `SELECT set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true), set_config('app.roles', $3, true)`,
      [user.tenantId, user.id, user.roles.join(',')],
    );
    return await fn();
  } finally {
    await client.query('ROLLBACK');
  }
}

/** A connection of its own, for a test that must know everything the connection keeps. */
async function onOwnConnection(fn: (own: Client) => Promise<void>): Promise<void> {
  const own: Client = new PreparingClient({ connectionString: databaseUrls().appUrl });
  await own.connect();
  try {
    await fn(own);
  } finally {
    await own.end();
  }
}

async function kept(): Promise<string[]> {
  const { rows } = await client.query<{ statement: string }>(
    'SELECT statement FROM pg_prepared_statements ORDER BY prepare_time',
  );
  return rows.map((r) => r.statement);
}

beforeAll(async () => {
  changsha = await createUser('430100', ['CITY_OFFICER'], 'prep');
  zhuzhou = await createUser('430200', ['CITY_OFFICER'], 'prep');
  client = new PreparingClient({ connectionString: databaseUrls().appUrl });
  await client.connect();
});

afterAll(async () => {
  await client.end();
});

afterEach(() => {
  PreparingClient.limit = defaultLimit;
});

describe('prepared statements on the runtime role', () => {
  it('prepares a statement once per connection and sends transaction control as it is', async () => {
    const names = [changsha.username, zhuzhou.username];
    await inTenant(changsha, () => client.query(USERS_BY_NAME, [names]));
    await inTenant(changsha, () => client.query(USERS_BY_NAME, [names]));
    const statements = await kept();
    expect(statements.filter((s) => s === USERS_BY_NAME)).toHaveLength(1);
    expect(statements.some((s) => /^\s*(BEGIN|ROLLBACK)/i.test(s))).toBe(false);
  });

  it('a kept plan, generic or not, answers each tenant only its own rows, alternately on one connection', async () => {
    const names = [changsha.username, zhuzhou.username];
    // Past PostgreSQL's five custom plans, and then with the generic plan forced.
    for (const mode of ['auto', 'force_generic_plan']) {
      await client.query(`SET plan_cache_mode = ${mode}`);
      for (let round = 0; round < 8; round += 1) {
        const user = round % 2 === 0 ? changsha : zhuzhou;
        const { rows } = await inTenant(user, () =>
          client.query<{ tenant_id: string; username: string }>(USERS_BY_NAME, [names]),
        );
        expect(rows).toEqual([{ tenant_id: user.tenantId, username: user.username }]);
      }
    }
    await client.query('RESET plan_cache_mode');
  });

  it('keeps the most recent statements up to the limit, deallocating the oldest', async () => {
    PreparingClient.limit = 3;
    const statement = (n: number) => `SELECT ${n} + $1::int AS n`;
    for (let n = 1; n <= 5; n += 1) {
      const { rows } = await client.query<{ n: number }>(statement(n), [1]);
      expect(rows[0]!.n).toBe(n + 1);
    }
    // The listing itself is one of the three kept.
    const statements = await kept();
    expect(statements).toHaveLength(3);
    expect(statements).toEqual(expect.arrayContaining([statement(4), statement(5)]));
    // An evicted statement is prepared again under a new name.
    const { rows } = await client.query<{ n: number }>(statement(1), [1]);
    expect(rows[0]!.n).toBe(2);
  });

  it('a statement queued before its eviction still runs as prepared (resolvers share a transaction)', async () => {
    PreparingClient.limit = 2;
    await onOwnConnection(async (own) => {
      const add = (n: number) => `SELECT ${n} + $1::int AS n`;
      await own.query(add(21), [0]);
      await own.query(add(22), [0]);
      const answers = await Promise.all([
        // Keeps the connection busy (several statements: sent as they are) while the rest queue.
        own.query('SELECT pg_sleep(0.05); SELECT 0'),
        own.query<{ n: number }>(add(21), [1]),
        own.query<{ n: number }>(add(23), [1]),
        // Evicts add(21), which the second query above has yet to send.
        own.query<{ n: number }>(add(24), [1]),
      ]);
      expect(answers.slice(1).map((a) => (a as { rows: { n: number }[] }).rows[0]!.n)).toEqual([22, 24, 25]);
    });
  });

  it('an eviction inside an aborted transaction leaves one statement behind and the connection working', async () => {
    PreparingClient.limit = 2;
    await onOwnConnection(async (own) => {
      const add = (n: number) => `SELECT ${n} + $1::int AS n`;
      await own.query(add(1), [0]);
      await own.query('BEGIN');
      await expect(own.query('SELECT 1 / $1::int', [0])).rejects.toThrow(/division by zero/);
      // Needs a place: the deallocation of add(1) is refused in the aborted transaction.
      await expect(own.query(add(2), [0])).rejects.toThrow(/aborted/);
      await own.query('ROLLBACK');
      for (let n = 10; n <= 13; n += 1) {
        const { rows } = await own.query<{ n: number }>(add(n), [0]);
        expect(rows[0]!.n).toBe(n);
      }
      const { rows } = await own.query<{ statement: string }>(
        'SELECT statement FROM pg_prepared_statements ORDER BY prepare_time',
      );
      expect(rows.map((r) => r.statement)).toEqual([
        add(1),
        add(13),
        'SELECT statement FROM pg_prepared_statements ORDER BY prepare_time',
      ]);
    });
  });
});
