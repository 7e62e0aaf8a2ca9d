import type { MigrationInterface, QueryRunner } from 'typeorm';

// International S&T cooperation (Art. 16), issue 12.
//
// Projects: international cooperation is a programme kind (INTERNATIONAL_COOPERATION); its
// application is a programme_application whose form carries the kind's particulars (foreign
// partner, its ISO 3166-1 country or region, the mode), and its award opens a project with a
// ledger as every kind's does. Here only the kind and the agreement with the foreign partner
// (INTERNATIONAL_AGREEMENT) join the lists the checks of issue 11 hold.
//
// Cooperation bases (国际科技合作基地): the register a bureau keeps of the bases hosted by member
// units of the alliances in its register, and their periodic evaluations. Both tables are the
// home bureau's alone, like its alliance register: its staff register, recognise, revoke and
// evaluate; nobody else reads them (the province's view of cities' bases is a later aggregate).
// A base names its alliance and its recognition document by keys that include tenant_id, so no
// other tenant's row can be named. Bases are never deleted (closed by REVOKED); evaluations are
// append-only records of a decision.

const TENANT = `tenant_id = (SELECT app_tenant_id())`;
const STAFF = `(SELECT app_is_staff())`;
const PROGRAMME_KINDS = `('PLAN_PROJECT', 'SPECIAL_FUND', 'PLATFORM_RECOGNITION', 'INTERNATIONAL_COOPERATION')`;
const PILOT_DOCUMENTS = `ARRAY['FEASIBILITY_REPORT', 'AGREEMENT_SCAN', 'ATTACHMENT']`;
// packages/domain programme-kinds.ts ProgrammeDocumentKind.
const PROGRAMME_DOCUMENTS = `ARRAY['APPLICATION_FORM', 'COMMITMENT_LETTER', 'ALLIANCE_AGREEMENT', 'BUDGET_STATEMENT',
  'COOPERATION_AGREEMENT', 'INTERNATIONAL_AGREEMENT', 'ATTACHMENT']`;
// As the platforms migration (1764520000000) left it.
const OLD_PROGRAMME_KINDS = `('PLAN_PROJECT', 'SPECIAL_FUND', 'PLATFORM_RECOGNITION')`;
const OLD_PROGRAMME_DOCUMENTS = `ARRAY['APPLICATION_FORM', 'COMMITMENT_LETTER', 'ALLIANCE_AGREEMENT', 'BUDGET_STATEMENT',
  'COOPERATION_AGREEMENT', 'ATTACHMENT']`;

const widen = (kinds: string, documents: string) => `
  ALTER TABLE programme DROP CONSTRAINT programme_kind_check,
    ADD CONSTRAINT programme_kind_check CHECK (kind IN ${kinds});
  ALTER TABLE pilot_call DROP CONSTRAINT pilot_call_required_documents_check,
    ADD CONSTRAINT pilot_call_required_documents_check CHECK (
      required_documents <@ CASE kind WHEN 'PILOT' THEN ${PILOT_DOCUMENTS} ELSE ${documents} END);
  ALTER TABLE programme_application_document DROP CONSTRAINT programme_application_document_kind_check,
    ADD CONSTRAINT programme_application_document_kind_check CHECK (kind = ANY (${documents}));
`;

export class International1764530000000 implements MigrationInterface {
  name = 'International1764530000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(widen(PROGRAMME_KINDS, PROGRAMME_DOCUMENTS));
    await db.query(`
      CREATE TABLE cooperation_base (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        alliance_id uuid NOT NULL,
        -- The member unit hosting the base (依托单位); a member of the alliance when registered.
        host_organization_id uuid NOT NULL REFERENCES organization (id),
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
        -- A code of the domain's list (cooperation-base.ts COOPERATION_BASE_TYPES): data, not a check.
        type text NOT NULL CHECK (type ~ '^[A-Z][A-Z_]{0,49}$'),
        level text NOT NULL CHECK (level IN ('NATIONAL', 'PROVINCIAL')),
        status text NOT NULL CHECK (status IN ('INCUBATING', 'RECOGNISED', 'REVOKED')),
        recognised_on date,
        recognition_document_id uuid,
        revoked_on date,
        revocation_reason text CHECK (length(btrim(revocation_reason)) BETWEEN 1 AND 2000),
        version integer NOT NULL DEFAULT 1 CHECK (version > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid,
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, id),
        UNIQUE (tenant_id, name),
        FOREIGN KEY (tenant_id, alliance_id) REFERENCES alliance (tenant_id, id),
        FOREIGN KEY (tenant_id, recognition_document_id) REFERENCES document (tenant_id, id),
        CHECK ((recognised_on IS NULL) = (recognition_document_id IS NULL)),
        CHECK (status <> 'RECOGNISED' OR recognised_on IS NOT NULL),
        CHECK ((status = 'REVOKED') = (revoked_on IS NOT NULL) AND (revoked_on IS NULL) = (revocation_reason IS NULL)),
        CHECK (revoked_on IS NULL OR recognised_on IS NULL OR revoked_on >= recognised_on)
      );
      CREATE INDEX cooperation_base_list ON cooperation_base (tenant_id, created_at DESC);
      CREATE INDEX cooperation_base_of_alliance ON cooperation_base (tenant_id, alliance_id);

      CREATE TABLE cooperation_base_evaluation (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        base_id uuid NOT NULL,
        year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        grade text NOT NULL CHECK (grade IN ('EXCELLENT', 'QUALIFIED', 'UNQUALIFIED')),
        evaluated_on date NOT NULL,
        remarks text NOT NULL DEFAULT '' CHECK (length(remarks) <= 2000),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        recorded_by uuid,
        PRIMARY KEY (tenant_id, base_id, year),
        FOREIGN KEY (tenant_id, base_id) REFERENCES cooperation_base (tenant_id, id)
      );
    `);
    for (const table of ['cooperation_base', 'cooperation_base_evaluation']) {
      await db.query(
        `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY; ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;`,
      );
    }
    await db.query(`
      CREATE POLICY tenant_staff ON cooperation_base FOR ALL
        USING (${TENANT} AND ${STAFF}) WITH CHECK (${TENANT} AND ${STAFF});
      GRANT SELECT, INSERT, UPDATE ON cooperation_base TO xiangmeng_app;
      CREATE POLICY tenant_staff ON cooperation_base_evaluation FOR ALL
        USING (${TENANT} AND ${STAFF}) WITH CHECK (${TENANT} AND ${STAFF});
      GRANT SELECT, INSERT ON cooperation_base_evaluation TO xiangmeng_app;

      -- An evaluation is of a recognised base, dated on or after its recognition (read under the
      -- inserter's row security: a base it cannot read is left to the policy and the key).
      CREATE FUNCTION cooperation_base_evaluation_of_recognised() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        v_base cooperation_base%ROWTYPE;
      BEGIN
        SELECT * INTO v_base FROM cooperation_base b WHERE b.tenant_id = NEW.tenant_id AND b.id = NEW.base_id;
        IF NOT FOUND THEN
          RETURN NEW;
        END IF;
        IF v_base.status <> 'RECOGNISED' OR NEW.evaluated_on < v_base.recognised_on THEN
          RAISE EXCEPTION 'cooperation base % is not recognised on %', NEW.base_id, NEW.evaluated_on
            USING ERRCODE = '23514', HINT = 'NOT_RECOGNISED';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER cooperation_base_evaluation_of_recognised BEFORE INSERT ON cooperation_base_evaluation
        FOR EACH ROW EXECUTE FUNCTION cooperation_base_evaluation_of_recognised();

      CREATE FUNCTION cooperation_base_evaluation_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'cooperation base evaluations are append-only (% on %)', TG_OP, TG_TABLE_NAME
          USING ERRCODE = '55000';
      END $$;
      CREATE TRIGGER cooperation_base_evaluation_append_only BEFORE UPDATE OR DELETE ON cooperation_base_evaluation
        FOR EACH ROW EXECUTE FUNCTION cooperation_base_evaluation_append_only();
      CREATE TRIGGER cooperation_base_evaluation_never_truncated BEFORE TRUNCATE ON cooperation_base_evaluation
        FOR EACH STATEMENT EXECUTE FUNCTION cooperation_base_evaluation_append_only();
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE cooperation_base_evaluation, cooperation_base;
      DROP FUNCTION cooperation_base_evaluation_of_recognised();
      DROP FUNCTION cooperation_base_evaluation_append_only();
    `);
    await db.query(widen(OLD_PROGRAMME_KINDS, OLD_PROGRAMME_DOCUMENTS));
  }
}
