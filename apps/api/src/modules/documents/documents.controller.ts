import {
  Body,
  Controller,
  StreamableFile,
  Get,
  Param,
  Post,
  Req,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { MAX_DOCUMENT_BYTES, REGISTER_KEEPER_ROLES } from '@xiangmeng/domain';
import type { Request, Response } from 'express';
import { Allow } from '../../common/auth/access.decorators';
import { badInput } from '../../common/errors/app-error';
import { restContext, RestTransactionInterceptor } from '../../common/request/rest-context';
import { type DocumentModel, toDocumentModel } from './document.model';
import { DocumentsService } from './documents.service';
import { discardStaged, type StagedUpload } from './upload-staging';

type UploadedPart = { staged: StagedUpload };

@Controller('api/documents')
@UseInterceptors(RestTransactionInterceptor)
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

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
    if (!file) throw badInput([{ field: 'file', rule: 'REQUIRED', message: '请选择要上传的文件' }]);
    try {
      // The body is all read: only now does the request's transaction open, for a few statements.
      const document = await this.documents.upload(ctx, ctx.viewer!, {
        staged: file.staged,
        allianceId: body.allianceId ?? '',
        kind: body.kind ?? '',
      });
      return toDocumentModel(document);
    } finally {
      await discardStaged(file.staged);
    }
  }

  // Experts read the documents of the dossiers they review; the service and the database decide which.
  @Allow(...REGISTER_KEEPER_ROLES, 'EXPERT')
  @Get(':id')
  async download(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Param('id') id: string,
  ): Promise<StreamableFile> {
    const ctx = restContext(req)!;
    const document = await this.documents.byId(ctx, id);
    const content = await this.documents.content(document);
    res.setHeader('Content-Type', document.mediaType);
    res.setHeader(
      'Content-Disposition',
      `attachment; filename*=UTF-8''${encodeURIComponent(document.fileName)}`,
    );
    res.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(content);
  }
}
