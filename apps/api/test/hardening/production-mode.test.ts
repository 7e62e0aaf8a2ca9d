import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  asAdmin,
  createUser,
  type GraphqlResponse,
  PASSWORD,
  startTestApi,
  type TestApi,
} from '../support/harness';

// What a stranger can learn from the production API beyond what the apps themselves ask for.
// Each probe lists its leaks; the figure is the total, and it must be 0.

type Probe = { name: string; query: string; variables?: Record<string, unknown>; hint?: string };

const INTROSPECTION: Probe[] = [
  { name: '__schema', query: '{ __schema { types { name } } }' },
  { name: '__type', query: '{ __type(name: "User") { fields { name } } }' },
  { name: 'aliased __schema', query: '{ s: __schema { queryType { name } } }' },
  {
    name: '__schema in a fragment',
    query: 'query { ...F } fragment F on Query { __schema { types { name } } }',
  },
  {
    name: '__type in an inline fragment',
    query: '{ ... on Query { __type(name: "Role") { enumValues { name } } } }',
  },
];

// Misspellings whose "Did you mean …?" would name the real field, argument, type or enum value.
const MISSPELLINGS: Probe[] = [
  { name: 'query field', query: '{ mee { id } }', hint: '"me"' },
  { name: 'object field', query: '{ me { usernam } }', hint: '"username"' },
  { name: 'argument', query: '{ users(firs: 1) { id } }', hint: 'first' },
  {
    name: 'input field (literal)',
    query: 'mutation { login(input: { tenantCod: "430100", username: "x", password: "y" }) { id } }',
    hint: 'Did you mean',
  },
  {
    name: 'enum value (literal)',
    query:
      'mutation { createUser(input: { username: "abc", displayName: "x", password: "y", roles: [PROVINCE_ADMN] }) { id } }',
    hint: 'PROVINCE_ADMIN',
  },
  { name: 'variable type', query: 'query ($x: LoginInpt) { me { id } }', hint: '"LoginInput"' },
  {
    name: 'fragment type condition',
    query: 'query { me { ...F } } fragment F on Usr { id }',
    hint: '"User"',
  },
  {
    name: 'input field (variable)',
    query: 'mutation ($input: LoginInput!) { login(input: $input) { id } }',
    variables: { input: { tenantCode: '430100', usernme: 'x', password: 'y' } },
    hint: 'Did you mean',
  },
  {
    name: 'enum value (variable)',
    query: 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }',
    variables: { input: { username: 'abc', displayName: 'x', password: 'y', roles: ['PROVINCE_ADMN'] } },
    hint: 'PROVINCE_ADMIN',
  },
];

const CSRF_MESSAGE = /Cross-Site Request Forgery/;

function errorLeaks(name: string, res: GraphqlResponse): string[] {
  const leaks: string[] = [];
  for (const error of res.errors ?? []) {
    const keys = Object.keys(error.extensions ?? {});
    if (keys.includes('stacktrace') || keys.includes('exception'))
      leaks.push(`${name}: stack trace in extensions`);
    if (/did you mean/i.test(error.message)) leaks.push(`${name}: suggestion "${error.message}"`);
  }
  return leaks;
}

async function sessionCount(userId: string): Promise<number> {
  return asAdmin(async (c) => {
    const { rows } = await c.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM user_session WHERE user_id = $1',
      [userId],
    );
    return rows[0]!.n;
  });
}

describe('production mode', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ production: true });
  });
  afterAll(async () => {
    await api.close();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('refuses introspection in every form', async () => {
    const leaks: string[] = [];
    for (const probe of INTROSPECTION) {
      const res = await api.agent().send(probe.query);
      if (res.data) leaks.push(`${probe.name}: answered ${JSON.stringify(res.data)}`);
      if (res.status !== 400 || res.errors?.[0]?.extensions?.code !== 'GRAPHQL_VALIDATION_FAILED') {
        leaks.push(`${probe.name}: not refused (${res.status})`);
      }
      leaks.push(...errorLeaks(probe.name, res));
    }
    expect(leaks).toEqual([]);
  });

  it('gives no "did you mean" hint for a misspelt name', async () => {
    const leaks: string[] = [];
    for (const probe of MISSPELLINGS) {
      const res = await api.agent().send(probe.query, probe.variables);
      expect(res.errors?.length, probe.name).toBeGreaterThan(0);
      leaks.push(...errorLeaks(probe.name, res));
      const text = JSON.stringify(res.errors);
      if (probe.hint && text.includes(probe.hint))
        leaks.push(`${probe.name}: names ${probe.hint} in ${text}`);
    }
    expect(leaks).toEqual([]);
  });

  it('masks an unexpected server error: generic code and message, no stack, no SQL', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    // A real fault, not a test hook: the runtime role loses its read on tenants for one request.
    await asAdmin((c) => c.query('REVOKE SELECT ON tenant FROM xiangmeng_app'));
    let res: GraphqlResponse;
    try {
      res = await api.agent().send('{ signInTenants { code name } }');
    } finally {
      await asAdmin((c) => c.query('GRANT SELECT ON tenant TO xiangmeng_app'));
    }
    expect(res.status).toBe(200);
    expect(res.data ?? null).toBeNull();
    expect(res.errors).toHaveLength(1);
    const [error] = res.errors!;
    expect(error).toEqual({
      message: '系统繁忙，请稍后再试',
      path: ['signInTenants'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    const leaks = errorLeaks('forced fault', res);
    const text = JSON.stringify(res.errors);
    for (const secret of [
      'permission denied',
      'tenant"',
      'QueryFailedError',
      'SELECT',
      '.ts:',
      'node_modules',
    ]) {
      if (text.includes(secret)) leaks.push(`forced fault: response contains ${secret}`);
    }
    expect(leaks).toEqual([]);
    // The operator still sees what happened.
    expect(
      logged.mock.calls.flat().some((arg) => arg instanceof Error && /permission denied/.test(arg.message)),
    ).toBe(true);
    // And the API carries on.
    const after = await api.agent().send<{ signInTenants: unknown[] }>('{ signInTenants { code } }');
    expect(after.errors).toBeUndefined();
    expect(after.data?.signInTenants.length).toBeGreaterThan(0);
  });

  it('refuses a batched (JSON array) body without running any of it', async () => {
    const user = await createUser('430100', ['CITY_OFFICER']);
    const login = `mutation { login(input: { tenantCode: "430100", username: "${user.username}", password: "${PASSWORD}" }) { id } }`;
    const res = await api
      .agent()
      .raw()
      .post('/graphql')
      .set('content-type', 'application/json')
      .send([{ query: login }, { query: '{ me { id } }' }]);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toMatch(/batching disabled/i);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(await sessionCount(user.id)).toBe(0);
  });

  it('refuses requests a browser could send cross-site without a preflight (CSRF), and runs none of them', async () => {
    const user = await createUser('430100', ['CITY_OFFICER']);
    const login = `mutation { login(input: { tenantCode: "430100", username: "${user.username}", password: "${PASSWORD}" }) { id } }`;
    const agent = api.agent().raw();
    const attempts = [
      ['GET without preflight header', agent.get('/graphql').query({ query: '{ me { id } }' })],
      [
        'POST text/plain',
        agent
          .post('/graphql')
          .set('content-type', 'text/plain')
          .send(JSON.stringify({ query: login })),
      ],
      [
        'POST form-urlencoded',
        agent
          .post('/graphql')
          .set('content-type', 'application/x-www-form-urlencoded')
          .send(`query=${encodeURIComponent(login)}`),
      ],
      ['POST multipart', agent.post('/graphql').field('query', login)],
    ] as const;
    const leaks: string[] = [];
    for (const [name, pending] of attempts) {
      const res = await pending;
      if (res.status !== 400 || !CSRF_MESSAGE.test(res.text))
        leaks.push(`${name}: ${res.status} ${res.text.slice(0, 120)}`);
      if (res.headers['set-cookie']) leaks.push(`${name}: set a cookie`);
    }
    expect(leaks).toEqual([]);
    expect(await sessionCount(user.id)).toBe(0);
    // The control: the same GET with the preflight header is heard (a query; mutations never run over GET).
    const control = await agent
      .get('/graphql')
      .set('apollo-require-preflight', 'true')
      .query({ query: '{ me { id } }' });
    expect(control.status).toBe(200);
    const mutationOverGet = await agent
      .get('/graphql')
      .set('apollo-require-preflight', 'true')
      .query({ query: login });
    expect(mutationOverGet.status).toBe(405);
    expect(await sessionCount(user.id)).toBe(0);
  });
});

describe('development mode', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ production: false });
  });
  afterAll(async () => {
    await api.close();
  });

  it('answers introspection, for codegen and tooling', async () => {
    const res = await api
      .agent()
      .send<{ __schema: { queryType: { name: string }; mutationType: { name: string } } }>(
        '{ __schema { queryType { name } mutationType { name } } }',
      );
    expect(res.errors).toBeUndefined();
    expect(res.data?.__schema).toEqual({ queryType: { name: 'Query' }, mutationType: { name: 'Mutation' } });
  });
});
