import type { MigrationInterface, QueryRunner } from 'typeorm';

// audit_append answered with the event's global id, which told any tenant how many events all
// tenants had written. It answers with the event's place in the caller's own chain instead.
export class AuditAppendReturnsSeq1764410000000 implements MigrationInterface {
  name = 'AuditAppendReturnsSeq1764410000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE OR REPLACE FUNCTION audit_append(
        p_action text, p_subject_type text, p_subject_id text, p_before jsonb, p_after jsonb, p_occurred_at timestamptz
      ) RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        v_tenant uuid := app_tenant_id();
        v_head audit_event;
        v_event audit_event;
      BEGIN
        IF v_tenant IS NULL THEN
          RAISE EXCEPTION 'audit_append: no tenant in this transaction' USING ERRCODE = '42501';
        END IF;
        PERFORM pg_advisory_xact_lock(hashtextextended('audit:' || v_tenant::text, 0));
        SELECT * INTO v_head FROM audit_event WHERE tenant_id = v_tenant ORDER BY seq DESC LIMIT 1;
        v_event.tenant_id := v_tenant;
        v_event.seq := coalesce(v_head.seq, 0) + 1;
        v_event.actor_user_id := app_user_id();
        v_event.action := p_action;
        v_event.subject_type := p_subject_type;
        v_event.subject_id := p_subject_id;
        v_event.before := p_before;
        v_event.after := p_after;
        v_event.occurred_at := date_trunc('milliseconds', p_occurred_at);
        v_event.prev_hash := coalesce(v_head.hash, audit_genesis_hash(v_tenant));
        v_event.hash := sha256(v_event.prev_hash || convert_to(audit_canonical(v_event), 'UTF8'));
        INSERT INTO audit_event (tenant_id, seq, actor_user_id, action, subject_type, subject_id, before, after,
                                 occurred_at, prev_hash, hash)
        VALUES (v_event.tenant_id, v_event.seq, v_event.actor_user_id, v_event.action, v_event.subject_type,
                v_event.subject_id, v_event.before, v_event.after, v_event.occurred_at, v_event.prev_hash, v_event.hash)
        RETURNING id INTO v_event.id;
        RETURN v_event.seq;
      END $$;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE OR REPLACE FUNCTION audit_append(
        p_action text, p_subject_type text, p_subject_id text, p_before jsonb, p_after jsonb, p_occurred_at timestamptz
      ) RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        v_tenant uuid := app_tenant_id();
        v_head audit_event;
        v_event audit_event;
      BEGIN
        IF v_tenant IS NULL THEN
          RAISE EXCEPTION 'audit_append: no tenant in this transaction' USING ERRCODE = '42501';
        END IF;
        PERFORM pg_advisory_xact_lock(hashtextextended('audit:' || v_tenant::text, 0));
        SELECT * INTO v_head FROM audit_event WHERE tenant_id = v_tenant ORDER BY seq DESC LIMIT 1;
        v_event.tenant_id := v_tenant;
        v_event.seq := coalesce(v_head.seq, 0) + 1;
        v_event.actor_user_id := app_user_id();
        v_event.action := p_action;
        v_event.subject_type := p_subject_type;
        v_event.subject_id := p_subject_id;
        v_event.before := p_before;
        v_event.after := p_after;
        v_event.occurred_at := date_trunc('milliseconds', p_occurred_at);
        v_event.prev_hash := coalesce(v_head.hash, audit_genesis_hash(v_tenant));
        v_event.hash := sha256(v_event.prev_hash || convert_to(audit_canonical(v_event), 'UTF8'));
        INSERT INTO audit_event (tenant_id, seq, actor_user_id, action, subject_type, subject_id, before, after,
                                 occurred_at, prev_hash, hash)
        VALUES (v_event.tenant_id, v_event.seq, v_event.actor_user_id, v_event.action, v_event.subject_type,
                v_event.subject_id, v_event.before, v_event.after, v_event.occurred_at, v_event.prev_hash, v_event.hash)
        RETURNING id INTO v_event.id;
        RETURN v_event.id;
      END $$;
    `);
  }
}
