import { findDivision, type Role, rolesForLevel, type TenantLevel } from '@xiangmeng/domain';
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { Client, DatabaseError } from 'pg';
import { afterAll, it } from 'vitest';
import { asAdmin, createUser, databaseUrls, type TestUser } from './harness';
import type { CatalogTable } from './tenancy-catalog';

// Rows of every tenant table in a tenant, and the means to try statements on them as the runtime
// role: the material of the cross-tenant matrices.

export type Tier = { code: string; name: string; level: TenantLevel; roles: readonly Role[] };

function tier(code: string): Tier {
  const division = findDivision(code);
  if (!division) throw new Error(`no division ${code}`);
  return { code, name: division.name, level: division.level, roles: rolesForLevel(division.level) };
}

/** The province and two of its cities: 湖南省, 长沙市, 株洲市. */
export const MATRIX_TIERS: readonly Tier[] = ['430000', '430100', '430200'].map(tier);

export function tierOf(code: string): Tier {
  const found = MATRIX_TIERS.find((t) => t.code === code);
  if (!found) throw new Error(`${code} is not a matrix tenant`);
  return found;
}

export type Row = Record<string, unknown>;

export type RuntimeIdentity = { tenantId: string | null; userId?: string | null; roles?: readonly string[] };

export type RuntimeSession = {
  /** Like asRuntimeRole, on this one connection: a transaction with the identity set, rolled back. */
  as<T>(identity: RuntimeIdentity, fn: (db: Client) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

/**
 * One runtime-role connection for many short transactions. Each sets its identity with
 * set_config(…, true) and is rolled back, so every transaction after the first also shows that
 * nothing of the one before stays on the connection.
 */
export async function openRuntimeSession(): Promise<RuntimeSession> {
  const client = new Client({ connectionString: databaseUrls().appUrl });
  await client.connect();
  return {
    async as(identity, fn) {
      await client.query('BEGIN');
      try {
        if (identity.tenantId) {
          await client.query(
            `SELECT set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true), set_config('app.roles', $3, true)`,
            [identity.tenantId, identity.userId ?? '', (identity.roles ?? []).join(',')],
          );
        }
        return await fn(client);
      } finally {
        await client.query('ROLLBACK');
      }
    },
    close: () => client.end(),
  };
}

export type SqlOutcome =
  | { ok: true; rowCount: number; rows: Row[] }
  | { ok: false; code: string; constraint: string | null; message: string };

/** Runs one statement in a savepoint, so that a refused statement leaves the transaction usable. */
export async function attempt(db: Client, sql: string, params: unknown[] = []): Promise<SqlOutcome> {
  await db.query('SAVEPOINT attempt');
  try {
    const result = await db.query<Row>(sql, params);
    await db.query('RELEASE SAVEPOINT attempt');
    return { ok: true, rowCount: result.rowCount ?? 0, rows: result.rows };
  } catch (error) {
    await db.query('ROLLBACK TO SAVEPOINT attempt');
    if (!(error instanceof DatabaseError)) throw error;
    return {
      ok: false,
      code: error.code ?? '',
      constraint: error.constraint ?? null,
      message: error.message,
    };
  }
}

/**
 * A statement's outcome in one word: `denied` (SQLSTATE 42501: no privilege, or a row-level
 * security check refused the row), `rows:N` (N rows affected or returned), or `error:<SQLSTATE>`.
 */
export function verdict(outcome: SqlOutcome): string {
  if (outcome.ok) return `rows:${outcome.rowCount}`;
  return outcome.code === '42501' ? 'denied' : `error:${outcome.code}`;
}

export type TenantRecords = {
  code: string;
  tenantId: string;
  /** The officer who owns the session and audit rows below. */
  user: TestUser;
  /** One row of every tenant table, as stored (`measures`: a DRAFT version). */
  rows: Record<string, Row>;
  /** A PUBLISHED measures version: the province's 2016 one, a city's made here (in force from 2099). */
  publishedMeasures: Row;
  /** Rows made here that removeTenantRecords takes away again, children first. */
  created: { table: string; key: Row }[];
};

const OFFICER: Record<TenantLevel, Role> = { PROVINCE: 'PROVINCE_OFFICER', CITY: 'CITY_OFFICER' };
const CREDIT_CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

function creditCode(): string {
  return Array.from({ length: 18 }, () => CREDIT_CODE_CHARS[randomInt(CREDIT_CODE_CHARS.length)]).join('');
}

function tag(): string {
  return randomBytes(4).toString('hex');
}

async function insertReturning(db: Client, table: string, values: Row): Promise<Row> {
  const columns = Object.keys(values);
  const { rows } = await db.query<{ row: Row }>(
    `INSERT INTO ${table} AS t (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})
     RETURNING to_jsonb(t) AS row`,
    Object.values(values),
  );
  return rows[0]!.row;
}

async function rowWhere(db: Client, table: string, where: string, params: unknown[]): Promise<Row> {
  const { rows } = await db.query<{ row: Row }>(
    `SELECT to_jsonb(t) AS row FROM ${table} t WHERE ${where}`,
    params,
  );
  if (!rows[0]) throw new Error(`no ${table} row where ${where}`);
  return rows[0].row;
}

/**
 * Writes one row of every tenant table for the tenant (as the superuser; the audit event through
 * audit_append, so the tenant's chain stays whole). Register rows and measures are removed again
 * by removeTenantRecords; the user, its session and the audit event stay, as createUser's do.
 */
export async function seedTenantRecords(code: string): Promise<TenantRecords> {
  const level = tierOf(code).level;
  const user = await createUser(code, [OFFICER[level]], 'iso');
  const tenantId = user.tenantId;
  return asAdmin(async (db) => {
    const created: TenantRecords['created'] = [];
    const add = async (table: string, values: Row, key: string[]) => {
      const row = await insertReturning(db, table, values);
      created.unshift({ table, key: Object.fromEntries(key.map((k) => [k, row[k]])) });
      return row;
    };

    const appUser = await rowWhere(db, 'app_user', 'id = $1', [user.id]);
    const now = new Date();
    const session = await insertReturning(db, 'user_session', {
      tenant_id: tenantId,
      user_id: user.id,
      token_hash: randomBytes(32),
      created_at: now,
      last_seen_at: now,
    });
    await db.query('BEGIN');
    await db.query(`SELECT set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true)`, [
      tenantId,
      user.id,
    ]);
    const { rows: appended } = await db.query<{ id: string }>(
      `SELECT audit_append('tenancy.fixture', 'fixture', NULL, NULL, NULL, now()) AS id`,
    );
    await db.query('COMMIT');
    const auditEvent = await rowWhere(db, 'audit_event', 'id = $1', [appended[0]!.id]);

    const nextVersion = async () =>
      (
        await db.query<{ n: number }>(
          'SELECT coalesce(max(version_no), 0) + 1 AS n FROM measures WHERE tenant_id = $1',
          [tenantId],
        )
      ).rows[0]!.n;
    const measures = {
      tenant_id: tenantId,
      title: `隔离测试实施办法${tag()}`,
      document_number: `测试〔2099〕${randomInt(1000)}号`,
      parameters: '{}',
    };
    const draft = await add(
      'measures',
      { ...measures, version_no: await nextVersion(), effective_on: '2099-01-01' },
      ['id'],
    );
    const publishedMeasures =
      level === 'PROVINCE'
        ? await rowWhere(
            db,
            'measures',
            `tenant_id = $1 AND status = 'PUBLISHED' ORDER BY version_no LIMIT 1`,
            [tenantId],
          )
        : await add(
            'measures',
            {
              ...measures,
              version_no: await nextVersion(),
              effective_on: '2099-12-31',
              status: 'PUBLISHED',
              published_at: now,
            },
            ['id'],
          );

    const { rows: industries } = await db.query<{ code: string }>(
      'SELECT code FROM industry ORDER BY sort_order LIMIT 1',
    );
    const organization = await add(
      'organization',
      {
        credit_code: creditCode(),
        name: `隔离测试单位${tag()}`,
        type: 'ENTERPRISE',
        legal_representative: '张三',
        added_by_tenant_id: tenantId,
      },
      ['id'],
    );
    const alliance = await add(
      'alliance',
      {
        tenant_id: tenantId,
        name: `隔离测试联盟${tag()}`,
        industry_code: industries[0]!.code,
        founded_on: '2024-01-01',
      },
      ['id'],
    );
    const governanceBody = await add(
      'governance_body',
      { tenant_id: tenantId, alliance_id: alliance.id, kind: 'DECISION', name: '理事会' },
      ['tenant_id', 'alliance_id', 'kind'],
    );
    const member = await add(
      'alliance_member',
      {
        tenant_id: tenantId,
        alliance_id: alliance.id,
        organization_id: organization.id,
        role: 'CHAIR',
        joined_on: '2024-01-01',
      },
      ['id'],
    );
    const document = await add(
      'document',
      {
        tenant_id: tenantId,
        alliance_id: alliance.id,
        kind: 'ATTACHMENT',
        file_name: 'fixture.pdf',
        media_type: 'application/pdf',
        size_bytes: 1,
        sha256: randomBytes(32),
        storage_key: `tenancy-fixture/${randomUUID()}`,
      },
      ['id'],
    );
    const agreement = await add(
      'alliance_agreement',
      { tenant_id: tenantId, alliance_id: alliance.id, version: 1, scan_document_id: document.id },
      ['id'],
    );
    const task = await add(
      'agreement_task',
      { tenant_id: tenantId, agreement_id: agreement.id, organization_id: organization.id, task: '协同研发' },
      ['tenant_id', 'agreement_id', 'organization_id'],
    );
    const signature = await add(
      'agreement_signature',
      {
        tenant_id: tenantId,
        agreement_id: agreement.id,
        organization_id: organization.id,
        signatory_name: '张三',
        signed_on: '2024-02-01',
      },
      ['tenant_id', 'agreement_id', 'organization_id'],
    );
    const output = await add(
      'alliance_output',
      { tenant_id: tenantId, alliance_id: alliance.id, year: 2024, kind: 'PATENT', quantity: 1 },
      ['id'],
    );

    return {
      code,
      tenantId,
      user,
      rows: {
        app_user: appUser,
        user_session: session,
        audit_event: auditEvent,
        measures: draft,
        alliance,
        governance_body: governanceBody,
        alliance_member: member,
        document,
        alliance_agreement: agreement,
        agreement_task: task,
        agreement_signature: signature,
        alliance_output: output,
      },
      publishedMeasures,
      created,
    };
  });
}

export async function removeTenantRecords(records: TenantRecords): Promise<void> {
  await asAdmin(async (db) => {
    for (const { table, key } of records.created) {
      const columns = Object.keys(key);
      await db.query(
        `DELETE FROM ${table} WHERE ${columns.map((c, i) => `${c} = $${i + 1}`).join(' AND ')}`,
        Object.values(key),
      );
    }
  });
}

// Columns that must differ in a copy of a row so that it collides with no unique key but the one
// a test aims at.
const FRESH_VALUES: Record<string, () => Row> = {
  app_user: () => ({ username: `iso${tag()}` }),
  user_session: () => ({ token_hash: `\\x${randomBytes(32).toString('hex')}` }),
  audit_event: () => ({
    seq: 1_000_000 + randomInt(1_000_000),
    prev_hash: `\\x${randomBytes(32).toString('hex')}`,
  }),
  measures: () => ({ version_no: 1000 + randomInt(1_000_000), status: 'DRAFT', published_at: null }),
  alliance: () => ({ name: `隔离测试联盟${tag()}` }),
  document: () => ({ storage_key: `tenancy-fixture/${randomUUID()}` }),
  alliance_agreement: () => ({ version: 1000 + randomInt(1_000_000) }),
  governance_body: () => ({}),
  alliance_member: () => ({}),
  agreement_task: () => ({}),
  agreement_signature: () => ({}),
  alliance_output: () => ({}),
};

/** A copy of a row under a new id and fresh unique values, with `changes` applied. */
export function freshCopy(table: CatalogTable, row: Row, changes: Row = {}): Row {
  const fresh = FRESH_VALUES[table.name];
  if (!fresh) throw new Error(`tenancy-fixtures: no fresh-copy rule for table ${table.name}; add one`);
  const id = table.columns.some((c) => c.name === 'id' && c.type === 'uuid') ? { id: randomUUID() } : {};
  return { ...row, ...id, ...fresh(), ...changes };
}

/** INSERT of a row given as JSON (identity and generated columns left to the database). */
export function insertStatement(table: CatalogTable): string {
  const columns = table.columns.filter((c) => !c.identity && !c.generated).map((c) => c.name);
  return `INSERT INTO ${table.name} (${columns.join(', ')})
          SELECT ${columns.join(', ')} FROM json_populate_record(NULL::${table.name}, $1::json)`;
}

export type CellTally = {
  /** One test per case, named by `name`; a case counts as passing only when all its expectations hold. */
  cells: <T>(cases: readonly T[], name: (c: T) => string, body: (c: T) => Promise<void>) => void;
};

/** Generated cells that report their figure (cells passing / total) when the file ends. */
export function cellTally(title: string): CellTally {
  let passed = 0;
  let total = 0;
  afterAll(() => {
    console.log(`${title}: ${passed}/${total} cells pass`);
  });
  return {
    cells(cases, name, body) {
      total += cases.length;
      it.each(cases.map((c) => [name(c), c] as const))('%s', async (_name, c) => {
        await body(c);
        passed += 1;
      });
    },
  };
}
