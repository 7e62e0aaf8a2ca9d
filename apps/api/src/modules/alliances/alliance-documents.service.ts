import { Injectable } from '@nestjs/common';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import type { DocumentEntity } from '../documents/document.entity';
import { DocumentsService, type Upload } from '../documents/documents.service';
import { AlliancesService } from './alliances.service';

/** An alliance's file: scans, feasibility reports and attachments, uploaded while it may change. */
@Injectable()
export class AllianceDocumentsService {
  constructor(
    private readonly alliances: AlliancesService,
    private readonly documents: DocumentsService,
  ) {}

  async upload(ctx: RequestContext, viewer: Viewer, upload: Upload & { allianceId: string }): Promise<DocumentEntity> {
    const alliance = await this.alliances.changeable(ctx.db, viewer, upload.allianceId);
    return this.documents.store(ctx, viewer, { ...upload, allianceId: alliance.id });
  }
}
