import type { MigrationInterface, QueryRunner } from 'typeorm';

// Filing with the province (备案, Art. 21). The province opens rounds; a city files one of its
// pilot alliances in a round; the province checks, publicises and files it, numbering it without
// gaps within the year.
//
// Who sees what, here rather than in the API:
// - A filing is the filing city's row. The province reads and acts on it from its submission on
//   (submitted_at), never a draft; another city never reads it.
// - What a submission froze (filing_snapshot) is append-only for everyone: neither the runtime
//   role nor the trigger lets a snapshot change or go.
// - While a filing is in force (FILED, CHANGE_SUBMITTED, SUSPENDED) the province reads the
//   alliance's live register record, read only; withdrawn or revoked, it no longer does, but the
//   snapshots stay readable.
// - Objections during the notice and the year's number counter are the province's own rows.

const TENANT = `tenant_id = (SELECT app_tenant_id())`;
const STAFF = `(SELECT app_is_staff())`;
const ADMIN = `(SELECT app_is_admin())`;
const IN_FORCE = `('FILED', 'CHANGE_SUBMITTED', 'SUSPENDED')`;
const STATES = `('DRAFT', 'SUBMITTED', 'ACCEPTED', 'RETURNED', 'REFUSED', 'IN_REVIEW', 'REVIEWED', 'PUBLICISED',
  'FILED', 'CHANGE_SUBMITTED', 'SUSPENDED', 'WITHDRAWN', 'REVOKED')`;
const DOCUMENT_KINDS = `ARRAY['RECOMMENDATION_LETTER', 'FILING_FORM', 'AGREEMENT_OR_CHARTER', 'COUNCIL_COMPOSITION',
  'PILOT_DECISION', 'ATTACHMENT']`;

/** The register's tables the province reads while a filing of the alliance is in force. */
const AGREEMENT_PARTS = ['agreement_task', 'agreement_signature'] as const;
const LIVE_RECORD = [
  ['alliance', 'id'],
  ['governance_body', 'alliance_id'],
  ['alliance_member', 'alliance_id'],
  ['alliance_agreement', 'alliance_id'],
  ['alliance_output', 'alliance_id'],
  ['document', 'alliance_id'],
] as const;

export class Filing1764460000000 implements MigrationInterface {
  name = 'Filing1764460000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE filing_round (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        year integer NOT NULL CHECK (year BETWEEN 2016 AND 2100),
        document_number text NOT NULL CHECK (length(btrim(document_number)) BETWEEN 1 AND 100),
        opens_at timestamptz NOT NULL,
        closes_at timestamptz NOT NULL,
        quota_per_unit integer CHECK (quota_per_unit BETWEEN 1 AND 100),
        review_required boolean NOT NULL,
        notice_days integer NOT NULL CHECK (notice_days BETWEEN 0 AND 60),
        required_documents text[] NOT NULL DEFAULT '{}' CHECK (required_documents <@ ${DOCUMENT_KINDS}),
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'PUBLISHED')),
        published_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        created_by uuid,
        UNIQUE (tenant_id, id),
        UNIQUE (tenant_id, year, document_number),
        CHECK (closes_at > opens_at),
        CHECK ((status = 'PUBLISHED') = (published_at IS NOT NULL))
      );
      CREATE INDEX filing_round_list ON filing_round (tenant_id, year DESC, opens_at DESC);

      CREATE TABLE filing (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        alliance_id uuid NOT NULL,
        round_id uuid NOT NULL,
        -- The province that opened the round, reads the filing once submitted and decides.
        authority_tenant_id uuid NOT NULL REFERENCES tenant (id),
        state text NOT NULL DEFAULT 'DRAFT' CHECK (state IN ${STATES}),
        version integer NOT NULL DEFAULT 1,
        -- The city's part of the dossier, editable while the filing is with the city.
        significance text NOT NULL DEFAULT '' CHECK (length(significance) <= 4000),
        level text CHECK (level IN ('PROVINCIAL', 'NATIONAL')),
        -- The snapshot in force: the latest submission, or the filed one during a change.
        dossier jsonb,
        submitted_at timestamptz,
        submitted_by uuid,
        accepted_at timestamptz,
        correction_deadline date,
        notice_starts_on date,
        notice_ends_on date,
        decided_at timestamptz,
        decided_by uuid,
        decision_basis jsonb,
        filing_year integer,
        filing_seq integer CHECK (filing_seq > 0),
        filing_number text,
        filed_on date,
        valid_through date,
        national_recommended_at timestamptz,
        national_opinion text CHECK (length(national_opinion) <= 2000),
        last_reason text CHECK (length(last_reason) <= 2000),
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        created_by uuid,
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, id),
        -- round_id is the province's row: not a foreign key, whose check would reach across tenants.
        FOREIGN KEY (tenant_id, alliance_id) REFERENCES alliance (tenant_id, id),
        CHECK (submitted_at IS NULL OR dossier IS NOT NULL),
        CHECK (state = 'DRAFT' OR submitted_at IS NOT NULL OR state = 'WITHDRAWN'),
        CHECK ((filing_number IS NULL) = (filing_seq IS NULL) AND (filing_seq IS NULL) = (filing_year IS NULL)),
        CHECK (state NOT IN ${IN_FORCE} OR (filing_number IS NOT NULL AND filed_on IS NOT NULL)),
        CHECK (state <> 'RETURNED' OR correction_deadline IS NOT NULL),
        CHECK (notice_ends_on IS NULL OR notice_ends_on >= notice_starts_on),
        CHECK ((national_recommended_at IS NULL) = (national_opinion IS NULL))
      );
      -- One open or valid filing per alliance (Art. 21); the lapsed states free it.
      CREATE UNIQUE INDEX filing_live ON filing (tenant_id, alliance_id)
        WHERE state NOT IN ('REFUSED', 'WITHDRAWN', 'REVOKED');
      CREATE INDEX filing_list ON filing (tenant_id, state, created_at DESC);
      CREATE INDEX filing_received ON filing (authority_tenant_id, state, submitted_at DESC)
        WHERE submitted_at IS NOT NULL;
      CREATE INDEX filing_alliance_in_force ON filing (tenant_id, alliance_id, authority_tenant_id)
        WHERE state IN ${IN_FORCE};

      -- What each submission froze, in order: the first submission, resubmissions, change filings.
      CREATE TABLE filing_snapshot (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        filing_id uuid NOT NULL,
        seq integer NOT NULL CHECK (seq > 0),
        kind text NOT NULL CHECK (kind IN ('SUBMISSION', 'CHANGE')),
        snapshot jsonb NOT NULL CHECK (jsonb_typeof(snapshot) = 'object'),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        taken_at timestamptz NOT NULL,
        taken_by uuid,
        PRIMARY KEY (tenant_id, filing_id, seq),
        FOREIGN KEY (tenant_id, filing_id) REFERENCES filing (tenant_id, id)
      );

      -- The round's documents, from the alliance's register, each with the kind it stands for.
      CREATE TABLE filing_document (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        filing_id uuid NOT NULL,
        document_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind = ANY (${DOCUMENT_KINDS})),
        attached_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, filing_id, document_id, kind),
        FOREIGN KEY (tenant_id, filing_id) REFERENCES filing (tenant_id, id),
        FOREIGN KEY (tenant_id, document_id) REFERENCES document (tenant_id, id)
      );

      -- Objections received during the public notice: the province's record.
      CREATE TABLE filing_objection (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        filing_tenant_id uuid NOT NULL REFERENCES tenant (id),
        filing_id uuid NOT NULL,
        received_on date NOT NULL,
        objector text NOT NULL CHECK (length(btrim(objector)) BETWEEN 1 AND 100),
        content text NOT NULL CHECK (length(btrim(content)) BETWEEN 1 AND 2000),
        answer text CHECK (length(btrim(answer)) BETWEEN 1 AND 2000),
        answered_at timestamptz,
        answered_by uuid,
        recorded_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, id),
        CHECK ((answer IS NULL) = (answered_at IS NULL))
      );
      CREATE INDEX filing_objection_filing ON filing_objection (tenant_id, filing_id);

      -- The last number given in each year: taken and raised in the transaction that files, so a
      -- filing that does not commit gives its number back and the year has no gaps; the row's lock
      -- queues concurrent filings, so no number is given twice.
      CREATE TABLE filing_counter (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        year integer NOT NULL CHECK (year BETWEEN 2016 AND 2100),
        last_seq integer NOT NULL CHECK (last_seq > 0),
        PRIMARY KEY (tenant_id, year)
      );
    `);

    for (const table of [
      'filing_round',
      'filing',
      'filing_snapshot',
      'filing_document',
      'filing_objection',
      'filing_counter',
    ]) {
      await db.query(
        `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY; ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;`,
      );
    }

    await db.query(`
      -- Rounds: the province's staff keep them (an administrator publishes); its cities read the
      -- published ones.
      CREATE POLICY tenant_staff ON filing_round
        USING (${TENANT} AND ${STAFF})
        WITH CHECK (${TENANT} AND ${STAFF} AND (SELECT app_tenant_is_province()) AND (status = 'DRAFT' OR ${ADMIN}));
      CREATE POLICY parent_published ON filing_round FOR SELECT
        USING (status = 'PUBLISHED' AND ${STAFF}
               AND tenant_id = (SELECT parent_id FROM tenant WHERE id = (SELECT app_tenant_id())));
      GRANT SELECT, INSERT ON filing_round TO xiangmeng_app;
      GRANT UPDATE (opens_at, closes_at, quota_per_unit, review_required, notice_days, required_documents,
                    document_number, year, status, published_at, version) ON filing_round TO xiangmeng_app;

      -- Filings: the filing city's staff; the province's staff from submission on.
      CREATE POLICY home_staff ON filing
        USING (${TENANT} AND ${STAFF})
        WITH CHECK (${TENANT} AND ${STAFF});
      CREATE POLICY authority_reads ON filing FOR SELECT
        USING (authority_tenant_id = (SELECT app_tenant_id()) AND submitted_at IS NOT NULL AND ${STAFF});
      CREATE POLICY authority_acts ON filing FOR UPDATE
        USING (authority_tenant_id = (SELECT app_tenant_id()) AND submitted_at IS NOT NULL AND ${STAFF})
        WITH CHECK (authority_tenant_id = (SELECT app_tenant_id()) AND submitted_at IS NOT NULL);
      GRANT SELECT, INSERT, UPDATE ON filing TO xiangmeng_app;

      -- Snapshots: written once by the filing city, read with the filing; never changed.
      CREATE POLICY home_staff ON filing_snapshot FOR SELECT USING (${TENANT} AND ${STAFF});
      CREATE POLICY home_freezes ON filing_snapshot FOR INSERT WITH CHECK (${TENANT} AND ${STAFF});
      CREATE POLICY with_filing ON filing_snapshot FOR SELECT
        USING (tenant_id <> (SELECT app_tenant_id()) AND EXISTS (
          SELECT 1 FROM filing f WHERE f.tenant_id = filing_snapshot.tenant_id AND f.id = filing_snapshot.filing_id));
      GRANT SELECT, INSERT ON filing_snapshot TO xiangmeng_app;

      CREATE POLICY home_staff ON filing_document
        USING (${TENANT} AND ${STAFF})
        WITH CHECK (${TENANT} AND ${STAFF});
      CREATE POLICY with_filing ON filing_document FOR SELECT
        USING (tenant_id <> (SELECT app_tenant_id()) AND EXISTS (
          SELECT 1 FROM filing f WHERE f.tenant_id = filing_document.tenant_id AND f.id = filing_document.filing_id));
      GRANT SELECT, INSERT, DELETE ON filing_document TO xiangmeng_app;
      -- The province reads a document attached to a filing it reads.
      CREATE POLICY attached_to_filing ON document FOR SELECT
        USING (tenant_id <> (SELECT app_tenant_id()) AND EXISTS (
          SELECT 1 FROM filing_document d WHERE d.tenant_id = document.tenant_id AND d.document_id = document.id));

      CREATE POLICY tenant_staff ON filing_objection
        USING (${TENANT} AND ${STAFF})
        WITH CHECK (${TENANT} AND ${STAFF});
      GRANT SELECT, INSERT ON filing_objection TO xiangmeng_app;
      GRANT UPDATE (answer, answered_at, answered_by) ON filing_objection TO xiangmeng_app;

      CREATE POLICY tenant_staff ON filing_counter
        USING (${TENANT} AND ${STAFF})
        WITH CHECK (${TENANT} AND ${STAFF});
      GRANT SELECT, INSERT, UPDATE ON filing_counter TO xiangmeng_app;
    `);

    for (const [table, allianceColumn] of LIVE_RECORD) {
      await db.query(`
        CREATE POLICY filed_with_province ON ${table} FOR SELECT
          USING (tenant_id <> (SELECT app_tenant_id()) AND ${STAFF} AND EXISTS (
            SELECT 1 FROM filing f
             WHERE f.tenant_id = ${table}.tenant_id AND f.alliance_id = ${table}.${allianceColumn}
               AND f.authority_tenant_id = (SELECT app_tenant_id()) AND f.state IN ${IN_FORCE}));
      `);
    }

    // An agreement's tasks and signatures follow the agreement (whose own policy decides).
    for (const table of AGREEMENT_PARTS) {
      await db.query(`
        CREATE POLICY filed_with_province ON ${table} FOR SELECT
          USING (tenant_id <> (SELECT app_tenant_id()) AND ${STAFF} AND EXISTS (
            SELECT 1 FROM alliance_agreement a WHERE a.tenant_id = ${table}.tenant_id AND a.id = ${table}.agreement_id));
      `);
    }

    // Who changed a round or a filing last, for a refused stale edit to name (as every edited record).
    await db.query(`
      ALTER TABLE filing_round ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(), ADD COLUMN updated_by uuid;
      ALTER TABLE filing ADD COLUMN updated_by uuid;
      CREATE TRIGGER filing_round_stamp_last_change BEFORE UPDATE ON filing_round
        FOR EACH ROW EXECUTE FUNCTION stamp_last_change();
      CREATE TRIGGER filing_stamp_last_change BEFORE UPDATE ON filing
        FOR EACH ROW EXECUTE FUNCTION stamp_last_change();
    `);

    await db.query(`
      -- A published round is the province's notice: it no longer changes.
      CREATE FUNCTION filing_round_published_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status = 'PUBLISHED' THEN
          RAISE EXCEPTION 'filing round % is published and final', OLD.id USING ERRCODE = '55000';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER filing_round_published_is_final BEFORE UPDATE ON filing_round
        FOR EACH ROW EXECUTE FUNCTION filing_round_published_is_final();

      -- The parties never change; the city's part changes only while the filing is with it; the
      -- dossier only when a submission freezes it or the province takes a change; each side moves
      -- the filing only into the states its own actions reach; a final filing is closed.
      CREATE FUNCTION filing_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        v_home boolean := OLD.tenant_id = app_tenant_id();
      BEGIN
        IF (NEW.tenant_id, NEW.alliance_id, NEW.round_id, NEW.authority_tenant_id, NEW.created_at, NEW.created_by)
           IS DISTINCT FROM
           (OLD.tenant_id, OLD.alliance_id, OLD.round_id, OLD.authority_tenant_id, OLD.created_at, OLD.created_by) THEN
          RAISE EXCEPTION 'filing % cannot change its alliance, round or parties', OLD.id USING ERRCODE = '55000';
        END IF;
        IF OLD.state IN ('REFUSED', 'WITHDRAWN', 'REVOKED') THEN
          RAISE EXCEPTION 'filing % is closed', OLD.id USING ERRCODE = '55000';
        END IF;
        IF (NEW.significance, NEW.level) IS DISTINCT FROM (OLD.significance, OLD.level)
           AND (NOT v_home OR OLD.state NOT IN ('DRAFT', 'RETURNED')) THEN
          RAISE EXCEPTION 'filing % is not with the filing city', OLD.id USING ERRCODE = '55000';
        END IF;
        IF NEW.dossier IS DISTINCT FROM OLD.dossier
           AND NOT (v_home AND OLD.state IN ('DRAFT', 'RETURNED') AND NEW.state = 'SUBMITTED')
           AND NOT (NOT v_home AND OLD.state = 'CHANGE_SUBMITTED' AND NEW.state = 'FILED') THEN
          RAISE EXCEPTION 'filing % keeps the dossier it was submitted with', OLD.id USING ERRCODE = '55000';
        END IF;
        IF NEW.state IS DISTINCT FROM OLD.state AND v_home
           AND NEW.state NOT IN ('SUBMITTED', 'CHANGE_SUBMITTED', 'WITHDRAWN') THEN
          RAISE EXCEPTION 'filing %: the filing city cannot move it to %', OLD.id, NEW.state USING ERRCODE = '42501';
        END IF;
        IF NEW.state IS DISTINCT FROM OLD.state AND NOT v_home
           AND NEW.state IN ('SUBMITTED', 'CHANGE_SUBMITTED', 'WITHDRAWN', 'DRAFT') THEN
          RAISE EXCEPTION 'filing %: only the filing city moves it to %', OLD.id, NEW.state USING ERRCODE = '42501';
        END IF;
        IF v_home AND (NEW.filing_year, NEW.filing_seq, NEW.filing_number, NEW.filed_on, NEW.valid_through,
                       NEW.decided_at, NEW.decided_by, NEW.decision_basis, NEW.national_recommended_at,
                       NEW.national_opinion, NEW.accepted_at, NEW.correction_deadline, NEW.notice_starts_on,
                       NEW.notice_ends_on)
           IS DISTINCT FROM (OLD.filing_year, OLD.filing_seq, OLD.filing_number, OLD.filed_on, OLD.valid_through,
                             OLD.decided_at, OLD.decided_by, OLD.decision_basis, OLD.national_recommended_at,
                             OLD.national_opinion, OLD.accepted_at, OLD.correction_deadline, OLD.notice_starts_on,
                             OLD.notice_ends_on) THEN
          RAISE EXCEPTION 'filing %: the province''s decisions are the province''s', OLD.id USING ERRCODE = '42501';
        END IF;
        IF OLD.submitted_at IS NOT NULL AND NEW.submitted_at IS NULL THEN
          RAISE EXCEPTION 'filing % was submitted and stays so', OLD.id USING ERRCODE = '55000';
        END IF;
        IF OLD.filing_seq IS NOT NULL AND (NEW.filing_year, NEW.filing_seq, NEW.filing_number)
           IS DISTINCT FROM (OLD.filing_year, OLD.filing_seq, OLD.filing_number) THEN
          RAISE EXCEPTION 'filing % keeps its number', OLD.id USING ERRCODE = '55000';
        END IF;
        NEW.updated_at := now();
        RETURN NEW;
      END $$;
      CREATE TRIGGER filing_guard BEFORE UPDATE ON filing FOR EACH ROW EXECUTE FUNCTION filing_guard();

      -- Attachments change only while the filing is with the city.
      CREATE FUNCTION filing_document_with_city() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        v_row filing_document := COALESCE(NEW, OLD);
      BEGIN
        -- A filing the caller cannot read (or that does not exist) is left to row security and the key.
        IF EXISTS (SELECT 1 FROM filing f WHERE f.tenant_id = v_row.tenant_id AND f.id = v_row.filing_id
                     AND f.state NOT IN ('DRAFT', 'RETURNED')) THEN
          RAISE EXCEPTION 'filing % is not with the filing city', v_row.filing_id USING ERRCODE = '55000';
        END IF;
        RETURN COALESCE(NEW, OLD);
      END $$;
      CREATE TRIGGER filing_document_with_city BEFORE INSERT OR DELETE ON filing_document
        FOR EACH ROW EXECUTE FUNCTION filing_document_with_city();

      -- A snapshot is what was filed: nobody changes or removes it, whatever their grants.
      CREATE FUNCTION filing_snapshot_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'filing snapshot %/% is frozen', OLD.filing_id, OLD.seq USING ERRCODE = '55000';
      END $$;
      CREATE TRIGGER filing_snapshot_frozen BEFORE UPDATE OR DELETE ON filing_snapshot
        FOR EACH ROW EXECUTE FUNCTION filing_snapshot_frozen();

      -- A filing's timeline from the audit chains of the city and the province, for those who read it.
      GRANT SELECT ON filing TO xiangmeng_definer;
      CREATE POLICY definer_read ON filing FOR SELECT TO xiangmeng_definer USING (true);
      CREATE FUNCTION filing_timeline(p_filing_id uuid)
      RETURNS TABLE (occurred_at timestamptz, tenant_id uuid, actor_user_id uuid, actor_name text, action text,
                     after jsonb)
      LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        v_filing filing;
      BEGIN
        SELECT * INTO v_filing FROM filing f WHERE f.id = p_filing_id;
        IF NOT FOUND OR NOT app_is_staff() OR NOT (v_filing.tenant_id = app_tenant_id()
           OR (v_filing.authority_tenant_id = app_tenant_id() AND v_filing.submitted_at IS NOT NULL)) THEN
          RETURN;
        END IF;
        RETURN QUERY
          SELECT e.occurred_at, e.tenant_id, e.actor_user_id, u.display_name, e.action, e.after
          FROM audit_event e LEFT JOIN app_user u ON u.tenant_id = e.tenant_id AND u.id = e.actor_user_id
          WHERE e.tenant_id IN (v_filing.tenant_id, v_filing.authority_tenant_id)
            AND e.subject_type = 'filing' AND e.subject_id = p_filing_id::text
          -- The identity breaks ties across the two chains: the order the steps were written in.
          ORDER BY e.occurred_at, e.id;
      END $$;
      ALTER FUNCTION filing_timeline(uuid) OWNER TO xiangmeng_definer;

      -- Whether the filed alliance still stands, for those who read the filing: the province decides
      -- on a filing before it may read the alliance's live record.
      CREATE FUNCTION filing_alliance_dissolved(p_filing_id uuid) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT a.status = 'DISSOLVED' OR a.dissolved_on IS NOT NULL
          FROM filing f JOIN alliance a ON a.tenant_id = f.tenant_id AND a.id = f.alliance_id
         WHERE f.id = p_filing_id AND app_is_staff()
           AND (f.tenant_id = app_tenant_id() OR (f.authority_tenant_id = app_tenant_id() AND f.submitted_at IS NOT NULL))
      $$;
      ALTER FUNCTION filing_alliance_dissolved(uuid) OWNER TO xiangmeng_definer;

      -- An alliance that dissolves takes its filing in force with it: the province's scheduler
      -- revokes it (REVOKE_ON_DISSOLUTION), as the province, in its own audit chain. The city's
      -- transaction may not queue the province's work, so the dissolution itself does.
      GRANT INSERT ON job TO xiangmeng_definer;
      CREATE FUNCTION filing_revoke_on_dissolution() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        INSERT INTO job (tenant_id, kind, key, payload, run_at)
        SELECT f.authority_tenant_id, 'filing.alliance_dissolved', f.id::text, jsonb_build_object('filingId', f.id), now()
          FROM filing f
         WHERE f.tenant_id = NEW.tenant_id AND f.alliance_id = NEW.id AND f.state IN ${IN_FORCE}
        ON CONFLICT (tenant_id, kind, key) DO NOTHING;
        RETURN NULL;
      END $$;
      ALTER FUNCTION filing_revoke_on_dissolution() OWNER TO xiangmeng_definer;
      REVOKE ALL ON FUNCTION filing_revoke_on_dissolution() FROM PUBLIC;
      CREATE TRIGGER filing_revoke_on_dissolution AFTER UPDATE OF status ON alliance
        FOR EACH ROW WHEN (NEW.status = 'DISSOLVED' AND OLD.status IS DISTINCT FROM 'DISSOLVED')
        EXECUTE FUNCTION filing_revoke_on_dissolution();
      REVOKE ALL ON FUNCTION filing_alliance_dissolved(uuid) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION filing_alliance_dissolved(uuid) TO xiangmeng_app;
      REVOKE ALL ON FUNCTION filing_timeline(uuid) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION filing_timeline(uuid) TO xiangmeng_app;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TRIGGER filing_revoke_on_dissolution ON alliance;
      DROP FUNCTION filing_revoke_on_dissolution();
      REVOKE INSERT ON job FROM xiangmeng_definer;
      DROP FUNCTION filing_alliance_dissolved(uuid);
      DROP FUNCTION filing_timeline(uuid);
      DROP POLICY definer_read ON filing;
    `);
    for (const table of [...LIVE_RECORD.map(([t]) => t), ...AGREEMENT_PARTS])
      await db.query(`DROP POLICY filed_with_province ON ${table};`);
    await db.query(`
      DROP POLICY attached_to_filing ON document;
      DROP TABLE filing_counter, filing_objection, filing_document, filing_snapshot, filing, filing_round;
      DROP FUNCTION filing_snapshot_frozen();
      DROP FUNCTION filing_document_with_city();
      DROP FUNCTION filing_guard();
      DROP FUNCTION filing_round_published_is_final();
    `);
  }
}
