import type { MigrationInterface, QueryRunner } from 'typeorm';

// National pilot alliances (国家级试点联盟, issue 11, Art. 14): the Ministry of Science and
// Technology designates them; the province records each designation — the Ministry's document
// number, the designation date, an optional scan of the document — and may withdraw it with a
// reason. Programme eligibility reads the list: a national pilot is taken at every level.
//
// Who sees what, here rather than in the API (as the debarment register, 1764480000000):
// - The list is published: every signed-in user of every tenant reads every designation, so a
//   city sees which of its alliances (and its neighbours') are national pilots. The row copies the
//   alliance's name for that reason: a city does not read another city's register.
// - Only the province's administrators record and withdraw (app_tenant_is_province() as well as
//   the role, so a city that claimed PROVINCE_ADMIN in app.roles is refused all the same).
// - The scan is a document of the province's own file (keyed with tenant_id); other tiers read
//   the document number and date, not the province's file.
//
// The alliance is another tenant's row: no foreign key may name it (an integrity check would
// reach past row security), so the API asks national_pilot_alliance() below, which answers the
// province's administrators only, for an alliance of the province's own register or of one of
// its cities, and nothing else.
//
// Append-only: no DELETE grant, and a trigger refuses every change but the withdrawal, once.
// One designation in force per alliance; after a withdrawal the alliance may be designated again.

const PROVINCE_ADMIN = `tenant_id = (SELECT app_tenant_id()) AND (SELECT app_tenant_is_province())
        AND (SELECT app_has_role('PROVINCE_ADMIN'))`;

export class NationalPilotDesignations1764640000000 implements MigrationInterface {
  name = 'NationalPilotDesignations1764640000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE national_pilot_designation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- The province that recorded it.
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        -- The alliance's home tenant and the alliance (no key: another tenant's row).
        alliance_tenant_id uuid NOT NULL REFERENCES tenant (id),
        alliance_id uuid NOT NULL,
        alliance_name text NOT NULL CHECK (length(btrim(alliance_name)) BETWEEN 1 AND 200),
        document_number text NOT NULL CHECK (length(btrim(document_number)) BETWEEN 1 AND 100),
        designated_on date NOT NULL,
        document_id uuid,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        recorded_by uuid NOT NULL,
        withdrawn_on date,
        withdrawal_reason text CHECK (length(btrim(withdrawal_reason)) BETWEEN 1 AND 2000),
        withdrawn_at timestamptz,
        withdrawn_by uuid,
        UNIQUE (tenant_id, id),
        FOREIGN KEY (tenant_id, document_id) REFERENCES document (tenant_id, id),
        CHECK ((withdrawn_on IS NULL) = (withdrawal_reason IS NULL)
               AND (withdrawn_on IS NULL) = (withdrawn_at IS NULL)
               AND (withdrawn_on IS NULL) = (withdrawn_by IS NULL)),
        CHECK (withdrawn_on IS NULL OR withdrawn_on >= designated_on)
      );
      -- One designation in force per alliance (a withdrawn one stays as history).
      CREATE UNIQUE INDEX national_pilot_designation_in_force
        ON national_pilot_designation (tenant_id, alliance_tenant_id, alliance_id) WHERE withdrawn_on IS NULL;
      CREATE INDEX national_pilot_designation_list ON national_pilot_designation (tenant_id, designated_on DESC);
      -- Eligibility and the register read the list by alliance, whoever recorded it.
      CREATE INDEX national_pilot_designation_of_alliance
        ON national_pilot_designation (alliance_id, designated_on DESC);

      ALTER TABLE national_pilot_designation ENABLE ROW LEVEL SECURITY;
      ALTER TABLE national_pilot_designation FORCE ROW LEVEL SECURITY;

      CREATE POLICY public_list ON national_pilot_designation FOR SELECT
        USING ((SELECT app_tenant_id()) IS NOT NULL);
      CREATE POLICY province_records ON national_pilot_designation FOR INSERT
        WITH CHECK (${PROVINCE_ADMIN});
      CREATE POLICY province_withdraws ON national_pilot_designation FOR UPDATE
        USING (${PROVINCE_ADMIN})
        WITH CHECK (${PROVINCE_ADMIN});
      GRANT SELECT, INSERT ON national_pilot_designation TO xiangmeng_app;
      GRANT UPDATE (withdrawn_on, withdrawal_reason, withdrawn_at, withdrawn_by)
        ON national_pilot_designation TO xiangmeng_app;

      CREATE FUNCTION national_pilot_designation_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        v_withdrawal text[] := ARRAY['withdrawn_on', 'withdrawal_reason', 'withdrawn_at', 'withdrawn_by'];
      BEGIN
        IF TG_OP = 'TRUNCATE' THEN
          RAISE EXCEPTION 'the national pilot list is never emptied' USING ERRCODE = '55000';
        END IF;
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'designation % stays on the list: withdraw it, never delete it', OLD.id
            USING ERRCODE = '55000';
        END IF;
        IF to_jsonb(NEW) = to_jsonb(OLD) THEN
          RETURN NEW;
        END IF;
        IF OLD.withdrawn_on IS NOT NULL THEN
          RAISE EXCEPTION 'designation % was withdrawn on % and is final', OLD.id, OLD.withdrawn_on
            USING ERRCODE = '55000';
        END IF;
        IF NEW.withdrawn_on IS NULL OR (to_jsonb(NEW) - v_withdrawal) IS DISTINCT FROM (to_jsonb(OLD) - v_withdrawal) THEN
          RAISE EXCEPTION 'designation %: a recorded designation changes only by its withdrawal', OLD.id
            USING ERRCODE = '55000';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER national_pilot_designation_append_only BEFORE UPDATE OR DELETE ON national_pilot_designation
        FOR EACH ROW EXECUTE FUNCTION national_pilot_designation_append_only();
      CREATE TRIGGER national_pilot_designation_never_truncated BEFORE TRUNCATE ON national_pilot_designation
        FOR EACH STATEMENT EXECUTE FUNCTION national_pilot_designation_append_only();

      -- The alliance a province administrator names: its home tenant, name and status, when it is
      -- in the province's register or one of its cities'; null for anyone else or any other id.
      CREATE FUNCTION national_pilot_alliance(p_alliance_id uuid) RETURNS jsonb
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT jsonb_build_object('id', a.id, 'tenantId', a.tenant_id, 'name', a.name, 'status', a.status)
          FROM alliance a JOIN tenant t ON t.id = a.tenant_id
         WHERE a.id = p_alliance_id AND app_tenant_is_province() AND app_has_role('PROVINCE_ADMIN')
           AND (t.id = app_tenant_id() OR t.parent_id = app_tenant_id())
      $$;
      ALTER FUNCTION national_pilot_alliance(uuid) OWNER TO xiangmeng_definer;
      REVOKE ALL ON FUNCTION national_pilot_alliance(uuid) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION national_pilot_alliance(uuid) TO xiangmeng_app;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP FUNCTION national_pilot_alliance(uuid);
      DROP TABLE national_pilot_designation;
      DROP FUNCTION national_pilot_designation_append_only();
    `);
  }
}
