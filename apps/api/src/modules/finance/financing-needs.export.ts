import { Injectable } from '@nestjs/common';
import { STAFF_ROLES } from '@xiangmeng/domain';
import {
  type ExportColumn,
  type ExportQuery,
  ListExport,
  type ListExportDefinition,
  money,
  text,
} from '../../common/exports/list-export';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { type FinancingNeedModel, toNeedModel } from './finance.model';
import { FinanceService } from './finance.service';

type NeedFilter = { status?: string; allianceId?: string; institutionId?: string };

/** 融资需求: the needs the list shows, by status, alliance or the institution they are visible to. */
@Injectable()
@ListExport()
export class FinancingNeedsExport implements ListExportDefinition<NeedFilter, FinancingNeedModel> {
  readonly name = 'financing-needs';
  readonly title = '融资需求';
  readonly roles = STAFF_ROLES;

  constructor(private readonly service: FinanceService) {}

  filter(_ctx: RequestContext, _viewer: Viewer, query: ExportQuery): NeedFilter {
    return {
      status: text(query, 'status'),
      allianceId: text(query, 'allianceId'),
      institutionId: text(query, 'institutionId'),
    };
  }

  columns(): ExportColumn<FinancingNeedModel>[] {
    return [
      { key: 'organization', header: '企业', width: 30, value: (n) => n.organizationName },
      { key: 'alliance', header: '联盟', width: 30, value: (n) => n.allianceName },
      { key: 'amount', header: '融资金额', width: 18, value: (n) => money(n.amountFen) },
      { key: 'form', header: '意向方式', width: 14, value: (n) => n.preferredFormLabel },
      { key: 'term', header: '期限（月）', width: 10, value: (n) => n.termMonths },
      { key: 'purpose', header: '用途', width: 36, value: (n) => n.purpose },
      { key: 'postedOn', header: '登记日期', width: 12, value: (n) => n.postedOn },
      {
        key: 'linkage',
        header: '向对接计划公开',
        width: 14,
        value: (n) => (n.inLinkageProgramme ? '是' : '否'),
      },
      { key: 'status', header: '状态', width: 10, value: (n) => n.statusLabel },
      {
        key: 'introductions',
        header: '推介机构（答复）',
        width: 40,
        value: (n) => n.introductions.map((i) => `${i.institutionName}（${i.outcomeLabel}）`).join('；'),
      },
    ];
  }

  /** The service checks the filter: a wrong value answers 400 before the first byte. */
  async rows(ctx: RequestContext, _viewer: Viewer, filter: NeedFilter): Promise<FinancingNeedModel[]> {
    return (await this.service.needs(ctx.db, filter)).map(toNeedModel);
  }
}
