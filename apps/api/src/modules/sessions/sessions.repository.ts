import { Injectable } from '@nestjs/common';
import type { Role, TenantLevel } from '@xiangmeng/domain';
import { type EntityManager, IsNull } from 'typeorm';
import { identitySettings } from '../../common/request/identity';
import type { RequestTransaction } from '../../common/request/request-transaction';
import { SessionEntity } from './session.entity';

/** A session with its user's standing, as `auth_find_session` returns it (past row-level security). */
export type SessionRow = {
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

export type NewSession = Pick<
  SessionEntity,
  'tenantId' | 'userId' | 'tokenHash' | 'createdAt' | 'lastSeenAt' | 'clientAddress' | 'userAgent'
>;

/** Every statement the sessions feature runs, in the caller's transaction. */
@Injectable()
export class SessionsRepository {
  /**
   * Looked up before any identity is set, so through a function that may read every session; it
   * opens the request's transaction and sets the identity of a live session in the same round trip.
   * The token's hash goes in as a hex literal: the statement travels with START TRANSACTION, which
   * takes no parameters.
   */
  async openWithSession(transaction: RequestTransaction, tokenHash: Buffer): Promise<SessionRow | null> {
    const [row] = await transaction.openWith<SessionRow>(
      `SELECT s.*, live.* FROM auth_find_session('\\x${tokenHash.toString('hex')}'::bytea) s
         LEFT JOIN LATERAL (SELECT ${identitySettings('s.tenant_id::text', 's.user_id::text', "array_to_string(s.roles, ',')")}
                             WHERE NOT s.disabled AND s.revoked_at IS NULL) live ON true`,
    );
    return row ?? null;
  }

  async touch(db: EntityManager, id: string, at: Date): Promise<void> {
    await db.update(SessionEntity, { id }, { lastSeenAt: at });
  }

  async insert(db: EntityManager, session: NewSession): Promise<string> {
    const saved = await db.save(db.create(SessionEntity, session));
    return saved.id;
  }

  async revoke(db: EntityManager, id: string, at: Date): Promise<void> {
    await db.update(SessionEntity, { id, revokedAt: IsNull() }, { revokedAt: at });
  }

  /** Ends every open session of a user but `keepId`. */
  async revokeAllOf(db: EntityManager, userId: string, at: Date, keepId?: string): Promise<void> {
    const query = db
      .createQueryBuilder()
      .update(SessionEntity)
      .set({ revokedAt: at })
      .where('user_id = :userId AND revoked_at IS NULL', { userId });
    if (keepId) query.andWhere('id <> :keepId', { keepId });
    await query.execute();
  }
}
