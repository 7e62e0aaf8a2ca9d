import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  asAdmin,
  createUser,
  errorCode,
  type GraphqlAgent,
  resetSignInThrottle,
  signedInAgent,
  startTestApi,
  type TestApi,
  type TestUser,
} from '../support/harness';

// An admin changes the roles of the tenant's accounts: within the roles of the tier, never their
// own admin role away, never another tenant's account (not found); officers and experts cannot.

const SET_ROLES = `mutation($input: SetUserRolesInput!) { setUserRoles(input: $input) { id roles } }`;
const ZHUZHOU = '430200';
const CHANGSHA = '430100';

let api: TestApi;
let admin: TestUser;
let adminAgent: GraphqlAgent;
let officer: TestUser;
let officerAgent: GraphqlAgent;
let otherCityOfficer: TestUser;

beforeAll(async () => {
  await resetSignInThrottle();
  api = await startTestApi();
  admin = await createUser(ZHUZHOU, ['CITY_ADMIN'], 'ra');
  officer = await createUser(ZHUZHOU, ['CITY_OFFICER'], 'ro');
  otherCityOfficer = await createUser(CHANGSHA, ['CITY_OFFICER'], 'rc');
  adminAgent = await signedInAgent(api, admin);
  officerAgent = await signedInAgent(api, officer);
});

afterAll(async () => {
  await api?.close();
});

const setRoles = (agent: GraphqlAgent, userId: string, roles: string[]) =>
  agent.send<{ setUserRoles: { id: string; roles: string[] } }>(SET_ROLES, { input: { userId, roles } });

describe('setUserRoles', () => {
  it('lets an admin make an officer an admin too, recorded in the audit trail', async () => {
    const res = await setRoles(adminAgent, officer.id, ['CITY_OFFICER', 'CITY_ADMIN']);
    expect(res.errors).toBeUndefined();
    expect(res.data?.setUserRoles.roles.sort()).toEqual(['CITY_ADMIN', 'CITY_OFFICER']);
    const audit = await asAdmin((c) =>
      c.query<{ before: { roles: string[] }; after: { roles: string[] } }>(
        `SELECT before, after FROM audit_event WHERE action = 'user.set_roles' AND subject_id = $1`,
        [officer.id],
      ),
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]!.before.roles).toEqual(['CITY_OFFICER']);
    // The new role holds from the next request on: the officer now reads the tenant's users.
    const users = await officerAgent.send<{ users: { id: string }[] }>('{ users { id } }');
    expect(users.errors).toBeUndefined();
    expect((await setRoles(adminAgent, officer.id, ['CITY_OFFICER'])).errors).toBeUndefined();
  });

  it.each([
    [['PROVINCE_OFFICER'], 'NOT_FOR_LEVEL'],
    [[], 'EMPTY'],
    [['EXPERT', 'CITY_OFFICER'], 'EXPERT_EXCLUSIVE'],
  ])('refuses %j naming the roles field (%s)', async (roles, rule) => {
    const res = await setRoles(adminAgent, officer.id, roles);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(res.errors)).toContain(rule);
  });

  it('refuses to take the acting admin’s own admin role away', async () => {
    expect(errorCode(await setRoles(adminAgent, admin.id, ['CITY_OFFICER']))).toBe('CANNOT_DEMOTE_SELF');
  });

  it('answers not found for another city’s account, and forbids officers', async () => {
    expect(errorCode(await setRoles(adminAgent, otherCityOfficer.id, ['CITY_ADMIN']))).toBe('NOT_FOUND');
    expect(errorCode(await setRoles(officerAgent, officer.id, ['CITY_ADMIN']))).toBe('FORBIDDEN');
  });
});
