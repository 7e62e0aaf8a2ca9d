import { Controller, Get, Query, Req, Res, StreamableFile, UseInterceptors } from '@nestjs/common';
import { type AllianceStatus, type PilotStatus, REGISTER_KEEPER_ROLES } from '@xiangmeng/domain';
import type { Request, Response } from 'express';
import { Allow } from '../../common/auth/access.decorators';
import { restContext, RestTransactionInterceptor } from '../../common/request/rest-context';
import { AllianceExportService } from './alliance-export.service';

@Controller('api/exports')
@UseInterceptors(RestTransactionInterceptor)
export class AllianceExportController {
  constructor(private readonly exports: AllianceExportService) {}

  /**
   * The register's filtered list as an Excel workbook, with each alliance's registering tenant,
   * Art. 8 result today and filing.
   */
  @Allow(...REGISTER_KEEPER_ROLES)
  @Get('alliances.xlsx')
  async alliances(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Query() query: Record<string, string | undefined>,
  ): Promise<StreamableFile> {
    const ctx = restContext(req)!;
    // The list's filter, checked by the same service (a wrong value answers 400 naming the field).
    const { today, content } = await this.exports.workbook(ctx, ctx.viewer!, {
      industryCode: query.industryCode || undefined,
      status: (query.status || undefined) as AllianceStatus | undefined,
      pilotStatus: (query.pilotStatus || undefined) as PilotStatus | undefined,
      search: query.search || undefined,
      tenantCode: query.tenantCode || undefined,
      filingState: query.filingState || undefined,
    });
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename*=UTF-8''${encodeURIComponent(`联盟名录-${today}.xlsx`)}`,
    );
    res.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(content);
  }
}
