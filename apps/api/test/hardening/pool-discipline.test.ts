import { ACCOUNT_THROTTLE } from '@xiangmeng/domain';
import { APP_ROLE_LIMITS } from '@xiangmeng/database';
import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { Client } from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  asAdmin,
  asRuntimeRole,
  createUser,
  databaseUrls,
  errorCode,
  resetSignInThrottle,
  startTestApi,
  type TestApi,
  type TestUser,
} from '../support/harness';
import { cookieOf, graphqlBody, JSON_HEADERS, multipart, type RawAnswer, send } from '../support/raw-http';
import { FILES, RegisterClient } from '../support/register-client';

// One client never makes another wait: a request holds at most one pooled connection, waits for
// it a bounded time (then SERVICE_BUSY), and gives it back whatever its client does — goes away
// while waiting, mid-query or mid-upload. Sign-in counts every parallel guess.

type Backend = { pid: number; state: string | null; wait_event_type: string | null };

async function apiBackends(): Promise<Backend[]> {
  return asAdmin(async (c) => {
    const { rows } = await c.query<Backend>(
      `SELECT pid, state, wait_event_type FROM pg_stat_activity
       WHERE application_name = 'xiangmeng-api' AND datname = current_database()`,
    );
    return rows;
  });
}

async function waitFor(probe: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 300; i += 1) {
    if (await probe()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const lockWaiters = async () => (await apiBackends()).filter((b) => b.wait_event_type === 'Lock').length;

/** No API connection is left inside a transaction (checked a moment later, once answers settle). */
async function expectNoneIdleInTransaction(): Promise<void> {
  await waitFor(
    async () => (await apiBackends()).every((b) => !b.state?.startsWith('idle in transaction')),
    'no API connection idle in transaction',
  );
}

/** Holds an exclusive lock on `table` as the superuser until released: statements on it wait. */
async function lockTable(table: string): Promise<{ release(): Promise<void> }> {
  const client = new Client({ connectionString: databaseUrls().adminUrl });
  await client.connect();
  await client.query('BEGIN');
  await client.query(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
  return {
    async release() {
      await client.query('COMMIT');
      await client.end();
    },
  };
}

async function signIn(api: TestApi, user: TestUser): Promise<string> {
  const res = await api.agent().login(user.tenantCode, user.username);
  expect(res.errors).toBeUndefined();
  return cookieOf(res.setCookie);
}

function me(api: TestApi, cookie: string) {
  return send(api.url, {
    path: '/graphql',
    headers: { ...JSON_HEADERS, cookie },
    body: graphqlBody('{ me { id } }'),
  });
}

function json(answer: RawAnswer): {
  data?: unknown;
  errors?: { extensions?: { code?: string } }[];
  code?: string;
} {
  return JSON.parse(answer.body) as ReturnType<typeof json>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the runtime role', () => {
  it.each(Object.entries(APP_ROLE_LIMITS))(
    'has %s = %s wherever the roles are created',
    async (setting, value) => {
      const shown = await asRuntimeRole(
        { tenantId: null },
        async (c) => (await c.query<Record<string, string>>(`SHOW ${setting}`)).rows[0]!,
      );
      expect(shown[setting]).toBe(value);
    },
  );
});

describe('sign-in under parallel guesses', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('counts 20 parallel wrong guesses for one account as 20 attempts, checking only the free ones', async () => {
    await resetSignInThrottle();
    const user = await createUser('430500', ['CITY_OFFICER']);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => api.agent().login('430500', user.username, `Wrong@Guess${i}`)),
    );
    const codes = answers.map(errorCode);
    expect(codes.filter((c) => c === 'LOGIN_FAILED')).toHaveLength(ACCOUNT_THROTTLE.freeFailures);
    expect(codes.filter((c) => c === 'LOGIN_THROTTLED')).toHaveLength(20 - ACCOUNT_THROTTLE.freeFailures);
    const [counter] = await asAdmin(
      async (c) =>
        (
          await c.query<{ failures: number; refused: number }>(
            'SELECT failures, refused FROM sign_in_throttle WHERE key = $1',
            [`account:430500:${user.username}`],
          )
        ).rows,
    );
    expect(counter!.failures + counter!.refused).toBe(20);
    expect(counter!.failures).toBe(ACCOUNT_THROTTLE.freeFailures);
  });

  it('takes back the attempt counted against the address when the password is right', async () => {
    await resetSignInThrottle();
    const user = await createUser('430500', ['CITY_OFFICER']);
    for (let i = 0; i < 30; i += 1) {
      expect((await api.agent().login('430500', user.username)).errors).toBeUndefined();
    }
    const addressFailures = await asAdmin(
      async (c) =>
        (
          await c.query<{ n: number }>(
            `SELECT coalesce(sum(failures), 0)::int AS n FROM sign_in_throttle WHERE key LIKE 'address:%'`,
          )
        ).rows[0]!.n,
    );
    expect(addressFailures).toBe(0);
  });
});

describe('a full pool', () => {
  let api: TestApi;
  let cookie: string;
  beforeAll(async () => {
    api = await startTestApi({ poolSize: 2, poolWaitMs: 300 });
    cookie = await signIn(api, await createUser('430500', ['CITY_OFFICER']));
  });
  afterAll(() => api.close());
  afterEach(expectNoneIdleInTransaction);

  it('answers SERVICE_BUSY with Retry-After, GraphQL and REST alike, and serves again once free', async () => {
    const lock = await lockTable('user_session');
    const holders = [me(api, cookie), me(api, cookie)];
    try {
      await waitFor(async () => (await lockWaiters()) === 2, 'both connections to wait on the lock');
      const graphql = await me(api, cookie).answer;
      expect(graphql.status).toBe(503);
      expect(graphql.headers['retry-after']).toBe('2');
      expect(json(graphql).errors?.[0]?.extensions?.code).toBe('SERVICE_BUSY');
      const rest = await send(api.url, {
        method: 'GET',
        path: `/api/documents/${randomUUID()}`,
        headers: { cookie },
      }).answer;
      expect(rest.status).toBe(503);
      expect(rest.headers['retry-after']).toBe('2');
      expect(json(rest).code).toBe('SERVICE_BUSY');
    } finally {
      await lock.release();
    }
    for (const holder of holders) expect((await holder.answer).status).toBe(200);
    expect((await me(api, cookie).answer).status).toBe(200);
  });
});

describe('a client that goes away', () => {
  let api: TestApi;
  let admin: TestUser;
  let cookie: string;
  beforeAll(async () => {
    api = await startTestApi({ poolSize: 1, poolWaitMs: 5000 });
    admin = await createUser('430500', ['CITY_ADMIN']);
    cookie = await signIn(api, admin);
  });
  afterAll(() => api.close());
  afterEach(expectNoneIdleInTransaction);

  /** The one connection still serves: a leaked one would leave the next requests waiting in vain. */
  async function expectPoolServes(): Promise<void> {
    for (let i = 0; i < 3; i += 1) expect((await me(api, cookie).answer).status).toBe(200);
  }

  it('while waiting for a connection: it never opens a transaction and the connection comes back', async () => {
    const lock = await lockTable('user_session');
    const holder = me(api, cookie);
    await waitFor(async () => (await lockWaiters()) === 1, 'the only connection to wait on the lock');
    const leaver = me(api, cookie);
    await sleep(200);
    leaver.request.destroy();
    await sleep(100);
    await lock.release();
    expect((await holder.answer).status).toBe(200);
    await expectPoolServes();
  });

  it('mid-query: what it wrote is rolled back and the connection released', async () => {
    const username = `gone${randomUUID().slice(0, 8)}`;
    const lock = await lockTable('audit_event');
    const leaver = send(api.url, {
      path: '/graphql',
      headers: { ...JSON_HEADERS, cookie },
      body: graphqlBody('mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', {
        input: { username, displayName: '离开的人', password: 'Leave@Pass2026', roles: ['CITY_OFFICER'] },
      }),
    });
    await waitFor(async () => (await lockWaiters()) === 1, 'the mutation to wait on the audit lock');
    leaver.request.destroy();
    await sleep(100);
    await lock.release();
    await expectNoneIdleInTransaction();
    const written = await asAdmin(
      async (c) => (await c.query('SELECT 1 FROM app_user WHERE username = $1', [username])).rowCount,
    );
    expect(written).toBe(0);
    await expectPoolServes();
  });
});

describe('uploads', () => {
  let api: TestApi;
  let cookie: string;
  let allianceId: string;
  beforeAll(async () => {
    api = await startTestApi({ poolSize: 2, poolWaitMs: 1000 });
    const officer = await createUser('430500', ['CITY_OFFICER']);
    const agent = api.agent();
    const login = await agent.login(officer.tenantCode, officer.username);
    cookie = cookieOf(login.setCookie);
    allianceId = (await new RegisterClient(agent).registerAlliance()).id;
  });
  afterAll(() => api.close());
  afterEach(expectNoneIdleInTransaction);

  const documentCount = () =>
    asAdmin(async (c) =>
      Number(
        (
          await c.query<{ count: string }>('SELECT count(*) FROM document WHERE alliance_id = $1', [
            allianceId,
          ])
        ).rows[0]!.count,
      ),
    );
  const storedFiles = () =>
    readdirSync(api.documentsDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;

  function slowUpload(content: Buffer, chunks: number, intervalMs: number) {
    const { body, headers } = multipart({ allianceId, kind: 'ATTACHMENT' }, { name: '附件.pdf', content });
    return send(api.url, {
      path: '/api/documents',
      headers: { ...headers, cookie },
      body,
      chunks,
      intervalMs,
    });
  }

  it('a slow upload holds no connection while its body arrives', async () => {
    const before = await documentCount();
    const pdf = Buffer.concat([FILES.pdf(), Buffer.alloc(6000, 0x20)]);
    const uploads = Array.from({ length: 6 }, () => slowUpload(pdf, 30, 100));
    await sleep(800);
    // Six uploads in flight, a pool of two: readers are answered at once, and nobody is in a transaction.
    for (let i = 0; i < 5; i += 1) {
      const answer = await me(api, cookie).answer;
      expect(answer.status).toBe(200);
    }
    expect((await apiBackends()).filter((b) => b.state?.startsWith('idle in transaction'))).toEqual([]);
    for (const upload of uploads) expect((await upload.answer).status).toBe(201);
    expect(await documentCount()).toBe(before + 6);
  });

  it('an upload cut off mid-body leaves no row and no file', async () => {
    const before = { rows: await documentCount(), files: storedFiles() };
    const content = Buffer.concat([FILES.pdf(), Buffer.alloc(200_000, 0x20)]);
    const upload = slowUpload(content, 20, 50);
    await sleep(300);
    upload.request.destroy();
    await sleep(500);
    expect(await documentCount()).toBe(before.rows);
    expect(storedFiles()).toBe(before.files);
    expect((await me(api, cookie).answer).status).toBe(200);
  });
});
