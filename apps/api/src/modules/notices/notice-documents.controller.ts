import { Controller, Param, Post, Req, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { MAX_DOCUMENT_BYTES, STAFF_ROLES } from '@xiangmeng/domain';
import type { Request } from 'express';
import { Allow } from '../../common/auth/access.decorators';
import { restContext, RestTransactionInterceptor } from '../../common/request/rest-context';
import { type DocumentModel, toDocumentModel } from '../documents/document.model';
import { DocumentsService } from '../documents/documents.service';
import { type UploadedPart, withUploadedFile } from '../documents/upload-staging';
import { NoticesService } from './notices.service';

// An attachment of a notice draft: the file is checked and kept by DocumentsService, then linked.
@Controller('api/notices')
@UseInterceptors(RestTransactionInterceptor)
export class NoticeDocumentsController {
  constructor(
    private readonly documents: DocumentsService,
    private readonly notices: NoticesService,
  ) {}

  @Allow(...STAFF_ROLES)
  @Post(':id/attachments')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 5 } }))
  async upload(
    @Req() req: Request,
    @Param('id') id: string,
    @UploadedFile() file: UploadedPart | undefined,
  ): Promise<DocumentModel> {
    const ctx = restContext(req)!;
    return withUploadedFile(file, '请选择要上传的文件', async (staged) => {
      const viewer = ctx.viewer!;
      // Checked before the file is kept: a draft of the viewer's own tier.
      await this.notices.attachable(ctx.db, viewer, id);
      const document = await this.documents.storeAttachment(ctx, viewer, staged, { type: 'notice', id });
      await this.notices.attach(ctx, viewer, id, document.id, document.fileName);
      return toDocumentModel(document);
    });
  }
}
