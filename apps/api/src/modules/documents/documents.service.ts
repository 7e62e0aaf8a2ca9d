import { Injectable } from '@nestjs/common';
import { checkDocumentFile } from '@xiangmeng/domain';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { actOn } from '../../common/access/access';
import { Clock } from '../../common/clock';
import { badInput } from '../../common/errors/app-error';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { AuditService } from '../audit/audit.service';
import { DocumentStorage } from './document-storage';
import type { DocumentEntity, DocumentKind } from './document.entity';
import { DocumentsRepository } from './documents.repository';
import { fileProblem, type StagedUpload } from './upload-staging';

const KINDS: readonly DocumentKind[] = ['AGREEMENT_SCAN', 'FEASIBILITY_REPORT', 'ATTACHMENT'];

/**
 * A staged upload for an alliance whose owner has already said it may be changed, or for another
 * record of the tenant (a notice, a call) named by `subject` when there is no alliance.
 */
export type Upload = {
  staged: StagedUpload;
  allianceId: string | null;
  kind: string;
  subject?: { type: string; id: string };
};

/**
 * Document storage and checking: content kept by SHA-256 in DocumentStorage, a row per file.
 * The features that attach documents (alliances, pilot applications) decide who may attach
 * them; this service checks the file and keeps it.
 */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly documents: DocumentsRepository,
    private readonly storage: DocumentStorage,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** A file attached to a record of the viewer's tier (a notice, a call), not to an alliance. */
  storeAttachment(
    ctx: RequestContext,
    viewer: Viewer,
    staged: StagedUpload,
    subject: { type: string; id: string },
  ): Promise<DocumentEntity> {
    return this.store(ctx, viewer, { staged, allianceId: null, kind: 'ATTACHMENT', subject });
  }

  /** Checks the kind and the file, and keeps both content and row in the request's transaction. */
  async store(ctx: RequestContext, viewer: Viewer, upload: Upload): Promise<DocumentEntity> {
    if (!KINDS.includes(upload.kind as DocumentKind)) {
      throw badInput([{ field: 'kind', rule: 'ONE_OF', message: '请选择文件类别' }]);
    }
    const { staged } = upload;
    const check = checkDocumentFile(staged.fileName, staged.sizeBytes, staged.head);
    if (!check.ok) throw fileProblem(check.problem);
    const subject = upload.allianceId
      ? { type: 'alliance', id: upload.allianceId }
      : (upload.subject ?? { type: 'tenant', id: viewer.tenantId });
    const storageKey = `${viewer.tenantId}/${upload.allianceId ?? `${subject.type}-${subject.id}`}/${randomUUID()}`;
    // The content goes into place inside the transaction, and out again if it does not commit:
    // no row without its file, no file without its row.
    await this.storage.putFile(storageKey, staged.path);
    ctx.onRollback(() => this.storage.remove(storageKey));
    const document = await this.documents.insert(ctx.db, {
      tenantId: viewer.tenantId,
      allianceId: upload.allianceId,
      kind: upload.kind as DocumentKind,
      fileName: staged.fileName.trim(),
      mediaType: check.mediaType,
      sizeBytes: String(staged.sizeBytes),
      sha256: staged.sha256,
      storageKey,
      uploadedAt: this.clock.now(),
      uploadedBy: viewer.userId,
    });
    await this.audit.record(ctx.db, {
      action: 'document.upload',
      subjectType: subject.type,
      subjectId: subject.id,
      after: {
        documentId: document.id,
        kind: document.kind,
        fileName: document.fileName,
        sha256: staged.sha256.toString('hex'),
        sizeBytes: document.sizeBytes,
      },
    });
    return document;
  }

  /**
   * Puts content the system made (a decision's PDF) into the store, before any transaction opens;
   * `recordGenerated` then keeps its row. Keys name the content's hash, so a retry writes the same key.
   */
  putGenerated(key: string, content: Buffer): Promise<void> {
    return this.storage.put(key, content);
  }

  recordGenerated(
    db: EntityManager,
    g: {
      tenantId: string;
      kind: DocumentKind;
      fileName: string;
      mediaType: string;
      sizeBytes: number;
      sha256: Buffer;
      storageKey: string;
      at: Date;
    },
  ): Promise<DocumentEntity> {
    return this.documents.insert(db, {
      tenantId: g.tenantId,
      allianceId: null,
      kind: g.kind,
      fileName: g.fileName,
      mediaType: g.mediaType,
      sizeBytes: String(g.sizeBytes),
      sha256: g.sha256,
      storageKey: g.storageKey,
      uploadedAt: g.at,
      uploadedBy: null,
    });
  }

  /** A document to download: one the viewer can see, and for an expert one of an assigned dossier. */
  async byId(ctx: RequestContext, id: string): Promise<DocumentEntity> {
    const document = actOn(await this.documents.find(ctx.db, id));
    // An expert reaches a document only through a dossier assigned to them (attachment rows are
    // visible exactly while their application is), never the register's own files.
    const reachable =
      !ctx.viewer?.roles.includes('EXPERT') ||
      (await this.documents.attachedToVisibleApplication(ctx.db, document.tenantId, document.id));
    return actOn(document, () => reachable);
  }

  content(document: DocumentEntity): Promise<Buffer> {
    return this.storage.get(document.storageKey);
  }

  byIds(db: EntityManager, ids: readonly string[]): Promise<DocumentEntity[]> {
    return this.documents.byIds(db, ids);
  }

  /** The documents of many alliances, newest first (one statement, for a loader). */
  ofAlliances(db: EntityManager, allianceIds: readonly string[]): Promise<DocumentEntity[]> {
    return this.documents.ofAlliances(db, allianceIds);
  }

  /** Those of `ids` that the alliance uploaded, of `kind` when given: what a dossier may cite. */
  belongingTo(
    db: EntityManager,
    allianceId: string,
    ids: readonly string[],
    kind?: DocumentKind,
  ): Promise<DocumentEntity[]> {
    return this.documents.belongingTo(db, allianceId, ids, kind);
  }
}
