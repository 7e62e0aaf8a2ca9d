import { HUNAN_2016_PARAMETERS, INDUSTRIES, PROVINCE_CODE } from '@xiangmeng/domain';
import type { MigrationInterface, QueryRunner } from 'typeorm';

// The alliance register (Art. 2, 4, 6–8) and versioned measures (Art. 21–22).
// Organizations are a directory shared by all tenants (legal persons are public record); every
// other table here is tenant-owned, with row-level security and tenant-leading keys.
export class AllianceRegister1764390000000 implements MigrationInterface {
  name = 'AllianceRegister1764390000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION app_tenant_is_province() RETURNS boolean LANGUAGE sql STABLE
        AS $$ SELECT EXISTS (SELECT 1 FROM tenant WHERE id = app_tenant_id() AND level = 'PROVINCE') $$;

      CREATE TABLE industry (
        code text PRIMARY KEY,
        name text NOT NULL,
        parent_code text REFERENCES industry (code),
        category text NOT NULL CHECK (category IN ('STRATEGIC_EMERGING', 'HUNAN_PILLAR')),
        sort_order integer NOT NULL
      );
      GRANT SELECT ON industry TO xiangmeng_app;

      CREATE TABLE organization (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        credit_code text NOT NULL UNIQUE CHECK (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 2 AND 100),
        type text NOT NULL CHECK (type IN ('ENTERPRISE', 'UNIVERSITY', 'RESEARCH_INSTITUTE', 'INTERMEDIARY', 'BANK',
                                           'VENTURE_CAPITAL', 'OTHER')),
        legal_representative text NOT NULL CHECK (length(btrim(legal_representative)) BETWEEN 1 AND 40),
        division_code text GENERATED ALWAYS AS (substr(credit_code, 3, 6)) STORED,
        industry_backbone boolean NOT NULL DEFAULT false,
        backbone_basis text NOT NULL DEFAULT '',
        added_by_tenant_id uuid NOT NULL REFERENCES tenant (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      );
      CREATE INDEX organization_name ON organization (lower(name) text_pattern_ops);
      ALTER TABLE organization ENABLE ROW LEVEL SECURITY;
      ALTER TABLE organization FORCE ROW LEVEL SECURITY;
      CREATE POLICY directory_read ON organization FOR SELECT USING (true);
      CREATE POLICY directory_add ON organization FOR INSERT WITH CHECK (added_by_tenant_id = (SELECT app_tenant_id()));
      -- Corrections: the tenant that added the entry, or the province.
      CREATE POLICY directory_correct ON organization FOR UPDATE
        USING (added_by_tenant_id = (SELECT app_tenant_id()) OR (SELECT app_tenant_is_province()))
        WITH CHECK (added_by_tenant_id = (SELECT app_tenant_id()) OR (SELECT app_tenant_is_province()));
      GRANT SELECT, INSERT ON organization TO xiangmeng_app;
      GRANT UPDATE (name, type, legal_representative, industry_backbone, backbone_basis, updated_at, version)
        ON organization TO xiangmeng_app;

      CREATE TABLE measures (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        version_no integer NOT NULL CHECK (version_no > 0),
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 2 AND 200),
        document_number text NOT NULL CHECK (length(btrim(document_number)) BETWEEN 2 AND 60),
        effective_on date NOT NULL,
        derives_from_tenant_id uuid,
        derives_from_id uuid,
        -- The province's versions hold every parameter; a city's hold only what it overrides.
        parameters jsonb NOT NULL,
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'PUBLISHED')),
        published_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid,
        UNIQUE (tenant_id, id),
        UNIQUE (tenant_id, version_no),
        CHECK ((status = 'PUBLISHED') = (published_at IS NOT NULL))
      );
      CREATE INDEX measures_in_force ON measures (tenant_id, status, effective_on DESC);

      CREATE TABLE alliance (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 4 AND 100),
        industry_code text NOT NULL REFERENCES industry (code),
        founded_on date NOT NULL,
        objectives text NOT NULL DEFAULT '',
        host_organization_id uuid REFERENCES organization (id),
        liable_entity text NOT NULL DEFAULT '',
        executive_full_time_staff integer NOT NULL DEFAULT 0 CHECK (executive_full_time_staff BETWEEN 0 AND 10000),
        status text NOT NULL DEFAULT 'FORMING' CHECK (status IN ('FORMING', 'ESTABLISHED', 'DISSOLVED')),
        established_on date,
        established_measures_id uuid,
        dissolved_on date,
        dissolution_reason text,
        pilot_status text NOT NULL DEFAULT 'NONE' CHECK (pilot_status IN ('NONE', 'CITY_PILOT', 'PROVINCIAL_PILOT')),
        version integer NOT NULL DEFAULT 1,
        -- Millisecond precision: the register pages on (created_at, id) with cursors made in JavaScript.
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        updated_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid,
        UNIQUE (tenant_id, id),
        UNIQUE (tenant_id, name),
        CHECK ((status = 'ESTABLISHED') <= (established_on IS NOT NULL)),
        CHECK ((status = 'DISSOLVED') = (dissolved_on IS NOT NULL AND dissolution_reason IS NOT NULL))
      );
      CREATE INDEX alliance_list ON alliance (tenant_id, created_at DESC, id DESC);
      CREATE INDEX alliance_filters ON alliance (tenant_id, industry_code, status, pilot_status);

      CREATE TABLE governance_body (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        alliance_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('DECISION', 'ADVISORY', 'EXECUTIVE')),
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
        description text NOT NULL DEFAULT '',
        PRIMARY KEY (tenant_id, alliance_id, kind),
        FOREIGN KEY (tenant_id, alliance_id) REFERENCES alliance (tenant_id, id)
      );

      CREATE TABLE alliance_member (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        alliance_id uuid NOT NULL,
        organization_id uuid NOT NULL REFERENCES organization (id),
        role text NOT NULL CHECK (role IN ('CHAIR', 'VICE_CHAIR', 'MEMBER')),
        joined_on date NOT NULL,
        exited_on date,
        exit_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, id),
        FOREIGN KEY (tenant_id, alliance_id) REFERENCES alliance (tenant_id, id),
        CHECK (exited_on IS NULL OR exited_on >= joined_on),
        CHECK ((exited_on IS NULL) = (exit_reason IS NULL))
      );
      -- One open membership per organization per alliance, and one sitting chair.
      CREATE UNIQUE INDEX alliance_member_open ON alliance_member (tenant_id, alliance_id, organization_id)
        WHERE exited_on IS NULL;
      CREATE UNIQUE INDEX alliance_member_chair ON alliance_member (tenant_id, alliance_id)
        WHERE exited_on IS NULL AND role = 'CHAIR';
      CREATE INDEX alliance_member_alliance ON alliance_member (tenant_id, alliance_id);
      CREATE INDEX alliance_member_organization ON alliance_member (tenant_id, organization_id);

      CREATE TABLE document (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        alliance_id uuid,
        kind text NOT NULL CHECK (kind IN ('AGREEMENT_SCAN', 'FEASIBILITY_REPORT', 'ATTACHMENT')),
        file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
        media_type text NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png',
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document')),
        size_bytes bigint NOT NULL CHECK (size_bytes > 0),
        sha256 bytea NOT NULL CHECK (length(sha256) = 32),
        storage_key text NOT NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        uploaded_by uuid,
        UNIQUE (tenant_id, id),
        UNIQUE (tenant_id, storage_key),
        FOREIGN KEY (tenant_id, alliance_id) REFERENCES alliance (tenant_id, id)
      );
      CREATE INDEX document_alliance ON document (tenant_id, alliance_id);

      CREATE TABLE alliance_agreement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        alliance_id uuid NOT NULL,
        version integer NOT NULL CHECK (version > 0),
        innovation_goals text NOT NULL DEFAULT '',
        ip_ownership text NOT NULL DEFAULT '',
        ip_licensing text NOT NULL DEFAULT '',
        ip_benefit_sharing text NOT NULL DEFAULT '',
        breach_liability text NOT NULL DEFAULT '',
        fund_management text NOT NULL DEFAULT '',
        fund_supervision text NOT NULL DEFAULT '',
        new_members_rule text NOT NULL DEFAULT '',
        external_cooperation text NOT NULL DEFAULT '',
        results_diffusion text NOT NULL DEFAULT '',
        scan_document_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid,
        UNIQUE (tenant_id, id),
        UNIQUE (tenant_id, alliance_id, version),
        FOREIGN KEY (tenant_id, alliance_id) REFERENCES alliance (tenant_id, id),
        FOREIGN KEY (tenant_id, scan_document_id) REFERENCES document (tenant_id, id)
      );

      CREATE TABLE agreement_task (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        agreement_id uuid NOT NULL,
        organization_id uuid NOT NULL REFERENCES organization (id),
        task text NOT NULL CHECK (length(btrim(task)) BETWEEN 1 AND 2000),
        PRIMARY KEY (tenant_id, agreement_id, organization_id),
        FOREIGN KEY (tenant_id, agreement_id) REFERENCES alliance_agreement (tenant_id, id)
      );

      CREATE TABLE agreement_signature (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        agreement_id uuid NOT NULL,
        organization_id uuid NOT NULL REFERENCES organization (id),
        signatory_name text NOT NULL CHECK (length(btrim(signatory_name)) BETWEEN 1 AND 40),
        signed_on date NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        recorded_by uuid,
        PRIMARY KEY (tenant_id, agreement_id, organization_id),
        FOREIGN KEY (tenant_id, agreement_id) REFERENCES alliance_agreement (tenant_id, id)
      );

      CREATE TABLE alliance_output (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        alliance_id uuid NOT NULL,
        year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        kind text NOT NULL CHECK (kind IN ('STANDARD', 'PATENT', 'PLATFORM', 'TRANSFER', 'TRAINING')),
        quantity integer NOT NULL CHECK (quantity BETWEEN 1 AND 1000000),
        description text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, id),
        FOREIGN KEY (tenant_id, alliance_id) REFERENCES alliance (tenant_id, id)
      );
      CREATE INDEX alliance_output_alliance ON alliance_output (tenant_id, alliance_id, year);
    `);

    const tenantTables = [
      'alliance',
      'governance_body',
      'alliance_member',
      'document',
      'alliance_agreement',
      'agreement_task',
      'agreement_signature',
      'alliance_output',
    ];
    for (const table of tenantTables) {
      await db.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY tenant_isolation ON ${table}
          USING (tenant_id = (SELECT app_tenant_id()))
          WITH CHECK (tenant_id = (SELECT app_tenant_id()));
        GRANT SELECT, INSERT, UPDATE ON ${table} TO xiangmeng_app;
      `);
    }
    // Unsigned drafts may be corrected; nothing else is ever deleted. A signature is a legal act:
    // it is recorded once and never changed.
    await db.query(`
      GRANT DELETE ON agreement_task, governance_body TO xiangmeng_app;
      REVOKE UPDATE ON agreement_signature FROM xiangmeng_app;
    `);

    await db.query(`
      ALTER TABLE measures ENABLE ROW LEVEL SECURITY;
      ALTER TABLE measures FORCE ROW LEVEL SECURITY;
      -- A tenant keeps its own versions; it also reads what its parent tier has published.
      CREATE POLICY tenant_isolation ON measures
        USING (tenant_id = (SELECT app_tenant_id()))
        WITH CHECK (tenant_id = (SELECT app_tenant_id()));
      CREATE POLICY parent_published ON measures FOR SELECT
        USING (status = 'PUBLISHED' AND tenant_id = (SELECT parent_id FROM tenant WHERE id = (SELECT app_tenant_id())));
      GRANT SELECT, INSERT ON measures TO xiangmeng_app;
      GRANT UPDATE (title, document_number, effective_on, parameters, status, published_at) ON measures TO xiangmeng_app;

      -- A published version is a rule in force: it never changes again.
      CREATE FUNCTION measures_published_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status = 'PUBLISHED' THEN
          RAISE EXCEPTION 'measures % is published and cannot change', OLD.id USING ERRCODE = '55000';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER measures_published_is_final BEFORE UPDATE ON measures
        FOR EACH ROW EXECUTE FUNCTION measures_published_is_final();

      -- A city's version derives from a version its parent tier has published. Checked under the
      -- caller's row-level security, not by a foreign key (integrity checks bypass RLS, and would
      -- tell a hidden draft from an id that does not exist).
      CREATE FUNCTION measures_derives_from_parent() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.derives_from_id IS NOT NULL AND NOT EXISTS (
          SELECT 1 FROM measures m JOIN tenant t ON t.id = NEW.tenant_id
          WHERE m.id = NEW.derives_from_id AND m.tenant_id = NEW.derives_from_tenant_id
            AND m.tenant_id = t.parent_id AND m.status = 'PUBLISHED'
        ) THEN
          RAISE EXCEPTION 'measures % derives from no published version of the parent tier', NEW.id
            USING ERRCODE = '23503';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER measures_derives_from_parent BEFORE INSERT ON measures
        FOR EACH ROW EXECUTE FUNCTION measures_derives_from_parent();

      -- A signature is a legal act of a member's representative: only a member on the roll on the
      -- signing date may sign, and a signed version's text is frozen.
      CREATE FUNCTION agreement_signature_by_member() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT EXISTS (
          SELECT 1 FROM alliance_agreement a
          JOIN alliance_member m ON m.tenant_id = a.tenant_id AND m.alliance_id = a.alliance_id
          WHERE a.tenant_id = NEW.tenant_id AND a.id = NEW.agreement_id AND m.organization_id = NEW.organization_id
            AND m.joined_on <= NEW.signed_on AND (m.exited_on IS NULL OR m.exited_on > NEW.signed_on)
        ) THEN
          RAISE EXCEPTION 'signatory % is not a member on %', NEW.organization_id, NEW.signed_on USING ERRCODE = '23514';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER agreement_signature_by_member BEFORE INSERT OR UPDATE ON agreement_signature
        FOR EACH ROW EXECUTE FUNCTION agreement_signature_by_member();

      CREATE FUNCTION agreement_signed_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM agreement_signature s WHERE s.tenant_id = OLD.tenant_id AND s.agreement_id = OLD.id) THEN
          RAISE EXCEPTION 'agreement % has signatures and cannot change', OLD.id USING ERRCODE = '55000';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER agreement_signed_is_final BEFORE UPDATE ON alliance_agreement
        FOR EACH ROW EXECUTE FUNCTION agreement_signed_is_final();

      -- Per-division register counts for the province: aggregates only.
      CREATE FUNCTION division_alliance_counts()
      RETURNS TABLE (tenant_id uuid, alliances bigint, established bigint, city_pilots bigint, provincial_pilots bigint)
      LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        IF NOT app_tenant_is_province() THEN
          RAISE EXCEPTION 'division_alliance_counts: province tier only' USING ERRCODE = '42501';
        END IF;
        RETURN QUERY
          SELECT t.id,
                 count(a.id),
                 count(a.id) FILTER (WHERE a.status = 'ESTABLISHED'),
                 count(a.id) FILTER (WHERE a.pilot_status = 'CITY_PILOT'),
                 count(a.id) FILTER (WHERE a.pilot_status = 'PROVINCIAL_PILOT')
          FROM tenant t LEFT JOIN alliance a ON a.tenant_id = t.id
          WHERE t.parent_id = app_tenant_id() GROUP BY t.id;
      END $$;
      GRANT SELECT ON alliance TO xiangmeng_definer;
      CREATE POLICY definer_read ON alliance FOR SELECT TO xiangmeng_definer USING (true);
      ALTER FUNCTION division_alliance_counts() OWNER TO xiangmeng_definer;
      REVOKE ALL ON FUNCTION division_alliance_counts() FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION division_alliance_counts() TO xiangmeng_app;
    `);

    for (const [index, industry] of INDUSTRIES.entries()) {
      await db.query(
        'INSERT INTO industry (code, name, parent_code, category, sort_order) VALUES ($1, $2, $3, $4, $5)',
        [industry.code, industry.name, industry.parentCode, industry.category, index + 1],
      );
    }

    // The province's 2016 measures, in force from their publication (Art. 22).
    await db.query(
      `SELECT set_config('app.tenant_id', (SELECT id::text FROM tenant WHERE code = $1), true)`,
      [PROVINCE_CODE],
    );
    await db.query(
      `INSERT INTO measures (tenant_id, version_no, title, document_number, effective_on, parameters, status, published_at)
       SELECT id, 1, $2, $3, DATE '2016-12-16', $4, 'PUBLISHED', TIMESTAMPTZ '2016-12-16 00:00:00+08'
       FROM tenant WHERE code = $1`,
      [
        PROVINCE_CODE,
        '湖南省关于推动产业技术创新战略联盟构建与发展的实施办法（试行）',
        '湘科〔2016〕106号',
        JSON.stringify(HUNAN_2016_PARAMETERS),
      ],
    );
    await db.query(`SELECT set_config('app.tenant_id', '', true)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP FUNCTION division_alliance_counts();
      DROP TABLE alliance_output, agreement_signature, agreement_task, alliance_agreement, document,
                 alliance_member, governance_body, alliance, measures, organization, industry;
      DROP FUNCTION agreement_signed_is_final();
      DROP FUNCTION agreement_signature_by_member();
      DROP FUNCTION measures_derives_from_parent();
      DROP FUNCTION measures_published_is_final();
      DROP FUNCTION app_tenant_is_province();
    `);
  }
}
