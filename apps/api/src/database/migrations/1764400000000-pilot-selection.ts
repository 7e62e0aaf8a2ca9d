import type { MigrationInterface, QueryRunner } from 'typeorm';

// Pilot selection (Art. 9–13, 21): calls, applications, expert pools, panels, score sheets,
// public notice and decisions. One engine for the province's calls and each city's own.
//
// Who owns what: an application is the alliance's home city's row (tenant_id); the authority that
// published the call reads and acts on it from the moment it was recommended (recommended_at).
// Expert pools, panels, score sheets and objections belong to the authority. An expert account
// reads only the applications it is assigned to, only while the assignment stands.
export class PilotSelection1764400000000 implements MigrationInterface {
  name = 'PilotSelection1764400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      -- Officers and admins of a tier; an EXPERT account is not staff and sees only its assignments.
      CREATE FUNCTION app_is_staff() RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT app_has_role('PROVINCE_ADMIN') OR app_has_role('PROVINCE_OFFICER')
            OR app_has_role('CITY_ADMIN') OR app_has_role('CITY_OFFICER')
      $$;

      ALTER TABLE alliance
        ADD COLUMN pilot_since date,
        ADD COLUMN pilot_call_id uuid,
        ADD COLUMN pilot_application_id uuid;

      CREATE TABLE pilot_call (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        kind text NOT NULL DEFAULT 'PILOT' CHECK (kind IN ('PILOT')),
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 4 AND 200),
        description text NOT NULL DEFAULT '' CHECK (length(description) <= 5000),
        opens_at timestamptz NOT NULL,
        closes_at timestamptz NOT NULL,
        -- Deadlines of the recommending units and of the authority's review: the work lists flag
        -- what is overdue against them.
        recommend_by timestamptz NOT NULL,
        decide_by timestamptz NOT NULL,
        -- The measures version the call applies (the authority's own, or the province's when a
        -- city has none in force). Not a foreign key: it may be the parent tier's row.
        measures_tenant_id uuid NOT NULL REFERENCES tenant (id),
        measures_id uuid NOT NULL,
        measures_version_no integer NOT NULL CHECK (measures_version_no > 0),
        required_documents text[] NOT NULL DEFAULT '{}'
          CHECK (required_documents <@ ARRAY['FEASIBILITY_REPORT', 'AGREEMENT_SCAN', 'ATTACHMENT']),
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'PUBLISHED')),
        published_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        created_by uuid,
        UNIQUE (tenant_id, id),
        CHECK (closes_at > opens_at),
        CHECK (recommend_by >= closes_at),
        CHECK (decide_by >= recommend_by),
        CHECK ((status = 'PUBLISHED') = (published_at IS NOT NULL))
      );
      CREATE INDEX pilot_call_list ON pilot_call (tenant_id, status, opens_at DESC);

      CREATE TABLE pilot_application (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        alliance_id uuid NOT NULL,
        call_id uuid NOT NULL,
        -- The tier that published the call and decides; the bureau that recommends (Art. 10).
        authority_tenant_id uuid NOT NULL REFERENCES tenant (id),
        recommending_tenant_id uuid NOT NULL REFERENCES tenant (id),
        level text NOT NULL CHECK (level IN ('PROVINCIAL', 'CITY')),
        state text NOT NULL DEFAULT 'DRAFT' CHECK (state IN ('DRAFT', 'SUBMITTED', 'RECOMMENDED', 'ACCEPTED',
          'IN_REVIEW', 'REVIEWED', 'PUBLICISED', 'APPROVED', 'DECLINED', 'RETURNED', 'NOT_RECOMMENDED', 'WITHDRAWN')),
        version integer NOT NULL DEFAULT 1,
        -- The application form (申报书), editable only in DRAFT and RETURNED.
        goals text NOT NULL DEFAULT '' CHECK (length(goals) <= 5000),
        work_plan text NOT NULL DEFAULT '' CHECK (length(work_plan) <= 10000),
        budget_fen bigint NOT NULL DEFAULT 0 CHECK (budget_fen BETWEEN 0 AND 100000000000000),
        own_investment_fen bigint NOT NULL DEFAULT 0 CHECK (own_investment_fen BETWEEN 0 AND 100000000000000),
        expected_results text NOT NULL DEFAULT '' CHECK (length(expected_results) <= 5000),
        contact_name text NOT NULL DEFAULT '' CHECK (length(contact_name) <= 40),
        contact_phone text NOT NULL DEFAULT '' CHECK (length(contact_phone) <= 40),
        feasibility_document_id uuid,
        -- The dossier as submitted (alliance basics, members, agreement in effect, the Art. 8 check
        -- and the measures version): what the recommender, the authority and the experts read.
        dossier jsonb,
        member_organization_ids uuid[] NOT NULL DEFAULT '{}',
        submitted_at timestamptz,
        submitted_by uuid,
        recommended_at timestamptz,
        recommended_by uuid,
        recommendation_opinion text,
        accepted_at timestamptz,
        review_started_at timestamptz,
        reviewed_at timestamptz,
        notice_starts_on date,
        notice_ends_on date,
        decided_at timestamptz,
        decided_by uuid,
        decision_reason text,
        decision_basis jsonb,
        -- The reason given with the latest return, refusal to recommend or withdrawal.
        last_reason text,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        created_by uuid,
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, id),
        FOREIGN KEY (tenant_id, alliance_id) REFERENCES alliance (tenant_id, id),
        FOREIGN KEY (tenant_id, feasibility_document_id) REFERENCES document (tenant_id, id),
        CHECK ((level = 'CITY') = (authority_tenant_id = tenant_id)),
        CHECK (recommended_at IS NULL OR submitted_at IS NOT NULL),
        -- What was submitted is kept as it was: whoever reads it later reads the dossier.
        CHECK (submitted_at IS NULL OR dossier IS NOT NULL),
        CHECK (state NOT IN ('RECOMMENDED', 'ACCEPTED', 'IN_REVIEW', 'REVIEWED', 'PUBLICISED', 'APPROVED', 'DECLINED')
               OR recommended_at IS NOT NULL),
        CHECK (state NOT IN ('APPROVED', 'DECLINED') OR (decided_at IS NOT NULL AND decision_reason IS NOT NULL)),
        CHECK (notice_ends_on IS NULL OR notice_ends_on >= notice_starts_on)
      );
      -- One live application per alliance and call.
      CREATE UNIQUE INDEX pilot_application_live ON pilot_application (tenant_id, call_id, alliance_id)
        WHERE state NOT IN ('WITHDRAWN', 'NOT_RECOMMENDED', 'DECLINED');
      CREATE INDEX pilot_application_list ON pilot_application (tenant_id, state, created_at DESC);
      CREATE INDEX pilot_application_alliance ON pilot_application (tenant_id, alliance_id);
      CREATE INDEX pilot_application_received ON pilot_application (authority_tenant_id, call_id, state)
        WHERE recommended_at IS NOT NULL;

      -- Attachments of the dossier: documents of the alliance's register.
      CREATE TABLE pilot_application_document (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        application_id uuid NOT NULL,
        document_id uuid NOT NULL,
        attached_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, application_id, document_id),
        FOREIGN KEY (tenant_id, application_id) REFERENCES pilot_application (tenant_id, id),
        FOREIGN KEY (tenant_id, document_id) REFERENCES document (tenant_id, id)
      );
      CREATE INDEX pilot_application_document_document ON pilot_application_document (tenant_id, document_id);

      CREATE TABLE expert (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        -- The account the expert signs in with (EXPERT role), when they have one.
        user_id uuid,
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 40),
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 60),
        domains text[] NOT NULL CHECK (cardinality(domains) BETWEEN 1 AND 20),
        available boolean NOT NULL DEFAULT true,
        unavailable_reason text NOT NULL DEFAULT '' CHECK (length(unavailable_reason) <= 200),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        created_by uuid,
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, id),
        UNIQUE (tenant_id, user_id),
        FOREIGN KEY (tenant_id, user_id) REFERENCES app_user (tenant_id, id)
      );
      CREATE INDEX expert_list ON expert (tenant_id, name);

      -- An expert's ties to organizations of the directory, or to a bureau (a recommending unit).
      CREATE TABLE expert_affiliation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        expert_id uuid NOT NULL,
        organization_id uuid REFERENCES organization (id),
        bureau_tenant_id uuid REFERENCES tenant (id),
        position text NOT NULL DEFAULT '' CHECK (length(position) <= 60),
        UNIQUE (tenant_id, id),
        FOREIGN KEY (tenant_id, expert_id) REFERENCES expert (tenant_id, id),
        CHECK ((organization_id IS NULL) <> (bureau_tenant_id IS NULL))
      );
      CREATE UNIQUE INDEX expert_affiliation_once ON expert_affiliation
        (tenant_id, expert_id, coalesce(organization_id, bureau_tenant_id));

      CREATE TABLE expert_conflict (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        expert_id uuid NOT NULL,
        organization_id uuid REFERENCES organization (id),
        bureau_tenant_id uuid REFERENCES tenant (id),
        reason text NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 200),
        declared_on date NOT NULL,
        UNIQUE (tenant_id, id),
        FOREIGN KEY (tenant_id, expert_id) REFERENCES expert (tenant_id, id),
        CHECK ((organization_id IS NULL) <> (bureau_tenant_id IS NULL))
      );
      CREATE UNIQUE INDEX expert_conflict_once ON expert_conflict
        (tenant_id, expert_id, coalesce(organization_id, bureau_tenant_id));

      -- A panel seat. The application is another tenant's row when the call is the province's, so
      -- it is named by (application_tenant_id, application_id) and checked by a trigger.
      CREATE TABLE expert_assignment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        application_id uuid NOT NULL,
        application_tenant_id uuid NOT NULL REFERENCES tenant (id),
        expert_id uuid NOT NULL,
        expert_user_id uuid,
        review_year integer NOT NULL CHECK (review_year BETWEEN 2000 AND 2100),
        assigned_at timestamptz NOT NULL DEFAULT now(),
        assigned_by uuid,
        withdrawn_at timestamptz,
        withdrawn_by uuid,
        withdrawal_reason text CHECK (length(btrim(withdrawal_reason)) BETWEEN 1 AND 500),
        UNIQUE (tenant_id, id),
        FOREIGN KEY (tenant_id, expert_id) REFERENCES expert (tenant_id, id),
        FOREIGN KEY (tenant_id, expert_user_id) REFERENCES app_user (tenant_id, id),
        CHECK ((withdrawn_at IS NULL) = (withdrawal_reason IS NULL))
      );
      CREATE UNIQUE INDEX expert_assignment_seat ON expert_assignment (tenant_id, application_id, expert_id)
        WHERE withdrawn_at IS NULL;
      CREATE INDEX expert_assignment_application ON expert_assignment (tenant_id, application_id);
      CREATE INDEX expert_assignment_load ON expert_assignment (tenant_id, expert_id, review_year);
      CREATE INDEX expert_assignment_user ON expert_assignment (tenant_id, expert_user_id) WHERE withdrawn_at IS NULL;

      -- One score sheet per panel seat: the eight criteria of Art. 11, 0–100 each.
      CREATE TABLE review_sheet (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        assignment_id uuid NOT NULL,
        application_id uuid NOT NULL,
        expert_id uuid NOT NULL,
        expert_user_id uuid,
        scores jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(scores) = 'object'),
        comments jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(comments) = 'object'),
        overall_opinion text NOT NULL DEFAULT '' CHECK (length(overall_opinion) <= 5000),
        recommendation text CHECK (recommendation IN ('SUPPORT', 'SUPPORT_WITH_CHANGES', 'OPPOSE')),
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'SUBMITTED')),
        submitted_at timestamptz,
        reopened_at timestamptz,
        reopened_by uuid,
        reopen_reason text CHECK (length(btrim(reopen_reason)) BETWEEN 1 AND 500),
        version integer NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, id),
        UNIQUE (tenant_id, assignment_id),
        FOREIGN KEY (tenant_id, assignment_id) REFERENCES expert_assignment (tenant_id, id),
        FOREIGN KEY (tenant_id, expert_id) REFERENCES expert (tenant_id, id),
        CHECK ((status = 'SUBMITTED') = (submitted_at IS NOT NULL)),
        CHECK (status = 'DRAFT' OR recommendation IS NOT NULL)
      );
      CREATE INDEX review_sheet_application ON review_sheet (tenant_id, application_id);
      CREATE INDEX review_sheet_user ON review_sheet (tenant_id, expert_user_id);

      -- Objections received during public notice (公示), and the authority's answers.
      CREATE TABLE pilot_objection (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        application_id uuid NOT NULL,
        application_tenant_id uuid NOT NULL REFERENCES tenant (id),
        received_on date NOT NULL,
        objector text NOT NULL CHECK (length(btrim(objector)) BETWEEN 1 AND 100),
        content text NOT NULL CHECK (length(btrim(content)) BETWEEN 1 AND 5000),
        answer text CHECK (length(btrim(answer)) BETWEEN 1 AND 5000),
        answered_at timestamptz,
        answered_by uuid,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        recorded_by uuid,
        UNIQUE (tenant_id, id),
        CHECK ((answer IS NULL) = (answered_at IS NULL))
      );
      CREATE INDEX pilot_objection_application ON pilot_objection (tenant_id, application_id);

      -- Each authority's public list of its confirmed pilots (Art. 13); the province's is read by
      -- every city. Written by the approval itself (trigger below), never by hand.
      CREATE TABLE confirmed_pilot (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        application_id uuid NOT NULL,
        alliance_id uuid NOT NULL,
        alliance_tenant_id uuid NOT NULL REFERENCES tenant (id),
        alliance_name text NOT NULL,
        industry_code text NOT NULL REFERENCES industry (code),
        call_id uuid NOT NULL,
        level text NOT NULL CHECK (level IN ('PROVINCIAL', 'CITY')),
        confirmed_on date NOT NULL,
        PRIMARY KEY (tenant_id, application_id),
        FOREIGN KEY (tenant_id, call_id) REFERENCES pilot_call (tenant_id, id)
      );
      CREATE INDEX confirmed_pilot_list ON confirmed_pilot (tenant_id, confirmed_on DESC);
    `);

    for (const table of ['pilot_call', 'expert', 'expert_affiliation', 'expert_conflict', 'expert_assignment',
      'review_sheet', 'pilot_objection', 'pilot_application', 'pilot_application_document', 'confirmed_pilot']) {
      await db.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY; ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;`);
    }

    await db.query(`
      -- Calls: the authority's staff keep them; a child tier reads what its parent published.
      CREATE POLICY tenant_staff ON pilot_call
        USING (tenant_id = (SELECT app_tenant_id()) AND (SELECT app_is_staff()))
        WITH CHECK (tenant_id = (SELECT app_tenant_id()) AND (SELECT app_is_staff()));
      CREATE POLICY parent_published ON pilot_call FOR SELECT
        USING (status = 'PUBLISHED' AND tenant_id = (SELECT parent_id FROM tenant WHERE id = (SELECT app_tenant_id())));
      -- An expert reads the calls of the applications they are assigned to (which the application's
      -- own policy decides).
      CREATE POLICY assigned_expert ON pilot_call FOR SELECT
        USING (tenant_id = (SELECT app_tenant_id()) AND NOT (SELECT app_is_staff())
               AND id IN (SELECT a.call_id FROM pilot_application a));
      GRANT SELECT, INSERT ON pilot_call TO xiangmeng_app;
      GRANT UPDATE (title, description, opens_at, closes_at, recommend_by, decide_by, measures_tenant_id, measures_id,
                    measures_version_no, required_documents, status, published_at, version) ON pilot_call TO xiangmeng_app;

      -- Applications: the home city's staff; the authority's staff once recommended; an expert
      -- while assigned (read only).
      CREATE POLICY home_staff ON pilot_application
        USING (tenant_id = (SELECT app_tenant_id()) AND (SELECT app_is_staff()))
        WITH CHECK (tenant_id = (SELECT app_tenant_id()) AND (SELECT app_is_staff()));
      CREATE POLICY authority_reads ON pilot_application FOR SELECT
        USING (authority_tenant_id = (SELECT app_tenant_id()) AND recommended_at IS NOT NULL AND (SELECT app_is_staff()));
      CREATE POLICY authority_acts ON pilot_application FOR UPDATE
        USING (authority_tenant_id = (SELECT app_tenant_id()) AND recommended_at IS NOT NULL AND (SELECT app_is_staff()))
        WITH CHECK (authority_tenant_id = (SELECT app_tenant_id()) AND recommended_at IS NOT NULL);
      CREATE POLICY assigned_expert ON pilot_application FOR SELECT
        USING (id IN (SELECT x.application_id FROM expert_assignment x
                      WHERE x.tenant_id = (SELECT app_tenant_id()) AND x.expert_user_id = (SELECT app_user_id())
                        AND x.withdrawn_at IS NULL));
      GRANT SELECT, INSERT, UPDATE ON pilot_application TO xiangmeng_app;

      -- Attachments and their documents follow the application they belong to.
      CREATE POLICY home_staff ON pilot_application_document
        USING (tenant_id = (SELECT app_tenant_id()) AND (SELECT app_is_staff()))
        WITH CHECK (tenant_id = (SELECT app_tenant_id()) AND (SELECT app_is_staff()));
      -- Others (the authority's staff, an assigned expert) read an attachment exactly when they
      -- read its application; the document's own row follows its attachment.
      CREATE POLICY with_application ON pilot_application_document FOR SELECT
        USING ((tenant_id <> (SELECT app_tenant_id()) OR NOT (SELECT app_is_staff())) AND EXISTS (
          SELECT 1 FROM pilot_application a WHERE a.tenant_id = pilot_application_document.tenant_id
            AND a.id = pilot_application_document.application_id));
      GRANT SELECT, INSERT, DELETE ON pilot_application_document TO xiangmeng_app;
      CREATE POLICY attached_to_application ON document FOR SELECT
        USING ((tenant_id <> (SELECT app_tenant_id()) OR NOT (SELECT app_is_staff())) AND EXISTS (
          SELECT 1 FROM pilot_application_document d WHERE d.tenant_id = document.tenant_id AND d.document_id = document.id));

      -- The pool, panels, sheets and objections: the authority's staff; an expert reads their own.
      CREATE POLICY tenant_staff ON expert
        USING (tenant_id = (SELECT app_tenant_id()) AND (SELECT app_is_staff()))
        WITH CHECK (tenant_id = (SELECT app_tenant_id()) AND (SELECT app_is_staff()));
      CREATE POLICY own_profile ON expert FOR SELECT
        USING (tenant_id = (SELECT app_tenant_id()) AND user_id = (SELECT app_user_id()));
      GRANT SELECT, INSERT ON expert TO xiangmeng_app;
      GRANT UPDATE (name, title, domains, available, unavailable_reason, user_id, version, updated_at) ON expert TO xiangmeng_app;

      CREATE POLICY tenant_staff ON expert_affiliation
        USING (tenant_id = (SELECT app_tenant_id()) AND (SELECT app_is_staff()))
        WITH CHECK (tenant_id = (SELECT app_tenant_id()) AND (SELECT app_is_staff()));
      CREATE POLICY tenant_staff ON expert_conflict
        USING (tenant_id = (SELECT app_tenant_id()) AND (SELECT app_is_staff()))
        WITH CHECK (tenant_id = (SELECT app_tenant_id()) AND (SELECT app_is_staff()));
      -- Ties change by replacing the list; a declared conflict is history, never deleted.
      GRANT SELECT, INSERT, DELETE ON expert_affiliation TO xiangmeng_app;
      GRANT SELECT, INSERT ON expert_conflict TO xiangmeng_app;

      CREATE POLICY tenant_staff ON expert_assignment
        USING (tenant_id = (SELECT app_tenant_id()) AND (SELECT app_is_staff()))
        WITH CHECK (tenant_id = (SELECT app_tenant_id()) AND (SELECT app_is_staff()));
      CREATE POLICY own_seat ON expert_assignment FOR SELECT
        USING (tenant_id = (SELECT app_tenant_id()) AND expert_user_id = (SELECT app_user_id()));
      GRANT SELECT, INSERT ON expert_assignment TO xiangmeng_app;
      GRANT UPDATE (withdrawn_at, withdrawn_by, withdrawal_reason) ON expert_assignment TO xiangmeng_app;

      -- A sheet belongs to the seat it names: same expert, account and application.
      CREATE POLICY tenant_staff ON review_sheet
        USING (tenant_id = (SELECT app_tenant_id()) AND (SELECT app_is_staff()))
        WITH CHECK (tenant_id = (SELECT app_tenant_id()) AND (SELECT app_is_staff()) AND EXISTS (
          SELECT 1 FROM expert_assignment x WHERE x.tenant_id = review_sheet.tenant_id AND x.id = review_sheet.assignment_id
            AND x.expert_id = review_sheet.expert_id AND x.application_id = review_sheet.application_id
            AND x.expert_user_id IS NOT DISTINCT FROM review_sheet.expert_user_id));
      -- An expert reads their sheets; they write only while their seat stands.
      CREATE POLICY own_sheet ON review_sheet FOR SELECT
        USING (tenant_id = (SELECT app_tenant_id()) AND expert_user_id = (SELECT app_user_id()));
      CREATE POLICY own_sheet_insert ON review_sheet FOR INSERT
        WITH CHECK (tenant_id = (SELECT app_tenant_id()) AND expert_user_id = (SELECT app_user_id()) AND EXISTS (
          SELECT 1 FROM expert_assignment x WHERE x.tenant_id = review_sheet.tenant_id AND x.id = review_sheet.assignment_id
            AND x.expert_id = review_sheet.expert_id AND x.application_id = review_sheet.application_id
            AND x.expert_user_id = review_sheet.expert_user_id AND x.withdrawn_at IS NULL));
      CREATE POLICY own_sheet_update ON review_sheet FOR UPDATE
        USING (tenant_id = (SELECT app_tenant_id()) AND expert_user_id = (SELECT app_user_id()) AND EXISTS (
          SELECT 1 FROM expert_assignment x WHERE x.tenant_id = review_sheet.tenant_id AND x.id = review_sheet.assignment_id
            AND x.withdrawn_at IS NULL))
        WITH CHECK (tenant_id = (SELECT app_tenant_id()) AND expert_user_id = (SELECT app_user_id()) AND EXISTS (
          SELECT 1 FROM expert_assignment x WHERE x.tenant_id = review_sheet.tenant_id AND x.id = review_sheet.assignment_id
            AND x.expert_id = review_sheet.expert_id AND x.application_id = review_sheet.application_id
            AND x.expert_user_id = review_sheet.expert_user_id AND x.withdrawn_at IS NULL));
      GRANT SELECT, INSERT ON review_sheet TO xiangmeng_app;
      GRANT UPDATE (scores, comments, overall_opinion, recommendation, status, submitted_at, reopened_at, reopened_by,
                    reopen_reason, version, updated_at) ON review_sheet TO xiangmeng_app;

      CREATE POLICY tenant_staff ON pilot_objection
        USING (tenant_id = (SELECT app_tenant_id()) AND (SELECT app_is_staff()))
        WITH CHECK (tenant_id = (SELECT app_tenant_id()) AND (SELECT app_is_staff()));
      GRANT SELECT, INSERT ON pilot_objection TO xiangmeng_app;
      GRANT UPDATE (answer, answered_at, answered_by) ON pilot_objection TO xiangmeng_app;

      CREATE POLICY own_list ON confirmed_pilot FOR SELECT USING (tenant_id = (SELECT app_tenant_id()));
      CREATE POLICY parent_list ON confirmed_pilot FOR SELECT
        USING (tenant_id = (SELECT parent_id FROM tenant WHERE id = (SELECT app_tenant_id())));
      GRANT SELECT ON confirmed_pilot TO xiangmeng_app;
    `);

    await db.query(`
      -- A published call is a rule in force for its applicants: it never changes again.
      CREATE FUNCTION pilot_call_published_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status = 'PUBLISHED' THEN
          RAISE EXCEPTION 'pilot call % is published and cannot change', OLD.id USING ERRCODE = '55000';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER pilot_call_published_is_final BEFORE UPDATE ON pilot_call
        FOR EACH ROW EXECUTE FUNCTION pilot_call_published_is_final();

      -- The form is the applicant side's, and only while it is with them; the authority acts on a
      -- city's application through its workflow columns only; the moment it was sent up stays.
      CREATE FUNCTION pilot_application_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        form_changed boolean := (NEW.goals, NEW.work_plan, NEW.budget_fen, NEW.own_investment_fen, NEW.expected_results,
                                 NEW.contact_name, NEW.contact_phone, NEW.feasibility_document_id)
                                IS DISTINCT FROM
                                (OLD.goals, OLD.work_plan, OLD.budget_fen, OLD.own_investment_fen, OLD.expected_results,
                                 OLD.contact_name, OLD.contact_phone, OLD.feasibility_document_id);
      BEGIN
        IF (NEW.tenant_id, NEW.alliance_id, NEW.call_id, NEW.authority_tenant_id, NEW.recommending_tenant_id, NEW.level,
            NEW.created_at, NEW.created_by)
           IS DISTINCT FROM
           (OLD.tenant_id, OLD.alliance_id, OLD.call_id, OLD.authority_tenant_id, OLD.recommending_tenant_id, OLD.level,
            OLD.created_at, OLD.created_by) THEN
          RAISE EXCEPTION 'pilot application % cannot change its alliance, call or parties', OLD.id USING ERRCODE = '55000';
        END IF;
        IF form_changed AND OLD.state NOT IN ('DRAFT', 'RETURNED') THEN
          RAISE EXCEPTION 'pilot application % is not with the applicant side', OLD.id USING ERRCODE = '55000';
        END IF;
        IF OLD.tenant_id IS DISTINCT FROM app_tenant_id() AND (form_changed
           OR (NEW.dossier, NEW.member_organization_ids, NEW.submitted_at, NEW.submitted_by, NEW.recommended_by,
               NEW.recommendation_opinion)
              IS DISTINCT FROM
              (OLD.dossier, OLD.member_organization_ids, OLD.submitted_at, OLD.submitted_by, OLD.recommended_by,
               OLD.recommendation_opinion)) THEN
          RAISE EXCEPTION 'pilot application % belongs to another tier', OLD.id USING ERRCODE = '42501';
        END IF;
        IF OLD.recommended_at IS NOT NULL AND NEW.recommended_at IS NULL THEN
          RAISE EXCEPTION 'pilot application % was sent up and stays so', OLD.id USING ERRCODE = '55000';
        END IF;
        IF OLD.state IN ('APPROVED', 'DECLINED', 'NOT_RECOMMENDED', 'WITHDRAWN') THEN
          RAISE EXCEPTION 'pilot application % is closed', OLD.id USING ERRCODE = '55000';
        END IF;
        NEW.updated_at := now();
        RETURN NEW;
      END $$;
      CREATE TRIGGER pilot_application_guard BEFORE UPDATE ON pilot_application
        FOR EACH ROW EXECUTE FUNCTION pilot_application_guard();

      -- A submitted score sheet is locked: only the authority's staff reopen it, with a reason,
      -- and nobody but its expert changes its scores.
      CREATE FUNCTION review_sheet_lock() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        content_changed boolean := (NEW.scores, NEW.comments, NEW.overall_opinion, NEW.recommendation)
                                   IS DISTINCT FROM (OLD.scores, OLD.comments, OLD.overall_opinion, OLD.recommendation);
      BEGIN
        IF OLD.status = 'SUBMITTED' AND NOT (NEW.status = 'DRAFT' AND NOT content_changed AND app_is_staff()
                                             AND NEW.reopen_reason IS NOT NULL AND NEW.reopened_at IS NOT NULL) THEN
          RAISE EXCEPTION 'review sheet % is submitted and locked', OLD.id USING ERRCODE = '55000';
        END IF;
        IF content_changed AND OLD.expert_user_id IS DISTINCT FROM app_user_id() THEN
          RAISE EXCEPTION 'review sheet % is scored by its expert only', OLD.id USING ERRCODE = '42501';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER review_sheet_lock BEFORE UPDATE ON review_sheet
        FOR EACH ROW EXECUTE FUNCTION review_sheet_lock();
    `);

    // Definer functions: each reads across tenants for one purpose and checks the caller itself.
    await db.query(`
      GRANT SELECT ON pilot_application, alliance_member, expert, expert_affiliation, expert_conflict,
                      expert_assignment, app_user TO xiangmeng_definer;
      GRANT UPDATE (pilot_status, pilot_since, pilot_call_id, pilot_application_id, version, updated_at)
        ON alliance TO xiangmeng_definer;
      GRANT INSERT ON confirmed_pilot TO xiangmeng_definer;
      CREATE POLICY definer_read ON pilot_application FOR SELECT TO xiangmeng_definer USING (true);
      CREATE POLICY definer_read ON alliance_member FOR SELECT TO xiangmeng_definer USING (true);
      CREATE POLICY definer_read ON expert FOR SELECT TO xiangmeng_definer USING (true);
      CREATE POLICY definer_read ON expert_affiliation FOR SELECT TO xiangmeng_definer USING (true);
      CREATE POLICY definer_read ON expert_conflict FOR SELECT TO xiangmeng_definer USING (true);
      CREATE POLICY definer_read ON expert_assignment FOR SELECT TO xiangmeng_definer USING (true);
      CREATE POLICY definer_confirm ON alliance FOR UPDATE TO xiangmeng_definer USING (true) WITH CHECK (true);
      CREATE POLICY definer_confirm ON confirmed_pilot FOR INSERT TO xiangmeng_definer WITH CHECK (true);

      -- Conflicts of interest (Art. 11), enforced whatever the caller: an expert tied to a current
      -- member of the alliance or to the recommending unit, or who declared a conflict with any of
      -- them, never takes a seat; and at most one seat per organization on a panel.
      CREATE FUNCTION expert_assignment_conflicts() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        v_app pilot_application;
        v_tie uuid;
      BEGIN
        IF NEW.withdrawn_at IS NOT NULL THEN
          RETURN NEW;
        END IF;
        SELECT * INTO v_app FROM pilot_application
          WHERE tenant_id = NEW.application_tenant_id AND id = NEW.application_id;
        IF NOT FOUND OR v_app.authority_tenant_id <> NEW.tenant_id OR v_app.recommended_at IS NULL
           OR NEW.tenant_id IS DISTINCT FROM app_tenant_id() THEN
          RAISE EXCEPTION 'no such application %', NEW.application_id USING ERRCODE = '23503';
        END IF;
        IF NOT EXISTS (SELECT 1 FROM expert e WHERE e.tenant_id = NEW.tenant_id AND e.id = NEW.expert_id
                         AND e.user_id IS NOT DISTINCT FROM NEW.expert_user_id) THEN
          RAISE EXCEPTION 'seat % names another account than the expert''s', NEW.id USING ERRCODE = '23514';
        END IF;
        WITH involved AS (
          SELECT m.organization_id AS org, NULL::uuid AS bureau FROM alliance_member m
            WHERE m.tenant_id = v_app.tenant_id AND m.alliance_id = v_app.alliance_id AND m.exited_on IS NULL
          UNION SELECT unnest(v_app.member_organization_ids), NULL
          UNION SELECT NULL, v_app.recommending_tenant_id
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
      END $$;
      ALTER FUNCTION expert_assignment_conflicts() OWNER TO xiangmeng_definer;
      REVOKE ALL ON FUNCTION expert_assignment_conflicts() FROM PUBLIC;
      CREATE TRIGGER expert_assignment_conflicts BEFORE INSERT OR UPDATE ON expert_assignment
        FOR EACH ROW EXECUTE FUNCTION expert_assignment_conflicts();

      -- Approval is what makes an alliance a pilot (Art. 13): its status, date and call, and the
      -- authority's public list, in the decision's own transaction.
      CREATE FUNCTION pilot_application_confirm() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        v_on date := (NEW.decided_at AT TIME ZONE 'Asia/Shanghai')::date;
      BEGIN
        IF NEW.state <> 'APPROVED' OR OLD.state = 'APPROVED' THEN
          RETURN NEW;
        END IF;
        -- A provincial pilot stays one, with its own date and call, when a city also confirms it.
        UPDATE alliance SET
          pilot_status = CASE WHEN NEW.level = 'PROVINCIAL' THEN 'PROVINCIAL_PILOT' ELSE 'CITY_PILOT' END,
          pilot_since = v_on, pilot_call_id = NEW.call_id, pilot_application_id = NEW.id,
          version = version + 1, updated_at = now()
        WHERE tenant_id = NEW.tenant_id AND id = NEW.alliance_id
          AND (NEW.level = 'PROVINCIAL' OR pilot_status <> 'PROVINCIAL_PILOT');
        INSERT INTO confirmed_pilot (tenant_id, application_id, alliance_id, alliance_tenant_id, alliance_name,
                                     industry_code, call_id, level, confirmed_on)
        SELECT NEW.authority_tenant_id, NEW.id, a.id, a.tenant_id, a.name, a.industry_code, NEW.call_id, NEW.level, v_on
        FROM alliance a WHERE a.tenant_id = NEW.tenant_id AND a.id = NEW.alliance_id;
        RETURN NEW;
      END $$;
      GRANT SELECT ON alliance TO xiangmeng_definer;
      ALTER FUNCTION pilot_application_confirm() OWNER TO xiangmeng_definer;
      REVOKE ALL ON FUNCTION pilot_application_confirm() FROM PUBLIC;
      CREATE TRIGGER pilot_application_confirm AFTER UPDATE OF state ON pilot_application
        FOR EACH ROW EXECUTE FUNCTION pilot_application_confirm();

      -- An application's timeline from the audit chains of its home city and its authority: the
      -- workflow's own events, for those who may read the application.
      CREATE FUNCTION pilot_application_timeline(p_application_id uuid)
      RETURNS TABLE (occurred_at timestamptz, tenant_id uuid, actor_user_id uuid, actor_name text, action text,
                     after jsonb)
      LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        v_app pilot_application;
      BEGIN
        SELECT * INTO v_app FROM pilot_application a WHERE a.id = p_application_id;
        IF NOT FOUND OR NOT app_is_staff() OR NOT (v_app.tenant_id = app_tenant_id()
           OR (v_app.authority_tenant_id = app_tenant_id() AND v_app.recommended_at IS NOT NULL)) THEN
          RETURN;
        END IF;
        RETURN QUERY
          SELECT e.occurred_at, e.tenant_id, e.actor_user_id, u.display_name, e.action, e.after
          FROM audit_event e LEFT JOIN app_user u ON u.tenant_id = e.tenant_id AND u.id = e.actor_user_id
          WHERE e.tenant_id IN (v_app.tenant_id, v_app.authority_tenant_id)
            AND e.subject_type = 'pilot_application' AND e.subject_id = p_application_id::text
          ORDER BY e.occurred_at, e.tenant_id, e.seq;
      END $$;
      CREATE POLICY definer_read ON audit_event FOR SELECT TO xiangmeng_definer USING (true);
      ALTER FUNCTION pilot_application_timeline(uuid) OWNER TO xiangmeng_definer;
      REVOKE ALL ON FUNCTION pilot_application_timeline(uuid) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION pilot_application_timeline(uuid) TO xiangmeng_app;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP POLICY definer_read ON audit_event;
      DROP FUNCTION pilot_application_timeline(uuid);
      DROP POLICY attached_to_application ON document;
      DROP POLICY definer_confirm ON alliance;
      DROP POLICY definer_read ON alliance_member;
      REVOKE UPDATE (pilot_status, pilot_since, pilot_call_id, pilot_application_id, version, updated_at)
        ON alliance FROM xiangmeng_definer;
      REVOKE SELECT ON alliance_member FROM xiangmeng_definer;
      DROP TABLE confirmed_pilot, pilot_objection, review_sheet, expert_assignment, expert_conflict, expert_affiliation,
                 expert, pilot_application_document, pilot_application, pilot_call;
      DROP FUNCTION pilot_application_confirm();
      DROP FUNCTION expert_assignment_conflicts();
      DROP FUNCTION review_sheet_lock();
      DROP FUNCTION pilot_application_guard();
      DROP FUNCTION pilot_call_published_is_final();
      ALTER TABLE alliance DROP COLUMN pilot_since, DROP COLUMN pilot_call_id, DROP COLUMN pilot_application_id;
      DROP FUNCTION app_is_staff();
    `);
  }
}
