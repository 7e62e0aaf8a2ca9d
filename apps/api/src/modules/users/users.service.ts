import { Injectable } from '@nestjs/common';
import { checkRoleAssignment, fieldViolation, normalizeUsername, Role } from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { ownRecord } from '../../common/access/access';
import { Clock } from '../../common/clock';
import { AppError, badInput } from '../../common/errors/app-error';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { AuditService } from '../audit/audit.service';
import { PasswordHasher } from '../sessions/password-hasher';
import { SessionsService } from '../sessions/sessions.service';
import { toTenantModel } from '../tenants/tenant.model';
import { TenantsService } from '../tenants/tenants.service';
import type { ChangeOwnPasswordInput } from './dto/change-own-password.input';
import type { CreateCityAdminInput } from './dto/create-city-admin.input';
import type { CreateUserInput } from './dto/create-user.input';
import type { ResetUserPasswordInput } from './dto/reset-user-password.input';
import type { SetUserDisabledInput } from './dto/set-user-disabled.input';
import type { SetUserRolesInput } from './dto/set-user-roles.input';
import { accountViolations, assertPassword } from './user-input.rules';
import type { UserEntity } from './user.entity';
import { type UserModel, toUserModel } from './user.model';
import { UsersRepository } from './users.repository';

function usernameTaken(): AppError {
  return new AppError('USERNAME_TAKEN', {
    violations: [{ field: 'username', rule: 'USERNAME_TAKEN', message: '该用户名已被本单位使用' }],
  });
}

// What the audit trail keeps of an account: never the password hash.
function auditView(user: UserEntity) {
  return {
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    disabled: user.disabledAt !== null,
  };
}

/** Accounts of a tenant: its admins create, disable and reset them; everyone changes their own password. */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly tenants: TenantsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The one way to reach an account for a change: another tenant's account is simply not found. */
  private async accessibleUser(db: EntityManager, viewer: Viewer, userId: string): Promise<UserEntity> {
    return ownRecord(viewer, await this.users.find(db, userId));
  }

  async list(ctx: RequestContext, viewer: Viewer): Promise<UserModel[]> {
    const users = await this.users.listOfTenant(ctx.db, viewer.tenantId);
    const tenant = await this.tenants.byId(ctx.db, viewer.tenantId);
    return users.map((user) => toUserModel(user, tenant));
  }

  /** An account known to exist, such as the signed-in user's own (for sign-in and `me`). */
  async account(db: EntityManager, userId: string, tenantId: string): Promise<UserModel> {
    const tenant = await this.tenants.byId(db, tenantId);
    return toUserModel(await this.users.get(db, userId), tenant);
  }

  /** Sign-in notes when the account was last used. */
  recordSignIn(db: EntityManager, userId: string): Promise<void> {
    return this.users.recordSignIn(db, userId, this.clock.now());
  }

  async create(ctx: RequestContext, viewer: Viewer, input: CreateUserInput): Promise<UserModel> {
    const account = {
      ...input,
      username: normalizeUsername(input.username),
      displayName: input.displayName.trim(),
    };
    const violations = accountViolations(account, viewer.tenantLevel, input.roles);
    if (violations.length) throw badInput(violations);
    const tenant = await this.tenants.byId(ctx.db, viewer.tenantId);
    const passwordHash = await this.hasher.hash(account.password);
    const id = await this.users.insert(ctx.db, {
      tenantId: viewer.tenantId,
      username: account.username,
      displayName: account.displayName,
      passwordHash,
      roles: [...new Set(input.roles)],
      createdBy: viewer.userId,
      passwordChangedAt: this.clock.now(),
    });
    if (!id) throw usernameTaken();
    const user = await this.users.get(ctx.db, id);
    await this.audit.record(ctx.db, {
      action: 'user.create',
      subjectType: 'user',
      subjectId: user.id,
      after: auditView(user),
    });
    return toUserModel(user, tenant);
  }

  async createCityAdmin(
    ctx: RequestContext,
    viewer: Viewer,
    input: CreateCityAdminInput,
  ): Promise<UserModel> {
    const city = await this.tenants.byCode(ctx.db, input.tenantCode.trim());
    if (!city || city.parentId !== viewer.tenantId) {
      throw badInput([fieldViolation('tenantCode', city ? 'NOT_A_CHILD_TENANT' : 'UNKNOWN_TENANT')]);
    }
    const account = {
      ...input,
      username: normalizeUsername(input.username),
      displayName: input.displayName.trim(),
    };
    const violations = accountViolations(account, city.level, ['CITY_ADMIN']);
    if (violations.length) throw badInput(violations);
    const passwordHash = await this.hasher.hash(account.password);
    const id = await this.users.provisionCityAdmin(ctx.db, {
      cityId: city.id,
      username: account.username,
      displayName: account.displayName,
      passwordHash,
    });
    if (!id) throw usernameTaken();
    await this.audit.record(ctx.db, {
      action: 'user.provision_city_admin',
      subjectType: 'user',
      subjectId: id,
      after: {
        tenantCode: city.code,
        username: account.username,
        displayName: account.displayName,
        roles: ['CITY_ADMIN'],
      },
    });
    // The city's row is not readable back under the province's identity: answer from what was written.
    return {
      id,
      username: account.username,
      displayName: account.displayName,
      roles: ['CITY_ADMIN'],
      disabled: false,
      tenant: toTenantModel(city),
      createdAt: this.clock.now(),
      lastSignInAt: null,
    };
  }

  async setDisabled(ctx: RequestContext, viewer: Viewer, input: SetUserDisabledInput): Promise<UserModel> {
    const user = await this.accessibleUser(ctx.db, viewer, input.userId);
    if (input.disabled && user.id === viewer.userId) throw new AppError('CANNOT_DISABLE_SELF');
    const before = auditView(user);
    if (input.disabled !== (user.disabledAt !== null)) {
      user.disabledAt = input.disabled ? this.clock.now() : null;
      await this.users.setDisabledAt(ctx.db, user.id, user.disabledAt);
      if (input.disabled) await this.sessions.revokeAllOf(ctx.db, user.id);
      await this.audit.record(ctx.db, {
        action: input.disabled ? 'user.disable' : 'user.enable',
        subjectType: 'user',
        subjectId: user.id,
        before,
        after: auditView(user),
      });
    }
    return toUserModel(user, await this.tenants.byId(ctx.db, viewer.tenantId));
  }

  /** An admin changes the roles of an account of the tenant; never their own admin role away. */
  async setRoles(ctx: RequestContext, viewer: Viewer, input: SetUserRolesInput): Promise<UserModel> {
    const user = await this.accessibleUser(ctx.db, viewer, input.userId);
    const roles = [...new Set(input.roles)];
    const problem = checkRoleAssignment(viewer.tenantLevel, roles);
    if (problem) throw badInput([fieldViolation('roles', problem)]);
    const admin = viewer.tenantLevel === 'PROVINCE' ? Role.PROVINCE_ADMIN : Role.CITY_ADMIN;
    // A tier is never left without the admin who is acting: another admin must do it.
    if (user.id === viewer.userId && !roles.includes(admin)) throw new AppError('CANNOT_DEMOTE_SELF');
    const before = auditView(user);
    const same = roles.length === user.roles.length && roles.every((r) => user.roles.includes(r));
    if (!same) {
      user.roles = roles;
      await this.users.setRoles(ctx.db, user.id, roles);
      await this.audit.record(ctx.db, {
        action: 'user.set_roles',
        subjectType: 'user',
        subjectId: user.id,
        before,
        after: auditView(user),
      });
    }
    return toUserModel(user, await this.tenants.byId(ctx.db, viewer.tenantId));
  }

  async resetPassword(
    ctx: RequestContext,
    viewer: Viewer,
    input: ResetUserPasswordInput,
  ): Promise<UserModel> {
    const user = await this.accessibleUser(ctx.db, viewer, input.userId);
    assertPassword('newPassword', input.newPassword, user.username);
    await this.users.setPassword(
      ctx.db,
      user.id,
      await this.hasher.hash(input.newPassword),
      this.clock.now(),
    );
    await this.sessions.revokeAllOf(ctx.db, user.id);
    await this.audit.record(ctx.db, {
      action: 'user.reset_password',
      subjectType: 'user',
      subjectId: user.id,
    });
    return toUserModel(user, await this.tenants.byId(ctx.db, viewer.tenantId));
  }

  async changeOwnPassword(
    ctx: RequestContext,
    viewer: Viewer,
    input: ChangeOwnPasswordInput,
  ): Promise<boolean> {
    const user = await this.users.withPasswordHash(ctx.db, viewer.userId);
    if (!(await this.hasher.verify(user.passwordHash, input.currentPassword))) {
      throw badInput([{ field: 'currentPassword', rule: 'WRONG_PASSWORD', message: '当前密码不正确' }]);
    }
    assertPassword('newPassword', input.newPassword, user.username);
    await this.users.setPassword(
      ctx.db,
      user.id,
      await this.hasher.hash(input.newPassword),
      this.clock.now(),
    );
    // The session that changed the password stays; every other one ends.
    await this.sessions.revokeAllOf(ctx.db, user.id, viewer.sessionId);
    await this.audit.record(ctx.db, {
      action: 'user.change_password',
      subjectType: 'user',
      subjectId: user.id,
    });
    return true;
  }
}
