import type { MigrationInterface, QueryRunner } from 'typeorm';

// Cooperation bases are evaluated like platforms (issue 12): the generic graded evaluation of
// packages/domain graded-evaluation.ts on the base type's scheme. Experts score the scheme's
// criteria; the grade is 优秀 / 合格 / 不合格 (EXCELLENT / PASS / FAIL, the platforms' codes);
// 不合格 puts a recognised base into rectification (RECTIFYING, with its deadline a year on, when
// a job tells the bureau a re-evaluation is due); the re-evaluation restores it when passed and
// revokes it, with the decision's reason, when failed.
//
// Existing evaluations stay what they were: a grade recorded without sheets. QUALIFIED becomes
// PASS and UNQUALIFIED FAIL (the same grades under the platforms' codes); their scheme and total
// stay null (nobody scored criteria then) and, since the old grade moved nothing, the base's
// status before and after is RECOGNISED — the only status evaluated then. No base is moved into
// rectification by this migration: an old 不合格 was recorded under rules that gave it no effect.
// The old rule "one evaluation a year" holds for periodic evaluations (of a recognised base);
// a re-evaluation in rectification may fall in a year evaluated already.

const STATUSES = `('INCUBATING', 'RECOGNISED', 'RECTIFYING', 'REVOKED')`;
const GRADES = `('EXCELLENT', 'PASS', 'FAIL')`;

const EVALUATION_OF_EVALUABLE = `
  CREATE OR REPLACE FUNCTION cooperation_base_evaluation_of_recognised() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    v_base cooperation_base%ROWTYPE;
  BEGIN
    SELECT * INTO v_base FROM cooperation_base b WHERE b.tenant_id = NEW.tenant_id AND b.id = NEW.base_id;
    IF NOT FOUND THEN
      RETURN NEW;
    END IF;
    -- Recorded before the grade moves the base: the status it had is the one evaluated.
    IF v_base.status NOT IN ('RECOGNISED', 'RECTIFYING') OR v_base.status <> NEW.status_before
       OR NEW.evaluated_on < v_base.recognised_on THEN
      RAISE EXCEPTION 'cooperation base % is not evaluable on %', NEW.base_id, NEW.evaluated_on
        USING ERRCODE = '23514', HINT = 'NOT_RECOGNISED';
    END IF;
    RETURN NEW;
  END $$;
`;

const EVALUATION_OF_RECOGNISED = `
  CREATE OR REPLACE FUNCTION cooperation_base_evaluation_of_recognised() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    v_base cooperation_base%ROWTYPE;
  BEGIN
    SELECT * INTO v_base FROM cooperation_base b WHERE b.tenant_id = NEW.tenant_id AND b.id = NEW.base_id;
    IF NOT FOUND THEN
      RETURN NEW;
    END IF;
    IF v_base.status <> 'RECOGNISED' OR NEW.evaluated_on < v_base.recognised_on THEN
      RAISE EXCEPTION 'cooperation base % is not recognised on %', NEW.base_id, NEW.evaluated_on
        USING ERRCODE = '23514', HINT = 'NOT_RECOGNISED';
    END IF;
    RETURN NEW;
  END $$;
`;

export class CooperationBaseGradedEvaluation1764630000000 implements MigrationInterface {
  name = 'CooperationBaseGradedEvaluation1764630000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE cooperation_base
        DROP CONSTRAINT cooperation_base_status_check,
        ADD CONSTRAINT cooperation_base_status_check CHECK (status IN ${STATUSES}),
        -- While in rectification: the last day to put things right (China calendar).
        ADD COLUMN rectification_due_on date,
        ADD CONSTRAINT cooperation_base_rectification_due CHECK ((status = 'RECTIFYING') = (rectification_due_on IS NOT NULL)),
        ADD CONSTRAINT cooperation_base_evaluated_recognised CHECK (status <> 'RECTIFYING' OR recognised_on IS NOT NULL);

      ALTER TABLE cooperation_base_evaluation DISABLE TRIGGER cooperation_base_evaluation_append_only;
      ALTER TABLE cooperation_base_evaluation
        DROP CONSTRAINT cooperation_base_evaluation_pkey,
        DROP CONSTRAINT cooperation_base_evaluation_grade_check,
        ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid(),
        -- The scheme applied and the experts' sheets, as decided; null for a grade recorded before.
        ADD COLUMN scheme jsonb CHECK (jsonb_typeof(scheme) = 'object'),
        ADD COLUMN sheets jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(sheets) = 'array'),
        ADD COLUMN total numeric(5, 2) CHECK (total BETWEEN 0 AND 100),
        ADD COLUMN status_before text NOT NULL DEFAULT 'RECOGNISED' CHECK (status_before IN ('RECOGNISED', 'RECTIFYING')),
        ADD COLUMN status_after text NOT NULL DEFAULT 'RECOGNISED' CHECK (status_after IN ('RECOGNISED', 'RECTIFYING', 'REVOKED'));
      UPDATE cooperation_base_evaluation
         SET grade = CASE grade WHEN 'QUALIFIED' THEN 'PASS' WHEN 'UNQUALIFIED' THEN 'FAIL' ELSE grade END;
      ALTER TABLE cooperation_base_evaluation ENABLE TRIGGER cooperation_base_evaluation_append_only;
      ALTER TABLE cooperation_base_evaluation
        ALTER COLUMN status_before DROP DEFAULT,
        ALTER COLUMN status_after DROP DEFAULT,
        ADD PRIMARY KEY (id),
        ADD CONSTRAINT cooperation_base_evaluation_grade_check CHECK (grade IN ${GRADES}),
        ADD CONSTRAINT cooperation_base_evaluation_scored CHECK (
          (scheme IS NULL) = (total IS NULL) AND (scheme IS NULL OR jsonb_array_length(sheets) > 0)),
        ADD UNIQUE (tenant_id, id);
      -- One periodic evaluation a year; re-evaluations of a base in rectification beside it.
      CREATE UNIQUE INDEX cooperation_base_evaluation_periodic
        ON cooperation_base_evaluation (tenant_id, base_id, year) WHERE status_before = 'RECOGNISED';
      CREATE INDEX cooperation_base_evaluation_of_base
        ON cooperation_base_evaluation (tenant_id, base_id, evaluated_on);
      ${EVALUATION_OF_EVALUABLE}
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    // Only what the old shape can hold: scored evaluations lose their sheets, rectification ends.
    await db.query(`
      ${EVALUATION_OF_RECOGNISED}
      DROP INDEX cooperation_base_evaluation_of_base;
      DROP INDEX cooperation_base_evaluation_periodic;
      ALTER TABLE cooperation_base_evaluation DISABLE TRIGGER cooperation_base_evaluation_append_only;
      DELETE FROM cooperation_base_evaluation WHERE status_before <> 'RECOGNISED';
      ALTER TABLE cooperation_base_evaluation
        DROP CONSTRAINT cooperation_base_evaluation_scored,
        DROP CONSTRAINT cooperation_base_evaluation_grade_check,
        DROP CONSTRAINT cooperation_base_evaluation_tenant_id_id_key,
        DROP CONSTRAINT cooperation_base_evaluation_pkey;
      UPDATE cooperation_base_evaluation
         SET grade = CASE grade WHEN 'PASS' THEN 'QUALIFIED' WHEN 'FAIL' THEN 'UNQUALIFIED' ELSE grade END;
      ALTER TABLE cooperation_base_evaluation ENABLE TRIGGER cooperation_base_evaluation_append_only;
      ALTER TABLE cooperation_base_evaluation
        DROP COLUMN id, DROP COLUMN scheme, DROP COLUMN sheets, DROP COLUMN total,
        DROP COLUMN status_before, DROP COLUMN status_after,
        ADD CONSTRAINT cooperation_base_evaluation_grade_check CHECK (grade IN ('EXCELLENT', 'QUALIFIED', 'UNQUALIFIED')),
        ADD PRIMARY KEY (tenant_id, base_id, year);
      UPDATE cooperation_base SET status = 'RECOGNISED', rectification_due_on = NULL WHERE status = 'RECTIFYING';
      ALTER TABLE cooperation_base
        DROP CONSTRAINT cooperation_base_evaluated_recognised,
        DROP CONSTRAINT cooperation_base_rectification_due,
        DROP COLUMN rectification_due_on,
        DROP CONSTRAINT cooperation_base_status_check,
        ADD CONSTRAINT cooperation_base_status_check CHECK (status IN ('INCUBATING', 'RECOGNISED', 'REVOKED'));
    `);
  }
}
