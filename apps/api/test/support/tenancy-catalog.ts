import { APP_ROLE } from '@xiangmeng/database';
import type { Client } from 'pg';
import { asAdmin } from './harness';

// What PostgreSQL's catalog says about schema public: the facts the isolation rules are checked
// against, read once per test file (as the superuser, so nothing is hidden by RLS).

export type CatalogColumn = {
  name: string;
  type: string;
  notNull: boolean;
  identity: boolean;
  generated: boolean;
  /** The runtime role may UPDATE this column (by a table or a column grant). */
  appUpdate: boolean;
};

export type CatalogTable = {
  name: string;
  owner: string;
  rowSecurity: boolean;
  forced: boolean;
  policyCount: number;
  columns: CatalogColumn[];
  /** Privileges the runtime role holds on the table (SELECT, INSERT, …), column grants included. */
  appPrivileges: string[];
};

export type CatalogForeignKey = {
  name: string;
  table: string;
  columns: string[];
  refTable: string;
  refColumns: string[];
};

export type CatalogIndex = {
  name: string;
  table: string;
  unique: boolean;
  primary: boolean;
  columns: string[];
};

export type CatalogPolicy = {
  name: string;
  table: string;
  roles: string[];
  command: string;
  qual: string | null;
  withCheck: string | null;
};

export type CatalogFunction = {
  signature: string;
  securityDefiner: boolean;
  config: string[];
  owner: string;
  publicExecute: boolean;
  appExecute: boolean;
};

export type CatalogView = { name: string; kind: string; options: string[] };

export type CatalogRole = { name: string; superuser: boolean; bypassRls: boolean; memberOf: string[] };

export type Catalog = {
  tables: CatalogTable[];
  foreignKeys: CatalogForeignKey[];
  indexes: CatalogIndex[];
  policies: CatalogPolicy[];
  functions: CatalogFunction[];
  views: CatalogView[];
  roles: CatalogRole[];
  /** Objects of schema public (and the schema and database themselves) the runtime role owns. */
  ownedByApp: { kind: string; name: string }[];
  appCanCreateInPublic: boolean;
};

async function rows<T>(client: Client, sql: string, params: unknown[] = []): Promise<T[]> {
  return (await client.query<T & Record<string, unknown>>(sql, params)).rows;
}

async function readFrom(client: Client): Promise<Catalog> {
  const tables = await rows<Omit<CatalogTable, 'appPrivileges'> & { appPrivileges: string[] | null }>(
    client,
    `SELECT c.relname AS name, pg_get_userbyid(c.relowner) AS owner,
            c.relrowsecurity AS "rowSecurity", c.relforcerowsecurity AS forced,
            (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS "policyCount",
            (SELECT json_agg(json_build_object('name', a.attname, 'type', format_type(a.atttypid, a.atttypmod),
                                               'notNull', a.attnotnull, 'identity', a.attidentity <> '',
                                               'generated', a.attgenerated <> '',
                                               'appUpdate', has_column_privilege($1, c.oid, a.attnum, 'UPDATE'))
                                     ORDER BY a.attnum)
               FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped) AS columns,
            ARRAY(SELECT p FROM unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER']) p
                   WHERE has_table_privilege($1, c.oid, p)
                      OR (p IN ('SELECT', 'INSERT', 'UPDATE', 'REFERENCES') AND has_any_column_privilege($1, c.oid, p)))::text[]
              AS "appPrivileges"
       FROM pg_class c
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
      ORDER BY c.relname`,
    [APP_ROLE],
  );
  const foreignKeys = await rows<CatalogForeignKey>(
    client,
    `SELECT con.conname AS name, t.relname AS table, r.relname AS "refTable",
            ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(attnum, i)
                    JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.i) AS columns,
            ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(attnum, i)
                    JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.i) AS "refColumns"
       FROM pg_constraint con
       JOIN pg_class t ON t.oid = con.conrelid
       JOIN pg_class r ON r.oid = con.confrelid
      WHERE con.contype = 'f' AND con.connamespace = 'public'::regnamespace
      ORDER BY t.relname, con.conname`,
  );
  const indexes = await rows<CatalogIndex>(
    client,
    `SELECT ic.relname AS name, t.relname AS table, i.indisunique AS unique, i.indisprimary AS primary,
            ARRAY(SELECT coalesce(a.attname::text, '<expression>')
                    FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, n)
                    LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                   WHERE k.n <= i.indnkeyatts ORDER BY k.n) AS columns
       FROM pg_index i
       JOIN pg_class ic ON ic.oid = i.indexrelid
       JOIN pg_class t ON t.oid = i.indrelid
      WHERE t.relnamespace = 'public'::regnamespace
      ORDER BY t.relname, ic.relname`,
  );
  const policies = await rows<CatalogPolicy>(
    client,
    `SELECT policyname AS name, tablename AS table, roles::text[] AS roles, cmd AS command, qual, with_check AS "withCheck"
       FROM pg_policies WHERE schemaname = 'public' ORDER BY tablename, policyname`,
  );
  const functions = await rows<CatalogFunction>(
    client,
    `SELECT p.oid::regprocedure::text AS signature, p.prosecdef AS "securityDefiner",
            coalesce(p.proconfig, '{}')::text[] AS config, pg_get_userbyid(p.proowner) AS owner,
            EXISTS (SELECT 1 FROM aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) acl
                     WHERE acl.grantee = 0 AND acl.privilege_type = 'EXECUTE') AS "publicExecute",
            has_function_privilege($1, p.oid, 'EXECUTE') AS "appExecute"
       FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace ORDER BY 1`,
    [APP_ROLE],
  );
  const views = await rows<CatalogView>(
    client,
    `SELECT c.relname AS name, c.relkind::text AS kind, coalesce(c.reloptions, '{}')::text[] AS options
       FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('v', 'm') ORDER BY 1`,
  );
  const roles = await rows<CatalogRole>(
    client,
    `SELECT r.rolname AS name, r.rolsuper AS superuser, r.rolbypassrls AS "bypassRls",
            ARRAY(SELECT g.rolname::text FROM pg_roles g WHERE g.oid <> r.oid AND pg_has_role(r.oid, g.oid, 'MEMBER')
                   ORDER BY 1) AS "memberOf"
       FROM pg_roles r WHERE r.rolname LIKE 'xiangmeng\\_%' ORDER BY 1`,
  );
  const ownedByApp = await rows<{ kind: string; name: string }>(
    client,
    `SELECT 'relation ' || c.relkind::text AS kind, c.relname::text AS name FROM pg_class c
      WHERE c.relowner = $1::regrole AND c.relnamespace = 'public'::regnamespace
     UNION ALL SELECT 'function', p.oid::regprocedure::text FROM pg_proc p
      WHERE p.proowner = $1::regrole AND p.pronamespace = 'public'::regnamespace
     UNION ALL SELECT 'type', t.typname::text FROM pg_type t
      WHERE t.typowner = $1::regrole AND t.typnamespace = 'public'::regnamespace
     UNION ALL SELECT 'schema', n.nspname::text FROM pg_namespace n WHERE n.nspowner = $1::regrole
     UNION ALL SELECT 'database', d.datname::text FROM pg_database d
      WHERE d.datdba = $1::regrole AND d.datname = current_database()`,
    [APP_ROLE],
  );
  const schemaCreate = await rows<{ can: boolean }>(
    client,
    `SELECT has_schema_privilege($1, 'public', 'CREATE') AS can`,
    [APP_ROLE],
  );
  return {
    tables: tables.map((t) => ({ ...t, appPrivileges: t.appPrivileges ?? [] })),
    foreignKeys,
    indexes,
    policies,
    functions,
    views,
    roles,
    ownedByApp,
    appCanCreateInPublic: schemaCreate[0]?.can ?? true,
  };
}

export function readCatalog(): Promise<Catalog> {
  return asAdmin(readFrom);
}

export function hasTenantId(table: CatalogTable): boolean {
  return table.columns.some((c) => c.name === 'tenant_id');
}

/** Tables of schema public with a tenant_id column: the tenant-owned ones. */
export function tenantTables(catalog: Catalog): CatalogTable[] {
  return catalog.tables.filter(hasTenantId);
}

export function primaryKey(catalog: Catalog, table: string): string[] {
  const index = catalog.indexes.find((i) => i.table === table && i.primary);
  if (!index) throw new Error(`${table} has no primary key`);
  return index.columns;
}
