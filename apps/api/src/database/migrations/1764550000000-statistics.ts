import type { MigrationInterface, QueryRunner } from 'typeorm';

// The statistics pages read the register's figures through one definer function: the province
// sees per-city aggregates of every city's register (never the rows: its 联盟名录 lists only
// alliances whose filing is in force), a city the figures of its own. The function answers
// counts only, checks the caller's tier and staff role itself, and reads nothing a caller could
// steer (it takes no argument). Funding is not here: projects and the ledger are read under their
// own row security by the API's statement.
export class Statistics1764550000000 implements MigrationInterface {
  name = 'Statistics1764550000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      GRANT SELECT ON confirmed_pilot TO xiangmeng_definer;
      CREATE POLICY definer_read ON confirmed_pilot FOR SELECT TO xiangmeng_definer USING (true);

      CREATE FUNCTION register_statistics() RETURNS jsonb
      LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        v_province boolean;
        v_scope uuid[];
      BEGIN
        IF app_tenant_id() IS NULL OR NOT app_is_staff() THEN
          RAISE EXCEPTION 'register_statistics: staff only' USING ERRCODE = '42501';
        END IF;
        v_province := app_tenant_is_province();
        -- The province: its cities; a city: itself.
        SELECT coalesce(array_agg(id), '{}') INTO v_scope FROM tenant
         WHERE CASE WHEN v_province THEN parent_id = app_tenant_id() ELSE id = app_tenant_id() END;
        RETURN jsonb_build_object(
          'cities', (
            SELECT coalesce(jsonb_agg(jsonb_build_object(
                     'tenantId', t.id,
                     'alliances', (SELECT count(*) FROM alliance a WHERE a.tenant_id = t.id),
                     'pilots', (SELECT count(*) FROM alliance a WHERE a.tenant_id = t.id AND a.pilot_status <> 'NONE'),
                     -- The province counts a filing from its submission on, never a city's draft.
                     'filings', (SELECT count(*) FROM filing f WHERE f.tenant_id = t.id
                                    AND (NOT v_province OR f.submitted_at IS NOT NULL))
                   ) ORDER BY t.code), '[]'::jsonb)
              FROM tenant t WHERE t.id = ANY (v_scope)),
          'industries', (
            SELECT coalesce(jsonb_agg(jsonb_build_object('key', industry_code, 'count', n) ORDER BY n DESC, industry_code),
                            '[]'::jsonb)
              FROM (SELECT industry_code, count(*) AS n FROM alliance WHERE tenant_id = ANY (v_scope)
                     GROUP BY industry_code) x),
          'statuses', (
            SELECT coalesce(jsonb_agg(jsonb_build_object('key', status, 'count', n) ORDER BY status), '[]'::jsonb)
              FROM (SELECT status, count(*) AS n FROM alliance WHERE tenant_id = ANY (v_scope) GROUP BY status) x),
          'pilotLevels', (
            SELECT coalesce(jsonb_agg(jsonb_build_object('key', pilot_status, 'count', n) ORDER BY pilot_status),
                            '[]'::jsonb)
              FROM (SELECT pilot_status, count(*) AS n FROM alliance WHERE tenant_id = ANY (v_scope)
                     GROUP BY pilot_status) x),
          -- Confirmations by the year of the decision (China time: confirmed_on is a calendar date).
          'pilotsByYear', (
            SELECT coalesce(jsonb_agg(jsonb_build_object('year', y, 'key', level, 'count', n) ORDER BY y, level),
                            '[]'::jsonb)
              FROM (SELECT extract(year FROM confirmed_on)::int AS y, level, count(*) AS n FROM confirmed_pilot
                     WHERE alliance_tenant_id = ANY (v_scope) GROUP BY 1, 2) x),
          'filingStates', (
            SELECT coalesce(jsonb_agg(jsonb_build_object('key', state, 'count', n) ORDER BY state), '[]'::jsonb)
              FROM (SELECT state, count(*) AS n FROM filing
                     WHERE tenant_id = ANY (v_scope) AND (NOT v_province OR submitted_at IS NOT NULL)
                     GROUP BY state) x)
        );
      END $$;
      ALTER FUNCTION register_statistics() OWNER TO xiangmeng_definer;
      REVOKE ALL ON FUNCTION register_statistics() FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION register_statistics() TO xiangmeng_app;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP FUNCTION register_statistics();
      DROP POLICY definer_read ON confirmed_pilot;
      REVOKE SELECT ON confirmed_pilot FROM xiangmeng_definer;
    `);
  }
}
