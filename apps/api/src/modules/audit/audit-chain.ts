import { createHash } from 'node:crypto';
import { Client } from 'pg';

export type ChainBreak = {
  tenantCode: string;
  eventId: string;
  seq: string;
  reason: 'SEQUENCE_GAP' | 'PREVIOUS_HASH_MISMATCH' | 'HASH_MISMATCH';
};

export type ChainReport = { tenants: number; events: number; breaks: ChainBreak[] };

type Row = {
  id: string;
  seq: string;
  tenant_code: string;
  tenant_id: string;
  prev_hash: Buffer;
  hash: Buffer;
  canonical: string;
  genesis: Buffer;
};

/**
 * Walks every tenant's audit chain and names the first broken event of each. Needs a connection
 * that sees every tenant's rows (a superuser or a role with BYPASSRLS); hashes are recomputed
 * here, not trusted from the database.
 */
export async function verifyAuditChains(connectionString: string): Promise<ChainReport> {
  const client = new Client({ connectionString });
  await client.connect();
  try {
    const { rows } = await client.query<Row>(`
      SELECT e.id::text, e.seq::text, t.code AS tenant_code, e.tenant_id, e.prev_hash, e.hash,
             audit_canonical(e) AS canonical, audit_genesis_hash(e.tenant_id) AS genesis
      FROM audit_event e JOIN tenant t ON t.id = e.tenant_id
      ORDER BY t.code, e.seq`);
    const breaks: ChainBreak[] = [];
    const tenants = new Set<string>();
    let previous: Row | null = null;
    let brokenTenant: string | null = null;
    for (const row of rows) {
      tenants.add(row.tenant_id);
      const first = previous === null || previous.tenant_id !== row.tenant_id;
      if (first) brokenTenant = null;
      if (brokenTenant === row.tenant_id) {
        previous = row;
        continue;
      }
      const expectedSeq = first ? 1n : BigInt(previous!.seq) + 1n;
      const expectedPrev = first ? row.genesis : previous!.hash;
      const recomputed = createHash('sha256').update(row.prev_hash).update(row.canonical, 'utf8').digest();
      const reason: ChainBreak['reason'] | null =
        BigInt(row.seq) !== expectedSeq
          ? 'SEQUENCE_GAP'
          : !row.prev_hash.equals(expectedPrev)
            ? 'PREVIOUS_HASH_MISMATCH'
            : !row.hash.equals(recomputed)
              ? 'HASH_MISMATCH'
              : null;
      if (reason) {
        breaks.push({ tenantCode: row.tenant_code, eventId: row.id, seq: row.seq, reason });
        brokenTenant = row.tenant_id;
      }
      previous = row;
    }
    return { tenants: tenants.size, events: rows.length, breaks };
  } finally {
    await client.end();
  }
}
