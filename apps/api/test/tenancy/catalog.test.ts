import { APP_ROLE, DEFINER_ROLE, OWNER_ROLE } from '@xiangmeng/database';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type Catalog,
  type CatalogForeignKey,
  type CatalogPolicy,
  type CatalogTable,
  hasTenantId,
  readCatalog,
} from '../support/tenancy-catalog';

// The isolation rules of SECURITY.md ("Tenant isolation") checked against PostgreSQL's catalog.
// Subjects are read from the live schema, so a new table, key, index, policy or function gets
// its own cell without anyone listing it here. A cell holds the problems found; none is a pass.

// Tables without tenant_id, and why every tenant may share them.
const SHARED_TABLES: Record<string, string> = {
  tenant: 'the tenant tree itself: codes and names are public',
  industry: 'the national and Hunan industry taxonomy: reference data',
  organization: 'the directory of legal persons (public record); RLS limits who adds and corrects',
  sign_in_throttle: 'failure counts by account key and address, kept before any tenant is known',
  migrations: "TypeORM's log of applied migrations",
};

// Indexes of tenant tables that serve a point look-up rather than a list, and why.
const LOOKUP_INDEXES: Record<string, string> = {
  user_session_token_hash: 'auth_find_session finds a session by its token hash before any tenant is known',
  job_due: 'the scheduler claims the due jobs of every tenant by their time (job_claim)',
  pilot_application_received:
    "the authority's inbox: applications of every city recommended to it, keyed on authority_tenant_id",
  filing_received:
    "the province's inbox: filings of every city submitted to it, keyed on authority_tenant_id",
  project_of_home:
    "the alliance's home bureau reads the projects it acts for (and the dissolution cascade finds them), keyed on alliance_tenant_id",
  ip_asset_of_home:
    "the alliance's home bureau records and reads the IP register of the projects it acts for (Art. 20), keyed on alliance_tenant_id",
  platform_of_home:
    "the alliance's home bureau reads the platforms it acts for (Art. 15) and files their reports, keyed on alliance_tenant_id",
  programme_application_received:
    "the authority's inbox: programme applications of every city recommended to it, keyed on authority_tenant_id",
  prior_investment_received:
    "the verifying authority's list: prior investments every city declared to it, keyed on authority_tenant_id",
  debarment_of_organization:
    "the public debarment register (Art. 20) is read by unit across every authority's decisions, keyed on organization_id",
  national_pilot_designation_of_alliance:
    'the published national pilot list is read by alliance (eligibility, Art. 14; every register), keyed on alliance_id',
};

// Functions whose result depends on the request's identity: policies must call them as
// `(SELECT f())`, an initplan evaluated once per statement instead of once per row.
const IDENTITY_CALL =
  /\b(current_setting|app_tenant_id|app_user_id|app_has_role|app_tenant_is_province)\s*\(/g;

type Cell = [subject: string, problems: string[]];
type Property = { title: string; cells: Cell[] };

/** Every property as cells, each subject with the problems found in it. */
function properties(catalog: Catalog): Property[] {
  const tables = new Map(catalog.tables.map((t) => [t.name, t]));
  const isTenantTable = (name: string) => {
    const table = tables.get(name);
    return table !== undefined && hasTenantId(table);
  };
  const tenantTables = catalog.tables.filter(hasTenantId);

  function rowSecurity(table: CatalogTable): Cell {
    const problems: string[] = [];
    if (!table.rowSecurity) problems.push('row-level security is not enabled');
    if (!table.forced) problems.push('row-level security is not forced (the owner would bypass it)');
    if (table.policyCount === 0) problems.push('no policy');
    if (!table.columns.find((c) => c.name === 'tenant_id')?.notNull) problems.push('tenant_id is nullable');
    const homeKey = catalog.foreignKeys.some(
      (fk) => fk.table === table.name && fk.refTable === 'tenant' && fk.columns.join() === 'tenant_id',
    );
    if (!homeKey) problems.push('tenant_id does not reference tenant(id)');
    return [table.name, problems];
  }

  function sharedTable(table: CatalogTable): Cell {
    const reason = SHARED_TABLES[table.name];
    return [
      `${table.name} (${reason ?? 'unlisted'})`,
      reason
        ? []
        : [
            'has no tenant_id and is not a known shared table: give it tenant_id and RLS, or list it with a reason',
          ],
    ];
  }

  function readableByEveryTenant(table: CatalogTable): boolean {
    if (!table.appPrivileges.includes('SELECT')) return false;
    if (!table.rowSecurity) return true;
    return catalog.policies.some(
      (p) =>
        p.table === table.name &&
        (p.command === 'SELECT' || p.command === 'ALL') &&
        p.qual === 'true' &&
        (p.roles.includes('public') || p.roles.includes(APP_ROLE)),
    );
  }

  function foreignKey(fk: CatalogForeignKey): Cell {
    const subject = `${fk.name}: ${fk.table}(${fk.columns.join(', ')}) → ${fk.refTable}(${fk.refColumns.join(', ')})`;
    const problems: string[] = [];
    if (isTenantTable(fk.refTable)) {
      if (!isTenantTable(fk.table)) problems.push('a shared table references a tenant table');
      const paired = fk.columns.some(
        (column, i) => column === 'tenant_id' && fk.refColumns[i] === 'tenant_id',
      );
      if (!paired) {
        problems.push(
          "does not pair tenant_id with the referenced tenant_id: its integrity check (which bypasses RLS) reaches other tenants' rows",
        );
      }
    } else {
      // A key into a shared table reveals nothing only if every tenant already reads that table in full.
      const ref = tables.get(fk.refTable);
      if (!ref || !(fk.refTable in SHARED_TABLES))
        problems.push('references a table that is neither tenant-owned nor shared');
      else if (!readableByEveryTenant(ref))
        problems.push(`${fk.refTable} is not readable in full by the runtime role`);
    }
    return [subject, problems];
  }

  function uniqueKeys(): Cell[] {
    return catalog.indexes
      .filter((i) => i.unique && isTenantTable(i.table) && !(i.primary && i.columns.length === 1))
      .map((i) => [
        `${i.name}: ${i.table}(${i.columns.join(', ')})`,
        i.columns.includes('tenant_id')
          ? []
          : ["does not include tenant_id: a duplicate would reveal another tenant's row"],
      ]);
  }

  function listIndexes(): Cell[] {
    return catalog.indexes
      .filter((i) => isTenantTable(i.table) && !(i.primary && i.columns.length === 1))
      .map((i) => {
        const lookup = LOOKUP_INDEXES[i.name];
        const subject = `${i.name}: ${i.table}(${i.columns.join(', ')})${lookup ? ` — look-up: ${lookup}` : ''}`;
        return [subject, i.columns[0] === 'tenant_id' || lookup ? [] : ['does not lead with tenant_id']];
      });
  }

  function policyWrapping(policy: CatalogPolicy): Cell {
    const problems: string[] = [];
    for (const [clause, text] of [
      ['USING', policy.qual],
      ['WITH CHECK', policy.withCheck],
    ] as const) {
      for (const match of (text ?? '').matchAll(IDENTITY_CALL)) {
        if (!/\(\s*SELECT\s+$/i.test(text!.slice(0, match.index))) {
          problems.push(`${clause} calls ${match[1]}() outside a (SELECT …): ${text}`);
        }
      }
    }
    // Policies that the runtime role falls under must key tenant tables on the request's tenant.
    const appliesToApp = policy.roles.includes('public') || policy.roles.includes(APP_ROLE);
    if (appliesToApp && isTenantTable(policy.table)) {
      for (const [clause, text] of [
        ['USING', policy.qual],
        ['WITH CHECK', policy.withCheck],
      ] as const) {
        if (text !== null && !(text.includes('tenant_id') && text.includes('app_tenant_id()'))) {
          problems.push(`${clause} is not keyed on tenant_id and app_tenant_id(): ${text}`);
        }
      }
    }
    return [`${policy.table}.${policy.name} (${policy.command} to ${policy.roles.join(', ')})`, problems];
  }

  function roleCells(): Cell[] {
    const byName = new Map(catalog.roles.map((r) => [r.name, r]));
    const cells: Cell[] = [OWNER_ROLE, DEFINER_ROLE, APP_ROLE].map((name) => {
      const role = byName.get(name);
      const problems = !role
        ? ['role does not exist']
        : [...(role.superuser ? ['is superuser'] : []), ...(role.bypassRls ? ['has BYPASSRLS'] : [])];
      return [`${name} is not superuser and has no BYPASSRLS`, problems];
    });
    cells.push(
      [
        `${APP_ROLE} owns no table, view, sequence, function, type, schema or the database`,
        catalog.ownedByApp.map((o) => `owns ${o.kind} ${o.name}`),
      ],
      [
        `${APP_ROLE} is a member of no other role (so it inherits no ownership or privilege)`,
        (byName.get(APP_ROLE)?.memberOf ?? []).map((r) => `member of ${r}`),
      ],
      [
        `${APP_ROLE} cannot create objects in schema public`,
        catalog.appCanCreateInPublic ? ['has CREATE on public'] : [],
      ],
    );
    return cells;
  }

  function definerFunction(fn: Catalog['functions'][number]): Cell {
    const problems: string[] = [];
    const searchPath = fn.config.find((c) => c.startsWith('search_path='));
    if (!searchPath) problems.push('no fixed search_path (proconfig)');
    else if (!/(^|,\s*)pg_temp\s*$/.test(searchPath.slice('search_path='.length))) {
      problems.push(`${searchPath}: pg_temp is not listed last, so temporary objects could shadow its names`);
    }
    if (fn.publicExecute) problems.push('PUBLIC may execute it');
    if (fn.owner !== DEFINER_ROLE) problems.push(`owned by ${fn.owner}, not ${DEFINER_ROLE}`);
    return [fn.signature, problems];
  }

  return [
    {
      title: 'every tenant table has row-level security enabled and forced, with a policy',
      cells: tenantTables.map(rowSecurity),
    },
    {
      title: 'every table without tenant_id is a known shared table',
      cells: catalog.tables.filter((t) => !hasTenantId(t)).map(sharedTable),
    },
    { title: 'roles: the runtime role cannot get around row-level security', cells: roleCells() },
    {
      title: 'the runtime role holds no privilege on a tenant table that ignores row-level security',
      cells: tenantTables.map((t) => [
        `${t.name} (runtime role holds ${t.appPrivileges.join(', ') || 'nothing'})`,
        t.appPrivileges
          .filter((p) => ['TRUNCATE', 'REFERENCES', 'TRIGGER'].includes(p))
          .map((p) => `${p} granted`),
      ]),
    },
    {
      title: 'foreign keys of tenant tables include tenant_id (integrity checks bypass RLS)',
      cells: catalog.foreignKeys
        .filter((fk) => isTenantTable(fk.table) || isTenantTable(fk.refTable))
        .filter((fk) => !(fk.refTable === 'tenant' && fk.columns.join() === 'tenant_id'))
        .map(foreignKey),
    },
    {
      title: 'unique keys of tenant tables include tenant_id (beyond a single-column primary key)',
      cells: uniqueKeys(),
    },
    { title: 'indexes of tenant tables lead with tenant_id', cells: listIndexes() },
    {
      title: 'views are security_invoker',
      cells: catalog.views.map((v) => [
        `${v.name} (${v.kind === 'm' ? 'materialized view' : 'view'})`,
        v.kind === 'm'
          ? ['a materialized view is filled by its owner, past every policy']
          : v.options.some((o) => /^security_invoker=(true|on|1|yes)$/i.test(o))
            ? []
            : ["not security_invoker: it reads with its owner's rights"],
      ]),
    },
    {
      title: 'SECURITY DEFINER functions fix search_path and deny PUBLIC',
      cells: catalog.functions.filter((f) => f.securityDefiner).map(definerFunction),
    },
    {
      title: 'policies call identity functions inside (SELECT …)',
      cells: catalog.policies.map(policyWrapping),
    },
  ];
}

const NONE: Cell = ['(none in schema public)', []];

describe('tenant isolation in the catalog of schema public', async () => {
  const catalog = await readCatalog();
  const PROPERTIES = properties(catalog);
  const tenantTables = catalog.tables.filter(hasTenantId);

  it('finds the foundation tenant tables in the catalog (the checks below are not vacuous)', () => {
    expect(tenantTables.map((t) => t.name)).toEqual(
      expect.arrayContaining(['app_user', 'user_session', 'audit_event']),
    );
    expect(catalog.functions.filter((f) => f.securityDefiner).length).toBeGreaterThanOrEqual(5);
  });

  describe.each(PROPERTIES.map((p) => [p.title, p.cells] as const))('%s', (_title, cells) => {
    it.each(cells.length ? cells : [NONE])('%s', (_subject, problems) => {
      expect(problems).toEqual([]);
    });
  });

  describe('figure', () => {
    const offending = PROPERTIES.flatMap(({ title, cells }) =>
      cells
        .filter(([, problems]) => problems.length)
        .map(([subject, problems]) => `${title} — ${subject}: ${problems.join('; ')}`),
    );
    const checked = PROPERTIES.reduce((n, p) => n + p.cells.length, 0);

    afterAll(() => {
      console.log(`tenancy catalog: ${checked} subjects checked, offending = ${offending.length}`);
    });

    it(`offending tables, keys, indexes, roles, functions and policies = 0 (of ${checked} checked)`, () => {
      expect(offending).toEqual([]);
    });
  });
});
