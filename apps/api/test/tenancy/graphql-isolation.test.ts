import type { Role } from '@xiangmeng/domain';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  asAdmin,
  createUser,
  errorCode,
  type GraphqlAgent,
  type GraphqlResponse,
  resetSignInThrottle,
  signedInAgent,
  startTestApi,
  type TestApi,
  type TestUser,
} from '../support/harness';
import { cellTally, MATRIX_TIERS, type Tier } from '../support/tenancy-fixtures';

// The cross-tenant matrix through GraphQL: the province and two cities, an admin and an officer
// of each. Another tenant's user is answered exactly like an id that does not exist, and nothing
// of it changes.

const USERS = '{ users { id username tenant { code } } }';
const DIVISIONS = '{ divisions { tenant { code } userCount allianceCount } }';
const SET_USER_DISABLED =
  'mutation ($userId: ID!) { setUserDisabled(input: { userId: $userId, disabled: true }) { id disabled } }';
const RESET_USER_PASSWORD =
  'mutation ($userId: ID!) { resetUserPassword(input: { userId: $userId, newPassword: "Reset#Pass2027" }) { id } }';
const CREATE_CITY_ADMIN =
  'mutation ($input: CreateCityAdminInput!) { createCityAdmin(input: $input) { id username roles tenant { code } } }';

type Kind = 'admin' | 'officer';
const ROLE: Record<Tier['level'], Record<Kind, Role>> = {
  PROVINCE: { admin: 'PROVINCE_ADMIN', officer: 'PROVINCE_OFFICER' },
  CITY: { admin: 'CITY_ADMIN', officer: 'CITY_OFFICER' },
};
const KINDS: Kind[] = ['admin', 'officer'];
const MUTATIONS = { setUserDisabled: SET_USER_DISABLED, resetUserPassword: RESET_USER_PASSWORD } as const;
type Mutation = keyof typeof MUTATIONS;

type Actor = { tier: Tier; kind: Kind; user: TestUser; agent: GraphqlAgent };

let api: TestApi;
const actors = new Map<string, Actor>();
// An officer of each tenant with a live session: the user other tenants try to change.
const targets = new Map<string, TestUser>();

function actor(tier: Tier, kind: Kind): Actor {
  const found = actors.get(`${tier.code}:${kind}`);
  if (!found) throw new Error(`no ${kind} of ${tier.code}`);
  return found;
}

function target(tier: Tier): TestUser {
  const found = targets.get(tier.code);
  if (!found) throw new Error(`no target user of ${tier.code}`);
  return found;
}

/** All a client learns from an answer. */
function answer(res: GraphqlResponse) {
  return { status: res.status, data: res.data ?? null, errors: res.errors };
}

async function usersOfTenant(code: string): Promise<string[]> {
  return asAdmin(async (db) => {
    const { rows } = await db.query<{ id: string }>(
      'SELECT u.id FROM app_user u JOIN tenant t ON t.id = u.tenant_id WHERE t.code = $1 ORDER BY u.id',
      [code],
    );
    return rows.map((r) => r.id);
  });
}

/** Everything a change to the account could touch: the row, its sessions, audit events naming it. */
async function accountState(userId: string) {
  return asAdmin(async (db) => {
    const { rows } = await db.query(
      `SELECT u.disabled_at, u.password_hash, u.password_changed_at, u.roles,
              (SELECT json_agg(json_build_object('id', s.id, 'revoked_at', s.revoked_at) ORDER BY s.id)
                 FROM user_session s WHERE s.user_id = u.id) AS sessions,
              (SELECT count(*)::int FROM audit_event a WHERE a.subject_id = u.id::text) AS audit_events
         FROM app_user u WHERE u.id = $1`,
      [userId],
    );
    return rows[0] as Record<string, unknown>;
  });
}

const actorCases = MATRIX_TIERS.flatMap((tier) => KINDS.map((kind) => ({ tier, kind })));
const name = (tier: Tier, kind: Kind) => `${tier.name} ${ROLE[tier.level][kind]}`;

beforeAll(async () => {
  // Sign-in failures recorded by earlier files (under their own clocks) must not throttle ours.
  await resetSignInThrottle();
  api = await startTestApi();
  for (const tier of MATRIX_TIERS) {
    for (const kind of KINDS) {
      const user = await createUser(tier.code, [ROLE[tier.level][kind]], 'gq');
      actors.set(`${tier.code}:${kind}`, { tier, kind, user, agent: await signedInAgent(api, user) });
    }
    const user = await createUser(tier.code, [ROLE[tier.level].officer], 'tg');
    await signedInAgent(api, user);
    targets.set(tier.code, user);
  }
});

afterAll(async () => {
  await api.close();
});

const { cells } = cellTally('tenancy GraphQL matrix');

describe('users lists own-tenant users only (admins); officers may not list users', () => {
  cells(
    actorCases,
    ({ tier, kind }) =>
      kind === 'admin'
        ? `${name(tier, kind)}: exactly ${tier.name}'s users, none of another tenant`
        : `${name(tier, kind)}: FORBIDDEN`,
    async ({ tier, kind }) => {
      const res = await actor(tier, kind).agent.send<{ users: { id: string }[] }>(USERS);
      if (kind === 'officer') {
        expect(errorCode(res)).toBe('FORBIDDEN');
        expect(res.data ?? null).toBeNull();
        return;
      }
      expect(res.errors).toBeUndefined();
      const listed = res.data!.users.map((u) => u.id).sort();
      const own = await usersOfTenant(tier.code);
      expect(listed.filter((id) => !own.includes(id))).toEqual([]);
      expect(listed).toEqual(own);
    },
  );
});

describe("naming another tenant's user answers exactly like a random id, and changes nothing", () => {
  cells(
    actorCases.flatMap(({ tier, kind }) =>
      (Object.keys(MUTATIONS) as Mutation[]).flatMap((mutation) =>
        MATRIX_TIERS.filter((other) => other.code !== tier.code).map((other) => ({
          tier,
          kind,
          mutation,
          other,
        })),
      ),
    ),
    ({ tier, kind, mutation, other }) =>
      `${name(tier, kind)} ${mutation}(${other.name}'s user) = ${mutation}(random id) = ${kind === 'admin' ? 'NOT_FOUND' : 'FORBIDDEN'}`,
    async ({ tier, kind, mutation, other }) => {
      const { agent } = actor(tier, kind);
      const victim = target(other);
      const before = await accountState(victim.id);
      const named = answer(await agent.send(MUTATIONS[mutation], { userId: victim.id }));
      const random = answer(await agent.send(MUTATIONS[mutation], { userId: randomUUID() }));
      expect(named).toEqual(random);
      expect(named.errors?.[0]?.extensions?.code).toBe(kind === 'admin' ? 'NOT_FOUND' : 'FORBIDDEN');
      expect(await accountState(victim.id)).toEqual(before);
    },
  );

  // Control: the same mutations reach a user of the admin's own tenant.
  cells(
    MATRIX_TIERS.flatMap((tier) =>
      (Object.keys(MUTATIONS) as Mutation[]).map((mutation) => ({ tier, mutation })),
    ),
    ({ tier, mutation }) => `${name(tier, 'admin')} ${mutation}(own tenant's user) succeeds (control)`,
    async ({ tier, mutation }) => {
      const user = await createUser(tier.code, [ROLE[tier.level].officer], 'ct');
      const res = await actor(tier, 'admin').agent.send<Record<string, { id: string }>>(MUTATIONS[mutation], {
        userId: user.id,
      });
      expect(res.errors).toBeUndefined();
      expect(res.data?.[mutation]?.id).toBe(user.id);
    },
  );
});

describe('the province tier: aggregates of its cities, never their rows', () => {
  const cities = MATRIX_TIERS.filter((t) => t.level === 'CITY');

  cells(
    cities.flatMap((tier) =>
      KINDS.flatMap((kind) => [
        { tier, kind, query: 'createCityAdmin' as const },
        { tier, kind, query: 'divisions' as const },
      ]),
    ),
    ({ tier, kind, query }) => `${name(tier, kind)}: ${query} is FORBIDDEN`,
    async ({ tier, kind, query }) => {
      const username = `cx${randomUUID().slice(0, 8)}`;
      const res =
        query === 'divisions'
          ? await actor(tier, kind).agent.send(DIVISIONS)
          : await actor(tier, kind).agent.send(CREATE_CITY_ADMIN, {
              input: {
                tenantCode: '430200',
                username,
                displayName: '越权管理员',
                password: 'Admin#Pass2027',
              },
            });
      expect(errorCode(res)).toBe('FORBIDDEN');
      expect(res.data ?? null).toBeNull();
      expect(
        await asAdmin(
          async (db) => (await db.query('SELECT 1 FROM app_user WHERE username = $1', [username])).rowCount,
        ),
      ).toBe(0);
    },
  );

  cells(
    KINDS,
    (kind) =>
      `${name(MATRIX_TIERS[0]!, kind)}: divisions gives each city's user count, which matches the database`,
    async (kind) => {
      const res = await actor(MATRIX_TIERS[0]!, kind).agent.send<{
        divisions: { tenant: { code: string }; userCount: number }[];
      }>(DIVISIONS);
      expect(res.errors).toBeUndefined();
      const counts = await asAdmin(async (db) => {
        const { rows } = await db.query<{ code: string; n: number }>(
          `SELECT t.code, count(u.id)::int AS n FROM tenant t LEFT JOIN app_user u ON u.tenant_id = t.id
            WHERE t.level = 'CITY' GROUP BY t.code ORDER BY t.code`,
        );
        return rows.map((r) => ({ tenant: { code: r.code }, userCount: r.n }));
      });
      expect(res.data!.divisions.map((d) => ({ tenant: d.tenant, userCount: d.userCount }))).toEqual(counts);
    },
  );

  it('DivisionSummary holds aggregates only: no field lists or names a record', async () => {
    const res = await actor(MATRIX_TIERS[0]!, 'admin').agent.send<{
      __type: {
        fields: {
          name: string;
          type: { kind: string; name: string | null; ofType: { name: string | null } | null };
        }[];
      };
    }>('{ __type(name: "DivisionSummary") { fields { name type { kind name ofType { name } } } } }');
    const fields = res
      .data!.__type.fields.map((f) => `${f.name}: ${f.type.ofType?.name ?? f.type.name}`)
      .sort();
    expect(fields).toEqual([
      'allianceCount: Int',
      'cityPilotCount: Int',
      'establishedCount: Int',
      'provincialPilotCount: Int',
      'tenant: Tenant',
      'userCount: Int',
    ]);
  });

  cells(
    [
      { tenantCode: '430100', expected: 'created' },
      { tenantCode: '430000', expected: 'NOT_A_CHILD_TENANT' },
      { tenantCode: '439999', expected: 'UNKNOWN_TENANT' },
    ],
    ({ tenantCode, expected }) =>
      `湖南省 PROVINCE_ADMIN createCityAdmin(${tenantCode}) → ${expected === 'created' ? 'a CITY_ADMIN of 430100' : `BAD_USER_INPUT tenantCode ${expected}`}`,
    async ({ tenantCode, expected }) => {
      const province = actor(MATRIX_TIERS[0]!, 'admin');
      const username = `ca${randomUUID().slice(0, 8)}`;
      const res = await province.agent.send<{ createCityAdmin: { id: string; tenant: { code: string } } }>(
        CREATE_CITY_ADMIN,
        { input: { tenantCode, username, displayName: '市州管理员', password: 'Admin#Pass2027' } },
      );
      const stored = await asAdmin(async (db) => {
        const { rows } = await db.query<{ code: string; roles: string[]; created_by: string | null }>(
          `SELECT t.code, u.roles, u.created_by FROM app_user u JOIN tenant t ON t.id = u.tenant_id WHERE u.username = $1`,
          [username],
        );
        return rows;
      });
      if (expected === 'created') {
        expect(res.errors).toBeUndefined();
        expect(res.data?.createCityAdmin.tenant.code).toBe('430100');
        expect(stored).toEqual([{ code: '430100', roles: ['CITY_ADMIN'], created_by: province.user.id }]);
        // The new admin is 长沙's: the province's own list never shows it; 长沙's does.
        const provinceList = await province.agent.send<{ users: { id: string }[] }>(USERS);
        expect(provinceList.data?.users.map((u) => u.id)).not.toContain(res.data?.createCityAdmin.id);
        const cityAdmin = api.agent();
        expect((await cityAdmin.login('430100', username, 'Admin#Pass2027')).errors).toBeUndefined();
        const cityList = await cityAdmin.send<{ users: { id: string }[] }>(USERS);
        expect(cityList.data?.users.map((u) => u.id).sort()).toEqual(await usersOfTenant('430100'));
        return;
      }
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.extensions?.violations).toEqual([
        expect.objectContaining({ field: 'tenantCode', rule: expected }),
      ]);
      expect(stored).toEqual([]);
    },
  );
});
