import type { MigrationInterface, QueryRunner } from 'typeorm';

// Evaluation rounds of innovation platforms (评估批次, Art. 15): the authority opens a round of a
// year and a field covering its platforms due for evaluation, seats experts of its pool, each seated
// expert scores each platform they are free to score, and closing grades every platform from the
// submitted sheets (platform_evaluation, now naming its round).
//
// Tenancy: every row is the authority's (the platform's tenant_id). Its staff open, seat and close;
// a seated expert reads the round, its platforms and their register rows, and writes only their own
// sheets' scores while the round is open and after their declaration. The home bureau reads the
// outcome through platform_evaluation as before; nobody else sees any of it.
//
// Conflicts of interest are checked again here: a sheet is refused for an expert who works for, or
// declared a conflict with, the platform's host or a co-building unit.

const TENANT = `tenant_id = (SELECT app_tenant_id())`;
const STAFF = `(SELECT app_is_staff())`;
const ME = `expert_user_id = (SELECT app_user_id())`;
const MY_ROUNDS = `(SELECT s.round_id FROM platform_evaluation_seat s WHERE ${TENANT.replace('tenant_id', 's.tenant_id')} AND s.${ME})`;

export class PlatformEvaluationRounds1764670000000 implements MigrationInterface {
  name = 'PlatformEvaluationRounds1764670000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE platform_evaluation_round (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        year integer NOT NULL CHECK (year BETWEEN 2016 AND 2100),
        field text NOT NULL REFERENCES industry (code),
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CLOSED')),
        -- The day of the grades, set at closing (China calendar).
        evaluated_on date,
        version integer NOT NULL DEFAULT 1 CHECK (version > 0),
        opened_by uuid,
        opened_at timestamptz NOT NULL DEFAULT now(),
        closed_by uuid,
        closed_at timestamptz,
        UNIQUE (tenant_id, id),
        -- One round of a field a year.
        UNIQUE (tenant_id, year, field),
        CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL)),
        CHECK ((status = 'CLOSED') = (evaluated_on IS NOT NULL))
      );
      CREATE INDEX platform_evaluation_round_list ON platform_evaluation_round (tenant_id, year DESC, field);

      CREATE TABLE platform_evaluation_round_platform (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        round_id uuid NOT NULL,
        platform_id uuid NOT NULL,
        due text NOT NULL CHECK (due IN ('PERIODIC', 'RE_EVALUATION')),
        -- The evaluation the round's closing recorded.
        evaluation_id uuid,
        PRIMARY KEY (tenant_id, round_id, platform_id),
        FOREIGN KEY (tenant_id, round_id) REFERENCES platform_evaluation_round (tenant_id, id),
        FOREIGN KEY (tenant_id, platform_id) REFERENCES platform (tenant_id, id),
        FOREIGN KEY (tenant_id, evaluation_id) REFERENCES platform_evaluation (tenant_id, id)
      );
      CREATE INDEX platform_evaluation_round_platform_of_platform
        ON platform_evaluation_round_platform (tenant_id, platform_id);

      CREATE TABLE platform_evaluation_seat (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        round_id uuid NOT NULL,
        expert_id uuid NOT NULL,
        -- The expert's account when seated: only an expert who can sign in takes a seat.
        expert_user_id uuid NOT NULL,
        seated_by uuid,
        seated_at timestamptz NOT NULL DEFAULT now(),
        -- The commitment and no-conflict declaration, once for the round (expert-declaration.ts).
        declared_at timestamptz,
        declaration_version text CHECK (length(btrim(declaration_version)) BETWEEN 1 AND 40),
        UNIQUE (tenant_id, id),
        UNIQUE (tenant_id, id, expert_id, expert_user_id),
        UNIQUE (tenant_id, round_id, expert_id),
        FOREIGN KEY (tenant_id, round_id) REFERENCES platform_evaluation_round (tenant_id, id),
        FOREIGN KEY (tenant_id, expert_id) REFERENCES expert (tenant_id, id),
        CHECK ((declared_at IS NULL) = (declaration_version IS NULL))
      );
      CREATE INDEX platform_evaluation_seat_of_user ON platform_evaluation_seat (tenant_id, expert_user_id);

      CREATE TABLE platform_evaluation_sheet (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        round_id uuid NOT NULL,
        seat_id uuid NOT NULL,
        platform_id uuid NOT NULL,
        expert_id uuid NOT NULL,
        expert_user_id uuid NOT NULL,
        scores jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(scores) = 'object'),
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'SUBMITTED')),
        submitted_at timestamptz,
        version integer NOT NULL DEFAULT 1 CHECK (version > 0),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- Who saved it last (stamp_last_change), for a refused stale save to name.
        updated_by uuid,
        UNIQUE (tenant_id, id),
        UNIQUE (tenant_id, seat_id, platform_id),
        -- The sheet is its seat's: same expert and account (and round: the trigger below).
        FOREIGN KEY (tenant_id, seat_id, expert_id, expert_user_id)
          REFERENCES platform_evaluation_seat (tenant_id, id, expert_id, expert_user_id),
        FOREIGN KEY (tenant_id, round_id, platform_id)
          REFERENCES platform_evaluation_round_platform (tenant_id, round_id, platform_id),
        CHECK ((status = 'SUBMITTED') = (submitted_at IS NOT NULL))
      );
      CREATE INDEX platform_evaluation_sheet_of_user ON platform_evaluation_sheet (tenant_id, expert_user_id);
      CREATE INDEX platform_evaluation_sheet_of_round ON platform_evaluation_sheet (tenant_id, round_id, platform_id);

      -- A sheet of a round's platform belongs to a seat of that round. (Not a third key over
      -- round_id: each key must be the one that refuses a wrong id.) Looked up as the inserter,
      -- under row-level security, for rows of the inserter's own tenant.
      CREATE FUNCTION platform_evaluation_sheet_seat_round() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- Another tenant's row is row security's to refuse (as 'denied', revealing nothing).
        IF NEW.tenant_id = (SELECT app_tenant_id()) AND NOT EXISTS (SELECT 1 FROM platform_evaluation_seat s
                        WHERE s.tenant_id = NEW.tenant_id AND s.id = NEW.seat_id AND s.round_id = NEW.round_id) THEN
          RAISE EXCEPTION 'the sheet must name a seat of its round' USING ERRCODE = '23514';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER platform_evaluation_sheet_seat_round BEFORE INSERT ON platform_evaluation_sheet
        FOR EACH ROW EXECUTE FUNCTION platform_evaluation_sheet_seat_round();
      CREATE TRIGGER platform_evaluation_sheet_stamp_last_change BEFORE UPDATE ON platform_evaluation_sheet
        FOR EACH ROW EXECUTE FUNCTION stamp_last_change();

      -- The round an evaluation came from; null when the officer entered the sheets.
      ALTER TABLE platform_evaluation ADD COLUMN round_id uuid,
        ADD CONSTRAINT platform_evaluation_round_fk FOREIGN KEY (tenant_id, round_id)
          REFERENCES platform_evaluation_round (tenant_id, id);
    `);

    for (const table of [
      'platform_evaluation_round',
      'platform_evaluation_round_platform',
      'platform_evaluation_seat',
      'platform_evaluation_sheet',
    ])
      await db.query(
        `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY; ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;`,
      );

    await db.query(`
      -- Rounds and their platforms: the authority's staff; a seated expert reads theirs.
      CREATE POLICY authority_staff ON platform_evaluation_round
        USING (${TENANT} AND ${STAFF}) WITH CHECK (${TENANT} AND ${STAFF});
      CREATE POLICY seated_expert ON platform_evaluation_round FOR SELECT
        USING (${TENANT} AND id IN ${MY_ROUNDS});
      GRANT SELECT, INSERT ON platform_evaluation_round TO xiangmeng_app;
      GRANT UPDATE (status, evaluated_on, version, closed_by, closed_at) ON platform_evaluation_round TO xiangmeng_app;

      CREATE POLICY authority_staff ON platform_evaluation_round_platform
        USING (${TENANT} AND ${STAFF}) WITH CHECK (${TENANT} AND ${STAFF});
      CREATE POLICY seated_expert ON platform_evaluation_round_platform FOR SELECT
        USING (${TENANT} AND round_id IN ${MY_ROUNDS});
      GRANT SELECT, INSERT ON platform_evaluation_round_platform TO xiangmeng_app;
      GRANT UPDATE (evaluation_id) ON platform_evaluation_round_platform TO xiangmeng_app;

      -- Seats: the staff seat; the expert reads their own and records their declaration on it.
      CREATE POLICY authority_staff ON platform_evaluation_seat
        USING (${TENANT} AND ${STAFF}) WITH CHECK (${TENANT} AND ${STAFF});
      CREATE POLICY own_seat ON platform_evaluation_seat FOR SELECT USING (${TENANT} AND ${ME});
      CREATE POLICY own_declaration ON platform_evaluation_seat FOR UPDATE
        USING (${TENANT} AND ${ME}) WITH CHECK (${TENANT} AND ${ME});
      GRANT SELECT, INSERT ON platform_evaluation_seat TO xiangmeng_app;
      GRANT UPDATE (declared_at, declaration_version) ON platform_evaluation_seat TO xiangmeng_app;

      -- Sheets: the staff lay them out when seating (never for a conflicted expert) and read them;
      -- the expert reads theirs and scores it while the round is open, once declared.
      CREATE POLICY authority_reads ON platform_evaluation_sheet FOR SELECT USING (${TENANT} AND ${STAFF});
      CREATE POLICY authority_lays_out ON platform_evaluation_sheet FOR INSERT
        WITH CHECK (${TENANT} AND ${STAFF} AND status = 'DRAFT' AND NOT EXISTS (
          SELECT 1 FROM platform_member m
           WHERE m.tenant_id = platform_evaluation_sheet.tenant_id
             AND m.platform_id = platform_evaluation_sheet.platform_id
             AND m.organization_id IN (
               SELECT a.organization_id FROM expert_affiliation a
                WHERE a.tenant_id = platform_evaluation_sheet.tenant_id AND a.expert_id = platform_evaluation_sheet.expert_id
               UNION ALL
               SELECT c.organization_id FROM expert_conflict c
                WHERE c.tenant_id = platform_evaluation_sheet.tenant_id AND c.expert_id = platform_evaluation_sheet.expert_id)));
      CREATE POLICY own_sheet ON platform_evaluation_sheet FOR SELECT USING (${TENANT} AND ${ME});
      CREATE POLICY own_sheet_scores ON platform_evaluation_sheet FOR UPDATE
        USING (${TENANT} AND ${ME} AND status = 'DRAFT'
               AND EXISTS (SELECT 1 FROM platform_evaluation_round r
                            WHERE r.tenant_id = platform_evaluation_sheet.tenant_id
                              AND r.id = platform_evaluation_sheet.round_id AND r.status = 'OPEN')
               AND EXISTS (SELECT 1 FROM platform_evaluation_seat s
                            WHERE s.tenant_id = platform_evaluation_sheet.tenant_id
                              AND s.id = platform_evaluation_sheet.seat_id AND s.declared_at IS NOT NULL))
        WITH CHECK (${TENANT} AND ${ME});
      GRANT SELECT, INSERT ON platform_evaluation_sheet TO xiangmeng_app;
      GRANT UPDATE (scores, status, submitted_at, version, updated_at) ON platform_evaluation_sheet TO xiangmeng_app;

      -- The platforms of the rounds an expert is seated on: read only, the register row alone. (Through
      -- the round's platforms, not the sheets: the sheets' conflict check reads the platform's members,
      -- whose policy reads the platform.)
      CREATE POLICY seated_expert ON platform FOR SELECT
        USING (${TENANT} AND NOT ${STAFF} AND id IN (
          SELECT rp.platform_id FROM platform_evaluation_round_platform rp
           WHERE rp.tenant_id = (SELECT app_tenant_id()) AND rp.round_id IN ${MY_ROUNDS}));
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP POLICY seated_expert ON platform;
      ALTER TABLE platform_evaluation DROP CONSTRAINT platform_evaluation_round_fk, DROP COLUMN round_id;
      DROP TABLE platform_evaluation_sheet, platform_evaluation_seat, platform_evaluation_round_platform,
        platform_evaluation_round;
      DROP FUNCTION platform_evaluation_sheet_seat_round();
    `);
  }
}
