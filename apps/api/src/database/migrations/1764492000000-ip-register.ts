import type { MigrationInterface, QueryRunner } from 'typeorm';

// The IP register (Art. 20): the assets a project produced (patents, software copyrights, new
// varieties, standards, …) with their owning organizations and shares, and the licences granted
// on them, from which the share of licences to in-province units is read (Art. 20(3)).
//
// Tenancy mirrors the project's: every row is the project's awarding authority's (tenant_id), and
// the alliance's home bureau (alliance_tenant_id on the asset) acts for the responsible unit.
// - The responsible unit's side (the home bureau's staff) records assets and licences and reads
//   them; the authority's staff read them and may record too. Nobody else sees them: another
//   city's staff and every expert find nothing, exactly as for an id that does not exist.
// - A row is recorded only against a project the recorder reads: the insert policies ask the
//   project (under its own row security) that it names the same authority, home bureau and alliance.
//
// The register is append-only. Its entries copy facts another office decided (a grant by CNIPA,
// a registration, a published standard, a signed licence contract) and the authority relies on
// them when it reads the alliance's Art. 20(3) record; so nobody changes or removes an entry (no
// grant, and a trigger refuses whoever asks, TRUNCATE too). A mistaken entry stays, with its
// recorder and time, beside the audit trail; a correction with history is a later step.
//
// What the database holds whatever the API does:
// - an asset's owners hold exactly 10 000 basis points, checked at commit (a deferred constraint
//   trigger on both tables), so an asset never exists with a partial or missing owner list;
// - an owner is a participant of the project's task contract (Art. 20(1): obtained by the units
//   that undertook it);
// - a licence is paid exactly when its fee is above zero, and in_province agrees with the
//   licensee's credit code when one is given (its division code starts 43);
// - one asset per kind and number within an authority. The number is unique nationally, but a key
//   across authorities would be checked past row security and reveal another tenant's register.
//   Within one authority a repeated number is refused whichever alliance's city recorded it first:
//   that tells a city only that a published grant (public record) is already in the register.

const STAFF = `(SELECT app_is_staff())`;
const KINDS = `('INVENTION_PATENT', 'UTILITY_MODEL_PATENT', 'DESIGN_PATENT', 'SOFTWARE_COPYRIGHT',
  'NEW_PLANT_VARIETY', 'IC_LAYOUT_DESIGN', 'STANDARD', 'OTHER')`;
const MAX_FEN = '100000000000000';
// ip-terms.ts FULL_SHARE.
const FULL_SHARE = 10000;
// The asset's parties, read through its own row security: the authority or the home bureau.
const ASSET_PARTY = (table: string) => `tenant_id IN (SELECT a.tenant_id FROM ip_asset a
    WHERE a.tenant_id = ${table}.tenant_id AND a.id = ${table}.asset_id
      AND (SELECT app_tenant_id()) IN (a.tenant_id, a.alliance_tenant_id))`;

export class IpRegister1764492000000 implements MigrationInterface {
  name = 'IpRegister1764492000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE ip_asset (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- The project's awarding authority.
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        -- The alliance's home bureau, which acts for the responsible unit.
        alliance_tenant_id uuid NOT NULL REFERENCES tenant (id),
        project_id uuid NOT NULL,
        alliance_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ${KINDS}),
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
        -- Patent, registration or standard number.
        number text NOT NULL CHECK (length(btrim(number)) BETWEEN 1 AND 100),
        -- The day granted, registered or published (China time).
        granted_on date NOT NULL,
        recorded_by uuid,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, id),
        UNIQUE (tenant_id, kind, number),
        FOREIGN KEY (tenant_id, project_id) REFERENCES project (tenant_id, id)
      );
      CREATE INDEX ip_asset_of_project ON ip_asset (tenant_id, project_id, granted_on);
      CREATE INDEX ip_asset_list ON ip_asset (tenant_id, recorded_at DESC);
      CREATE INDEX ip_asset_of_home ON ip_asset (alliance_tenant_id, alliance_id, project_id);

      CREATE TABLE ip_asset_owner (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        asset_id uuid NOT NULL,
        -- From the directory of legal persons.
        organization_id uuid NOT NULL REFERENCES organization (id),
        basis_points integer NOT NULL CHECK (basis_points BETWEEN 1 AND ${FULL_SHARE}),
        PRIMARY KEY (tenant_id, asset_id, organization_id),
        FOREIGN KEY (tenant_id, asset_id) REFERENCES ip_asset (tenant_id, id)
      );

      CREATE TABLE ip_licence (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        asset_id uuid NOT NULL,
        licensee_name text NOT NULL CHECK (length(btrim(licensee_name)) BETWEEN 1 AND 200),
        licensee_credit_code text CHECK (licensee_credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
        in_province boolean NOT NULL,
        paid boolean NOT NULL,
        fee_fen bigint NOT NULL CHECK (fee_fen BETWEEN 0 AND ${MAX_FEN}),
        licensed_on date NOT NULL,
        recorded_by uuid,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, id),
        FOREIGN KEY (tenant_id, asset_id) REFERENCES ip_asset (tenant_id, id),
        CHECK (paid = (fee_fen > 0)),
        CHECK (licensee_credit_code IS NULL OR in_province = (substr(licensee_credit_code, 3, 2) = '43'))
      );
      CREATE INDEX ip_licence_of_asset ON ip_licence (tenant_id, asset_id, licensed_on);
    `);

    for (const table of ['ip_asset', 'ip_asset_owner', 'ip_licence']) {
      await db.query(
        `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY; ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;`,
      );
    }

    await db.query(`
      -- Assets: the authority's staff and the home bureau's read and record, against a project
      -- they read whose parties and alliance the row repeats.
      CREATE POLICY parties_read ON ip_asset FOR SELECT
        USING ((SELECT app_tenant_id()) IN (tenant_id, alliance_tenant_id) AND ${STAFF});
      CREATE POLICY parties_record ON ip_asset FOR INSERT
        WITH CHECK ((SELECT app_tenant_id()) IN (tenant_id, alliance_tenant_id) AND ${STAFF} AND EXISTS (
          SELECT 1 FROM project p WHERE p.tenant_id = ip_asset.tenant_id AND p.id = ip_asset.project_id
             AND p.alliance_tenant_id = ip_asset.alliance_tenant_id AND p.alliance_id = ip_asset.alliance_id));
      GRANT SELECT, INSERT ON ip_asset TO xiangmeng_app;

      -- Owners and licences: whoever reads the asset reads and records them.
      CREATE POLICY parties_read ON ip_asset_owner FOR SELECT USING (${STAFF} AND ${ASSET_PARTY('ip_asset_owner')});
      CREATE POLICY parties_record ON ip_asset_owner FOR INSERT
        WITH CHECK (${STAFF} AND ${ASSET_PARTY('ip_asset_owner')});
      GRANT SELECT, INSERT ON ip_asset_owner TO xiangmeng_app;
      CREATE POLICY parties_read ON ip_licence FOR SELECT USING (${STAFF} AND ${ASSET_PARTY('ip_licence')});
      CREATE POLICY parties_record ON ip_licence FOR INSERT WITH CHECK (${STAFF} AND ${ASSET_PARTY('ip_licence')});
      GRANT SELECT, INSERT ON ip_licence TO xiangmeng_app;

      CREATE FUNCTION ip_register_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the IP register is append-only (% on %)', TG_OP, TG_TABLE_NAME USING ERRCODE = '55000';
      END $$;

      -- An owner is a participant of the project's task contract (Art. 20(1)). The asset and its
      -- project are read under the inserter's row security: an asset it cannot read (or that does
      -- not exist) is left to the policy and the foreign key, which refuse it as for any id.
      CREATE FUNCTION ip_asset_owner_participant() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        v_participants jsonb;
      BEGIN
        SELECT p.dossier -> 'participants' INTO v_participants
          FROM ip_asset a JOIN project p ON p.tenant_id = a.tenant_id AND p.id = a.project_id
         WHERE a.tenant_id = NEW.tenant_id AND a.id = NEW.asset_id;
        IF NOT FOUND THEN
          RETURN NEW;
        END IF;
        IF NOT COALESCE(v_participants @> jsonb_build_array(jsonb_build_object('organizationId', NEW.organization_id::text)), false) THEN
          RAISE EXCEPTION 'organization % is not a participant of the project of IP asset %', NEW.organization_id, NEW.asset_id
            USING ERRCODE = '23514', HINT = 'NOT_A_PARTICIPANT';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER ip_asset_owner_participant BEFORE INSERT ON ip_asset_owner
        FOR EACH ROW EXECUTE FUNCTION ip_asset_owner_participant();

      -- At commit: the owners of each asset written in the transaction hold exactly 100 %.
      CREATE FUNCTION ip_asset_owners_full() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        -- An asset row names itself, an owner row its asset.
        v_asset uuid := COALESCE(to_jsonb(NEW) ->> 'asset_id', to_jsonb(NEW) ->> 'id')::uuid;
        v_total bigint;
      BEGIN
        SELECT COALESCE(sum(basis_points), 0) INTO v_total
          FROM ip_asset_owner o WHERE o.tenant_id = NEW.tenant_id AND o.asset_id = v_asset;
        IF v_total <> ${FULL_SHARE} THEN
          RAISE EXCEPTION 'the owners of IP asset % hold % basis points, not ${FULL_SHARE}', v_asset, v_total
            USING ERRCODE = '23514', HINT = 'SHARES_SUM_100';
        END IF;
        RETURN NULL;
      END $$;
      CREATE CONSTRAINT TRIGGER ip_asset_owners_full AFTER INSERT ON ip_asset
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ip_asset_owners_full();
      CREATE CONSTRAINT TRIGGER ip_asset_owners_full AFTER INSERT ON ip_asset_owner
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ip_asset_owners_full();
    `);
    for (const table of ['ip_asset', 'ip_asset_owner', 'ip_licence']) {
      await db.query(`
        CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
          FOR EACH ROW EXECUTE FUNCTION ip_register_append_only();
        CREATE TRIGGER ${table}_never_truncated BEFORE TRUNCATE ON ${table}
          FOR EACH STATEMENT EXECUTE FUNCTION ip_register_append_only();
      `);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE ip_licence, ip_asset_owner, ip_asset;
      DROP FUNCTION ip_asset_owners_full();
      DROP FUNCTION ip_asset_owner_participant();
      DROP FUNCTION ip_register_append_only();
    `);
  }
}
