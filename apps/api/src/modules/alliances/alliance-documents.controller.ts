import { Body, Controller, Post, Req, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { MAX_DOCUMENT_BYTES, REGISTER_KEEPER_ROLES } from '@xiangmeng/domain';
import type { Request } from 'express';
import { Allow } from '../../common/auth/access.decorators';
import { restContext, RestTransactionInterceptor } from '../../common/request/rest-context';
import { type DocumentModel, toDocumentModel } from '../documents/document.model';
import { type UploadedPart, withUploadedFile } from '../documents/upload-staging';
import { AllianceDocumentsService } from './alliance-documents.service';

// Uploads go to an alliance's file, so the route lives with alliances (downloads stay with
// documents); the multipart part is staged by the storage DocumentsModule registers.
@Controller('api/documents')
@UseInterceptors(RestTransactionInterceptor)
export class AllianceDocumentsController {
  constructor(private readonly allianceDocuments: AllianceDocumentsService) {}

  @Allow(...REGISTER_KEEPER_ROLES)
  @Post()
  @UseInterceptors(
    FileInterceptor('file', { limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 10 } }),
  )
  async upload(
    @Req() req: Request,
    @UploadedFile() file: UploadedPart | undefined,
    @Body() body: { allianceId?: string; kind?: string },
  ): Promise<DocumentModel> {
    const ctx = restContext(req)!;
    return withUploadedFile(file, '请选择要上传的文件', async (staged) => {
      // The body is all read: only now does the request's transaction open, for a few statements.
      const document = await this.allianceDocuments.upload(ctx, ctx.viewer!, {
        staged,
        allianceId: body.allianceId ?? '',
        kind: body.kind ?? '',
      });
      return toDocumentModel(document);
    });
  }
}
