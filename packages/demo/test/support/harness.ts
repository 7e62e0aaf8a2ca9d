import { type RunningApi, startApi } from '@xiangmeng/api';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';

// The demo is checked against the built API, as the launcher runs it: SQL for what the seed
// wrote, GraphQL for what the apps then show.

export function databaseUrls() {
  return inject('databaseUrls');
}

export type TestApi = RunningApi & { agent(): GraphqlAgent };

export async function startTestApi(): Promise<TestApi> {
  const documentsDir = mkdtempSync(join(tmpdir(), 'xiangmeng-demo-documents-'));
  const running = await startApi({
    databaseUrl: databaseUrls().appUrl,
    production: false,
    cookieSecure: false,
    port: 0,
    documentsDir,
    logger: false,
  });
  return {
    ...running,
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
  errors?: { message: string; extensions?: Record<string, unknown> }[];
};

/** A browser-like client: keeps its session cookie between requests. */
export class GraphqlAgent {
  private cookies = new Map<string, string>();

  constructor(readonly url: string) {}

  async send<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphqlResponse<T>> {
    const res = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
      },
      body: JSON.stringify({ query, variables }),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      if (at > 0) this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    const body = (await res.json()) as { data?: T | null; errors?: GraphqlResponse['errors'] };
    return { status: res.status, data: body.data, errors: body.errors };
  }

  login(tenantCode: string, username: string, password: string) {
    return this.send<{ login: { id: string } }>(
      `mutation ($input: LoginInput!) { login(input: $input) { id } }`,
      { input: { tenantCode, username, password } },
    );
  }
}

/** Runs SQL as the superuser (bypasses RLS): inspection only. */
export async function asAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrls().adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Runs SQL as the runtime role inside one transaction with the given identity set. */
export async function asRuntimeRole<T>(
  identity: { tenantId: string; userId: string; roles: string[] },
  fn: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrls().appUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `SELECT set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true), set_config('app.roles', $3, true)`,
      [identity.tenantId, identity.userId, identity.roles.join(',')],
    );
    return await fn(client);
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    await client.end();
  }
}
