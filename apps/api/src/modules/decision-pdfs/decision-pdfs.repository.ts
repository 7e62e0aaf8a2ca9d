import { Injectable } from '@nestjs/common';
import type { DecisionPdfState } from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';

export type DecisionSubjectType = 'pilot_application' | 'programme_application' | 'filing';

export type DecisionPdf = {
  id: string;
  tenantId: string;
  subjectType: DecisionSubjectType;
  subjectId: string;
  state: DecisionPdfState;
  fileName: string;
  requestedAt: Date;
  renderedAt: Date | null;
  documentId: string | null;
  sha256: Buffer | null;
  reason: string | null;
};

type Row = {
  id: string;
  tenant_id: string;
  subject_type: DecisionSubjectType;
  subject_id: string;
  state: DecisionPdfState;
  file_name: string;
  requested_at: Date;
  rendered_at: Date | null;
  document_id: string | null;
  sha256: Buffer | null;
  reason: string | null;
};

function toDecisionPdf(r: Row): DecisionPdf {
  return {
    id: r.id,
    tenantId: r.tenant_id,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    state: r.state,
    fileName: r.file_name,
    requestedAt: r.requested_at,
    renderedAt: r.rendered_at,
    documentId: r.document_id,
    sha256: r.sha256,
    reason: r.reason,
  };
}

/** Every statement of the decision_pdf table. */
@Injectable()
export class DecisionPdfsRepository {
  /** One PDF per decided record: a new decision on it asks again. */
  async request(
    db: EntityManager,
    p: { tenantId: string; subjectType: DecisionSubjectType; subjectId: string; fileName: string; now: Date },
  ): Promise<string> {
    const [row] = await db.query<{ id: string }[]>(
      `INSERT INTO decision_pdf (tenant_id, subject_type, subject_id, file_name, requested_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id, subject_type, subject_id) DO UPDATE
         SET state = 'PENDING', file_name = EXCLUDED.file_name, requested_at = EXCLUDED.requested_at,
             rendered_at = NULL, document_id = NULL, sha256 = NULL, reason = NULL
       RETURNING id`,
      [p.tenantId, p.subjectType, p.subjectId, p.fileName, p.now],
    );
    return row!.id;
  }

  async find(db: EntityManager, id: string): Promise<DecisionPdf | null> {
    const [row] = await db.query<Row[]>('SELECT * FROM decision_pdf WHERE id = $1', [id]);
    return row ? toDecisionPdf(row) : null;
  }

  async ofSubjects(
    db: EntityManager,
    subjectType: DecisionSubjectType,
    subjectIds: readonly string[],
  ): Promise<DecisionPdf[]> {
    const rows = await db.query<Row[]>(
      'SELECT * FROM decision_pdf WHERE subject_type = $1 AND subject_id = ANY($2::uuid[])',
      [subjectType, subjectIds],
    );
    return rows.map(toDecisionPdf);
  }

  /** Only a pending request is settled: a retried job finds it settled and leaves it. */
  async stored(
    db: EntityManager,
    id: string,
    documentId: string,
    sha256: Buffer,
    now: Date,
  ): Promise<boolean> {
    const [, affected] = await db.query<[unknown, number]>(
      `UPDATE decision_pdf SET state = 'STORED', document_id = $2, sha256 = $3, rendered_at = $4
       WHERE id = $1 AND state = 'PENDING'`,
      [id, documentId, sha256, now],
    );
    return affected === 1;
  }

  async missing(db: EntityManager, id: string, reason: string, now: Date): Promise<boolean> {
    const [, affected] = await db.query<[unknown, number]>(
      `UPDATE decision_pdf SET state = 'MISSING', reason = $2, rendered_at = $3 WHERE id = $1 AND state = 'PENDING'`,
      [id, reason, now],
    );
    return affected === 1;
  }

  async bureauNames(db: EntityManager, tenantIds: readonly string[]): Promise<Map<string, string>> {
    const rows = await db.query<{ id: string; bureau_name: string }[]>(
      'SELECT id, bureau_name FROM tenant WHERE id = ANY($1::uuid[])',
      [tenantIds],
    );
    return new Map(rows.map((r) => [r.id, r.bureau_name]));
  }
}
