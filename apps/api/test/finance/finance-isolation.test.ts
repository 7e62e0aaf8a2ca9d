import type { Role } from '@xiangmeng/domain';
import type { Client } from 'pg';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import {
  createUser,
  type GraphqlAgent,
  signedInAgent,
  startTestApi,
  type TestApi,
  type TestUser,
} from '../support/harness';
import {
  attempt,
  cellTally,
  MATRIX_TIERS,
  openRuntimeSession,
  removeTenantRecords,
  type RuntimeSession,
  seedTenantRecords,
  type TenantRecords,
  type Tier,
  verdict,
} from '../support/tenancy-fixtures';

// Who reads and changes each finance table, as the runtime role in SQL and through GraphQL: the
// province, 长沙 and 株洲, each role of its tier, aiming at every tier's rows (the tenancy
// fixtures' row of each table: a need shared with the linkage programme, an approved claim with
// its payout). A bureau's staff read their own rows; the province's staff also read a city's need
// shared with the linkage programme, and the cities read the province's programme enrolment;
// experts read nothing. Nothing is ever deleted, records and payouts never change, a decided
// claim is final, and no tier changes another's rows.

const TABLES = [
  'finance_linkage_institution',
  'financing_need',
  'financing_event',
  'financing_introduction',
  'financing_record',
  'compensation_claim',
  'compensation_ledger_entry',
] as const;
type Table = (typeof TABLES)[number];

// The column an update sets to itself: one the runtime role may update, or none (no grant).
const UPDATABLE: Record<Table, string | null> = {
  finance_linkage_institution: 'withdrawn_on',
  financing_need: 'status',
  financing_event: null,
  financing_introduction: 'outcome',
  financing_record: null,
  compensation_claim: 'state',
  compensation_ledger_entry: null,
};

type Subject = { actor: Tier; role: Role; target: Tier; table: Table };

function reads({ actor, role, target, table }: Subject): boolean {
  if (role === 'EXPERT') return false;
  if (actor.code === target.code) return true;
  if (table === 'finance_linkage_institution') return actor.level === 'CITY' && target.level === 'PROVINCE';
  if (table === 'financing_need') return actor.level === 'PROVINCE' && target.level === 'CITY';
  return false;
}

function updates(s: Subject): string {
  const column = UPDATABLE[s.table];
  if (!column) return 'denied';
  if (s.role === 'EXPERT' || s.actor.code !== s.target.code) return 'rows:0';
  // The programme is the province's: a city's staff may not keep one (the fixture wrote it as the superuser).
  if (s.table === 'finance_linkage_institution') return s.actor.level === 'PROVINCE' ? 'rows:1' : 'denied';
  // The fixture's claim is approved: final.
  if (s.table === 'compensation_claim') return 'error:55000';
  return 'rows:1';
}

const records = new Map<string, TenantRecords>();
const actors = new Map<string, TestUser>();
let session: RuntimeSession;
const { cells } = cellTally('finance isolation');

const subjects: Subject[] = MATRIX_TIERS.flatMap((actor) =>
  actor.roles.flatMap((role) =>
    MATRIX_TIERS.flatMap((target) => TABLES.map((table) => ({ actor, role, target, table }))),
  ),
);

function rowOf(code: string, table: Table) {
  return records.get(code)!.rows[table]!;
}

function asActor<T>(actor: Tier, role: Role, fn: (db: Client) => Promise<T>): Promise<T> {
  const user = actors.get(`${actor.code}:${role}`)!;
  return session.as({ tenantId: user.tenantId, userId: user.id, roles: [role] }, fn);
}

beforeAll(async () => {
  session = await openRuntimeSession();
  for (const t of MATRIX_TIERS) {
    records.set(t.code, await seedTenantRecords(t.code));
    for (const role of t.roles) actors.set(`${t.code}:${role}`, await createUser(t.code, [role], 'fiso'));
  }
});

afterAll(async () => {
  await session.close();
  for (const r of records.values()) await removeTenantRecords(r);
});

describe('finance tables as the runtime role, in SQL', () => {
  cells(
    subjects,
    (s) => `${s.actor.name} ${s.role} → ${s.actor.code === s.target.code ? 'own' : s.target.name} ${s.table}`,
    async (s) => {
      const row = rowOf(s.target.code, s.table);
      const column = UPDATABLE[s.table] ?? 'tenant_id';
      const observed = await asActor(s.actor, s.role, async (db) => ({
        read: verdict(await attempt(db, `SELECT 1 FROM ${s.table} WHERE id = $1`, [row.id])),
        update: verdict(
          await attempt(db, `UPDATE ${s.table} SET ${column} = ${column} WHERE id = $1`, [row.id]),
        ),
        delete: verdict(await attempt(db, `DELETE FROM ${s.table} WHERE id = $1`, [row.id])),
        truncate: verdict(await attempt(db, `TRUNCATE ${s.table}`)),
      }));
      expect(observed).toEqual({
        read: reads(s) ? 'rows:1' : 'rows:0',
        update: updates(s),
        delete: 'denied',
        truncate: 'denied',
      });
    },
  );
});

describe('finance through GraphQL', () => {
  const keys = MATRIX_TIERS.flatMap((t) => t.roles.map((role) => ({ tier: t, role })));
  let api: TestApi;
  const agents = new Map<string, GraphqlAgent>();

  beforeAll(async () => {
    api = await startTestApi();
    for (const { tier, role } of keys)
      agents.set(`${tier.code}:${role}`, await signedInAgent(api, actors.get(`${tier.code}:${role}`)!));
  });

  afterAll(async () => {
    await api?.close();
  });

  const byId: Record<string, { query: string; table: Table }> = {
    financingNeed: { query: `query ($id: ID!) { financingNeed(id: $id) { id } }`, table: 'financing_need' },
    compensationClaim: {
      query: `query ($id: ID!) { compensationClaim(id: $id) { id } }`,
      table: 'compensation_claim',
    },
  };
  const lists: Record<string, { query: string; table: Table }> = {
    financingNeeds: { query: `{ financingNeeds { id } }`, table: 'financing_need' },
    financingRecords: { query: `{ financingRecords { id } }`, table: 'financing_record' },
    financingEvents: { query: `{ financingEvents { id } }`, table: 'financing_event' },
    compensationClaims: { query: `{ compensationClaims { id } }`, table: 'compensation_claim' },
    linkageInstitutions: { query: `{ linkageInstitutions { id } }`, table: 'finance_linkage_institution' },
  };

  cells(
    keys.flatMap(({ tier, role }) =>
      MATRIX_TIERS.flatMap((target) => Object.keys(byId).map((field) => ({ tier, role, target, field }))),
    ),
    (c) => `${c.tier.name} ${c.role} → ${c.target.name} ${c.field}(id)`,
    async ({ tier, role, target, field }) => {
      const { query, table } = byId[field]!;
      const res = await agents
        .get(`${tier.code}:${role}`)!
        .send<Record<string, { id: string }>>(query, { id: rowOf(target.code, table).id });
      const visible = reads({ actor: tier, role, target, table });
      if (role === 'EXPERT') expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      else if (visible) expect(res.data?.[field]?.id).toBe(rowOf(target.code, table).id);
      else expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    },
  );

  cells(
    keys.flatMap(({ tier, role }) => Object.keys(lists).map((field) => ({ tier, role, field }))),
    (c) => `${c.tier.name} ${c.role} lists ${c.field}`,
    async ({ tier, role, field }) => {
      const { query, table } = lists[field]!;
      const res = await agents.get(`${tier.code}:${role}`)!.send<Record<string, { id: string }[]>>(query);
      if (role === 'EXPERT') {
        expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        return;
      }
      const ids = new Set((res.data?.[field] ?? []).map((r) => r.id));
      for (const target of MATRIX_TIERS)
        expect(ids.has(rowOf(target.code, table).id as string), `${target.name}'s ${table}`).toBe(
          reads({ actor: tier, role, target, table }),
        );
    },
  );
});
