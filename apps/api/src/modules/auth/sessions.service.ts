import { Injectable } from '@nestjs/common';
import { type Role, sessionState, shouldTouchSession, type TenantLevel } from '@xiangmeng/domain';
import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { IsNull } from 'typeorm';
import { Clock } from '../../common/clock';
import type { Viewer } from '../../common/request/request-context';
import { SessionEntity } from './session.entity';

type SessionRow = {
  session_id: string;
  tenant_id: string;
  user_id: string;
  created_at: Date;
  last_seen_at: Date;
  revoked_at: Date | null;
  roles: Role[];
  disabled: boolean;
  tenant_level: TenantLevel;
};

function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

@Injectable()
export class SessionsService {
  constructor(private readonly clock: Clock) {}

  /** The viewer behind a session token, or null when the session is unknown, ended or its user disabled. */
  async resolve(db: EntityManager, token: string): Promise<{ viewer: Viewer; touch: boolean } | null> {
    const [row] = await db.query<SessionRow[]>('SELECT * FROM auth_find_session($1)', [hashToken(token)]);
    if (!row || row.disabled) return null;
    const times = { createdAt: row.created_at, lastSeenAt: row.last_seen_at, revokedAt: row.revoked_at };
    const now = this.clock.now();
    if (sessionState(times, now) !== 'ACTIVE') return null;
    return {
      viewer: {
        userId: row.user_id,
        tenantId: row.tenant_id,
        tenantLevel: row.tenant_level,
        roles: row.roles,
        sessionId: row.session_id,
      },
      touch: shouldTouchSession(times, now),
    };
  }

  /** Runs under the viewer's identity: row-level security applies. */
  async touch(db: EntityManager, sessionId: string): Promise<void> {
    await db.update(SessionEntity, { id: sessionId }, { lastSeenAt: this.clock.now() });
  }

  /** A new session with a new random token: sign-in never reuses an identifier. */
  async open(
    db: EntityManager,
    user: { id: string; tenantId: string },
    client: { address: string | null; userAgent: string | null },
  ): Promise<{ token: string; sessionId: string }> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const session = await db.save(
      db.create(SessionEntity, {
        tenantId: user.tenantId,
        userId: user.id,
        tokenHash: hashToken(token),
        createdAt: now,
        lastSeenAt: now,
        clientAddress: client.address,
        userAgent: client.userAgent?.slice(0, 500) ?? null,
      }),
    );
    return { token, sessionId: session.id };
  }

  async revoke(db: EntityManager, sessionId: string): Promise<void> {
    await db.update(SessionEntity, { id: sessionId, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
  }

  /** Ends every open session of a user, except one to keep (the caller's own, when changing a password). */
  async revokeAllOf(db: EntityManager, userId: string, keepSessionId?: string): Promise<void> {
    const query = db
      .createQueryBuilder()
      .update(SessionEntity)
      .set({ revokedAt: this.clock.now() })
      .where('user_id = :userId AND revoked_at IS NULL', { userId });
    if (keepSessionId) query.andWhere('id <> :keepSessionId', { keepSessionId });
    await query.execute();
  }
}
