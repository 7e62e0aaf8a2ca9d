import { Controller, Get, Param, Req, Res, StreamableFile, UseInterceptors } from '@nestjs/common';
import { REGISTER_KEEPER_ROLES } from '@xiangmeng/domain';
import type { Request, Response } from 'express';
import { Allow } from '../../common/auth/access.decorators';
import { restContext, RestTransactionInterceptor } from '../../common/request/rest-context';
import { DocumentsService } from './documents.service';

// Uploads are to an owner's file (POST /api/documents lives with alliances); downloads are here.
@Controller('api/documents')
@UseInterceptors(RestTransactionInterceptor)
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

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
