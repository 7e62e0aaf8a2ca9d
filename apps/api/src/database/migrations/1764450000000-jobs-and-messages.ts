import type { MigrationInterface, QueryRunner } from 'typeorm';

// Deadlines and notices (issue 10): a job table the API's scheduler claims with SKIP LOCKED, and
// in-app messages with optional mail.
// - A job belongs to a tenant; a request enqueues jobs of its own tenant (row security). Claiming,
//   finishing and failing run through job_* functions, because the scheduler serves every tenant.
//   A job is finished inside the transaction that does its work, so its effect and its DONE commit
//   together: a crash leaves both undone and the job is claimed again once its lease runs out.
// - A message is posted inside the transaction of the step it reports, through message_post, to
//   the users of the acting tenant, its parent or one of its cities (never a sibling city). A
//   recipient reads and marks only their own. One message per recipient and dedupe key.
export class JobsAndMessages1764450000000 implements MigrationInterface {
  name = 'JobsAndMessages1764450000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE job (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        kind text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+$'),
        key text NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
        payload jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(payload) = 'object'),
        run_at timestamptz NOT NULL,
        state text NOT NULL DEFAULT 'PENDING'
          CONSTRAINT job_state_known CHECK (state IN ('PENDING', 'RUNNING', 'DONE', 'FAILED', 'CANCELLED')),
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        max_attempts integer NOT NULL DEFAULT 8 CHECK (max_attempts BETWEEN 1 AND 50),
        locked_by text,
        locked_until timestamptz,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        done_at timestamptz,
        CONSTRAINT job_one_per_key UNIQUE (tenant_id, kind, key),
        CONSTRAINT job_running_is_leased CHECK ((state = 'RUNNING') = (locked_by IS NOT NULL AND locked_until IS NOT NULL))
      );
      -- The scheduler's look-up across tenants (the one query that is not a tenant's).
      CREATE INDEX job_due ON job (run_at) WHERE state IN ('PENDING', 'RUNNING');
      ALTER TABLE job ENABLE ROW LEVEL SECURITY;
      ALTER TABLE job FORCE ROW LEVEL SECURITY;
      CREATE POLICY own_tenant ON job FOR SELECT TO xiangmeng_app USING (tenant_id = (SELECT app_tenant_id()));
      CREATE POLICY own_tenant_enqueues ON job FOR INSERT TO xiangmeng_app
        WITH CHECK (tenant_id = (SELECT app_tenant_id()) AND state = 'PENDING' AND attempts = 0);
      -- A pending job of the tenant may be moved or cancelled (a deadline edited, a step undone).
      CREATE POLICY own_tenant_reschedules ON job FOR UPDATE TO xiangmeng_app
        USING (tenant_id = (SELECT app_tenant_id()) AND state = 'PENDING')
        WITH CHECK (tenant_id = (SELECT app_tenant_id()) AND state IN ('PENDING', 'CANCELLED'));
      GRANT SELECT, INSERT ON job TO xiangmeng_app;
      GRANT UPDATE (run_at, payload, state) ON job TO xiangmeng_app;
      CREATE POLICY scheduler ON job TO xiangmeng_definer USING (true) WITH CHECK (true);
      GRANT SELECT, UPDATE ON job TO xiangmeng_definer;

      CREATE FUNCTION job_claim(p_worker text, p_now timestamptz, p_lease_seconds integer, p_limit integer)
      RETURNS SETOF job LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        UPDATE job SET state = 'RUNNING', locked_by = p_worker,
                       locked_until = p_now + make_interval(secs => p_lease_seconds), attempts = attempts + 1
         WHERE id IN (
           SELECT id FROM job
            WHERE (state = 'PENDING' AND run_at <= p_now) OR (state = 'RUNNING' AND locked_until < p_now)
            ORDER BY run_at, id
            LIMIT p_limit
            FOR UPDATE SKIP LOCKED)
        RETURNING *
      $$;

      -- Called in the transaction that did the job's work; false when the lease was lost to
      -- another worker, and the caller then rolls its work back.
      CREATE FUNCTION job_finish(p_id uuid, p_worker text, p_now timestamptz)
      RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        UPDATE job SET state = 'DONE', done_at = p_now, locked_by = NULL, locked_until = NULL, last_error = NULL
         WHERE id = p_id AND state = 'RUNNING' AND locked_by = p_worker;
        RETURN FOUND;
      END $$;

      CREATE FUNCTION job_fail(p_id uuid, p_worker text, p_error text, p_retry_at timestamptz)
      RETURNS text LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        UPDATE job SET state = CASE WHEN attempts >= max_attempts THEN 'FAILED' ELSE 'PENDING' END,
                       run_at = p_retry_at, locked_by = NULL, locked_until = NULL, last_error = left(p_error, 2000)
         WHERE id = p_id AND state = 'RUNNING' AND locked_by = p_worker
        RETURNING state
      $$;

      -- Where a user's messages are also mailed; set by the user (self-service) or an administrator.
      ALTER TABLE app_user ADD COLUMN email text
        CONSTRAINT app_user_email_format CHECK (email ~ '^[^@[:space:][:cntrl:]]+@[^@[:space:][:cntrl:]]+\\.[^@[:space:][:cntrl:]]+$' AND length(email) <= 254);

      CREATE TABLE message (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        recipient_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind ~ '^[A-Z][A-Z_]*$'),
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
        body text NOT NULL CHECK (length(body) <= 2000),
        link text CHECK (link ~ '^/[^[:space:][:cntrl:]]*$'),
        subject_type text,
        subject_id uuid,
        dedupe_key text NOT NULL CHECK (length(dedupe_key) BETWEEN 1 AND 200),
        sender_tenant_id uuid NOT NULL REFERENCES tenant (id),
        created_at timestamptz NOT NULL,
        read_at timestamptz,
        mailed_at timestamptz,
        CONSTRAINT message_once UNIQUE (tenant_id, recipient_id, dedupe_key),
        FOREIGN KEY (tenant_id, recipient_id) REFERENCES app_user (tenant_id, id)
      );
      CREATE INDEX message_inbox ON message (tenant_id, recipient_id, created_at DESC);
      CREATE INDEX message_unread ON message (tenant_id, recipient_id) WHERE read_at IS NULL;
      ALTER TABLE message ENABLE ROW LEVEL SECURITY;
      ALTER TABLE message FORCE ROW LEVEL SECURITY;
      CREATE POLICY recipient ON message TO xiangmeng_app
        USING (tenant_id = (SELECT app_tenant_id()) AND recipient_id = (SELECT app_user_id()))
        WITH CHECK (tenant_id = (SELECT app_tenant_id()) AND recipient_id = (SELECT app_user_id()));
      GRANT SELECT ON message TO xiangmeng_app;
      GRANT UPDATE (read_at) ON message TO xiangmeng_app;
      CREATE POLICY poster ON message TO xiangmeng_definer USING (true) WITH CHECK (true);
      GRANT SELECT, INSERT, UPDATE (mailed_at) ON message TO xiangmeng_definer;
      GRANT INSERT ON job TO xiangmeng_definer;

      -- Posts one message to each active user of p_tenant holding one of p_roles (or to p_user
      -- alone), once per dedupe key, and a mail job for those with an address. The acting tenant
      -- writes to itself, its parent or its own cities only.
      CREATE FUNCTION message_post(
        p_tenant uuid, p_roles text[], p_user uuid, p_kind text, p_title text, p_body text, p_link text,
        p_subject_type text, p_subject_id uuid, p_dedupe_key text, p_now timestamptz
      ) RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        v_sender uuid := app_tenant_id();
        v_posted integer;
      BEGIN
        IF v_sender IS NULL OR NOT EXISTS (
          SELECT 1 FROM tenant t
           WHERE t.id = p_tenant
             AND (t.id = v_sender OR t.parent_id = v_sender
                  OR t.id = (SELECT s.parent_id FROM tenant s WHERE s.id = v_sender))
        ) THEN
          RAISE EXCEPTION 'message_post: % may not write to %', v_sender, p_tenant USING ERRCODE = '42501';
        END IF;
        WITH posted AS (
          INSERT INTO message (tenant_id, recipient_id, kind, title, body, link, subject_type, subject_id,
                               dedupe_key, sender_tenant_id, created_at)
          SELECT u.tenant_id, u.id, p_kind, p_title, p_body, p_link, p_subject_type, p_subject_id,
                 p_dedupe_key, v_sender, p_now
            FROM app_user u
           WHERE u.tenant_id = p_tenant AND u.disabled_at IS NULL
             AND (CASE WHEN p_user IS NULL THEN u.roles && p_roles ELSE u.id = p_user END)
          ON CONFLICT ON CONSTRAINT message_once DO NOTHING
          RETURNING id, tenant_id, recipient_id
        ), mailed AS (
          INSERT INTO job (tenant_id, kind, key, payload, run_at)
          SELECT p.tenant_id, 'message.mail', p.id::text, jsonb_build_object('messageId', p.id), p_now
            FROM posted p JOIN app_user u ON u.id = p.recipient_id
           WHERE u.email IS NOT NULL
          ON CONFLICT ON CONSTRAINT job_one_per_key DO NOTHING
        )
        SELECT count(*) INTO v_posted FROM posted;
        RETURN v_posted;
      END $$;

      -- What the mail job needs of a message: its text and the recipient's address, while unsent.
      CREATE FUNCTION message_for_mail(p_id uuid)
      RETURNS TABLE (id uuid, title text, body text, link text, email text, display_name text, mailed_at timestamptz)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT m.id, m.title, m.body, m.link, u.email, u.display_name, m.mailed_at
          FROM message m JOIN app_user u ON u.id = m.recipient_id
         WHERE m.id = p_id
      $$;

      CREATE FUNCTION message_mailed(p_id uuid, p_now timestamptz)
      RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        UPDATE message SET mailed_at = p_now WHERE id = p_id AND mailed_at IS NULL;
        RETURN FOUND;
      END $$;
    `);
    for (const fn of [
      'job_claim(text, timestamptz, integer, integer)',
      'job_finish(uuid, text, timestamptz)',
      'job_fail(uuid, text, text, timestamptz)',
      'message_post(uuid, text[], uuid, text, text, text, text, text, uuid, text, timestamptz)',
      'message_for_mail(uuid)',
      'message_mailed(uuid, timestamptz)',
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
      DROP FUNCTION message_mailed(uuid, timestamptz);
      DROP FUNCTION message_for_mail(uuid);
      DROP FUNCTION message_post(uuid, text[], uuid, text, text, text, text, text, uuid, text, timestamptz);
      DROP TABLE message;
      ALTER TABLE app_user DROP COLUMN email;
      DROP FUNCTION job_fail(uuid, text, text, timestamptz);
      DROP FUNCTION job_finish(uuid, text, timestamptz);
      DROP FUNCTION job_claim(text, timestamptz, integer, integer);
      DROP TABLE job;
    `);
  }
}
