import { HUNAN_DIVISIONS, type Role } from '@xiangmeng/domain';
import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { asRuntimeRole, createUser, type TestUser } from '../support/harness';
import { type Catalog, type CatalogTable, hasTenantId, readCatalog } from '../support/tenancy-catalog';
import {
  attempt,
  cellTally,
  freshCopy,
  insertStatement,
  MATRIX_TIERS,
  openRuntimeSession,
  removeTenantRecords,
  type RuntimeSession,
  type Row,
  seedTenantRecords,
  type TenantRecords,
  type Tier,
  tierOf,
  verdict,
} from '../support/tenancy-fixtures';

// The cross-tenant matrix as the runtime role, in SQL: tenants × roles of their tier × tables ×
// operations × the tenant whose rows are aimed at. One test per cell, so a failure names its cell.
// Every cell is one transaction, identity set with set_config(…, true), rolled back at the end.
// Cells share one runtime-role connection (fresh connections are tried where it matters: no tenant).

let catalog: Catalog;
let tables = new Map<string, CatalogTable>();
const table = (name: string) => {
  const found = tables.get(name);
  if (!found) throw new Error(`no table ${name}`);
  return found;
};

type Operation = 'read' | 'insert' | 'update' | 'delete';
const OPERATIONS: Operation[] = ['read', 'insert', 'update', 'delete'];
const MATRIX_TABLES = ['app_user', 'user_session', 'audit_event'] as const;
type MatrixTable = (typeof MATRIX_TABLES)[number];

// What the runtime role may do to its own tenant's rows (the foundation migration's grants, and
// the least-privilege policies on app.roles): audit_event is written only through audit_append,
// and nothing is ever deleted. The seeded rows are another user's (the tier's seeding officer):
// an administrator reads and changes every account and session of the tier; an officer reads the
// tier's accounts (names on records) but changes only their own; an EXPERT reads and changes only
// their own account; neither reads another user's sessions.
type RoleKind = 'ADMIN' | 'OFFICER' | 'EXPERT';
const kindOf = (role: Role): RoleKind =>
  role.endsWith('_ADMIN') ? 'ADMIN' : role.endsWith('_OFFICER') ? 'OFFICER' : 'EXPERT';

type OwnRights = { read: boolean; insert: boolean; changeOthers: boolean; changeOwn: boolean };
const OWN_RIGHTS: Record<MatrixTable, Record<RoleKind, OwnRights>> = {
  app_user: {
    ADMIN: { read: true, insert: true, changeOthers: true, changeOwn: true },
    OFFICER: { read: true, insert: false, changeOthers: false, changeOwn: true },
    EXPERT: { read: false, insert: false, changeOthers: false, changeOwn: true },
  },
  user_session: {
    ADMIN: { read: true, insert: true, changeOthers: true, changeOwn: true },
    // The actors here never signed in: they have no session of their own to change.
    OFFICER: { read: false, insert: false, changeOthers: false, changeOwn: false },
    EXPERT: { read: false, insert: false, changeOthers: false, changeOwn: false },
  },
  audit_event: {
    ADMIN: { read: false, insert: false, changeOthers: false, changeOwn: false },
    OFFICER: { read: false, insert: false, changeOthers: false, changeOwn: false },
    EXPERT: { read: false, insert: false, changeOthers: false, changeOwn: false },
  },
};
const NO_PRIVILEGE: Record<MatrixTable, Operation[]> = {
  app_user: ['delete'],
  user_session: ['delete'],
  audit_event: ['read', 'insert', 'update', 'delete'],
};

const CITY_COUNT = HUNAN_DIVISIONS.filter((d) => d.level === 'CITY').length;
const refusedOrNone: unknown = expect.stringMatching(/^(denied|rows:0)$/);
const someRows: unknown = expect.stringMatching(/^rows:[1-9]\d*$/);

type Subject = { actor: Tier; role: Role; target: Tier };
type Outcomes = Record<string, string>;

const records = new Map<string, TenantRecords>();
const actors = new Map<string, TestUser>();
let session: RuntimeSession;
const { cells: cell } = cellTally('tenancy SQL matrix');

function actorOf(actor: Tier, role: Role): TestUser {
  const user = actors.get(`${actor.code}:${role}`);
  if (!user) throw new Error(`no ${role} of ${actor.code}`);
  return user;
}

function recordsOf(code: string): TenantRecords {
  const found = records.get(code);
  if (!found) throw new Error(`no records of ${code}`);
  return found;
}

function asActor<T>(actor: Tier, role: Role, fn: (db: Client) => Promise<T>): Promise<T> {
  const user = actorOf(actor, role);
  return session.as({ tenantId: user.tenantId, userId: user.id, roles: [role] }, fn);
}

function label(actor: Tier, role: Role, target: Tier): string {
  return `${actor.name} ${role} → ${actor.code === target.code ? 'own' : target.name}`;
}

async function run(db: Client, sql: string, params: unknown[] = []): Promise<string> {
  return verdict(await attempt(db, sql, params));
}

/** Rows of the table the transaction sees that belong to another tenant, or 'denied'. */
async function foreignRowsSeen(db: Client, tableName: string, tenantId: string): Promise<string | number> {
  const outcome = await attempt(db, `SELECT count(*)::int AS n FROM ${tableName} WHERE tenant_id <> $1`, [
    tenantId,
  ]);
  return outcome.ok ? Number(outcome.rows[0]!.n) : verdict(outcome);
}

const operate: Record<
  Operation,
  (db: Client, t: MatrixTable, s: Subject) => Promise<Outcomes | Record<string, string | number>>
> = {
  async read(db, t, { actor, target }) {
    const row = recordsOf(target.code).rows[t]!;
    return {
      byId: await run(db, `SELECT 1 FROM ${t} WHERE id = $1`, [row.id]),
      foreignRowsSeen: await foreignRowsSeen(db, t, recordsOf(actor.code).tenantId),
    };
  },
  async insert(db, t, { target }) {
    const copy = freshCopy(table(t), recordsOf(target.code).rows[t]!);
    return { insert: await run(db, insertStatement(table(t)), [JSON.stringify(copy)]) };
  },
  async update(db, t, { actor, target }) {
    const targetRecords = recordsOf(target.code);
    const outcomes: Outcomes = {
      byId: await run(db, `UPDATE ${t} SET tenant_id = tenant_id WHERE id = $1`, [targetRecords.rows[t]!.id]),
      byTenant: await run(db, `UPDATE ${t} SET tenant_id = tenant_id WHERE tenant_id = $1`, [
        targetRecords.tenantId,
      ]),
    };
    if (actor.code !== target.code) {
      outcomes.moveOwnRowThere = await run(db, `UPDATE ${t} SET tenant_id = $1 WHERE id = $2`, [
        targetRecords.tenantId,
        recordsOf(actor.code).rows[t]!.id,
      ]);
    }
    return outcomes;
  },
  async delete(db, t, { target }) {
    const targetRecords = recordsOf(target.code);
    return {
      byId: await run(db, `DELETE FROM ${t} WHERE id = $1`, [targetRecords.rows[t]!.id]),
      byTenant: await run(db, `DELETE FROM ${t} WHERE tenant_id = $1`, [targetRecords.tenantId]),
    };
  },
};

function expected(
  t: MatrixTable,
  operation: Operation,
  { actor, role, target }: Subject,
): Record<string, unknown> {
  const own = actor.code === target.code;
  const rights = OWN_RIGHTS[t][kindOf(role)];
  const privileged = !NO_PRIVILEGE[t].includes(operation);
  switch (operation) {
    case 'read':
      if (!privileged) return { byId: 'denied', foreignRowsSeen: 'denied' };
      return { byId: own && rights.read ? 'rows:1' : 'rows:0', foreignRowsSeen: 0 };
    case 'insert':
      // Another tenant's tenant_id is refused by the policy's WITH CHECK, or by privilege.
      return { insert: own && privileged && rights.insert ? 'rows:1' : 'denied' };
    case 'update':
      if (!privileged)
        return own
          ? { byId: 'denied', byTenant: 'denied' }
          : { byId: 'denied', byTenant: 'denied', moveOwnRowThere: 'denied' };
      if (own)
        return {
          byId: rights.changeOthers ? 'rows:1' : 'rows:0',
          byTenant: rights.changeOthers ? someRows : rights.changeOwn ? 'rows:1' : 'rows:0',
        };
      // The tier's seeded row is another user's: an administrator reaches it and is refused the
      // move by WITH CHECK; anyone else does not reach it at all.
      return {
        byId: refusedOrNone,
        byTenant: refusedOrNone,
        moveOwnRowThere: rights.changeOthers ? 'denied' : 'rows:0',
      };
    case 'delete':
      if (own)
        return privileged ? { byId: 'rows:1', byTenant: someRows } : { byId: 'denied', byTenant: 'denied' };
      return { byId: refusedOrNone, byTenant: refusedOrNone };
  }
}

const subjects: Subject[] = MATRIX_TIERS.flatMap((actor) =>
  actor.roles.flatMap((role) => MATRIX_TIERS.map((target) => ({ actor, role, target }))),
);

beforeAll(async () => {
  session = await openRuntimeSession();
  for (const t of MATRIX_TIERS) {
    records.set(t.code, await seedTenantRecords(t.code));
    for (const role of t.roles) actors.set(`${t.code}:${role}`, await createUser(t.code, [role], 'mx'));
  }
});

afterAll(async () => {
  await session.close();
  for (const r of records.values()) await removeTenantRecords(r);
});

describe('the cross-tenant matrix as the runtime role, in SQL', async () => {
  catalog = await readCatalog();
  tables = new Map(catalog.tables.map((t) => [t.name, t]));

  describe.each(MATRIX_TABLES)('runtime role × %s', (t) => {
    describe.each(OPERATIONS)('%s', (operation) => {
      cell(
        subjects,
        (s) => label(s.actor, s.role, s.target),
        async (s) => {
          const observed = await asActor(s.actor, s.role, (db) => operate[operation](db, t, s));
          expect(observed).toEqual(expected(t, operation, s));
        },
      );
    });

    describe('truncate (it ignores row-level security, so nobody may)', () => {
      cell(
        MATRIX_TIERS.flatMap((actor) => actor.roles.map((role) => ({ actor, role }))),
        ({ actor, role }) => `${actor.name} ${role}`,
        async ({ actor, role }) => {
          expect(await asActor(actor, role, (db) => run(db, `TRUNCATE ${t}`))).toBe('denied');
        },
      );
    });
  });

  describe('record state: measures versions (DRAFT, PUBLISHED) — a city reads its parent tier’s published versions only', () => {
    const states = ['DRAFT', 'PUBLISHED'] as const;
    const rowOf = (code: string, state: (typeof states)[number]) =>
      state === 'DRAFT' ? recordsOf(code).rows.measures! : recordsOf(code).publishedMeasures;

    cell(
      subjects.flatMap((s) => states.map((state) => ({ ...s, state }))),
      (c) => `${label(c.actor, c.role, c.target)} ${c.state}`,
      async ({ actor, role, target, state }) => {
        const row = rowOf(target.code, state);
        const own = actor.code === target.code;
        const parentPublished =
          state === 'PUBLISHED' && actor.level === 'CITY' && target.level === 'PROVINCE';
        const staff = kindOf(role) !== 'EXPERT';
        const observed = await asActor(actor, role, async (db) => ({
          read: await run(db, 'SELECT 1 FROM measures WHERE id = $1', [row.id]),
          update: await run(db, 'UPDATE measures SET title = title WHERE id = $1', [row.id]),
        }));
        expect(observed).toEqual({
          // An EXPERT reads the published rules (its sheet is scored by them), never a draft.
          read: (own && (staff || state === 'PUBLISHED')) || parentPublished ? 'rows:1' : 'rows:0',
          // A published version never changes again (a trigger says so); nobody updates another
          // tier's; an EXPERT changes none.
          update: own && staff ? (state === 'DRAFT' ? 'rows:1' : 'error:55000') : 'rows:0',
        });
      },
    );
  });

  describe('what only an administrator may: publishing measures and calls, managing accounts (app.roles)', () => {
    const own = MATRIX_TIERS.flatMap((actor) => actor.roles.map((role) => ({ actor, role })));
    const adminOnly: Record<string, (r: TenantRecords, me: TestUser) => [string, unknown[]]> = {
      'publish a measures draft': (r) => [
        `UPDATE measures SET status = 'PUBLISHED', published_at = now() WHERE id = $1`,
        [r.rows.measures!.id],
      ],
      'publish a call draft': (r) => [
        `UPDATE pilot_call SET status = 'PUBLISHED', published_at = now() WHERE id = $1`,
        [r.rows.pilot_call!.id],
      ],
      'insert a PUBLISHED measures version': (r) => [
        insertStatement(table('measures')),
        [
          JSON.stringify(
            freshCopy(table('measures'), r.rows.measures!, {
              version_no: 900 + Math.floor(Math.random() * 9000),
              status: 'PUBLISHED',
              published_at: new Date().toISOString(),
            }),
          ),
        ],
      ],
      'disable another account': (r) => [
        `UPDATE app_user SET disabled_at = now() WHERE id = $1`,
        [r.user.id],
      ],
      'give oneself the administrator role': (_r, me) => [
        `UPDATE app_user SET roles = ARRAY['${me.tenantCode === '430000' ? 'PROVINCE_ADMIN' : 'CITY_ADMIN'}'] WHERE id = $1`,
        [me.id],
      ],
      "end another user's sessions": (r) => [
        `UPDATE user_session SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`,
        [r.user.id],
      ],
    };
    // Officers are refused by the policy's WITH CHECK (denied) or do not reach the row (rows:0);
    // experts reach no register, call or other account row at all.
    const refusal: Record<string, Record<Exclude<RoleKind, 'ADMIN'>, string>> = {
      'publish a measures draft': { OFFICER: 'denied', EXPERT: 'rows:0' },
      'publish a call draft': { OFFICER: 'denied', EXPERT: 'rows:0' },
      'insert a PUBLISHED measures version': { OFFICER: 'denied', EXPERT: 'denied' },
      'disable another account': { OFFICER: 'rows:0', EXPERT: 'rows:0' },
      'give oneself the administrator role': { OFFICER: 'denied', EXPERT: 'denied' },
      "end another user's sessions": { OFFICER: 'rows:0', EXPERT: 'rows:0' },
    };
    cell(
      own.flatMap((s) => Object.keys(adminOnly).map((what) => ({ ...s, what }))),
      ({ actor, role, what }) => `${actor.name} ${role}: ${what}`,
      async ({ actor, role, what }) => {
        const [sql, params] = adminOnly[what]!(recordsOf(actor.code), actorOf(actor, role));
        const kind = kindOf(role);
        const observed = await asActor(actor, role, (db) => run(db, sql, params));
        if (kind === 'ADMIN') expect(observed).toMatch(/^rows:[1-9]\d*$/);
        else expect(observed).toBe(refusal[what]![kind]);
      },
    );
  });

  describe('no tenant set: the runtime role sees no row of any tenant table', () => {
    const count = async (db: Client, name: string) => {
      const outcome = await attempt(db, `SELECT count(*)::int AS n FROM ${name}`);
      return outcome.ok ? Number(outcome.rows[0]!.n) : verdict(outcome);
    };
    const variants: Record<string, (name: string) => Promise<number | string>> = {
      'fresh connection, nothing set': (name) => asRuntimeRole({ tenantId: null }, (db) => count(db, name)),
      // The shared connection has just served transactions of every tenant.
      'reused connection, nothing set in this transaction': (name) =>
        session.as({ tenantId: null }, (db) => count(db, name)),
      "app.tenant_id set to ''": (name) =>
        session.as({ tenantId: null }, async (db) => {
          await db.query(`SELECT set_config('app.tenant_id', '', true)`);
          return count(db, name);
        }),
    };
    cell(
      catalog.tables
        .filter(hasTenantId)
        .flatMap((t) => Object.keys(variants).map((variant) => ({ name: t.name, variant }))),
      ({ name, variant }) => `${name} (${variant})`,
      async ({ name, variant }) => {
        expect([0, 'denied']).toContain(await variants[variant]!(name));
      },
    );
  });

  describe('SECURITY DEFINER functions check the caller’s tenant themselves', () => {
    type Call = {
      label: string;
      as: { code: string; role: Role } | null;
      sql: (r: (code: string) => string) => [string, unknown[]];
      expected: string;
    };
    const provision = (city: string): [string, unknown[]] => [
      `SELECT provision_city_admin($1, $2, '测试管理员', $3)`,
      [
        city,
        `iso${randomUUID().slice(0, 8)}`,
        '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA',
      ],
    ];
    const calls: Call[] = [
      ...MATRIX_TIERS.flatMap((t) =>
        t.roles.flatMap((role) =>
          ['division_user_counts', 'division_alliance_counts'].map((fn) => ({
            label: `${fn}() as ${t.name} ${role}`,
            as: { code: t.code, role },
            sql: (): [string, unknown[]] => [`SELECT * FROM ${fn}()`, []],
            expected: t.level === 'PROVINCE' ? `rows:${CITY_COUNT}` : 'denied',
          })),
        ),
      ),
      ...['division_user_counts', 'division_alliance_counts'].map((fn) => ({
        label: `${fn}() with no tenant set`,
        as: null,
        sql: (): [string, unknown[]] => [`SELECT * FROM ${fn}()`, []],
        expected: 'denied',
      })),
      {
        label: 'audit_append() with no tenant set',
        as: null,
        sql: () => [`SELECT audit_append('x', 'x', NULL, NULL, NULL, now())`, []],
        expected: 'denied',
      },
      {
        label: 'provision_city_admin(株洲) as 长沙 with PROVINCE_ADMIN claimed in app.roles',
        as: { code: '430100', role: 'PROVINCE_ADMIN' },
        sql: (id) => provision(id('430200')),
        expected: 'denied',
      },
      {
        label: 'provision_city_admin(株洲) as 湖南省 PROVINCE_OFFICER',
        as: { code: '430000', role: 'PROVINCE_OFFICER' },
        sql: (id) => provision(id('430200')),
        expected: 'denied',
      },
      {
        label: 'provision_city_admin(湖南省) as 湖南省 PROVINCE_ADMIN',
        as: { code: '430000', role: 'PROVINCE_ADMIN' },
        sql: (id) => provision(id('430000')),
        expected: 'denied',
      },
      {
        label: 'provision_city_admin(株洲) as 湖南省 PROVINCE_ADMIN',
        as: { code: '430000', role: 'PROVINCE_ADMIN' },
        sql: (id) => provision(id('430200')),
        expected: 'rows:1',
      },
    ];
    cell(
      calls,
      (c) => c.label,
      async ({ as, sql, expected: wanted }) => {
        const id = (code: string) => recordsOf(code).tenantId;
        const [text, params] = sql(id);
        const identity = as
          ? {
              tenantId: id(as.code),
              // The role is claimed through app.roles; the user is the tier's own for that role when there is one.
              userId: actors.get(`${as.code}:${as.role}`)?.id ?? null,
              roles: [as.role],
            }
          : { tenantId: null };
        expect(await session.as(identity, (db) => run(db, text, params))).toBe(wanted);
      },
    );
  });

  describe("keys name no other tenant's row: naming it fails exactly like naming a row that does not exist", () => {
    // Every foreign key into a tenant table, from the catalog; an insert into the actor's own
    // tenant that points at the target's row, against one that points at a random id.
    const keys = catalog.foreignKeys.filter((fk) => {
      const ref = tables.get(fk.refTable);
      return ref !== undefined && hasTenantId(ref);
    });
    // review_sheet: the sheet must name its own seat; user_session: an officer opens no session
    // for another account (policy own_or_admin); debarment_evidence: only an administrator records
    // a debarment (the cells act as officers); the IP register's rows must name a project (or an
    // asset) their inserter reads, with the same parties, and a platform report a platform its
    // filer reads; only a province administrator records a national pilot designation — all
    // refused before any key is checked.
    const CHECKED_BY_POLICY = new Set([
      'review_sheet',
      'user_session',
      'debarment_evidence',
      'ip_asset',
      'ip_asset_owner',
      'ip_licence',
      'platform_report',
      'national_pilot_designation',
    ]);
    const pairs = [
      ['430100', '430200'],
      ['430200', '430100'],
      ['430100', '430000'],
      ['430000', '430100'],
    ] as const;

    cell(
      keys.flatMap((fk) => pairs.map(([a, b]) => ({ fk, actor: tierOf(a), target: tierOf(b) }))),
      ({ fk, actor, target }) => `${fk.name}: ${actor.name} names ${target.name}'s ${fk.refTable} row`,
      async ({ fk, actor, target }) => {
        const own = recordsOf(actor.code);
        const theirs = recordsOf(target.code);
        // measures: aim at the target's DRAFT, which nobody else may see.
        const referenced: Row = theirs.rows[fk.refTable]!;
        const pointAt = (values: (refColumn: string) => unknown) =>
          Object.fromEntries(
            fk.columns.map((column, i) => [
              column,
              column === 'tenant_id' ? own.tenantId : values(fk.refColumns[i]!),
            ]),
          );
        const fkTable = table(fk.table);
        const template = own.rows[fk.table]!;
        const role = actor.roles[1]!;
        const observed = await asActor(actor, role, async (db) => {
          const insertCopy = async (changes: Row) => {
            const o = await attempt(db, insertStatement(fkTable), [
              JSON.stringify(freshCopy(fkTable, template, changes)),
            ]);
            return o.ok ? 'accepted' : `${o.code}${o.constraint ? ` ${o.constraint}` : ''}`;
          };
          return {
            named: await insertCopy(pointAt((c) => referenced[c])),
            random: await insertCopy(pointAt((c) => (c === 'tenant_id' ? theirs.tenantId : randomUUID()))),
          };
        });
        // A random id fails on this key (or on a BEFORE trigger that looks under RLS first); a table
        // the runtime role may not insert into at all (confirmed_pilot) refuses both for that, and so
        // does a policy that looks for the referenced row under RLS before any key is checked
        // (review_sheet: the sheet must name its own seat, expert and application).
        const refusals =
          fkTable.appPrivileges.includes('INSERT') && !CHECKED_BY_POLICY.has(fk.table)
            ? [`23503 ${fk.name}`, '23514']
            : ['42501'];
        expect(refusals).toContain(observed.random);
        expect(observed.named).toBe(observed.random);
      },
    );
  });
});
