import { Injectable } from '@nestjs/common';
import {
  ALLIANCE_STATUS_LABELS,
  chinaDate,
  currentFiling,
  FILING_STATE_LABELS,
  foundingFailureSummary,
  PILOT_STATUS_LABELS,
} from '@xiangmeng/domain';
import ExcelJS from 'exceljs';
import { Clock } from '../../common/clock';
import { groupBy } from '../../common/request/per-request';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { AlliancesRepository } from '../alliances/alliances.repository';
import { AlliancesService } from '../alliances/alliances.service';
import type { AllianceFilterInput } from '../alliances/dto/alliance.input';
import { FoundingCheckService } from '../alliances/founding-check.service';
import { FilingsRepository } from '../filings/filings.repository';

export const EXPORT_LIMIT = 10_000;

/** The register as a workbook: the day it was made and its bytes. */
export type RegisterWorkbook = { today: string; content: Buffer };

@Injectable()
export class AllianceExportService {
  constructor(
    private readonly register: AlliancesService,
    private readonly alliances: AlliancesRepository,
    private readonly filings: FilingsRepository,
    private readonly foundingChecks: FoundingCheckService,
    private readonly clock: Clock,
  ) {}

  /** The register's filtered list as the list shows it, with each alliance's Art. 8 result today. */
  async workbook(ctx: RequestContext, viewer: Viewer, input: AllianceFilterInput): Promise<RegisterWorkbook> {
    const filter = await this.register.registerFilter(ctx.db, input);
    const alliances = await this.alliances.register(ctx.db, filter, EXPORT_LIMIT);
    const ids = alliances.map((a) => a.id);
    const details = await this.alliances.registerDetails(ctx.db, ids);
    const byId = new Map(details.map((d) => [d.id, d]));
    const filingsOf = groupBy(ids, await this.filings.registerRowsOf(ctx.db, ids), (f) => f.allianceId);
    const snapshots = await this.alliances.snapshots(ctx.db, alliances);
    const today = chinaDate(this.clock.now());

    const workbook = new ExcelJS.Workbook();
    workbook.created = this.clock.now();
    const sheet = workbook.addWorksheet('联盟名录');
    sheet.columns = [
      { header: '联盟名称', key: 'name', width: 36 },
      { header: '登记单位', key: 'city', width: 16 },
      { header: '产业分类', key: 'industry', width: 22 },
      { header: '发起日期', key: 'foundedOn', width: 12 },
      { header: '状态', key: 'status', width: 10 },
      { header: '试点', key: 'pilot', width: 10 },
      { header: '理事长单位', key: 'chair', width: 30 },
      { header: '现有成员数', key: 'members', width: 10 },
      { header: `第八条（${today}）`, key: 'founding', width: 40 },
      { header: '备案状态', key: 'filingState', width: 14 },
      { header: '备案号', key: 'filingNumber', width: 22 },
    ];
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    for (const [i, alliance] of alliances.entries()) {
      const detail = byId.get(alliance.id);
      const check = await this.foundingChecks.check(ctx, viewer, snapshots.get(alliance.id)!, today, 'OWN');
      const filing = currentFiling(filingsOf[i] ?? []);
      sheet.addRow({
        name: alliance.name,
        city: detail?.city ?? '',
        industry: detail?.industry ?? alliance.industryCode,
        foundedOn: alliance.foundedOn,
        status: ALLIANCE_STATUS_LABELS[alliance.status],
        pilot: PILOT_STATUS_LABELS[alliance.pilotStatus],
        chair: detail?.chair ?? '',
        members: detail?.members ?? 0,
        founding: check.allHold ? '六项均满足' : `不满足：${foundingFailureSummary(check)}`,
        filingState: filing ? FILING_STATE_LABELS[filing.state] : '未备案',
        filingNumber: filing?.filingNumber ?? '',
      });
    }
    return { today, content: Buffer.from(await workbook.xlsx.writeBuffer()) };
  }
}
