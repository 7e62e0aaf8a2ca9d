import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditRows, breaksOf } from '../support/audit-chain';
import {
  asAdmin,
  createUser,
  databaseUrls,
  errorCode,
  type GraphqlAgent,
  type GraphqlResponse,
  PASSWORD,
  resetSignInThrottle,
  signedInAgent,
  startTestApi,
  tenantId,
  type TestApi,
  type TestUser,
} from '../support/harness';

// The database connection of a request dies (pg_terminate_backend, as a failover or an operator
// would do it): nothing of that request's transaction remains, the audit chain still verifies,
// and the API serves the next requests without a restart.

const TENANT = '430900';
const CREATE_USER = 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }';

type Backend = { pid: number; wait_event_type: string | null; state: string | null };

async function apiBackends(): Promise<Backend[]> {
  return asAdmin(async (c) => {
    const { rows } = await c.query<Backend>(
      `SELECT pid, wait_event_type, state FROM pg_stat_activity
       WHERE application_name = 'xiangmeng-api' AND datname = current_database() AND pid <> pg_backend_pid()`,
    );
    return rows;
  });
}

async function terminate(pids: number[]): Promise<void> {
  await asAdmin((c) => c.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [pids]));
  // Wait until the server has let them go.
  for (let i = 0; i < 100; i += 1) {
    const alive = (await apiBackends()).filter((b) => pids.includes(b.pid));
    if (alive.length === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`backends ${pids.join(', ')} still alive`);
}

async function waitFor<T>(probe: () => Promise<T | null>, what: string): Promise<T> {
  for (let i = 0; i < 250; i += 1) {
    const found = await probe();
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * Holds the tenant's audit-append lock in a superuser transaction, so that requests writing to
 * that tenant stop inside their transaction, after their data rows and before their audit event.
 */
async function holdAuditLock(tenant: string): Promise<{ release(): Promise<void> }> {
  const client = new Client({ connectionString: databaseUrls().adminUrl });
  await client.connect();
  await client.query('BEGIN');
  await client.query(`SELECT pg_advisory_xact_lock(hashtextextended('audit:' || $1::text, 0))`, [tenant]);
  return {
    release: async () => {
      await client.query('ROLLBACK');
      await client.end();
    },
  };
}

async function userByName(username: string): Promise<string | null> {
  return asAdmin(async (c) => {
    const { rows } = await c.query<{ id: string }>('SELECT id FROM app_user WHERE username = $1', [username]);
    return rows[0]?.id ?? null;
  });
}

function newOfficer(username: string) {
  return {
    input: { username, displayName: '故障测试', roles: ['CITY_OFFICER'], password: 'Fault@Pass2026' },
  };
}

describe('killing the database connection mid-transaction', () => {
  let api: TestApi;
  let tenant: string;
  let cityAdmin: TestUser;
  let admin: GraphqlAgent;

  beforeAll(async () => {
    await resetSignInThrottle();
    api = await startTestApi({ poolSize: 10 });
    tenant = await tenantId(TENANT);
    cityAdmin = await createUser(TENANT, ['CITY_ADMIN'], 'fault');
    admin = await signedInAgent(api, cityAdmin);
  });
  afterAll(async () => {
    await api.close();
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    expect(await breaksOf(TENANT)).toEqual([]);
  });

  /** The API still answers, more times than it has pooled connections, one after another and at once. */
  async function servesAgain(): Promise<void> {
    for (let i = 0; i < 12; i += 1) {
      const res = await admin.send<{ me: { id: string } }>('{ me { id } }');
      expect(res.errors, `request ${i} after the fault`).toBeUndefined();
      expect(res.data?.me.id).toBe(cityAdmin.id);
    }
    const together = await Promise.all(Array.from({ length: 12 }, () => admin.send('{ users { id } }')));
    expect(together.filter((r) => r.errors)).toEqual([]);
  }

  it('between requests: every pooled connection killed, the very next requests succeed (30 rounds)', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const failures: string[] = [];
    for (let round = 0; round < 30; round += 1) {
      await Promise.all(Array.from({ length: 6 }, () => admin.send('{ me { id } }')));
      const pooled = await apiBackends();
      expect(pooled.length).toBeGreaterThan(0);
      // No waiting, for the server or the pool: the next requests race the news of the deaths.
      await asAdmin((c) =>
        c.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [pooled.map((b) => b.pid)]),
      );
      const next = await Promise.all([admin.send('{ me { id } }'), admin.send('{ users { id } }')]);
      for (const res of next)
        if (res.errors || res.status !== 200)
          failures.push(`round ${round}: ${res.status} ${JSON.stringify(res.errors)}`);
    }
    expect(failures).toEqual([]);
    await servesAgain();
  });

  it('after a createUser wrote its account, before its audit event: neither remains', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const username = `fault.${randomBytes(3).toString('hex')}`;
    const events = (await auditRows(tenant)).length;
    const lock = await holdAuditLock(tenant);
    let res: GraphqlResponse;
    try {
      const pending = admin.send(CREATE_USER, newOfficer(username));
      const waiting = await waitFor(
        async () => (await apiBackends()).find((b) => b.wait_event_type === 'Lock') ?? null,
        'the append to wait',
      );
      // The account row is written, uncommitted, in the transaction about to die.
      await terminate([waiting.pid]);
      res = await pending;
    } finally {
      await lock.release();
    }
    expect(res.status).toBeLessThan(500);
    expect(errorCode(res)).toBe('INTERNAL_SERVER_ERROR');
    expect(res.data ?? null).toBeNull();
    expect(await userByName(username)).toBeNull();
    expect((await auditRows(tenant)).length).toBe(events);
    // The same request now goes through.
    const retry = await admin.send<{ createUser: { id: string } }>(CREATE_USER, newOfficer(username));
    expect(retry.errors).toBeUndefined();
    expect(await userByName(username)).toBe(retry.data?.createUser.id);
    await servesAgain();
  });

  it('after a login opened its session, before its audit event: no session remains', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const user = await createUser(TENANT, ['CITY_OFFICER']);
    const lock = await holdAuditLock(tenant);
    let res: GraphqlResponse;
    try {
      const pending = api.agent().login(TENANT, user.username, PASSWORD);
      const waiting = await waitFor(
        async () => (await apiBackends()).find((b) => b.wait_event_type === 'Lock') ?? null,
        'the append to wait',
      );
      await terminate([waiting.pid]);
      res = await pending;
    } finally {
      await lock.release();
    }
    expect(errorCode(res)).toBe('INTERNAL_SERVER_ERROR');
    expect(
      res.setCookie.filter((c) => c.startsWith('xm_session=') && !c.includes('Expires=Thu, 01 Jan 1970')),
    ).toEqual([]);
    const sessions = await asAdmin(
      async (c) => (await c.query('SELECT 1 FROM user_session WHERE user_id = $1', [user.id])).rowCount,
    );
    expect(sessions).toBe(0);
    expect((await api.agent().login(TENANT, user.username, PASSWORD)).errors).toBeUndefined();
  });

  it('half of eight concurrent createUsers killed mid-transaction: each is all there or not at all', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const usernames = Array.from({ length: 8 }, (_, i) => `burst${i}.${randomBytes(3).toString('hex')}`);
    const events = (await auditRows(tenant)).length;
    const lock = await holdAuditLock(tenant);
    let results: GraphqlResponse<{ createUser: { id: string } }>[];
    try {
      const pending = Promise.all(
        usernames.map((u) => admin.send<{ createUser: { id: string } }>(CREATE_USER, newOfficer(u))),
      );
      const waiting = await waitFor(async () => {
        const blocked = (await apiBackends()).filter((b) => b.wait_event_type === 'Lock');
        return blocked.length === usernames.length ? blocked : null;
      }, 'all eight to wait');
      await terminate(waiting.filter((_, i) => i % 2 === 0).map((b) => b.pid));
      await lock.release();
      results = await pending;
    } catch (error) {
      await lock.release().catch(() => undefined);
      throw error;
    }
    const succeeded = results.filter((r) => !r.errors).length;
    expect(succeeded).toBe(4);
    const createdEvents = (await auditRows(tenant)).slice(events).filter((e) => e.action === 'user.create');
    for (const [i, username] of usernames.entries()) {
      const id = await userByName(username);
      const res = results[i]!;
      if (res.errors) {
        expect(errorCode(res)).toBe('INTERNAL_SERVER_ERROR');
        expect(id, `${username} failed but was written`).toBeNull();
      } else {
        expect(id).toBe(res.data?.createUser.id);
      }
      expect(createdEvents.some((e) => e.subject_id === id)).toBe(id !== null);
    }
    expect(createdEvents).toHaveLength(succeeded);
    await servesAgain();
  });
});
