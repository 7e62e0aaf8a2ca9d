import { Injectable } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import { isId } from '../../common/access/access';
import { DocumentEntity, type DocumentKind } from './document.entity';

export type NewDocument = Omit<DocumentEntity, 'id'>;

/** Uploaded documents' rows (their content is in DocumentStorage). */
@Injectable()
export class DocumentsRepository {
  async find(db: EntityManager, id: string): Promise<DocumentEntity | null> {
    return isId(id) ? db.findOneBy(DocumentEntity, { id }) : null;
  }

  async byIds(db: EntityManager, ids: readonly string[]): Promise<DocumentEntity[]> {
    const valid = ids.filter(isId);
    return valid.length ? db.findBy(DocumentEntity, { id: In(valid) }) : [];
  }

  /** The documents of many alliances, newest first. */
  ofAlliances(db: EntityManager, allianceIds: readonly string[]): Promise<DocumentEntity[]> {
    return db.find(DocumentEntity, {
      where: { allianceId: In([...allianceIds]) },
      order: { uploadedAt: 'DESC' },
    });
  }

  /** Those of `ids` that the alliance uploaded, of `kind` when given. */
  async belongingTo(
    db: EntityManager,
    allianceId: string,
    ids: readonly string[],
    kind?: DocumentKind,
  ): Promise<DocumentEntity[]> {
    const valid = ids.filter(isId);
    if (valid.length === 0) return [];
    return db.findBy(DocumentEntity, { id: In(valid), allianceId, ...(kind ? { kind } : {}) });
  }

  /**
   * Whether the document is attached to a pilot or programme application or an acceptance request the viewer can see (row-level
   * security shows an expert the attachment rows of their assigned dossiers only).
   */
  async attachedToVisibleApplication(
    db: EntityManager,
    tenantId: string,
    documentId: string,
  ): Promise<boolean> {
    const rows = await db.query<unknown[]>(
      `SELECT 1 FROM pilot_application_document WHERE tenant_id = $1 AND document_id = $2
       UNION ALL
       SELECT 1 FROM programme_application_document WHERE tenant_id = $1 AND document_id = $2
       UNION ALL
       SELECT 1 FROM project p WHERE p.alliance_tenant_id = $1 AND (p.acceptance -> 'documentIds') ? $2::text
       LIMIT 1`,
      [tenantId, documentId],
    );
    return rows.length > 0;
  }

  insert(db: EntityManager, document: NewDocument): Promise<DocumentEntity> {
    return db.save(db.create(DocumentEntity, document));
  }
}
