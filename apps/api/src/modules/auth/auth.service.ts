import { Injectable } from '@nestjs/common';
import { normalizeUsername } from '@xiangmeng/domain';
import { AppError } from '../../common/errors/app-error';
import { applyIdentity } from '../../common/request/identity';
import type { RequestContext } from '../../common/request/request-context';
import { AuditService } from '../audit/audit.service';
import { PasswordHasher } from '../sessions/password-hasher';
import { clearSessionCookie, CookieSettingsProvider, writeSessionCookie } from '../sessions/session-cookie';
import { SessionsService } from '../sessions/sessions.service';
import type { UserModel } from '../users/user.model';
import { UsersService } from '../users/users.service';
import type { LoginInput } from './dto/login.input';
import { SignInRepository } from './sign-in.repository';
import { SignInThrottleService } from './sign-in-throttle.service';

/** Signing in and out: checks a password, opens or ends a session, answers who is signed in. */
@Injectable()
export class AuthService {
  constructor(
    private readonly signIn: SignInRepository,
    private readonly throttle: SignInThrottleService,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly cookies: CookieSettingsProvider,
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

    const account = await this.signIn.findAccount(tenantCode, username);
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
    await this.users.recordSignIn(ctx.db, account.user_id);
    await this.audit.record(ctx.db, {
      action: 'auth.sign_in',
      subjectType: 'user',
      subjectId: account.user_id,
    });
    writeSessionCookie(ctx.res, token, this.cookies);

    const user = await this.users.account(ctx.db, account.user_id, account.tenant_id);
    ctx.viewer = {
      userId: account.user_id,
      tenantId: account.tenant_id,
      tenantLevel: user.tenant.level,
      roles: account.roles,
      sessionId,
    };
    return user;
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

  me(ctx: RequestContext): Promise<UserModel | null> {
    if (!ctx.viewer) return Promise.resolve(null);
    return this.users.account(ctx.db, ctx.viewer.userId, ctx.viewer.tenantId);
  }
}
