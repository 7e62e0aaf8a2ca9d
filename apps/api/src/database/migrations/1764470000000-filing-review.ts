import type { MigrationInterface, QueryRunner } from 'typeorm';

// Expert review of filings (备案专家评审): a round that asks for experts seats a panel from the
// province's pool on a filing, under the same conflict rules and score sheets as a pilot
// application. A seat now says what it reviews; the conflict trigger reads the parties of either,
// and an assigned expert reads the filing (its snapshots, documents and round) while seated.

const SUBJECT_TYPES = `('pilot_application', 'filing')`;

/**
 * The parties of the application a seat names: the sent-up row, its members (live and frozen) and
 * its recommending unit. `filing` adds the filing's own case: the filing city recommends it.
 */
const partiesOf = (withFiling: boolean) => `
        ${
          withFiling
            ? `IF NEW.subject_type = 'filing' THEN
          SELECT f.tenant_id, f.authority_tenant_id, f.alliance_id, f.submitted_at, f.tenant_id,
                 ARRAY(SELECT (m ->> 'organizationId')::uuid
                         FROM jsonb_array_elements(coalesce(f.dossier -> 'members', '[]')) m
                        WHERE m ->> 'organizationId' IS NOT NULL)
            INTO v_home, v_authority, v_alliance, v_sent_at, v_recommender, v_members
            FROM filing f WHERE f.tenant_id = NEW.application_tenant_id AND f.id = NEW.application_id;
        ELSE`
            : ''
        }
          SELECT a.tenant_id, a.authority_tenant_id, a.alliance_id, a.recommended_at, a.recommending_tenant_id,
                 a.member_organization_ids
            INTO v_home, v_authority, v_alliance, v_sent_at, v_recommender, v_members
            FROM pilot_application a WHERE a.tenant_id = NEW.application_tenant_id AND a.id = NEW.application_id;
        ${withFiling ? 'END IF;' : ''}`;

/** Conflicts of interest (Art. 11) whatever the caller; `withFiling` reads filings' parties too. */
const conflictsFunction = (withFiling: boolean) => `
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
        ${partiesOf(withFiling)}
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
        RETURN NEW;
      END $$;`;

export class FilingReview1764470000000 implements MigrationInterface {
  name = 'FilingReview1764470000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      -- What the seat reviews; the runtime role cannot change it (its UPDATE grant is the withdrawal's).
      ALTER TABLE expert_assignment
        ADD COLUMN subject_type text NOT NULL DEFAULT 'pilot_application' CHECK (subject_type IN ${SUBJECT_TYPES});
      ${conflictsFunction(true)}

      -- An expert reads the filing they are seated on (its snapshots and documents follow it), and
      -- its round; never once withdrawn.
      CREATE POLICY assigned_expert ON filing FOR SELECT
        USING (id IN (SELECT x.application_id FROM expert_assignment x
                      WHERE x.tenant_id = (SELECT app_tenant_id()) AND x.expert_user_id = (SELECT app_user_id())
                        AND x.withdrawn_at IS NULL AND x.subject_type = 'filing'));
      CREATE POLICY assigned_expert ON filing_round FOR SELECT
        USING (tenant_id = (SELECT app_tenant_id()) AND NOT (SELECT app_is_staff())
               AND id IN (SELECT f.round_id FROM filing f));
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP POLICY assigned_expert ON filing_round;
      DROP POLICY assigned_expert ON filing;
      ${conflictsFunction(false)}
      ALTER TABLE expert_assignment DROP COLUMN subject_type;
    `);
  }
}
