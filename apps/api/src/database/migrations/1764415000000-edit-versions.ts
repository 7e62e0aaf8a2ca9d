import type { MigrationInterface, QueryRunner } from 'typeorm';

// Every edit carries the version it was based on (issue 14). Measures drafts and agreement drafts
// get an edit counter of their own (measures.version_no and alliance_agreement.version number
// the published version and the agreement version, not edits); every edited record stamps who
// changed it last, so a refused stale edit can say who and when.
const EDITED = [
  'alliance',
  'organization',
  'measures',
  'alliance_agreement',
  'pilot_application',
  'pilot_call',
  'expert',
  'review_sheet',
] as const;

export class EditVersions1764415000000 implements MigrationInterface {
  name = 'EditVersions1764415000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE measures
        ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version > 0),
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
      GRANT UPDATE (version, updated_at) ON measures TO xiangmeng_app;
      ALTER TABLE alliance_agreement
        ADD COLUMN revision integer NOT NULL DEFAULT 1 CHECK (revision > 0),
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
      ALTER TABLE pilot_call ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

      -- The user of the transaction that changed the row last; a statement that does not set
      -- updated_at itself gets the transaction's time.
      CREATE FUNCTION stamp_last_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.updated_by := app_user_id();
        IF NEW.updated_at IS NOT DISTINCT FROM OLD.updated_at THEN
          NEW.updated_at := now();
        END IF;
        RETURN NEW;
      END $$;
    `);
    for (const table of EDITED) {
      await db.query(`
        ALTER TABLE ${table} ADD COLUMN updated_by uuid;
        CREATE TRIGGER ${table}_stamp_last_change BEFORE UPDATE ON ${table}
          FOR EACH ROW EXECUTE FUNCTION stamp_last_change();
      `);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of EDITED) {
      await db.query(`
        DROP TRIGGER ${table}_stamp_last_change ON ${table};
        ALTER TABLE ${table} DROP COLUMN updated_by;
      `);
    }
    await db.query(`
      DROP FUNCTION stamp_last_change();
      ALTER TABLE pilot_call DROP COLUMN updated_at;
      ALTER TABLE alliance_agreement DROP COLUMN revision, DROP COLUMN updated_at;
      REVOKE UPDATE (version, updated_at) ON measures FROM xiangmeng_app;
      ALTER TABLE measures DROP COLUMN version, DROP COLUMN updated_at;
    `);
  }
}
