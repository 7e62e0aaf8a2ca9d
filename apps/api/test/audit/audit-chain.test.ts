import type { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChainBreak } from '../../src/modules/audit/audit-chain';
import {
  auditRows,
  type AuditRow,
  breaksOf,
  RECOMPUTED_HASH,
  verifyChains,
  withTamperedChain,
} from '../support/audit-chain';
import {
  createUser,
  type GraphqlAgent,
  resetSignInThrottle,
  signedInAgent,
  startTestApi,
  tenantId,
  type TestApi,
} from '../support/harness';

// The hash chain names the first broken event of a tenant for every kind of tampering a
// superuser can do to stored rows: change, delete, reorder, relink.

const CHAIN_TENANT = '431200';

const named = (b: ChainBreak) => `${b.tenantCode} seq ${b.seq} event ${b.eventId} ${b.reason}`;

type Expected = { row: AuditRow; seq?: string; reason: ChainBreak['reason'] };

type TamperCase = {
  name: string;
  tamper: (c: Client, rows: AuditRow[]) => Promise<unknown>;
  expected: (rows: AuditRow[]) => Expected;
};

const update = (set: string) => (c: Client, row: AuditRow) =>
  c.query(`UPDATE audit_event SET ${set} WHERE id = $1`, [row.id]);
const remove = (c: Client, row: AuditRow) => c.query('DELETE FROM audit_event WHERE id = $1', [row.id]);
// In two steps: (tenant_id, seq) is unique row by row.
const renumberAfter = async (c: Client, row: AuditRow) => {
  await c.query('UPDATE audit_event SET seq = seq + 1000000000 WHERE tenant_id = $1 AND seq > $2', [
    row.tenant_id,
    row.seq,
  ]);
  await c.query('UPDATE audit_event SET seq = seq - 1000000001 WHERE tenant_id = $1 AND seq > 1000000000', [
    row.tenant_id,
  ]);
};
const rehash = update(`hash = ${RECOMPUTED_HASH}`);

const CASES: TamperCase[] = [
  {
    name: 'change the action of a middle event',
    tamper: (c, r) => update(`action = 'user.enable'`)(c, r[3]!),
    expected: (r) => ({ row: r[3]!, reason: 'HASH_MISMATCH' }),
  },
  {
    name: 'change the recorded data',
    tamper: (c, r) => update(`after = '{"roles": ["CITY_ADMIN"]}'::jsonb`)(c, r[2]!),
    expected: (r) => ({ row: r[2]!, reason: 'HASH_MISMATCH' }),
  },
  {
    name: 'change who acted',
    tamper: (c, r) => update('actor_user_id = gen_random_uuid()')(c, r[4]!),
    expected: (r) => ({ row: r[4]!, reason: 'HASH_MISMATCH' }),
  },
  {
    name: 'back-date an event',
    tamper: (c, r) => update(`occurred_at = occurred_at - interval '1 day'`)(c, r[2]!),
    expected: (r) => ({ row: r[2]!, reason: 'HASH_MISMATCH' }),
  },
  {
    name: 'change the subject',
    tamper: (c, r) => update(`subject_id = 'someone-else'`)(c, r[1]!),
    expected: (r) => ({ row: r[1]!, reason: 'HASH_MISMATCH' }),
  },
  {
    name: 'change the first event',
    tamper: (c, r) => update(`subject_type = 'tenant'`)(c, r[0]!),
    expected: (r) => ({ row: r[0]!, reason: 'HASH_MISMATCH' }),
  },
  {
    name: 'change the last event',
    tamper: (c, r) => update(`action = 'user.enable'`)(c, r.at(-1)!),
    expected: (r) => ({ row: r.at(-1)!, reason: 'HASH_MISMATCH' }),
  },
  {
    name: 'delete a middle event',
    tamper: (c, r) => remove(c, r[3]!),
    expected: (r) => ({ row: r[4]!, reason: 'SEQUENCE_GAP' }),
  },
  {
    name: 'delete the first event',
    tamper: (c, r) => remove(c, r[0]!),
    expected: (r) => ({ row: r[1]!, reason: 'SEQUENCE_GAP' }),
  },
  {
    name: 'delete a middle event and renumber the rest',
    tamper: async (c, r) => {
      await remove(c, r[3]!);
      await renumberAfter(c, r[3]!);
    },
    expected: (r) => ({ row: r[4]!, seq: r[3]!.seq, reason: 'PREVIOUS_HASH_MISMATCH' }),
  },
  {
    name: 'delete the first event and renumber the rest',
    tamper: async (c, r) => {
      await remove(c, r[0]!);
      await renumberAfter(c, r[0]!);
    },
    expected: (r) => ({ row: r[1]!, seq: '1', reason: 'PREVIOUS_HASH_MISMATCH' }),
  },
  {
    name: 'swap the sequence numbers of two events',
    tamper: async (c, r) => {
      await update(`seq = seq + 1000000000`)(c, r[2]!);
      await update(`seq = ${r[2]!.seq}`)(c, r[3]!);
      await update(`seq = ${r[3]!.seq}`)(c, r[2]!);
    },
    expected: (r) => ({ row: r[3]!, seq: r[2]!.seq, reason: 'PREVIOUS_HASH_MISMATCH' }),
  },
  {
    name: 'change a stored hash',
    tamper: (c, r) => update('hash = sha256(hash)')(c, r[2]!),
    expected: (r) => ({ row: r[2]!, reason: 'HASH_MISMATCH' }),
  },
  {
    name: 'change a previous-hash link',
    tamper: (c, r) => update('prev_hash = sha256(prev_hash)')(c, r[2]!),
    expected: (r) => ({ row: r[2]!, reason: 'PREVIOUS_HASH_MISMATCH' }),
  },
  {
    name: 'change an event and recompute its own hash',
    tamper: async (c, r) => {
      await update(`action = 'user.enable'`)(c, r[2]!);
      await rehash(c, r[2]!);
    },
    // The event is self-consistent now; the link from it to the next one is what breaks.
    expected: (r) => ({ row: r[3]!, reason: 'PREVIOUS_HASH_MISMATCH' }),
  },
];

describe('audit hash chain', () => {
  let api: TestApi;
  let admin: GraphqlAgent;
  let chainTenant: string;

  beforeAll(async () => {
    await resetSignInThrottle();
    api = await startTestApi({ poolSize: 10 });
    chainTenant = await tenantId(CHAIN_TENANT);
    admin = await signedInAgent(api, await createUser(CHAIN_TENANT, ['CITY_ADMIN'], 'chain'));
    // A chain of real events: sign-in, then accounts created and disabled.
    for (let i = 0; i < 3; i += 1) {
      const officer = await createUser(CHAIN_TENANT, ['CITY_OFFICER']);
      const res = await admin.send(
        'mutation ($input: SetUserDisabledInput!) { setUserDisabled(input: $input) { id } }',
        {
          input: { userId: officer.id, disabled: true },
        },
      );
      expect(res.errors).toBeUndefined();
      const created = await admin.send(
        'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }',
        {
          input: {
            username: `${officer.username}x`,
            displayName: '链测试',
            roles: ['CITY_OFFICER'],
            password: 'Chain@Pass2026',
          },
        },
      );
      expect(created.errors).toBeUndefined();
    }
    expect((await auditRows(chainTenant)).length).toBeGreaterThanOrEqual(7);
  });
  afterAll(async () => {
    await api.close();
  });

  it('verifies an intact database', async () => {
    const report = await verifyChains();
    expect(report.breaks).toEqual([]);
    expect(report.events).toBeGreaterThanOrEqual(7);
    expect(report.tenants).toBeGreaterThanOrEqual(1);
  });

  it('names the first broken event (tenant, seq, id, reason) for every kind of tampering', async () => {
    const outcomes: { name: string; detected: boolean; got: ChainBreak[]; want: ChainBreak }[] = [];
    for (const tamperCase of CASES) {
      const rows = await auditRows(chainTenant);
      const { row, seq, reason } = tamperCase.expected(rows);
      const want: ChainBreak = { tenantCode: CHAIN_TENANT, seq: seq ?? row.seq, eventId: row.id, reason };
      const report = await withTamperedChain(chainTenant, (c) => tamperCase.tamper(c, rows), verifyChains);
      const detected = report.breaks.length === 1 && named(report.breaks[0]!) === named(want);
      outcomes.push({ name: tamperCase.name, detected, got: report.breaks, want });
      // Restored exactly: the next case starts from an intact chain.
      expect(await breaksOf(CHAIN_TENANT), `restored after: ${tamperCase.name}`).toEqual([]);
    }
    const detectedPercent = (100 * outcomes.filter((o) => o.detected).length) / outcomes.length;
    expect(outcomes.filter((o) => !o.detected)).toEqual([]);
    expect(detectedPercent).toBe(100);
    expect((await verifyChains()).breaks).toEqual([]);
  });

  it('stays one contiguous chain under 50 concurrent audited mutations in one tenant', async () => {
    const before = await auditRows(chainTenant);
    const officers = await Promise.all(
      Array.from({ length: 25 }, () => createUser(CHAIN_TENANT, ['CITY_OFFICER'])),
    );
    const results = await Promise.all([
      ...officers.map((officer) =>
        admin.send('mutation ($input: SetUserDisabledInput!) { setUserDisabled(input: $input) { id } }', {
          input: { userId: officer.id, disabled: true },
        }),
      ),
      ...officers.map((officer) =>
        admin.send('mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', {
          input: {
            username: `${officer.username}c`,
            displayName: '并发测试',
            roles: ['CITY_OFFICER'],
            password: 'Chain@Pass2026',
          },
        }),
      ),
    ]);
    expect(results.filter((r) => r.errors)).toEqual([]);
    const after = await auditRows(chainTenant);
    const added = after.slice(before.length);
    expect(added).toHaveLength(50);
    expect(after.map((r) => Number(r.seq))).toEqual(after.map((_, i) => i + 1));
    expect(added.filter((r) => r.action === 'user.disable')).toHaveLength(25);
    expect(added.filter((r) => r.action === 'user.create')).toHaveLength(25);
    expect(await breaksOf(CHAIN_TENANT)).toEqual([]);
  });
});
