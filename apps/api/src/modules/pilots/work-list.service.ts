import { Injectable } from '@nestjs/common';
import {
  chinaDate,
  isAdmin,
  isStaff,
  type MeasuresParameters,
  WORK_ITEM_KIND_LABELS,
  type WorkItemKind,
} from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import type { Viewer } from '../../common/request/request-context';
import { CallMeasuresService } from '../calls/call-measures.service';
import { PilotCallEntity } from '../calls/pilot-call.entity';
import { ReviewProgressService } from '../reviews/review-progress.service';
import { PilotApplicationEntity } from './pilot-application.entity';
import type { WorkItemModel, WorkListModel } from './pilot-application.model';

type Row = {
  id: string;
  state: string;
  tenant_id: string;
  alliance_name: string | null;
  call_id: string;
  call_title: string | null;
  closes_at: Date | null;
  recommend_by: Date | null;
  decide_by: Date | null;
  notice_ends_on: string | null;
  open_objections: number;
  assignment_id: string | null;
};

// Names and deadlines come from the call where the viewer reads it, else from the dossier
// (an expert account reads no calls, the authority no alliances of a city).
const COLUMNS = `a.id, a.state, a.tenant_id, coalesce(a.dossier->'alliance'->>'name', al.name) AS alliance_name, a.call_id,
  coalesce(c.title, a.dossier->'call'->>'title') AS call_title,
  coalesce(c.closes_at, (a.dossier->'call'->>'closesAt')::timestamptz) AS closes_at,
  coalesce(c.recommend_by, (a.dossier->'call'->>'recommendBy')::timestamptz) AS recommend_by,
  coalesce(c.decide_by, (a.dossier->'call'->>'decideBy')::timestamptz) AS decide_by,
  to_char(a.notice_ends_on, 'YYYY-MM-DD') AS notice_ends_on`;
const JOINS = `LEFT JOIN pilot_call c ON c.id = a.call_id
  LEFT JOIN alliance al ON al.tenant_id = a.tenant_id AND al.id = a.alliance_id`;

const ORDER: readonly WorkItemKind[] = Object.keys(WORK_ITEM_KIND_LABELS) as WorkItemKind[];

/** What waits for the viewer, with deadlines from the call: every signed-in user has one. */
@Injectable()
export class WorkListService {
  constructor(
    private readonly progress: ReviewProgressService,
    private readonly callMeasures: CallMeasuresService,
    private readonly clock: Clock,
  ) {}

  async workList(db: EntityManager, viewer: Viewer): Promise<WorkListModel> {
    const now = this.clock.now();
    const today = chinaDate(now);
    const items: WorkItemModel[] = [];
    const item = (kind: WorkItemKind, r: Row, dueAt: Date | null, assignmentId: string | null = null) =>
      items.push({
        kind,
        applicationId: r.id,
        allianceName: r.alliance_name ?? '',
        callTitle: r.call_title ?? '',
        dueAt,
        overdue: dueAt !== null && now > dueAt,
        assignmentId,
      });
    const me = viewer.tenantId;
    const cityStaff = viewer.roles.includes('CITY_OFFICER') || viewer.roles.includes('CITY_ADMIN');

    if (cityStaff) {
      for (const r of await this.rows(db, `a.tenant_id = $1 AND a.state IN ('DRAFT', 'RETURNED')`, [me]))
        item('REVISE', r, r.closes_at);
    }
    if (viewer.roles.includes('CITY_ADMIN')) {
      const rows = await this.rows(
        db,
        `a.recommending_tenant_id = $1 AND a.state = 'SUBMITTED' AND a.submitted_by IS DISTINCT FROM $2`,
        [me, viewer.userId],
      );
      for (const r of rows) item('RECOMMEND', r, r.recommend_by);
    }
    if (isStaff(viewer.roles)) {
      const received = await this.rows(
        db,
        `a.authority_tenant_id = $1 AND a.recommended_at IS NOT NULL
           AND a.state IN ('RECOMMENDED', 'ACCEPTED', 'IN_REVIEW', 'REVIEWED', 'PUBLICISED')`,
        [me],
      );
      const admin = isAdmin(viewer.roles);
      const parameters = new Map<string, MeasuresParameters>();
      const parametersOf = async (callId: string) => {
        let p = parameters.get(callId);
        if (!p) {
          const call = await db.findOneBy(PilotCallEntity, { id: callId });
          if (!call) return null;
          p = (await this.callMeasures.parametersFor(db, call)).parameters;
          parameters.set(callId, p);
        }
        return p;
      };
      for (const r of received) {
        if (r.state === 'RECOMMENDED') item('CHECK', r, r.decide_by);
        else if (r.state === 'ACCEPTED') item('ASSIGN_PANEL', r, r.decide_by);
        else if (r.state === 'IN_REVIEW') {
          const application = await db.findOneBy(PilotApplicationEntity, { id: r.id });
          const status = application ? await this.progress.panelStatus(db, application) : null;
          if (
            status &&
            status.seated > 0 &&
            status.submitted >= status.seated &&
            status.submitted >= status.size
          )
            item('CLOSE_REVIEW', r, r.decide_by);
        } else if (r.state === 'REVIEWED') {
          if (admin) item('DECIDE', r, r.decide_by);
          else if (((await parametersOf(r.call_id))?.review.publicNoticeDays ?? 0) > 0)
            item('PUBLICISE', r, r.decide_by);
        } else if (r.state === 'PUBLICISED') {
          if (r.open_objections > 0) item('ANSWER_OBJECTION', r, noticeEnd(r.notice_ends_on));
          else if (admin && r.notice_ends_on && today > r.notice_ends_on) item('DECIDE', r, r.decide_by);
        }
      }
    }
    if (viewer.roles.includes('EXPERT')) {
      const seats = await db.query<Row[]>(
        `SELECT ${COLUMNS}, 0 AS open_objections, x.id AS assignment_id
           FROM expert_assignment x
           JOIN pilot_application a ON a.id = x.application_id AND a.tenant_id = x.application_tenant_id
           LEFT JOIN review_sheet s ON s.tenant_id = x.tenant_id AND s.assignment_id = x.id
           ${JOINS}
          WHERE x.tenant_id = $1 AND x.expert_user_id = $2 AND x.withdrawn_at IS NULL
            AND a.state = 'IN_REVIEW' AND coalesce(s.status, 'DRAFT') = 'DRAFT'
          ORDER BY x.assigned_at`,
        [me, viewer.userId],
      );
      for (const r of seats) item('SCORE', r, r.decide_by, r.assignment_id);
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

  private rows(db: EntityManager, where: string, params: unknown[]): Promise<Row[]> {
    return db.query<Row[]>(
      `SELECT ${COLUMNS}, NULL AS assignment_id,
              (SELECT count(*)::int FROM pilot_objection o
                WHERE o.tenant_id = a.authority_tenant_id AND o.application_id = a.id AND o.answer IS NULL) AS open_objections
         FROM pilot_application a ${JOINS}
        WHERE ${where}
        ORDER BY a.created_at`,
      params,
    );
  }
}

/** The end of the notice period's last day, China time. */
function noticeEnd(endsOn: string | null): Date | null {
  return endsOn ? new Date(`${endsOn}T23:59:59.999+08:00`) : null;
}
