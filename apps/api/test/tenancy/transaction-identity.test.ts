import { HUNAN_DIVISIONS } from '@xiangmeng/domain';
import { APP_ROLE } from '@xiangmeng/database';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  asAdmin,
  asRuntimeRole,
  createUser,
  type GraphqlAgent,
  resetSignInThrottle,
  signedInAgent,
  startTestApi,
  type TestApi,
  type TestUser,
} from '../support/harness';

// The tenant is set per transaction, never per connection: two pooled connections serve a few
// hundred concurrent requests of users of every tenant, and no request sees another's rows.

const REQUESTS = 300;
const SEED = Number(process.env.TENANCY_SEED ?? 20260430);

/** A small seeded generator (mulberry32), so a failing mix can be replayed with TENANCY_SEED. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Client = { user: TestUser; agent: GraphqlAgent };
type Kind = 'me' | 'users' | 'me and users';
const QUERIES: Record<Kind, string> = {
  me: '{ me { id tenant { id } } }',
  users: '{ users { id } }',
  'me and users': '{ me { id tenant { id } } users { id } }',
};

let api: TestApi;
let startedAt: Date;
const clients: Client[] = [];

beforeAll(async () => {
  startedAt = await asAdmin(async (db) => (await db.query<{ now: Date }>('SELECT now()')).rows[0]!.now);
  // Sign-in failures recorded by earlier files (under their own clocks) must not throttle ours.
  await resetSignInThrottle();
  api = await startTestApi({ poolSize: 2 });
  // An admin of every tenant (admins may list users), signed in one after another.
  for (const division of HUNAN_DIVISIONS) {
    const user = await createUser(
      division.code,
      [division.level === 'PROVINCE' ? 'PROVINCE_ADMIN' : 'CITY_ADMIN'],
      'tx',
    );
    clients.push({ user, agent: await signedInAgent(api, user) });
  }
});

afterAll(async () => {
  await api.close();
});

describe('transaction-local identity on a pool of 2 connections', () => {
  it(`${REQUESTS} concurrent me/users requests of random tenants: foreign rows seen = 0, every me is its own user`, async () => {
    const next = random(SEED);
    const kinds = Object.keys(QUERIES) as Kind[];
    const plan = Array.from({ length: REQUESTS }, () => ({
      client: clients[Math.floor(next() * clients.length)]!,
      kind: kinds[Math.floor(next() * kinds.length)]!,
    }));
    const answers = await Promise.all(
      plan.map(async ({ client, kind }) => ({
        client,
        res: await client.agent.send<{
          me?: { id: string; tenant: { id: string } };
          users?: { id: string }[];
        }>(QUERIES[kind]),
      })),
    );

    const homeOf = await asAdmin(async (db) => {
      const { rows } = await db.query<{ id: string; tenant_id: string }>(
        'SELECT id, tenant_id FROM app_user',
      );
      return new Map(rows.map((r) => [r.id, r.tenant_id]));
    });
    let foreignRowsSeen = 0;
    let wrongMe = 0;
    let ownUserMissing = 0;
    let errors = 0;
    for (const { client, res } of answers) {
      if (res.errors) errors += 1;
      const { me, users } = res.data ?? {};
      if (me !== undefined && (me?.id !== client.user.id || me.tenant.id !== client.user.tenantId))
        wrongMe += 1;
      if (users) {
        foreignRowsSeen += users.filter((u) => homeOf.get(u.id) !== client.user.tenantId).length;
        if (!users.some((u) => u.id === client.user.id)) ownUserMissing += 1;
      }
    }
    const tenantsServed = new Set(plan.map((p) => p.client.user.tenantCode)).size;
    console.log(
      `tenancy pool of 2: ${REQUESTS} requests (seed ${SEED}) of ${tenantsServed} tenants → foreign rows seen = ${foreignRowsSeen}, wrong me = ${wrongMe}`,
    );
    expect({ foreignRowsSeen, wrongMe, ownUserMissing, errors }).toEqual({
      foreignRowsSeen: 0,
      wrongMe: 0,
      ownUserMissing: 0,
      errors: 0,
    });
    expect(tenantsServed).toBe(HUNAN_DIVISIONS.length);

    // The API really worked through two connections, so they changed hands between tenants.
    const connections = await asAdmin(async (db) => {
      const { rows } = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND usename = $1 AND application_name = 'xiangmeng-api'
            AND backend_start >= $2`,
        [APP_ROLE, startedAt],
      );
      return rows[0]!.n;
    });
    expect(connections).toBeGreaterThan(0);
    expect(connections).toBeLessThanOrEqual(2);
  });

  it("afterwards the API's two pooled connections carry no tenant, user or roles", async () => {
    const dataSource = api.app.get(DataSource);
    const runners = [dataSource.createQueryRunner(), dataSource.createQueryRunner()];
    try {
      // Both held at once: the pool hands out both of its connections.
      await Promise.all(runners.map((r) => r.connect()));
      const settings = await Promise.all(
        runners.map(async (r) => {
          const rows = (await r.query(
            `SELECT pg_backend_pid() AS pid, current_setting('app.tenant_id', true) AS tenant,
                    current_setting('app.user_id', true) AS user, current_setting('app.roles', true) AS roles`,
          )) as { pid: number; tenant: string | null; user: string | null; roles: string | null }[];
          return rows[0]!;
        }),
      );
      expect(new Set(settings.map((s) => s.pid)).size).toBe(2);
      for (const s of settings) {
        expect({ tenant: s.tenant ?? '', user: s.user ?? '', roles: s.roles ?? '' }).toEqual({
          tenant: '',
          user: '',
          roles: '',
        });
      }
    } finally {
      await Promise.all(runners.map((r) => r.release()));
    }
  });

  it('a fresh runtime-role connection reads no tenant', async () => {
    const tenant = await asRuntimeRole({ tenantId: null }, async (db) => {
      const { rows } = await db.query<{ t: string | null }>(
        `SELECT current_setting('app.tenant_id', true) AS t`,
      );
      return rows[0]!.t;
    });
    expect(['', null]).toContain(tenant);
  });

  it('no role or database default sets an app.* identity for every connection', async () => {
    const defaults = await asAdmin(async (db) => {
      const { rows } = await db.query<{ setting: string }>(
        `SELECT unnest(setconfig) AS setting FROM pg_db_role_setting s
          WHERE (s.setrole = 0 OR s.setrole = $1::regrole)
            AND (s.setdatabase = 0 OR s.setdatabase = (SELECT oid FROM pg_database WHERE datname = current_database()))`,
        [APP_ROLE],
      );
      return rows.map((r) => r.setting).filter((s) => s.startsWith('app.'));
    });
    expect(defaults).toEqual([]);
  });

  // Sign-in switches the transaction's identity to the new user before it revokes the browser's
  // previous session; the revoke must still reach that session when it belongs to another tenant.
  it.each([
    ['a user of the same tenant (control)', '430100'],
    ["another tenant's user", '430200'],
  ])('signing in as %s on the same browser ends the previous session', async (_case, secondCode) => {
    const first = await createUser('430100', ['CITY_OFFICER'], 'sw');
    const second = await createUser(secondCode, ['CITY_OFFICER'], 'sw');
    const agent = api.agent();
    const firstLogin = await agent.login(first.tenantCode, first.username);
    const firstToken = firstLogin.setCookie.find((c) => c.startsWith('xm_session='))!.split(';')[0]!;
    expect((await agent.login(second.tenantCode, second.username)).errors).toBeUndefined();
    const open = await asAdmin(async (db) => {
      const { rows } = await db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM user_session WHERE user_id = $1 AND revoked_at IS NULL',
        [first.id],
      );
      return rows[0]!.n;
    });
    const replay = await api
      .agent()
      .raw()
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('cookie', firstToken)
      .send({ query: '{ me { id } }' });
    expect({
      openSessionsOfFirstUser: open,
      replayedCookieMe: (replay.body as { data: { me: unknown } }).data.me,
    }).toEqual({
      openSessionsOfFirstUser: 0,
      replayedCookieMe: null,
    });
  });
});
