import type { MigrationInterface, QueryRunner } from 'typeorm';

// Gaps in the pilot workflow found walking the story: the formal check can refuse an application
// outright (不予受理, REFUSED, final, with its reason), and an accepted application for which no
// valid panel can be formed can be returned or declined. The state lists here are the domain
// table's (packages/domain/src/pilots/pilot-transitions.ts); test/pilots/workflow-sql.test.ts
// fails when they differ.
export class PilotRefusalAndNoPanel1764440000000 implements MigrationInterface {
  name = 'PilotRefusalAndNoPanel1764440000000';

  async up(db: QueryRunner): Promise<void> {
    await this.dropStateChecks(db);
    await db.query(`
      ALTER TABLE pilot_application
        ADD CONSTRAINT pilot_application_state_known CHECK (state IN ('DRAFT', 'SUBMITTED', 'RECOMMENDED', 'ACCEPTED',
          'IN_REVIEW', 'REVIEWED', 'PUBLICISED', 'APPROVED', 'DECLINED', 'RETURNED', 'NOT_RECOMMENDED', 'WITHDRAWN',
          'REFUSED')),
        ADD CONSTRAINT pilot_application_sent_upward CHECK (state NOT IN ('RECOMMENDED', 'ACCEPTED', 'IN_REVIEW',
          'REVIEWED', 'PUBLICISED', 'APPROVED', 'DECLINED', 'REFUSED') OR recommended_at IS NOT NULL),
        ADD CONSTRAINT pilot_application_decided CHECK (state NOT IN ('APPROVED', 'DECLINED')
          OR (decided_at IS NOT NULL AND decision_reason IS NOT NULL)),
        ADD CONSTRAINT pilot_application_refused_with_reason CHECK (state <> 'REFUSED' OR last_reason IS NOT NULL);
      DROP INDEX pilot_application_live;
      CREATE UNIQUE INDEX pilot_application_live ON pilot_application (tenant_id, call_id, alliance_id)
        WHERE state NOT IN ('WITHDRAWN', 'NOT_RECOMMENDED', 'DECLINED', 'REFUSED');
      CREATE OR REPLACE FUNCTION pilot_application_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        form_changed boolean := (NEW.goals, NEW.work_plan, NEW.budget_fen, NEW.own_investment_fen, NEW.expected_results,
                                 NEW.contact_name, NEW.contact_phone, NEW.feasibility_document_id)
                                IS DISTINCT FROM
                                (OLD.goals, OLD.work_plan, OLD.budget_fen, OLD.own_investment_fen, OLD.expected_results,
                                 OLD.contact_name, OLD.contact_phone, OLD.feasibility_document_id);
      BEGIN
        IF (NEW.tenant_id, NEW.alliance_id, NEW.call_id, NEW.authority_tenant_id, NEW.recommending_tenant_id, NEW.level,
            NEW.created_at, NEW.created_by)
           IS DISTINCT FROM
           (OLD.tenant_id, OLD.alliance_id, OLD.call_id, OLD.authority_tenant_id, OLD.recommending_tenant_id, OLD.level,
            OLD.created_at, OLD.created_by) THEN
          RAISE EXCEPTION 'pilot application % cannot change its alliance, call or parties', OLD.id USING ERRCODE = '55000';
        END IF;
        IF form_changed AND OLD.state NOT IN ('DRAFT', 'RETURNED') THEN
          RAISE EXCEPTION 'pilot application % is not with the applicant side', OLD.id USING ERRCODE = '55000';
        END IF;
        IF OLD.tenant_id IS DISTINCT FROM app_tenant_id() AND (form_changed
           OR (NEW.dossier, NEW.member_organization_ids, NEW.submitted_at, NEW.submitted_by, NEW.recommended_by,
               NEW.recommendation_opinion)
              IS DISTINCT FROM
              (OLD.dossier, OLD.member_organization_ids, OLD.submitted_at, OLD.submitted_by, OLD.recommended_by,
               OLD.recommendation_opinion)) THEN
          RAISE EXCEPTION 'pilot application % belongs to another tier', OLD.id USING ERRCODE = '42501';
        END IF;
        IF OLD.recommended_at IS NOT NULL AND NEW.recommended_at IS NULL THEN
          RAISE EXCEPTION 'pilot application % was sent up and stays so', OLD.id USING ERRCODE = '55000';
        END IF;
        IF OLD.state IN ('APPROVED', 'DECLINED', 'NOT_RECOMMENDED', 'WITHDRAWN', 'REFUSED') THEN
          RAISE EXCEPTION 'pilot application % is closed', OLD.id USING ERRCODE = '55000';
        END IF;
        NEW.updated_at := now();
        RETURN NEW;
      END $$;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await this.dropStateChecks(db);
    await db.query(`
      ALTER TABLE pilot_application
        ADD CONSTRAINT pilot_application_state_known CHECK (state IN ('DRAFT', 'SUBMITTED', 'RECOMMENDED', 'ACCEPTED',
          'IN_REVIEW', 'REVIEWED', 'PUBLICISED', 'APPROVED', 'DECLINED', 'RETURNED', 'NOT_RECOMMENDED', 'WITHDRAWN')),
        ADD CONSTRAINT pilot_application_sent_upward CHECK (state NOT IN ('RECOMMENDED', 'ACCEPTED', 'IN_REVIEW',
          'REVIEWED', 'PUBLICISED', 'APPROVED', 'DECLINED') OR recommended_at IS NOT NULL),
        ADD CONSTRAINT pilot_application_decided CHECK (state NOT IN ('APPROVED', 'DECLINED')
          OR (decided_at IS NOT NULL AND decision_reason IS NOT NULL));
      DROP INDEX pilot_application_live;
      CREATE UNIQUE INDEX pilot_application_live ON pilot_application (tenant_id, call_id, alliance_id)
        WHERE state NOT IN ('WITHDRAWN', 'NOT_RECOMMENDED', 'DECLINED');
      CREATE OR REPLACE FUNCTION pilot_application_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        form_changed boolean := (NEW.goals, NEW.work_plan, NEW.budget_fen, NEW.own_investment_fen, NEW.expected_results,
                                 NEW.contact_name, NEW.contact_phone, NEW.feasibility_document_id)
                                IS DISTINCT FROM
                                (OLD.goals, OLD.work_plan, OLD.budget_fen, OLD.own_investment_fen, OLD.expected_results,
                                 OLD.contact_name, OLD.contact_phone, OLD.feasibility_document_id);
      BEGIN
        IF (NEW.tenant_id, NEW.alliance_id, NEW.call_id, NEW.authority_tenant_id, NEW.recommending_tenant_id, NEW.level,
            NEW.created_at, NEW.created_by)
           IS DISTINCT FROM
           (OLD.tenant_id, OLD.alliance_id, OLD.call_id, OLD.authority_tenant_id, OLD.recommending_tenant_id, OLD.level,
            OLD.created_at, OLD.created_by) THEN
          RAISE EXCEPTION 'pilot application % cannot change its alliance, call or parties', OLD.id USING ERRCODE = '55000';
        END IF;
        IF form_changed AND OLD.state NOT IN ('DRAFT', 'RETURNED') THEN
          RAISE EXCEPTION 'pilot application % is not with the applicant side', OLD.id USING ERRCODE = '55000';
        END IF;
        IF OLD.tenant_id IS DISTINCT FROM app_tenant_id() AND (form_changed
           OR (NEW.dossier, NEW.member_organization_ids, NEW.submitted_at, NEW.submitted_by, NEW.recommended_by,
               NEW.recommendation_opinion)
              IS DISTINCT FROM
              (OLD.dossier, OLD.member_organization_ids, OLD.submitted_at, OLD.submitted_by, OLD.recommended_by,
               OLD.recommendation_opinion)) THEN
          RAISE EXCEPTION 'pilot application % belongs to another tier', OLD.id USING ERRCODE = '42501';
        END IF;
        IF OLD.recommended_at IS NOT NULL AND NEW.recommended_at IS NULL THEN
          RAISE EXCEPTION 'pilot application % was sent up and stays so', OLD.id USING ERRCODE = '55000';
        END IF;
        IF OLD.state IN ('APPROVED', 'DECLINED', 'NOT_RECOMMENDED', 'WITHDRAWN') THEN
          RAISE EXCEPTION 'pilot application % is closed', OLD.id USING ERRCODE = '55000';
        END IF;
        NEW.updated_at := now();
        RETURN NEW;
      END $$;
    `);
  }

  // The first migration's checks were unnamed; they are found by what they say.
  private async dropStateChecks(db: QueryRunner): Promise<void> {
    await db.query(`
      DO $$
      DECLARE c record;
      BEGIN
        FOR c IN SELECT conname FROM pg_constraint
                  WHERE conrelid = 'pilot_application'::regclass AND contype = 'c'
                    AND pg_get_constraintdef(oid) ~ '\\mstate\\M'
        LOOP
          EXECUTE format('ALTER TABLE pilot_application DROP CONSTRAINT %I', c.conname);
        END LOOP;
      END $$;
    `);
  }
}
