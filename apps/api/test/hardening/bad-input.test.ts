import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  asAdmin,
  createUser,
  type GraphqlAgent,
  type GraphqlResponse,
  PASSWORD,
  resetSignInThrottle,
  signedInAgent,
  startTestApi,
  type TestApi,
  type TestUser,
} from '../support/harness';

// Bad input per mutation: each answer names the field and the rule that failed (or gives the
// documented code), never a 5xx, and nothing is written.

const OPERATIONS = {
  createUser: 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }',
  createCityAdmin: 'mutation ($input: CreateCityAdminInput!) { createCityAdmin(input: $input) { id } }',
  resetUserPassword: 'mutation ($input: ResetUserPasswordInput!) { resetUserPassword(input: $input) { id } }',
  changeOwnPassword: 'mutation ($input: ChangeOwnPasswordInput!) { changeOwnPassword(input: $input) }',
  login: 'mutation ($input: LoginInput!) { login(input: $input) { id } }',
} as const;

type Mutation = keyof typeof OPERATIONS;

type Fixture = { cityAdmin: TestUser; officer: TestUser; target: TestUser; taken: TestUser };

type BadInput = {
  mutation: Mutation;
  name: string;
  input: (f: Fixture) => Record<string, unknown>;
  code: string;
  /** [field, rule] pairs the answer must name, exactly. */
  violations?: [string, string][];
};

const VALID_PASSWORD = 'Valid@Pass2026';
const fresh = () => `new${randomBytes(3).toString('hex')}`;
const newUser = (over: Record<string, unknown>) => () => ({
  username: fresh(),
  displayName: '张伟',
  roles: ['CITY_OFFICER'],
  password: VALID_PASSWORD,
  ...over,
});
const newCityAdmin = (over: Record<string, unknown>) => () => ({
  tenantCode: '430100',
  username: fresh(),
  displayName: '长沙管理员',
  password: VALID_PASSWORD,
  ...over,
});

const TABLE: BadInput[] = [
  // createUser, by a city admin
  {
    mutation: 'createUser',
    name: 'short password',
    input: newUser({ password: 'Ab1!xyz' }),
    code: 'BAD_USER_INPUT',
    violations: [['password', 'TOO_SHORT']],
  },
  {
    mutation: 'createUser',
    name: 'too long password',
    input: newUser({ password: `Aa1!${'x'.repeat(125)}` }),
    code: 'BAD_USER_INPUT',
    violations: [['password', 'TOO_LONG']],
  },
  {
    mutation: 'createUser',
    name: 'password of one character class',
    input: newUser({ password: 'abcdefghijkl' }),
    code: 'BAD_USER_INPUT',
    violations: [['password', 'TOO_FEW_CHARACTER_CLASSES']],
  },
  {
    mutation: 'createUser',
    name: 'password contains the username',
    input: newUser({ username: 'zhangwei', password: 'Zhangwei@2026' }),
    code: 'BAD_USER_INPUT',
    violations: [['password', 'CONTAINS_USERNAME']],
  },
  {
    mutation: 'createUser',
    name: 'Chinese username',
    input: newUser({ username: '张伟' }),
    code: 'BAD_USER_INPUT',
    violations: [['username', 'INVALID_USERNAME']],
  },
  {
    mutation: 'createUser',
    name: 'username starting with a digit',
    input: newUser({ username: '1admin' }),
    code: 'BAD_USER_INPUT',
    violations: [['username', 'INVALID_USERNAME']],
  },
  {
    mutation: 'createUser',
    name: 'username with a space',
    input: newUser({ username: 'zhang wei' }),
    code: 'BAD_USER_INPUT',
    violations: [['username', 'INVALID_USERNAME']],
  },
  {
    mutation: 'createUser',
    name: 'username too short',
    input: newUser({ username: 'ab' }),
    code: 'BAD_USER_INPUT',
    violations: [['username', 'INVALID_USERNAME']],
  },
  {
    mutation: 'createUser',
    name: 'empty display name',
    input: newUser({ displayName: '   ' }),
    code: 'BAD_USER_INPUT',
    violations: [['displayName', 'DISPLAY_NAME_REQUIRED']],
  },
  {
    mutation: 'createUser',
    name: 'display name too long',
    input: newUser({ displayName: '长'.repeat(41) }),
    code: 'BAD_USER_INPUT',
    violations: [['displayName', 'DISPLAY_NAME_TOO_LONG']],
  },
  {
    mutation: 'createUser',
    name: 'no role',
    input: newUser({ roles: [] }),
    code: 'BAD_USER_INPUT',
    violations: [['roles', 'EMPTY']],
  },
  {
    mutation: 'createUser',
    name: 'role of the province tier',
    input: newUser({ roles: ['PROVINCE_OFFICER'] }),
    code: 'BAD_USER_INPUT',
    violations: [['roles', 'NOT_FOR_LEVEL']],
  },
  {
    mutation: 'createUser',
    name: 'expert and officer together',
    input: newUser({ roles: ['EXPERT', 'CITY_OFFICER'] }),
    code: 'BAD_USER_INPUT',
    violations: [['roles', 'EXPERT_EXCLUSIVE']],
  },
  {
    mutation: 'createUser',
    name: 'everything wrong at once',
    input: newUser({ username: '张伟', displayName: '', password: 'short', roles: [] }),
    code: 'BAD_USER_INPUT',
    violations: [
      ['username', 'INVALID_USERNAME'],
      ['displayName', 'DISPLAY_NAME_REQUIRED'],
      ['password', 'TOO_SHORT'],
      ['password', 'TOO_FEW_CHARACTER_CLASSES'],
      ['roles', 'EMPTY'],
    ],
  },
  {
    mutation: 'createUser',
    name: 'username taken',
    input: (f) => newUser({ username: f.taken.username })(),
    code: 'USERNAME_TAKEN',
    violations: [['username', 'USERNAME_TAKEN']],
  },
  // createCityAdmin, by the province admin
  {
    mutation: 'createCityAdmin',
    name: 'unknown tenant code',
    input: newCityAdmin({ tenantCode: '439999' }),
    code: 'BAD_USER_INPUT',
    violations: [['tenantCode', 'UNKNOWN_TENANT']],
  },
  {
    mutation: 'createCityAdmin',
    name: 'tenant code of the province',
    input: newCityAdmin({ tenantCode: '430000' }),
    code: 'BAD_USER_INPUT',
    violations: [['tenantCode', 'NOT_A_CHILD_TENANT']],
  },
  {
    mutation: 'createCityAdmin',
    name: 'tenant code not a code',
    input: newCityAdmin({ tenantCode: "430100' OR '1'='1" }),
    code: 'BAD_USER_INPUT',
    violations: [['tenantCode', 'UNKNOWN_TENANT']],
  },
  {
    mutation: 'createCityAdmin',
    name: 'short password',
    input: newCityAdmin({ password: 'Ab1!' }),
    code: 'BAD_USER_INPUT',
    violations: [['password', 'TOO_SHORT']],
  },
  {
    mutation: 'createCityAdmin',
    name: 'bad username',
    input: newCityAdmin({ username: 'Admin!' }),
    code: 'BAD_USER_INPUT',
    violations: [['username', 'INVALID_USERNAME']],
  },
  {
    mutation: 'createCityAdmin',
    name: 'empty display name',
    input: newCityAdmin({ displayName: '' }),
    code: 'BAD_USER_INPUT',
    violations: [['displayName', 'DISPLAY_NAME_REQUIRED']],
  },
  {
    mutation: 'createCityAdmin',
    name: 'username taken in that city',
    input: (f) => newCityAdmin({ username: f.taken.username })(),
    code: 'USERNAME_TAKEN',
    violations: [['username', 'USERNAME_TAKEN']],
  },
  // resetUserPassword, by the city admin
  {
    mutation: 'resetUserPassword',
    name: 'short password',
    input: (f) => ({ userId: f.target.id, newPassword: 'Ab1!' }),
    code: 'BAD_USER_INPUT',
    violations: [['newPassword', 'TOO_SHORT']],
  },
  {
    mutation: 'resetUserPassword',
    name: 'password of two character classes',
    input: (f) => ({ userId: f.target.id, newPassword: 'abcdefgh1234' }),
    code: 'BAD_USER_INPUT',
    violations: [['newPassword', 'TOO_FEW_CHARACTER_CLASSES']],
  },
  {
    mutation: 'resetUserPassword',
    name: 'password contains the username',
    input: (f) => ({ userId: f.target.id, newPassword: `${f.target.username.toUpperCase()}@x2026` }),
    code: 'BAD_USER_INPUT',
    violations: [['newPassword', 'CONTAINS_USERNAME']],
  },
  {
    mutation: 'resetUserPassword',
    name: 'unknown user',
    input: () => ({ userId: '00000000-0000-4000-8000-000000000000', newPassword: VALID_PASSWORD }),
    code: 'NOT_FOUND',
  },
  {
    mutation: 'resetUserPassword',
    name: 'user id not an id',
    input: () => ({ userId: "1' OR '1'='1", newPassword: VALID_PASSWORD }),
    code: 'NOT_FOUND',
  },
  // changeOwnPassword, by an officer
  {
    mutation: 'changeOwnPassword',
    name: 'wrong current password',
    input: () => ({ currentPassword: 'Wrong@Pass2026', newPassword: VALID_PASSWORD }),
    code: 'BAD_USER_INPUT',
    violations: [['currentPassword', 'WRONG_PASSWORD']],
  },
  {
    mutation: 'changeOwnPassword',
    name: 'short new password',
    input: () => ({ currentPassword: PASSWORD, newPassword: 'Ab1!' }),
    code: 'BAD_USER_INPUT',
    violations: [['newPassword', 'TOO_SHORT']],
  },
  {
    mutation: 'changeOwnPassword',
    name: 'new password contains the username',
    input: (f) => ({ currentPassword: PASSWORD, newPassword: `X${f.officer.username}@2026` }),
    code: 'BAD_USER_INPUT',
    violations: [['newPassword', 'CONTAINS_USERNAME']],
  },
  // login: one answer for every failure, so it says nothing about which part was wrong
  {
    mutation: 'login',
    name: 'unknown tenant code',
    input: (f) => ({ tenantCode: '439999', username: f.officer.username, password: PASSWORD }),
    code: 'LOGIN_FAILED',
  },
  {
    mutation: 'login',
    name: 'another tenant',
    input: (f) => ({ tenantCode: '430200', username: f.officer.username, password: PASSWORD }),
    code: 'LOGIN_FAILED',
  },
  {
    mutation: 'login',
    name: 'wrong password',
    input: (f) => ({ tenantCode: '430100', username: f.target.username, password: 'Wrong@Pass2026' }),
    code: 'LOGIN_FAILED',
  },
  {
    mutation: 'login',
    name: 'empty everything',
    input: () => ({ tenantCode: '', username: '', password: '' }),
    code: 'LOGIN_FAILED',
  },
  {
    mutation: 'login',
    name: 'oversized fields',
    input: () => ({ tenantCode: '4'.repeat(5000), username: 'u'.repeat(5000), password: 'p'.repeat(50_000) }),
    code: 'LOGIN_FAILED',
  },
];

// Inputs that do not fit the schema's types: refused before any resolver runs.
const WRONG_SHAPE: { mutation: Mutation; name: string; input: Record<string, unknown> }[] = [
  {
    mutation: 'createUser',
    name: 'unknown role',
    input: { username: 'shape.a', displayName: 'x', roles: ['ROOT'], password: VALID_PASSWORD },
  },
  {
    mutation: 'createUser',
    name: 'missing password',
    input: { username: 'shape.b', displayName: 'x', roles: ['CITY_OFFICER'] },
  },
  {
    mutation: 'createUser',
    name: 'password not a string',
    input: { username: 'shape.c', displayName: 'x', roles: ['CITY_OFFICER'], password: 12345678901 },
  },
  {
    mutation: 'createUser',
    name: 'extra field',
    input: {
      username: 'shape.d',
      displayName: 'x',
      roles: ['CITY_OFFICER'],
      password: VALID_PASSWORD,
      tenantId: 'x',
    },
  },
  {
    mutation: 'login',
    name: 'null password',
    input: { tenantCode: '430100', username: 'x', password: null },
  },
  {
    mutation: 'resetUserPassword',
    name: 'user id as an object',
    input: { userId: { id: 1 }, newPassword: VALID_PASSWORD },
  },
];

/**
 * Everything a bad input could have written: users, sessions, audit events. (Failed sign-ins are
 * meant to be counted in sign_in_throttle, outside the request's transaction.)
 */
async function fingerprint(): Promise<string> {
  return asAdmin(async (c) => {
    const { rows } = await c.query<{ users: string; sessions: string; events: string }>(`
      SELECT (SELECT md5(coalesce(string_agg(u::text, ',' ORDER BY u.id), '')) FROM app_user u) AS users,
             (SELECT md5(coalesce(string_agg(s::text, ',' ORDER BY s.id), '')) FROM user_session s) AS sessions,
             (SELECT count(*) || ':' || coalesce(max(id), 0) FROM audit_event) AS events`);
    return JSON.stringify(rows[0]);
  });
}

describe('bad input', () => {
  let api: TestApi;
  let fixture: Fixture;
  let agents: Record<Mutation, () => GraphqlAgent>;
  const started = new Date();

  beforeAll(async () => {
    await resetSignInThrottle();
    api = await startTestApi();
    const provinceAdmin = await createUser('430000', ['PROVINCE_ADMIN']);
    fixture = {
      cityAdmin: await createUser('430100', ['CITY_ADMIN']),
      officer: await createUser('430100', ['CITY_OFFICER']),
      target: await createUser('430100', ['CITY_OFFICER'], 'target'),
      taken: await createUser('430100', ['CITY_OFFICER'], 'taken'),
    };
    const cityAdmin = await signedInAgent(api, fixture.cityAdmin);
    const province = await signedInAgent(api, provinceAdmin);
    const officer = await signedInAgent(api, fixture.officer);
    agents = {
      createUser: () => cityAdmin,
      createCityAdmin: () => province,
      resetUserPassword: () => cityAdmin,
      changeOwnPassword: () => officer,
      login: () => api.agent(),
    };
  });
  afterAll(async () => {
    await api.close();
    // Its failed sign-ins are this file's own; later files start from no failures either.
    await asAdmin((c) =>
      c.query(`DELETE FROM sign_in_throttle WHERE key LIKE 'address:%' OR last_failure_at >= $1`, [started]),
    );
  });

  it('names the field and rule, answers 200, and writes nothing, for every bad input', async () => {
    const unclear: string[] = [];
    let serverErrors = 0;
    for (const row of TABLE) {
      const label = `${row.mutation} / ${row.name}`;
      const before = await fingerprint();
      const res: GraphqlResponse = await agents[row.mutation]().send(OPERATIONS[row.mutation], {
        input: row.input(fixture),
      });
      if (res.status >= 500) serverErrors += 1;
      const error = res.errors?.[0];
      const violations = (error?.extensions?.violations ?? []) as {
        field: string;
        rule: string;
        message: string;
      }[];
      const named = violations.map((v) => [v.field, v.rule]);
      if (res.status !== 200 || res.errors?.length !== 1 || (res.data ?? null) !== null) {
        unclear.push(`${label}: ${res.status} ${JSON.stringify(res.errors)}`);
      } else if (error?.extensions?.code !== row.code) {
        unclear.push(`${label}: code ${String(error?.extensions?.code)}, expected ${row.code}`);
      } else if (JSON.stringify(named) !== JSON.stringify(row.violations ?? [])) {
        unclear.push(`${label}: violations ${JSON.stringify(named)}`);
      } else if (violations.some((v) => !v.message || v.message === v.rule)) {
        unclear.push(`${label}: a violation without a message`);
      } else if (row.code === 'BAD_USER_INPUT' && !error.message.startsWith(`${row.violations![0]![0]}:`)) {
        unclear.push(`${label}: message "${error.message}" does not name the field`);
      }
      if ((await fingerprint()) !== before) unclear.push(`${label}: something was written`);
    }
    expect(unclear).toEqual([]);
    expect(serverErrors).toBe(0);
  });

  it('refuses input of the wrong shape as a bad request (4xx), writing nothing', async () => {
    const before = await fingerprint();
    const unclear: string[] = [];
    for (const row of WRONG_SHAPE) {
      const res = await agents[row.mutation]().send(OPERATIONS[row.mutation], { input: row.input });
      if (res.status !== 400 || res.errors?.[0]?.extensions?.code !== 'BAD_USER_INPUT' || res.data) {
        unclear.push(`${row.mutation} / ${row.name}: ${res.status} ${JSON.stringify(res.errors)}`);
      }
    }
    expect(unclear).toEqual([]);
    expect(await fingerprint()).toBe(before);
  });

  it('refuses a body over the size limit with 413, not a server error', async () => {
    const before = await fingerprint();
    const res = await api
      .agent()
      .raw()
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({
        query: OPERATIONS.login,
        variables: { input: { tenantCode: '430100', username: 'x', password: 'p'.repeat(200_000) } },
      });
    expect(res.status).toBe(413);
    expect(await fingerprint()).toBe(before);
  });

  it('still accepts the valid input the table varies', async () => {
    const res = await agents.createUser().send<{ createUser: { id: string } }>(OPERATIONS.createUser, {
      input: newUser({})(),
    });
    expect(res.errors).toBeUndefined();
    const city = await agents
      .createCityAdmin()
      .send(OPERATIONS.createCityAdmin, { input: newCityAdmin({})() });
    expect(city.errors).toBeUndefined();
  });
});
