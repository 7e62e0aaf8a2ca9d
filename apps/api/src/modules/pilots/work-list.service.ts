import { Injectable } from '@nestjs/common';
import { sqlStates } from '../applications/sql-states';
import {
  allSheetsIn,
  chinaDate,
  isStaff,
  type MeasuresParameters,
  noticePeriodOver,
  pendingWork,
  PILOT_WORKFLOW,
  pilotActorsOf,
  type PilotGuard,
  type PilotState,
  statesWhere,
  WORK_DUE_BY,
  WORK_ITEM_KIND_LABELS,
  type WorkItemKind,
} from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import type { Viewer } from '../../common/request/request-context';
import { CallMeasuresService } from '../calls/call-measures.service';
import { PilotCallEntity } from '../calls/pilot-call.entity';
import type { WorkItemModel, WorkListModel } from './pilot-application.model';

type Row = {
  id: string;
  state: PilotState;
  tenant_id: string;
  recommending_tenant_id: string;
  authority_tenant_id: string;
  submitted_by: string | null;
  alliance_name: string | null;
  call_id: string;
  call_title: string | null;
  closes_at: Date | null;
  recommend_by: Date | null;
  decide_by: Date | null;
  notice_ends_on: string | null;
  open_objections: number;
  seated: number;
  submitted: number;
  assignment_id: string | null;
};

// Names and deadlines come from the call where the viewer reads it, else from the dossier
// (an expert account reads no calls, the authority no alliances of a city).
const COLUMNS = `a.id, a.state, a.tenant_id, a.recommending_tenant_id, a.authority_tenant_id, a.submitted_by,
  coalesce(a.dossier->'alliance'->>'name', al.name) AS alliance_name, a.call_id,
  coalesce(c.title, a.dossier->'call'->>'title') AS call_title,
  coalesce(c.closes_at, (a.dossier->'call'->>'closesAt')::timestamptz) AS closes_at,
  coalesce(c.recommend_by, (a.dossier->'call'->>'recommendBy')::timestamptz) AS recommend_by,
  coalesce(c.decide_by, (a.dossier->'call'->>'decideBy')::timestamptz) AS decide_by,
  to_char(a.notice_ends_on, 'YYYY-MM-DD') AS notice_ends_on`;
const JOINS = `LEFT JOIN pilot_call c ON c.id = a.call_id
  LEFT JOIN alliance al ON al.tenant_id = a.tenant_id AND al.id = a.alliance_id`;
// The facts the transition table's guards read, counted where the viewer may see them
// (the authority sees its panels and objections; others count nothing, and need not).
const FACTS = `
  (SELECT count(*)::int FROM pilot_objection o
    WHERE o.tenant_id = a.authority_tenant_id AND o.application_id = a.id AND o.answer IS NULL) AS open_objections,
  (SELECT count(*)::int FROM expert_assignment x
    WHERE x.tenant_id = a.authority_tenant_id AND x.application_id = a.id AND x.withdrawn_at IS NULL) AS seated,
  (SELECT count(*)::int FROM expert_assignment x
     JOIN review_sheet s ON s.tenant_id = x.tenant_id AND s.assignment_id = x.id AND s.status = 'SUBMITTED'
    WHERE x.tenant_id = a.authority_tenant_id AND x.application_id = a.id AND x.withdrawn_at IS NULL) AS submitted`;
const OPEN_STATES = sqlStates(statesWhere(PILOT_WORKFLOW, 'open'));

const ORDER: readonly WorkItemKind[] = Object.keys(WORK_ITEM_KIND_LABELS) as WorkItemKind[];

/** What waits for the viewer, with deadlines from the call: every signed-in user has one. */
@Injectable()
export class WorkListService {
  constructor(
    private readonly callMeasures: CallMeasuresService,
    private readonly clock: Clock,
  ) {}

  async workList(db: EntityManager, viewer: Viewer): Promise<WorkListModel> {
    const now = this.clock.now();
    const today = chinaDate(now);
    const items: WorkItemModel[] = [];
    const item = (kind: WorkItemKind, r: Row, assignmentId: string | null = null) => {
      const due = WORK_DUE_BY[kind];
      const dueAt =
        due === 'noticeEndsOn'
          ? noticeEnd(r.notice_ends_on)
          : { closesAt: r.closes_at, recommendBy: r.recommend_by, decideBy: r.decide_by }[due];
      items.push({
        kind,
        applicationId: r.id,
        allianceName: r.alliance_name ?? '',
        callTitle: r.call_title ?? '',
        dueAt,
        overdue: dueAt !== null && now > dueAt,
        assignmentId,
      });
    };

    if (isStaff(viewer.roles)) {
      // The measures of each call, read once: panel size and notice period.
      const parameters = new Map<string, MeasuresParameters | null>();
      const reviewOf = async (callId: string) => {
        if (!parameters.has(callId)) {
          const call = await db.findOneBy(PilotCallEntity, { id: callId });
          parameters.set(callId, call ? (await this.callMeasures.parametersFor(db, call)).parameters : null);
        }
        return parameters.get(callId)?.review ?? null;
      };
      const rows = await db.query<Row[]>(
        `SELECT ${COLUMNS}, NULL AS assignment_id, ${FACTS}
           FROM pilot_application a ${JOINS}
          WHERE a.state IN ${OPEN_STATES}
            AND (a.tenant_id = $1 OR a.recommending_tenant_id = $1
                 OR (a.authority_tenant_id = $1 AND a.recommended_at IS NOT NULL))
          ORDER BY a.created_at`,
        [viewer.tenantId],
      );
      for (const r of rows) {
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
        if (kind) item(kind, r);
        if (actors.includes('AUTHORITY') && r.state === 'PUBLICISED' && r.open_objections > 0)
          item('ANSWER_OBJECTION', r);
      }
    }
    if (viewer.roles.includes('EXPERT')) {
      const seats = await db.query<Row[]>(
        `SELECT ${COLUMNS}, 0 AS open_objections, 0 AS seated, 0 AS submitted, x.id AS assignment_id
           FROM expert_assignment x
           JOIN pilot_application a ON a.id = x.application_id AND a.tenant_id = x.application_tenant_id
           LEFT JOIN review_sheet s ON s.tenant_id = x.tenant_id AND s.assignment_id = x.id
           ${JOINS}
          WHERE x.tenant_id = $1 AND x.expert_user_id = $2 AND x.withdrawn_at IS NULL
            AND a.state = 'IN_REVIEW' AND coalesce(s.status, 'DRAFT') = 'DRAFT'
          ORDER BY x.assigned_at`,
        [viewer.tenantId, viewer.userId],
      );
      for (const r of seats) item('SCORE', r, r.assignment_id);
    }

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
}

/** The end of the notice period's last day, China time. */
function noticeEnd(endsOn: string | null): Date | null {
  return endsOn ? new Date(`${endsOn}T23:59:59.999+08:00`) : null;
}
