import { Injectable } from '@nestjs/common';
import { PILOT_WORKFLOW, type PilotState, statesWhere } from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { sqlStates } from '../applications/sql-states';

/** An application as the work list reads it, with the counts its guards need. */
export type WorkRow = {
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
const SCORED_IN = sqlStates(['IN_REVIEW'] satisfies PilotState[]);

/** The work list's two reads: open applications a tier plays a part in, and an expert's open seats. */
@Injectable()
export class WorkListRepository {
  /** Open applications the tenant drafted, recommends, or received as the authority. */
  openApplications(db: EntityManager, tenantId: string): Promise<WorkRow[]> {
    return db.query<WorkRow[]>(
      `SELECT ${COLUMNS}, NULL AS assignment_id, ${FACTS}
         FROM pilot_application a ${JOINS}
        WHERE a.state IN ${OPEN_STATES}
          AND (a.tenant_id = $1 OR a.recommending_tenant_id = $1
               OR (a.authority_tenant_id = $1 AND a.recommended_at IS NOT NULL))
        ORDER BY a.created_at`,
      [tenantId],
    );
  }

  /**
   * The expert's seats on applications (and filings) under review whose score sheet is not yet
   * submitted. A filing has no call: its round's document number names it, without deadlines.
   */
  unscoredSeats(db: EntityManager, tenantId: string, expertUserId: string): Promise<WorkRow[]> {
    return db.query<WorkRow[]>(
      `SELECT ${COLUMNS}, 0 AS open_objections, 0 AS seated, 0 AS submitted, x.id AS assignment_id, x.assigned_at
         FROM expert_assignment x
         JOIN pilot_application a ON a.id = x.application_id AND a.tenant_id = x.application_tenant_id
         LEFT JOIN review_sheet s ON s.tenant_id = x.tenant_id AND s.assignment_id = x.id
         ${JOINS}
        WHERE x.tenant_id = $1 AND x.expert_user_id = $2 AND x.withdrawn_at IS NULL AND x.subject_type = 'pilot_application'
          AND a.state IN ${SCORED_IN} AND coalesce(s.status, 'DRAFT') = 'DRAFT'
       UNION ALL
       SELECT f.id, f.state, f.tenant_id, f.tenant_id, f.authority_tenant_id, f.submitted_by,
              f.dossier->'alliance'->>'name', f.round_id, '备案 ' || r.document_number, NULL, NULL, NULL, NULL,
              0, 0, 0, x.id, x.assigned_at
         FROM expert_assignment x
         JOIN filing f ON f.id = x.application_id AND f.tenant_id = x.application_tenant_id
         LEFT JOIN filing_round r ON r.id = f.round_id
         LEFT JOIN review_sheet s ON s.tenant_id = x.tenant_id AND s.assignment_id = x.id
        WHERE x.tenant_id = $1 AND x.expert_user_id = $2 AND x.withdrawn_at IS NULL AND x.subject_type = 'filing'
          AND f.state = 'IN_REVIEW' AND coalesce(s.status, 'DRAFT') = 'DRAFT'
        ORDER BY assigned_at`,
      [tenantId, expertUserId],
    );
  }
}
