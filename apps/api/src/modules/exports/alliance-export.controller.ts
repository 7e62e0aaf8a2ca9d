import { Controller, StreamableFile, Get, Query, Req, Res, UseInterceptors } from '@nestjs/common';
import {
  ALLIANCE_STATUS_LABELS,
  type AllianceStatus,
  chinaDate,
  PILOT_STATUS_LABELS,
  type PilotStatus,
  REGISTER_KEEPER_ROLES,
  foundingFailureSummary,
} from '@xiangmeng/domain';
import ExcelJS from 'exceljs';
import type { Request, Response } from 'express';
import { Allow } from '../../common/auth/access.decorators';
import { Clock } from '../../common/clock';
import { restContext, RestTransactionInterceptor } from '../../common/request/rest-context';
import { AllianceRegisterQuery } from '../alliances/alliance-register.query';
import { loadSnapshots } from '../alliances/alliance-snapshots';
import { FoundingCheckService } from '../alliances/founding-check.service';

export const EXPORT_LIMIT = 10_000;

type Row = { id: string; chair: string | null; members: number; industry: string };

@Controller('api/exports')
@UseInterceptors(RestTransactionInterceptor)
export class AllianceExportController {
  constructor(
    private readonly register: AllianceRegisterQuery,
    private readonly foundingChecks: FoundingCheckService,
    private readonly clock: Clock,
  ) {}

  /** The register's filtered list as an Excel workbook, with each alliance's Art. 8 result today. */
  @Allow(...REGISTER_KEEPER_ROLES)
  @Get('alliances.xlsx')
  async alliances(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Query() query: Record<string, string | undefined>,
  ): Promise<StreamableFile> {
    const ctx = restContext(req)!;
    const viewer = ctx.viewer!;
    const filter = {
      industryCode: query.industryCode || undefined,
      status: (query.status || undefined) as AllianceStatus | undefined,
      pilotStatus: (query.pilotStatus || undefined) as PilotStatus | undefined,
      search: query.search || undefined,
    };
    const alliances = await this.register
      .filtered(ctx.db, filter)
      .orderBy('a.created_at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .take(EXPORT_LIMIT)
      .getMany();
    const ids = alliances.map((a) => a.id);
    const details = await ctx.db.query<Row[]>(
      `SELECT a.id, i.name AS industry,
              (SELECT o.name FROM alliance_member m JOIN organization o ON o.id = m.organization_id
                WHERE m.alliance_id = a.id AND m.role = 'CHAIR' AND m.exited_on IS NULL) AS chair,
              (SELECT count(*)::int FROM alliance_member m WHERE m.alliance_id = a.id AND m.exited_on IS NULL) AS members
       FROM alliance a JOIN industry i ON i.code = a.industry_code WHERE a.id = ANY($1)`,
      [ids],
    );
    const byId = new Map(details.map((d) => [d.id, d]));
    const snapshots = await loadSnapshots(ctx.db, alliances);
    const today = chinaDate(this.clock.now());

    const workbook = new ExcelJS.Workbook();
    workbook.created = this.clock.now();
    const sheet = workbook.addWorksheet('联盟名录');
    sheet.columns = [
      { header: '联盟名称', key: 'name', width: 36 },
      { header: '产业分类', key: 'industry', width: 22 },
      { header: '发起日期', key: 'foundedOn', width: 12 },
      { header: '状态', key: 'status', width: 10 },
      { header: '试点', key: 'pilot', width: 10 },
      { header: '理事长单位', key: 'chair', width: 30 },
      { header: '现有成员数', key: 'members', width: 10 },
      { header: `第八条（${today}）`, key: 'founding', width: 40 },
    ];
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    for (const alliance of alliances) {
      const detail = byId.get(alliance.id);
      const check = await this.foundingChecks.check(ctx, viewer, snapshots.get(alliance.id)!, today, 'OWN');
      sheet.addRow({
        name: alliance.name,
        industry: detail?.industry ?? alliance.industryCode,
        foundedOn: alliance.foundedOn,
        status: ALLIANCE_STATUS_LABELS[alliance.status],
        pilot: PILOT_STATUS_LABELS[alliance.pilotStatus],
        chair: detail?.chair ?? '',
        members: detail?.members ?? 0,
        founding: check.allHold ? '六项均满足' : `不满足：${foundingFailureSummary(check)}`,
      });
    }
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename*=UTF-8''${encodeURIComponent(`联盟名录-${today}.xlsx`)}`,
    );
    res.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(buffer);
  }
}
