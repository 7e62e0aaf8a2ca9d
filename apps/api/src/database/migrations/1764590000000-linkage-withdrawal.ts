import type { MigrationInterface, QueryRunner } from 'typeorm';

// Withdrawal from the province's linkage programme (Art. 17): the enrolment keeps its row and gains
// the day, the reason and who recorded it. A withdrawal is final (a later return is a new enrolment),
// so the history reads as it happened; finance_need_visible_to already stops at withdrawn_on.
export class LinkageWithdrawal1764590000000 implements MigrationInterface {
  name = 'LinkageWithdrawal1764590000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE finance_linkage_institution
        ADD COLUMN withdrawal_reason text CHECK (length(btrim(withdrawal_reason)) BETWEEN 1 AND 500),
        ADD COLUMN withdrawn_by uuid,
        ADD CONSTRAINT finance_linkage_withdrawal_reason CHECK ((withdrawn_on IS NULL) = (withdrawal_reason IS NULL));
      GRANT UPDATE (withdrawal_reason, withdrawn_by) ON finance_linkage_institution TO xiangmeng_app;

      CREATE FUNCTION finance_linkage_withdrawal_final() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.withdrawn_on IS NOT NULL THEN
          RAISE EXCEPTION 'enrolment % was withdrawn on %', OLD.id, OLD.withdrawn_on
            USING ERRCODE = '55000', HINT = 'LINKAGE_ALREADY_WITHDRAWN';
        END IF;
        IF (NEW.tenant_id, NEW.organization_id, NEW.enrolled_on, NEW.created_at, NEW.created_by)
           IS DISTINCT FROM (OLD.tenant_id, OLD.organization_id, OLD.enrolled_on, OLD.created_at, OLD.created_by) THEN
          RAISE EXCEPTION 'enrolment % keeps its institution and day', OLD.id USING ERRCODE = '55000';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER finance_linkage_withdrawal_final BEFORE UPDATE ON finance_linkage_institution
        FOR EACH ROW EXECUTE FUNCTION finance_linkage_withdrawal_final();
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TRIGGER finance_linkage_withdrawal_final ON finance_linkage_institution;
      DROP FUNCTION finance_linkage_withdrawal_final();
      ALTER TABLE finance_linkage_institution DROP CONSTRAINT finance_linkage_withdrawal_reason,
        DROP COLUMN withdrawn_by, DROP COLUMN withdrawal_reason;
    `);
  }
}
