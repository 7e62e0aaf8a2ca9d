import type { MigrationInterface, QueryRunner } from 'typeorm';

// The national pilot list names a city alliance only when the province may know it (DESIGN: the
// province sees what a city has sent upward): a filing submitted to it, a pilot or programme
// application recommended to it, or prior investment declared to it. Before, any city alliance's
// name and status answered a province administrator who knew its id.

export class NationalPilotSentAlliances1764680000000 implements MigrationInterface {
  name = 'NationalPilotSentAlliances1764680000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      GRANT SELECT ON prior_investment TO xiangmeng_definer;
      CREATE POLICY definer_read ON prior_investment FOR SELECT TO xiangmeng_definer USING (true);

      CREATE OR REPLACE FUNCTION national_pilot_alliance(p_alliance_id uuid) RETURNS jsonb
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT jsonb_build_object('id', a.id, 'tenantId', a.tenant_id, 'name', a.name, 'status', a.status)
          FROM alliance a JOIN tenant t ON t.id = a.tenant_id
         WHERE a.id = p_alliance_id AND app_tenant_is_province() AND app_has_role('PROVINCE_ADMIN')
           AND (t.id = app_tenant_id()
                OR t.parent_id = app_tenant_id() AND (
                  EXISTS (SELECT 1 FROM filing f WHERE f.alliance_id = a.id
                            AND f.authority_tenant_id = app_tenant_id() AND f.submitted_at IS NOT NULL)
                  OR EXISTS (SELECT 1 FROM pilot_application p WHERE p.alliance_id = a.id
                               AND p.authority_tenant_id = app_tenant_id() AND p.recommended_at IS NOT NULL)
                  OR EXISTS (SELECT 1 FROM programme_application p WHERE p.alliance_id = a.id
                               AND p.authority_tenant_id = app_tenant_id() AND p.recommended_at IS NOT NULL)
                  OR EXISTS (SELECT 1 FROM prior_investment i WHERE i.alliance_id = a.id
                               AND i.authority_tenant_id = app_tenant_id())))
      $$;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE OR REPLACE FUNCTION national_pilot_alliance(p_alliance_id uuid) RETURNS jsonb
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT jsonb_build_object('id', a.id, 'tenantId', a.tenant_id, 'name', a.name, 'status', a.status)
          FROM alliance a JOIN tenant t ON t.id = a.tenant_id
         WHERE a.id = p_alliance_id AND app_tenant_is_province() AND app_has_role('PROVINCE_ADMIN')
           AND (t.id = app_tenant_id() OR t.parent_id = app_tenant_id())
      $$;
      DROP POLICY definer_read ON prior_investment;
      REVOKE SELECT ON prior_investment FROM xiangmeng_definer;
    `);
  }
}
