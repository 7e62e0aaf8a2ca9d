import { Injectable } from '@nestjs/common';
import { normalizeUsername, type Role } from '@xiangmeng/domain';
import { Clock } from '../../common/clock';
import { AppError } from '../../common/errors/app-error';
import { applyIdentity } from '../../common/request/identity';
import type { RequestContext } from '../../common/request/request-context';
import { AuditService } from '../audit/audit.service';
import { TenantsService } from '../tenants/tenants.service';
import { UserEntity } from '../users/user.entity';
import { type UserModel, toUserModel } from '../users/user.model';
import type { LoginInput } from './dto/login.input';
import { PasswordHasher } from './password-hasher';
import { clearSessionCookie, type CookieSettings, writeSessionCookie } from './session-cookie';
import { SessionsService } from './sessions.service';
import { SignInPool } from './sign-in-pool';
import { SignInThrottleService } from './sign-in-throttle.service';

type AccountRow = {
  user_id: string;
  tenant_id: string;
  password_hash: string;
  roles: Role[];
  disabled: boolean;
};

export abstract class CookieSettingsProvider implements CookieSettings {
  abstract readonly secure: boolean;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly throttle: SignInThrottleService,
    private readonly signInPool: SignInPool,
    private readonly tenants: TenantsService,
    private readonly audit: AuditService,
    private readonly cookies: CookieSettingsProvider,
    private readonly clock: Clock,
  ) {}

  async login(ctx: RequestContext, input: LoginInput): Promise<UserModel> {
    // Aliases would otherwise let one request try many passwords.
    if (ctx.loginAttempted) throw new AppError('ONE_LOGIN_PER_OPERATION');
    ctx.loginAttempted = true;

    const username = normalizeUsername(input.username).slice(0, 64);
    const tenantCode = input.tenantCode.trim().slice(0, 6);
    const address = ctx.req.ip ?? null;
    const keys = this.throttle.keys(tenantCode, username, address);
    // Counting, looking up and checking the password take no connection of the request's own:
    // an anonymous request whose sign-in fails never touches the main pool.
    const wait = await this.throttle.attempt(keys);
    if (wait > 0) throw new AppError('LOGIN_THROTTLED', { retryAfterSeconds: wait });

    const [account] = await this.signInPool.query<AccountRow>('SELECT * FROM auth_find_account($1, $2)', [
      tenantCode,
      username,
    ]);
    const passwordOk = await this.hasher.verify(account?.password_hash ?? null, input.password.slice(0, 256));
    if (!account || !passwordOk || account.disabled) throw new AppError('LOGIN_FAILED');
    await this.throttle.recordSuccess(keys);

    // The old session is ended under its own identity: row-level security would hide it after.
    if (ctx.viewer) await this.sessions.revoke(ctx.db, ctx.viewer.sessionId);
    await applyIdentity(ctx.db, {
      tenantId: account.tenant_id,
      userId: account.user_id,
      roles: account.roles,
    });
    const { token, sessionId } = await this.sessions.open(
      ctx.db,
      { id: account.user_id, tenantId: account.tenant_id },
      { address, userAgent: ctx.req.get('user-agent') ?? null },
    );
    await ctx.db.update(UserEntity, { id: account.user_id }, { lastSignInAt: this.clock.now() });
    await this.audit.record(ctx.db, {
      action: 'auth.sign_in',
      subjectType: 'user',
      subjectId: account.user_id,
    });
    writeSessionCookie(ctx.res, token, this.cookies);

    const tenant = await this.tenants.byId(ctx.db, account.tenant_id);
    ctx.viewer = {
      userId: account.user_id,
      tenantId: account.tenant_id,
      tenantLevel: tenant.level,
      roles: account.roles,
      sessionId,
    };
    const user = await ctx.db.findOneByOrFail(UserEntity, { id: account.user_id });
    return toUserModel(user, tenant);
  }

  async logout(ctx: RequestContext): Promise<boolean> {
    clearSessionCookie(ctx.res, this.cookies);
    if (!ctx.viewer) return false;
    await this.sessions.revoke(ctx.db, ctx.viewer.sessionId);
    await this.audit.record(ctx.db, {
      action: 'auth.sign_out',
      subjectType: 'user',
      subjectId: ctx.viewer.userId,
    });
    ctx.viewer = null;
    return true;
  }

  async me(ctx: RequestContext): Promise<UserModel | null> {
    if (!ctx.viewer) return null;
    const user = await ctx.db.findOneByOrFail(UserEntity, { id: ctx.viewer.userId });
    const tenant = await this.tenants.byId(ctx.db, ctx.viewer.tenantId);
    return toUserModel(user, tenant);
  }
}
