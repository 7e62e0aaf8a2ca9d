import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

// Every read of the audit trail goes through the SECURITY DEFINER functions of migration
// 1764610000000: the runtime role cannot read audit_event itself, and each function decides who
// may read what (the record's own readers; an admin's own chain).

export type RecordEventRow = {
  occurred_at: Date;
  seq: string;
  tenant_id: string;
  tenant_name: string | null;
  actor_name: string | null;
  action: string;
  before: unknown;
  after: unknown;
};

export type TenantEventRow = {
  seq: string;
  occurred_at: Date;
  actor_user_id: string | null;
  actor_name: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  before: unknown;
  after: unknown;
};

export type ChainWindowRow = {
  head_seq: string | null;
  checked_from: string;
  checked_to: string | null;
  broken_seq: string | null;
  broken_reason: string | null;
  broken_action: string | null;
  broken_at: Date | null;
};

export type RecordCursor = { at: string; seq: string; tenantId: string };

export type TenantEventFilter = {
  actorUserId: string | null;
  action: string | null;
  fromDate: string | null;
  toDate: string | null;
  ascending: boolean;
  afterSeq: string | null;
};

@Injectable()
export class AuditHistoryRepository {
  /** Whether the viewer may read the record's history at all (the record's own readers). */
  async readable(db: EntityManager, subjectType: string, subjectId: string): Promise<boolean> {
    const rows = await db.query<{ readable: boolean }[]>(
      'SELECT audit_record_chains($1, $2::uuid) IS NOT NULL AS readable',
      [subjectType, subjectId],
    );
    return rows[0]?.readable === true;
  }

  recordEvents(
    db: EntityManager,
    subjectType: string,
    subjectId: string,
    before: RecordCursor | null,
    limit: number,
  ): Promise<RecordEventRow[]> {
    return db.query(
      `SELECT occurred_at, seq::text, tenant_id, tenant_name, actor_name, action, before, after
       FROM audit_record_history($1, $2::uuid, $3::timestamptz, $4::bigint, $5::uuid, $6)`,
      [subjectType, subjectId, before?.at ?? null, before?.seq ?? null, before?.tenantId ?? null, limit],
    );
  }

  tenantEvents(db: EntityManager, filter: TenantEventFilter, limit: number): Promise<TenantEventRow[]> {
    return db.query(
      `SELECT seq::text, occurred_at, actor_user_id, actor_name, action, subject_type, subject_id, before, after
       FROM audit_tenant_events($1::uuid, $2, $3::date, $4::date, $5, $6::bigint, $7)`,
      [
        filter.actorUserId,
        filter.action,
        filter.fromDate,
        filter.toDate,
        filter.ascending,
        filter.afterSeq,
        limit,
      ],
    );
  }

  async tenantActions(db: EntityManager): Promise<string[]> {
    const rows = await db.query<{ action: string }[]>('SELECT action FROM audit_tenant_actions()');
    return rows.map((r) => r.action);
  }

  async verifyWindow(db: EntityManager, fromSeq: string, limit: number): Promise<ChainWindowRow | undefined> {
    const rows = await db.query<ChainWindowRow[]>(
      `SELECT head_seq::text, checked_from::text, checked_to::text, broken_seq::text, broken_reason,
              broken_action, broken_at
       FROM audit_verify_window($1::bigint, $2)`,
      [fromSeq, limit],
    );
    return rows[0];
  }
}
