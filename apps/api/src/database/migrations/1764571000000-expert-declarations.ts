import type { MigrationInterface, QueryRunner } from 'typeorm';

// The commitment and no-conflict declaration (承诺书/回避声明) an expert confirms before the first
// score on an application: recorded on the sheet of their seat (who: the sheet's expert account;
// when; which version of the text). The expert writes it through the sheet's own policies.
export class ExpertDeclarations1764571000000 implements MigrationInterface {
  name = 'ExpertDeclarations1764571000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE review_sheet
        ADD COLUMN declared_at timestamptz,
        ADD COLUMN declaration_version text CHECK (length(btrim(declaration_version)) BETWEEN 1 AND 40),
        ADD CONSTRAINT review_sheet_declaration_whole CHECK ((declared_at IS NULL) = (declaration_version IS NULL));
      GRANT UPDATE (declared_at, declaration_version) ON review_sheet TO xiangmeng_app;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      REVOKE UPDATE (declared_at, declaration_version) ON review_sheet FROM xiangmeng_app;
      ALTER TABLE review_sheet DROP CONSTRAINT review_sheet_declaration_whole,
        DROP COLUMN declaration_version, DROP COLUMN declared_at;
    `);
  }
}
