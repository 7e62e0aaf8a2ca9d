import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditRows, auditTotal, type AuditRow, breaksOf } from '../support/audit-chain';
import {
  asAdmin,
  createUser,
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

// Every mutation leaves exactly one event in the acting tenant's chain, written by the same
// transaction as the change (same xmin); a mutation that fails leaves neither.

const NEW_PASSWORD = 'Fresh@Pass2026';
const unique = (prefix: string) => `${prefix}.${randomBytes(3).toString('hex')}`;

async function xminOf(table: 'app_user' | 'user_session', id: string): Promise<string> {
  return asAdmin(async (c) => {
    const { rows } = await c.query<{ xmin: string }>(`SELECT xmin::text FROM ${table} WHERE id = $1`, [id]);
    if (!rows[0]) throw new Error(`no ${table} ${id}`);
    return rows[0].xmin;
  });
}

async function latestSession(userId: string): Promise<string> {
  return asAdmin(async (c) => {
    const { rows } = await c.query<{ id: string }>(
      'SELECT id FROM user_session WHERE user_id = $1 ORDER BY created_at DESC, id LIMIT 1',
      [userId],
    );
    return rows[0]!.id;
  });
}

async function userCount(): Promise<number> {
  return asAdmin(
    async (c) => (await c.query<{ n: number }>('SELECT count(*)::int AS n FROM app_user')).rows[0]!.n,
  );
}

/** Runs one mutation and returns the single event it added to `tenant`'s chain. */
async function onlyNewEvent<T>(
  tenant: string,
  run: () => Promise<GraphqlResponse<T>>,
): Promise<{ res: GraphqlResponse<T>; event: AuditRow }> {
  const before = await auditRows(tenant);
  const total = await auditTotal();
  const res = await run();
  expect(res.errors).toBeUndefined();
  const after = await auditRows(tenant);
  expect(await auditTotal(), 'events added anywhere').toBe(total + 1);
  expect(after.length).toBe(before.length + 1);
  const event = after.at(-1)!;
  expect(event.seq).toBe(String(before.length + 1));
  // The audit trail never keeps a password or its hash.
  expect(JSON.stringify(event)).not.toMatch(/argon2|Pass2026/);
  return { res, event };
}

describe('audited mutations', () => {
  let api: TestApi;
  let province: string;
  let provinceAdmin: TestUser;
  let admin: GraphqlAgent;

  beforeAll(async () => {
    await resetSignInThrottle();
    api = await startTestApi();
    province = await tenantId('430000');
    provinceAdmin = await createUser('430000', ['PROVINCE_ADMIN'], 'padm');
    admin = await signedInAgent(api, provinceAdmin);
  });
  afterAll(async () => {
    await api.close();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('login: one event in the user’s tenant, with the session it opened', async () => {
    const user = await createUser('430500', ['CITY_OFFICER']);
    const { event } = await onlyNewEvent(user.tenantId, () => api.agent().login('430500', user.username));
    expect(event).toMatchObject({ action: 'auth.sign_in', actor_user_id: user.id, subject_id: user.id });
    expect(event.xmin).toBe(await xminOf('user_session', await latestSession(user.id)));
  });

  it('logout: one event, with the session it revoked', async () => {
    const user = await createUser('430500', ['CITY_OFFICER']);
    const agent = await signedInAgent(api, user);
    const session = await latestSession(user.id);
    const { event } = await onlyNewEvent(user.tenantId, () => agent.send('mutation { logout }'));
    expect(event).toMatchObject({ action: 'auth.sign_out', actor_user_id: user.id, subject_id: user.id });
    expect(event.xmin).toBe(await xminOf('user_session', session));
  });

  it('createUser: one event, with the account it created', async () => {
    const username = unique('audited');
    const { res, event } = await onlyNewEvent(province, () =>
      admin.send<{ createUser: { id: string } }>(
        'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }',
        {
          input: { username, displayName: '审计测试', roles: ['PROVINCE_OFFICER'], password: NEW_PASSWORD },
        },
      ),
    );
    const id = res.data!.createUser.id;
    expect(event).toMatchObject({ action: 'user.create', actor_user_id: provinceAdmin.id, subject_id: id });
    expect(event.after).toEqual({
      username,
      displayName: '审计测试',
      roles: ['PROVINCE_OFFICER'],
      disabled: false,
    });
    expect(event.xmin).toBe(await xminOf('app_user', id));
  });

  it('setUserDisabled: one event, with the account it changed', async () => {
    const user = await createUser('430000', ['PROVINCE_OFFICER']);
    const { event } = await onlyNewEvent(province, () =>
      admin.send('mutation ($input: SetUserDisabledInput!) { setUserDisabled(input: $input) { id } }', {
        input: { userId: user.id, disabled: true },
      }),
    );
    expect(event).toMatchObject({
      action: 'user.disable',
      actor_user_id: provinceAdmin.id,
      subject_id: user.id,
    });
    expect(event.before).toMatchObject({ disabled: false });
    expect(event.after).toMatchObject({ disabled: true });
    expect(event.xmin).toBe(await xminOf('app_user', user.id));
  });

  it('resetUserPassword: one event, with the account it changed', async () => {
    const user = await createUser('430000', ['PROVINCE_OFFICER']);
    const { event } = await onlyNewEvent(province, () =>
      admin.send('mutation ($input: ResetUserPasswordInput!) { resetUserPassword(input: $input) { id } }', {
        input: { userId: user.id, newPassword: NEW_PASSWORD },
      }),
    );
    expect(event).toMatchObject({
      action: 'user.reset_password',
      actor_user_id: provinceAdmin.id,
      subject_id: user.id,
    });
    expect(event.xmin).toBe(await xminOf('app_user', user.id));
  });

  it('changeOwnPassword: one event, with the account it changed', async () => {
    const user = await createUser('430600', ['CITY_OFFICER']);
    const agent = await signedInAgent(api, user);
    const { event } = await onlyNewEvent(user.tenantId, () =>
      agent.send('mutation ($input: ChangeOwnPasswordInput!) { changeOwnPassword(input: $input) }', {
        input: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
      }),
    );
    expect(event).toMatchObject({
      action: 'user.change_password',
      actor_user_id: user.id,
      subject_id: user.id,
    });
    expect(event.xmin).toBe(await xminOf('app_user', user.id));
  });

  it('createCityAdmin: one event in the province’s chain (the actor’s), none in the city’s', async () => {
    const city = await tenantId('430700');
    const cityEvents = (await auditRows(city)).length;
    const username = unique('changde');
    const { res, event } = await onlyNewEvent(province, () =>
      admin.send<{ createCityAdmin: { id: string } }>(
        'mutation ($input: CreateCityAdminInput!) { createCityAdmin(input: $input) { id } }',
        { input: { tenantCode: '430700', username, displayName: '常德管理员', password: NEW_PASSWORD } },
      ),
    );
    const id = res.data!.createCityAdmin.id;
    expect(event).toMatchObject({
      action: 'user.provision_city_admin',
      actor_user_id: provinceAdmin.id,
      subject_id: id,
    });
    expect(event.xmin).toBe(await xminOf('app_user', id));
    expect((await auditRows(city)).length).toBe(cityEvents);
  });

  describe('a mutation that fails leaves no event and no data', () => {
    const create = (username: string, password = NEW_PASSWORD) =>
      `createUser(input: { username: "${username}", displayName: "回滚测试", roles: [PROVINCE_OFFICER], password: "${password}" }) { id }`;

    async function nothingWritten(run: () => Promise<GraphqlResponse>): Promise<GraphqlResponse> {
      const events = await auditTotal();
      const users = await userCount();
      const res = await run();
      expect(res.errors?.length).toBeGreaterThan(0);
      expect(await auditTotal()).toBe(events);
      expect(await userCount()).toBe(users);
      return res;
    }

    it('createUser with a username already taken', async () => {
      const taken = await createUser('430000', ['PROVINCE_OFFICER']);
      const res = await nothingWritten(() => admin.send(`mutation { ${create(taken.username)} }`));
      expect(errorCode(res)).toBe('USERNAME_TAKEN');
    });

    it('a createUser that succeeded, then a second one in the same operation that failed', async () => {
      const res = await nothingWritten(() =>
        admin.send(
          `mutation { first: ${create(unique('first'))} second: ${create(unique('second'), 'short')} }`,
        ),
      );
      // The first reported an id, but its transaction did not commit.
      expect(res.errors?.[0]?.path).toEqual(['second']);
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
    });

    it('a login that succeeded, then a second login in the same operation', async () => {
      const user = await createUser('430500', ['CITY_OFFICER']);
      const login = `login(input: { tenantCode: "430500", username: "${user.username}", password: "${PASSWORD}" }) { id }`;
      const sessions = async () =>
        asAdmin(
          async (c) => (await c.query('SELECT 1 FROM user_session WHERE user_id = $1', [user.id])).rowCount,
        );
      const res = await nothingWritten(() => api.agent().send(`mutation { a: ${login} b: ${login} }`));
      expect(errorCode(res)).toBe('ONE_LOGIN_PER_OPERATION');
      expect(await sessions()).toBe(0);
    });

    it('a createUser whose audit append fails after the account was written', async () => {
      vi.spyOn(console, 'error').mockImplementation(() => undefined);
      // A real fault, not a hook: the audit function's owner loses its INSERT for one request.
      await asAdmin((c) => c.query('REVOKE INSERT ON audit_event FROM xiangmeng_definer'));
      const username = unique('fails');
      let res: GraphqlResponse;
      try {
        res = await nothingWritten(() => admin.send(`mutation { ${create(username)} }`));
      } finally {
        await asAdmin((c) => c.query('GRANT INSERT ON audit_event TO xiangmeng_definer'));
      }
      expect(errorCode(res)).toBe('INTERNAL_SERVER_ERROR');
      const retry = await admin.send<{ createUser: { id: string } }>(`mutation { ${create(username)} }`);
      expect(retry.errors).toBeUndefined();
    });

    it('changeOwnPassword with the wrong current password', async () => {
      const user = await createUser('430600', ['CITY_OFFICER']);
      const agent = await signedInAgent(api, user);
      const res = await nothingWritten(() =>
        agent.send('mutation ($input: ChangeOwnPasswordInput!) { changeOwnPassword(input: $input) }', {
          input: { currentPassword: 'Wrong@Pass2026', newPassword: NEW_PASSWORD },
        }),
      );
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
    });
  });

  it('leaves every chain it touched intact', async () => {
    for (const code of ['430000', '430500', '430600', '430700']) expect(await breaksOf(code)).toEqual([]);
  });
});
