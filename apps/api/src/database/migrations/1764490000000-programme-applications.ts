import type { MigrationInterface, QueryRunner } from 'typeorm';

// Programme calls, prior investment and programme applications (Art. 14, 18, 20; issue 11).
//
// Calls: a programme's call is a row of pilot_call with kind 'PROGRAMME' and its programme_id,
// not a table of its own. The call machinery — the window, the deadlines, the required
// documents, the measures version, publishing once by an admin, the parent tier reading what was
// published, the deadline reminders and expert review reading the call's measures — is one
// thing for every kind of application; a second table would copy each of those and each policy.
// A programme call names a published programme of its own tenant (a key and a trigger say so).
//
// Prior investment (先行投入): the alliance's home bureau declares it with evidence documents to
// the authority that will verify it (the province for its programmes, the city for its own). A
// declaration never changes; the authority's verification is written onto it once (the amount
// accepted, at most the declared one, with a reason when lower) and never changes either. Only
// verified amounts count. The row is the home bureau's; the authority reads and verifies it as
// it does a pilot application sent up to it (one row, two parties, column grants).
//
// Programme applications have the tenancy of pilot applications: the row is the home bureau's
// (it enters the dossier; for the province's programmes it is also the recommending unit); the
// authority reads and acts on it once it was recommended (sent upward); an assigned expert reads
// it while seated. The awards of one programme never pass its budget: the API sums them under an
// advisory lock of the programme, and a trigger takes the same lock and checks the same sum.

const TENANT = `tenant_id = (SELECT app_tenant_id())`;
const STAFF = `(SELECT app_is_staff())`;
const MAX_FEN = '100000000000000';
const PILOT_DOCUMENTS = `ARRAY['FEASIBILITY_REPORT', 'AGREEMENT_SCAN', 'ATTACHMENT']`;
// packages/domain programme-kinds.ts ProgrammeDocumentKind.
const PROGRAMME_DOCUMENTS = `ARRAY['APPLICATION_FORM', 'COMMITMENT_LETTER', 'ALLIANCE_AGREEMENT', 'BUDGET_STATEMENT',
  'COOPERATION_AGREEMENT', 'ATTACHMENT']`;
const STATES = `('DRAFT', 'SUBMITTED', 'RECOMMENDED', 'ACCEPTED', 'IN_REVIEW', 'REVIEWED', 'PUBLICISED', 'AWARDED',
  'DECLINED', 'RETURNED', 'NOT_RECOMMENDED', 'REFUSED', 'WITHDRAWN')`;
const LAPSED = `('DECLINED', 'NOT_RECOMMENDED', 'REFUSED', 'WITHDRAWN')`;
const SENT_UP = `('RECOMMENDED', 'ACCEPTED', 'IN_REVIEW', 'REVIEWED', 'PUBLICISED', 'AWARDED', 'DECLINED', 'REFUSED')`;

/** The parties of the application a seat names, for every subject type. */
const partiesOf = (withProgrammes: boolean) => `
        IF NEW.subject_type = 'filing' THEN
          SELECT f.tenant_id, f.authority_tenant_id, f.alliance_id, f.submitted_at, f.tenant_id,
                 ARRAY(SELECT (m ->> 'organizationId')::uuid
                         FROM jsonb_array_elements(coalesce(f.dossier -> 'members', '[]')) m
                        WHERE m ->> 'organizationId' IS NOT NULL)
            INTO v_home, v_authority, v_alliance, v_sent_at, v_recommender, v_members
            FROM filing f WHERE f.tenant_id = NEW.application_tenant_id AND f.id = NEW.application_id;
        ${
          withProgrammes
            ? `ELSIF NEW.subject_type = 'programme_application' THEN
          SELECT a.tenant_id, a.authority_tenant_id, a.alliance_id, a.recommended_at, a.recommending_tenant_id,
                 a.member_organization_ids
            INTO v_home, v_authority, v_alliance, v_sent_at, v_recommender, v_members
            FROM programme_application a WHERE a.tenant_id = NEW.application_tenant_id AND a.id = NEW.application_id;`
            : ''
        }
        ELSE
          SELECT a.tenant_id, a.authority_tenant_id, a.alliance_id, a.recommended_at, a.recommending_tenant_id,
                 a.member_organization_ids
            INTO v_home, v_authority, v_alliance, v_sent_at, v_recommender, v_members
            FROM pilot_application a WHERE a.tenant_id = NEW.application_tenant_id AND a.id = NEW.application_id;
        END IF;`;

/**
 * Conflicts of interest (Art. 11) whatever the caller; with programmes, also an expert whose
 * employer (an organization they are affiliated with) is debarred on the day (Art. 20).
 */
const conflictsFunction = (withProgrammes: boolean) => `
      CREATE OR REPLACE FUNCTION expert_assignment_conflicts() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        v_home uuid;
        v_authority uuid;
        v_alliance uuid;
        v_sent_at timestamptz;
        v_recommender uuid;
        v_members uuid[];
        v_tie uuid;
      BEGIN
        IF NEW.withdrawn_at IS NOT NULL THEN
          RETURN NEW;
        END IF;
        ${partiesOf(withProgrammes)}
        IF v_home IS NULL OR v_authority <> NEW.tenant_id OR v_sent_at IS NULL
           OR NEW.tenant_id IS DISTINCT FROM app_tenant_id() THEN
          RAISE EXCEPTION 'no such application %', NEW.application_id USING ERRCODE = '23503';
        END IF;
        IF NOT EXISTS (SELECT 1 FROM expert e WHERE e.tenant_id = NEW.tenant_id AND e.id = NEW.expert_id
                         AND e.user_id IS NOT DISTINCT FROM NEW.expert_user_id) THEN
          RAISE EXCEPTION 'seat % names another account than the expert''s', NEW.id USING ERRCODE = '23514';
        END IF;
        WITH involved AS (
          SELECT m.organization_id AS org, NULL::uuid AS bureau FROM alliance_member m
            WHERE m.tenant_id = v_home AND m.alliance_id = v_alliance AND m.exited_on IS NULL
          UNION SELECT unnest(v_members), NULL
          UNION SELECT NULL, v_recommender
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
        ${
          withProgrammes
            ? `IF NEW.subject_type = 'programme_application' THEN
          SELECT d.organization_id INTO v_tie
            FROM expert_affiliation mine
            JOIN debarment d ON d.organization_id = mine.organization_id AND d.lifted_on IS NULL
             AND (now() AT TIME ZONE 'Asia/Shanghai')::date BETWEEN d.from_date AND d.until_date
           WHERE mine.tenant_id = NEW.tenant_id AND mine.expert_id = NEW.expert_id
           LIMIT 1;
          IF v_tie IS NOT NULL THEN
            RAISE EXCEPTION 'expert % works for the debarred unit %', NEW.expert_id, v_tie
              USING ERRCODE = '23514', CONSTRAINT = 'expert_assignment_debarred_employer';
          END IF;
        END IF;`
            : ''
        }
        RETURN NEW;
      END $$;`;

export class ProgrammeApplications1764490000000 implements MigrationInterface {
  name = 'ProgrammeApplications1764490000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE pilot_call DROP CONSTRAINT pilot_call_kind_check;
      ALTER TABLE pilot_call DROP CONSTRAINT pilot_call_required_documents_check;
      ALTER TABLE pilot_call
        ADD COLUMN programme_id uuid,
        ADD CONSTRAINT pilot_call_kind_check CHECK (kind IN ('PILOT', 'PROGRAMME')),
        ADD CONSTRAINT pilot_call_programme_of_kind CHECK ((kind = 'PROGRAMME') = (programme_id IS NOT NULL)),
        ADD CONSTRAINT pilot_call_required_documents_check CHECK (
          required_documents <@ CASE kind WHEN 'PILOT' THEN ${PILOT_DOCUMENTS} ELSE ${PROGRAMME_DOCUMENTS} END),
        ADD CONSTRAINT pilot_call_programme FOREIGN KEY (tenant_id, programme_id) REFERENCES programme (tenant_id, id);
      CREATE INDEX pilot_call_programme ON pilot_call (tenant_id, programme_id) WHERE programme_id IS NOT NULL;

      -- A programme's call is written under a published programme of the same authority. Looked
      -- up under the caller's row-level security, and refused as the key refuses a missing row, so
      -- another tenant's programme (or a draft) is answered exactly like an id that does not exist.
      CREATE FUNCTION programme_call_of_published_programme() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.programme_id IS NOT NULL AND NOT EXISTS (
             SELECT 1 FROM programme p WHERE p.tenant_id = NEW.tenant_id AND p.id = NEW.programme_id
               AND p.status = 'PUBLISHED') THEN
          RAISE EXCEPTION 'call % names no published programme of its tenant', NEW.id
            USING ERRCODE = '23503', CONSTRAINT = 'pilot_call_programme';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER programme_call_of_published_programme BEFORE INSERT OR UPDATE ON pilot_call
        FOR EACH ROW EXECUTE FUNCTION programme_call_of_published_programme();

      CREATE TABLE prior_investment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- The alliance's home bureau, which declares it.
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        alliance_id uuid NOT NULL,
        -- The authority that verifies it: the home bureau's parent (the province) or the bureau itself.
        authority_tenant_id uuid NOT NULL REFERENCES tenant (id),
        description text NOT NULL CHECK (length(btrim(description)) BETWEEN 1 AND 500),
        declared_fen bigint NOT NULL CHECK (declared_fen BETWEEN 1 AND ${MAX_FEN}),
        declared_at timestamptz NOT NULL DEFAULT now(),
        declared_by uuid,
        verified_fen bigint CHECK (verified_fen BETWEEN 0 AND ${MAX_FEN}),
        verification_reason text CHECK (length(btrim(verification_reason)) BETWEEN 1 AND 2000),
        verified_on date,
        verified_at timestamptz,
        verified_by uuid,
        UNIQUE (tenant_id, id),
        FOREIGN KEY (tenant_id, alliance_id) REFERENCES alliance (tenant_id, id),
        CHECK (verified_fen <= declared_fen),
        CHECK ((verified_fen IS NULL) = (verified_on IS NULL) AND (verified_fen IS NULL) = (verified_at IS NULL)
               AND (verified_fen IS NULL) = (verified_by IS NULL)),
        -- Less than declared is accepted only with the reason.
        CHECK (verified_fen IS NULL OR verified_fen = declared_fen OR verification_reason IS NOT NULL)
      );
      CREATE INDEX prior_investment_alliance ON prior_investment (tenant_id, alliance_id, declared_at);
      CREATE INDEX prior_investment_received ON prior_investment (authority_tenant_id, declared_at DESC);

      CREATE TABLE prior_investment_document (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        investment_id uuid NOT NULL,
        document_id uuid NOT NULL,
        PRIMARY KEY (tenant_id, investment_id, document_id),
        FOREIGN KEY (tenant_id, investment_id) REFERENCES prior_investment (tenant_id, id),
        FOREIGN KEY (tenant_id, document_id) REFERENCES document (tenant_id, id)
      );
      CREATE INDEX prior_investment_document_document ON prior_investment_document (tenant_id, document_id);

      CREATE TABLE programme_application (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        alliance_id uuid NOT NULL,
        -- The authority's call and programme (another tenant's rows for the province's programmes).
        call_id uuid NOT NULL,
        programme_id uuid NOT NULL,
        authority_tenant_id uuid NOT NULL REFERENCES tenant (id),
        recommending_tenant_id uuid NOT NULL REFERENCES tenant (id),
        state text NOT NULL DEFAULT 'DRAFT' CHECK (state IN ${STATES}),
        version integer NOT NULL DEFAULT 1 CHECK (version > 0),
        -- The application form (programme-application-form.ts), editable in DRAFT and RETURNED.
        form jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(form) = 'object'),
        requested_support_fen bigint NOT NULL DEFAULT 0 CHECK (requested_support_fen BETWEEN 0 AND ${MAX_FEN}),
        -- Frozen at submission: programme, call, alliance, measures, form, agreement IP terms, investments.
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
        award_fen bigint CHECK (award_fen BETWEEN 1 AND ${MAX_FEN}),
        -- The task contract the award was made with (task-contract.ts): the project opens from it.
        task_contract jsonb,
        last_reason text,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        created_by uuid,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid,
        UNIQUE (tenant_id, id),
        FOREIGN KEY (tenant_id, alliance_id) REFERENCES alliance (tenant_id, id),
        CHECK (recommended_at IS NULL OR submitted_at IS NOT NULL),
        CHECK (submitted_at IS NULL OR dossier IS NOT NULL),
        CHECK (state NOT IN ${SENT_UP} OR recommended_at IS NOT NULL),
        CHECK ((state = 'AWARDED') = (award_fen IS NOT NULL) AND (award_fen IS NULL) = (task_contract IS NULL)),
        CHECK (award_fen IS NULL OR award_fen <= requested_support_fen),
        CHECK (state NOT IN ('AWARDED', 'DECLINED') OR (decided_at IS NOT NULL AND decision_reason IS NOT NULL)),
        CHECK (notice_ends_on IS NULL OR notice_ends_on >= notice_starts_on)
      );
      -- One live application per alliance and call.
      CREATE UNIQUE INDEX programme_application_live ON programme_application (tenant_id, call_id, alliance_id)
        WHERE state NOT IN ${LAPSED};
      CREATE INDEX programme_application_list ON programme_application (tenant_id, state, created_at DESC);
      CREATE INDEX programme_application_received ON programme_application (authority_tenant_id, programme_id, state)
        WHERE recommended_at IS NOT NULL;

      CREATE TABLE programme_application_document (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        application_id uuid NOT NULL,
        document_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind = ANY (${PROGRAMME_DOCUMENTS})),
        attached_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, application_id, document_id),
        FOREIGN KEY (tenant_id, application_id) REFERENCES programme_application (tenant_id, id),
        FOREIGN KEY (tenant_id, document_id) REFERENCES document (tenant_id, id)
      );
      CREATE INDEX programme_application_document_document ON programme_application_document (tenant_id, document_id);
    `);

    for (const table of [
      'prior_investment',
      'prior_investment_document',
      'programme_application',
      'programme_application_document',
    ]) {
      await db.query(
        `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY; ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;`,
      );
    }

    await db.query(`
      -- Prior investment: the home bureau's staff declare (never verifying their own declaration to
      -- another authority); the verifying authority's staff read it and write the verification once.
      CREATE POLICY home_staff ON prior_investment
        USING (${TENANT} AND ${STAFF})
        WITH CHECK (${TENANT} AND ${STAFF}
                    AND (verified_fen IS NULL OR authority_tenant_id = (SELECT app_tenant_id())));
      CREATE POLICY authority_reads ON prior_investment FOR SELECT
        USING (authority_tenant_id = (SELECT app_tenant_id()) AND ${STAFF});
      CREATE POLICY authority_verifies ON prior_investment FOR UPDATE
        USING (authority_tenant_id = (SELECT app_tenant_id()) AND ${STAFF})
        WITH CHECK (authority_tenant_id = (SELECT app_tenant_id()) AND ${STAFF});
      GRANT SELECT, INSERT ON prior_investment TO xiangmeng_app;
      GRANT UPDATE (verified_fen, verification_reason, verified_on, verified_at, verified_by)
        ON prior_investment TO xiangmeng_app;

      CREATE POLICY home_staff ON prior_investment_document FOR ALL
        USING (${TENANT} AND ${STAFF})
        WITH CHECK (${TENANT} AND ${STAFF});
      CREATE POLICY with_investment ON prior_investment_document FOR SELECT
        USING (tenant_id <> (SELECT app_tenant_id()) AND EXISTS (
          SELECT 1 FROM prior_investment i WHERE i.tenant_id = prior_investment_document.tenant_id
            AND i.id = prior_investment_document.investment_id));
      GRANT SELECT, INSERT ON prior_investment_document TO xiangmeng_app;
      CREATE POLICY attached_to_prior_investment ON document FOR SELECT
        USING (tenant_id <> (SELECT app_tenant_id()) AND EXISTS (
          SELECT 1 FROM prior_investment_document d WHERE d.tenant_id = document.tenant_id AND d.document_id = document.id));

      -- A declaration stays as declared; the verification is written once and stays.
      CREATE FUNCTION prior_investment_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        v_verification text[] := ARRAY['verified_fen', 'verification_reason', 'verified_on', 'verified_at', 'verified_by'];
      BEGIN
        IF TG_OP = 'TRUNCATE' THEN
          RAISE EXCEPTION 'prior investments are never emptied' USING ERRCODE = '55000';
        END IF;
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'prior investment % stays on record', OLD.id USING ERRCODE = '55000';
        END IF;
        IF OLD.verified_fen IS NOT NULL THEN
          RAISE EXCEPTION 'prior investment % was verified and is final', OLD.id USING ERRCODE = '55000';
        END IF;
        IF (to_jsonb(NEW) - v_verification) IS DISTINCT FROM (to_jsonb(OLD) - v_verification) THEN
          RAISE EXCEPTION 'prior investment %: a declaration changes only by its verification', OLD.id
            USING ERRCODE = '55000';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER prior_investment_append_only BEFORE UPDATE OR DELETE ON prior_investment
        FOR EACH ROW EXECUTE FUNCTION prior_investment_append_only();
      CREATE TRIGGER prior_investment_never_truncated BEFORE TRUNCATE ON prior_investment
        FOR EACH STATEMENT EXECUTE FUNCTION prior_investment_append_only();

      -- The verifying authority is the home bureau itself or its parent.
      CREATE FUNCTION prior_investment_authority() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.authority_tenant_id <> NEW.tenant_id AND NOT EXISTS (
             SELECT 1 FROM tenant t WHERE t.id = NEW.tenant_id AND t.parent_id = NEW.authority_tenant_id) THEN
          RAISE EXCEPTION 'prior investment % is verified by the bureau or its parent', NEW.id
            USING ERRCODE = '23514', CONSTRAINT = 'prior_investment_authority';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER prior_investment_authority BEFORE INSERT ON prior_investment
        FOR EACH ROW EXECUTE FUNCTION prior_investment_authority();

      -- Applications: the home bureau's staff; the authority's staff once recommended; an expert
      -- while seated (read only).
      CREATE POLICY home_staff ON programme_application
        USING (${TENANT} AND ${STAFF})
        WITH CHECK (${TENANT} AND ${STAFF});
      CREATE POLICY authority_reads ON programme_application FOR SELECT
        USING (authority_tenant_id = (SELECT app_tenant_id()) AND recommended_at IS NOT NULL AND ${STAFF});
      CREATE POLICY authority_acts ON programme_application FOR UPDATE
        USING (authority_tenant_id = (SELECT app_tenant_id()) AND recommended_at IS NOT NULL AND ${STAFF})
        WITH CHECK (authority_tenant_id = (SELECT app_tenant_id()) AND recommended_at IS NOT NULL);
      CREATE POLICY assigned_expert ON programme_application FOR SELECT
        USING (id IN (SELECT x.application_id FROM expert_assignment x
                      WHERE x.tenant_id = (SELECT app_tenant_id()) AND x.expert_user_id = (SELECT app_user_id())
                        AND x.withdrawn_at IS NULL AND x.subject_type = 'programme_application'));
      GRANT SELECT, INSERT, UPDATE ON programme_application TO xiangmeng_app;

      CREATE POLICY home_staff ON programme_application_document
        USING (${TENANT} AND ${STAFF})
        WITH CHECK (${TENANT} AND ${STAFF});
      CREATE POLICY with_application ON programme_application_document FOR SELECT
        USING ((tenant_id <> (SELECT app_tenant_id()) OR NOT ${STAFF}) AND EXISTS (
          SELECT 1 FROM programme_application a WHERE a.tenant_id = programme_application_document.tenant_id
            AND a.id = programme_application_document.application_id));
      GRANT SELECT, INSERT, DELETE ON programme_application_document TO xiangmeng_app;
      CREATE POLICY attached_to_programme_application ON document FOR SELECT
        USING ((tenant_id <> (SELECT app_tenant_id()) OR NOT ${STAFF}) AND EXISTS (
          SELECT 1 FROM programme_application_document d WHERE d.tenant_id = document.tenant_id AND d.document_id = document.id));

      -- An expert reads the call of the programme application they are seated on.
      CREATE POLICY assigned_expert_programme ON pilot_call FOR SELECT
        USING (tenant_id = (SELECT app_tenant_id()) AND NOT ${STAFF}
               AND id IN (SELECT a.call_id FROM programme_application a));

      CREATE TRIGGER programme_application_stamp_last_change BEFORE UPDATE ON programme_application
        FOR EACH ROW EXECUTE FUNCTION stamp_last_change();

      -- The awards of a programme never pass its budget, whoever writes them: the sum is read under
      -- the programme's advisory lock (the API's award takes the same lock first).
      CREATE FUNCTION programme_award_within_budget() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        v_total bigint;
        v_awarded bigint;
      BEGIN
        IF NEW.award_fen IS NULL OR NEW.award_fen IS NOT DISTINCT FROM OLD.award_fen THEN
          RETURN NEW;
        END IF;
        PERFORM pg_advisory_xact_lock(hashtextextended('programme_budget:' || NEW.programme_id::text, 0));
        SELECT total_budget_fen INTO v_total FROM programme
         WHERE tenant_id = NEW.authority_tenant_id AND id = NEW.programme_id;
        SELECT coalesce(sum(award_fen), 0) INTO v_awarded FROM programme_application
         WHERE authority_tenant_id = NEW.authority_tenant_id AND programme_id = NEW.programme_id
           AND state = 'AWARDED' AND id <> NEW.id;
        IF v_total IS NULL OR v_awarded + NEW.award_fen > v_total THEN
          RAISE EXCEPTION 'awards of programme % would pass its budget', NEW.programme_id
            USING ERRCODE = '23514', CONSTRAINT = 'programme_award_within_budget';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER programme_award_within_budget BEFORE UPDATE ON programme_application
        FOR EACH ROW EXECUTE FUNCTION programme_award_within_budget();

      -- Expert review of programme applications: the seat's subject type, the parties its
      -- conflict check reads, and a debarred employer.
      ALTER TABLE expert_assignment DROP CONSTRAINT expert_assignment_subject_type_check;
      ALTER TABLE expert_assignment ADD CONSTRAINT expert_assignment_subject_type_check
        CHECK (subject_type IN ('pilot_application', 'filing', 'programme_application'));
      GRANT SELECT ON programme_application, debarment TO xiangmeng_definer;
      CREATE POLICY definer_read ON programme_application FOR SELECT TO xiangmeng_definer USING (true);
      ${conflictsFunction(true)}

      -- What eligibility reads of the alliance's register on the day (Art. 14, 18, 20): status and
      -- pilot status, the chair unit, the current members, and the IP clauses of the agreement in
      -- effect (the newest version every current member has signed). The authority checks it again
      -- at award but does not read the city's register: this function answers it for an
      -- application the caller reads (its home bureau's staff, or the authority's once sent up),
      -- and nothing else. The agreement's ip_* columns are passed whole, so clauses added to the
      -- agreement later reach the API's one reading of them without a change here.
      GRANT SELECT ON alliance_agreement, agreement_signature, organization TO xiangmeng_definer;
      CREATE POLICY definer_read ON alliance_agreement FOR SELECT TO xiangmeng_definer USING (true);
      CREATE POLICY definer_read ON agreement_signature FOR SELECT TO xiangmeng_definer USING (true);
      CREATE FUNCTION programme_application_register(p_application_id uuid, p_on date) RETURNS jsonb
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT jsonb_build_object(
          'alliance', jsonb_build_object('id', al.id, 'tenantId', al.tenant_id, 'name', al.name,
                                         'status', al.status, 'pilotStatus', al.pilot_status,
                                         'industryCode', al.industry_code),
          'chairUnit', (SELECT jsonb_build_object('organizationId', o.id, 'name', o.name)
                          FROM alliance_member m JOIN organization o ON o.id = m.organization_id
                         WHERE m.tenant_id = al.tenant_id AND m.alliance_id = al.id AND m.role = 'CHAIR'
                           AND m.joined_on <= p_on AND (m.exited_on IS NULL OR m.exited_on > p_on)
                         ORDER BY m.joined_on DESC LIMIT 1),
          'memberOrganizationIds', coalesce((SELECT jsonb_agg(m.organization_id) FROM alliance_member m
                         WHERE m.tenant_id = al.tenant_id AND m.alliance_id = al.id
                           AND m.joined_on <= p_on AND (m.exited_on IS NULL OR m.exited_on > p_on)), '[]'),
          'agreement', (SELECT (SELECT jsonb_object_agg(e.key, e.value) FROM jsonb_each(to_jsonb(ag)) e
                                 WHERE e.key = 'version' OR e.key LIKE 'ip\\_%')
                          FROM alliance_agreement ag
                         WHERE ag.tenant_id = al.tenant_id AND ag.alliance_id = al.id
                           AND EXISTS (SELECT 1 FROM agreement_signature s
                                        WHERE s.tenant_id = ag.tenant_id AND s.agreement_id = ag.id)
                           AND NOT EXISTS (
                                 SELECT 1 FROM alliance_member m
                                  WHERE m.tenant_id = al.tenant_id AND m.alliance_id = al.id
                                    AND m.joined_on <= p_on AND (m.exited_on IS NULL OR m.exited_on > p_on)
                                    AND NOT EXISTS (SELECT 1 FROM agreement_signature s
                                                     WHERE s.tenant_id = ag.tenant_id AND s.agreement_id = ag.id
                                                       AND s.organization_id = m.organization_id
                                                       AND s.signed_on <= p_on))
                         ORDER BY ag.version DESC LIMIT 1))
          FROM programme_application a
          JOIN alliance al ON al.tenant_id = a.tenant_id AND al.id = a.alliance_id
         WHERE a.id = p_application_id AND app_is_staff()
           AND (a.tenant_id = app_tenant_id() OR (a.authority_tenant_id = app_tenant_id() AND a.recommended_at IS NOT NULL))
      $$;
      ALTER FUNCTION programme_application_register(uuid, date) OWNER TO xiangmeng_definer;
      REVOKE ALL ON FUNCTION programme_application_register(uuid, date) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION programme_application_register(uuid, date) TO xiangmeng_app;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP FUNCTION programme_application_register(uuid, date);
      DROP POLICY definer_read ON agreement_signature;
      DROP POLICY definer_read ON alliance_agreement;
      REVOKE SELECT ON alliance_agreement, agreement_signature, organization FROM xiangmeng_definer;
      ${conflictsFunction(false)}
      DROP POLICY definer_read ON programme_application;
      REVOKE SELECT ON programme_application, debarment FROM xiangmeng_definer;
      DELETE FROM expert_assignment WHERE subject_type = 'programme_application';
      ALTER TABLE expert_assignment DROP CONSTRAINT expert_assignment_subject_type_check;
      ALTER TABLE expert_assignment ADD CONSTRAINT expert_assignment_subject_type_check
        CHECK (subject_type IN ('pilot_application', 'filing'));
      DROP POLICY assigned_expert_programme ON pilot_call;
      DROP POLICY attached_to_programme_application ON document;
      DROP POLICY attached_to_prior_investment ON document;
      DROP TABLE programme_application_document, programme_application, prior_investment_document;
      DROP TRIGGER prior_investment_never_truncated ON prior_investment;
      DROP TABLE prior_investment;
      DROP FUNCTION programme_award_within_budget();
      DROP FUNCTION prior_investment_authority();
      DROP FUNCTION prior_investment_append_only();
      DROP TRIGGER programme_call_of_published_programme ON pilot_call;
      DROP FUNCTION programme_call_of_published_programme();
      DELETE FROM pilot_call WHERE kind = 'PROGRAMME';
      DROP INDEX pilot_call_programme;
      ALTER TABLE pilot_call
        DROP CONSTRAINT pilot_call_programme,
        DROP CONSTRAINT pilot_call_required_documents_check,
        DROP CONSTRAINT pilot_call_programme_of_kind,
        DROP CONSTRAINT pilot_call_kind_check,
        DROP COLUMN programme_id;
      ALTER TABLE pilot_call
        ADD CONSTRAINT pilot_call_kind_check CHECK (kind IN ('PILOT')),
        ADD CONSTRAINT pilot_call_required_documents_check CHECK (required_documents <@ ${PILOT_DOCUMENTS});
    `);
  }
}
