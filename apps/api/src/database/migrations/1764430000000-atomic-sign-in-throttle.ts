import type { MigrationInterface, QueryRunner } from 'typeorm';

// Parallel wrong passwords for one account all read the counter before any of them wrote it, so
// each was checked. An attempt now locks its counters, is judged and counted in one short
// transaction: N parallel guesses count N. Refused attempts are counted apart, so the delay still
// grows only with checked failures.
export class AtomicSignInThrottle1764430000000 implements MigrationInterface {
  name = 'AtomicSignInThrottle1764430000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE sign_in_throttle ADD COLUMN refused integer NOT NULL DEFAULT 0 CHECK (refused >= 0);

      -- The counters of the named keys, created when missing and forgotten when stale, locked
      -- (in key order, so two attempts never wait on each other crosswise) until the caller's
      -- transaction ends.
      CREATE FUNCTION auth_throttle_lock(p_keys text[], p_at timestamptz, p_forget_before timestamptz)
      RETURNS TABLE (key text, failures integer, last_failure_at timestamptz)
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        INSERT INTO sign_in_throttle AS t (key, failures, last_failure_at)
        SELECT k, 0, p_at FROM unnest(p_keys) AS k ORDER BY k
        ON CONFLICT ON CONSTRAINT sign_in_throttle_pkey DO NOTHING;
        RETURN QUERY
          UPDATE sign_in_throttle AS t
          SET failures = CASE WHEN t.last_failure_at < p_forget_before THEN 0 ELSE t.failures END,
              refused = CASE WHEN t.last_failure_at < p_forget_before THEN 0 ELSE t.refused END
          FROM (SELECT s.key FROM sign_in_throttle s WHERE s.key = ANY (p_keys) ORDER BY s.key FOR UPDATE) AS locked
          WHERE t.key = locked.key
          RETURNING t.key, t.failures, t.last_failure_at;
      END $$;

      -- Counts an attempt on locked counters: a checked one as a failure (undone by a success),
      -- a refused one apart.
      CREATE FUNCTION auth_throttle_count(p_keys text[], p_at timestamptz, p_checked boolean)
      RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        UPDATE sign_in_throttle SET
          failures = failures + CASE WHEN p_checked THEN 1 ELSE 0 END,
          last_failure_at = CASE WHEN p_checked THEN p_at ELSE last_failure_at END,
          refused = refused + CASE WHEN p_checked THEN 0 ELSE 1 END
        WHERE key = ANY (p_keys)
      $$;

      -- A right password clears the account's counter and takes back the attempt counted
      -- against the address.
      CREATE FUNCTION auth_throttle_succeeded(p_account_key text, p_address_key text)
      RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        DELETE FROM sign_in_throttle WHERE key = p_account_key AND p_account_key LIKE 'account:%';
        UPDATE sign_in_throttle SET failures = greatest(failures - 1, 0)
        WHERE key = p_address_key AND p_address_key LIKE 'address:%';
      $$;

      DROP FUNCTION auth_throttle_state(text[]);
      DROP FUNCTION auth_throttle_failure(text[], timestamptz, timestamptz);
      DROP FUNCTION auth_throttle_success(text);
    `);
    for (const fn of [
      'auth_throttle_lock(text[], timestamptz, timestamptz)',
      'auth_throttle_count(text[], timestamptz, boolean)',
      'auth_throttle_succeeded(text, text)',
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
      DROP FUNCTION auth_throttle_succeeded(text, text);
      DROP FUNCTION auth_throttle_count(text[], timestamptz, boolean);
      DROP FUNCTION auth_throttle_lock(text[], timestamptz, timestamptz);
      ALTER TABLE sign_in_throttle DROP COLUMN refused;

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
    `);
    for (const fn of [
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
  }
}
