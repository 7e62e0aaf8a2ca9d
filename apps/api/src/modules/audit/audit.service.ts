import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';

export type AuditEntry = {
  action: string;
  subjectType: string;
  subjectId: string | null;
  before?: unknown;
  after?: unknown;
};

@Injectable()
export class AuditService {
  constructor(private readonly clock: Clock) {}

  /** Appends to the current tenant's hash chain inside the caller's transaction. */
  async record(db: EntityManager, entry: AuditEntry): Promise<void> {
    await db.query('SELECT audit_append($1, $2, $3, $4, $5, $6)', [
      entry.action,
      entry.subjectType,
      entry.subjectId,
      entry.before === undefined ? null : JSON.stringify(entry.before),
      entry.after === undefined ? null : JSON.stringify(entry.after),
      this.clock.now(),
    ]);
  }
}
