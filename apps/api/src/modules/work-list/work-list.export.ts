import { Injectable } from '@nestjs/common';
import { STAFF_ROLES, WORK_ITEM_KIND_LABELS, WORK_SUBJECT_LABELS } from '@xiangmeng/domain';
import {
  at,
  type ExportColumn,
  label,
  ListExport,
  type ListExportDefinition,
} from '../../common/exports/list-export';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import type { WorkItemModel } from './work-list.model';
import { WorkListService } from './work-list.service';

/** 待办: the viewer's work list. */
@Injectable()
@ListExport()
export class WorkListExport implements ListExportDefinition<null, WorkItemModel> {
  readonly name = 'work-list';
  readonly title = '待办';
  readonly roles = [...STAFF_ROLES, 'EXPERT' as const];

  constructor(private readonly work: WorkListService) {}

  filter(): null {
    return null;
  }

  columns(): ExportColumn<WorkItemModel>[] {
    return [
      { key: 'subject', header: '类别', width: 12, value: (w) => label(WORK_SUBJECT_LABELS, w.subject) },
      { key: 'kind', header: '事项', width: 14, value: (w) => label(WORK_ITEM_KIND_LABELS, w.kind) },
      { key: 'alliance', header: '联盟名称', width: 36, value: (w) => w.allianceName },
      { key: 'call', header: '申报通知或项目', width: 36, value: (w) => w.callTitle },
      { key: 'dueAt', header: '办理期限', width: 18, value: (w) => at(w.dueAt) },
      { key: 'overdue', header: '逾期', width: 8, value: (w) => (w.overdue ? '已逾期' : '') },
    ];
  }

  async rows(ctx: RequestContext, viewer: Viewer): Promise<WorkItemModel[]> {
    return (await this.work.workList(ctx.db, viewer)).items;
  }
}
