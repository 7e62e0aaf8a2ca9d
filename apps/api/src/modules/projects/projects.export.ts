import { Injectable } from '@nestjs/common';
import { STAFF_ROLES } from '@xiangmeng/domain';
import {
  EXPORT_LIMIT,
  type ExportColumn,
  type ExportQuery,
  integer,
  ListExport,
  type ListExportDefinition,
  money,
  namesOf,
  text,
} from '../../common/exports/list-export';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { MAX_PAGE } from '../../common/paging';
import { projectListFilter } from './project-filter';
import { type ProjectModel, toProjectModel } from './project.model';
import { ProjectsRepository, type ProjectFilter } from './projects.repository';
import { ProjectsService } from './projects.service';

type ProjectRow = ProjectModel & { authorityName: string; programmeName: string; cityName: string };

/** 项目: the projects the viewer granted and those its alliances carry, filtered as the list is. */
@Injectable()
@ListExport()
export class ProjectsExport implements ListExportDefinition<ProjectFilter, ProjectRow> {
  readonly name = 'projects';
  readonly title = '项目';
  readonly roles = STAFF_ROLES;

  constructor(
    private readonly service: ProjectsService,
    private readonly repository: ProjectsRepository,
  ) {}

  filter(ctx: RequestContext, _viewer: Viewer, query: ExportQuery): Promise<ProjectFilter> {
    return projectListFilter(ctx.db, this.repository, {
      programmeId: text(query, 'programmeId'),
      state: text(query, 'state'),
      allianceId: text(query, 'allianceId'),
      cityCode: text(query, 'cityCode'),
      year: integer(query, 'year'),
      first: MAX_PAGE,
      offset: 0,
    });
  }

  columns(): ExportColumn<ProjectRow>[] {
    return [
      { key: 'title', header: '项目名称', width: 36, value: (p) => p.title },
      { key: 'authority', header: '主管部门', width: 16, value: (p) => p.authorityName },
      { key: 'city', header: '联盟所在市州', width: 12, value: (p) => p.cityName },
      { key: 'programme', header: '支持计划', width: 30, value: (p) => p.programmeName },
      { key: 'award', header: '立项金额', width: 18, value: (p) => money(p.awardFen) },
      { key: 'supportSource', header: '资金来源', width: 14, value: (p) => p.supportSourceLabel },
      { key: 'awardedOn', header: '立项日期', width: 12, value: (p) => p.awardedOn },
      { key: 'state', header: '状态', width: 12, value: (p) => p.stateLabel },
    ];
  }

  async *rows(ctx: RequestContext, _viewer: Viewer, filter: ProjectFilter): AsyncIterable<ProjectRow[]> {
    for (let offset = 0; offset < EXPORT_LIMIT; offset += filter.first) {
      const [items] = await this.service.list(ctx.db, { ...filter, offset });
      if (items.length === 0) return;
      const models = items.map(toProjectModel);
      const programmes = await namesOf(
        ctx.db,
        'programme',
        models.map((p) => p.programmeId),
      );
      const tenants = await namesOf(
        ctx.db,
        'tenant',
        models.flatMap((p) => [p.cityTenantId, p.authorityTenantId]),
      );
      yield models.map((p) => ({
        ...p,
        authorityName: tenants.get(p.authorityTenantId) ?? '',
        programmeName: programmes.get(p.programmeId) ?? '',
        cityName: tenants.get(p.cityTenantId) ?? '',
      }));
      if (items.length < filter.first) return;
    }
  }
}
