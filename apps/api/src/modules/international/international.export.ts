import { Injectable } from '@nestjs/common';
import {
  COOPERATION_BASE_LEVEL_LABELS,
  COOPERATION_MODE_LABELS,
  cooperationBaseTypeLabel,
  PROJECT_STATE_LABELS,
  STAFF_ROLES,
} from '@xiangmeng/domain';
import {
  EXPORT_LIMIT,
  type ExportColumn,
  type ExportQuery,
  label,
  ListExport,
  type ListExportDefinition,
  money,
  text,
} from '../../common/exports/list-export';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { MAX_PAGE } from '../../common/paging';
import { baseListFilter, projectListFilter } from './international-filter';
import {
  type CooperationBaseModel,
  type InternationalProjectModel,
  toCooperationBaseModel,
  toInternationalProjectModel,
} from './international.model';
import type { BaseFilter, InternationalProjectFilter } from './international.repository';
import { InternationalService } from './international.service';

/** 国际合作项目: the projects of international cooperation programmes, of one partner country if asked. */
@Injectable()
@ListExport()
export class InternationalProjectsExport implements ListExportDefinition<
  InternationalProjectFilter,
  InternationalProjectModel
> {
  readonly name = 'international-projects';
  readonly title = '国际合作项目';
  readonly roles = STAFF_ROLES;

  constructor(private readonly service: InternationalService) {}

  filter(_ctx: RequestContext, _viewer: Viewer, query: ExportQuery): InternationalProjectFilter {
    return projectListFilter({ partnerCountry: text(query, 'partnerCountry'), first: MAX_PAGE, offset: 0 });
  }

  columns(): ExportColumn<InternationalProjectModel>[] {
    return [
      { key: 'title', header: '项目名称', width: 36, value: (p) => p.title },
      { key: 'partner', header: '外方合作单位', width: 30, value: (p) => p.partnerName },
      { key: 'country', header: '国家或地区', width: 14, value: (p) => p.partnerCountryName },
      { key: 'mode', header: '合作方式', width: 12, value: (p) => label(COOPERATION_MODE_LABELS, p.mode) },
      { key: 'unit', header: '承担单位', width: 30, value: (p) => p.responsibleUnitName },
      { key: 'members', header: '参与成员单位', width: 36, value: (p) => p.memberUnitNames.join('；') },
      { key: 'programme', header: '支持计划', width: 30, value: (p) => p.programmeName },
      { key: 'awardedOn', header: '立项日期', width: 12, value: (p) => p.awardedOn },
      { key: 'award', header: '立项金额', width: 18, value: (p) => money(p.awardFen) },
      { key: 'state', header: '状态', width: 10, value: (p) => label(PROJECT_STATE_LABELS, p.state) },
    ];
  }

  async *rows(
    ctx: RequestContext,
    _viewer: Viewer,
    filter: InternationalProjectFilter,
  ): AsyncIterable<InternationalProjectModel[]> {
    for (let offset = 0; offset < EXPORT_LIMIT; offset += filter.first) {
      const [items] = await this.service.projects(ctx.db, { ...filter, offset });
      if (items.length === 0) return;
      yield items.map(toInternationalProjectModel);
      if (items.length < filter.first) return;
    }
  }
}

/** 国际科技合作基地: the bureau's register of bases, of one status if asked, with the latest evaluation. */
@Injectable()
@ListExport()
export class CooperationBasesExport implements ListExportDefinition<BaseFilter, CooperationBaseModel> {
  readonly name = 'cooperation-bases';
  readonly title = '国际科技合作基地';
  readonly roles = STAFF_ROLES;

  constructor(private readonly service: InternationalService) {}

  filter(_ctx: RequestContext, _viewer: Viewer, query: ExportQuery): BaseFilter {
    return baseListFilter({ status: text(query, 'status'), first: MAX_PAGE, offset: 0 });
  }

  columns(): ExportColumn<CooperationBaseModel>[] {
    return [
      { key: 'name', header: '基地名称', width: 36, value: (b) => b.name },
      { key: 'type', header: '类型', width: 22, value: (b) => cooperationBaseTypeLabel(b.type) },
      { key: 'level', header: '级别', width: 8, value: (b) => label(COOPERATION_BASE_LEVEL_LABELS, b.level) },
      { key: 'alliance', header: '联盟', width: 30, value: (b) => b.allianceName },
      { key: 'host', header: '依托单位', width: 30, value: (b) => b.hostName },
      {
        key: 'status',
        header: '状态',
        width: 10,
        value: (b) => b.statusLabel,
      },
      { key: 'recognisedOn', header: '认定日期', width: 12, value: (b) => b.recognisedOn ?? '' },
      {
        key: 'lastEvaluation',
        header: '最近评估',
        width: 22,
        value: (b) => {
          const e = b.evaluations[0];
          return e ? `${e.year} 年度 ${e.gradeLabel}${e.total === null ? '' : `（${e.total} 分）`}` : '';
        },
      },
      { key: 'rectificationDueOn', header: '整改期限', width: 12, value: (b) => b.rectificationDueOn ?? '' },
      { key: 'revokedOn', header: '撤销日期', width: 12, value: (b) => b.revokedOn ?? '' },
      { key: 'revocationReason', header: '撤销理由', width: 30, value: (b) => b.revocationReason ?? '' },
    ];
  }

  async *rows(
    ctx: RequestContext,
    _viewer: Viewer,
    filter: BaseFilter,
  ): AsyncIterable<CooperationBaseModel[]> {
    for (let offset = 0; offset < EXPORT_LIMIT; offset += filter.first) {
      const [items] = await this.service.bases(ctx.db, { ...filter, offset });
      if (items.length === 0) return;
      yield items.map(toCooperationBaseModel);
      if (items.length < filter.first) return;
    }
  }
}
