import { Injectable } from '@nestjs/common';
import { fieldViolation, normalizeUsername } from '@xiangmeng/domain';
import { QueryFailedError, type EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { AppError, badInput, notFound } from '../../common/errors/app-error';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { AuditService } from '../audit/audit.service';
import { PasswordHasher } from '../auth/password-hasher';
import { SessionsService } from '../auth/sessions.service';
import { TenantsService } from '../tenants/tenants.service';
import type { ChangeOwnPasswordInput } from './dto/change-own-password.input';
import type { CreateCityAdminInput } from './dto/create-city-admin.input';
import type { CreateUserInput } from './dto/create-user.input';
import type { ResetUserPasswordInput } from './dto/reset-user-password.input';
import type { SetUserDisabledInput } from './dto/set-user-disabled.input';
import { accountViolations, assertPassword } from './user-input.rules';
import { UserEntity } from './user.entity';
import { type UserModel, toUserModel } from './user.model';

const UNIQUE_VIOLATION = '23505';

function isUniqueViolation(error: unknown): boolean {
  return (
    error instanceof QueryFailedError && (error.driverError as { code?: string }).code === UNIQUE_VIOLATION
  );
}

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

@Injectable()
export class UsersService {
  constructor(
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly tenants: TenantsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The one way to reach an account for a change: another tenant's account is simply not found. */
  private async accessibleUser(db: EntityManager, viewer: Viewer, userId: string): Promise<UserEntity> {
    const user = /^[0-9a-f-]{36}$/i.test(userId)
      ? await db.findOneBy(UserEntity, { id: userId, tenantId: viewer.tenantId })
      : null;
    if (!user) throw notFound();
    return user;
  }

  async list(ctx: RequestContext, viewer: Viewer): Promise<UserModel[]> {
    const users = await ctx.db.find(UserEntity, {
      where: { tenantId: viewer.tenantId },
      order: { createdAt: 'ASC', username: 'ASC' },
    });
    const tenant = await this.tenants.byId(ctx.db, viewer.tenantId);
    return users.map((user) => toUserModel(user, tenant));
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
    let user: UserEntity;
    try {
      user = await ctx.db.save(
        ctx.db.create(UserEntity, {
          tenantId: viewer.tenantId,
          username: account.username,
          displayName: account.displayName,
          passwordHash,
          roles: [...new Set(input.roles)],
          createdBy: viewer.userId,
          passwordChangedAt: this.clock.now(),
        }),
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw usernameTaken();
      throw error;
    }
    await this.audit.record(ctx.db, {
      action: 'user.create',
      subjectType: 'user',
      subjectId: user.id,
      after: auditView(user),
    });
    return toUserModel(await ctx.db.findOneByOrFail(UserEntity, { id: user.id }), tenant);
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
    let id: string;
    try {
      const [row] = await ctx.db.query<{ id: string }[]>(
        'SELECT provision_city_admin($1, $2, $3, $4) AS id',
        [city.id, account.username, account.displayName, passwordHash],
      );
      id = row!.id;
    } catch (error) {
      if (isUniqueViolation(error)) throw usernameTaken();
      throw error;
    }
    const after = {
      tenantCode: city.code,
      username: account.username,
      displayName: account.displayName,
      roles: ['CITY_ADMIN'],
    };
    await this.audit.record(ctx.db, {
      action: 'user.provision_city_admin',
      subjectType: 'user',
      subjectId: id,
      after,
    });
    const now = this.clock.now();
    return {
      id,
      username: account.username,
      displayName: account.displayName,
      roles: ['CITY_ADMIN'],
      disabled: false,
      tenant: {
        id: city.id,
        code: city.code,
        name: city.name,
        bureauName: city.bureauName,
        level: city.level,
        parentId: city.parentId,
      },
      createdAt: now,
      lastSignInAt: null,
    };
  }

  async setDisabled(ctx: RequestContext, viewer: Viewer, input: SetUserDisabledInput): Promise<UserModel> {
    const user = await this.accessibleUser(ctx.db, viewer, input.userId);
    if (input.disabled && user.id === viewer.userId) throw new AppError('CANNOT_DISABLE_SELF');
    const before = auditView(user);
    if (input.disabled !== (user.disabledAt !== null)) {
      user.disabledAt = input.disabled ? this.clock.now() : null;
      await ctx.db.update(UserEntity, { id: user.id }, { disabledAt: user.disabledAt });
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

  async resetPassword(
    ctx: RequestContext,
    viewer: Viewer,
    input: ResetUserPasswordInput,
  ): Promise<UserModel> {
    const user = await this.accessibleUser(ctx.db, viewer, input.userId);
    assertPassword('newPassword', input.newPassword, user.username);
    await ctx.db.update(
      UserEntity,
      { id: user.id },
      { passwordHash: await this.hasher.hash(input.newPassword), passwordChangedAt: this.clock.now() },
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
    const user = await ctx.db
      .createQueryBuilder(UserEntity, 'u')
      .addSelect('u.passwordHash')
      .where('u.id = :id', { id: viewer.userId })
      .getOneOrFail();
    if (!(await this.hasher.verify(user.passwordHash, input.currentPassword))) {
      throw badInput([{ field: 'currentPassword', rule: 'WRONG_PASSWORD', message: '当前密码不正确' }]);
    }
    assertPassword('newPassword', input.newPassword, user.username);
    await ctx.db.update(
      UserEntity,
      { id: user.id },
      { passwordHash: await this.hasher.hash(input.newPassword), passwordChangedAt: this.clock.now() },
    );
    await this.sessions.revokeAllOf(ctx.db, user.id, viewer.sessionId);
    await this.audit.record(ctx.db, {
      action: 'user.change_password',
      subjectType: 'user',
      subjectId: user.id,
    });
    return true;
  }
}
