import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { type ChainBreak, verifyAuditChains } from '../../src/modules/audit/audit-chain';
import { asAdmin, databaseUrls } from './harness';

// Reading and (for tamper tests) rewriting audit chains as the superuser. A tampered chain is
// always put back exactly as it was, so every other test sees intact chains.

export type AuditRow = {
  id: string;
  tenant_id: string;
  seq: string;
  actor_user_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  before: unknown;
  after: unknown;
  /** The writing transaction: equal xmin means written in the same transaction. */
  xmin: string;
};

export async function auditRows(tenantId: string): Promise<AuditRow[]> {
  return asAdmin(async (c) => {
    const { rows } = await c.query<AuditRow>(
      `SELECT e.id::text, e.tenant_id, e.seq::text, e.actor_user_id, e.action, e.subject_type, e.subject_id, e.before,
              e.after, e.xmin::text
       FROM audit_event e WHERE e.tenant_id = $1 ORDER BY e.seq`,
      [tenantId],
    );
    return rows;
  });
}

/** Events of every tenant, for "nothing written anywhere" checks. */
export async function auditTotal(): Promise<number> {
  return asAdmin(
    async (c) => (await c.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_event')).rows[0]!.n,
  );
}

/** The verify command's logic, as the superuser. */
export function verifyChains() {
  return verifyAuditChains(databaseUrls().adminUrl);
}

export async function breaksOf(tenantCode: string): Promise<ChainBreak[]> {
  return (await verifyChains()).breaks.filter((b) => b.tenantCode === tenantCode);
}

/**
 * Runs `check` while one tenant's chain is tampered with by `tamper` (as the superuser), then
 * restores the chain row for row, identities included, and returns what `check` returned.
 */
export async function withTamperedChain<T>(
  tenantId: string,
  tamper: (client: Client) => Promise<unknown>,
  check: () => Promise<T>,
): Promise<T> {
  const snapshot = `audit_snapshot_${randomBytes(4).toString('hex')}`;
  await asAdmin((c) =>
    c.query(`CREATE TABLE ${snapshot} AS SELECT * FROM audit_event WHERE tenant_id = $1`, [tenantId]),
  );
  try {
    await asAdmin(async (c) => {
      await c.query('BEGIN');
      await tamper(c);
      await c.query('COMMIT');
    });
    return await check();
  } finally {
    await asAdmin(async (c) => {
      await c.query('BEGIN');
      await c.query('DELETE FROM audit_event WHERE tenant_id = $1', [tenantId]);
      await c.query(`INSERT INTO audit_event OVERRIDING SYSTEM VALUE SELECT * FROM ${snapshot}`);
      await c.query(`DROP TABLE ${snapshot}`);
      await c.query('COMMIT');
    });
  }
}

/** An event's own hash recomputed from its stored content, as `audit_append` computes it. */
export const RECOMPUTED_HASH = `sha256(prev_hash || convert_to(audit_canonical(audit_event), 'UTF8'))`;

const NEWEST = 'tenant_id = $1 AND seq = (SELECT max(seq) FROM audit_event WHERE tenant_id = $1)';

/** Deletes the newest event of a tenant's chain: what is left still links perfectly. */
export function deleteNewestEvent(c: Client, tenantId: string): Promise<unknown> {
  return c.query(`DELETE FROM audit_event WHERE ${NEWEST}`, [tenantId]);
}

/**
 * Rewrites the newest event of a tenant's chain and recomputes its hash, so the walk finds every
 * event consistent. Two statements: SET expressions see the row as it was before the update.
 */
export async function rewriteNewestEvent(c: Client, tenantId: string): Promise<void> {
  await c.query(`UPDATE audit_event SET after = '{"rewritten": true}'::jsonb WHERE ${NEWEST}`, [tenantId]);
  await c.query(`UPDATE audit_event SET hash = ${RECOMPUTED_HASH} WHERE ${NEWEST}`, [tenantId]);
}

/** Appends events to a tenant's chain through audit_append, as the runtime role, and commits them. */
export async function appendEvents(tenantId: string, count: number): Promise<void> {
  const client = new Client({ connectionString: databaseUrls().appUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
    for (let i = 0; i < count; i += 1) {
      await client.query(`SELECT audit_append('test.event', 'test', $1, NULL, $2, now())`, [
        String(i),
        JSON.stringify({ i }),
      ]);
    }
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
}
