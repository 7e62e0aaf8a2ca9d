import { Controller, Param, Post, Req, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { MAX_DOCUMENT_BYTES, STAFF_ROLES } from '@xiangmeng/domain';
import type { Request } from 'express';
import { Allow } from '../../common/auth/access.decorators';
import { restContext, RestTransactionInterceptor } from '../../common/request/rest-context';
import { type DocumentModel, toDocumentModel } from '../documents/document.model';
import { DocumentsService } from '../documents/documents.service';
import { type UploadedPart, withUploadedFile } from '../documents/upload-staging';
import { CallsService } from './calls.service';

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
    return withUploadedFile(file, '请选择要上传的申报指南文件', async (staged) => {
      const viewer = ctx.viewer!;
      // Checked before the file is kept: the viewer's own call, a draft or not yet closed.
      await this.calls.guideChangeable(ctx.db, viewer, id);
      const document = await this.documents.storeAttachment(ctx, viewer, staged, { type: 'pilot_call', id });
      await this.calls.setGuide(ctx, viewer, id, document);
      return toDocumentModel(document);
    });
  }
}
