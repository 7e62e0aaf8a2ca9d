import type { MigrationInterface, QueryRunner } from 'typeorm';

// The responsible unit's side writes a project's acceptance request (验收申请) only in the step that
// asks for it (IN_PROGRESS → ACCEPTANCE_REQUESTED). Until now the guard let the side rewrite the
// column at any time, in SQL, after the authority had started reviewing what it asked.

const SIDE_REACHES = `('CHANGE_REQUESTED', 'IN_PROGRESS', 'ACCEPTANCE_REQUESTED')`;

const projectGuard = (acceptanceOnce: boolean) => `
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
          IF (NEW.dossier, NEW.decision_basis, NEW.frozen_at, NEW.decided_at, NEW.decided_by, NEW.notice_starts_on, NEW.notice_ends_on)
             IS DISTINCT FROM (OLD.dossier, OLD.decision_basis, OLD.frozen_at, OLD.decided_at, OLD.decided_by, OLD.notice_starts_on, OLD.notice_ends_on) THEN
            RAISE EXCEPTION 'project %: the contract and decisions are the authority''s', OLD.id
              USING ERRCODE = '42501';
          END IF;${
            acceptanceOnce
              ? `
          IF NEW.acceptance IS DISTINCT FROM OLD.acceptance
             AND NOT (OLD.state = 'IN_PROGRESS' AND NEW.state = 'ACCEPTANCE_REQUESTED') THEN
            RAISE EXCEPTION 'project %: the acceptance request is written when it is made', OLD.id
              USING ERRCODE = '42501';
          END IF;`
              : ''
          }
        END IF;
        RETURN NEW;
      END $$;`;

export class AcceptanceRequestOnce1764650000000 implements MigrationInterface {
  name = 'AcceptanceRequestOnce1764650000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(projectGuard(true));
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(projectGuard(false));
  }
}
