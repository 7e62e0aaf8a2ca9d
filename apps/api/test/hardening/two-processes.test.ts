import { ACCOUNT_THROTTLE } from '@xiangmeng/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBuiltApi, type BuiltApi } from '../support/built-api';
import { asAdmin, createUser, errorCode, resetSignInThrottle } from '../support/harness';
import { cookieOf, graphqlBody, JSON_HEADERS, send } from '../support/raw-http';

// Several stateless API processes behind one balancer, on one database: sessions and sign-in
// counters live in PostgreSQL, so it does not matter which process a request reaches.

describe('two API processes on one database', () => {
  let a: BuiltApi;
  let b: BuiltApi;

  beforeAll(async () => {
    await resetSignInThrottle();
    [a, b] = await Promise.all([startBuiltApi(), startBuiltApi()]);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await resetSignInThrottle();
  });

  const me = (api: BuiltApi, cookie: string) =>
    send(api.url, {
      path: '/graphql',
      headers: { ...JSON_HEADERS, cookie },
      body: graphqlBody('{ me { id } }'),
    }).answer;

  it('a session opened on one works on the other, and ends on both at sign-out', async () => {
    const user = await createUser('430700', ['CITY_OFFICER']);
    const login = await a.agent().login(user.tenantCode, user.username);
    expect(login.errors).toBeUndefined();
    const cookie = cookieOf(login.setCookie);
    const onB = JSON.parse((await me(b, cookie)).body) as { data: { me: { id: string } | null } };
    expect(onB.data.me?.id).toBe(user.id);

    const logout = await send(b.url, {
      path: '/graphql',
      headers: { ...JSON_HEADERS, cookie },
      body: graphqlBody('mutation { logout }'),
    }).answer;
    expect(logout.status).toBe(200);
    const onA = JSON.parse((await me(a, cookie)).body) as { data: { me: unknown } };
    expect(onA.data.me).toBeNull();
  });

  it('counts wrong guesses made through both processes together', async () => {
    const user = await createUser('430700', ['CITY_OFFICER']);
    const codes: unknown[] = [];
    for (let i = 0; i < ACCOUNT_THROTTLE.freeFailures + 1; i += 1) {
      const api = i % 2 === 0 ? a : b;
      codes.push(errorCode(await api.agent().login(user.tenantCode, user.username, `Wrong@Guess${i}`)));
    }
    expect(codes.slice(0, ACCOUNT_THROTTLE.freeFailures)).toEqual(
      Array(ACCOUNT_THROTTLE.freeFailures).fill('LOGIN_FAILED'),
    );
    expect(codes.at(-1)).toBe('LOGIN_THROTTLED');
    const counted = await asAdmin(
      async (c) =>
        (
          await c.query<{ n: number }>(
            'SELECT failures + refused AS n FROM sign_in_throttle WHERE key = $1',
            [`account:${user.tenantCode}:${user.username}`],
          )
        ).rows[0]!.n,
    );
    expect(counted).toBe(ACCOUNT_THROTTLE.freeFailures + 1);
  });
});
