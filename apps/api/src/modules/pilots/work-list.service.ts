import { Injectable } from '@nestjs/common';
import {
  allSheetsIn,
  chinaDate,
  isStaff,
  type MeasuresParameters,
  noticePeriodOver,
  pendingWork,
  pilotActorsOf,
  type PilotGuard,
  WORK_DUE_BY,
  WORK_ITEM_KIND_LABELS,
  type WorkItemKind,
} from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import type { Viewer } from '../../common/request/request-context';
import { CallMeasuresService } from '../calls/call-measures.service';
import type { WorkItemModel, WorkListModel } from './pilot-application.model';
import { type WorkRow, WorkListRepository } from './work-list.repository';

const ORDER: readonly WorkItemKind[] = Object.keys(WORK_ITEM_KIND_LABELS) as WorkItemKind[];

/** What waits for the viewer, with deadlines from the call: every signed-in user has one. */
@Injectable()
export class WorkListService {
  constructor(
    private readonly rows: WorkListRepository,
    private readonly callMeasures: CallMeasuresService,
    private readonly clock: Clock,
  ) {}

  async workList(db: EntityManager, viewer: Viewer): Promise<WorkListModel> {
    const now = this.clock.now();
    const items = [
      ...(isStaff(viewer.roles) ? await this.staffWork(db, viewer, now) : []),
      ...(viewer.roles.includes('EXPERT') ? await this.scoringWork(db, viewer, now) : []),
    ];
    items.sort(
      (a, b) =>
        (a.dueAt?.getTime() ?? Number.MAX_SAFE_INTEGER) - (b.dueAt?.getTime() ?? Number.MAX_SAFE_INTEGER) ||
        ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind),
    );
    const counts = ORDER.flatMap((kind) => {
      const of = items.filter((i) => i.kind === kind);
      return of.length ? [{ kind, count: of.length, overdue: of.filter((i) => i.overdue).length }] : [];
    });
    return { total: items.length, overdue: items.filter((i) => i.overdue).length, counts, items };
  }

  /** The forward step the table lets the viewer take on each open application, and objections to answer. */
  private async staffWork(db: EntityManager, viewer: Viewer, now: Date): Promise<WorkItemModel[]> {
    const today = chinaDate(now);
    // The measures of each call, read once: panel size and notice period.
    const parameters = new Map<string, MeasuresParameters | null>();
    const reviewOf = async (callId: string) => {
      if (!parameters.has(callId))
        parameters.set(callId, (await this.callMeasures.parametersOfCall(db, callId))?.parameters ?? null);
      return parameters.get(callId)?.review ?? null;
    };
    const items: WorkItemModel[] = [];
    for (const r of await this.rows.openApplications(db, viewer.tenantId)) {
      const actors = pilotActorsOf(viewer, {
        tenantId: r.tenant_id,
        recommendingTenantId: r.recommending_tenant_id,
        authorityTenantId: r.authority_tenant_id,
      });
      const review = actors.includes('AUTHORITY') ? await reviewOf(r.call_id) : null;
      const facts: Partial<Record<PilotGuard, boolean>> = {
        RECOMMENDER_IS_NOT_SUBMITTER: r.submitted_by !== viewer.userId,
        ALL_SHEETS_SUBMITTED:
          review !== null &&
          allSheetsIn({ size: review.expertsPerApplication, seated: r.seated, submitted: r.submitted }),
        NOTICE_PERIOD_SET: (review?.publicNoticeDays ?? 0) > 0,
        NOTICE_PERIOD_OVER: noticePeriodOver(today, r.notice_ends_on),
        OBJECTIONS_ANSWERED: r.open_objections === 0,
      };
      const kind = pendingWork(r.state, actors, (g) => facts[g] ?? false);
      if (kind) items.push(workItem(kind, r, now));
      if (actors.includes('AUTHORITY') && r.state === 'PUBLICISED' && r.open_objections > 0)
        items.push(workItem('ANSWER_OBJECTION', r, now));
    }
    return items;
  }

  /** An expert's seats still to score. */
  private async scoringWork(db: EntityManager, viewer: Viewer, now: Date): Promise<WorkItemModel[]> {
    const seats = await this.rows.unscoredSeats(db, viewer.tenantId, viewer.userId);
    return seats.map((r) => workItem('SCORE', r, now, r.assignment_id));
  }
}

function workItem(
  kind: WorkItemKind,
  r: WorkRow,
  now: Date,
  assignmentId: string | null = null,
): WorkItemModel {
  const due = WORK_DUE_BY[kind];
  const dueAt =
    due === 'noticeEndsOn'
      ? noticeEnd(r.notice_ends_on)
      : { closesAt: r.closes_at, recommendBy: r.recommend_by, decideBy: r.decide_by }[due];
  return {
    kind,
    applicationId: r.id,
    allianceName: r.alliance_name ?? '',
    callTitle: r.call_title ?? '',
    dueAt,
    overdue: dueAt !== null && now > dueAt,
    assignmentId,
  };
}

/** The end of the notice period's last day, China time. */
function noticeEnd(endsOn: string | null): Date | null {
  return endsOn ? new Date(`${endsOn}T23:59:59.999+08:00`) : null;
}
