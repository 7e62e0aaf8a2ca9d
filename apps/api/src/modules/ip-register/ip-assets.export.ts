import { Injectable } from '@nestjs/common';
import { STAFF_ROLES } from '@xiangmeng/domain';
import {
  EXPORT_LIMIT,
  type ExportColumn,
  type ExportQuery,
  ListExport,
  type ListExportDefinition,
  namesOf,
  text,
} from '../../common/exports/list-export';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { MAX_PAGE } from '../../common/paging';
import { ipAssetListFilter } from './ip-asset-filter';
import { type IpAssetModel, toIpAssetModel } from './ip-register.model';
import type { IpAssetFilter } from './ip-register.repository';
import { IpRegisterService } from './ip-register.service';

type AssetRow = IpAssetModel & { projectTitle: string };

/** 知识产权登记: the register filtered by kind, project or alliance, as the list is. */
@Injectable()
@ListExport()
export class IpAssetsExport implements ListExportDefinition<IpAssetFilter, AssetRow> {
  readonly name = 'ip-assets';
  readonly title = '知识产权登记';
  readonly roles = STAFF_ROLES;

  constructor(private readonly service: IpRegisterService) {}

  filter(_ctx: RequestContext, _viewer: Viewer, query: ExportQuery): IpAssetFilter {
    return ipAssetListFilter({
      kind: text(query, 'kind'),
      projectId: text(query, 'projectId'),
      allianceId: text(query, 'allianceId'),
      first: MAX_PAGE,
      offset: 0,
    });
  }

  columns(): ExportColumn<AssetRow>[] {
    return [
      { key: 'title', header: '名称', width: 36, value: (a) => a.title },
      { key: 'kind', header: '类别', width: 12, value: (a) => a.kindLabel },
      { key: 'number', header: '登记号', width: 22, value: (a) => a.number },
      { key: 'grantedOn', header: '授权日期', width: 12, value: (a) => a.grantedOn },
      { key: 'project', header: '项目', width: 30, value: (a) => a.projectTitle },
      {
        key: 'owners',
        header: '权利人（份额）',
        width: 40,
        value: (a) => a.owners.map((o) => `${o.name}（${(o.basisPoints / 100).toFixed(2)}%）`).join('；'),
      },
      { key: 'licences', header: '许可数', width: 8, value: (a) => a.licences.length },
    ];
  }

  async *rows(ctx: RequestContext, _viewer: Viewer, filter: IpAssetFilter): AsyncIterable<AssetRow[]> {
    for (let offset = 0; offset < EXPORT_LIMIT; offset += filter.first) {
      const [items] = await this.service.list(ctx.db, { ...filter, offset });
      if (items.length === 0) return;
      const models = items.map(toIpAssetModel);
      const projects = await namesOf(
        ctx.db,
        'project',
        models.map((a) => a.projectId),
        'title',
      );
      yield models.map((a) => ({ ...a, projectTitle: projects.get(a.projectId) ?? '' }));
      if (items.length < filter.first) return;
    }
  }
}
