import type { MigrationInterface, QueryRunner } from 'typeorm';

// Least privilege in the database (issue 14). The register policies asked only for the tenant, so
// an EXPERT account read (and could write) its tier's register at the SQL level and only the API
// refused; and a CITY_OFFICER could do in SQL what only an administrator may. Now:
// - the register is its tier's staff's; an expert reads only what its seat needs (the dossier,
//   its attachments and call, which the pilot tables' policies already give, and published
//   measures: the rules its sheet is scored by) besides the public organization directory;
// - publishing (measures, calls) and user management are the administrators' (app.roles);
// - a user reads and changes only their own account and sessions unless they are an administrator.
const REGISTER = [
  'alliance',
  'governance_body',
  'alliance_member',
  'document',
  'alliance_agreement',
  'agreement_task',
  'agreement_signature',
  'alliance_output',
] as const;

const TENANT = `tenant_id = (SELECT app_tenant_id())`;
const STAFF = `(SELECT app_is_staff())`;
const ADMIN = `(SELECT app_is_admin())`;
const ME = `(SELECT app_user_id())`;

export class LeastPrivilege1764420000000 implements MigrationInterface {
  name = 'LeastPrivilege1764420000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION app_is_admin() RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT app_has_role('PROVINCE_ADMIN') OR app_has_role('CITY_ADMIN')
      $$;
    `);
    for (const table of REGISTER) {
      await db.query(`
        DROP POLICY tenant_isolation ON ${table};
        CREATE POLICY tenant_staff ON ${table}
          USING (${TENANT} AND ${STAFF})
          WITH CHECK (${TENANT} AND ${STAFF});
      `);
    }
    await db.query(`
      -- The directory is public record (legal persons), read by every account: keys into it from
      -- tenant tables reveal nothing only because everyone reads it in full. It is kept by staff.
      DROP POLICY directory_add ON organization;
      DROP POLICY directory_correct ON organization;
      CREATE POLICY directory_add ON organization FOR INSERT
        WITH CHECK (added_by_tenant_id = (SELECT app_tenant_id()) AND ${STAFF});
      CREATE POLICY directory_correct ON organization FOR UPDATE
        USING ((added_by_tenant_id = (SELECT app_tenant_id()) OR (SELECT app_tenant_is_province())) AND ${STAFF})
        WITH CHECK ((added_by_tenant_id = (SELECT app_tenant_id()) OR (SELECT app_tenant_is_province())) AND ${STAFF});

      -- Measures: staff draft them, only an administrator publishes (a row leaves DRAFT only under
      -- an administrator's identity); everyone of the tier, experts included, reads the published.
      DROP POLICY tenant_isolation ON measures;
      CREATE POLICY tenant_staff ON measures
        USING (${TENANT} AND ${STAFF})
        WITH CHECK (${TENANT} AND ${STAFF} AND (status = 'DRAFT' OR ${ADMIN}));
      CREATE POLICY own_published ON measures FOR SELECT USING (${TENANT} AND status = 'PUBLISHED');

      -- Calls: the same rule for publication.
      DROP POLICY tenant_staff ON pilot_call;
      CREATE POLICY tenant_staff ON pilot_call
        USING (${TENANT} AND ${STAFF})
        WITH CHECK (${TENANT} AND ${STAFF} AND (status = 'DRAFT' OR ${ADMIN}));

      -- Accounts: staff read their tier's users (names on records); only an administrator creates
      -- or changes another account; anyone may change their own (password, last sign-in) but not
      -- their roles, name or state (trigger below).
      DROP POLICY tenant_isolation ON app_user;
      CREATE POLICY tenant_read ON app_user FOR SELECT USING (${TENANT} AND (${STAFF} OR id = ${ME}));
      CREATE POLICY admin_add ON app_user FOR INSERT WITH CHECK (${TENANT} AND ${ADMIN});
      CREATE POLICY admin_or_self_change ON app_user FOR UPDATE
        USING (${TENANT} AND (${ADMIN} OR id = ${ME}))
        WITH CHECK (${TENANT} AND (${ADMIN} OR id = ${ME}));
      CREATE FUNCTION app_user_self_service() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- A superuser's maintenance (no identity set) is not an account's self-service.
        IF NOT app_is_admin() AND NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
           AND (NEW.tenant_id, NEW.username, NEW.display_name, NEW.roles, NEW.disabled_at, NEW.created_by)
             IS DISTINCT FROM (OLD.tenant_id, OLD.username, OLD.display_name, OLD.roles, OLD.disabled_at, OLD.created_by) THEN
          RAISE EXCEPTION 'only an administrator changes account %''s roles, name or state', OLD.id
            USING ERRCODE = '42501';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER app_user_self_service BEFORE UPDATE ON app_user
        FOR EACH ROW EXECUTE FUNCTION app_user_self_service();

      -- Sessions: one's own; an administrator ends another user's (disable, password reset).
      DROP POLICY tenant_isolation ON user_session;
      CREATE POLICY own_or_admin ON user_session
        USING (${TENANT} AND (user_id = ${ME} OR ${ADMIN}))
        WITH CHECK (${TENANT} AND (user_id = ${ME} OR ${ADMIN}));
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    const isolation = (table: string) => `
      CREATE POLICY tenant_isolation ON ${table}
        USING (${TENANT}) WITH CHECK (${TENANT});`;
    await db.query(`
      DROP POLICY own_or_admin ON user_session;
      ${isolation('user_session')}
      DROP TRIGGER app_user_self_service ON app_user;
      DROP FUNCTION app_user_self_service();
      DROP POLICY admin_or_self_change ON app_user;
      DROP POLICY admin_add ON app_user;
      DROP POLICY tenant_read ON app_user;
      ${isolation('app_user')}
      DROP POLICY tenant_staff ON pilot_call;
      CREATE POLICY tenant_staff ON pilot_call USING (${TENANT} AND ${STAFF}) WITH CHECK (${TENANT} AND ${STAFF});
      DROP POLICY own_published ON measures;
      DROP POLICY tenant_staff ON measures;
      ${isolation('measures')}
      DROP POLICY directory_correct ON organization;
      DROP POLICY directory_add ON organization;
      CREATE POLICY directory_add ON organization FOR INSERT WITH CHECK (added_by_tenant_id = (SELECT app_tenant_id()));
      CREATE POLICY directory_correct ON organization FOR UPDATE
        USING (added_by_tenant_id = (SELECT app_tenant_id()) OR (SELECT app_tenant_is_province()))
        WITH CHECK (added_by_tenant_id = (SELECT app_tenant_id()) OR (SELECT app_tenant_is_province()));
    `);
    for (const table of REGISTER) {
      await db.query(`DROP POLICY tenant_staff ON ${table}; ${isolation(table)}`);
    }
    await db.query(`DROP FUNCTION app_is_admin();`);
  }
}
