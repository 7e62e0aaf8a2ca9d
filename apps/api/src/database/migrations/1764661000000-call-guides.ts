import type { MigrationInterface, QueryRunner } from 'typeorm';

// Issue #13: a call (a pilot call or a programme's call, both pilot_call rows) carries its guide
// (申报指南), a document of the publishing tier. The authority's staff set, replace or remove it
// while the call is a draft or open (the API checks the window on its clock); what was there
// before stays in the audit trail and among the tier's documents. Whoever reads the call (its
// row security decides: the child tiers once published, an expert seated on one of its
// applications) reads the guide and downloads its document; nobody else sees either.

const STAFF = `(SELECT app_is_staff())`;
const TENANT = `(SELECT app_tenant_id())`;

export class CallGuides1764661000000 implements MigrationInterface {
  name = 'CallGuides1764661000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE call_guide (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        call_id uuid NOT NULL,
        document_id uuid NOT NULL,
        attached_at timestamptz NOT NULL,
        attached_by uuid,
        PRIMARY KEY (tenant_id, call_id),
        FOREIGN KEY (tenant_id, call_id) REFERENCES pilot_call (tenant_id, id),
        FOREIGN KEY (tenant_id, document_id) REFERENCES document (tenant_id, id)
      );
      ALTER TABLE call_guide ENABLE ROW LEVEL SECURITY;
      ALTER TABLE call_guide FORCE ROW LEVEL SECURITY;
      CREATE POLICY home_staff ON call_guide
        USING (tenant_id = ${TENANT} AND ${STAFF})
        WITH CHECK (tenant_id = ${TENANT} AND ${STAFF});
      CREATE POLICY with_call ON call_guide FOR SELECT
        USING ((tenant_id <> ${TENANT} OR NOT ${STAFF}) AND EXISTS (
          SELECT 1 FROM pilot_call c WHERE c.tenant_id = call_guide.tenant_id AND c.id = call_guide.call_id));
      GRANT SELECT, INSERT, DELETE ON call_guide TO xiangmeng_app;
      GRANT UPDATE (document_id, attached_at, attached_by) ON call_guide TO xiangmeng_app;

      CREATE POLICY guide_of_visible_call ON document FOR SELECT
        USING ((tenant_id <> ${TENANT} OR NOT ${STAFF}) AND kind = 'ATTACHMENT' AND EXISTS (
          SELECT 1 FROM call_guide g WHERE g.tenant_id = document.tenant_id AND g.document_id = document.id));
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP POLICY guide_of_visible_call ON document;
      DROP TABLE call_guide;
    `);
  }
}
