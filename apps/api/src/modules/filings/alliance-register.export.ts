import { Injectable } from '@nestjs/common';
import {
  ALLIANCE_STATUS_LABELS,
  type AllianceStatus,
  chinaDate,
  currentFiling,
  FILING_STATE_LABELS,
  foundingFailureSummary,
  PILOT_STATUS_LABELS,
  type PilotStatus,
  REGISTER_KEEPER_ROLES,
} from '@xiangmeng/domain';
import { Clock } from '../../common/clock';
import {
  EXPORT_LIMIT,
  type ExportColumn,
  type ExportQuery,
  ListExport,
  type ListExportDefinition,
  text,
} from '../../common/exports/list-export';
import { groupBy } from '../../common/request/per-request';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { AlliancesRepository } from '../alliances/alliances.repository';
import { AlliancesService } from '../alliances/alliances.service';
import type { AllianceFilterInput } from '../alliances/dto/alliance.input';
import { FoundingCheckService } from '../alliances/founding-check.service';
import type { RegisterFilter } from '../alliances/register-filter';
import { FilingsRepository } from './filings.repository';

type RegisterRow = {
  name: string;
  city: string;
  industry: string;
  foundedOn: string;
  status: string;
  pilot: string;
  chair: string;
  members: number;
  founding: string;
  filingState: string;
  filingNumber: string;
};

/** 联盟名录: the register's filtered list with each alliance's Art. 8 result today and its filing. */
@Injectable()
@ListExport()
export class AllianceRegisterExport implements ListExportDefinition<RegisterFilter, RegisterRow> {
  readonly name = 'alliances';
  readonly title = '联盟名录';
  readonly roles = REGISTER_KEEPER_ROLES;

  constructor(
    private readonly register: AlliancesService,
    private readonly alliances: AlliancesRepository,
    private readonly filings: FilingsRepository,
    private readonly foundingChecks: FoundingCheckService,
    private readonly clock: Clock,
  ) {}

  filter(ctx: RequestContext, viewer: Viewer, query: ExportQuery): Promise<RegisterFilter> {
    // The list's own filter check: a wrong value answers 400 naming the field.
    const input: AllianceFilterInput = {
      industryCode: text(query, 'industryCode'),
      status: text(query, 'status') as AllianceStatus | undefined,
      pilotStatus: text(query, 'pilotStatus') as PilotStatus | undefined,
      search: query.search || undefined,
      tenantCode: text(query, 'tenantCode'),
      filingState: text(query, 'filingState'),
    };
    return this.register.registerFilter(ctx.db, viewer, input);
  }

  columns(): ExportColumn<RegisterRow>[] {
    const today = chinaDate(this.clock.now());
    return [
      { header: '联盟名称', key: 'name', width: 36, value: (r) => r.name },
      { header: '登记单位', key: 'city', width: 16, value: (r) => r.city },
      { header: '产业分类', key: 'industry', width: 22, value: (r) => r.industry },
      { header: '发起日期', key: 'foundedOn', width: 12, value: (r) => r.foundedOn },
      { header: '状态', key: 'status', width: 10, value: (r) => r.status },
      { header: '试点', key: 'pilot', width: 10, value: (r) => r.pilot },
      { header: '理事长单位', key: 'chair', width: 30, value: (r) => r.chair },
      { header: '现有成员数', key: 'members', width: 10, value: (r) => r.members },
      { header: `第八条（${today}）`, key: 'founding', width: 40, value: (r) => r.founding },
      { header: '备案状态', key: 'filingState', width: 14, value: (r) => r.filingState },
      { header: '备案号', key: 'filingNumber', width: 22, value: (r) => r.filingNumber },
    ];
  }

  async *rows(ctx: RequestContext, viewer: Viewer, filter: RegisterFilter): AsyncIterable<RegisterRow[]> {
    const alliances = await this.alliances.register(ctx.db, filter, EXPORT_LIMIT);
    const today = chinaDate(this.clock.now());
    for (let start = 0; start < alliances.length; start += 200) {
      const batch = alliances.slice(start, start + 200);
      const ids = batch.map((a) => a.id);
      const details = await this.alliances.registerDetails(ctx.db, ids);
      const byId = new Map(details.map((d) => [d.id, d]));
      const filingsOf = groupBy(ids, await this.filings.registerRowsOf(ctx.db, ids), (f) => f.allianceId);
      const snapshots = await this.alliances.snapshots(ctx.db, batch);
      const rows: RegisterRow[] = [];
      for (const [i, alliance] of batch.entries()) {
        const detail = byId.get(alliance.id);
        const check = await this.foundingChecks.check(ctx, viewer, snapshots.get(alliance.id)!, today, 'OWN');
        const filing = currentFiling(filingsOf[i] ?? []);
        rows.push({
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
      yield rows;
    }
  }
}
