import { describe, expect, it } from 'vitest';
import { asAdmin, asRuntimeRole, createUser } from '../support/harness';

// The runtime role may append to the audit chain through audit_append and do nothing else to it:
// not read it, not change it, not remove it, not write it around the function.

const FORBIDDEN = [
  ['SELECT', 'SELECT * FROM audit_event'],
  ['SELECT count', 'SELECT count(*) FROM audit_event'],
  ['UPDATE', "UPDATE audit_event SET action = 'tampered'"],
  ['DELETE', 'DELETE FROM audit_event'],
  ['TRUNCATE', 'TRUNCATE audit_event'],
  [
    'INSERT around audit_append',
    `INSERT INTO audit_event (tenant_id, seq, action, subject_type, occurred_at, prev_hash, hash)
     VALUES (app_tenant_id(), 999999, 'forged', 'user', now(), '\\x00', '\\x00')`,
  ],
  ['ALTER', 'ALTER TABLE audit_event DISABLE ROW LEVEL SECURITY'],
  ['DROP', 'DROP TABLE audit_event'],
  ['SELECT FOR UPDATE', 'SELECT id FROM audit_event FOR UPDATE'],
] as const;

describe('audit_event is append-only for the runtime role', () => {
  it('refuses every statement but the append (succeeded = 0)', async () => {
    const user = await createUser('430800', ['CITY_ADMIN']);
    // Another tenant's append (rolled back, but identities are not) moves any global counter on.
    const other = await createUser('430900', ['CITY_ADMIN']);
    await asRuntimeRole({ tenantId: other.tenantId, userId: other.id, roles: other.roles }, (client) =>
      client.query("SELECT audit_append('test.append', 'user', $1, NULL, NULL, now())", [other.id]),
    );
    const identity = { tenantId: user.tenantId, userId: user.id, roles: user.roles };
    const succeeded: string[] = [];
    const refusals: string[] = [];
    for (const [name, sql] of FORBIDDEN) {
      await asRuntimeRole(identity, async (client) => {
        try {
          await client.query(sql);
          succeeded.push(name);
        } catch (error) {
          refusals.push(`${name}: ${(error as { code?: string }).code}`);
        }
      });
    }
    expect(succeeded).toEqual([]);
    // Refused for want of privilege (42501) or ownership (42501 as well), not by accident.
    expect(refusals.every((r) => r.endsWith(': 42501'))).toBe(true);
  });

  it('appends through audit_append within the transaction, and only with a tenant set', async () => {
    const user = await createUser('430800', ['CITY_ADMIN']);
    const appended = await asRuntimeRole(
      { tenantId: user.tenantId, userId: user.id, roles: user.roles },
      async (client) => {
        const { rows } = await client.query<{ id: string }>(
          "SELECT audit_append('test.append', 'user', $1, NULL, NULL, now()) AS id",
          [user.id],
        );
        return rows[0]!.id;
      },
    );
    // The answer is the event's place in this tenant's chain, not a global count of all tenants' events.
    const [before] = await asAdmin(
      async (c) =>
        (
          await c.query<{ seq: string }>(
            'SELECT coalesce(max(seq), 0)::text AS seq FROM audit_event WHERE tenant_id = $1',
            [user.tenantId],
          )
        ).rows,
    );
    expect(String(appended)).toBe(String(Number(before!.seq) + 1));
    const refused = await asRuntimeRole({ tenantId: null }, async (client) =>
      client.query("SELECT audit_append('test.append', 'user', NULL, NULL, NULL, now())").then(
        () => null,
        (error: { code?: string }) => error.code,
      ),
    );
    expect(refused).toBe('42501');
  });
});
