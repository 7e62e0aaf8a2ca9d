import type { MigrationInterface, QueryRunner } from 'typeorm';

// Art. 20(2) asks the agreement in effect to say how intellectual property is handled when the
// alliance dissolves and when a member leaves; Art. 8 never asked, so agreements had no place for
// it. Two more clauses of the agreement version, empty on versions written before: such an
// alliance must sign a new version before a programme can support it, which is what the article
// requires. Signed versions stay final (agreement_signed_is_final); the table's grants cover the
// new columns.
export class AgreementIpExitClauses1764485000000 implements MigrationInterface {
  name = 'AgreementIpExitClauses1764485000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE alliance_agreement
        ADD COLUMN ip_on_dissolution text NOT NULL DEFAULT '',
        ADD COLUMN ip_on_member_exit text NOT NULL DEFAULT '';
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE alliance_agreement DROP COLUMN ip_on_dissolution, DROP COLUMN ip_on_member_exit;`,
    );
  }
}
