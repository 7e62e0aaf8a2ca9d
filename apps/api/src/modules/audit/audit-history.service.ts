import { Injectable } from '@nestjs/common';
import { AUDIT_HISTORY_SUBJECTS, isAuditHistorySubject, isCalendarDate } from '@xiangmeng/domain';
import { isId, requireAdmin, requireStaff } from '../../common/access/access';
import { AppError, badInput, invalid, violation } from '../../common/errors/app-error';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import {
  type AuditChainStatusModel,
  type AuditEventPageModel,
  type TenantAuditEventModel,
  type TenantAuditEventPageModel,
  toAuditEventModel,
  toChainStatus,
  toTenantAuditEventModel,
} from './audit-history.model';
import { AuditHistoryRepository, type RecordCursor, type TenantEventFilter } from './audit-history.repository';

export const RECORD_PAGE_MAX = 100;
export const TENANT_PAGE_MAX = 200;
/** Events one verification request recomputes; the database function caps it at 5,000 as well. */
export const VERIFY_WINDOW = 5000;

export type TenantEventQuery = {
  actorUserId?: string | null;
  action?: string | null;
  fromDate?: string | null;
  toDate?: string | null;
  order?: 'NEWEST_FIRST' | 'OLDEST_FIRST' | null;
  first?: number | null;
  after?: string | null;
};

function pageSize(field: string, first: number | null | undefined, fallback: number, max: number): number {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < 1 || size > max) {
    throw invalid(field, 'RANGE', `每页条数应在 1 到 ${max} 之间`);
  }
  return size;
}

function badCursor(): AppError {
  return invalid('after', 'INVALID_CURSOR', '分页位置无效，请从第一页重新开始');
}

function decodeJson(cursor: string): unknown {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString());
  } catch {
    return null;
  }
}

// A record page's cursor: the last event's time, its seq in its chain and the chain's tenant.
function encodeRecordCursor(c: RecordCursor): string {
  return Buffer.from(JSON.stringify([c.at, c.seq, c.tenantId])).toString('base64url');
}

function decodeRecordCursor(cursor: string): RecordCursor {
  const parts = decodeJson(cursor);
  if (
    !Array.isArray(parts) ||
    parts.length !== 3 ||
    typeof parts[0] !== 'string' ||
    Number.isNaN(Date.parse(parts[0])) ||
    typeof parts[1] !== 'string' ||
    !/^[1-9]\d{0,17}$/.test(parts[1]) ||
    typeof parts[2] !== 'string' ||
    !isId(parts[2])
  ) {
    throw badCursor();
  }
  return { at: parts[0], seq: parts[1], tenantId: parts[2] };
}

// A tenant page's cursor: the order it was read in and the last seq; another order's cursor starts nothing.
function encodeTenantCursor(order: string, seq: string): string {
  return Buffer.from(JSON.stringify([order, seq])).toString('base64url');
}

function decodeTenantCursor(order: string, cursor: string): string {
  const parts = decodeJson(cursor);
  if (!Array.isArray(parts) || parts.length !== 2 || parts[0] !== order || typeof parts[1] !== 'string' || !/^[1-9]\d{0,17}$/.test(parts[1])) {
    throw badCursor();
  }
  return parts[1];
}

/** The 办理记录 of a record and an admin's view of the tenant's audit chain. */
@Injectable()
export class AuditHistoryService {
  constructor(private readonly events: AuditHistoryRepository) {}

  async recordHistory(
    ctx: RequestContext,
    viewer: Viewer,
    subjectType: string,
    subjectId: string,
    first?: number | null,
    after?: string | null,
  ): Promise<AuditEventPageModel> {
    requireStaff(viewer);
    const problems = [];
    if (!isAuditHistorySubject(subjectType)) {
      problems.push(
        violation('subjectType', 'ONE_OF', `对象类型应为 ${AUDIT_HISTORY_SUBJECTS.join('、')} 之一`),
      );
    }
    if (problems.length) throw badInput(problems);
    const size = pageSize('first', first, 20, RECORD_PAGE_MAX);
    const cursor = after ? decodeRecordCursor(after) : null;
    // Junk ids and records the viewer may not read answer alike: not found.
    if (!isId(subjectId) || !(await this.events.readable(ctx.db, subjectType, subjectId))) {
      throw new AppError('NOT_FOUND');
    }
    const rows = await this.events.recordEvents(ctx.db, subjectType, subjectId, cursor, size + 1);
    const page = rows.slice(0, size);
    const last = page[page.length - 1];
    const hasNextPage = rows.length > size;
    return {
      events: page.map((row) => toAuditEventModel(subjectType, row)),
      hasNextPage,
      endCursor:
        last && hasNextPage
          ? encodeRecordCursor({ at: last.occurred_at.toISOString(), seq: last.seq, tenantId: last.tenant_id })
          : null,
    };
  }

  /** The filter of the admin's list, checked field by field (the export reads it too). */
  tenantFilter(query: TenantEventQuery): TenantEventFilter & { order: string } {
    const problems = [];
    const order = query.order ?? 'NEWEST_FIRST';
    if (order !== 'NEWEST_FIRST' && order !== 'OLDEST_FIRST') {
      problems.push(violation('order', 'ONE_OF', '排序应为 NEWEST_FIRST 或 OLDEST_FIRST'));
    }
    const actorUserId = query.actorUserId || null;
    if (actorUserId !== null && !isId(actorUserId)) problems.push(violation('actorUserId', 'ID', '操作人无效'));
    const action = query.action?.trim() || null;
    if (action !== null && (action.length > 100 || !/^[a-z_.]+$/.test(action))) {
      problems.push(violation('action', 'ACTION', '操作代码无效'));
    }
    const fromDate = query.fromDate || null;
    const toDate = query.toDate || null;
    if (fromDate !== null && !isCalendarDate(fromDate)) problems.push(violation('fromDate', 'DATE', '起始日期应为 YYYY-MM-DD'));
    if (toDate !== null && !isCalendarDate(toDate)) problems.push(violation('toDate', 'DATE', '截止日期应为 YYYY-MM-DD'));
    if (fromDate && toDate && isCalendarDate(fromDate) && isCalendarDate(toDate) && fromDate > toDate) {
      problems.push(violation('toDate', 'NOT_BEFORE_FROM', '截止日期不能早于起始日期'));
    }
    if (problems.length) throw badInput(problems);
    const afterSeq = query.after ? decodeTenantCursor(order, query.after) : null;
    return { actorUserId, action, fromDate, toDate, ascending: order === 'OLDEST_FIRST', afterSeq, order };
  }

  async tenantEvents(ctx: RequestContext, viewer: Viewer, query: TenantEventQuery): Promise<TenantAuditEventPageModel> {
    requireAdmin(viewer);
    const size = pageSize('first', query.first, 50, TENANT_PAGE_MAX);
    const filter = this.tenantFilter(query);
    const rows = await this.events.tenantEvents(ctx.db, filter, size + 1);
    const page = rows.slice(0, size);
    const hasNextPage = rows.length > size;
    const last = page[page.length - 1];
    return {
      events: page.map(toTenantAuditEventModel),
      hasNextPage,
      endCursor: last && hasNextPage ? encodeTenantCursor(filter.order, last.seq) : null,
    };
  }

  /** Every event the filter selects, in keyset batches, for the export (its own limit applies). */
  async *tenantEventBatches(
    ctx: RequestContext,
    viewer: Viewer,
    filter: TenantEventFilter,
    limit: number,
  ): AsyncIterable<TenantAuditEventModel[]> {
    requireAdmin(viewer);
    let afterSeq = filter.afterSeq;
    let left = limit;
    while (left > 0) {
      const size = Math.min(1000, left);
      const rows = await this.events.tenantEvents(ctx.db, { ...filter, afterSeq }, size);
      if (rows.length === 0) return;
      yield rows.map(toTenantAuditEventModel);
      left -= rows.length;
      if (rows.length < size) return;
      afterSeq = rows[rows.length - 1]!.seq;
    }
  }

  async tenantActions(ctx: RequestContext, viewer: Viewer): Promise<string[]> {
    requireAdmin(viewer);
    return this.events.tenantActions(ctx.db);
  }

  async chainStatus(ctx: RequestContext, viewer: Viewer, fromSeq?: string | null): Promise<AuditChainStatusModel> {
    requireAdmin(viewer);
    const from = fromSeq ?? '1';
    if (!/^[1-9]\d{0,17}$/.test(from)) throw invalid('fromSeq', 'RANGE', '起始序号应为正整数');
    const row = await this.events.verifyWindow(ctx.db, from, VERIFY_WINDOW);
    if (row?.head_seq && BigInt(from) > BigInt(row.head_seq)) {
      throw invalid('fromSeq', 'BEYOND_HEAD', `起始序号超过链头（第 ${row.head_seq} 条）`);
    }
    return toChainStatus(row, from, VERIFY_WINDOW);
  }
}
