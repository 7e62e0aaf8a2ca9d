import type { MigrationInterface, QueryRunner } from 'typeorm';

// Finance linkage (Art. 17): financial institutions in the directory and the province's linkage
// programme, financing needs of alliance enterprises, matchmaking events and introductions,
// financing records, and risk compensation claims with their append-only ledger.
//
// Who sees what, here rather than in the API:
// - Needs, events, introductions, financing records, claims and the ledger are the rows of the
//   bureau that keeps the alliance (its staff enter them for the enterprises and institutions,
//   which have no accounts yet). A need the enterprise shares with the province's linkage
//   programme is read by the province's staff as well; nothing else leaves the city but the
//   statistics, which are sums (finance_statistics).
// - The province's linkage programme enrolment is the province's row, read by its cities' staff.
// - An institution sees a need when it is a current member of the need's alliance, or when the
//   need is shared with the linkage programme and the institution is enrolled in it
//   (finance_need_visible_to, the same rule as finance/need-visibility.ts). Institutions act only
//   through introductions: the database refuses an introduction to an institution that may not
//   see the need, whoever writes it.
// - The ledger's limit holds whatever the API does: what one bank receives from one bureau in one
//   calendar year never passes the ceiling the payout applied; payouts for a bank and year are
//   serialised by a transaction-scoped advisory lock (the API takes the same lock before it
//   computes the amount, so concurrent approvals each see the ones before them).

const TENANT = `tenant_id = (SELECT app_tenant_id())`;
const STAFF = `(SELECT app_is_staff())`;
const ADMIN = `(SELECT app_is_admin())`;
const CHILD_OF_VIEWER = `tenant_id IN (SELECT t.id FROM tenant t WHERE t.parent_id = (SELECT app_tenant_id()))`;
const PARENT_OF_VIEWER = `tenant_id = (SELECT t.parent_id FROM tenant t WHERE t.id = (SELECT app_tenant_id()))`;
const MAX_FEN = '100000000000000';
const FORMS = `('LOAN', 'EQUITY', 'IP_PLEDGE_LOAN', 'INSURANCE')`;
const INSTITUTION_ARRAY = `ARRAY['BANK', 'VENTURE_CAPITAL', 'GUARANTEE', 'INSURANCE']`;
const LOAN_FORMS = `('LOAN', 'IP_PLEDGE_LOAN')`;
const INSTITUTION_TYPES = `('BANK', 'VENTURE_CAPITAL', 'GUARANTEE', 'INSURANCE')`;
const CLAIM_STATES = `('FILED', 'APPROVED', 'DECLINED', 'WITHDRAWN')`;
const TABLES = [
  'finance_linkage_institution',
  'financing_need',
  'financing_event',
  'financing_introduction',
  'financing_record',
  'compensation_claim',
  'compensation_ledger_entry',
] as const;

export class FinanceLinkage1764540000000 implements MigrationInterface {
  name = 'FinanceLinkage1764540000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE organization DROP CONSTRAINT organization_type_check;
      ALTER TABLE organization ADD CONSTRAINT organization_type_check CHECK (type IN (
        'ENTERPRISE', 'UNIVERSITY', 'RESEARCH_INSTITUTE', 'INTERMEDIARY', 'BANK', 'VENTURE_CAPITAL',
        'GUARANTEE', 'INSURANCE', 'OTHER'));

      -- Institutions enrolled in the province's linkage programme.
      CREATE TABLE finance_linkage_institution (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        organization_id uuid NOT NULL REFERENCES organization (id),
        enrolled_on date NOT NULL,
        withdrawn_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid,
        UNIQUE (tenant_id, id),
        CHECK (withdrawn_on IS NULL OR withdrawn_on >= enrolled_on)
      );
      CREATE UNIQUE INDEX finance_linkage_institution_open
        ON finance_linkage_institution (tenant_id, organization_id) WHERE withdrawn_on IS NULL;

      CREATE TABLE financing_need (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        alliance_id uuid NOT NULL,
        -- The enterprise that needs the money: a member of the alliance when it posts the need.
        organization_id uuid NOT NULL REFERENCES organization (id),
        amount_fen bigint NOT NULL CHECK (amount_fen BETWEEN 1 AND ${MAX_FEN}),
        purpose text NOT NULL CHECK (length(btrim(purpose)) BETWEEN 1 AND 500),
        term_months integer NOT NULL CHECK (term_months BETWEEN 1 AND 360),
        preferred_form text NOT NULL CHECK (preferred_form IN ${FORMS}),
        posted_on date NOT NULL,
        -- Shared with the province's linkage programme: its enrolled institutions and the province see it.
        in_linkage_programme boolean NOT NULL DEFAULT false,
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'MET', 'CLOSED')),
        version integer NOT NULL DEFAULT 1 CHECK (version > 0),
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        created_by uuid,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid,
        UNIQUE (tenant_id, id),
        FOREIGN KEY (tenant_id, alliance_id) REFERENCES alliance (tenant_id, id)
      );
      CREATE INDEX financing_need_list ON financing_need (tenant_id, status, posted_on DESC, created_at DESC);
      CREATE INDEX financing_need_of_alliance ON financing_need (tenant_id, alliance_id);

      -- Matchmaking events (对接活动) with the institutions and enterprises that took part.
      CREATE TABLE financing_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 100),
        held_on date NOT NULL,
        organizer text NOT NULL CHECK (length(btrim(organizer)) BETWEEN 1 AND 100),
        institution_ids uuid[] NOT NULL CHECK (cardinality(institution_ids) BETWEEN 1 AND 200),
        enterprise_ids uuid[] NOT NULL CHECK (cardinality(enterprise_ids) BETWEEN 1 AND 500),
        note text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        created_by uuid,
        UNIQUE (tenant_id, id)
      );
      CREATE INDEX financing_event_list ON financing_event (tenant_id, held_on DESC);

      -- An institution introduced to a need (at an event or directly), and its answer.
      CREATE TABLE financing_introduction (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        need_id uuid NOT NULL,
        institution_id uuid NOT NULL REFERENCES organization (id),
        event_id uuid,
        introduced_on date NOT NULL,
        outcome text NOT NULL DEFAULT 'PENDING' CHECK (outcome IN ('PENDING', 'INTERESTED', 'DECLINED', 'FINANCED')),
        outcome_on date,
        outcome_note text NOT NULL DEFAULT '' CHECK (length(outcome_note) <= 2000),
        version integer NOT NULL DEFAULT 1 CHECK (version > 0),
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        created_by uuid,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid,
        UNIQUE (tenant_id, id),
        FOREIGN KEY (tenant_id, need_id) REFERENCES financing_need (tenant_id, id),
        FOREIGN KEY (tenant_id, event_id) REFERENCES financing_event (tenant_id, id),
        CHECK ((outcome = 'PENDING') = (outcome_on IS NULL)),
        CHECK (outcome_on IS NULL OR outcome_on >= introduced_on)
      );
      CREATE INDEX financing_introduction_of_need ON financing_introduction (tenant_id, need_id);

      -- Financing obtained: loans, equity, IP-pledge loans, insurance. A record is a fact: it never changes.
      CREATE TABLE financing_record (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        form text NOT NULL CHECK (form IN ${FORMS}),
        institution_id uuid NOT NULL REFERENCES organization (id),
        organization_id uuid NOT NULL REFERENCES organization (id),
        alliance_id uuid NOT NULL,
        need_id uuid,
        amount_fen bigint NOT NULL CHECK (amount_fen BETWEEN 1 AND ${MAX_FEN}),
        granted_on date NOT NULL,
        term_months integer CHECK (term_months BETWEEN 1 AND 360),
        -- Annual rate in basis points, for loans where given.
        rate_basis_points integer CHECK (rate_basis_points BETWEEN 0 AND 3600),
        -- The day the loan was registered with the risk compensation scheme.
        registered_on date,
        recorded_by uuid,
        recorded_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        UNIQUE (tenant_id, id),
        FOREIGN KEY (tenant_id, alliance_id) REFERENCES alliance (tenant_id, id),
        FOREIGN KEY (tenant_id, need_id) REFERENCES financing_need (tenant_id, id),
        CHECK (form IN ${LOAN_FORMS} OR (rate_basis_points IS NULL AND registered_on IS NULL)),
        CHECK (form NOT IN ${LOAN_FORMS} OR term_months IS NOT NULL),
        CHECK (registered_on IS NULL OR registered_on >= granted_on)
      );
      CREATE INDEX financing_record_list ON financing_record (tenant_id, granted_on DESC, recorded_at DESC);

      -- Risk compensation claims: a kind of the application engine.
      CREATE TABLE compensation_claim (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        financing_record_id uuid NOT NULL,
        -- The lender (the record's institution), whose yearly ceiling the payout counts against.
        institution_id uuid NOT NULL REFERENCES organization (id),
        state text NOT NULL DEFAULT 'FILED' CHECK (state IN ${CLAIM_STATES}),
        version integer NOT NULL DEFAULT 1 CHECK (version > 0),
        -- {defaultedOn, principalLostFen}, frozen at filing.
        dossier jsonb NOT NULL CHECK (jsonb_typeof(dossier) = 'object'),
        decision_basis jsonb,
        amount_fen bigint CHECK (amount_fen BETWEEN 1 AND ${MAX_FEN}),
        filed_on date NOT NULL,
        decided_at timestamptz,
        decided_by uuid,
        last_reason text CHECK (length(last_reason) <= 2000),
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        created_by uuid,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid,
        UNIQUE (tenant_id, id),
        FOREIGN KEY (tenant_id, financing_record_id) REFERENCES financing_record (tenant_id, id),
        CHECK ((state = 'APPROVED') = (amount_fen IS NOT NULL)),
        CHECK ((state IN ('APPROVED', 'DECLINED')) = (decided_at IS NOT NULL))
      );
      -- One claim under way or paid per loan.
      CREATE UNIQUE INDEX compensation_claim_one_per_loan ON compensation_claim (tenant_id, financing_record_id)
        WHERE state IN ('FILED', 'APPROVED');
      CREATE INDEX compensation_claim_list ON compensation_claim (tenant_id, state, created_at DESC);

      CREATE TABLE compensation_ledger_entry (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        claim_id uuid NOT NULL,
        institution_id uuid NOT NULL REFERENCES organization (id),
        ceiling_year integer NOT NULL CHECK (ceiling_year BETWEEN 2016 AND 2100),
        amount_fen bigint NOT NULL CHECK (amount_fen BETWEEN 1 AND ${MAX_FEN}),
        -- The bank's yearly ceiling under the measures version the payout applied.
        ceiling_fen bigint NOT NULL CHECK (ceiling_fen BETWEEN 0 AND ${MAX_FEN}),
        entry_on date NOT NULL,
        recorded_by uuid,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, id),
        -- One payout per claim.
        UNIQUE (tenant_id, claim_id),
        FOREIGN KEY (tenant_id, claim_id) REFERENCES compensation_claim (tenant_id, id)
      );
      CREATE INDEX compensation_ledger_of_bank ON compensation_ledger_entry (tenant_id, institution_id, ceiling_year);
    `);

    for (const table of TABLES) {
      await db.query(
        `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY; ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;`,
      );
    }

    await db.query(`
      CREATE POLICY tenant_staff ON finance_linkage_institution
        USING (${TENANT} AND ${STAFF})
        WITH CHECK (${TENANT} AND ${STAFF} AND (SELECT app_tenant_is_province()));
      CREATE POLICY parent_programme ON finance_linkage_institution FOR SELECT
        USING (${PARENT_OF_VIEWER} AND ${STAFF});
      GRANT SELECT, INSERT ON finance_linkage_institution TO xiangmeng_app;
      GRANT UPDATE (withdrawn_on) ON finance_linkage_institution TO xiangmeng_app;

      CREATE POLICY tenant_staff ON financing_need
        USING (${TENANT} AND ${STAFF})
        WITH CHECK (${TENANT} AND ${STAFF});
      CREATE POLICY province_linkage ON financing_need FOR SELECT
        USING (in_linkage_programme AND ${CHILD_OF_VIEWER} AND ${STAFF});
      GRANT SELECT, INSERT ON financing_need TO xiangmeng_app;
      GRANT UPDATE (in_linkage_programme, status, version, updated_at) ON financing_need TO xiangmeng_app;

      CREATE POLICY tenant_staff ON financing_event
        USING (${TENANT} AND ${STAFF})
        WITH CHECK (${TENANT} AND ${STAFF});
      GRANT SELECT, INSERT ON financing_event TO xiangmeng_app;

      CREATE POLICY tenant_staff ON financing_introduction
        USING (${TENANT} AND ${STAFF})
        WITH CHECK (${TENANT} AND ${STAFF});
      GRANT SELECT, INSERT ON financing_introduction TO xiangmeng_app;
      GRANT UPDATE (outcome, outcome_on, outcome_note, version, updated_at) ON financing_introduction TO xiangmeng_app;

      CREATE POLICY tenant_staff ON financing_record FOR SELECT
        USING (${TENANT} AND ${STAFF});
      CREATE POLICY tenant_records ON financing_record FOR INSERT
        WITH CHECK (${TENANT} AND ${STAFF});
      GRANT SELECT, INSERT ON financing_record TO xiangmeng_app;

      CREATE POLICY tenant_staff ON compensation_claim
        USING (${TENANT} AND ${STAFF})
        WITH CHECK (${TENANT} AND ${STAFF} AND (state IN ('FILED', 'WITHDRAWN') OR ${ADMIN}));
      GRANT SELECT, INSERT ON compensation_claim TO xiangmeng_app;
      GRANT UPDATE (state, version, decision_basis, amount_fen, decided_at, decided_by, last_reason, updated_at)
        ON compensation_claim TO xiangmeng_app;

      -- A payout is written with the approval of its claim (an administrator's, by the claim's
      -- policy); the ledger's trigger ties each entry to an approved claim and its amount.
      CREATE POLICY tenant_staff ON compensation_ledger_entry FOR SELECT
        USING (${TENANT} AND ${STAFF});
      CREATE POLICY tenant_records ON compensation_ledger_entry FOR INSERT
        WITH CHECK (${TENANT} AND ${STAFF});
      GRANT SELECT, INSERT ON compensation_ledger_entry TO xiangmeng_app;

      CREATE TRIGGER financing_need_stamp_last_change BEFORE UPDATE ON financing_need
        FOR EACH ROW EXECUTE FUNCTION stamp_last_change();
      CREATE TRIGGER financing_introduction_stamp_last_change BEFORE UPDATE ON financing_introduction
        FOR EACH ROW EXECUTE FUNCTION stamp_last_change();
      CREATE TRIGGER compensation_claim_stamp_last_change BEFORE UPDATE ON compensation_claim
        FOR EACH ROW EXECUTE FUNCTION stamp_last_change();

      -- Whether an organization is a current member of an alliance of the caller's tenant on a day.
      CREATE FUNCTION finance_is_member(p_tenant uuid, p_alliance uuid, p_organization uuid, p_on date)
      RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT EXISTS (SELECT 1 FROM alliance_member m
                        WHERE m.tenant_id = p_tenant AND m.alliance_id = p_alliance
                          AND m.organization_id = p_organization
                          AND m.joined_on <= p_on AND (m.exited_on IS NULL OR m.exited_on > p_on))
      $$;

      -- finance/need-visibility.ts: a member institution of the need's alliance, or — for a need
      -- shared with the linkage programme — an institution enrolled in the province's programme.
      CREATE FUNCTION finance_need_visible_to(p_need_tenant uuid, p_need uuid, p_institution uuid, p_on date)
      RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT EXISTS (
          SELECT 1 FROM financing_need n
           WHERE n.tenant_id = p_need_tenant AND n.id = p_need
             AND (finance_is_member(n.tenant_id, n.alliance_id, p_institution, p_on)
                  OR (n.in_linkage_programme AND EXISTS (
                        SELECT 1 FROM finance_linkage_institution l
                          JOIN tenant t ON t.id = n.tenant_id
                         WHERE l.organization_id = p_institution
                           AND l.tenant_id IN (t.id, t.parent_id)
                           AND l.enrolled_on <= p_on AND (l.withdrawn_on IS NULL OR l.withdrawn_on > p_on)))))
      $$;

      CREATE FUNCTION finance_require_type(p_organization uuid, p_types text[], p_hint text) RETURNS void
      LANGUAGE plpgsql STABLE AS $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM organization o WHERE o.id = p_organization AND o.type = ANY (p_types)) THEN
          RAISE EXCEPTION 'organization % is not of type %', p_organization, p_types
            USING ERRCODE = '23514', HINT = p_hint;
        END IF;
      END $$;

      CREATE FUNCTION finance_linkage_institution_check() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM finance_require_type(NEW.organization_id, ${INSTITUTION_ARRAY}, 'NOT_AN_INSTITUTION');
        RETURN NEW;
      END $$;
      CREATE TRIGGER finance_linkage_institution_check BEFORE INSERT ON finance_linkage_institution
        FOR EACH ROW EXECUTE FUNCTION finance_linkage_institution_check();

      -- A need is an alliance member enterprise's, posted while it is a member.
      CREATE FUNCTION financing_need_check() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          IF (NEW.tenant_id, NEW.alliance_id, NEW.organization_id, NEW.amount_fen, NEW.purpose, NEW.term_months,
              NEW.preferred_form, NEW.posted_on, NEW.created_at, NEW.created_by)
             IS DISTINCT FROM
             (OLD.tenant_id, OLD.alliance_id, OLD.organization_id, OLD.amount_fen, OLD.purpose, OLD.term_months,
              OLD.preferred_form, OLD.posted_on, OLD.created_at, OLD.created_by) THEN
            RAISE EXCEPTION 'financing need % keeps what was posted', OLD.id USING ERRCODE = '55000';
          END IF;
          IF OLD.status = 'CLOSED' THEN
            RAISE EXCEPTION 'financing need % is closed', OLD.id USING ERRCODE = '55000', HINT = 'NEED_CLOSED';
          END IF;
          RETURN NEW;
        END IF;
        -- Another tenant's row: row security refuses it, exactly as for any id.
        IF NEW.tenant_id IS DISTINCT FROM app_tenant_id() THEN
          RETURN NEW;
        END IF;
        PERFORM finance_require_type(NEW.organization_id, ARRAY['ENTERPRISE'], 'NOT_AN_ENTERPRISE');
        IF NOT finance_is_member(NEW.tenant_id, NEW.alliance_id, NEW.organization_id, NEW.posted_on) THEN
          RAISE EXCEPTION 'organization % is not a member of alliance % on %', NEW.organization_id, NEW.alliance_id,
            NEW.posted_on USING ERRCODE = '23514', HINT = 'NOT_A_MEMBER';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER financing_need_check BEFORE INSERT OR UPDATE ON financing_need
        FOR EACH ROW EXECUTE FUNCTION financing_need_check();

      -- An event brings financial institutions and enterprises together.
      CREATE FUNCTION financing_event_check() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM unnest(NEW.institution_ids) i
                    WHERE NOT EXISTS (SELECT 1 FROM organization o WHERE o.id = i AND o.type IN ${INSTITUTION_TYPES}))
           OR cardinality(NEW.institution_ids) <> (SELECT count(DISTINCT i) FROM unnest(NEW.institution_ids) i) THEN
          RAISE EXCEPTION 'event institutions must be distinct financial institutions'
            USING ERRCODE = '23514', HINT = 'NOT_AN_INSTITUTION';
        END IF;
        IF EXISTS (SELECT 1 FROM unnest(NEW.enterprise_ids) e
                    WHERE NOT EXISTS (SELECT 1 FROM organization o WHERE o.id = e AND o.type = 'ENTERPRISE'))
           OR cardinality(NEW.enterprise_ids) <> (SELECT count(DISTINCT e) FROM unnest(NEW.enterprise_ids) e) THEN
          RAISE EXCEPTION 'event enterprises must be distinct enterprises'
            USING ERRCODE = '23514', HINT = 'NOT_AN_ENTERPRISE';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER financing_event_check BEFORE INSERT ON financing_event
        FOR EACH ROW EXECUTE FUNCTION financing_event_check();

      -- Visibility, enforced where institutions act: only an institution that may see the need is
      -- introduced to it; the need, the institution and the day never change afterwards.
      CREATE FUNCTION financing_introduction_check() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          IF (NEW.tenant_id, NEW.need_id, NEW.institution_id, NEW.event_id, NEW.introduced_on)
             IS DISTINCT FROM (OLD.tenant_id, OLD.need_id, OLD.institution_id, OLD.event_id, OLD.introduced_on) THEN
            RAISE EXCEPTION 'introduction % keeps its need, institution and day', OLD.id USING ERRCODE = '55000';
          END IF;
          RETURN NEW;
        END IF;
        PERFORM finance_require_type(NEW.institution_id, ${INSTITUTION_ARRAY}, 'NOT_AN_INSTITUTION');
        IF NEW.tenant_id = app_tenant_id()
           AND NOT finance_need_visible_to(NEW.tenant_id, NEW.need_id, NEW.institution_id, NEW.introduced_on) THEN
          RAISE EXCEPTION 'institution % may not see need %', NEW.institution_id, NEW.need_id
            USING ERRCODE = '23514', HINT = 'NEED_NOT_VISIBLE';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER financing_introduction_check BEFORE INSERT OR UPDATE ON financing_introduction
        FOR EACH ROW EXECUTE FUNCTION financing_introduction_check();

      -- A record: an institution finances an enterprise of the alliance (a member on the day).
      CREATE FUNCTION financing_record_check() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'INSERT' THEN
          RAISE EXCEPTION 'a financing record is a fact and never changes (%)', TG_OP USING ERRCODE = '55000';
        END IF;
        PERFORM finance_require_type(NEW.institution_id, ${INSTITUTION_ARRAY}, 'NOT_AN_INSTITUTION');
        PERFORM finance_require_type(NEW.organization_id, ARRAY['ENTERPRISE'], 'NOT_AN_ENTERPRISE');
        IF NEW.tenant_id = app_tenant_id()
           AND NOT finance_is_member(NEW.tenant_id, NEW.alliance_id, NEW.organization_id, NEW.granted_on) THEN
          RAISE EXCEPTION 'organization % is not a member of alliance % on %', NEW.organization_id, NEW.alliance_id,
            NEW.granted_on USING ERRCODE = '23514', HINT = 'NOT_A_MEMBER';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER financing_record_check BEFORE INSERT OR UPDATE OR DELETE ON financing_record
        FOR EACH ROW EXECUTE FUNCTION financing_record_check();
      CREATE TRIGGER financing_record_never_truncated BEFORE TRUNCATE ON financing_record
        FOR EACH STATEMENT EXECUTE FUNCTION financing_record_check();

      -- A claim keeps its loan, lender and loss; a decided claim is final.
      CREATE FUNCTION compensation_claim_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          IF NEW.tenant_id IS DISTINCT FROM app_tenant_id() THEN
            RETURN NEW;
          END IF;
          IF NOT EXISTS (SELECT 1 FROM financing_record r
                          WHERE r.tenant_id = NEW.tenant_id AND r.id = NEW.financing_record_id
                            AND r.institution_id = NEW.institution_id AND r.form IN ${LOAN_FORMS}
                            AND r.registered_on IS NOT NULL) THEN
            RAISE EXCEPTION 'claim on % is not on a registered loan of institution %', NEW.financing_record_id,
              NEW.institution_id USING ERRCODE = '23514', HINT = 'NOT_A_REGISTERED_LOAN';
          END IF;
          RETURN NEW;
        END IF;
        IF OLD.state IN ('APPROVED', 'DECLINED', 'WITHDRAWN') THEN
          RAISE EXCEPTION 'claim % is final (%)', OLD.id, OLD.state USING ERRCODE = '55000';
        END IF;
        IF (NEW.tenant_id, NEW.financing_record_id, NEW.institution_id, NEW.dossier, NEW.filed_on, NEW.created_at,
            NEW.created_by)
           IS DISTINCT FROM
           (OLD.tenant_id, OLD.financing_record_id, OLD.institution_id, OLD.dossier, OLD.filed_on, OLD.created_at,
            OLD.created_by) THEN
          RAISE EXCEPTION 'claim % keeps its loan, lender and loss', OLD.id USING ERRCODE = '55000';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER compensation_claim_guard BEFORE INSERT OR UPDATE ON compensation_claim
        FOR EACH ROW EXECUTE FUNCTION compensation_claim_guard();

      -- The key every payout to one bank in one year of one bureau serialises on.
      CREATE FUNCTION compensation_ceiling_lock(p_institution uuid, p_year integer) RETURNS void
      LANGUAGE sql VOLATILE AS $$
        SELECT pg_advisory_xact_lock(hashtextextended(
          'compensation:' || app_tenant_id()::text || ':' || p_institution::text || ':' || p_year::text, 0))
      $$;

      -- The ledger's limit under concurrency: the lock first, then the year's sum.
      CREATE FUNCTION compensation_ledger_limits() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        v_paid numeric;
        v_claim compensation_claim;
      BEGIN
        IF NEW.tenant_id IS DISTINCT FROM app_tenant_id() THEN
          RETURN NEW;
        END IF;
        SELECT * INTO v_claim FROM compensation_claim c WHERE c.tenant_id = NEW.tenant_id AND c.id = NEW.claim_id;
        -- A claim the caller cannot read (or that does not exist): the foreign key refuses it.
        IF NOT FOUND THEN
          RETURN NEW;
        END IF;
        IF v_claim.state <> 'APPROVED' OR v_claim.amount_fen IS DISTINCT FROM NEW.amount_fen
           OR v_claim.institution_id IS DISTINCT FROM NEW.institution_id THEN
          RAISE EXCEPTION 'a payout is the approved amount of claim % to its lender', NEW.claim_id
            USING ERRCODE = '23514', HINT = 'NOT_THE_APPROVED_PAYOUT';
        END IF;
        PERFORM compensation_ceiling_lock(NEW.institution_id, NEW.ceiling_year);
        SELECT COALESCE(sum(amount_fen), 0) INTO v_paid FROM compensation_ledger_entry e
         WHERE e.tenant_id = NEW.tenant_id AND e.institution_id = NEW.institution_id
           AND e.ceiling_year = NEW.ceiling_year;
        IF v_paid + NEW.amount_fen > NEW.ceiling_fen THEN
          RAISE EXCEPTION 'payouts to institution % in % would reach % fen, past the ceiling of % fen',
            NEW.institution_id, NEW.ceiling_year, v_paid + NEW.amount_fen, NEW.ceiling_fen
            USING ERRCODE = '23514', HINT = 'ABOVE_YEARLY_CEILING';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER compensation_ledger_limits BEFORE INSERT ON compensation_ledger_entry
        FOR EACH ROW EXECUTE FUNCTION compensation_ledger_limits();

      CREATE FUNCTION compensation_ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the compensation ledger is append-only (%)', TG_OP USING ERRCODE = '55000';
      END $$;
      CREATE TRIGGER compensation_ledger_append_only BEFORE UPDATE OR DELETE ON compensation_ledger_entry
        FOR EACH ROW EXECUTE FUNCTION compensation_ledger_append_only();
      CREATE TRIGGER compensation_ledger_never_truncated BEFORE TRUNCATE ON compensation_ledger_entry
        FOR EACH STATEMENT EXECUTE FUNCTION compensation_ledger_append_only();

      -- Financing obtained by alliance enterprises, as sums: a city's own; the province's own and
      -- every one of its cities' (aggregates only, never a city's rows).
      GRANT SELECT ON financing_record TO xiangmeng_definer;
      CREATE POLICY definer_read ON financing_record FOR SELECT TO xiangmeng_definer USING (true);
      CREATE FUNCTION finance_statistics(p_year integer)
      RETURNS TABLE (tenant_id uuid, form text, institution_id uuid, year integer, records bigint, amount_fen bigint)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT r.tenant_id, r.form, r.institution_id, extract(year FROM r.granted_on)::integer,
               count(*), sum(r.amount_fen)::bigint
          FROM financing_record r
         WHERE app_is_staff()
           AND (r.tenant_id = app_tenant_id()
                OR r.tenant_id IN (SELECT t.id FROM tenant t WHERE t.parent_id = app_tenant_id()))
           AND (p_year IS NULL OR r.granted_on BETWEEN make_date(p_year, 1, 1) AND make_date(p_year, 12, 31))
         GROUP BY 1, 2, 3, 4
      $$;
      ALTER FUNCTION finance_statistics(integer) OWNER TO xiangmeng_definer;
      REVOKE ALL ON FUNCTION finance_statistics(integer) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION finance_statistics(integer) TO xiangmeng_app;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP FUNCTION finance_statistics(integer);
      DROP TABLE compensation_ledger_entry, compensation_claim, financing_record, financing_introduction,
                 financing_event, financing_need, finance_linkage_institution;
      DROP FUNCTION compensation_ledger_append_only(), compensation_ledger_limits(),
                    compensation_ceiling_lock(uuid, integer), compensation_claim_guard(), financing_record_check(),
                    financing_introduction_check(), financing_event_check(), financing_need_check(),
                    finance_linkage_institution_check(), finance_require_type(uuid, text[], text),
                    finance_need_visible_to(uuid, uuid, uuid, date), finance_is_member(uuid, uuid, uuid, date);
      ALTER TABLE organization DROP CONSTRAINT organization_type_check;
      ALTER TABLE organization ADD CONSTRAINT organization_type_check CHECK (type IN (
        'ENTERPRISE', 'UNIVERSITY', 'RESEARCH_INSTITUTE', 'INTERMEDIARY', 'BANK', 'VENTURE_CAPITAL', 'OTHER'));
    `);
  }
}
