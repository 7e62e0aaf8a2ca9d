import { Injectable } from '@nestjs/common';
import { chinaDate, STAFF_ROLES } from '@xiangmeng/domain';
import { Clock } from '../../common/clock';
import {
  EXPORT_LIMIT,
  type ExportColumn,
  type ExportQuery,
  ListExport,
  type ListExportDefinition,
  text,
} from '../../common/exports/list-export';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { MAX_PAGE } from '../../common/paging';
import { platformListFilter } from './platform-filter';
import { type PlatformModel, toPlatformModel } from './platforms.model';
import type { PlatformFilter } from './platforms.repository';
import { PlatformsService } from './platforms.service';

/** 创新平台名录: the register filtered by status, kind, field or alliance, as the list is. */
@Injectable()
@ListExport()
export class PlatformsExport implements ListExportDefinition<PlatformFilter, PlatformModel> {
  readonly name = 'platforms';
  readonly title = '创新平台名录';
  readonly roles = STAFF_ROLES;

  constructor(
    private readonly service: PlatformsService,
    private readonly clock: Clock,
  ) {}

  filter(_ctx: RequestContext, _viewer: Viewer, query: ExportQuery): PlatformFilter {
    return platformListFilter({
      status: text(query, 'status'),
      kind: text(query, 'kind'),
      field: text(query, 'field'),
      allianceId: text(query, 'allianceId'),
      first: MAX_PAGE,
      offset: 0,
    });
  }

  columns(): ExportColumn<PlatformModel>[] {
    return [
      { key: 'name', header: '平台名称', width: 36, value: (p) => p.name },
      { key: 'kind', header: '类别', width: 20, value: (p) => p.kindLabel },
      { key: 'level', header: '级别', width: 8, value: (p) => p.levelLabel },
      { key: 'host', header: '依托单位', width: 30, value: (p) => p.hostName },
      {
        key: 'coBuilders',
        header: '共建单位',
        width: 36,
        value: (p) =>
          p.members
            .filter((m) => m.role === 'CO_BUILDER')
            .map((m) => m.name)
            .join('；'),
      },
      { key: 'alliance', header: '联盟', width: 30, value: (p) => p.allianceName },
      { key: 'field', header: '领域', width: 16, value: (p) => p.fieldName },
      { key: 'recognitionDocument', header: '认定文件', width: 24, value: (p) => p.recognitionDocument },
      { key: 'recognisedOn', header: '认定日期', width: 12, value: (p) => p.recognisedOn },
      { key: 'director', header: '平台主任', width: 10, value: (p) => p.director },
      { key: 'status', header: '状态', width: 10, value: (p) => p.statusLabel },
      { key: 'rectificationDueOn', header: '整改期限', width: 12, value: (p) => p.rectificationDueOn ?? '' },
      { key: 'removedReason', header: '撤销理由', width: 30, value: (p) => p.removedReason ?? '' },
    ];
  }

  async *rows(ctx: RequestContext, viewer: Viewer, filter: PlatformFilter): AsyncIterable<PlatformModel[]> {
    const today = chinaDate(this.clock.now());
    for (let offset = 0; offset < EXPORT_LIMIT; offset += filter.first) {
      const [items] = await this.service.list(ctx.db, { ...filter, offset });
      if (items.length === 0) return;
      yield items.map((p) => toPlatformModel(p, viewer.tenantId, today));
      if (items.length < filter.first) return;
    }
  }
}
