import { Injectable } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import { isId } from '../../common/access/access';
import { DocumentEntity } from '../documents/document.entity';
import { MeasuresEntity } from '../measures/measures.entity';
import { TenantEntity } from '../tenants/tenant.entity';
import { type CallKind, PilotCallEntity } from './pilot-call.entity';

export type NewCall = Omit<PilotCallEntity, 'id' | 'createdAt'>;
export type CallFields = Pick<
  PilotCallEntity,
  'title' | 'description' | 'opensAt' | 'closesAt' | 'recommendBy' | 'decideBy' | 'requiredDocuments'
>;

/** Every statement the calls feature runs, in the caller's transaction (row-level security applies). */
@Injectable()
export class CallsRepository {
  /** Own calls of the kind in any status and the parent tier's published ones (row-level security decides). */
  list(db: EntityManager, kind: CallKind = 'PILOT', programmeId?: string): Promise<PilotCallEntity[]> {
    return db.find(PilotCallEntity, {
      where: { kind, ...(programmeId ? { programmeId } : {}) },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
  }

  async find(db: EntityManager, id: string): Promise<PilotCallEntity | null> {
    return isId(id) ? db.findOneBy(PilotCallEntity, { id }) : null;
  }

  async insert(db: EntityManager, call: NewCall): Promise<string> {
    const saved = await db.save(db.create(PilotCallEntity, call));
    return saved.id;
  }

  /** Writes a draft's fields if it is still the draft at `version`; false when it is not. */
  async updateDraft(db: EntityManager, id: string, version: number, fields: CallFields): Promise<boolean> {
    const result = await db.update(
      PilotCallEntity,
      { id, status: 'DRAFT', version },
      { ...fields, version: version + 1 },
    );
    return result.affected === 1;
  }

  /** Publishes the draft at `version`; false when it changed or was published meanwhile. */
  async publish(db: EntityManager, id: string, version: number, at: Date): Promise<boolean> {
    const result = await db.update(
      PilotCallEntity,
      { id, status: 'DRAFT', version },
      { status: 'PUBLISHED', publishedAt: at, version: version + 1 },
    );
    return result.affected === 1;
  }

  /** The guides of the calls the viewer reads, by call (the guide's and the document's row security decide). */
  async guides(db: EntityManager, callIds: readonly string[]): Promise<Map<string, DocumentEntity>> {
    const rows = await db.query<{ call_id: string; document_id: string }[]>(
      'SELECT call_id, document_id FROM call_guide WHERE call_id = ANY($1::uuid[])',
      [callIds.filter(isId)],
    );
    const documents = rows.length
      ? await db.findBy(DocumentEntity, { id: In(rows.map((r) => r.document_id)) })
      : [];
    const byCall = new Map<string, DocumentEntity>();
    for (const r of rows) {
      const document = documents.find((d) => d.id === r.document_id);
      if (document) byCall.set(r.call_id, document);
    }
    return byCall;
  }

  /** Sets the call's guide; the document it replaces, if any. */
  async setGuide(
    db: EntityManager,
    g: { tenantId: string; callId: string; documentId: string; at: Date; by: string },
  ): Promise<string | null> {
    const [before] = await db.query<{ document_id: string }[]>(
      'SELECT document_id FROM call_guide WHERE tenant_id = $1 AND call_id = $2 FOR UPDATE',
      [g.tenantId, g.callId],
    );
    await db.query(
      `INSERT INTO call_guide (tenant_id, call_id, document_id, attached_at, attached_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id, call_id) DO UPDATE
         SET document_id = EXCLUDED.document_id, attached_at = EXCLUDED.attached_at, attached_by = EXCLUDED.attached_by`,
      [g.tenantId, g.callId, g.documentId, g.at, g.by],
    );
    return before?.document_id ?? null;
  }

  /** Removes the call's guide; the document it was, or null when there was none. */
  async removeGuide(db: EntityManager, tenantId: string, callId: string): Promise<string | null> {
    // A DELETE answers its rows and the count.
    const [rows] = await db.query<[{ document_id: string }[], number]>(
      'DELETE FROM call_guide WHERE tenant_id = $1 AND call_id = $2 RETURNING document_id',
      [tenantId, callId],
    );
    return rows[0]?.document_id ?? null;
  }

  byIds(db: EntityManager, ids: readonly string[]): Promise<PilotCallEntity[]> {
    return db.findBy(PilotCallEntity, { id: In(ids.filter(isId)) });
  }

  // The measures and tenant rows below belong to the measures and tenants features; the calls
  // feature reads them here (the version a call applies, the tier that published it) until
  // those features offer the reads.

  /** One version of a tier's measures, as the call (or a city's version) names it. */
  measuresVersion(db: EntityManager, id: string, tenantId: string | null): Promise<MeasuresEntity | null> {
    return db.findOneBy(MeasuresEntity, { id, tenantId: tenantId ?? undefined });
  }

  measuresVersionsByIds(db: EntityManager, ids: readonly string[]): Promise<MeasuresEntity[]> {
    return db.findBy(MeasuresEntity, { id: In(ids.filter(isId)) });
  }

  tenantsByIds(db: EntityManager, ids: readonly string[]): Promise<TenantEntity[]> {
    return db.findBy(TenantEntity, { id: In(ids.filter(isId)) });
  }

  /** The cities under a province (a province call's applicants), or the city itself. */
  async applicantTenants(db: EntityManager, authorityTenantId: string): Promise<string[]> {
    const rows = await db.query<{ id: string }[]>(
      `SELECT id FROM tenant WHERE parent_id = $1 UNION SELECT id FROM tenant WHERE id = $1 AND level = 'CITY'`,
      [authorityTenantId],
    );
    return rows.map((r) => r.id);
  }
}
