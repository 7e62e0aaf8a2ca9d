import type { MigrationInterface, QueryRunner } from 'typeorm';

// Issue #13: besides pilot decisions, a programme application's award or decline and a filing's
// certificate (备案证明) are kept as PDF with their SHA-256. The row is the deciding authority's;
// whoever reads the decided record on the applicant side (the programme application's home
// bureau, the filing city) reads its PDF, the document following by decision_of_visible_record.
export class DecisionPdfSubjects1764660000000 implements MigrationInterface {
  name = 'DecisionPdfSubjects1764660000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE decision_pdf DROP CONSTRAINT decision_pdf_subject_type_check,
        ADD CONSTRAINT decision_pdf_subject_type_check
          CHECK (subject_type IN ('pilot_application', 'programme_application', 'filing'));
      CREATE POLICY with_programme_application ON decision_pdf FOR SELECT
        USING (tenant_id <> (SELECT app_tenant_id()) AND (SELECT app_is_staff())
               AND subject_type = 'programme_application' AND EXISTS (
          SELECT 1 FROM programme_application a WHERE a.id = decision_pdf.subject_id
            AND a.authority_tenant_id = decision_pdf.tenant_id));
      CREATE POLICY with_filing ON decision_pdf FOR SELECT
        USING (tenant_id <> (SELECT app_tenant_id()) AND (SELECT app_is_staff())
               AND subject_type = 'filing' AND EXISTS (
          SELECT 1 FROM filing f WHERE f.id = decision_pdf.subject_id
            AND f.authority_tenant_id = decision_pdf.tenant_id));
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP POLICY with_filing ON decision_pdf;
      DROP POLICY with_programme_application ON decision_pdf;
      DELETE FROM decision_pdf WHERE subject_type <> 'pilot_application';
      ALTER TABLE decision_pdf DROP CONSTRAINT decision_pdf_subject_type_check,
        ADD CONSTRAINT decision_pdf_subject_type_check CHECK (subject_type IN ('pilot_application'));
    `);
  }
}
