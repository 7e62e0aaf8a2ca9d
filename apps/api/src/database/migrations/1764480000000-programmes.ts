import type { MigrationInterface, QueryRunner } from 'typeorm';

// Support programmes and the debarment register (Art. 14, 20): the first tables of issue 11.
//
// Who sees what, here rather than in the API:
// - A programme is its authority's own row (the province's, or a city's local support). The
//   tenant's staff keep it: officers draft, only an administrator publishes, and a published
//   programme is final (a trigger says so). A province's published programmes are read by its
//   cities' staff; nobody else reads a programme, and no draft leaves its tenant.
// - A debarment is a decision of an authority, recorded once its decision document is issued:
//   recording is publishing, so there is no draft. The register is public (its point, Art. 20):
//   every signed-in user of every tenant reads the decision — unit, reason, article, document,
//   dates, lifting. Who recorded it and the evidence stay with the recording authority.
//
// The private part is a second table, debarment_evidence, rather than a view or a SECURITY
// DEFINER function over one table. Both tables then keep plain row-level security (nothing reads
// with an owner's rights, no function has to re-check the caller), a new column is private or
// public by the table it is added to rather than by a column list to keep in step, and the
// register is read with ordinary indexed SELECTs (as the eligibility checks of the next slices
// will). The evidence row is written in the transaction of the decision and keyed on it.
//
// Only an administrator of the province or a city records or lifts a debarment of its own
// tenant: it is the authority's decision (like publishing and awarding), and the domain gives
// decisions to AUTHORITY_ADMIN. Officers read their authority's full records.
//
// The register is append-only: no DELETE grant, and a trigger refuses, whoever asks (the owner
// and the superuser too), every change but adding the lifting once (date, reason, time; and who
// lifted it, in the private part). TRUNCATE is refused the same way.

const TENANT = `tenant_id = (SELECT app_tenant_id())`;
const STAFF = `(SELECT app_is_staff())`;
const ADMIN = `(SELECT app_is_admin())`;
// The kinds this version knows (packages/domain programme-kinds.ts); the issue on platforms,
// international cooperation and finance widens the check with its own kinds.
const PROGRAMME_KINDS = `('PLAN_PROJECT', 'SPECIAL_FUND')`;
const MAX_FEN = '100000000000000';

export class Programmes1764480000000 implements MigrationInterface {
  name = 'Programmes1764480000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      -- Eight criteria (Art. 11), each named once, whole weights of 0–100 adding up to 100.
      CREATE FUNCTION programme_criteria_valid(p_criteria jsonb) RETURNS boolean
      LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE
          WHEN jsonb_typeof(p_criteria) IS DISTINCT FROM 'array' THEN false
          WHEN jsonb_array_length(p_criteria) <> 8 THEN false
          ELSE (SELECT count(DISTINCT c ->> 'key') = 8 AND bool_and(w IS NOT NULL AND w <= 100) AND sum(w) = 100
                  FROM (SELECT c, CASE WHEN jsonb_typeof(c -> 'weight') = 'number' AND (c ->> 'weight') ~ '^[0-9]{1,3}$'
                                       THEN (c ->> 'weight')::int END AS w
                          FROM jsonb_array_elements(p_criteria) c) weights)
        END
      $$;

      CREATE TABLE programme (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
        kind text NOT NULL CHECK (kind IN ${PROGRAMME_KINDS}),
        year integer NOT NULL CHECK (year BETWEEN 2016 AND 2100),
        total_budget_fen bigint NOT NULL CHECK (total_budget_fen BETWEEN 1 AND ${MAX_FEN}),
        per_project_cap_fen bigint CHECK (per_project_cap_fen > 0),
        -- The measures version the programme applies (the authority's own, or the province's when
        -- a city has none in force). Not a foreign key: it may be the parent tier's row.
        measures_tenant_id uuid NOT NULL REFERENCES tenant (id),
        measures_id uuid NOT NULL,
        measures_version_no integer NOT NULL CHECK (measures_version_no > 0),
        -- [{key, weight}]: the measures' criteria unless the programme weighs them its own way.
        criteria jsonb NOT NULL CHECK (programme_criteria_valid(criteria)),
        award_notice_days integer NOT NULL CHECK (award_notice_days BETWEEN 0 AND 60),
        acceptance_notice_days integer NOT NULL CHECK (acceptance_notice_days BETWEEN 0 AND 60),
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'PUBLISHED')),
        published_at timestamptz,
        version integer NOT NULL DEFAULT 1 CHECK (version > 0),
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        created_by uuid,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid,
        UNIQUE (tenant_id, id),
        UNIQUE (tenant_id, year, name),
        CHECK (per_project_cap_fen IS NULL OR per_project_cap_fen <= total_budget_fen),
        CHECK ((status = 'PUBLISHED') = (published_at IS NOT NULL))
      );
      CREATE INDEX programme_list ON programme (tenant_id, year DESC, created_at DESC);

      -- The public part of a debarment decision (Art. 20(2)).
      CREATE TABLE debarment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- The authority that decided and recorded it.
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        organization_id uuid NOT NULL REFERENCES organization (id),
        reason text NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 2000),
        article text NOT NULL CHECK (length(btrim(article)) BETWEEN 1 AND 100),
        decision_document text NOT NULL CHECK (length(btrim(decision_document)) BETWEEN 1 AND 100),
        from_date date NOT NULL,
        -- The last day, computed by the domain (debarmentUntil) from the years below.
        until_date date NOT NULL,
        -- The basis: the years of the measures version in force on from_date.
        debarment_years integer NOT NULL CHECK (debarment_years BETWEEN 1 AND 20),
        measures_tenant_id uuid NOT NULL REFERENCES tenant (id),
        measures_id uuid NOT NULL,
        measures_version_no integer NOT NULL CHECK (measures_version_no > 0),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        lifted_on date,
        lifted_reason text CHECK (length(btrim(lifted_reason)) BETWEEN 1 AND 2000),
        lifted_at timestamptz,
        UNIQUE (tenant_id, id),
        -- One decision may debar several units, each once.
        UNIQUE (tenant_id, decision_document, organization_id),
        CHECK (until_date > from_date),
        CHECK ((lifted_on IS NULL) = (lifted_reason IS NULL) AND (lifted_on IS NULL) = (lifted_at IS NULL)),
        CHECK (lifted_on IS NULL OR lifted_on BETWEEN from_date AND until_date)
      );
      CREATE INDEX debarment_list ON debarment (tenant_id, from_date DESC);
      -- The register is read by unit, across every authority (eligibility, panels, participants).
      CREATE INDEX debarment_of_organization ON debarment (organization_id, from_date DESC);

      -- The recording authority's part: the evidence and who recorded and lifted the debarment.
      CREATE TABLE debarment_evidence (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        debarment_id uuid NOT NULL,
        evidence text NOT NULL DEFAULT '' CHECK (length(evidence) <= 4000),
        recorded_by uuid NOT NULL,
        lifted_by uuid,
        PRIMARY KEY (tenant_id, debarment_id),
        FOREIGN KEY (tenant_id, debarment_id) REFERENCES debarment (tenant_id, id)
      );
    `);

    for (const table of ['programme', 'debarment', 'debarment_evidence']) {
      await db.query(
        `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY; ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;`,
      );
    }

    await db.query(`
      -- Programmes: the tenant's staff keep them (an administrator publishes); a province's
      -- published ones are read by its cities' staff.
      CREATE POLICY tenant_staff ON programme
        USING (${TENANT} AND ${STAFF})
        WITH CHECK (${TENANT} AND ${STAFF} AND (status = 'DRAFT' OR ${ADMIN}));
      CREATE POLICY parent_published ON programme FOR SELECT
        USING (status = 'PUBLISHED' AND ${STAFF}
               AND tenant_id = (SELECT parent_id FROM tenant WHERE id = (SELECT app_tenant_id())));
      GRANT SELECT, INSERT ON programme TO xiangmeng_app;
      GRANT UPDATE (name, kind, year, total_budget_fen, per_project_cap_fen, criteria, award_notice_days,
                    acceptance_notice_days, status, published_at, version) ON programme TO xiangmeng_app;

      -- The register: read by every signed-in user of any tenant (none without a tenant);
      -- recorded and lifted by the deciding authority's administrators.
      CREATE POLICY public_register ON debarment FOR SELECT
        USING ((SELECT app_tenant_id()) IS NOT NULL);
      CREATE POLICY authority_records ON debarment FOR INSERT
        WITH CHECK (${TENANT} AND ${ADMIN});
      CREATE POLICY authority_lifts ON debarment FOR UPDATE
        USING (${TENANT} AND ${ADMIN})
        WITH CHECK (${TENANT} AND ${ADMIN});
      GRANT SELECT, INSERT ON debarment TO xiangmeng_app;
      GRANT UPDATE (lifted_on, lifted_reason, lifted_at) ON debarment TO xiangmeng_app;

      CREATE POLICY tenant_staff ON debarment_evidence FOR SELECT
        USING (${TENANT} AND ${STAFF});
      CREATE POLICY authority_records ON debarment_evidence FOR INSERT
        WITH CHECK (${TENANT} AND ${ADMIN});
      CREATE POLICY authority_lifts ON debarment_evidence FOR UPDATE
        USING (${TENANT} AND ${ADMIN})
        WITH CHECK (${TENANT} AND ${ADMIN});
      GRANT SELECT, INSERT ON debarment_evidence TO xiangmeng_app;
      GRANT UPDATE (lifted_by) ON debarment_evidence TO xiangmeng_app;

      CREATE TRIGGER programme_stamp_last_change BEFORE UPDATE ON programme
        FOR EACH ROW EXECUTE FUNCTION stamp_last_change();

      -- A published programme is the authority's notice: it no longer changes.
      CREATE FUNCTION programme_published_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status = 'PUBLISHED' THEN
          RAISE EXCEPTION 'programme % is published and final', OLD.id USING ERRCODE = '55000';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER programme_published_is_final BEFORE UPDATE ON programme
        FOR EACH ROW EXECUTE FUNCTION programme_published_is_final();

      -- A decision stays on the register as decided; the one change it takes is its lifting, once.
      CREATE FUNCTION debarment_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        v_lift text[] := ARRAY['lifted_on', 'lifted_reason', 'lifted_at'];
      BEGIN
        IF TG_OP = 'TRUNCATE' THEN
          RAISE EXCEPTION 'the debarment register is never emptied' USING ERRCODE = '55000';
        END IF;
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'debarment % stays on the register: lift it, never delete it', OLD.id
            USING ERRCODE = '55000';
        END IF;
        IF to_jsonb(NEW) = to_jsonb(OLD) THEN
          RETURN NEW;
        END IF;
        IF OLD.lifted_on IS NOT NULL THEN
          RAISE EXCEPTION 'debarment % was lifted on % and is final', OLD.id, OLD.lifted_on USING ERRCODE = '55000';
        END IF;
        IF NEW.lifted_on IS NULL OR (to_jsonb(NEW) - v_lift) IS DISTINCT FROM (to_jsonb(OLD) - v_lift) THEN
          RAISE EXCEPTION 'debarment %: a recorded decision changes only by its lifting', OLD.id
            USING ERRCODE = '55000';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER debarment_append_only BEFORE UPDATE OR DELETE ON debarment
        FOR EACH ROW EXECUTE FUNCTION debarment_append_only();
      CREATE TRIGGER debarment_never_truncated BEFORE TRUNCATE ON debarment
        FOR EACH STATEMENT EXECUTE FUNCTION debarment_append_only();

      -- The private part likewise: the evidence and the recorder stay; who lifted is added once.
      CREATE FUNCTION debarment_evidence_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'TRUNCATE' THEN
          RAISE EXCEPTION 'the debarment register is never emptied' USING ERRCODE = '55000';
        END IF;
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'the evidence of debarment % stays with it', OLD.debarment_id USING ERRCODE = '55000';
        END IF;
        IF to_jsonb(NEW) = to_jsonb(OLD) THEN
          RETURN NEW;
        END IF;
        IF OLD.lifted_by IS NOT NULL OR NEW.lifted_by IS NULL
           OR (to_jsonb(NEW) - 'lifted_by') IS DISTINCT FROM (to_jsonb(OLD) - 'lifted_by') THEN
          RAISE EXCEPTION 'the evidence of debarment % changes only by naming who lifted it, once', OLD.debarment_id
            USING ERRCODE = '55000';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER debarment_evidence_append_only BEFORE UPDATE OR DELETE ON debarment_evidence
        FOR EACH ROW EXECUTE FUNCTION debarment_evidence_append_only();
      CREATE TRIGGER debarment_evidence_never_truncated BEFORE TRUNCATE ON debarment_evidence
        FOR EACH STATEMENT EXECUTE FUNCTION debarment_evidence_append_only();
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE debarment_evidence, debarment, programme;
      DROP FUNCTION debarment_evidence_append_only();
      DROP FUNCTION debarment_append_only();
      DROP FUNCTION programme_published_is_final();
      DROP FUNCTION programme_criteria_valid(jsonb);
    `);
  }
}
