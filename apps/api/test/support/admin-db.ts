import { Client } from 'pg';
import { databaseUrls } from './harness';

// One superuser connection per test file, for inspecting what the API wrote (RLS does not apply).

export type AuditEvent = {
  id: string;
  tenant_id: string;
  actor_user_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  before: unknown;
  after: unknown;
};

// The tenant-owned register tables and how each row names its tenant.
const REGISTER_TABLES = [
  'alliance',
  'alliance_member',
  'governance_body',
  'alliance_agreement',
  'agreement_task',
  'agreement_signature',
  'alliance_output',
  'document',
  'measures',
] as const;

export class AdminDb {
  private constructor(private readonly client: Client) {}

  static async open(): Promise<AdminDb> {
    const client = new Client({ connectionString: databaseUrls().adminUrl });
    await client.connect();
    return new AdminDb(client);
  }

  close(): Promise<void> {
    return this.client.end();
  }

  async rows<T extends object>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.client.query<T>(sql, params)).rows;
  }

  /** The first column of the first row, as a number (count(*) comes back as a string). */
  async count(sql: string, params: unknown[] = []): Promise<number> {
    const rows = await this.rows<Record<string, unknown>>(sql, params);
    return Number(Object.values(rows[0] ?? {})[0] ?? 0);
  }

  /** The newest audit event id (0 when there is none): the mark to read new events after. */
  async auditMark(): Promise<string> {
    const rows = await this.rows<{ id: string }>('SELECT coalesce(max(id), 0)::text AS id FROM audit_event');
    return rows[0]!.id;
  }

  /** Every audit event written after `mark`, in order. */
  auditSince(mark: string): Promise<AuditEvent[]> {
    return this.rows<AuditEvent>(
      `SELECT id::text, tenant_id, actor_user_id, action, subject_type, subject_id, before, after
       FROM audit_event WHERE id > $1 ORDER BY id`,
      [mark],
    );
  }

  /**
   * A digest of everything a tenant has in the register (every row of every tenant table, the
   * directory entries it added, its audit chain): equal before and after means nothing was written.
   */
  async fingerprint(tenantId: string): Promise<Record<string, string>> {
    const digest = (table: string, owner: string) =>
      `SELECT '${table}' AS part, count(*) || ':' || md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) AS digest
       FROM ${table} t WHERE ${owner} = $1`;
    const rows = await this.rows<{ part: string; digest: string }>(
      [
        ...REGISTER_TABLES.map((table) => digest(table, 'tenant_id')),
        digest('organization', 'added_by_tenant_id'),
        `SELECT 'audit_event', count(*)::text FROM audit_event WHERE tenant_id = $1`,
      ].join(' UNION ALL '),
      [tenantId],
    );
    return Object.fromEntries(rows.map((r) => [r.part, r.digest]));
  }
}
