import { Injectable } from '@nestjs/common';
import { MEASURES_STATUS_LABELS, PILOT_LEVEL_LABELS, STAFF_ROLES } from '@xiangmeng/domain';
import {
  at,
  type ExportColumn,
  label,
  ListExport,
  type ListExportDefinition,
} from '../../common/exports/list-export';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { callModelFor } from './calls.resolver';
import { CallsService } from './calls.service';
import type { PilotCallModel } from './pilot-call.model';

/** 申报通知: the viewer's tier's calls (drafts included) and its parent's published ones. */
@Injectable()
@ListExport()
export class PilotCallsExport implements ListExportDefinition<null, PilotCallModel> {
  readonly name = 'pilot-calls';
  readonly title = '申报通知';
  readonly roles = STAFF_ROLES;

  constructor(private readonly calls: CallsService) {}

  filter(): null {
    return null;
  }

  columns(): ExportColumn<PilotCallModel>[] {
    return [
      { key: 'title', header: '通知名称', width: 40, value: (c) => c.title },
      { key: 'level', header: '试点级别', width: 10, value: (c) => label(PILOT_LEVEL_LABELS, c.level) },
      { key: 'status', header: '状态', width: 10, value: (c) => label(MEASURES_STATUS_LABELS, c.status) },
      { key: 'opensAt', header: '开始时间', width: 18, value: (c) => at(c.opensAt) },
      { key: 'closesAt', header: '截止时间', width: 18, value: (c) => at(c.closesAt) },
      { key: 'recommendBy', header: '推荐截止', width: 18, value: (c) => at(c.recommendBy) },
      { key: 'decideBy', header: '确认截止', width: 18, value: (c) => at(c.decideBy) },
      { key: 'publishedAt', header: '发布时间', width: 18, value: (c) => at(c.publishedAt) },
    ];
  }

  async rows(ctx: RequestContext, viewer: Viewer): Promise<PilotCallModel[]> {
    return (await this.calls.list(ctx.db)).map((c) => callModelFor(c, viewer));
  }
}
