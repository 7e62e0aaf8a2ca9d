import type { MigrationInterface, QueryRunner } from 'typeorm';

// A decision kept as a PDF (issue #13): requested when the decision is recorded (the letter as
// composed then travels in the rendering job's payload), then the rendered file (a document of the deciding tenant) with its SHA-256, or the reason there is
// none. Rendering happens later on the job scheduler, outside the decision's transaction.
export class DecisionPdfs1764600000000 implements MigrationInterface {
  name = 'DecisionPdfs1764600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE document DROP CONSTRAINT document_kind_check,
        ADD CONSTRAINT document_kind_check
          CHECK (kind IN ('AGREEMENT_SCAN', 'FEASIBILITY_REPORT', 'ATTACHMENT', 'DECISION'));

      CREATE TABLE decision_pdf (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        subject_type text NOT NULL CHECK (subject_type IN ('pilot_application')),
        subject_id uuid NOT NULL,
        state text NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'STORED', 'MISSING')),
        file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
        requested_at timestamptz NOT NULL,
        rendered_at timestamptz,
        document_id uuid,
        sha256 bytea CHECK (length(sha256) = 32),
        reason text CHECK (length(reason) BETWEEN 1 AND 500),
        UNIQUE (tenant_id, id),
        UNIQUE (tenant_id, subject_type, subject_id),
        FOREIGN KEY (tenant_id, document_id) REFERENCES document (tenant_id, id),
        CHECK ((state = 'STORED') = (document_id IS NOT NULL AND sha256 IS NOT NULL)),
        CHECK ((state = 'MISSING') = (reason IS NOT NULL)),
        CHECK ((state = 'PENDING') = (rendered_at IS NULL))
      );

      ALTER TABLE decision_pdf ENABLE ROW LEVEL SECURITY;
      ALTER TABLE decision_pdf FORCE ROW LEVEL SECURITY;
      CREATE POLICY home_staff ON decision_pdf
        USING (tenant_id = (SELECT app_tenant_id()) AND (SELECT app_is_staff()))
        WITH CHECK (tenant_id = (SELECT app_tenant_id()) AND (SELECT app_is_staff()));
      -- Whoever reads the decided record (the applicant city) reads its decision's PDF.
      CREATE POLICY with_pilot_application ON decision_pdf FOR SELECT
        USING (tenant_id <> (SELECT app_tenant_id()) AND (SELECT app_is_staff())
               AND subject_type = 'pilot_application' AND EXISTS (
          SELECT 1 FROM pilot_application a WHERE a.id = decision_pdf.subject_id
            AND a.authority_tenant_id = decision_pdf.tenant_id));
      GRANT SELECT, INSERT, UPDATE ON decision_pdf TO xiangmeng_app;

      CREATE POLICY decision_of_visible_record ON document FOR SELECT
        USING ((tenant_id <> (SELECT app_tenant_id()) OR NOT (SELECT app_is_staff())) AND kind = 'DECISION'
               AND EXISTS (SELECT 1 FROM decision_pdf d WHERE d.tenant_id = document.tenant_id
                             AND d.document_id = document.id));
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP POLICY decision_of_visible_record ON document;
      DROP TABLE decision_pdf;
      DELETE FROM document WHERE kind = 'DECISION';
      ALTER TABLE document DROP CONSTRAINT document_kind_check,
        ADD CONSTRAINT document_kind_check CHECK (kind IN ('AGREEMENT_SCAN', 'FEASIBILITY_REPORT', 'ATTACHMENT'));
    `);
  }
}
