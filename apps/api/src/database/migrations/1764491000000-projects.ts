import type { MigrationInterface, QueryRunner } from 'typeorm';

// Projects (立项) and their money ledger (Art. 14, 18–20): the award becomes a project under its
// task contract; disbursements (拨付) and recoveries (追回) are append-only ledger entries.
//
// Who sees what, here rather than in the API:
// - A project is the awarding authority's row (the province's, or a city's for its own
//   programme). Its staff read and act on it. The alliance's home bureau (alliance_tenant_id)
//   acts for the responsible unit (reports, change requests, the acceptance request): its staff
//   read the project and move it only into the states their own actions reach; the contract, the
//   decisions and the award stay the authority's (a trigger says so).
// - The ledger is the authority's: its staff record entries, both parties read them. Nobody
//   changes or removes an entry (no grant, and a trigger refuses whoever asks, TRUNCATE too).
//
// The money rules the database holds whatever the API does: the budget's lines add up to its
// total and the support line (the province's, or the city's for a city programme) never exceeds
// the award; a tranche never takes what was disbursed past the award; a recovery never exceeds
// what was paid net; a frozen or ended project takes no tranche. The ledger trigger locks the
// project row first, so concurrent tranches queue and each sees the ones before it.
//
// application_id names the programme application the award came from. That table arrives with
// the programme applications; its foreign key is added with it.

const TENANT = `tenant_id = (SELECT app_tenant_id())`;
const HOME = `alliance_tenant_id = (SELECT app_tenant_id())`;
const STAFF = `(SELECT app_is_staff())`;
const MAX_FEN = '100000000000000';
const STATES = `('IN_PROGRESS', 'CHANGE_REQUESTED', 'ACCEPTANCE_REQUESTED', 'ACCEPTANCE_REVIEW',
  'ACCEPTANCE_REVIEWED', 'ACCEPTANCE_PUBLICISED', 'FROZEN', 'COMPLETED', 'FAILED', 'TERMINATED', 'REVOKED')`;
// project-lifecycle.ts DISBURSABLE_PROJECT_STATES: open, and after acceptance passed.
const DISBURSABLE = `('IN_PROGRESS', 'CHANGE_REQUESTED', 'ACCEPTANCE_REQUESTED', 'ACCEPTANCE_REVIEW',
  'ACCEPTANCE_REVIEWED', 'ACCEPTANCE_PUBLICISED', 'COMPLETED')`;
// project-lifecycle.ts OPEN_PROJECT_STATES: what a dissolution freezes.
const OPEN = `('IN_PROGRESS', 'CHANGE_REQUESTED', 'ACCEPTANCE_REQUESTED', 'ACCEPTANCE_REVIEW',
  'ACCEPTANCE_REVIEWED', 'ACCEPTANCE_PUBLICISED')`;
// The states the responsible unit's side moves a project into (SIDE actions of PROJECT_WORKFLOW).
const SIDE_REACHES = `('CHANGE_REQUESTED', 'IN_PROGRESS', 'ACCEPTANCE_REQUESTED')`;

export class Projects1764491000000 implements MigrationInterface {
  name = 'Projects1764491000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      -- The budget by source (project-budget.ts): a positive total, lines of known sources in
      -- whole fen adding up to it, and the support line within the award. NULL when it holds,
      -- else the rule it breaks.
      CREATE FUNCTION project_budget_problem(p_budget jsonb, p_award_fen bigint, p_support_source text)
      RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
      DECLARE
        v_total numeric;
        v_sum numeric := 0;
        v_support numeric := 0;
        v_line jsonb;
      BEGIN
        IF jsonb_typeof(p_budget) IS DISTINCT FROM 'object' OR jsonb_typeof(p_budget -> 'lines') IS DISTINCT FROM 'array'
           OR jsonb_array_length(p_budget -> 'lines') = 0 THEN
          RETURN 'budget has no lines';
        END IF;
        IF NOT (p_budget ->> 'totalFen') ~ '^[0-9]{1,15}$' OR (p_budget ->> 'totalFen')::numeric = 0 THEN
          RETURN 'budget total is not a positive amount of fen';
        END IF;
        v_total := (p_budget ->> 'totalFen')::numeric;
        FOR v_line IN SELECT * FROM jsonb_array_elements(p_budget -> 'lines') LOOP
          IF (v_line ->> 'source') IS NULL OR (v_line ->> 'source') NOT IN ('PROVINCIAL_SUPPORT', 'CITY_MATCHING', 'SELF_RAISED') THEN
            RETURN 'budget line of unknown source';
          END IF;
          IF NOT COALESCE((v_line ->> 'amountFen') ~ '^[0-9]{1,15}$', false) THEN
            RETURN 'budget line amount is not whole fen';
          END IF;
          v_sum := v_sum + (v_line ->> 'amountFen')::numeric;
          IF v_line ->> 'source' = p_support_source THEN
            v_support := v_support + (v_line ->> 'amountFen')::numeric;
          END IF;
        END LOOP;
        IF v_sum <> v_total THEN
          RETURN format('budget lines add up to %s fen, not the total %s', v_sum, v_total);
        END IF;
        IF v_support > p_award_fen THEN
          RETURN format('support line %s fen exceeds the award %s', v_support, p_award_fen);
        END IF;
        RETURN NULL;
      END $$;

      CREATE TABLE project (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- The awarding authority: the programme's tenant.
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        -- The alliance's home bureau, which acts for the responsible unit.
        alliance_tenant_id uuid NOT NULL REFERENCES tenant (id),
        programme_id uuid NOT NULL,
        -- The programme application awarded (its foreign key comes with that table).
        application_id uuid NOT NULL,
        -- The alliance is the home bureau's row: not a foreign key, whose check would reach across tenants.
        alliance_id uuid NOT NULL,
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 100),
        award_fen bigint NOT NULL CHECK (award_fen BETWEEN 1 AND ${MAX_FEN}),
        -- The line the award is paid from: the province's support, or the city's for its own programme.
        support_source text NOT NULL CHECK (support_source IN ('PROVINCIAL_SUPPORT', 'CITY_MATCHING')),
        awarded_on date NOT NULL,
        state text NOT NULL DEFAULT 'IN_PROGRESS' CHECK (state IN ${STATES}),
        version integer NOT NULL DEFAULT 1 CHECK (version > 0),
        -- The task contract in force (task-contract.ts); approved changes replace it whole.
        dossier jsonb NOT NULL CHECK (jsonb_typeof(dossier) = 'object'),
        decision_basis jsonb,
        -- The change requested (project-changes.ts), while the project is CHANGE_REQUESTED.
        pending_change jsonb,
        change_requested_by uuid,
        -- Progress reports received (progress-reports.ts), oldest first.
        reports jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(reports) = 'array'),
        frozen_at timestamptz,
        decided_at timestamptz,
        decided_by uuid,
        last_reason text CHECK (length(last_reason) <= 2000),
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        created_by uuid,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid,
        UNIQUE (tenant_id, id),
        -- One project per award.
        UNIQUE (tenant_id, application_id),
        FOREIGN KEY (tenant_id, programme_id) REFERENCES programme (tenant_id, id),
        CHECK (project_budget_problem(dossier -> 'budget', award_fen, support_source) IS NULL),
        CHECK ((state = 'CHANGE_REQUESTED') = (pending_change IS NOT NULL)),
        CHECK (state <> 'FROZEN' OR frozen_at IS NOT NULL)
      );
      CREATE INDEX project_list ON project (tenant_id, state, created_at DESC);
      CREATE INDEX project_of_programme ON project (tenant_id, programme_id);
      CREATE INDEX project_of_home ON project (alliance_tenant_id, alliance_id, state);

      CREATE TABLE project_ledger_entry (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        project_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('DISBURSEMENT', 'RECOVERY')),
        amount_fen bigint NOT NULL CHECK (amount_fen BETWEEN 1 AND ${MAX_FEN}),
        -- The day the money moved (China time).
        entry_on date NOT NULL,
        -- The payment voucher or the recovery decision.
        document_number text NOT NULL CHECK (length(btrim(document_number)) BETWEEN 1 AND 100),
        note text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
        recorded_by uuid,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, id),
        FOREIGN KEY (tenant_id, project_id) REFERENCES project (tenant_id, id)
      );
      CREATE INDEX project_ledger_of_project ON project_ledger_entry (tenant_id, project_id, entry_on, recorded_at);
    `);

    for (const table of ['project', 'project_ledger_entry']) {
      await db.query(
        `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY; ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;`,
      );
    }

    await db.query(`
      -- Projects: the authority's staff; the alliance's home bureau reads and takes its own steps.
      CREATE POLICY authority_staff ON project
        USING (${TENANT} AND ${STAFF})
        WITH CHECK (${TENANT} AND ${STAFF});
      CREATE POLICY home_reads ON project FOR SELECT
        USING (${HOME} AND ${STAFF});
      CREATE POLICY home_acts ON project FOR UPDATE
        USING (${HOME} AND ${STAFF})
        WITH CHECK (${HOME} AND ${STAFF});
      GRANT SELECT, INSERT ON project TO xiangmeng_app;
      GRANT UPDATE (state, version, dossier, decision_basis, pending_change, change_requested_by, reports,
                    frozen_at, decided_at, decided_by, last_reason, updated_at) ON project TO xiangmeng_app;

      -- The ledger: written by the authority's staff, read by both parties; never changed.
      CREATE POLICY authority_staff ON project_ledger_entry FOR SELECT
        USING (${TENANT} AND ${STAFF});
      CREATE POLICY authority_records ON project_ledger_entry FOR INSERT
        WITH CHECK (${TENANT} AND ${STAFF});
      CREATE POLICY home_reads ON project_ledger_entry FOR SELECT
        USING (tenant_id <> (SELECT app_tenant_id()) AND ${STAFF} AND EXISTS (
          SELECT 1 FROM project p WHERE p.tenant_id = project_ledger_entry.tenant_id
             AND p.id = project_ledger_entry.project_id AND p.alliance_tenant_id = (SELECT app_tenant_id())));
      GRANT SELECT, INSERT ON project_ledger_entry TO xiangmeng_app;

      CREATE TRIGGER project_stamp_last_change BEFORE UPDATE ON project
        FOR EACH ROW EXECUTE FUNCTION stamp_last_change();

      -- The parties and the award never change; an ended project is closed; the home bureau moves
      -- the project only into the states its own actions reach, and never touches the contract
      -- or the authority's decisions. (Where one tenant is both, the API's actors decide.)
      CREATE FUNCTION project_guard() RETURNS trigger LANGUAGE plpgsql AS $$
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
          IF (NEW.dossier, NEW.decision_basis, NEW.frozen_at, NEW.decided_at, NEW.decided_by)
             IS DISTINCT FROM (OLD.dossier, OLD.decision_basis, OLD.frozen_at, OLD.decided_at, OLD.decided_by) THEN
            RAISE EXCEPTION 'project %: the contract and decisions are the authority''s', OLD.id
              USING ERRCODE = '42501';
          END IF;
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER project_guard BEFORE UPDATE ON project FOR EACH ROW EXECUTE FUNCTION project_guard();

      -- The ledger's limits, under concurrency: the project row is locked first, so each entry
      -- sees every one committed before it.
      CREATE FUNCTION project_ledger_limits() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        v_project project;
        v_disbursed numeric;
        v_recovered numeric;
      BEGIN
        -- Another tenant's row, or a project the caller cannot read (or that does not exist): row
        -- security and the foreign key refuse it, exactly as for any id.
        IF NEW.tenant_id IS DISTINCT FROM app_tenant_id() THEN
          RETURN NEW;
        END IF;
        SELECT * INTO v_project FROM project p WHERE p.tenant_id = NEW.tenant_id AND p.id = NEW.project_id
          FOR NO KEY UPDATE;
        IF NOT FOUND THEN
          RETURN NEW;
        END IF;
        SELECT COALESCE(sum(amount_fen) FILTER (WHERE kind = 'DISBURSEMENT'), 0),
               COALESCE(sum(amount_fen) FILTER (WHERE kind = 'RECOVERY'), 0)
          INTO v_disbursed, v_recovered
          FROM project_ledger_entry e WHERE e.tenant_id = NEW.tenant_id AND e.project_id = NEW.project_id;
        IF NEW.kind = 'DISBURSEMENT' THEN
          IF v_project.state = 'FROZEN' THEN
            RAISE EXCEPTION 'project % is frozen: no disbursement', NEW.project_id
              USING ERRCODE = '55000', HINT = 'PROJECT_FROZEN';
          END IF;
          IF v_project.state NOT IN ${DISBURSABLE} THEN
            RAISE EXCEPTION 'project % is % and takes no disbursement', NEW.project_id, v_project.state
              USING ERRCODE = '55000', HINT = 'PROJECT_NOT_DISBURSABLE';
          END IF;
          IF v_disbursed + NEW.amount_fen > v_project.award_fen THEN
            RAISE EXCEPTION 'disbursements of project % would reach % fen, past the award of % fen',
              NEW.project_id, v_disbursed + NEW.amount_fen, v_project.award_fen
              USING ERRCODE = '23514', HINT = 'ABOVE_AWARD';
          END IF;
        ELSE
          -- A recovery follows a revocation (written after it, in its transaction) or is taken
          -- while the project runs; a frozen project waits for the authority's decision first.
          IF v_project.state NOT IN ${DISBURSABLE} AND v_project.state <> 'REVOKED' THEN
            RAISE EXCEPTION 'project % is % and takes no recovery', NEW.project_id, v_project.state
              USING ERRCODE = '55000', HINT = CASE WHEN v_project.state = 'FROZEN' THEN 'PROJECT_FROZEN'
                                                   ELSE 'PROJECT_NOT_DISBURSABLE' END;
          END IF;
          IF v_recovered + NEW.amount_fen > v_disbursed THEN
            RAISE EXCEPTION 'recoveries of project % would reach % fen, past the % fen paid',
              NEW.project_id, v_recovered + NEW.amount_fen, v_disbursed
              USING ERRCODE = '23514', HINT = 'ABOVE_NET_PAID';
          END IF;
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER project_ledger_limits BEFORE INSERT ON project_ledger_entry
        FOR EACH ROW EXECUTE FUNCTION project_ledger_limits();

      CREATE FUNCTION project_ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the project ledger is append-only (%)', TG_OP USING ERRCODE = '55000';
      END $$;
      CREATE TRIGGER project_ledger_append_only BEFORE UPDATE OR DELETE ON project_ledger_entry
        FOR EACH ROW EXECUTE FUNCTION project_ledger_append_only();
      CREATE TRIGGER project_ledger_never_truncated BEFORE TRUNCATE ON project_ledger_entry
        FOR EACH STATEMENT EXECUTE FUNCTION project_ledger_append_only();

      -- An alliance that dissolves freezes its open projects (Art. 19): each awarding authority's
      -- scheduler takes FREEZE_ON_DISSOLUTION as the system and puts the project on its to-do
      -- list. The home bureau's transaction may not queue the authority's work, so the
      -- dissolution itself does.
      GRANT SELECT ON project TO xiangmeng_definer;
      CREATE POLICY definer_read ON project FOR SELECT TO xiangmeng_definer USING (true);
      CREATE FUNCTION project_freeze_on_dissolution() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        INSERT INTO job (tenant_id, kind, key, payload, run_at)
        SELECT p.tenant_id, 'project.alliance_dissolved', p.id::text, jsonb_build_object('projectId', p.id), now()
          FROM project p
         WHERE p.alliance_tenant_id = NEW.tenant_id AND p.alliance_id = NEW.id AND p.state IN ${OPEN}
        ON CONFLICT (tenant_id, kind, key) DO NOTHING;
        RETURN NULL;
      END $$;
      ALTER FUNCTION project_freeze_on_dissolution() OWNER TO xiangmeng_definer;
      REVOKE ALL ON FUNCTION project_freeze_on_dissolution() FROM PUBLIC;
      -- Whether the project's alliance has dissolved, for those who read the project: the
      -- authority does not read the home bureau's register, yet its ALLIANCE_DISSOLVED guard asks.
      CREATE FUNCTION project_alliance_dissolved(p_project_id uuid) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT a.status = 'DISSOLVED' OR a.dissolved_on IS NOT NULL
          FROM project p JOIN alliance a ON a.tenant_id = p.alliance_tenant_id AND a.id = p.alliance_id
         WHERE p.id = p_project_id AND app_is_staff()
           AND app_tenant_id() IN (p.tenant_id, p.alliance_tenant_id)
      $$;
      ALTER FUNCTION project_alliance_dissolved(uuid) OWNER TO xiangmeng_definer;
      REVOKE ALL ON FUNCTION project_alliance_dissolved(uuid) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION project_alliance_dissolved(uuid) TO xiangmeng_app;
      CREATE TRIGGER project_freeze_on_dissolution AFTER UPDATE OF status ON alliance
        FOR EACH ROW WHEN (NEW.status = 'DISSOLVED' AND OLD.status IS DISTINCT FROM 'DISSOLVED')
        EXECUTE FUNCTION project_freeze_on_dissolution();
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TRIGGER project_freeze_on_dissolution ON alliance;
      DROP FUNCTION project_freeze_on_dissolution();
      DROP FUNCTION project_alliance_dissolved(uuid);
      DROP TABLE project_ledger_entry, project;
      DROP FUNCTION project_ledger_append_only();
      DROP FUNCTION project_ledger_limits();
      DROP FUNCTION project_guard();
      DROP FUNCTION project_budget_problem(jsonb, bigint, text);
    `);
  }
}
