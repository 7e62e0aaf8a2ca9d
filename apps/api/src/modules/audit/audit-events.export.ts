import { Injectable } from '@nestjs/common';
import { Role } from '@xiangmeng/domain';
import {
  at,
  EXPORT_LIMIT,
  type ExportColumn,
  type ExportQuery,
  ListExport,
  type ListExportDefinition,
  text,
} from '../../common/exports/list-export';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import type { TenantAuditEventModel } from './audit-history.model';
import type { TenantEventFilter } from './audit-history.repository';
import { AuditHistoryService } from './audit-history.service';

/** 审计日志: an admin's own tenant's chain, with the page's filter and order. */
@Injectable()
@ListExport()
export class AuditEventsExport implements ListExportDefinition<TenantEventFilter, TenantAuditEventModel> {
  readonly name = 'audit-events';
  readonly title = '审计日志';
  readonly roles = [Role.PROVINCE_ADMIN, Role.CITY_ADMIN];

  constructor(private readonly history: AuditHistoryService) {}

  filter(_ctx: RequestContext, _viewer: Viewer, query: ExportQuery): TenantEventFilter {
    const order = text(query, 'order');
    return this.history.tenantFilter({
      actorUserId: text(query, 'actorUserId'),
      action: text(query, 'action'),
      fromDate: text(query, 'fromDate'),
      toDate: text(query, 'toDate'),
      order: (order ?? null) as 'NEWEST_FIRST' | 'OLDEST_FIRST' | null,
    });
  }

  columns(): ExportColumn<TenantAuditEventModel>[] {
    return [
      { key: 'seq', header: '序号', width: 8, value: (e) => e.seq },
      { key: 'occurredAt', header: '时间', width: 18, value: (e) => at(e.occurredAt) },
      { key: 'actorName', header: '操作人', width: 12, value: (e) => e.actorName ?? '系统' },
      { key: 'actionLabel', header: '操作', width: 18, value: (e) => e.actionLabel },
      { key: 'subjectLabel', header: '对象', width: 12, value: (e) => e.subjectLabel },
      {
        key: 'changes',
        header: '变更内容',
        width: 60,
        value: (e) =>
          e.changes
            .map((c) => (c.before === null ? `${c.label}：${c.after ?? '—'}` : `${c.label}：${c.before} → ${c.after ?? '—'}`))
            .join('；'),
      },
    ];
  }

  rows(ctx: RequestContext, viewer: Viewer, filter: TenantEventFilter): AsyncIterable<TenantAuditEventModel[]> {
    return this.history.tenantEventBatches(ctx, viewer, filter, EXPORT_LIMIT);
  }
}
