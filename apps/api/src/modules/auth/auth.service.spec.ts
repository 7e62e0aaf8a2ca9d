import type { Request, Response } from 'express';
import type { EntityManager } from 'typeorm';
import { describe, expect, it } from 'vitest';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import type { AuditEntry, AuditService } from '../audit/audit.service';
import type { PasswordHasher } from '../sessions/password-hasher';
import type { SessionsService } from '../sessions/sessions.service';
import type { UserModel } from '../users/user.model';
import type { UsersService } from '../users/users.service';
import { AuthService } from './auth.service';
import type { SignInAccount, SignInRepository } from './sign-in.repository';
import type { SignInThrottleService, ThrottleKeys } from './sign-in-throttle.service';

// Sign-in's decisions with the sign-in pool, sessions and users stubbed: one attempt per operation,
// the throttle heard before any account is read, one answer for every failure, and a success that
// opens a session under the account's own identity. test/auth.test.ts and test/hardening cover the
// SQL, the cookie on the wire and the pools.

const PASSWORD = 'Xiangmeng#2026';
const now = new Date('2026-12-05T02:00:00Z');

function account(overrides: Partial<SignInAccount> = {}): SignInAccount {
  return {
    user_id: 'u-officer',
    tenant_id: 't-changsha',
    password_hash: `hash:${PASSWORD}`,
    roles: ['CITY_OFFICER'],
    disabled: false,
    ...overrides,
  };
}

const officer: UserModel = {
  id: 'u-officer',
  username: 'zhang.wei',
  displayName: '张伟',
  roles: ['CITY_OFFICER'],
  disabled: false,
  tenant: {
    id: 't-changsha',
    code: '430100',
    name: '长沙市',
    bureauName: '长沙市科学技术局',
    level: 'CITY',
    parentId: 't-province',
  },
  createdAt: now,
  lastSignInAt: null,
};

function setup(
  found: SignInAccount | null,
  options: { wait?: number; viewer?: Viewer; attempted?: boolean } = {},
) {
  // Everything the service does, in order, so that tests can say what happened before what.
  const steps: string[] = [];
  const audits: AuditEntry[] = [];
  const signIn: Partial<SignInRepository> = {
    findAccount: (tenantCode, username) => (
      steps.push(`find ${tenantCode} ${username}`),
      Promise.resolve(found)
    ),
  };
  const throttle: Partial<SignInThrottleService> = {
    keys: (tenantCode, username, address) => ({ account: `${tenantCode}:${username}`, address }),
    attempt: (keys: ThrottleKeys) => (
      steps.push(`attempt ${keys.account}`),
      Promise.resolve(options.wait ?? 0)
    ),
    recordSuccess: (keys: ThrottleKeys) => (steps.push(`success ${keys.account}`), Promise.resolve()),
  };
  const hasher: Partial<PasswordHasher> = {
    verify: (hash, password) => (
      steps.push(`verify ${hash ?? 'decoy'}`),
      Promise.resolve(hash === `hash:${password}`)
    ),
  };
  const sessions: Partial<SessionsService> = {
    revoke: (_db, sessionId) => (steps.push(`revoke ${sessionId}`), Promise.resolve()),
    open: (_db, user) => (
      steps.push(`open ${user.id}`),
      Promise.resolve({ token: 'token', sessionId: 's-new' })
    ),
  };
  const users: Partial<UsersService> = {
    recordSignIn: (_db, userId) => (steps.push(`signed in ${userId}`), Promise.resolve()),
    account: () => Promise.resolve(officer),
  };
  const audit = { record: (_db: unknown, entry: AuditEntry) => (audits.push(entry), Promise.resolve()) };
  const service = new AuthService(
    signIn as SignInRepository,
    throttle as SignInThrottleService,
    hasher as PasswordHasher,
    sessions as SessionsService,
    users as UsersService,
    audit as unknown as AuditService,
    { secure: true },
  );
  const db = {
    query: (_sql: string, parameters: string[]) => (
      steps.push(`identity ${parameters[1]}`),
      Promise.resolve([])
    ),
  } as unknown as EntityManager;
  const req = { ip: '10.0.0.7', get: () => 'test-agent' } as unknown as Request;
  const res = {
    cookie: (name: string) => (steps.push(`cookie ${name}`), res),
    clearCookie: (name: string) => (steps.push(`clear ${name}`), res),
  } as unknown as Response;
  const ctx = {
    req,
    res,
    db,
    viewer: options.viewer ?? null,
    loginAttempted: options.attempted ?? false,
  } as RequestContext;
  return { service, ctx, steps, audits };
}

const input = { tenantCode: ' 430100 ', username: ' Zhang.Wei ', password: PASSWORD };

describe('signing in', () => {
  it('checks the password, then opens a session under the account’s own identity, and says who signed in', async () => {
    const { service, ctx, steps, audits } = setup(account());
    const user = await service.login(ctx, input);
    expect(user).toBe(officer);
    expect(steps).toEqual([
      'attempt 430100:zhang.wei',
      'find 430100 zhang.wei',
      `verify hash:${PASSWORD}`,
      'success 430100:zhang.wei',
      'identity u-officer',
      'open u-officer',
      'signed in u-officer',
      'cookie xm_session',
    ]);
    expect(audits).toEqual([{ action: 'auth.sign_in', subjectType: 'user', subjectId: 'u-officer' }]);
    expect(ctx.viewer).toEqual({
      userId: 'u-officer',
      tenantId: 't-changsha',
      tenantLevel: 'CITY',
      roles: ['CITY_OFFICER'],
      sessionId: 's-new',
    });
  });

  it('ends the session it replaces while that session’s identity still applies', async () => {
    const before: Viewer = {
      userId: 'u-other',
      tenantId: 't-changsha',
      tenantLevel: 'CITY',
      roles: ['CITY_ADMIN'],
      sessionId: 's-old',
    };
    const { service, ctx, steps } = setup(account(), { viewer: before });
    await service.login(ctx, input);
    expect(steps.indexOf('revoke s-old')).toBeLessThan(steps.indexOf('identity u-officer'));
  });

  it('hears one sign-in per operation: a second is refused before anything is counted', async () => {
    const { service, ctx, steps } = setup(account(), { attempted: true });
    await expect(service.login(ctx, input)).rejects.toMatchObject({
      extensions: { code: 'ONE_LOGIN_PER_OPERATION' },
    });
    expect(steps).toEqual([]);
  });

  it('marks the operation as having tried, so an alias in the same request is refused', async () => {
    const { service, ctx } = setup(null);
    await expect(service.login(ctx, input)).rejects.toMatchObject({ extensions: { code: 'LOGIN_FAILED' } });
    await expect(service.login(ctx, input)).rejects.toMatchObject({
      extensions: { code: 'ONE_LOGIN_PER_OPERATION' },
    });
  });

  it('refuses a throttled attempt with the wait, before any account is read or password hashed', async () => {
    const { service, ctx, steps } = setup(account(), { wait: 16 });
    await expect(service.login(ctx, input)).rejects.toMatchObject({
      extensions: { code: 'LOGIN_THROTTLED', retryAfterSeconds: 16 },
    });
    expect(steps).toEqual(['attempt 430100:zhang.wei']);
  });

  it.each([
    ['a wrong password', account(), 'Wrong#Password1', `verify hash:${PASSWORD}`],
    ['an unknown account (checked against a decoy, to take as long)', null, PASSWORD, 'verify decoy'],
    [
      'a disabled account, even with the right password',
      account({ disabled: true }),
      PASSWORD,
      `verify hash:${PASSWORD}`,
    ],
  ])(
    'answers LOGIN_FAILED to %s, leaving the failure counted and no session',
    async (_case, found, password, verified) => {
      const { service, ctx, steps, audits } = setup(found);
      await expect(service.login(ctx, { ...input, password })).rejects.toMatchObject({
        extensions: { code: 'LOGIN_FAILED' },
      });
      expect(steps).toEqual(['attempt 430100:zhang.wei', 'find 430100 zhang.wei', verified]);
      expect(audits).toEqual([]);
      expect(ctx.viewer).toBeNull();
    },
  );
});

describe('signing out', () => {
  it('revokes the session, audits it and clears the cookie', async () => {
    const viewer: Viewer = {
      userId: 'u-officer',
      tenantId: 't-changsha',
      tenantLevel: 'CITY',
      roles: ['CITY_OFFICER'],
      sessionId: 's-mine',
    };
    const { service, ctx, steps, audits } = setup(null, { viewer });
    expect(await service.logout(ctx)).toBe(true);
    expect(steps).toEqual(['clear xm_session', 'revoke s-mine']);
    expect(audits.map((a) => a.action)).toEqual(['auth.sign_out']);
    expect(ctx.viewer).toBeNull();
  });

  it('answers false to an anonymous caller, still clearing any stale cookie', async () => {
    const { service, ctx, steps, audits } = setup(null);
    expect(await service.logout(ctx)).toBe(false);
    expect(steps).toEqual(['clear xm_session']);
    expect(audits).toEqual([]);
  });
});
