import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export type AuditEvent = {
  action: string;
  subjectType: string;
  subjectId: string | null;
  before: string | null;
  after: string | null;
  at: Date;
};

/**
 * The one statement the API writes the audit trail with. `audit_append` links the event to the
 * current tenant's chain under a lock and takes the actor from the transaction's identity. The
 * chain walks (audit-chain.ts, chain-head.ts) run outside the API on a connection of their own.
 */
@Injectable()
export class AuditRepository {
  async append(db: EntityManager, event: AuditEvent): Promise<void> {
    await db.query('SELECT audit_append($1, $2, $3, $4, $5, $6)', [
      event.action,
      event.subjectType,
      event.subjectId,
      event.before,
      event.after,
      event.at,
    ]);
  }
}
