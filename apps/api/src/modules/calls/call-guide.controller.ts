import { Controller, Param, Post, Req, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { MAX_DOCUMENT_BYTES, STAFF_ROLES } from '@xiangmeng/domain';
import type { Request } from 'express';
import { Allow } from '../../common/auth/access.decorators';
import { badInput } from '../../common/errors/app-error';
import { restContext, RestTransactionInterceptor } from '../../common/request/rest-context';
import { type DocumentModel, toDocumentModel } from '../documents/document.model';
import { DocumentsService } from '../documents/documents.service';
import { discardStaged, type StagedUpload } from '../documents/upload-staging';
import { CallsService } from './calls.service';

type UploadedPart = { staged: StagedUpload };

// A call's guide (申报指南), pilot or programme call alike: the file is checked and kept by
// DocumentsService, then set on the call (replacing the guide it had).
@Controller('api/calls')
@UseInterceptors(RestTransactionInterceptor)
export class CallGuideController {
  constructor(
    private readonly documents: DocumentsService,
    private readonly calls: CallsService,
  ) {}

  @Allow(...STAFF_ROLES)
  @Post(':id/guide')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 5 } }))
  async upload(
    @Req() req: Request,
    @Param('id') id: string,
    @UploadedFile() file: UploadedPart | undefined,
  ): Promise<DocumentModel> {
    const ctx = restContext(req)!;
    if (!file) throw badInput([{ field: 'file', rule: 'REQUIRED', message: '请选择要上传的申报指南文件' }]);
    try {
      const viewer = ctx.viewer!;
      // Checked before the file is kept: the viewer's own call, a draft or not yet closed.
      await this.calls.guideChangeable(ctx.db, viewer, id);
      const document = await this.documents.store(ctx, viewer, {
        staged: file.staged,
        allianceId: null,
        kind: 'ATTACHMENT',
        subject: { type: 'pilot_call', id },
      });
      await this.calls.setGuide(ctx, viewer, id, document);
      return toDocumentModel(document);
    } finally {
      await discardStaged(file.staged);
    }
  }
}
