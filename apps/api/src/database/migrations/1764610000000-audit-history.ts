import type { MigrationInterface, QueryRunner } from 'typeorm';

// Reading the audit trail. The runtime role still may not SELECT audit_event (append-only test):
// it reads through three SECURITY DEFINER functions, each deciding who may read what itself.
//   audit_record_history  — one record's events, for those who may read the record (the same
//     predicates as the record's own row-level security, staff only), from the chains of the
//     tenants that act on it: the home city's and, once sent upward, the authority's.
//   audit_tenant_events   — an admin's own tenant's chain, filtered and in pages.
//   audit_verify_window   — recomputes a bounded window of the admin's own chain (at most 5,000
//     events a call), so a request never holds its connection for a walk of the whole chain.
// Pages are keyset, never offset; no function answers the global identity of an event.
export class AuditHistory1764610000000 implements MigrationInterface {
  name = 'AuditHistory1764610000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION audit_record_chains(p_subject_type text, p_subject_id uuid) RETURNS uuid[]
      LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        v_me uuid := app_tenant_id();
        v_home uuid;
        v_authority uuid;
        v_sent boolean;
      BEGIN
        IF v_me IS NULL OR NOT app_is_staff() THEN
          RETURN NULL;
        END IF;
        CASE p_subject_type
          WHEN 'alliance' THEN
            -- The register is the home bureau's; the province reads filings of it, not its history.
            SELECT a.tenant_id, NULL, false INTO v_home, v_authority, v_sent FROM alliance a WHERE a.id = p_subject_id;
          WHEN 'pilot_application' THEN
            SELECT a.tenant_id, a.authority_tenant_id, a.recommended_at IS NOT NULL INTO v_home, v_authority, v_sent
              FROM pilot_application a WHERE a.id = p_subject_id;
          WHEN 'programme_application' THEN
            SELECT a.tenant_id, a.authority_tenant_id, a.recommended_at IS NOT NULL INTO v_home, v_authority, v_sent
              FROM programme_application a WHERE a.id = p_subject_id;
          WHEN 'filing' THEN
            SELECT f.tenant_id, f.authority_tenant_id, f.submitted_at IS NOT NULL INTO v_home, v_authority, v_sent
              FROM filing f WHERE f.id = p_subject_id;
          WHEN 'project' THEN
            -- A project is the awarding authority's row, read by the alliance's home bureau.
            SELECT p.alliance_tenant_id, p.tenant_id, true INTO v_home, v_authority, v_sent
              FROM project p WHERE p.id = p_subject_id;
          ELSE
            RETURN NULL;
        END CASE;
        IF v_home IS NULL THEN
          RETURN NULL;
        END IF;
        IF v_me = v_home OR (v_me = v_authority AND v_sent) THEN
          RETURN array_remove(ARRAY[v_home, v_authority], NULL);
        END IF;
        RETURN NULL;
      END $$;

      CREATE FUNCTION audit_record_history(
        p_subject_type text, p_subject_id uuid,
        p_before_at timestamptz, p_before_seq bigint, p_before_tenant uuid, p_limit integer
      )
      RETURNS TABLE (occurred_at timestamptz, seq bigint, tenant_id uuid, tenant_name text, actor_user_id uuid,
                     actor_name text, action text, before jsonb, after jsonb)
      LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        v_chains uuid[] := audit_record_chains(p_subject_type, p_subject_id);
        v_sent_at timestamptz;
      BEGIN
        IF v_chains IS NULL THEN
          RETURN;
        END IF;
        -- The authority never reads a city's drafts (DESIGN): of the home chain's events before the
        -- record was sent upward it sees who did what and when, not the values written.
        CASE p_subject_type
          WHEN 'pilot_application' THEN
            SELECT a.recommended_at INTO v_sent_at FROM pilot_application a
             WHERE a.id = p_subject_id AND a.tenant_id <> app_tenant_id();
          WHEN 'programme_application' THEN
            SELECT a.recommended_at INTO v_sent_at FROM programme_application a
             WHERE a.id = p_subject_id AND a.tenant_id <> app_tenant_id();
          WHEN 'filing' THEN
            SELECT f.submitted_at INTO v_sent_at FROM filing f
             WHERE f.id = p_subject_id AND f.tenant_id <> app_tenant_id();
          ELSE
            v_sent_at := NULL;
        END CASE;
        RETURN QUERY
          SELECT e.occurred_at, e.seq, e.tenant_id, t.name, e.actor_user_id, u.display_name, e.action,
                 CASE WHEN e.tenant_id <> app_tenant_id() AND e.occurred_at < v_sent_at THEN NULL ELSE e.before END,
                 CASE WHEN e.tenant_id <> app_tenant_id() AND e.occurred_at < v_sent_at THEN NULL ELSE e.after END
          FROM audit_event e
          JOIN tenant t ON t.id = e.tenant_id
          LEFT JOIN app_user u ON u.tenant_id = e.tenant_id AND u.id = e.actor_user_id
          WHERE e.tenant_id = ANY (v_chains)
            AND e.subject_type = p_subject_type AND e.subject_id = p_subject_id::text
            AND (p_before_at IS NULL
                 OR (e.occurred_at, e.seq, e.tenant_id) < (p_before_at, p_before_seq, p_before_tenant))
          ORDER BY e.occurred_at DESC, e.seq DESC, e.tenant_id DESC
          LIMIT least(greatest(coalesce(p_limit, 20), 1), 100);
      END $$;

      CREATE FUNCTION audit_is_admin() RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT app_tenant_id() IS NOT NULL AND (app_has_role('PROVINCE_ADMIN') OR app_has_role('CITY_ADMIN'))
      $$;

      CREATE FUNCTION audit_tenant_events(
        p_actor uuid, p_action text, p_from date, p_to date, p_ascending boolean, p_after_seq bigint, p_limit integer
      )
      RETURNS TABLE (seq bigint, occurred_at timestamptz, actor_user_id uuid, actor_name text, action text,
                     subject_type text, subject_id text, before jsonb, after jsonb)
      LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        v_tenant uuid := app_tenant_id();
        v_limit integer := least(greatest(coalesce(p_limit, 50), 1), 1000);
        -- Dates are China's calendar days.
        v_from timestamptz := p_from::timestamp AT TIME ZONE 'Asia/Shanghai';
        v_to timestamptz := (p_to + 1)::timestamp AT TIME ZONE 'Asia/Shanghai';
      BEGIN
        IF NOT audit_is_admin() THEN
          RETURN;
        END IF;
        -- One query per direction, so each pages along the (tenant_id, seq) index.
        IF p_ascending THEN
          RETURN QUERY
            SELECT e.seq, e.occurred_at, e.actor_user_id, u.display_name, e.action, e.subject_type, e.subject_id,
                   e.before, e.after
            FROM audit_event e
            LEFT JOIN app_user u ON u.tenant_id = e.tenant_id AND u.id = e.actor_user_id
            WHERE e.tenant_id = v_tenant
              AND (p_actor IS NULL OR e.actor_user_id = p_actor)
              AND (p_action IS NULL OR e.action = p_action)
              AND (v_from IS NULL OR e.occurred_at >= v_from)
              AND (v_to IS NULL OR e.occurred_at < v_to)
              AND (p_after_seq IS NULL OR e.seq > p_after_seq)
            ORDER BY e.seq ASC
            LIMIT v_limit;
        ELSE
          RETURN QUERY
            SELECT e.seq, e.occurred_at, e.actor_user_id, u.display_name, e.action, e.subject_type, e.subject_id,
                   e.before, e.after
            FROM audit_event e
            LEFT JOIN app_user u ON u.tenant_id = e.tenant_id AND u.id = e.actor_user_id
            WHERE e.tenant_id = v_tenant
              AND (p_actor IS NULL OR e.actor_user_id = p_actor)
              AND (p_action IS NULL OR e.action = p_action)
              AND (v_from IS NULL OR e.occurred_at >= v_from)
              AND (v_to IS NULL OR e.occurred_at < v_to)
              AND (p_after_seq IS NULL OR e.seq < p_after_seq)
            ORDER BY e.seq DESC
            LIMIT v_limit;
        END IF;
      END $$;

      -- The actions the admin's chain holds, for the filter.
      CREATE FUNCTION audit_tenant_actions() RETURNS TABLE (action text)
      LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        IF NOT audit_is_admin() THEN
          RETURN;
        END IF;
        RETURN QUERY SELECT DISTINCT e.action FROM audit_event e WHERE e.tenant_id = app_tenant_id() ORDER BY 1;
      END $$;

      -- Recomputes the admin's chain from p_from_seq for at most p_limit (≤ 5,000) events, the
      -- same checks as infra/audit-verify (seq contiguous, prev_hash links, hash recomputed). The
      -- caller continues from checked_to + 1; the link into the window is checked against the
      -- stored hash of the event before it.
      CREATE FUNCTION audit_verify_window(p_from_seq bigint, p_limit integer)
      RETURNS TABLE (head_seq bigint, checked_from bigint, checked_to bigint, broken_seq bigint, broken_reason text,
                     broken_action text, broken_at timestamptz)
      LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        v_tenant uuid := app_tenant_id();
        v_from bigint := greatest(coalesce(p_from_seq, 1), 1);
        v_limit integer := least(greatest(coalesce(p_limit, 2000), 1), 5000);
        v_head bigint;
        v_expected_seq bigint;
        v_expected_prev bytea;
        v_last bigint := NULL;
        e audit_event;
      BEGIN
        IF NOT audit_is_admin() THEN
          RETURN;
        END IF;
        SELECT max(x.seq) INTO v_head FROM audit_event x WHERE x.tenant_id = v_tenant;
        IF v_from = 1 THEN
          v_expected_prev := audit_genesis_hash(v_tenant);
        ELSE
          SELECT x.hash INTO v_expected_prev FROM audit_event x WHERE x.tenant_id = v_tenant AND x.seq = v_from - 1;
        END IF;
        v_expected_seq := v_from;
        FOR e IN
          SELECT * FROM audit_event x WHERE x.tenant_id = v_tenant AND x.seq >= v_from ORDER BY x.seq LIMIT v_limit
        LOOP
          IF e.seq <> v_expected_seq THEN
            RETURN QUERY SELECT v_head, v_from, v_last, e.seq, 'SEQUENCE_GAP'::text, e.action, e.occurred_at;
            RETURN;
          END IF;
          IF v_expected_prev IS NULL OR e.prev_hash <> v_expected_prev THEN
            RETURN QUERY SELECT v_head, v_from, v_last, e.seq, 'PREVIOUS_HASH_MISMATCH'::text, e.action, e.occurred_at;
            RETURN;
          END IF;
          IF e.hash <> sha256(e.prev_hash || convert_to(audit_canonical(e), 'UTF8')) THEN
            RETURN QUERY SELECT v_head, v_from, v_last, e.seq, 'HASH_MISMATCH'::text, e.action, e.occurred_at;
            RETURN;
          END IF;
          v_last := e.seq;
          v_expected_seq := e.seq + 1;
          v_expected_prev := e.hash;
        END LOOP;
        RETURN QUERY SELECT v_head, v_from, v_last, NULL::bigint, NULL::text, NULL::text, NULL::timestamptz;
      END $$;
    `);
    for (const fn of [
      'audit_record_chains(text, uuid)',
      'audit_record_history(text, uuid, timestamptz, bigint, uuid, integer)',
      'audit_tenant_events(uuid, text, date, date, boolean, bigint, integer)',
      'audit_tenant_actions()',
      'audit_verify_window(bigint, integer)',
    ]) {
      await db.query(`
        ALTER FUNCTION ${fn} OWNER TO xiangmeng_definer;
        REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC;
        GRANT EXECUTE ON FUNCTION ${fn} TO xiangmeng_app;
      `);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP FUNCTION audit_verify_window(bigint, integer);
      DROP FUNCTION audit_tenant_actions();
      DROP FUNCTION audit_tenant_events(uuid, text, date, date, boolean, bigint, integer);
      DROP FUNCTION audit_is_admin();
      DROP FUNCTION audit_record_history(text, uuid, timestamptz, bigint, uuid, integer);
      DROP FUNCTION audit_record_chains(text, uuid);
    `);
  }
}
