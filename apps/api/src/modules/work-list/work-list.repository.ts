import { Injectable } from '@nestjs/common';
import {
  PILOT_WORKFLOW,
  type PilotState,
  PROGRAMME_APPLICATION_WORKFLOW,
  type ProgrammeApplicationState,
  PROJECT_WORK_STATES,
  type ProjectState,
  statesWhere,
  type WorkSubject,
} from '@xiangmeng/domain';
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
  /** Seats only: what the seat reviews. */
  subject?: WorkSubject;
};

/** A programme application as the work list reads it: the call's dates, the programme's notice days. */
export type ProgrammeWorkRow = Omit<WorkRow, 'state' | 'subject'> & {
  state: ProgrammeApplicationState;
  award_notice_days: number;
};

/** A project that may wait for its authority: a change to approve, a dissolution to dispose of. */
export type ProjectWorkRow = {
  id: string;
  state: ProjectState;
  tenant_id: string;
  alliance_tenant_id: string;
  title: string;
  alliance_name: string | null;
  change_requested_by: string | null;
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
// A programme application's dossier names its call by the notice, not the title.
const PROGRAMME_COLUMNS = `a.id, a.state, a.tenant_id, a.recommending_tenant_id, a.authority_tenant_id, a.submitted_by,
  coalesce(a.dossier->'alliance'->>'name', al.name) AS alliance_name, a.call_id,
  coalesce(c.title, a.dossier->'call'->>'notice') AS call_title, c.closes_at, c.recommend_by, c.decide_by,
  to_char(a.notice_ends_on, 'YYYY-MM-DD') AS notice_ends_on`;
// The facts the transition table's guards read, counted where the viewer may see them
// (the authority sees its panels and objections; others count nothing, and need not).
const PANEL_FACTS = `
  (SELECT count(*)::int FROM expert_assignment x
    WHERE x.tenant_id = a.authority_tenant_id AND x.application_id = a.id AND x.withdrawn_at IS NULL) AS seated,
  (SELECT count(*)::int FROM expert_assignment x
     JOIN review_sheet s ON s.tenant_id = x.tenant_id AND s.assignment_id = x.id AND s.status = 'SUBMITTED'
    WHERE x.tenant_id = a.authority_tenant_id AND x.application_id = a.id AND x.withdrawn_at IS NULL) AS submitted`;
const FACTS = `
  (SELECT count(*)::int FROM pilot_objection o
    WHERE o.tenant_id = a.authority_tenant_id AND o.application_id = a.id AND o.answer IS NULL) AS open_objections,
  ${PANEL_FACTS}`;
const OPEN_STATES = sqlStates(statesWhere(PILOT_WORKFLOW, 'open'));
const SCORED_IN = sqlStates(['IN_REVIEW'] satisfies PilotState[]);
const OPEN_PROGRAMME_STATES = sqlStates(statesWhere(PROGRAMME_APPLICATION_WORKFLOW, 'open'));
const PROJECT_STATES = sqlStates([...new Set(PROJECT_WORK_STATES)]);

/**
 * The work list's reads: open applications (pilot and programme) a tier plays a part in, the
 * projects that may wait for their authority, and an expert's open seats.
 */
@Injectable()
export class WorkListRepository {
  /** Open pilot applications the tenant drafted, recommends, or received as the authority. */
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

  /** Open programme applications the tenant entered, recommends, or received as the authority. */
  openProgrammeApplications(db: EntityManager, tenantId: string): Promise<ProgrammeWorkRow[]> {
    return db.query<ProgrammeWorkRow[]>(
      `SELECT ${PROGRAMME_COLUMNS}, NULL AS assignment_id, 0 AS open_objections, ${PANEL_FACTS},
              coalesce(p.award_notice_days, 0) AS award_notice_days
         FROM programme_application a ${JOINS}
         LEFT JOIN programme p ON p.tenant_id = a.authority_tenant_id AND p.id = a.programme_id
        WHERE a.state IN ${OPEN_PROGRAMME_STATES}
          AND (a.tenant_id = $1 OR a.recommending_tenant_id = $1
               OR (a.authority_tenant_id = $1 AND a.recommended_at IS NOT NULL))
        ORDER BY a.created_at`,
      [tenantId],
    );
  }

  /** Projects awarded by the tenant, or of its alliances, in a state where work may wait. */
  openProjects(db: EntityManager, tenantId: string): Promise<ProjectWorkRow[]> {
    return db.query<ProjectWorkRow[]>(
      `SELECT p.id, p.state, p.tenant_id, p.alliance_tenant_id, p.title, p.change_requested_by,
              coalesce(a.dossier->'alliance'->>'name', al.name) AS alliance_name
         FROM project p
         LEFT JOIN programme_application a ON a.tenant_id = p.alliance_tenant_id AND a.id = p.application_id
         LEFT JOIN alliance al ON al.tenant_id = p.alliance_tenant_id AND al.id = p.alliance_id
        WHERE p.state IN ${PROJECT_STATES} AND (p.tenant_id = $1 OR p.alliance_tenant_id = $1)
        ORDER BY p.created_at`,
      [tenantId],
    );
  }

  /**
   * The expert's seats on applications (pilot and programme) and filings under review whose
   * score sheet is not yet submitted. A filing has no call: its round's document number names it.
   */
  unscoredSeats(db: EntityManager, tenantId: string, expertUserId: string): Promise<WorkRow[]> {
    return db.query<WorkRow[]>(
      `SELECT ${COLUMNS}, 0 AS open_objections, 0 AS seated, 0 AS submitted, x.id AS assignment_id,
              'PILOT_APPLICATION' AS subject, x.assigned_at
         FROM expert_assignment x
         JOIN pilot_application a ON a.id = x.application_id AND a.tenant_id = x.application_tenant_id
         LEFT JOIN review_sheet s ON s.tenant_id = x.tenant_id AND s.assignment_id = x.id
         ${JOINS}
        WHERE x.tenant_id = $1 AND x.expert_user_id = $2 AND x.withdrawn_at IS NULL AND x.subject_type = 'pilot_application'
          AND a.state IN ${SCORED_IN} AND coalesce(s.status, 'DRAFT') = 'DRAFT'
       UNION ALL
       SELECT ${PROGRAMME_COLUMNS}, 0, 0, 0, x.id, 'PROGRAMME_APPLICATION', x.assigned_at
         FROM expert_assignment x
         JOIN programme_application a ON a.id = x.application_id AND a.tenant_id = x.application_tenant_id
         LEFT JOIN review_sheet s ON s.tenant_id = x.tenant_id AND s.assignment_id = x.id
         ${JOINS}
        WHERE x.tenant_id = $1 AND x.expert_user_id = $2 AND x.withdrawn_at IS NULL
          AND x.subject_type = 'programme_application'
          AND a.state = 'IN_REVIEW' AND coalesce(s.status, 'DRAFT') = 'DRAFT'
       UNION ALL
       SELECT f.id, f.state, f.tenant_id, f.tenant_id, f.authority_tenant_id, f.submitted_by,
              f.dossier->'alliance'->>'name', f.round_id, '备案 ' || r.document_number, NULL, NULL, NULL, NULL,
              0, 0, 0, x.id, 'FILING', x.assigned_at
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
