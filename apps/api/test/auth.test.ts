import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RequestTransaction } from '../src/common/request/request-transaction';
import { SessionsRepository } from '../src/modules/sessions/sessions.repository';
import {
  asAdmin,
  createUser,
  errorCode,
  PASSWORD,
  signedInAgent,
  startTestApi,
  type TestApi,
} from './support/harness';
import { TestClock } from './support/test-clock';

const ME = '{ me { id username tenant { code level } roles } }';

describe('sign-in and sessions', () => {
  const clock = new TestClock();
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ clock });
  });
  afterAll(async () => {
    await api.close();
  });

  it('signs in with tenant, username and password and sets an HttpOnly SameSite cookie', async () => {
    const user = await createUser('430100', ['CITY_OFFICER']);
    const agent = api.agent();
    const res = await agent.login('430100', user.username);
    expect(res.errors).toBeUndefined();
    const cookie = res.setCookie.find((c) => c.startsWith('xm_session='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const me = await agent.send<{ me: { username: string; tenant: { code: string } } }>(ME);
    expect(me.data?.me).toMatchObject({ username: user.username, tenant: { code: '430100' } });
  });

  it('refuses the right password under another tenant', async () => {
    const user = await createUser('430100', ['CITY_OFFICER']);
    const res = await api.agent().login('430200', user.username);
    expect(errorCode(res)).toBe('LOGIN_FAILED');
  });

  it('refuses a disabled account with the same answer as a wrong password', async () => {
    const user = await createUser('430100', ['CITY_OFFICER']);
    await asAdmin((c) => c.query('UPDATE app_user SET disabled_at = now() WHERE id = $1', [user.id]));
    const res = await api.agent().login('430100', user.username);
    expect(errorCode(res)).toBe('LOGIN_FAILED');
    expect(res.data ?? null).toBeNull();
  });

  it('ends a session left idle past the limit', async () => {
    const user = await createUser('430100', ['CITY_OFFICER']);
    const agent = await signedInAgent(api, user);
    clock.advance(29 * 60_000);
    expect((await agent.send<{ me: unknown }>(ME)).data?.me).not.toBeNull();
    clock.advance(29 * 60_000);
    expect((await agent.send<{ me: unknown }>(ME)).data?.me).not.toBeNull();
    clock.advance(31 * 60_000);
    expect((await agent.send<{ me: unknown }>(ME)).data?.me).toBeNull();
    expect(errorCode(await agent.send('{ users { id } }'))).toBe('UNAUTHENTICATED');
  });

  it('ends a busy session at its absolute limit', async () => {
    const user = await createUser('430100', ['CITY_OFFICER']);
    const agent = await signedInAgent(api, user);
    for (let hour = 0; hour < 12; hour += 1) {
      for (let step = 0; step < 3; step += 1) {
        clock.advance(20 * 60_000);
        await agent.send(ME);
      }
    }
    expect((await agent.send<{ me: unknown }>(ME)).data?.me).toBeNull();
  });

  it('revokes the session at sign-out: the old cookie no longer works', async () => {
    const user = await createUser('430100', ['CITY_OFFICER']);
    const agent = await signedInAgent(api, user);
    const before = await agent.send<{ me: { id: string } }>(ME);
    expect(before.data?.me.id).toBe(user.id);
    const cookie = (await agent.login('430100', user.username)).setCookie.find((c) =>
      c.startsWith('xm_session='),
    )!;
    const token = cookie.split(';')[0]!;
    const out = await agent.send<{ logout: boolean }>('mutation { logout }');
    expect(out.data?.logout).toBe(true);
    const replay = await agent
      .raw()
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('cookie', token)
      .send({ query: ME });
    expect((replay.body as { data: { me: unknown } }).data.me).toBeNull();
  });

  it('opens a request with its session and sets the identity only of a live one (one round trip, revoked and disabled get none)', async () => {
    const dataSource = api.app.get(DataSource);
    const sessions = api.app.get(SessionsRepository);
    const opened = async (token: string) => {
      const transaction = new RequestTransaction(dataSource);
      try {
        const hash = createHash('sha256')
          .update(token.replace(/^xm_session=/, ''))
          .digest();
        const row = await sessions.openWithSession(transaction, hash);
        const [settings] = await transaction.manager.query<
          { tenant: string | null; user: string | null; roles: string | null }[]
        >(
          `SELECT current_setting('app.tenant_id', true) AS tenant, current_setting('app.user_id', true) AS "user",
                  current_setting('app.roles', true) AS roles`,
        );
        return { row, settings: settings! };
      } finally {
        await transaction.finish(false);
      }
    };
    const tokenOf = async (username: string) =>
      (await api.agent().login('430100', username)).setCookie
        .find((c) => c.startsWith('xm_session='))!
        .split(';')[0]!;

    const live = await createUser('430100', ['CITY_OFFICER', 'CITY_ADMIN']);
    const liveOpened = await opened(await tokenOf(live.username));
    expect(liveOpened.row?.user_id).toBe(live.id);
    expect(liveOpened.settings).toEqual({
      tenant: live.tenantId,
      user: live.id,
      roles: 'CITY_OFFICER,CITY_ADMIN',
    });

    const revoked = await createUser('430100', ['CITY_OFFICER']);
    const revokedToken = await tokenOf(revoked.username);
    await asAdmin((c) =>
      c.query('UPDATE user_session SET revoked_at = now() WHERE user_id = $1', [revoked.id]),
    );
    const revokedOpened = await opened(revokedToken);
    expect(revokedOpened.row?.revoked_at).not.toBeNull();
    expect(revokedOpened.settings.tenant || null).toBeNull();
    expect(revokedOpened.settings.user || null).toBeNull();

    const disabled = await createUser('430100', ['CITY_OFFICER']);
    const disabledToken = await tokenOf(disabled.username);
    await asAdmin((c) => c.query('UPDATE app_user SET disabled_at = now() WHERE id = $1', [disabled.id]));
    const disabledOpened = await opened(disabledToken);
    expect(disabledOpened.row?.disabled).toBe(true);
    expect(disabledOpened.settings.tenant || null).toBeNull();

    const unknown = await opened('xm_session=' + 'A'.repeat(43));
    expect(unknown.row).toBeNull();
    expect(unknown.settings.tenant || null).toBeNull();
  });

  it('issues a new session identifier at every sign-in', async () => {
    const user = await createUser('430100', ['CITY_OFFICER']);
    const agent = api.agent();
    const first = (await agent.login('430100', user.username)).setCookie[0];
    const second = (await agent.login('430100', user.username)).setCookie[0];
    expect(first).toBeDefined();
    expect(second).not.toBe(first);
  });

  it('throttles an account with growing delays after repeated failures, without locking the user out for good', async () => {
    const user = await createUser('430300', ['CITY_OFFICER']);
    const agent = api.agent();
    const codes: unknown[] = [];
    for (let i = 0; i < 101; i += 1) {
      codes.push(errorCode(await agent.login('430300', user.username, 'Wrong@Pass2026')));
    }
    expect(codes.slice(0, 5)).toEqual(Array(5).fill('LOGIN_FAILED'));
    expect(codes).toContain('LOGIN_THROTTLED');
    const throttled = await agent.login('430300', user.username, PASSWORD);
    expect(errorCode(throttled)).toBe('LOGIN_THROTTLED');
    const wait = throttled.errors?.[0]?.extensions?.retryAfterSeconds as number;
    expect(wait).toBeGreaterThan(0);
    clock.advance((wait + 1) * 1000);
    const later = await agent.login('430300', user.username, PASSWORD);
    expect(later.errors).toBeUndefined();
  });

  it('hears at most one login per operation, however many aliases it holds', async () => {
    const user = await createUser('430400', ['CITY_OFFICER']);
    const aliases = Array.from(
      { length: 100 },
      (_, i) =>
        `a${i}: login(input: { tenantCode: "430400", username: "${user.username}", password: "Guess@${i}xxxx" }) { id }`,
    ).join('\n');
    const res = await api.agent().send(`mutation { ${aliases} }`);
    expect(res.data ?? null).toBeNull();
    const failures = await asAdmin(async (c) => {
      const { rows } = await c.query<{ failures: number }>(
        'SELECT failures FROM sign_in_throttle WHERE key = $1',
        [`account:430400:${user.username}`],
      );
      return rows[0]?.failures ?? 0;
    });
    expect(failures).toBeLessThanOrEqual(1);
  });

  it('stores password hashes as argon2id at or above m=19456, t=2, p=1', async () => {
    const hashes = await asAdmin(
      async (c) => (await c.query<{ password_hash: string }>('SELECT password_hash FROM app_user')).rows,
    );
    expect(hashes.length).toBeGreaterThan(0);
    const belowPolicy = hashes.filter(({ password_hash }) => {
      const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(password_hash);
      return !match || Number(match[1]) < 19456 || Number(match[2]) < 2 || Number(match[3]) < 1;
    });
    expect(belowPolicy).toEqual([]);
  });
});
