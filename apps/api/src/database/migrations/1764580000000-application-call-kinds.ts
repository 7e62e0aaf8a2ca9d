import type { MigrationInterface, QueryRunner } from 'typeorm';

// An application answers a call of its own kind, held by the database and not only by the API:
// a pilot application names a PILOT call of its authority, a programme application a call of its
// authority under the same programme. Foreign keys are checked past row security, so they hold
// across tenants (the province's call, a city's application) without revealing either's rows.
export class ApplicationCallKinds1764580000000 implements MigrationInterface {
  name = 'ApplicationCallKinds1764580000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE UNIQUE INDEX pilot_call_of_kind ON pilot_call (tenant_id, id, kind);
      CREATE UNIQUE INDEX pilot_call_of_programme ON pilot_call (tenant_id, id, programme_id);

      ALTER TABLE pilot_application
        ADD COLUMN call_kind text NOT NULL DEFAULT 'PILOT' CHECK (call_kind = 'PILOT'),
        ADD CONSTRAINT pilot_application_call_of_kind
          FOREIGN KEY (authority_tenant_id, call_id, call_kind) REFERENCES pilot_call (tenant_id, id, kind);

      ALTER TABLE programme_application
        ADD CONSTRAINT programme_application_call_of_programme
          FOREIGN KEY (authority_tenant_id, call_id, programme_id) REFERENCES pilot_call (tenant_id, id, programme_id);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE programme_application DROP CONSTRAINT programme_application_call_of_programme;
      ALTER TABLE pilot_application DROP CONSTRAINT pilot_application_call_of_kind, DROP COLUMN call_kind;
      DROP INDEX pilot_call_of_programme;
      DROP INDEX pilot_call_of_kind;
    `);
  }
}
