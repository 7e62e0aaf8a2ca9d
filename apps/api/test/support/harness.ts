import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import argon2 from 'argon2';
import { Client } from 'pg';
import request from 'supertest';
import { inject } from 'vitest';
import type { Clock } from '../../src/common/clock';
import { ARGON2_POLICY } from '../../src/modules/sessions/password-hasher';
import { type RunningApi, startApi, type StartOptions } from '../../src/server';

export const PASSWORD = 'Test@Pass2026';

export function databaseUrls() {
  return inject('databaseUrls');
}

export type TestApi = RunningApi & { agent(): GraphqlAgent; documentsDir: string };

export async function startTestApi(
  options: {
    clock?: Clock;
    production?: boolean;
    poolSize?: number;
    poolWaitMs?: number;
    trustProxy?: number;
    webApps?: StartOptions['webApps'];
    scheduler?: StartOptions['scheduler'];
    mail?: StartOptions['mail'];
  } = {},
): Promise<TestApi> {
  // Every file starts with no failed sign-ins: files share the database, and their clocks differ.
  await resetSignInThrottle();
  const documentsDir = mkdtempSync(join(tmpdir(), 'xiangmeng-documents-'));
  const running = await startApi({
    databaseUrl: databaseUrls().appUrl,
    production: options.production ?? false,
    cookieSecure: false,
    port: 0,
    clock: options.clock,
    poolSize: options.poolSize,
    poolWaitMs: options.poolWaitMs,
    trustProxy: options.trustProxy,
    webApps: options.webApps,
    scheduler: options.scheduler,
    mail: options.mail,
    documentsDir,
    logger: false,
  });
  return {
    ...running,
    documentsDir,
    agent: () => new GraphqlAgent(running.url),
    close: async () => {
      await running.close();
      rmSync(documentsDir, { recursive: true, force: true });
    },
  };
}

export type GraphqlResponse<T = Record<string, unknown>> = {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
  setCookie: string[];
};

/** A browser-like client: keeps its session cookie between requests. */
export class GraphqlAgent {
  private readonly agent: ReturnType<typeof request.agent>;

  constructor(readonly url: string) {
    this.agent = request.agent(url);
  }

  async send<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphqlResponse<T>> {
    const res = await this.agent
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('x-forwarded-for', '')
      .send({ query, variables });
    const body = res.body as { data?: T | null; errors?: GraphqlResponse['errors'] };
    const setCookie = res.headers['set-cookie'] as unknown as string[] | undefined;
    return { status: res.status, data: body.data, errors: body.errors, setCookie: setCookie ?? [] };
  }

  async login(
    tenantCode: string,
    username: string,
    password = PASSWORD,
  ): Promise<GraphqlResponse<{ login: { id: string } }>> {
    return this.send(`mutation ($input: LoginInput!) { login(input: $input) { id } }`, {
      input: { tenantCode, username, password },
    });
  }

  /** Raw access for requests the helper does not model (GET, batches, headers). */
  raw() {
    return this.agent;
  }
}

export function errorCode(res: GraphqlResponse<unknown>): unknown {
  return res.errors?.[0]?.extensions?.code;
}

/** Runs SQL as the superuser (bypasses RLS): fixtures and inspection only. */
export async function asAdmin<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrls().adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Runs SQL as the runtime role inside one transaction with the given identity set. */
export async function asRuntimeRole<T>(
  identity: { tenantId: string | null; userId?: string | null; roles?: string[] },
  fn: (client: Client) => Promise<T>,
): Promise<T> {
  const client = new Client({ connectionString: databaseUrls().appUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    if (identity.tenantId) {
      await client.query(
        `SELECT set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true), set_config('app.roles', $3, true)`,
        [identity.tenantId, identity.userId ?? '', (identity.roles ?? []).join(',')],
      );
    }
    const result = await fn(client);
    await client.query('ROLLBACK');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

let cachedHash: Promise<string> | null = null;

export function testPasswordHash(): Promise<string> {
  cachedHash ??= argon2.hash(PASSWORD, ARGON2_POLICY);
  return cachedHash;
}

export async function tenantId(code: string): Promise<string> {
  return asAdmin(async (c) => {
    const { rows } = await c.query<{ id: string }>('SELECT id FROM tenant WHERE code = $1', [code]);
    if (!rows[0]) throw new Error(`no tenant ${code}`);
    return rows[0].id;
  });
}

export type TestUser = {
  id: string;
  tenantId: string;
  tenantCode: string;
  username: string;
  roles: string[];
};

/** A user with PASSWORD, written directly (no audit); usernames are made unique per call. */
export async function createUser(tenantCode: string, roles: string[], prefix = 'u'): Promise<TestUser> {
  const username = `${prefix}${randomBytes(4).toString('hex')}`;
  const hash = await testPasswordHash();
  const tid = await tenantId(tenantCode);
  const id = await asAdmin(async (c) => {
    const { rows } = await c.query<{ id: string }>(
      `INSERT INTO app_user (tenant_id, username, display_name, password_hash, roles)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [tid, username, `测试用户${username}`, hash, roles],
    );
    return rows[0]!.id;
  });
  return { id, tenantId: tid, tenantCode, username, roles };
}

/** Signs a user in on a fresh agent. */
export async function signedInAgent(api: TestApi, user: TestUser): Promise<GraphqlAgent> {
  const agent = api.agent();
  const res = await agent.login(user.tenantCode, user.username);
  if (res.errors) throw new Error(`login failed: ${JSON.stringify(res.errors)}`);
  return agent;
}

/**
 * Forgets every failed sign-in. Test files share one database, and failures recorded under one
 * file's clock (a TestClock, or the system clock) can lie in another file's future and throttle
 * its sign-ins; a file that signs in starts from none.
 */
export async function resetSignInThrottle(): Promise<void> {
  await asAdmin((c) => c.query('DELETE FROM sign_in_throttle'));
}
