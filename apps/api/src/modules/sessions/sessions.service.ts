import { Injectable } from '@nestjs/common';
import { sessionState, shouldTouchSession } from '@xiangmeng/domain';
import type { Request } from 'express';
import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import type { RequestTransaction } from '../../common/request/request-transaction';
import type { ResolvedSession, SessionResolver } from '../../common/request/session-resolver';
import { readSessionToken } from './session-cookie';
import { SessionsRepository } from './sessions.repository';

function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/** Sessions of signed-in users: opened by sign-in, resolved on every request, revoked by users and auth. */
@Injectable()
export class SessionsService implements SessionResolver {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly clock: Clock,
  ) {}

  tokenOf(req: Request): string | null {
    return readSessionToken(req);
  }

  /** The request's transaction opened with its session; null when the session is unknown, ended or its user disabled. */
  async resume(transaction: RequestTransaction, token: string): Promise<ResolvedSession | null> {
    const row = await this.sessions.openWithSession(transaction, hashToken(token));
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
  touch(db: EntityManager, sessionId: string): Promise<void> {
    return this.sessions.touch(db, sessionId, this.clock.now());
  }

  /** A new session with a new random token: sign-in never reuses an identifier. */
  async open(
    db: EntityManager,
    user: { id: string; tenantId: string },
    client: { address: string | null; userAgent: string | null },
  ): Promise<{ token: string; sessionId: string }> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const sessionId = await this.sessions.insert(db, {
      tenantId: user.tenantId,
      userId: user.id,
      tokenHash: hashToken(token),
      createdAt: now,
      lastSeenAt: now,
      clientAddress: client.address,
      userAgent: client.userAgent?.slice(0, 500) ?? null,
    });
    return { token, sessionId };
  }

  revoke(db: EntityManager, sessionId: string): Promise<void> {
    return this.sessions.revoke(db, sessionId, this.clock.now());
  }

  /** Ends every open session of a user, except one to keep (the caller's own, when changing a password). */
  revokeAllOf(db: EntityManager, userId: string, keepSessionId?: string): Promise<void> {
    return this.sessions.revokeAllOf(db, userId, this.clock.now(), keepSessionId);
  }
}
