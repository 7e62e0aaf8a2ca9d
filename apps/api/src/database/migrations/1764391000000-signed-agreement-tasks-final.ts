import type { MigrationInterface, QueryRunner } from 'typeorm';

// The task division is part of what the members' legal representatives sign (Art. 8(2)): once a
// version has a signature, its tasks are as frozen as its text.
export class SignedAgreementTasksFinal1764391000000 implements MigrationInterface {
  name = 'SignedAgreementTasksFinal1764391000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION agreement_task_signed_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (TG_OP <> 'INSERT' AND EXISTS (
              SELECT 1 FROM agreement_signature s WHERE s.tenant_id = OLD.tenant_id AND s.agreement_id = OLD.agreement_id))
           OR (TG_OP <> 'DELETE' AND EXISTS (
              SELECT 1 FROM agreement_signature s WHERE s.tenant_id = NEW.tenant_id AND s.agreement_id = NEW.agreement_id)) THEN
          RAISE EXCEPTION 'agreement has signatures and its tasks cannot change' USING ERRCODE = '55000';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$;
      CREATE TRIGGER agreement_task_signed_is_final BEFORE INSERT OR UPDATE OR DELETE ON agreement_task
        FOR EACH ROW EXECUTE FUNCTION agreement_task_signed_is_final();
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TRIGGER agreement_task_signed_is_final ON agreement_task;
      DROP FUNCTION agreement_task_signed_is_final();
    `);
  }
}
