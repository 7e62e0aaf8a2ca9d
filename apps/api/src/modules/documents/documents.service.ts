import { Injectable } from '@nestjs/common';
import { checkDocumentFile } from '@xiangmeng/domain';
import { randomUUID } from 'node:crypto';
import { Clock } from '../../common/clock';
import { badInput, notFound } from '../../common/errors/app-error';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { AlliancesService } from '../alliances/alliances.service';
import { AuditService } from '../audit/audit.service';
import { DocumentStorage } from './document-storage';
import { DocumentEntity, type DocumentKind } from './document.entity';
import { fileProblem, type StagedUpload } from './upload-staging';

const KINDS: readonly DocumentKind[] = ['AGREEMENT_SCAN', 'FEASIBILITY_REPORT', 'ATTACHMENT'];
const UUID = /^[0-9a-f-]{36}$/i;

export type Upload = { staged: StagedUpload; allianceId: string; kind: string };

@Injectable()
export class DocumentsService {
  constructor(
    private readonly storage: DocumentStorage,
    private readonly alliances: AlliancesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async upload(ctx: RequestContext, viewer: Viewer, upload: Upload): Promise<DocumentEntity> {
    const alliance = await this.alliances.changeable(ctx.db, viewer, upload.allianceId);
    if (!KINDS.includes(upload.kind as DocumentKind)) {
      throw badInput([{ field: 'kind', rule: 'ONE_OF', message: '请选择文件类别' }]);
    }
    const { staged } = upload;
    const check = checkDocumentFile(staged.fileName, staged.sizeBytes, staged.head);
    if (!check.ok) throw fileProblem(check.problem);
    const storageKey = `${viewer.tenantId}/${alliance.id}/${randomUUID()}`;
    // The content goes into place inside the transaction, and out again if it does not commit:
    // no row without its file, no file without its row.
    await this.storage.putFile(storageKey, staged.path);
    ctx.onRollback(() => this.storage.remove(storageKey));
    const document = await ctx.db.save(
      ctx.db.create(DocumentEntity, {
        tenantId: viewer.tenantId,
        allianceId: alliance.id,
        kind: upload.kind as DocumentKind,
        fileName: staged.fileName.trim(),
        mediaType: check.mediaType,
        sizeBytes: String(staged.sizeBytes),
        sha256: staged.sha256,
        storageKey,
        uploadedAt: this.clock.now(),
        uploadedBy: viewer.userId,
      }),
    );
    await this.audit.record(ctx.db, {
      action: 'document.upload',
      subjectType: 'alliance',
      subjectId: alliance.id,
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

  async byId(ctx: RequestContext, id: string): Promise<DocumentEntity> {
    const document = UUID.test(id) ? await ctx.db.findOneBy(DocumentEntity, { id }) : null;
    if (!document) throw notFound();
    // An expert reaches a document only through a dossier assigned to them (attachment rows are
    // visible exactly while their application is), never the register's own files.
    if (ctx.viewer?.roles.includes('EXPERT')) {
      const attached = await ctx.db.query<unknown[]>(
        'SELECT 1 FROM pilot_application_document WHERE tenant_id = $1 AND document_id = $2 LIMIT 1',
        [document.tenantId, document.id],
      );
      if (!attached.length) throw notFound();
    }
    return document;
  }

  content(document: DocumentEntity): Promise<Buffer> {
    return this.storage.get(document.storageKey);
  }

  forAlliance(ctx: RequestContext, allianceId: string): Promise<DocumentEntity[]> {
    return ctx.db.find(DocumentEntity, { where: { allianceId }, order: { uploadedAt: 'DESC' } });
  }
}
