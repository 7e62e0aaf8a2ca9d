import { generateKeyPairSync } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  exportChainHeads,
  type SignedChainHeads,
  signChainHeads,
  verifyAgainstHeads,
  verifyChainHeadSignature,
} from '../../src/modules/audit/chain-head';
import {
  appendEvents,
  auditRows,
  breaksOf,
  deleteNewestEvent,
  rewriteNewestEvent,
  withTamperedChain,
} from '../support/audit-chain';
import { asAdmin, databaseUrls, tenantId } from '../support/harness';

// A signed export of every chain's head catches what the chain walk cannot: the newest event
// deleted, or rewritten with its hash recomputed, leaves a chain that still links perfectly.

const TENANT = '430600';

function keyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

describe('audit chain head export', () => {
  const keys = keyPair();
  let tenant: string;
  let signed: SignedChainHeads;

  const verify = (file: unknown = signed, publicKey = keys.publicKey) =>
    verifyAgainstHeads(databaseUrls().adminUrl, file, publicKey);

  beforeAll(async () => {
    tenant = await tenantId(TENANT);
    await appendEvents(tenant, 3);
    signed = signChainHeads(await exportChainHeads(databaseUrls().adminUrl), keys.privateKey);
  });

  it('exports the newest event of every tenant with events, in a stable order', async () => {
    const rows = await auditRows(tenant);
    const newest = rows[rows.length - 1]!;
    const head = signed.heads.find((h) => h.tenantCode === TENANT);
    expect(head).toMatchObject({ tenantId: tenant, seq: newest.seq });
    expect(head!.hash).toMatch(/^[0-9a-f]{64}$/);
    const codes = signed.heads.map((h) => h.tenantCode);
    expect(codes).toEqual([...codes].sort());
    expect(signed.algorithm).toBe('Ed25519');
    expect(verifyChainHeadSignature(JSON.parse(JSON.stringify(signed)), keys.publicKey)).toBe(true);
  });

  const exportedHead = () => signed.heads.find((h) => h.tenantCode === TENANT)!;

  it('verifies against the untouched chains it was exported from', async () => {
    expect(await verify()).toMatchObject({ heads: signed.heads.length, breaks: [] });
  });

  it('names the tenant and seq when the newest event was deleted, which the chain walk cannot see', async () => {
    const rows = await auditRows(tenant);
    const exported = exportedHead();
    expect(rows.at(-1)!.seq).toBe(exported.seq);
    const result = await withTamperedChain(
      tenant,
      (c) => deleteNewestEvent(c, tenant),
      async () => ({ heads: await verify(), walk: await breaksOf(TENANT) }),
    );
    expect(result.walk).toEqual([]);
    expect(result.heads.breaks).toEqual([
      { tenantCode: TENANT, seq: exported.seq, reason: 'CHAIN_SHORTER', currentSeq: rows.at(-2)!.seq },
    ]);
    // Restored.
    expect(await auditRows(tenant)).toHaveLength(rows.length);
    expect((await verify()).breaks).toEqual([]);
  });

  it('names the tenant and seq when the newest event was rewritten with its hash recomputed', async () => {
    const exported = exportedHead();
    const result = await withTamperedChain(
      tenant,
      (c) => rewriteNewestEvent(c, tenant),
      async () => ({ heads: await verify(), walk: await breaksOf(TENANT), rows: await auditRows(tenant) }),
    );
    // The rewrite took, and the walk finds the rewritten event self-consistent.
    expect(result.rows.at(-1)).toMatchObject({ seq: exported.seq, after: { rewritten: true } });
    expect(result.walk).toEqual([]);
    expect(result.heads.breaks).toEqual([{ tenantCode: TENANT, seq: exported.seq, reason: 'HEAD_MISMATCH' }]);
  });

  it('still verifies after more events are appended', async () => {
    await appendEvents(tenant, 2);
    expect((await verify()).breaks).toEqual([]);
  });

  it('names the exported seq when the chain was cut back before it, with where it ends now', async () => {
    const exported = exportedHead();
    const report = await withTamperedChain(
      tenant,
      (c) => c.query('DELETE FROM audit_event WHERE tenant_id = $1 AND seq >= $2', [tenant, exported.seq]),
      () => verify(),
    );
    expect(report.breaks).toEqual([
      {
        tenantCode: TENANT,
        seq: exported.seq,
        reason: 'CHAIN_SHORTER',
        currentSeq: String(BigInt(exported.seq) - 1n),
      },
    ]);
  });

  it('reports TENANT_MISSING when a tenant with an exported head has no events now', async () => {
    const report = await withTamperedChain(
      tenant,
      (c) => c.query('DELETE FROM audit_event WHERE tenant_id = $1', [tenant]),
      () => verify(),
    );
    expect(report.breaks).toEqual([
      {
        tenantCode: TENANT,
        seq: signed.heads.find((h) => h.tenantCode === TENANT)!.seq,
        reason: 'TENANT_MISSING',
      },
    ]);
  });

  it('reports BAD_SIGNATURE for an altered file or another key', async () => {
    const badSignature = [{ tenantCode: null, seq: null, reason: 'BAD_SIGNATURE' }];
    const altered = (change: (h: SignedChainHeads['heads'][number]) => void): SignedChainHeads => {
      const copy = JSON.parse(JSON.stringify(signed)) as SignedChainHeads;
      change(copy.heads.find((h) => h.tenantCode === TENANT)!);
      return copy;
    };
    expect((await verify(altered((h) => (h.seq = String(BigInt(h.seq) - 1n))))).breaks).toEqual(badSignature);
    expect(
      (await verify(altered((h) => (h.hash = h.hash.replace(/^./, (c) => (c === '0' ? '1' : '0')))))).breaks,
    ).toEqual(badSignature);
    expect((await verify({ ...signed, heads: signed.heads.slice(1) })).breaks).toEqual(badSignature);
    expect((await verify({ ...signed, exportedAt: new Date(0).toISOString() })).breaks).toEqual(badSignature);
    expect((await verify(signed, keyPair().publicKey)).breaks).toEqual(badSignature);
    expect((await verify({ not: 'a head file' })).breaks).toEqual(badSignature);
  });

  it('refuses a head file edited to match a chain whose newest event was deleted', async () => {
    const rows = await auditRows(tenant);
    const hashOf = async (seq: string) =>
      (
        await asAdmin((c) =>
          c.query<{ hash: string }>(
            `SELECT encode(hash, 'hex') AS hash FROM audit_event WHERE tenant_id = $1 AND seq = $2`,
            [tenant, seq],
          ),
        )
      ).rows[0]!.hash;
    const report = await withTamperedChain(
      tenant,
      (c) =>
        c.query('DELETE FROM audit_event WHERE tenant_id = $1 AND seq >= $2', [tenant, exportedHead().seq]),
      async () => {
        // What an intruder would write into the file to cover the deletion.
        const forged = JSON.parse(JSON.stringify(signed)) as SignedChainHeads;
        const head = forged.heads.find((h) => h.tenantCode === TENANT)!;
        head.seq = String(BigInt(exportedHead().seq) - 1n);
        head.hash = await hashOf(head.seq);
        return verify(forged);
      },
    );
    expect(rows.length).toBeGreaterThan(1);
    expect(report.breaks).toEqual([{ tenantCode: null, seq: null, reason: 'BAD_SIGNATURE' }]);
  });

  it('refuses a key that is not Ed25519', () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    expect(() =>
      signChainHeads(
        { exportedAt: '', heads: [] },
        privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      ),
    ).toThrow(/Ed25519/);
  });
});
