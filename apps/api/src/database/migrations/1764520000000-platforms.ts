import type { MigrationInterface, QueryRunner } from 'typeorm';

// Innovation platforms (Art. 15): the register, its members, the status history, the host unit's
// annual reports and the periodic evaluations; and platform recognition as a programme kind.
//
// Tenancy (DESIGN.md "Tenancy"), decided as for projects: a platform is the row of the authority
// that recognised it (tenant_id: the province for provincial and national ones, a city for its
// city-level ones), because the decisions on it (recognition, evaluation, rectification, removal)
// are that authority's. The alliance's home bureau (alliance_tenant_id) acts for the host unit:
// its staff read the platform and its history and file the annual reports. Nobody else sees any of
// it: another city's staff and every expert find nothing, exactly as for an id that does not exist.
// Every child row carries the platform's tenant_id, so its keys include it.
//
// The history, the reports and the evaluations are append-only (no grant, and a trigger refuses
// whoever asks, TRUNCATE too): a removal relies on them. Only the platform row's standing changes.

const TENANT = `tenant_id = (SELECT app_tenant_id())`;
const STAFF = `(SELECT app_is_staff())`;
const MAX_FEN = '100000000000000';
// platform-kinds.ts: the kinds are data of the domain; the database holds their shape.
const KIND = `kind ~ '^[A-Z_]{1,40}$'`;
const LEVELS = `('NATIONAL', 'PROVINCIAL', 'CITY')`;
const STATUSES = `('RECOGNISED', 'RECTIFYING', 'REMOVED')`;
const GRADES = `('EXCELLENT', 'PASS', 'FAIL')`;
// A child row is a party's when its platform, read under the platform's own row security, names
// the request's tenant as its authority or its alliance's home bureau.
const OF_PLATFORM = (table: string, extra = '') => `tenant_id IN (SELECT p.tenant_id FROM platform p
    WHERE p.tenant_id = ${table}.tenant_id AND p.id = ${table}.platform_id${extra}
      AND (SELECT app_tenant_id()) IN (p.tenant_id, p.alliance_tenant_id))`;

export class Platforms1764520000000 implements MigrationInterface {
  name = 'Platforms1764520000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE platform (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- The recognising authority.
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        -- The alliance's home bureau, which acts for the host unit.
        alliance_tenant_id uuid NOT NULL REFERENCES tenant (id),
        alliance_id uuid NOT NULL,
        -- As recognised: the authority may not read the home bureau's register itself.
        alliance_name text NOT NULL CHECK (length(btrim(alliance_name)) BETWEEN 1 AND 200),
        kind text NOT NULL CHECK (${KIND}),
        level text NOT NULL CHECK (level IN ${LEVELS}),
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
        host_organization_id uuid NOT NULL REFERENCES organization (id),
        field text NOT NULL REFERENCES industry (code),
        recognition_document text NOT NULL CHECK (length(btrim(recognition_document)) BETWEEN 1 AND 100),
        recognised_on date NOT NULL,
        director text NOT NULL CHECK (length(btrim(director)) BETWEEN 1 AND 40),
        status text NOT NULL DEFAULT 'RECOGNISED' CHECK (status IN ${STATUSES}),
        -- While in rectification: the last day to put things right (China calendar).
        rectification_due_on date,
        removed_reason text CHECK (length(removed_reason) <= 2000),
        -- The recognition application it came from; null when entered from a document.
        application_id uuid,
        version integer NOT NULL DEFAULT 1 CHECK (version > 0),
        registered_by uuid,
        registered_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, id),
        -- One platform per recognition.
        UNIQUE (tenant_id, application_id),
        CHECK ((status = 'RECTIFYING') = (rectification_due_on IS NOT NULL)),
        CHECK ((status = 'REMOVED') = (removed_reason IS NOT NULL))
      );
      CREATE INDEX platform_list ON platform (tenant_id, status, recognised_on DESC);
      CREATE INDEX platform_of_home ON platform (alliance_tenant_id, alliance_id);

      CREATE TABLE platform_member (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        platform_id uuid NOT NULL,
        organization_id uuid NOT NULL REFERENCES organization (id),
        role text NOT NULL CHECK (role IN ('HOST', 'CO_BUILDER')),
        PRIMARY KEY (tenant_id, platform_id, organization_id),
        FOREIGN KEY (tenant_id, platform_id) REFERENCES platform (tenant_id, id)
      );

      CREATE TABLE platform_status_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        platform_id uuid NOT NULL,
        from_status text CHECK (from_status IN ${STATUSES}),
        to_status text NOT NULL CHECK (to_status IN ${STATUSES}),
        reason text NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 2000),
        -- What the change rests on: the recognition, an evaluation, a missing report.
        basis jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(basis) = 'object'),
        effective_on date NOT NULL,
        recorded_by uuid,
        recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        UNIQUE (tenant_id, id),
        FOREIGN KEY (tenant_id, platform_id) REFERENCES platform (tenant_id, id)
      );
      CREATE INDEX platform_status_event_of_platform ON platform_status_event (tenant_id, platform_id, recorded_at);

      CREATE TABLE platform_report (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        platform_id uuid NOT NULL,
        year integer NOT NULL CHECK (year BETWEEN 2016 AND 2100),
        staff integer NOT NULL CHECK (staff BETWEEN 0 AND 1000000),
        rd_spending_fen bigint NOT NULL CHECK (rd_spending_fen BETWEEN 0 AND ${MAX_FEN}),
        projects integer NOT NULL CHECK (projects BETWEEN 0 AND 1000000),
        papers integer NOT NULL CHECK (papers BETWEEN 0 AND 1000000),
        patents integer NOT NULL CHECK (patents BETWEEN 0 AND 1000000),
        standards integer NOT NULL CHECK (standards BETWEEN 0 AND 1000000),
        industry_services integer NOT NULL CHECK (industry_services BETWEEN 0 AND 1000000),
        filed_by uuid,
        filed_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, id),
        UNIQUE (tenant_id, platform_id, year),
        FOREIGN KEY (tenant_id, platform_id) REFERENCES platform (tenant_id, id)
      );

      CREATE TABLE platform_evaluation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        platform_id uuid NOT NULL,
        year integer NOT NULL CHECK (year BETWEEN 2016 AND 2100),
        -- The field the evaluation round covered (evaluations run by field).
        field text NOT NULL REFERENCES industry (code),
        evaluated_on date NOT NULL,
        -- The scheme applied (criteria and weights, bands) and the experts' sheets, as decided.
        scheme jsonb NOT NULL CHECK (jsonb_typeof(scheme) = 'object'),
        sheets jsonb NOT NULL CHECK (jsonb_typeof(sheets) = 'array' AND jsonb_array_length(sheets) > 0),
        total numeric(5, 2) NOT NULL CHECK (total BETWEEN 0 AND 100),
        grade text NOT NULL CHECK (grade IN ${GRADES}),
        status_before text NOT NULL CHECK (status_before IN ('RECOGNISED', 'RECTIFYING')),
        status_after text NOT NULL CHECK (status_after IN ${STATUSES}),
        recorded_by uuid,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, id),
        FOREIGN KEY (tenant_id, platform_id) REFERENCES platform (tenant_id, id)
      );
      CREATE INDEX platform_evaluation_of_platform ON platform_evaluation (tenant_id, platform_id, evaluated_on);
      CREATE INDEX platform_evaluation_by_field ON platform_evaluation (tenant_id, field, year);
    `);

    const tables = [
      'platform',
      'platform_member',
      'platform_status_event',
      'platform_report',
      'platform_evaluation',
    ];
    for (const table of tables)
      await db.query(
        `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY; ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;`,
      );

    await db.query(`
      -- The platform: the authority's staff enter and move it; the home bureau's staff read it.
      CREATE POLICY authority_staff ON platform
        USING (${TENANT} AND ${STAFF}) WITH CHECK (${TENANT} AND ${STAFF});
      CREATE POLICY home_reads ON platform FOR SELECT
        USING (alliance_tenant_id = (SELECT app_tenant_id()) AND ${STAFF});
      GRANT SELECT, INSERT ON platform TO xiangmeng_app;
      GRANT UPDATE (status, rectification_due_on, removed_reason, version, updated_at) ON platform TO xiangmeng_app;

      -- Members, history and evaluations: the authority's staff record; both parties read.
      CREATE POLICY parties_read ON platform_member FOR SELECT USING (${STAFF} AND ${OF_PLATFORM('platform_member')});
      CREATE POLICY authority_records ON platform_member FOR INSERT WITH CHECK (${TENANT} AND ${STAFF});
      GRANT SELECT, INSERT ON platform_member TO xiangmeng_app;
      CREATE POLICY parties_read ON platform_status_event FOR SELECT
        USING (${STAFF} AND ${OF_PLATFORM('platform_status_event')});
      CREATE POLICY authority_records ON platform_status_event FOR INSERT WITH CHECK (${TENANT} AND ${STAFF});
      GRANT SELECT, INSERT ON platform_status_event TO xiangmeng_app;
      CREATE POLICY parties_read ON platform_evaluation FOR SELECT
        USING (${STAFF} AND ${OF_PLATFORM('platform_evaluation')});
      CREATE POLICY authority_records ON platform_evaluation FOR INSERT WITH CHECK (${TENANT} AND ${STAFF});
      GRANT SELECT, INSERT ON platform_evaluation TO xiangmeng_app;

      -- Reports: either party's staff file one for a platform they read that is not removed.
      CREATE POLICY parties_read ON platform_report FOR SELECT USING (${STAFF} AND ${OF_PLATFORM('platform_report')});
      CREATE POLICY parties_file ON platform_report FOR INSERT
        WITH CHECK (${STAFF} AND ${OF_PLATFORM('platform_report', ` AND p.status <> 'REMOVED'`)});
      GRANT SELECT, INSERT ON platform_report TO xiangmeng_app;

      CREATE FUNCTION platform_record_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'platform records are append-only (% on %)', TG_OP, TG_TABLE_NAME USING ERRCODE = '55000';
      END $$;
    `);
    for (const table of [
      'platform_member',
      'platform_status_event',
      'platform_report',
      'platform_evaluation',
    ])
      await db.query(`
        CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
          FOR EACH ROW EXECUTE FUNCTION platform_record_append_only();
        CREATE TRIGGER ${table}_never_truncated BEFORE TRUNCATE ON ${table}
          FOR EACH STATEMENT EXECUTE FUNCTION platform_record_append_only();
      `);

    // Recognition as a programme kind: its decision recognises a platform instead of awarding money.
    await db.query(`
      ALTER TABLE programme DROP CONSTRAINT programme_kind_check;
      ALTER TABLE programme ADD CONSTRAINT programme_kind_check
        CHECK (kind IN ('PLAN_PROJECT', 'SPECIAL_FUND', 'PLATFORM_RECOGNITION'));
      -- Like project.application_id, no key across the two tenants' rows (the application is the
      -- alliance's home bureau's, the platform the authority's); one platform per recognition holds.
      ALTER TABLE programme_application ADD COLUMN recognised_platform_id uuid;
    `);
    // The award's check, widened: AWARDED holds an amount with its task contract, or a platform.
    const checks = (await db.query(`
      SELECT conname FROM pg_constraint WHERE conrelid = 'programme_application'::regclass AND contype = 'c'
         AND pg_get_constraintdef(oid) LIKE '%task_contract IS NULL%'`)) as { conname: string }[];
    const check = checks[0];
    if (!check) throw new Error('programme_application: the award check was not found');
    await db.query(`
      ALTER TABLE programme_application DROP CONSTRAINT ${check.conname};
      ALTER TABLE programme_application ADD CONSTRAINT programme_application_award_or_platform CHECK (
        (award_fen IS NULL) = (task_contract IS NULL)
        AND NOT (award_fen IS NOT NULL AND recognised_platform_id IS NOT NULL)
        AND (state = 'AWARDED') = (award_fen IS NOT NULL OR recognised_platform_id IS NOT NULL));
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE programme_application DROP CONSTRAINT programme_application_award_or_platform;
      ALTER TABLE programme_application ADD CONSTRAINT programme_application_check
        CHECK ((state = 'AWARDED') = (award_fen IS NOT NULL) AND (award_fen IS NULL) = (task_contract IS NULL));
      ALTER TABLE programme_application DROP COLUMN recognised_platform_id;
      DROP TABLE platform_evaluation, platform_report, platform_status_event, platform_member, platform;
      DROP FUNCTION platform_record_append_only();
      ALTER TABLE programme DROP CONSTRAINT programme_kind_check;
      ALTER TABLE programme ADD CONSTRAINT programme_kind_check CHECK (kind IN ('PLAN_PROJECT', 'SPECIAL_FUND'));
    `);
  }
}
