import { Controller, Post, Req, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { MAX_DOCUMENT_BYTES, Role } from '@xiangmeng/domain';
import type { Request } from 'express';
import { Allow } from '../../common/auth/access.decorators';
import { restContext, RestTransactionInterceptor } from '../../common/request/rest-context';
import { type DocumentModel, toDocumentModel } from '../documents/document.model';
import { DocumentsService } from '../documents/documents.service';
import { type UploadedPart, withUploadedFile } from '../documents/upload-staging';
import { notTheProvince } from './national-pilots.errors';

// The Ministry's designation document, kept in the province's own file (no alliance: the alliance
// is usually a city's); the designation names it when recorded.
@Controller('api/national-pilots')
@UseInterceptors(RestTransactionInterceptor)
export class NationalPilotDocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Allow(Role.PROVINCE_ADMIN)
  @Post('documents')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 5 } }))
  async upload(@Req() req: Request, @UploadedFile() file: UploadedPart | undefined): Promise<DocumentModel> {
    const ctx = restContext(req)!;
    return withUploadedFile(file, '请选择要上传的文件', async (staged) => {
      const viewer = ctx.viewer!;
      if (viewer.tenantLevel !== 'PROVINCE') throw notTheProvince();
      const document = await this.documents.storeAttachment(ctx, viewer, staged, {
        type: 'national-pilot',
        id: viewer.tenantId,
      });
      return toDocumentModel(document);
    });
  }
}
