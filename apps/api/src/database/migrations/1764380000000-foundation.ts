import { HUNAN_DIVISIONS } from '@xiangmeng/domain';
import type { MigrationInterface, QueryRunner } from 'typeorm';

// Tenants, users, sessions, sign-in throttling and the audit chain, with row-level security.
// Runs as xiangmeng_owner; the API connects as xiangmeng_app; cross-tenant lookups live in
// SECURITY DEFINER functions owned by xiangmeng_definer (see packages/database).
export class Foundation1764380000000 implements MigrationInterface {
  name = 'Foundation1764380000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      -- Request identity, set transaction-locally by the API; unset reads as NULL (fail closed).
      CREATE FUNCTION app_tenant_id() RETURNS uuid LANGUAGE sql STABLE
        AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;
      CREATE FUNCTION app_user_id() RETURNS uuid LANGUAGE sql STABLE
        AS $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;
      CREATE FUNCTION app_has_role(p_role text) RETURNS boolean LANGUAGE sql STABLE
        AS $$ SELECT coalesce(p_role = ANY (string_to_array(nullif(current_setting('app.roles', true), ''), ',')), false) $$;

      CREATE TABLE tenant (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE CHECK (code ~ '^[0-9]{6}$'),
        name text NOT NULL,
        bureau_name text NOT NULL,
        level text NOT NULL CHECK (level IN ('PROVINCE', 'CITY')),
        parent_id uuid REFERENCES tenant (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((level = 'CITY') = (parent_id IS NOT NULL))
      );
      GRANT SELECT ON tenant TO xiangmeng_app, xiangmeng_definer;

      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        username text NOT NULL CHECK (username ~ '^[a-z][a-z0-9_.-]{2,31}$'),
        display_name text NOT NULL CHECK (length(btrim(display_name)) BETWEEN 1 AND 40),
        password_hash text NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
        roles text[] NOT NULL CHECK (
          cardinality(roles) > 0
          AND roles <@ ARRAY['PROVINCE_ADMIN', 'PROVINCE_OFFICER', 'CITY_ADMIN', 'CITY_OFFICER', 'EXPERT']
        ),
        disabled_at timestamptz,
        last_sign_in_at timestamptz,
        password_changed_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid,
        UNIQUE (tenant_id, username),
        UNIQUE (tenant_id, id)
      );

      CREATE TABLE user_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        user_id uuid NOT NULL,
        token_hash bytea NOT NULL,
        created_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL,
        revoked_at timestamptz,
        client_address text,
        user_agent text,
        UNIQUE (tenant_id, token_hash),
        FOREIGN KEY (tenant_id, user_id) REFERENCES app_user (tenant_id, id)
      );
      CREATE INDEX user_session_token_hash ON user_session (token_hash);
      CREATE INDEX user_session_tenant_user ON user_session (tenant_id, user_id);

      -- Keys are 'account:<tenant code>:<username>' and 'address:<ip>'; no tenant data is kept.
      CREATE TABLE sign_in_throttle (
        key text PRIMARY KEY,
        failures integer NOT NULL CHECK (failures >= 0),
        last_failure_at timestamptz NOT NULL
      );
      -- Reached only through the auth_throttle_* functions: the runtime role can neither list
      -- other tenants' accounts nor clear their counters at will.
      GRANT SELECT, INSERT, UPDATE, DELETE ON sign_in_throttle TO xiangmeng_definer;

      CREATE TABLE audit_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        seq bigint NOT NULL CHECK (seq > 0),
        actor_user_id uuid,
        action text NOT NULL,
        subject_type text NOT NULL,
        subject_id text,
        before jsonb,
        after jsonb,
        occurred_at timestamptz NOT NULL,
        prev_hash bytea NOT NULL,
        hash bytea NOT NULL,
        UNIQUE (tenant_id, seq),
        -- A chain cannot fork: no two events follow the same one.
        UNIQUE (tenant_id, prev_hash)
      );
      CREATE INDEX audit_event_subject ON audit_event (tenant_id, subject_type, subject_id);
    `);

    for (const table of ['app_user', 'user_session', 'audit_event']) {
      await db.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY tenant_isolation ON ${table}
          USING (tenant_id = (SELECT app_tenant_id()))
          WITH CHECK (tenant_id = (SELECT app_tenant_id()));
      `);
    }

    await db.query(`
      GRANT SELECT, INSERT, UPDATE ON app_user, user_session TO xiangmeng_app;
      -- The definer role reads across tenants; each of its functions checks the caller itself.
      GRANT SELECT ON app_user, user_session TO xiangmeng_definer;
      GRANT INSERT (tenant_id, username, display_name, password_hash, roles, created_by) ON app_user TO xiangmeng_definer;
      GRANT SELECT, INSERT ON audit_event TO xiangmeng_definer;
      CREATE POLICY definer_read ON app_user FOR SELECT TO xiangmeng_definer USING (true);
      CREATE POLICY definer_provision ON app_user FOR INSERT TO xiangmeng_definer WITH CHECK (true);
      CREATE POLICY definer_read ON user_session FOR SELECT TO xiangmeng_definer USING (true);

      -- Canonical text of an audit event: what its hash covers.
      CREATE FUNCTION audit_canonical(e audit_event) RETURNS text LANGUAGE sql STABLE AS $$
        SELECT jsonb_build_object(
          'tenantId', e.tenant_id, 'seq', e.seq, 'actorUserId', e.actor_user_id, 'action', e.action,
          'subjectType', e.subject_type, 'subjectId', e.subject_id, 'before', e.before, 'after', e.after,
          'occurredAt', to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
        )::text
      $$;
      CREATE FUNCTION audit_genesis_hash(p_tenant_id uuid) RETURNS bytea LANGUAGE sql IMMUTABLE
        AS $$ SELECT sha256(convert_to('xiangmeng-audit-genesis:' || p_tenant_id::text, 'UTF8')) $$;

      -- Appends one event to the current tenant's chain, in the caller's transaction.
      CREATE FUNCTION audit_append(
        p_action text, p_subject_type text, p_subject_id text, p_before jsonb, p_after jsonb, p_occurred_at timestamptz
      ) RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        v_tenant uuid := app_tenant_id();
        v_head audit_event;
        v_event audit_event;
      BEGIN
        IF v_tenant IS NULL THEN
          RAISE EXCEPTION 'audit_append: no tenant in this transaction' USING ERRCODE = '42501';
        END IF;
        PERFORM pg_advisory_xact_lock(hashtextextended('audit:' || v_tenant::text, 0));
        SELECT * INTO v_head FROM audit_event WHERE tenant_id = v_tenant ORDER BY seq DESC LIMIT 1;
        v_event.tenant_id := v_tenant;
        v_event.seq := coalesce(v_head.seq, 0) + 1;
        v_event.actor_user_id := app_user_id();
        v_event.action := p_action;
        v_event.subject_type := p_subject_type;
        v_event.subject_id := p_subject_id;
        v_event.before := p_before;
        v_event.after := p_after;
        v_event.occurred_at := date_trunc('milliseconds', p_occurred_at);
        v_event.prev_hash := coalesce(v_head.hash, audit_genesis_hash(v_tenant));
        v_event.hash := sha256(v_event.prev_hash || convert_to(audit_canonical(v_event), 'UTF8'));
        INSERT INTO audit_event (tenant_id, seq, actor_user_id, action, subject_type, subject_id, before, after,
                                 occurred_at, prev_hash, hash)
        VALUES (v_event.tenant_id, v_event.seq, v_event.actor_user_id, v_event.action, v_event.subject_type,
                v_event.subject_id, v_event.before, v_event.after, v_event.occurred_at, v_event.prev_hash, v_event.hash)
        RETURNING id INTO v_event.id;
        RETURN v_event.id;
      END $$;

      -- Sign-in: the account named by tenant code and username, before any tenant is set.
      CREATE FUNCTION auth_find_account(p_tenant_code text, p_username text)
      RETURNS TABLE (user_id uuid, tenant_id uuid, password_hash text, roles text[], disabled boolean)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT u.id, u.tenant_id, u.password_hash, u.roles, u.disabled_at IS NOT NULL
        FROM app_user u JOIN tenant t ON t.id = u.tenant_id
        WHERE t.code = p_tenant_code AND u.username = p_username
      $$;

      -- A request's session, found by the hash of its cookie token.
      CREATE FUNCTION auth_find_session(p_token_hash bytea)
      RETURNS TABLE (session_id uuid, tenant_id uuid, user_id uuid, created_at timestamptz, last_seen_at timestamptz,
                     revoked_at timestamptz, roles text[], disabled boolean, tenant_level text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT s.id, s.tenant_id, s.user_id, s.created_at, s.last_seen_at, s.revoked_at, u.roles,
               u.disabled_at IS NOT NULL, t.level
        FROM user_session s
        JOIN app_user u ON u.tenant_id = s.tenant_id AND u.id = s.user_id
        JOIN tenant t ON t.id = s.tenant_id
        WHERE s.token_hash = p_token_hash
      $$;

      -- Sign-in throttling: the state of the named keys only, a failure, a success.
      CREATE FUNCTION auth_throttle_state(p_keys text[])
      RETURNS TABLE (key text, failures integer, last_failure_at timestamptz)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT t.key, t.failures, t.last_failure_at FROM sign_in_throttle t WHERE t.key = ANY (p_keys)
      $$;

      CREATE FUNCTION auth_throttle_failure(p_keys text[], p_at timestamptz, p_forget_before timestamptz)
      RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        INSERT INTO sign_in_throttle AS t (key, failures, last_failure_at)
        SELECT k, 1, p_at FROM unnest(p_keys) AS k
        ON CONFLICT (key) DO UPDATE SET
          failures = CASE WHEN t.last_failure_at < p_forget_before THEN 1 ELSE t.failures + 1 END,
          last_failure_at = p_at
      $$;

      CREATE FUNCTION auth_throttle_success(p_account_key text)
      RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        DELETE FROM sign_in_throttle WHERE key = p_account_key AND p_account_key LIKE 'account:%'
      $$;

      -- Per-division user counts for the province: aggregates only, never the rows.
      CREATE FUNCTION division_user_counts()
      RETURNS TABLE (tenant_id uuid, user_count bigint)
      LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM tenant WHERE id = app_tenant_id() AND level = 'PROVINCE') THEN
          RAISE EXCEPTION 'division_user_counts: province tier only' USING ERRCODE = '42501';
        END IF;
        RETURN QUERY
          SELECT t.id, count(u.id) FROM tenant t LEFT JOIN app_user u ON u.tenant_id = t.id
          WHERE t.parent_id = app_tenant_id() GROUP BY t.id;
      END $$;

      -- A province admin creates the first admin of one of its cities.
      CREATE FUNCTION provision_city_admin(p_city_id uuid, p_username text, p_display_name text, p_password_hash text)
      RETURNS uuid LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE v_id uuid;
      BEGIN
        IF NOT app_has_role('PROVINCE_ADMIN') OR NOT EXISTS (
          SELECT 1 FROM tenant WHERE id = p_city_id AND level = 'CITY' AND parent_id = app_tenant_id()
        ) THEN
          RAISE EXCEPTION 'provision_city_admin: not allowed' USING ERRCODE = '42501';
        END IF;
        INSERT INTO app_user (tenant_id, username, display_name, password_hash, roles, created_by)
        VALUES (p_city_id, p_username, p_display_name, p_password_hash, ARRAY['CITY_ADMIN'], app_user_id())
        RETURNING id INTO v_id;
        RETURN v_id;
      END $$;
    `);

    for (const fn of [
      'audit_append(text, text, text, jsonb, jsonb, timestamptz)',
      'auth_find_account(text, text)',
      'auth_find_session(bytea)',
      'division_user_counts()',
      'provision_city_admin(uuid, text, text, text)',
      'auth_throttle_state(text[])',
      'auth_throttle_failure(text[], timestamptz, timestamptz)',
      'auth_throttle_success(text)',
    ]) {
      await db.query(`
        ALTER FUNCTION ${fn} OWNER TO xiangmeng_definer;
        REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC;
        GRANT EXECUTE ON FUNCTION ${fn} TO xiangmeng_app;
      `);
    }

    const province = HUNAN_DIVISIONS.find((d) => d.parentCode === null);
    if (!province) throw new Error('no province in HUNAN_DIVISIONS');
    await db.query(`INSERT INTO tenant (code, name, bureau_name, level) VALUES ($1, $2, $3, $4)`, [
      province.code,
      province.name,
      province.bureauName,
      province.level,
    ]);
    for (const d of HUNAN_DIVISIONS.filter((d) => d.parentCode !== null)) {
      await db.query(
        `INSERT INTO tenant (code, name, bureau_name, level, parent_id)
         SELECT $1, $2, $3, $4, id FROM tenant WHERE code = $5`,
        [d.code, d.name, d.bureauName, d.level, d.parentCode],
      );
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP FUNCTION auth_throttle_success(text);
      DROP FUNCTION auth_throttle_failure(text[], timestamptz, timestamptz);
      DROP FUNCTION auth_throttle_state(text[]);
      DROP FUNCTION provision_city_admin(uuid, text, text, text);
      DROP FUNCTION division_user_counts();
      DROP FUNCTION auth_find_session(bytea);
      DROP FUNCTION auth_find_account(text, text);
      DROP FUNCTION audit_append(text, text, text, jsonb, jsonb, timestamptz);
      DROP FUNCTION audit_genesis_hash(uuid);
      DROP FUNCTION audit_canonical(audit_event);
      DROP TABLE audit_event, sign_in_throttle, user_session, app_user, tenant;
      DROP FUNCTION app_has_role(text);
      DROP FUNCTION app_user_id();
      DROP FUNCTION app_tenant_id();
    `);
  }
}
