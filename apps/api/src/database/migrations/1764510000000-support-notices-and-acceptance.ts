import type { MigrationInterface, QueryRunner } from 'typeorm';

// Support notices (公示) and acceptance review (验收) of projects (issue 11).
//
// Objections: one table for every support notice — before a programme award and before a
// project's acceptance passes — rather than a copy per kind. The authority that runs the notice
// records each objection it received and answers it once, saying whether it is sustained (成立);
// the row is that authority's alone (nobody else reads who objected). subject_id names the
// programme application or the project; the API checks the subject is the authority's and in
// notice before it writes, and a trigger checks the same.
//
// Acceptance: the home bureau requests it with the final report (its text, and documents the
// alliance uploaded, named in the request); the authority's expert pool reviews it with the one
// panel machinery (expert_assignment, review_sheet), so a seat's subject may now be a project,
// with the conflict rules and the debarred-employer rule applied to it by the database as for a
// programme application. A seated expert reads the project and the documents of its request.

const TENANT = `tenant_id = (SELECT app_tenant_id())`;
const STAFF = `(SELECT app_is_staff())`;
const SIDE_REACHES = `('CHANGE_REQUESTED', 'IN_PROGRESS', 'ACCEPTANCE_REQUESTED')`;

/** Conflicts of interest (Art. 11) for every subject type; a debarred employer for plan projects (Art. 20). */
const conflictsFunction = (withProjects: boolean) => `
      CREATE OR REPLACE FUNCTION expert_assignment_conflicts() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        v_home uuid;
        v_authority uuid;
        v_alliance uuid;
        v_sent_at timestamptz;
        v_recommender uuid;
        v_members uuid[];
        v_tie uuid;
      BEGIN
        IF NEW.withdrawn_at IS NOT NULL THEN
          RETURN NEW;
        END IF;
        IF NEW.subject_type = 'filing' THEN
          SELECT f.tenant_id, f.authority_tenant_id, f.alliance_id, f.submitted_at, f.tenant_id,
                 ARRAY(SELECT (m ->> 'organizationId')::uuid
                         FROM jsonb_array_elements(coalesce(f.dossier -> 'members', '[]')) m
                        WHERE m ->> 'organizationId' IS NOT NULL)
            INTO v_home, v_authority, v_alliance, v_sent_at, v_recommender, v_members
            FROM filing f WHERE f.tenant_id = NEW.application_tenant_id AND f.id = NEW.application_id;
        ELSIF NEW.subject_type = 'programme_application' THEN
          SELECT a.tenant_id, a.authority_tenant_id, a.alliance_id, a.recommended_at, a.recommending_tenant_id,
                 a.member_organization_ids
            INTO v_home, v_authority, v_alliance, v_sent_at, v_recommender, v_members
            FROM programme_application a WHERE a.tenant_id = NEW.application_tenant_id AND a.id = NEW.application_id;
        ${
          withProjects
            ? `ELSIF NEW.subject_type = 'project' THEN
          -- The parties of a project: its alliance and home bureau, the responsible unit and the
          -- participants of the task contract in force.
          SELECT p.alliance_tenant_id, p.tenant_id, p.alliance_id, p.created_at, p.alliance_tenant_id,
                 ARRAY(SELECT (x ->> 'organizationId')::uuid
                         FROM jsonb_array_elements(coalesce(p.dossier -> 'participants', '[]')
                                || jsonb_build_array(coalesce(p.dossier -> 'responsibleUnit', '{}'))) x
                        WHERE x ->> 'organizationId' ~ '^[0-9a-fA-F-]{36}$')
            INTO v_home, v_authority, v_alliance, v_sent_at, v_recommender, v_members
            FROM project p WHERE p.tenant_id = NEW.application_tenant_id AND p.id = NEW.application_id;`
            : ''
        }
        ELSE
          SELECT a.tenant_id, a.authority_tenant_id, a.alliance_id, a.recommended_at, a.recommending_tenant_id,
                 a.member_organization_ids
            INTO v_home, v_authority, v_alliance, v_sent_at, v_recommender, v_members
            FROM pilot_application a WHERE a.tenant_id = NEW.application_tenant_id AND a.id = NEW.application_id;
        END IF;
        IF v_home IS NULL OR v_authority <> NEW.tenant_id OR v_sent_at IS NULL
           OR NEW.tenant_id IS DISTINCT FROM app_tenant_id() THEN
          RAISE EXCEPTION 'no such application %', NEW.application_id USING ERRCODE = '23503';
        END IF;
        IF NOT EXISTS (SELECT 1 FROM expert e WHERE e.tenant_id = NEW.tenant_id AND e.id = NEW.expert_id
                         AND e.user_id IS NOT DISTINCT FROM NEW.expert_user_id) THEN
          RAISE EXCEPTION 'seat % names another account than the expert''s', NEW.id USING ERRCODE = '23514';
        END IF;
        WITH involved AS (
          SELECT m.organization_id AS org, NULL::uuid AS bureau FROM alliance_member m
            WHERE m.tenant_id = v_home AND m.alliance_id = v_alliance AND m.exited_on IS NULL
          UNION SELECT unnest(v_members), NULL
          UNION SELECT NULL, v_recommender
        ), ties AS (
          SELECT organization_id AS org, bureau_tenant_id AS bureau FROM expert_affiliation
            WHERE tenant_id = NEW.tenant_id AND expert_id = NEW.expert_id
          UNION ALL
          SELECT organization_id, bureau_tenant_id FROM expert_conflict
            WHERE tenant_id = NEW.tenant_id AND expert_id = NEW.expert_id
        )
        SELECT coalesce(t.org, t.bureau) INTO v_tie FROM ties t JOIN involved i ON t.org = i.org OR t.bureau = i.bureau
          LIMIT 1;
        IF v_tie IS NOT NULL THEN
          RAISE EXCEPTION 'expert % has a conflict of interest with %', NEW.expert_id, v_tie
            USING ERRCODE = '23514', CONSTRAINT = 'expert_assignment_conflict_of_interest';
        END IF;
        SELECT coalesce(mine.organization_id, mine.bureau_tenant_id) INTO v_tie
          FROM expert_affiliation mine
          JOIN expert_assignment seat ON seat.tenant_id = NEW.tenant_id AND seat.application_id = NEW.application_id
            AND seat.withdrawn_at IS NULL AND seat.expert_id <> NEW.expert_id AND seat.id <> NEW.id
          JOIN expert_affiliation theirs ON theirs.tenant_id = seat.tenant_id AND theirs.expert_id = seat.expert_id
            AND coalesce(theirs.organization_id, theirs.bureau_tenant_id) = coalesce(mine.organization_id, mine.bureau_tenant_id)
          WHERE mine.tenant_id = NEW.tenant_id AND mine.expert_id = NEW.expert_id
          LIMIT 1;
        IF v_tie IS NOT NULL THEN
          RAISE EXCEPTION 'panel of % already seats an expert of %', NEW.application_id, v_tie
            USING ERRCODE = '23514', CONSTRAINT = 'expert_assignment_one_per_organization';
        END IF;
        IF NEW.subject_type IN ${withProjects ? `('programme_application', 'project')` : `('programme_application')`} THEN
          SELECT d.organization_id INTO v_tie
            FROM expert_affiliation mine
            JOIN debarment d ON d.organization_id = mine.organization_id AND d.lifted_on IS NULL
             AND (now() AT TIME ZONE 'Asia/Shanghai')::date BETWEEN d.from_date AND d.until_date
           WHERE mine.tenant_id = NEW.tenant_id AND mine.expert_id = NEW.expert_id
           LIMIT 1;
          IF v_tie IS NOT NULL THEN
            RAISE EXCEPTION 'expert % works for the debarred unit %', NEW.expert_id, v_tie
              USING ERRCODE = '23514', CONSTRAINT = 'expert_assignment_debarred_employer';
          END IF;
        END IF;
        RETURN NEW;
      END $$;`;

/** The home bureau moves a project only into its own states and never touches the authority's columns. */
const projectGuard = (withNotice: boolean) => `
      CREATE OR REPLACE FUNCTION project_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        v_side_only boolean := OLD.alliance_tenant_id = app_tenant_id() AND OLD.tenant_id <> app_tenant_id();
      BEGIN
        IF (NEW.tenant_id, NEW.alliance_tenant_id, NEW.programme_id, NEW.application_id, NEW.alliance_id,
            NEW.award_fen, NEW.support_source, NEW.awarded_on, NEW.created_at, NEW.created_by)
           IS DISTINCT FROM
           (OLD.tenant_id, OLD.alliance_tenant_id, OLD.programme_id, OLD.application_id, OLD.alliance_id,
            OLD.award_fen, OLD.support_source, OLD.awarded_on, OLD.created_at, OLD.created_by) THEN
          RAISE EXCEPTION 'project % keeps its parties, programme, application and award', OLD.id
            USING ERRCODE = '55000';
        END IF;
        IF OLD.state IN ('COMPLETED', 'FAILED', 'TERMINATED', 'REVOKED') THEN
          RAISE EXCEPTION 'project % is closed (%)', OLD.id, OLD.state USING ERRCODE = '55000';
        END IF;
        IF v_side_only THEN
          IF NEW.state IS DISTINCT FROM OLD.state AND NEW.state NOT IN ${SIDE_REACHES} THEN
            RAISE EXCEPTION 'project %: the responsible unit''s side cannot move it to %', OLD.id, NEW.state
              USING ERRCODE = '42501';
          END IF;
          IF OLD.state = 'FROZEN' THEN
            RAISE EXCEPTION 'project % is frozen: the authority decides', OLD.id USING ERRCODE = '42501';
          END IF;
          IF (NEW.dossier, NEW.decision_basis, NEW.frozen_at, NEW.decided_at, NEW.decided_by${withNotice ? ', NEW.notice_starts_on, NEW.notice_ends_on' : ''})
             IS DISTINCT FROM (OLD.dossier, OLD.decision_basis, OLD.frozen_at, OLD.decided_at, OLD.decided_by${withNotice ? ', OLD.notice_starts_on, OLD.notice_ends_on' : ''}) THEN
            RAISE EXCEPTION 'project %: the contract and decisions are the authority''s', OLD.id
              USING ERRCODE = '42501';
          END IF;
        END IF;
        RETURN NEW;
      END $$;`;

export class SupportNoticesAndAcceptance1764510000000 implements MigrationInterface {
  name = 'SupportNoticesAndAcceptance1764510000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE support_objection (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- The authority that runs the notice: the programme's tenant.
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        subject_type text NOT NULL CHECK (subject_type IN ('programme_application', 'project')),
        subject_id uuid NOT NULL,
        received_on date NOT NULL,
        objector text NOT NULL CHECK (length(btrim(objector)) BETWEEN 1 AND 100),
        content text NOT NULL CHECK (length(btrim(content)) BETWEEN 1 AND 5000),
        answer text CHECK (length(btrim(answer)) BETWEEN 1 AND 5000),
        -- Whether the objection was found to hold (成立); set with the answer.
        sustained boolean,
        answered_at timestamptz,
        answered_by uuid,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        recorded_by uuid,
        UNIQUE (tenant_id, id),
        CHECK ((answer IS NULL) = (sustained IS NULL) AND (answer IS NULL) = (answered_at IS NULL))
      );
      CREATE INDEX support_objection_of_subject ON support_objection (tenant_id, subject_type, subject_id, received_on);
      ALTER TABLE support_objection ENABLE ROW LEVEL SECURITY;
      ALTER TABLE support_objection FORCE ROW LEVEL SECURITY;
      CREATE POLICY authority_staff ON support_objection
        USING (${TENANT} AND ${STAFF})
        WITH CHECK (${TENANT} AND ${STAFF});
      GRANT SELECT, INSERT ON support_objection TO xiangmeng_app;
      GRANT UPDATE (answer, sustained, answered_at, answered_by) ON support_objection TO xiangmeng_app;

      -- The subject is the authority's own and in its notice; an answer is given once.
      CREATE FUNCTION support_objection_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        v_state text;
      BEGIN
        -- Another tenant's row: row security refuses it, exactly as for any table.
        IF NEW.tenant_id IS DISTINCT FROM app_tenant_id() THEN
          RETURN NEW;
        END IF;
        IF TG_OP = 'UPDATE' AND OLD.answer IS NOT NULL THEN
          RAISE EXCEPTION 'objection % is answered', OLD.id USING ERRCODE = '55000';
        END IF;
        IF TG_OP = 'UPDATE' AND (NEW.tenant_id, NEW.subject_type, NEW.subject_id, NEW.received_on, NEW.objector,
             NEW.content, NEW.recorded_at, NEW.recorded_by) IS DISTINCT FROM (OLD.tenant_id, OLD.subject_type,
             OLD.subject_id, OLD.received_on, OLD.objector, OLD.content, OLD.recorded_at, OLD.recorded_by) THEN
          RAISE EXCEPTION 'objection % keeps what was received', OLD.id USING ERRCODE = '55000';
        END IF;
        IF NEW.subject_type = 'programme_application' THEN
          SELECT a.state INTO v_state FROM programme_application a
           WHERE a.id = NEW.subject_id AND a.authority_tenant_id = NEW.tenant_id;
          IF v_state IS DISTINCT FROM 'PUBLICISED' THEN
            RAISE EXCEPTION 'programme application % is not in notice', NEW.subject_id USING ERRCODE = '55000';
          END IF;
        ELSE
          SELECT p.state INTO v_state FROM project p WHERE p.id = NEW.subject_id AND p.tenant_id = NEW.tenant_id;
          IF v_state IS DISTINCT FROM 'ACCEPTANCE_PUBLICISED' THEN
            RAISE EXCEPTION 'project % is not in its acceptance notice', NEW.subject_id USING ERRCODE = '55000';
          END IF;
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER support_objection_guard BEFORE INSERT OR UPDATE ON support_objection
        FOR EACH ROW EXECUTE FUNCTION support_objection_guard();

      -- Acceptance: the request (final report, documents, and what review reads of the award) and
      -- the notice's dates.
      ALTER TABLE project
        ADD COLUMN acceptance jsonb CHECK (acceptance IS NULL OR jsonb_typeof(acceptance) = 'object'),
        ADD COLUMN notice_starts_on date,
        ADD COLUMN notice_ends_on date,
        ADD CONSTRAINT project_notice_dates CHECK (notice_ends_on IS NULL OR notice_ends_on >= notice_starts_on),
        ADD CONSTRAINT project_acceptance_requested
          CHECK (state NOT IN ('ACCEPTANCE_REQUESTED', 'ACCEPTANCE_REVIEW', 'ACCEPTANCE_REVIEWED', 'ACCEPTANCE_PUBLICISED')
                 OR acceptance IS NOT NULL),
        ADD CONSTRAINT project_acceptance_notice
          CHECK (state <> 'ACCEPTANCE_PUBLICISED' OR notice_ends_on IS NOT NULL);
      GRANT UPDATE (acceptance, notice_starts_on, notice_ends_on) ON project TO xiangmeng_app;
      ${projectGuard(true)}

      -- Expert review of acceptance: a seat's subject may be a project.
      ALTER TABLE expert_assignment DROP CONSTRAINT expert_assignment_subject_type_check;
      ALTER TABLE expert_assignment ADD CONSTRAINT expert_assignment_subject_type_check
        CHECK (subject_type IN ('pilot_application', 'filing', 'programme_application', 'project'));
      ${conflictsFunction(true)}
      CREATE POLICY assigned_expert ON project FOR SELECT
        USING (id IN (SELECT x.application_id FROM expert_assignment x
                      WHERE x.tenant_id = (SELECT app_tenant_id()) AND x.expert_user_id = (SELECT app_user_id())
                        AND x.withdrawn_at IS NULL AND x.subject_type = 'project'));
      -- The documents of an acceptance request: the authority's staff and the seated experts read
      -- them through the project they read (the home bureau reads its own documents anyway).
      CREATE POLICY attached_to_project_acceptance ON document FOR SELECT
        USING ((tenant_id <> (SELECT app_tenant_id()) OR NOT ${STAFF}) AND EXISTS (
          SELECT 1 FROM project p WHERE p.alliance_tenant_id = document.tenant_id
             AND p.acceptance IS NOT NULL AND (p.acceptance -> 'documentIds') ? document.id::text));
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP POLICY attached_to_project_acceptance ON document;
      DROP POLICY assigned_expert ON project;
      DELETE FROM review_sheet s USING expert_assignment x
       WHERE x.tenant_id = s.tenant_id AND x.id = s.assignment_id AND x.subject_type = 'project';
      DELETE FROM expert_assignment WHERE subject_type = 'project';
      ALTER TABLE expert_assignment DROP CONSTRAINT expert_assignment_subject_type_check;
      ALTER TABLE expert_assignment ADD CONSTRAINT expert_assignment_subject_type_check
        CHECK (subject_type IN ('pilot_application', 'filing', 'programme_application'));
      ${conflictsFunction(false)}
      ${projectGuard(false)}
      ALTER TABLE project DROP CONSTRAINT project_acceptance_notice, DROP CONSTRAINT project_acceptance_requested,
        DROP CONSTRAINT project_notice_dates, DROP COLUMN notice_ends_on, DROP COLUMN notice_starts_on,
        DROP COLUMN acceptance;
      DROP TABLE support_objection;
      DROP FUNCTION support_objection_guard();
    `);
  }
}
