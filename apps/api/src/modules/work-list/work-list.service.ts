import { Injectable } from '@nestjs/common';
import {
  allSheetsIn,
  chinaDate,
  isStaff,
  type MeasuresParameters,
  noticePeriodOver,
  pendingProgrammeApplicationWork,
  pendingProjectWork,
  pendingWork,
  pilotActorsOf,
  type PilotGuard,
  programmeActorsOf,
  type ProgrammeGuard,
  programmeRouteHolds,
  projectActorsOf,
  type ProjectGuard,
  WORK_DUE_BY,
  WORK_ITEM_KIND_LABELS,
  type WorkItemKind,
  workItemPath,
  type WorkSubject,
} from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import type { Viewer } from '../../common/request/request-context';
import { CallMeasuresService } from '../calls/call-measures.service';
import type { WorkItemModel, WorkListModel } from './work-list.model';
import { type ProjectWorkRow, type WorkRow, WorkListRepository } from './work-list.repository';

const ORDER: readonly WorkItemKind[] = Object.keys(WORK_ITEM_KIND_LABELS) as WorkItemKind[];

type CallDates = Pick<WorkRow, 'closes_at' | 'recommend_by' | 'decide_by' | 'notice_ends_on'>;

/**
 * What waits for the viewer across every kind that can wait (pilot and programme applications,
 * projects, review seats), with deadlines from the call: every signed-in user has one.
 */
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
      ...(isStaff(viewer.roles)
        ? [
            ...(await this.pilotWork(db, viewer, now)),
            ...(await this.programmeWork(db, viewer, now)),
            ...(await this.projectWork(db, viewer)),
          ]
        : []),
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

  /** The forward step the pilot table lets the viewer take on each open application, and objections to answer. */
  private async pilotWork(db: EntityManager, viewer: Viewer, now: Date): Promise<WorkItemModel[]> {
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
      if (kind) items.push(applicationItem(kind, 'PILOT_APPLICATION', r, now));
      if (actors.includes('AUTHORITY') && r.state === 'PUBLICISED' && r.open_objections > 0)
        items.push(applicationItem('ANSWER_OBJECTION', 'PILOT_APPLICATION', r, now));
    }
    return items;
  }

  /** The forward step the programme-application table lets the viewer take on each open one. */
  private async programmeWork(db: EntityManager, viewer: Viewer, now: Date): Promise<WorkItemModel[]> {
    const today = chinaDate(now);
    const panelSizes = new Map<string, number | null>();
    const panelSizeOf = async (callId: string) => {
      if (!panelSizes.has(callId))
        panelSizes.set(
          callId,
          (await this.callMeasures.parametersOfCall(db, callId))?.parameters.review.expertsPerApplication ??
            null,
        );
      return panelSizes.get(callId) ?? null;
    };
    const items: WorkItemModel[] = [];
    for (const r of await this.rows.openProgrammeApplications(db, viewer.tenantId)) {
      const actors = programmeActorsOf(viewer, {
        tenantId: r.tenant_id,
        recommendingTenantId: r.recommending_tenant_id,
        authorityTenantId: r.authority_tenant_id,
      });
      const size =
        r.state === 'IN_REVIEW' && actors.includes('AUTHORITY') ? await panelSizeOf(r.call_id) : null;
      const programme = { awardNoticeDays: r.award_notice_days };
      const facts: Partial<Record<ProgrammeGuard, boolean>> = {
        RECOMMENDER_IS_NOT_SUBMITTER: r.submitted_by !== viewer.userId,
        ALL_SHEETS_SUBMITTED:
          size !== null && allSheetsIn({ size, seated: r.seated, submitted: r.submitted }),
        NOTICE_ASKED: programmeRouteHolds('NOTICE_ASKED', programme) ?? false,
        NO_NOTICE_ASKED: programmeRouteHolds('NO_NOTICE_ASKED', programme) ?? false,
        NOTICE_PERIOD_OVER: noticePeriodOver(today, r.notice_ends_on),
        OBJECTIONS_ANSWERED: r.open_objections === 0,
      };
      const kind = pendingProgrammeApplicationWork(r.state, actors, (g) => facts[g] ?? false);
      if (kind) items.push(applicationItem(kind, 'PROGRAMME_APPLICATION', r, now));
    }
    return items;
  }

  /** Change requests and frozen projects waiting for the authority that awarded them (Art. 19). */
  private async projectWork(db: EntityManager, viewer: Viewer): Promise<WorkItemModel[]> {
    return (await this.rows.openProjects(db, viewer.tenantId)).flatMap((r) => {
      const actors = projectActorsOf(viewer, {
        tenantId: r.alliance_tenant_id,
        authorityTenantId: r.tenant_id,
      });
      const facts: Partial<Record<ProjectGuard, boolean>> = {
        APPROVER_IS_NOT_REQUESTER: r.change_requested_by !== viewer.userId,
        ALLIANCE_DISSOLVED: r.state === 'FROZEN',
      };
      const kind = pendingProjectWork(r.state, actors, (g) => facts[g] ?? false);
      return kind ? [projectItem(kind, r)] : [];
    });
  }

  /** An expert's seats still to score. */
  private async scoringWork(db: EntityManager, viewer: Viewer, now: Date): Promise<WorkItemModel[]> {
    const seats = await this.rows.unscoredSeats(db, viewer.tenantId, viewer.userId);
    return seats.map((r) =>
      applicationItem('SCORE', r.subject ?? 'PILOT_APPLICATION', r, now, r.assignment_id),
    );
  }
}

function applicationItem(
  kind: WorkItemKind,
  subject: WorkSubject,
  r: CallDates & Pick<WorkRow, 'id' | 'alliance_name' | 'call_title'>,
  now: Date,
  assignmentId: string | null = null,
): WorkItemModel {
  const due = WORK_DUE_BY[kind];
  const dueAt =
    due === null
      ? null
      : due === 'noticeEndsOn'
        ? noticeEnd(r.notice_ends_on)
        : { closesAt: r.closes_at, recommendBy: r.recommend_by, decideBy: r.decide_by }[due];
  return {
    kind,
    subject,
    subjectId: r.id,
    applicationId: r.id,
    allianceName: r.alliance_name ?? '',
    callTitle: r.call_title ?? '',
    dueAt,
    overdue: dueAt !== null && now > dueAt,
    assignmentId,
    href: workItemPath({ kind, subject, subjectId: r.id, assignmentId }),
  };
}

/** A project's work: no call binds it, so it has no due date. */
function projectItem(kind: WorkItemKind, r: ProjectWorkRow): WorkItemModel {
  return {
    kind,
    subject: 'PROJECT',
    subjectId: r.id,
    applicationId: r.id,
    allianceName: r.alliance_name ?? '',
    callTitle: r.title,
    dueAt: null,
    overdue: false,
    assignmentId: null,
    href: workItemPath({ kind, subject: 'PROJECT', subjectId: r.id, assignmentId: null }),
  };
}

/** The end of the notice period's last day, China time. */
function noticeEnd(endsOn: string | null): Date | null {
  return endsOn ? new Date(`${endsOn}T23:59:59.999+08:00`) : null;
}
