import type { EntityManager } from 'typeorm';
import { describe, expect, it } from 'vitest';
import type { Clock } from '../../common/clock';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import type { AuditEntry, AuditService } from '../audit/audit.service';
import type { PasswordHasher } from '../sessions/password-hasher';
import type { SessionsService } from '../sessions/sessions.service';
import type { TenantEntity } from '../tenants/tenant.entity';
import type { TenantsService } from '../tenants/tenants.service';
import type { UserEntity } from './user.entity';
import type { NewCityAdmin, NewUser, UsersRepository } from './users.repository';
import { UsersService } from './users.service';

// The users service's decisions with its repository, hasher and sessions stubbed: which account an
// admin reaches, what each change writes, whose sessions end, and what is audited. The database
// tests (test/auth.test.ts, test/tenancy, test/audit) cover the SQL and row-level security.

const now = new Date('2026-12-05T02:00:00Z');
const PASSWORD = 'Xiangmeng#2026';

const province: TenantEntity = {
  id: 't-province',
  code: '430000',
  name: '湖南省',
  bureauName: '湖南省科学技术厅',
  level: 'PROVINCE',
  parentId: null,
  createdAt: now,
};
const changsha: TenantEntity = {
  ...province,
  id: 't-changsha',
  code: '430100',
  name: '长沙市',
  bureauName: '长沙市科学技术局',
  level: 'CITY',
  parentId: 't-province',
};

const admin: Viewer = {
  userId: 'u-admin',
  tenantId: 't-province',
  tenantLevel: 'PROVINCE',
  roles: ['PROVINCE_ADMIN'],
  sessionId: 's-admin',
};

function account(overrides: Partial<UserEntity> = {}): UserEntity {
  return {
    id: 'u-officer',
    tenantId: 't-province',
    username: 'zhang.wei',
    displayName: '张伟',
    passwordHash: `hash:${PASSWORD}`,
    roles: ['PROVINCE_OFFICER'],
    disabledAt: null,
    lastSignInAt: null,
    passwordChangedAt: now,
    createdAt: now,
    createdBy: 'u-admin',
    ...overrides,
  };
}

type Writes = {
  inserted: NewUser[];
  provisioned: NewCityAdmin[];
  disabledAt: [string, Date | null][];
  passwords: [string, string][];
  revoked: [string, string | undefined][];
  audits: AuditEntry[];
};

function setup(stored: UserEntity[], options: { taken?: boolean } = {}) {
  const writes: Writes = {
    inserted: [],
    provisioned: [],
    disabledAt: [],
    passwords: [],
    revoked: [],
    audits: [],
  };
  const rows = new Map(stored.map((u) => [u.id, u]));
  const repository: Partial<UsersRepository> = {
    find: (_db, id) => Promise.resolve(rows.get(id) ?? null),
    get: (_db, id) => Promise.resolve(rows.get(id)!),
    withPasswordHash: (_db, id) => Promise.resolve(rows.get(id)!),
    insert: (_db, user) => {
      if (options.taken) return Promise.resolve(null);
      writes.inserted.push(user);
      rows.set('u-new', { ...account(), ...user, id: 'u-new', disabledAt: null });
      return Promise.resolve('u-new');
    },
    provisionCityAdmin: (_db, cityAdmin) => {
      if (options.taken) return Promise.resolve(null);
      writes.provisioned.push(cityAdmin);
      return Promise.resolve('u-city-admin');
    },
    setDisabledAt: (_db, id, at) => (writes.disabledAt.push([id, at]), Promise.resolve()),
    setPassword: (_db, id, hash) => (writes.passwords.push([id, hash]), Promise.resolve()),
  };
  const hasher: Partial<PasswordHasher> = {
    hash: (password) => Promise.resolve(`hash:${password}`),
    verify: (hash, password) => Promise.resolve(hash === `hash:${password}`),
  };
  const sessions: Partial<SessionsService> = {
    revokeAllOf: (_db, userId, keep) => (writes.revoked.push([userId, keep]), Promise.resolve()),
  };
  const tenants: Partial<TenantsService> = {
    byId: (_db, id) => Promise.resolve(id === changsha.id ? changsha : province),
    byCode: (_db, code) => Promise.resolve([province, changsha].find((t) => t.code === code) ?? null),
  };
  const audit = {
    record: (_db: unknown, entry: AuditEntry) => (writes.audits.push(entry), Promise.resolve()),
  };
  const clock: Clock = { now: () => now };
  const service = new UsersService(
    repository as UsersRepository,
    hasher as PasswordHasher,
    sessions as SessionsService,
    tenants as TenantsService,
    audit as unknown as AuditService,
    clock,
  );
  const ctx = { db: {} as EntityManager } as RequestContext;
  return { service, ctx, writes };
}

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: { extensions: { code: string } }) => error.extensions.code,
  );

describe('creating an account', () => {
  const input = {
    username: ' Li.Na ',
    displayName: ' 李娜 ',
    roles: ['PROVINCE_OFFICER' as const],
    password: PASSWORD,
  };

  it('stores the normalized name and the hash, never the password, and audits without the hash', async () => {
    const { service, ctx, writes } = setup([]);
    const user = await service.create(ctx, admin, input);
    expect(writes.inserted).toEqual([
      expect.objectContaining({ username: 'li.na', displayName: '李娜', passwordHash: `hash:${PASSWORD}` }),
    ]);
    expect(user).toMatchObject({
      id: 'u-new',
      username: 'li.na',
      disabled: false,
      tenant: { code: '430000' },
    });
    expect(writes.audits).toEqual([
      {
        action: 'user.create',
        subjectType: 'user',
        subjectId: 'u-new',
        after: { username: 'li.na', displayName: '李娜', roles: ['PROVINCE_OFFICER'], disabled: false },
      },
    ]);
  });

  it('names every failing field at once and writes nothing', async () => {
    const { service, ctx, writes } = setup([]);
    const refused = service.create(ctx, admin, {
      ...input,
      username: '1x',
      password: 'short',
      roles: ['CITY_ADMIN'],
    });
    const error = await refused.then(
      () => null,
      (e: { extensions: { code: string; violations: { field: string }[] } }) => e.extensions,
    );
    expect(error?.code).toBe('BAD_USER_INPUT');
    expect(new Set(error?.violations.map((v) => v.field))).toEqual(
      new Set(['username', 'password', 'roles']),
    );
    expect(writes.inserted).toEqual([]);
  });

  it('answers USERNAME_TAKEN on the username field when the tenant has it already', async () => {
    const { service, ctx, writes } = setup([], { taken: true });
    await expect(service.create(ctx, admin, input)).rejects.toMatchObject({
      extensions: { code: 'USERNAME_TAKEN', violations: [{ field: 'username' }] },
    });
    expect(writes.audits).toEqual([]);
  });
});

describe('creating a city admin', () => {
  const input = { tenantCode: '430100', username: 'cs.admin', displayName: '长沙管理员', password: PASSWORD };

  it('provisions the admin in a city below the province and audits it', async () => {
    const { service, ctx, writes } = setup([]);
    const created = await service.createCityAdmin(ctx, admin, input);
    expect(writes.provisioned).toEqual([
      {
        cityId: 't-changsha',
        username: 'cs.admin',
        displayName: '长沙管理员',
        passwordHash: `hash:${PASSWORD}`,
      },
    ]);
    expect(created).toMatchObject({ id: 'u-city-admin', roles: ['CITY_ADMIN'], tenant: { code: '430100' } });
    expect(writes.audits.map((a) => a.action)).toEqual(['user.provision_city_admin']);
  });

  it('refuses a tenant that is not one of the viewer’s cities, or does not exist', async () => {
    const cityAdmin: Viewer = {
      ...admin,
      tenantId: 't-changsha',
      tenantLevel: 'CITY',
      roles: ['CITY_ADMIN'],
    };
    const { service, ctx, writes } = setup([]);
    await expect(service.createCityAdmin(ctx, cityAdmin, input)).rejects.toMatchObject({
      extensions: {
        code: 'BAD_USER_INPUT',
        violations: [{ field: 'tenantCode', rule: 'NOT_A_CHILD_TENANT' }],
      },
    });
    await expect(
      service.createCityAdmin(ctx, admin, { ...input, tenantCode: '439999' }),
    ).rejects.toMatchObject({
      extensions: { violations: [{ field: 'tenantCode', rule: 'UNKNOWN_TENANT' }] },
    });
    expect(writes.provisioned).toEqual([]);
  });
});

describe('disabling and enabling an account', () => {
  it('disables an account of the admin’s tenant, ends its sessions and audits before and after', async () => {
    const { service, ctx, writes } = setup([account()]);
    const user = await service.setDisabled(ctx, admin, { userId: 'u-officer', disabled: true });
    expect(user.disabled).toBe(true);
    expect(writes.disabledAt).toEqual([['u-officer', now]]);
    expect(writes.revoked).toEqual([['u-officer', undefined]]);
    expect(writes.audits).toEqual([
      expect.objectContaining({
        action: 'user.disable',
        before: expect.objectContaining({ disabled: false }) as unknown,
        after: expect.objectContaining({ disabled: true }) as unknown,
      }),
    ]);
  });

  it('enables without touching sessions, and changes nothing when the account is already so', async () => {
    const enable = setup([account({ disabledAt: now })]);
    await enable.service.setDisabled(enable.ctx, admin, { userId: 'u-officer', disabled: false });
    expect(enable.writes.disabledAt).toEqual([['u-officer', null]]);
    expect(enable.writes.revoked).toEqual([]);
    expect(enable.writes.audits.map((a) => a.action)).toEqual(['user.enable']);

    const same = setup([account()]);
    await same.service.setDisabled(same.ctx, admin, { userId: 'u-officer', disabled: false });
    expect(same.writes).toMatchObject({ disabledAt: [], revoked: [], audits: [] });
  });

  it('answers NOT_FOUND for another tenant’s account, as for one that does not exist', async () => {
    for (const id of ['u-other', 'u-missing']) {
      const { service, ctx, writes } = setup([account({ id: 'u-other', tenantId: 't-changsha' })]);
      expect(await codeOf(service.setDisabled(ctx, admin, { userId: id, disabled: true }))).toBe('NOT_FOUND');
      expect(writes.revoked).toEqual([]);
    }
  });

  it('refuses to disable the admin’s own account with CANNOT_DISABLE_SELF', async () => {
    const { service, ctx, writes } = setup([account({ id: 'u-admin', roles: ['PROVINCE_ADMIN'] })]);
    expect(await codeOf(service.setDisabled(ctx, admin, { userId: 'u-admin', disabled: true }))).toBe(
      'CANNOT_DISABLE_SELF',
    );
    expect(writes.disabledAt).toEqual([]);
  });
});

describe('passwords', () => {
  const NEW_PASSWORD = 'Furong!Road-88';

  it('an admin’s reset stores the new hash and ends every session of the account', async () => {
    const { service, ctx, writes } = setup([account()]);
    await service.resetPassword(ctx, admin, { userId: 'u-officer', newPassword: NEW_PASSWORD });
    expect(writes.passwords).toEqual([['u-officer', `hash:${NEW_PASSWORD}`]]);
    expect(writes.revoked).toEqual([['u-officer', undefined]]);
    expect(writes.audits.map((a) => a.action)).toEqual(['user.reset_password']);
  });

  it('a reset is held to the password policy and reaches only the admin’s own tenant', async () => {
    const { service, ctx, writes } = setup([account(), account({ id: 'u-other', tenantId: 't-changsha' })]);
    expect(
      await codeOf(
        service.resetPassword(ctx, admin, { userId: 'u-officer', newPassword: 'zhang.wei-2026X' }),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      await codeOf(service.resetPassword(ctx, admin, { userId: 'u-other', newPassword: NEW_PASSWORD })),
    ).toBe('NOT_FOUND');
    expect(writes.passwords).toEqual([]);
  });

  it('changing one’s own password keeps the session that did it and ends the others', async () => {
    const officer: Viewer = {
      ...admin,
      userId: 'u-officer',
      roles: ['PROVINCE_OFFICER'],
      sessionId: 's-mine',
    };
    const { service, ctx, writes } = setup([account()]);
    await service.changeOwnPassword(ctx, officer, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(writes.passwords).toEqual([['u-officer', `hash:${NEW_PASSWORD}`]]);
    expect(writes.revoked).toEqual([['u-officer', 's-mine']]);
    expect(writes.audits.map((a) => a.action)).toEqual(['user.change_password']);
  });

  it('a wrong current password is refused on its field and changes nothing', async () => {
    const officer: Viewer = { ...admin, userId: 'u-officer', roles: ['PROVINCE_OFFICER'] };
    const { service, ctx, writes } = setup([account()]);
    await expect(
      service.changeOwnPassword(ctx, officer, { currentPassword: 'Wrong#2026x', newPassword: NEW_PASSWORD }),
    ).rejects.toMatchObject({
      extensions: {
        code: 'BAD_USER_INPUT',
        violations: [{ field: 'currentPassword', rule: 'WRONG_PASSWORD' }],
      },
    });
    expect(writes).toMatchObject({ passwords: [], revoked: [], audits: [] });
  });
});
