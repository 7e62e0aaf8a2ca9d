import { Injectable } from '@nestjs/common';
import { STAFF_ROLES } from '@xiangmeng/domain';
import { requireStaff } from '../../common/access/access';
import { type ExportColumn, ListExport, type ListExportDefinition } from '../../common/exports/list-export';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import type { ExpertModel } from './expert.model';
import { ExpertsService } from './experts.service';

/** 专家库: the viewer's tier's expert pool, with this year's reviews against the cap. */
@Injectable()
@ListExport()
export class ExpertsExport implements ListExportDefinition<null, ExpertModel> {
  readonly name = 'experts';
  readonly title = '专家库';
  readonly roles = STAFF_ROLES;

  constructor(private readonly pool: ExpertsService) {}

  filter(): null {
    return null;
  }

  columns(): ExportColumn<ExpertModel>[] {
    return [
      { key: 'name', header: '姓名', width: 12, value: (e) => e.name },
      { key: 'title', header: '职称', width: 16, value: (e) => e.title },
      {
        key: 'domains',
        header: '专业领域',
        width: 30,
        value: (e) => e.domains.map((d) => d.name).join('、'),
      },
      {
        key: 'affiliations',
        header: '工作单位',
        width: 30,
        value: (e) => e.affiliations.map((a) => a.label).join('、'),
      },
      {
        key: 'conflicts',
        header: '申报回避',
        width: 30,
        value: (e) => e.declaredConflicts.map((a) => a.label).join('、'),
      },
      { key: 'reviews', header: '本年评审', width: 10, value: (e) => `${e.reviewsThisYear}/${e.yearlyCap}` },
      {
        key: 'available',
        header: '可抽取',
        width: 20,
        value: (e) => (e.available ? '是' : e.unavailableReason),
      },
      { key: 'account', header: '账号', width: 16, value: (e) => e.accountUsername ?? '' },
    ];
  }

  async rows(ctx: RequestContext, viewer: Viewer): Promise<ExpertModel[]> {
    requireStaff(viewer);
    return this.pool.toModels(ctx.db, viewer, await this.pool.pool(ctx.db, viewer));
  }
}
