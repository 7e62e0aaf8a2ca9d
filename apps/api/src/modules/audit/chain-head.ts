import { createPrivateKey, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';
import { Client } from 'pg';

// The chain walk (audit-chain.ts) proves every event links to the one before it, but a chain
// whose newest events were deleted still links perfectly. A signed copy of each chain's head,
// kept outside the database, closes that gap: the chain must still reach the exported seq with
// the exported hash.

export const CHAIN_HEAD_FORMAT = 'xiangmeng-audit-head/1';

export type ChainHead = { tenantId: string; tenantCode: string; seq: string; hash: string };

export type ChainHeads = { exportedAt: string; heads: ChainHead[] };

export type SignedChainHeads = ChainHeads & { format: string; algorithm: 'Ed25519'; signature: string };

export type HeadBreak = {
  /** Null only for BAD_SIGNATURE, which concerns the whole file. */
  tenantCode: string | null;
  /** The exported seq. */
  seq: string | null;
  reason: 'BAD_SIGNATURE' | 'CHAIN_SHORTER' | 'HEAD_MISMATCH' | 'TENANT_MISSING';
  /** Where the chain ends now, for CHAIN_SHORTER. */
  currentSeq?: string;
};

export type HeadReport = { heads: number; exportedAt: string | null; breaks: HeadBreak[] };

const HEX_HASH = /^[0-9a-f]{64}$/;
const SEQ = /^[1-9][0-9]*$/;

/** The head (newest event) of every tenant's chain. Needs a connection that sees every tenant. */
export async function exportChainHeads(connectionString: string): Promise<ChainHeads> {
  const client = new Client({ connectionString });
  await client.connect();
  try {
    // One statement, so one snapshot: heads appended meanwhile are simply not included.
    const { rows } = await client.query<{ tenant_id: string; code: string; seq: string; hash: string }>(`
      SELECT DISTINCT ON (e.tenant_id) e.tenant_id::text, t.code, e.seq::text, encode(e.hash, 'hex') AS hash
      FROM audit_event e JOIN tenant t ON t.id = e.tenant_id
      ORDER BY e.tenant_id, e.seq DESC`);
    const heads = rows.map((r) => ({ tenantId: r.tenant_id, tenantCode: r.code, seq: r.seq, hash: r.hash }));
    return { exportedAt: new Date().toISOString(), heads: sortHeads(heads) };
  } finally {
    await client.end();
  }
}

function sortHeads(heads: ChainHead[]): ChainHead[] {
  const key = (h: ChainHead) => `${h.tenantCode}\u0000${h.tenantId}`;
  return [...heads].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** JSON with object keys sorted at every level and no whitespace: the bytes that are signed. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function signedBytes(format: string, heads: ChainHeads): Buffer {
  const body = {
    format,
    exportedAt: heads.exportedAt,
    heads: sortHeads(heads.heads).map((h) => ({
      tenantId: h.tenantId,
      tenantCode: h.tenantCode,
      seq: h.seq,
      hash: h.hash,
    })),
  };
  return Buffer.from(canonicalJson(body), 'utf8');
}

function ed25519(key: KeyObject): KeyObject {
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new Error(
      `the audit signing key must be Ed25519, not ${key.asymmetricKeyType ?? 'a symmetric key'}`,
    );
  }
  return key;
}

export function signChainHeads(heads: ChainHeads, privateKeyPem: string): SignedChainHeads {
  const key = ed25519(createPrivateKey(privateKeyPem));
  const signature = sign(null, signedBytes(CHAIN_HEAD_FORMAT, heads), key).toString('base64');
  return {
    format: CHAIN_HEAD_FORMAT,
    algorithm: 'Ed25519',
    exportedAt: heads.exportedAt,
    heads: sortHeads(heads.heads),
    signature,
  };
}

/** A file read back from disk is untrusted: anything not shaped like a signed head file is false. */
function isSignedChainHeads(value: unknown): value is SignedChainHeads {
  if (value === null || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return (
    v.format === CHAIN_HEAD_FORMAT &&
    v.algorithm === 'Ed25519' &&
    typeof v.exportedAt === 'string' &&
    typeof v.signature === 'string' &&
    Array.isArray(v.heads) &&
    v.heads.every((h: unknown) => {
      if (h === null || typeof h !== 'object') return false;
      const head = h as Record<string, unknown>;
      return (
        typeof head.tenantId === 'string' &&
        typeof head.tenantCode === 'string' &&
        typeof head.seq === 'string' &&
        SEQ.test(head.seq) &&
        typeof head.hash === 'string' &&
        HEX_HASH.test(head.hash)
      );
    })
  );
}

export function verifyChainHeadSignature(signed: unknown, publicKeyPem: string): signed is SignedChainHeads {
  const key = ed25519(createPublicKey(publicKeyPem));
  if (!isSignedChainHeads(signed)) return false;
  return verify(null, signedBytes(signed.format, signed), key, Buffer.from(signed.signature, 'base64'));
}

/**
 * Checks the chains against a signed head file: each exported head must still be in its chain.
 * Events appended after the export are fine. Like verifyAuditChains, needs a connection that
 * sees every tenant.
 */
export async function verifyAgainstHeads(
  connectionString: string,
  signed: unknown,
  publicKeyPem: string,
): Promise<HeadReport> {
  if (!verifyChainHeadSignature(signed, publicKeyPem)) {
    return { heads: 0, exportedAt: null, breaks: [{ tenantCode: null, seq: null, reason: 'BAD_SIGNATURE' }] };
  }
  const heads = sortHeads(signed.heads);
  const client = new Client({ connectionString });
  await client.connect();
  try {
    const { rows } = await client.query<{ i: number; last_seq: string | null; hash: string | null }>(
      `SELECT h.i,
              (SELECT max(e.seq)::text FROM audit_event e WHERE e.tenant_id = h.tenant_id) AS last_seq,
              (SELECT encode(e.hash, 'hex') FROM audit_event e WHERE e.tenant_id = h.tenant_id AND e.seq = h.seq) AS hash
       FROM unnest($1::uuid[], $2::bigint[]) WITH ORDINALITY AS h(tenant_id, seq, i)
       ORDER BY h.i`,
      [heads.map((h) => h.tenantId), heads.map((h) => h.seq)],
    );
    const breaks: HeadBreak[] = [];
    rows.forEach((row, index) => {
      const head = heads[index]!;
      const at = { tenantCode: head.tenantCode, seq: head.seq };
      if (row.last_seq === null) breaks.push({ ...at, reason: 'TENANT_MISSING' });
      else if (BigInt(row.last_seq) < BigInt(head.seq))
        breaks.push({ ...at, reason: 'CHAIN_SHORTER', currentSeq: row.last_seq });
      else if (row.hash !== head.hash) breaks.push({ ...at, reason: 'HEAD_MISMATCH' });
    });
    return { heads: heads.length, exportedAt: signed.exportedAt, breaks };
  } finally {
    await client.end();
  }
}
