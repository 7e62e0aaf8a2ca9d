import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  asAdmin,
  createUser,
  errorCode,
  type GraphqlAgent,
  type GraphqlResponse,
  PASSWORD,
  resetSignInThrottle,
  signedInAgent,
  startTestApi,
  type TestApi,
  type TestUser,
} from '../support/harness';
import {
  type Catalog,
  type CatalogTable,
  primaryKey,
  readCatalog,
  tenantTables,
} from '../support/tenancy-catalog';
import {
  attempt,
  cellTally,
  freshCopy,
  insertStatement,
  openRuntimeSession,
  removeTenantRecords,
  type Row,
  type RuntimeSession,
  seedTenantRecords,
  type TenantRecords,
  verdict,
} from '../support/tenancy-fixtures';

// The definition of done, word for word: a city officer of 长沙 cannot see or change anything of
// 株洲 through GraphQL or SQL — but for the public part of the debarments 株洲 decided, which every
// tenant reads (Art. 20). 株洲 holds a row in every tenant table (and a failed sign-in); after each
// attempt, every row of 株洲 is as it was.

let catalog: Catalog;
let TABLES: CatalogTable[] = [];

let api: TestApi;
let officer: TestUser;
let agent: GraphqlAgent;
let session: RuntimeSession;
let changsha: TenantRecords;
let zhuzhou: TenantRecords;

/** Every row 株洲 holds (tenant tables, the directory entries it added, its sign-in throttle keys). */
async function zhuzhouState(): Promise<Record<string, string>> {
  const sources: [name: string, query: string][] = [
    ...TABLES.map((t): [string, string] => [
      t.name,
      `SELECT to_jsonb(x) AS r FROM ${t.name} x WHERE tenant_id = $1`,
    ]),
    ['organization', 'SELECT to_jsonb(x) AS r FROM organization x WHERE added_by_tenant_id = $1'],
    ['sign_in_throttle', `SELECT to_jsonb(x) AS r FROM sign_in_throttle x WHERE key LIKE 'account:430200:%'`],
  ];
  const sql = sources
    .map(
      ([name, query], i) =>
        `SELECT '${name}' AS source, count(*)::int AS n, md5(string_agg(r::text, '|' ORDER BY r::text)) AS digest
           FROM (${query}) s${i}`,
    )
    .join(' UNION ALL ');
  return asAdmin(async (db) => {
    const { rows } = await db.query<{ source: string; n: number; digest: string | null }>(sql, [
      zhuzhou.tenantId,
    ]);
    return Object.fromEntries(rows.map((r) => [r.source, `${r.n} ${r.digest ?? ''}`]));
  });
}

beforeAll(async () => {
  // Sign-in failures recorded by earlier files (under their own clocks) must not throttle ours.
  await resetSignInThrottle();
  api = await startTestApi();
  changsha = await seedTenantRecords('430100');
  zhuzhou = await seedTenantRecords('430200');
  officer = await createUser('430100', ['CITY_OFFICER'], 'cs');
  agent = await signedInAgent(api, officer);
  // A mistyped password leaves 株洲's account key in the sign-in throttle.
  const failed = await api.agent().login('430200', zhuzhou.user.username, `${PASSWORD}x`);
  expect(errorCode(failed)).toBe('LOGIN_FAILED');
  session = await openRuntimeSession();
});

afterAll(async () => {
  await session.close();
  await api.close();
  await removeTenantRecords(zhuzhou);
  await removeTenantRecords(changsha);
});

describe('a city officer of 长沙 cannot see or change anything of 株洲 through GraphQL or SQL', async () => {
  catalog = await readCatalog();
  TABLES = tenantTables(catalog);

  describe('through GraphQL', () => {
    const { cells } = cellTally('长沙 officer vs 株洲, GraphQL');

    it('me is the 长沙 officer, in 长沙', async () => {
      const res = await agent.send<{ me: { id: string; tenant: { code: string }; roles: string[] } }>(
        '{ me { id tenant { code } roles } }',
      );
      expect(res.data?.me).toEqual({ id: officer.id, tenant: { code: '430100' }, roles: ['CITY_OFFICER'] });
    });

    type Listing = { name: string; check(): Promise<void> };
    const idsWhere = async (sql: string, params: unknown[]) =>
      asAdmin(async (db) => (await db.query<{ id: string }>(sql, params)).rows.map((r) => r.id).sort());

    cells<Listing>(
      [
        {
          name: 'users: FORBIDDEN (an officer lists no users at all)',
          async check() {
            const res = await agent.send('{ users { id } }');
            expect(errorCode(res)).toBe('FORBIDDEN');
            expect(res.data ?? null).toBeNull();
          },
        },
        {
          name: 'divisions: FORBIDDEN (aggregates are the province’s)',
          async check() {
            expect(errorCode(await agent.send('{ divisions { userCount } }'))).toBe('FORBIDDEN');
          },
        },
        {
          name: "alliances: exactly 长沙's alliances, no 株洲 one",
          async check() {
            const res = await agent.send<{ alliances: { nodes: { id: string }[]; totalCount: number } }>(
              '{ alliances(first: 100) { nodes { id } totalCount } }',
            );
            expect(res.errors).toBeUndefined();
            const own = await idsWhere('SELECT id FROM alliance WHERE tenant_id = $1', [changsha.tenantId]);
            expect(res.data!.alliances.nodes.map((n) => n.id).sort()).toEqual(own);
            expect(res.data!.alliances.totalCount).toBe(own.length);
          },
        },
        {
          name: "measuresVersions: 长沙's own versions and the province's published ones, no 株洲 one",
          async check() {
            const res = await agent.send<{ measuresVersions: { id: string }[] }>(
              '{ measuresVersions { id } }',
            );
            expect(res.errors).toBeUndefined();
            const visible = await idsWhere(
              `SELECT m.id FROM measures m JOIN tenant t ON t.id = m.tenant_id
                WHERE m.tenant_id = $1 OR (t.code = '430000' AND m.status = 'PUBLISHED')`,
              [changsha.tenantId],
            );
            expect(res.data!.measuresVersions.map((m) => m.id).sort()).toEqual(visible);
          },
        },
      ],
      (l) => l.name,
      async (l) => {
        const before = await zhuzhouState();
        await l.check();
        expect(await zhuzhouState()).toEqual(before);
      },
    );

    // Each names one of 株洲's rows by id; the same request with a random id must answer the same.
    type Probe = { name: string; expected: string; send(id: string): Promise<unknown>; id(): string };
    const graphql =
      (query: string, extra: () => Record<string, unknown> = () => ({})) =>
      async (id: string) => {
        const res: GraphqlResponse = await agent.send(query, { id, ...extra() });
        return { status: res.status, data: res.data ?? null, errors: res.errors };
      };
    const rows = () => zhuzhou.rows;
    const probes: Probe[] = [
      {
        name: 'alliance(id)',
        expected: 'NOT_FOUND',
        id: () => rows().alliance!.id as string,
        send: graphql('query ($id: ID!) { alliance(id: $id) { id name } }'),
      },
      {
        name: 'updateAlliance',
        expected: 'NOT_FOUND',
        id: () => rows().alliance!.id as string,
        send: graphql(
          'mutation ($id: ID!, $industry: String!) { updateAlliance(input: { id: $id, version: 1, name: "改名测试联盟", industryCode: $industry, foundedOn: "2024-01-01" }) { id } }',
          () => ({ industry: rows().alliance!.industry_code }),
        ),
      },
      {
        name: 'setAllianceGovernance',
        expected: 'NOT_FOUND',
        id: () => rows().alliance!.id as string,
        send: graphql(
          'mutation ($id: ID!) { setAllianceGovernance(input: { allianceId: $id, bodies: [], executiveFullTimeStaff: 1, liableEntity: "某单位", version: 1 }) { id } }',
        ),
      },
      {
        name: 'addAllianceMember',
        expected: 'NOT_FOUND',
        id: () => rows().alliance!.id as string,
        send: graphql(
          'mutation ($id: ID!, $org: ID!) { addAllianceMember(input: { allianceId: $id, organizationId: $org, role: MEMBER, joinedOn: "2024-03-01" }) { id } }',
          () => ({ org: changsha.rows.alliance_member!.organization_id }),
        ),
      },
      {
        name: 'exitAllianceMember',
        expected: 'NOT_FOUND',
        id: () => rows().alliance_member!.id as string,
        send: graphql(
          'mutation ($id: ID!) { exitAllianceMember(input: { memberId: $id, exitedOn: "2024-03-01", reason: "退出" }) { id } }',
        ),
      },
      {
        name: 'addAllianceOutput',
        expected: 'NOT_FOUND',
        id: () => rows().alliance!.id as string,
        send: graphql(
          'mutation ($id: ID!) { addAllianceOutput(input: { allianceId: $id, year: 2024, kind: PATENT, quantity: 1 }) { id } }',
        ),
      },
      {
        name: 'createAgreementVersion',
        expected: 'NOT_FOUND',
        id: () => rows().alliance!.id as string,
        send: graphql('mutation ($id: ID!) { createAgreementVersion(input: { allianceId: $id }) { id } }'),
      },
      {
        name: 'updateAgreementDraft',
        expected: 'NOT_FOUND',
        id: () => rows().alliance_agreement!.id as string,
        send: graphql(
          'mutation ($id: ID!) { updateAgreementDraft(input: { agreementId: $id, innovationGoals: "改写", revision: 1 }) { id } }',
        ),
      },
      {
        name: 'recordAgreementSignature',
        expected: 'NOT_FOUND',
        id: () => rows().alliance_agreement!.id as string,
        send: graphql(
          'mutation ($id: ID!, $org: ID!) { recordAgreementSignature(input: { agreementId: $id, organizationId: $org, signatoryName: "李四", signedOn: "2024-03-01" }) { id } }',
          () => ({ org: rows().alliance_member!.organization_id }),
        ),
      },
      {
        name: 'establishAlliance',
        expected: 'NOT_FOUND',
        id: () => rows().alliance!.id as string,
        send: graphql(
          'mutation ($id: ID!) { establishAlliance(input: { allianceId: $id, establishedOn: "2024-03-01" }) { id } }',
        ),
      },
      {
        name: 'dissolveAlliance',
        expected: 'NOT_FOUND',
        id: () => rows().alliance!.id as string,
        send: graphql(
          'mutation ($id: ID!) { dissolveAlliance(input: { allianceId: $id, dissolvedOn: "2024-03-01", reason: "测试" }) { id } }',
        ),
      },
      {
        name: 'updateMeasuresDraft',
        expected: 'NOT_FOUND',
        id: () => rows().measures!.id as string,
        send: graphql(
          'mutation ($id: ID!) { updateMeasuresDraft(input: { id: $id, title: "改名测试办法", documentNumber: "测试〔2099〕9号", effectiveOn: "2099-01-01", parameters: {}, version: 1 }) { id } }',
        ),
      },
      {
        name: 'publishMeasures (admins only)',
        expected: 'FORBIDDEN',
        id: () => rows().measures!.id as string,
        send: graphql('mutation ($id: ID!) { publishMeasures(id: $id) { id } }'),
      },
      {
        name: 'setUserDisabled (admins only)',
        expected: 'FORBIDDEN',
        id: () => zhuzhou.user.id,
        send: graphql(
          'mutation ($id: ID!) { setUserDisabled(input: { userId: $id, disabled: true }) { id } }',
        ),
      },
      {
        name: 'resetUserPassword (admins only)',
        expected: 'FORBIDDEN',
        id: () => zhuzhou.user.id,
        send: graphql(
          'mutation ($id: ID!) { resetUserPassword(input: { userId: $id, newPassword: "Reset#Pass2027" }) { id } }',
        ),
      },
      {
        name: 'GET /api/documents/:id (download)',
        expected: 'NOT_FOUND',
        id: () => rows().document!.id as string,
        async send(id) {
          const res = await agent.raw().get(`/api/documents/${id}`);
          return { status: res.status, type: res.type, body: res.text };
        },
      },
    ];

    cells(
      probes,
      (p) => `${p.name} naming 株洲's row answers like a random id (${p.expected}) and changes nothing`,
      async (probe) => {
        const before = await zhuzhouState();
        const named = await probe.send(probe.id());
        const random = await probe.send(randomUUID());
        expect(named).toEqual(random);
        expect(JSON.stringify(named)).toContain(probe.expected);
        expect(await zhuzhouState()).toEqual(before);
      },
    );

    // The directory is shared (a legal person is public record), but an entry is corrected only
    // by the tenant that added it or by the province.
    it('correctOrganization of an entry 株洲 added is refused and the entry is unchanged', async () => {
      const before = await zhuzhouState();
      const org = zhuzhou.rows.alliance_member!.organization_id as string;
      const res = await agent.send(
        'mutation ($id: ID!) { correctOrganization(input: { id: $id, name: "改名测试单位", type: ENTERPRISE, legalRepresentative: "王五", industryBackbone: false, backboneBasis: "", version: 1 }) { id } }',
        { id: org },
      );
      expect(res.errors?.length).toBeGreaterThan(0);
      expect(res.data ?? null).toBeNull();
      expect(await zhuzhouState()).toEqual(before);
    });
  });

  describe("through SQL, as the runtime role with the 长沙 officer's identity", () => {
    const { cells } = cellTally('长沙 officer vs 株洲, SQL');
    const asOfficer = <T>(fn: (db: Client) => Promise<T>) =>
      session.as({ tenantId: changsha.tenantId, userId: officer.id, roles: ['CITY_OFFICER'] }, fn);
    const run = async (db: Client, sql: string, params: unknown[] = []) =>
      verdict(await attempt(db, sql, params));
    const refusedOrNone: unknown = expect.stringMatching(/^(denied|rows:0)$/);
    // agreement_signature's BEFORE trigger looks for the signatory among the agreement's members,
    // under RLS; it finds none of 株洲's and refuses before the policy's check is reached.
    const INSERT_REFUSAL: Record<string, string> = { agreement_signature: 'error:23514' };
    // Moving one of 长沙's own rows into 株洲 is refused by the policy's WITH CHECK, or before it by a
    // BEFORE UPDATE trigger (a signed agreement and its tasks are final; a signatory must be a member).
    // An account or session that is not the officer's own is not theirs to change at all (rows:0).
    const refusedMove: unknown = expect.stringMatching(/^(denied|error:55000|error:23514|rows:0)$/);

    const where = (table: string, row: Row, offset = 0) => {
      const key = primaryKey(catalog, table);
      return {
        sql: key.map((c, i) => `${c} = $${i + 1 + offset}`).join(' AND '),
        params: key.map((c) => row[c]),
      };
    };

    type Operation = 'read' | 'insert' | 'update' | 'delete';
    const operations: Record<
      Operation,
      (db: Client, table: CatalogTable) => Promise<Record<string, string>>
    > = {
      async read(db, t) {
        const byKey = where(t.name, zhuzhou.rows[t.name]!);
        return {
          byKey: await run(db, `SELECT 1 FROM ${t.name} WHERE ${byKey.sql}`, byKey.params),
          byTenant: await run(db, `SELECT 1 FROM ${t.name} WHERE tenant_id = $1`, [zhuzhou.tenantId]),
        };
      },
      async insert(db, t) {
        const copy = freshCopy(t, zhuzhou.rows[t.name]!);
        return { insert: await run(db, insertStatement(t), [JSON.stringify(copy)]) };
      },
      async update(db, t) {
        // A column the runtime role may update, so that the policy (not a missing grant) is what answers.
        const column = t.columns.find((c) => c.appUpdate && c.name !== 'tenant_id')?.name ?? 'tenant_id';
        const byKey = where(t.name, zhuzhou.rows[t.name]!);
        const own = where(t.name, changsha.rows[t.name]!, 1);
        return {
          byKey: await run(db, `UPDATE ${t.name} SET ${column} = ${column} WHERE ${byKey.sql}`, byKey.params),
          byTenant: await run(db, `UPDATE ${t.name} SET ${column} = ${column} WHERE tenant_id = $1`, [
            zhuzhou.tenantId,
          ]),
          moveOwnRowTo株洲: await run(db, `UPDATE ${t.name} SET tenant_id = $1 WHERE ${own.sql}`, [
            zhuzhou.tenantId,
            ...own.params,
          ]),
        };
      },
      async delete(db, t) {
        const byKey = where(t.name, zhuzhou.rows[t.name]!);
        return {
          byKey: await run(db, `DELETE FROM ${t.name} WHERE ${byKey.sql}`, byKey.params),
          byTenant: await run(db, `DELETE FROM ${t.name} WHERE tenant_id = $1`, [zhuzhou.tenantId]),
        };
      },
    };
    // The one table whose rows every tenant reads: the debarment register is public (Art. 20; its
    // point). Who recorded a debarment and the evidence are in debarment_evidence, which 长沙 does not read.
    // The national pilot list is published the same way (only the province records, so 株洲's row
    // here is the fixture's, written as the superuser).
    const PUBLIC_REGISTER = new Set(['debarment', 'national_pilot_designation']);
    const expected: Record<Operation, (table: string) => Record<string, unknown>> = {
      read: (table) =>
        PUBLIC_REGISTER.has(table)
          ? { byKey: 'rows:1', byTenant: expect.stringMatching(/^rows:[1-9]\d*$/) as unknown }
          : { byKey: refusedOrNone, byTenant: refusedOrNone },
      insert: (table) => ({ insert: INSERT_REFUSAL[table] ?? 'denied' }),
      update: () => ({ byKey: refusedOrNone, byTenant: refusedOrNone, moveOwnRowTo株洲: refusedMove }),
      delete: () => ({ byKey: refusedOrNone, byTenant: refusedOrNone }),
    };

    it('株洲 has a row in every tenant table (so every cell below aims at something)', () => {
      expect(TABLES.map((t) => t.name).filter((name) => !zhuzhou.rows[name])).toEqual([]);
    });

    cells(
      TABLES.flatMap((table) =>
        (Object.keys(operations) as Operation[]).map((operation) => ({ table, operation })),
      ),
      ({ table, operation }) => `${table.name}: ${operation}`,
      async ({ table, operation }) => {
        const before = await zhuzhouState();
        const observed = await asOfficer((db) => operations[operation](db, table));
        expect(observed).toEqual(expected[operation](table.name));
        expect(await zhuzhouState()).toEqual(before);
      },
    );

    // Integrity checks bypass RLS: a key that names 株洲's row must fail as if the row did not exist.
    cells(
      [
        {
          table: 'measures',
          changes: (id: string) => ({ derives_from_tenant_id: zhuzhou.tenantId, derives_from_id: id }),
        },
      ],
      () =>
        "measures: a 长沙 version derived from 株洲's draft is refused exactly like one derived from a random id",
      async ({ table, changes }) => {
        const t = TABLES.find((x) => x.name === table)!;
        const insertDerived = (db: Client, id: string) =>
          attempt(db, insertStatement(t), [JSON.stringify(freshCopy(t, changsha.rows[table]!, changes(id)))]);
        const observed = await asOfficer(async (db) => ({
          named: verdict(await insertDerived(db, zhuzhou.rows.measures!.id as string)),
          random: verdict(await insertDerived(db, randomUUID())),
        }));
        expect(observed).toEqual({ named: 'error:23503', random: 'error:23503' });
      },
    );

    // sign_in_throttle has no tenant_id: its keys name an account as 'account:<tenant code>:<username>'.
    cells(
      [
        {
          name: "read 株洲's account keys (usernames and failure counts)",
          sql: `SELECT key FROM sign_in_throttle WHERE key LIKE 'account:430200:%'`,
          wanted: refusedOrNone,
        },
        {
          name: "raise the failure count of 株洲's accounts (locking them out)",
          sql: `UPDATE sign_in_throttle SET failures = failures + 1000 WHERE key LIKE 'account:430200:%'`,
          wanted: refusedOrNone,
        },
        {
          name: "clear 株洲's accounts' failure counts",
          sql: `DELETE FROM sign_in_throttle WHERE key LIKE 'account:430200:%'`,
          wanted: refusedOrNone,
        },
        {
          name: 'throttle a 株洲 account that has not failed',
          sql: `INSERT INTO sign_in_throttle (key, failures, last_failure_at) VALUES ('account:430200:' || $1, 1000, now())`,
          wanted: 'denied',
        },
      ],
      (c) => `sign_in_throttle: ${c.name}`,
      async ({ sql, wanted }) => {
        const params = sql.includes('$1') ? [`iso${randomUUID().slice(0, 8)}`] : [];
        expect(await asOfficer((db) => run(db, sql, params))).toEqual(wanted);
      },
    );
  });
});
