import type { MigrationInterface, QueryRunner } from 'typeorm';

// Notices (通知公告): a row is its publisher's (tenant_id). The publisher's staff draft, publish
// and withdraw them and read all of them, drafts and withdrawn ones included (history kept: a
// notice is never deleted). Others read a notice only while it is published and addressed to
// them: the staff of the publisher's child tiers when it names CITY_STAFF, the publisher's own
// experts when it names EXPERTS. Nobody else sees it, exactly as for an id that does not exist.

const STAFF = `(SELECT app_is_staff())`;
const TENANT = `(SELECT app_tenant_id())`;

export class Notices1764570000000 implements MigrationInterface {
  name = 'Notices1764570000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE notice (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 120),
        body text NOT NULL DEFAULT '' CHECK (length(body) <= 20000),
        audiences text[] NOT NULL CHECK (
          cardinality(audiences) > 0 AND audiences <@ ARRAY['OWN_STAFF', 'CITY_STAFF', 'EXPERTS']),
        pinned boolean NOT NULL DEFAULT false,
        state text NOT NULL DEFAULT 'DRAFT' CHECK (state IN ('DRAFT', 'PUBLISHED', 'WITHDRAWN')),
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        published_by uuid,
        withdrawn_at timestamptz,
        withdrawn_by uuid,
        withdrawal_reason text CHECK (length(btrim(withdrawal_reason)) BETWEEN 1 AND 500),
        version integer NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, id),
        CHECK ((state = 'DRAFT') = (published_at IS NULL)),
        CHECK ((state = 'WITHDRAWN') = (withdrawn_at IS NOT NULL)),
        CHECK ((withdrawn_at IS NULL) = (withdrawal_reason IS NULL))
      );
      CREATE INDEX notice_list ON notice (tenant_id, state, published_at DESC);

      -- Attachments: documents of the publisher, readable by whoever reads the notice.
      CREATE TABLE notice_document (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        notice_id uuid NOT NULL,
        document_id uuid NOT NULL,
        attached_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, notice_id, document_id),
        FOREIGN KEY (tenant_id, notice_id) REFERENCES notice (tenant_id, id),
        FOREIGN KEY (tenant_id, document_id) REFERENCES document (tenant_id, id)
      );
    `);
    for (const table of ['notice', 'notice_document']) {
      await db.query(
        `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY; ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;`,
      );
    }
    await db.query(`
      CREATE POLICY publisher_staff ON notice
        USING (tenant_id = ${TENANT} AND ${STAFF})
        WITH CHECK (tenant_id = ${TENANT} AND ${STAFF});
      CREATE POLICY addressed_read ON notice FOR SELECT
        USING (state = 'PUBLISHED' AND (
          ('CITY_STAFF' = ANY (audiences) AND ${STAFF}
             AND tenant_id = (SELECT t.parent_id FROM tenant t WHERE t.id = ${TENANT}))
          OR ('EXPERTS' = ANY (audiences) AND (SELECT app_has_role('EXPERT')) AND tenant_id = ${TENANT})));
      GRANT SELECT, INSERT ON notice TO xiangmeng_app;
      GRANT UPDATE (title, body, audiences, pinned, state, published_at, published_by, withdrawn_at, withdrawn_by,
                    withdrawal_reason, version, updated_at) ON notice TO xiangmeng_app;

      -- An attachment is read with its notice (the notice's own row security decides), and
      -- changed only by the publisher's staff while the notice is a draft (the trigger below).
      CREATE POLICY publisher_staff ON notice_document
        USING (tenant_id = ${TENANT} AND ${STAFF})
        WITH CHECK (tenant_id = ${TENANT} AND ${STAFF});
      -- Only the reader's own tier or its parent publishes notices it reads.
      CREATE POLICY with_notice ON notice_document FOR SELECT
        USING (tenant_id IN (SELECT n.tenant_id FROM notice n
                WHERE n.tenant_id = notice_document.tenant_id AND n.id = notice_document.notice_id
                  AND n.tenant_id IN (${TENANT}, (SELECT t.parent_id FROM tenant t WHERE t.id = ${TENANT}))));
      GRANT SELECT, INSERT, DELETE ON notice_document TO xiangmeng_app;
      -- A published notice's attachments are what its readers were sent: they stay. The notice
      -- is read under the caller's row security; one it cannot read is left to the policy and
      -- the foreign key, which refuse it as for any id.
      CREATE FUNCTION notice_document_draft_only() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        v_state text;
      BEGIN
        SELECT n.state INTO v_state FROM notice n
         WHERE n.tenant_id = COALESCE(NEW.tenant_id, OLD.tenant_id) AND n.id = COALESCE(NEW.notice_id, OLD.notice_id);
        IF FOUND AND v_state <> 'DRAFT' THEN
          RAISE EXCEPTION 'notice % is no longer a draft: its attachments stay', COALESCE(NEW.notice_id, OLD.notice_id)
            USING ERRCODE = '23514', HINT = 'NOTICE_NOT_DRAFT';
        END IF;
        RETURN COALESCE(NEW, OLD);
      END $$;
      CREATE TRIGGER notice_document_draft_only BEFORE INSERT OR DELETE ON notice_document
        FOR EACH ROW EXECUTE FUNCTION notice_document_draft_only();

      CREATE POLICY attached_to_notice ON document FOR SELECT
        USING ((tenant_id <> ${TENANT} OR NOT ${STAFF}) AND EXISTS (
          SELECT 1 FROM notice_document d WHERE d.tenant_id = document.tenant_id AND d.document_id = document.id));
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP POLICY attached_to_notice ON document;
      DROP TABLE notice_document;
      DROP FUNCTION notice_document_draft_only();
      DROP TABLE notice;
    `);
  }
}
