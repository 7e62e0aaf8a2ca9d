import { IN_FORCE_FILING_STATES } from '@xiangmeng/domain';
import { sqlStates } from '../../src/modules/applications/sql-states';
import { HUNAN_2016_PARAMETERS } from '@xiangmeng/domain';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminDb } from '../support/admin-db';
import { Client } from 'pg';
import { createUser, databaseUrls, signedInAgent, tenantId, type TestUser } from '../support/harness';
import {
  type AllianceView,
  binaryBody,
  creditCode,
  dataOf,
  errorShape,
  FILES,
  M,
  Q,
  RegisterClient,
  startRegisterApi,
  uniqueName,
} from '../support/register-client';

// The cross-tenant matrix of the register (SECURITY.md, Tenant isolation): for 长沙 (430100),
// 株洲 (430200) and the province (430000), every tenant table, read / insert / update / delete of
// another tenant's rows as the runtime role in SQL — plus the same tenant's own rows as the control
// that shows each statement could have worked — and every register mutation through GraphQL naming
// another city's records. Fixtures for the SQL cells are written as the superuser.

const TENANTS = ['430100', '430200', '430000'] as const;
type Code = (typeof TENANTS)[number];
const PROVINCE: Code = '430000';
const foreignTo = (code: Code) => TENANTS.filter((t) => t !== code);
/** The tables that attach a document to something read beyond its tenant's staff. */
const SENT_OR_PUBLISHED_DOCUMENTS = [
  'pilot_application_document',
  'filing_document',
  'prior_investment_document',
  'programme_application_document',
  'notice_document',
  'decision_pdf',
  'call_guide',
];

type Refs = { allianceId: string; agreementId: string; signedAgreementId: string; organizationId: string };
type Fixture = Refs & {
  tenantId: string;
  memberId: string;
  outputId: string;
  documentId: string;
  publishedMeasuresId: string;
  draftMeasuresId: string;
};

type Outcome = { rowCount: number; rows: Record<string, unknown>[] } | { code: string };

type TableSpec = {
  table: string;
  /** A valid new row for `tenant` under the parents in `refs`. */
  insert: (tenant: string, refs: Refs) => [string, unknown[]];
  /** The fixture's row(s) of this table. */
  where: (f: Fixture) => [string, unknown[]];
  /** A no-op change allowed to the runtime role on its own rows. */
  touch: string;
  deletable: boolean;
  /** False where the runtime role holds no UPDATE privilege (signatures). */
  updatable?: boolean;
  /** The parent an inserted row names (checked by a tenant-leading foreign key). */
  parent?: 'allianceId' | 'agreementId';
};

let extraOrganizationId = '';

const TABLES: TableSpec[] = [
  {
    table: 'alliance',
    insert: (t) => [
      `INSERT INTO alliance (tenant_id, name, industry_code, founded_on) VALUES ($1, $2, 'SE0101', '2024-01-01')`,
      [t, uniqueName('隔离测试联盟')],
    ],
    where: (f) => ['id = $1', [f.allianceId]],
    touch: 'name = name',
    deletable: false,
  },
  {
    table: 'alliance_member',
    insert: (t, r) => [
      `INSERT INTO alliance_member (tenant_id, alliance_id, organization_id, role, joined_on) VALUES ($1, $2, $3, 'MEMBER', '2024-01-01')`,
      [t, r.allianceId, extraOrganizationId],
    ],
    where: (f) => ['id = $1', [f.memberId]],
    touch: 'role = role',
    deletable: false,
    parent: 'allianceId',
  },
  {
    table: 'governance_body',
    insert: (t, r) => [
      `INSERT INTO governance_body (tenant_id, alliance_id, kind, name) VALUES ($1, $2, 'ADVISORY', '专家委员会')`,
      [t, r.allianceId],
    ],
    where: (f) => ['tenant_id = $1 AND alliance_id = $2', [f.tenantId, f.allianceId]],
    touch: 'name = name',
    deletable: true,
    parent: 'allianceId',
  },
  {
    table: 'alliance_agreement',
    insert: (t, r) => [
      `INSERT INTO alliance_agreement (tenant_id, alliance_id, version) VALUES ($1, $2, 3)`,
      [t, r.allianceId],
    ],
    // Version 1, unsigned: the one its owner may still change.
    where: (f) => ['id = $1', [f.agreementId]],
    touch: 'innovation_goals = innovation_goals',
    deletable: false,
    parent: 'allianceId',
  },
  {
    table: 'agreement_task',
    insert: (t, r) => [
      `INSERT INTO agreement_task (tenant_id, agreement_id, organization_id, task) VALUES ($1, $2, $3, '课题')`,
      [t, r.agreementId, extraOrganizationId],
    ],
    where: (f) => ['tenant_id = $1 AND agreement_id = $2', [f.tenantId, f.agreementId]],
    touch: 'task = task',
    deletable: true,
    parent: 'agreementId',
  },
  {
    table: 'agreement_signature',
    insert: (t, r) => [
      `INSERT INTO agreement_signature (tenant_id, agreement_id, organization_id, signatory_name, signed_on)
       VALUES ($1, $2, $3, '张三', '2024-02-01')`,
      [t, r.agreementId, r.organizationId],
    ],
    where: (f) => ['tenant_id = $1 AND agreement_id = $2', [f.tenantId, f.signedAgreementId]],
    touch: 'signatory_name = signatory_name',
    // A signature is never changed once recorded: the runtime role may not UPDATE it at all.
    updatable: false,
    deletable: false,
    parent: 'agreementId',
  },
  {
    table: 'alliance_output',
    insert: (t, r) => [
      `INSERT INTO alliance_output (tenant_id, alliance_id, year, kind, quantity) VALUES ($1, $2, 2024, 'PATENT', 2)`,
      [t, r.allianceId],
    ],
    where: (f) => ['id = $1', [f.outputId]],
    touch: 'quantity = quantity',
    deletable: false,
    parent: 'allianceId',
  },
  {
    table: 'document',
    insert: (t, r) => [
      `INSERT INTO document (tenant_id, alliance_id, kind, file_name, media_type, size_bytes, sha256, storage_key)
       VALUES ($1, $2, 'ATTACHMENT', 'a.pdf', 'application/pdf', 5, sha256('x'), $3)`,
      [t, r.allianceId, randomUUID()],
    ],
    where: (f) => ['id = $1', [f.documentId]],
    touch: 'file_name = file_name',
    deletable: false,
    parent: 'allianceId',
  },
  {
    table: 'measures',
    insert: (t) => [
      `INSERT INTO measures (tenant_id, version_no, title, document_number, effective_on, parameters)
       VALUES ($1, 9999, '隔离测试', '测试文号', '2200-01-01', '{}')`,
      [t],
    ],
    // The draft: a published version refuses every change, its owner's included.
    where: (f) => ['id = $1', [f.draftMeasuresId]],
    touch: 'title = title',
    deletable: false,
  },
];

const fixtures = new Map<Code, Fixture>();
const fixture = (code: Code) => fixtures.get(code)!;

// One runtime-role connection per tenant, each statement in its own transaction that sets the
// tenant first and always rolls back (as asRuntimeRole does, without a connection per statement).
const runtimeClients = new Map<Code, Client>();

async function runAs(code: Code, sql: string, params: unknown[]): Promise<Outcome> {
  let client = runtimeClients.get(code);
  if (!client) {
    client = new Client({ connectionString: databaseUrls().appUrl });
    await client.connect();
    runtimeClients.set(code, client);
  }
  await client.query('BEGIN');
  try {
    // The register is its tier's staff's: the statements run as the tier's officer.
    await client.query(`SELECT set_config('app.tenant_id', $1, true), set_config('app.roles', $2, true)`, [
      fixture(code).tenantId,
      code === '430000' ? 'PROVINCE_OFFICER' : 'CITY_OFFICER',
    ]);
    const result = await client.query<Record<string, unknown>>(sql, params);
    return { rowCount: result.rowCount ?? 0, rows: result.rows };
  } catch (error) {
    return { code: (error as { code?: string }).code ?? 'UNKNOWN' };
  } finally {
    await client.query('ROLLBACK');
  }
}

const rowCount = (o: Outcome) => ('rowCount' in o ? o.rowCount : `error ${o.code}`);
const failure = (o: Outcome) => ('code' in o ? o.code : `succeeded (${o.rowCount} rows)`);

async function seed(db: AdminDb, code: Code): Promise<Fixture> {
  const tid = await tenantId(code);
  const one = async (sql: string, params: unknown[]) => (await db.rows<{ id: string }>(sql, params))[0]!.id;
  const organizationId = await one(
    `INSERT INTO organization (credit_code, name, type, legal_representative, added_by_tenant_id)
     VALUES ($1, $2, 'ENTERPRISE', '张三', $3) RETURNING id`,
    [creditCode(), uniqueName('隔离测试企业'), tid],
  );
  const allianceId = await one(
    `INSERT INTO alliance (tenant_id, name, industry_code, founded_on) VALUES ($1, $2, 'SE0101', '2024-01-01') RETURNING id`,
    [tid, uniqueName('隔离测试联盟')],
  );
  const memberId = await one(
    `INSERT INTO alliance_member (tenant_id, alliance_id, organization_id, role, joined_on)
     VALUES ($1, $2, $3, 'CHAIR', '2024-01-01') RETURNING id`,
    [tid, allianceId, organizationId],
  );
  await db.rows(
    `INSERT INTO governance_body (tenant_id, alliance_id, kind, name) VALUES ($1, $2, 'DECISION', '理事会')`,
    [tid, allianceId],
  );
  const documentId = await one(
    `INSERT INTO document (tenant_id, alliance_id, kind, file_name, media_type, size_bytes, sha256, storage_key)
     VALUES ($1, $2, 'ATTACHMENT', 'a.pdf', 'application/pdf', 5, sha256('x'), $3) RETURNING id`,
    [tid, allianceId, randomUUID()],
  );
  const agreementId = await one(
    `INSERT INTO alliance_agreement (tenant_id, alliance_id, version) VALUES ($1, $2, 1) RETURNING id`,
    [tid, allianceId],
  );
  await db.rows(
    `INSERT INTO agreement_task (tenant_id, agreement_id, organization_id, task) VALUES ($1, $2, $3, '课题')`,
    [tid, agreementId, organizationId],
  );
  const signedAgreementId = await one(
    `INSERT INTO alliance_agreement (tenant_id, alliance_id, version) VALUES ($1, $2, 2) RETURNING id`,
    [tid, allianceId],
  );
  await db.rows(
    `INSERT INTO agreement_signature (tenant_id, agreement_id, organization_id, signatory_name, signed_on)
     VALUES ($1, $2, $3, '张三', '2024-02-01')`,
    [tid, signedAgreementId, organizationId],
  );
  const outputId = await one(
    `INSERT INTO alliance_output (tenant_id, alliance_id, year, kind, quantity) VALUES ($1, $2, 2024, 'PATENT', 1) RETURNING id`,
    [tid, allianceId],
  );
  // Effective in 2200 and, for the cities, overriding nothing: in force for no one's real dates.
  const parameters = JSON.stringify(code === PROVINCE ? HUNAN_2016_PARAMETERS : {});
  const measures = async (status: 'DRAFT' | 'PUBLISHED') =>
    one(
      `INSERT INTO measures (tenant_id, version_no, title, document_number, effective_on, parameters, status, published_at)
       SELECT $1, coalesce(max(version_no), 0) + 1, '隔离测试版本', '测试文号', '2200-01-01', $2, $3,
              CASE WHEN $3 = 'PUBLISHED' THEN now() END
       FROM measures WHERE tenant_id = $1 RETURNING id`,
      [tid, parameters, status],
    );
  const publishedMeasuresId = await measures('PUBLISHED');
  const draftMeasuresId = await measures('DRAFT');
  return {
    tenantId: tid,
    organizationId,
    allianceId,
    memberId,
    agreementId,
    signedAgreementId,
    outputId,
    documentId,
    publishedMeasuresId,
    draftMeasuresId,
  };
}

describe('tenant isolation of the register, as the runtime role in SQL', () => {
  let db: AdminDb;

  beforeAll(async () => {
    db = await AdminDb.open();
    extraOrganizationId = (
      await db.rows<{ id: string }>(
        `INSERT INTO organization (credit_code, name, type, legal_representative, added_by_tenant_id)
         SELECT $1, $2, 'UNIVERSITY', '李四', id FROM tenant WHERE code = '430000' RETURNING id`,
        [creditCode({ authority: '1' }), uniqueName('隔离测试大学')],
      )
    )[0]!.id;
    for (const code of TENANTS) fixtures.set(code, await seed(db, code));
  });
  afterAll(async () => {
    // Published fixtures would otherwise stay in everyone's list of versions.
    await db.rows('DELETE FROM measures WHERE id = ANY($1)', [
      [...fixtures.values()].flatMap((f) => [f.publishedMeasuresId, f.draftMeasuresId]),
    ]);
    await db.close();
    for (const client of runtimeClients.values()) await client.end();
  });

  const cells = TENANTS.flatMap((actor) =>
    TABLES.flatMap((spec) => foreignTo(actor).map((owner) => ({ actor, owner, spec, table: spec.table }))),
  );
  const own = TENANTS.flatMap((actor) => TABLES.map((spec) => ({ actor, spec, table: spec.table })));

  describe('control: a tenant reads, inserts and changes its own rows', () => {
    it.each(own)('$actor reads its own $table', async ({ actor, spec }) => {
      const [where, params] = spec.where(fixture(actor));
      expect(
        rowCount(await runAs(actor, `SELECT 1 FROM ${spec.table} WHERE ${where}`, params)),
      ).toBeGreaterThan(0);
    });
    it.each(own)('$actor inserts into its own $table', async ({ actor, spec }) => {
      const [sql, params] = spec.insert(fixture(actor).tenantId, fixture(actor));
      expect(rowCount(await runAs(actor, sql, params))).toBe(1);
    });
    it.each(own)('$actor updates its own $table', async ({ actor, spec }) => {
      const [where, params] = spec.where(fixture(actor));
      const outcome = await runAs(actor, `UPDATE ${spec.table} SET ${spec.touch} WHERE ${where}`, params);
      if (spec.updatable === false) expect(failure(outcome)).toBe('42501');
      else expect(rowCount(outcome)).toBe(1);
    });
  });

  describe("another tenant's rows", () => {
    it.each(cells.filter((c) => c.table !== 'measures'))(
      '$actor reads none of $owner’s $table',
      async ({ actor, owner, spec }) => {
        // A document attached to what is sent up or published follows it: an application's or a
        // filing's to the authority, a notice, call guide or decision to its readers (each
        // feature's tests cover who reads them). Other files share the database, so such
        // documents may exist here whatever the order the files run in.
        const sentUp =
          spec.table === 'document'
            ? SENT_OR_PUBLISHED_DOCUMENTS.map(
                (link) => ` AND NOT EXISTS (SELECT 1 FROM ${link} d
                             WHERE d.tenant_id = document.tenant_id AND d.document_id = document.id)`,
              ).join('') +
              ` AND NOT EXISTS (SELECT 1 FROM project p WHERE p.alliance_tenant_id = document.tenant_id
                                 AND p.acceptance -> 'documentIds' ? document.id::text)`
            : '';
        // An alliance filed with the province is read by it while the filing is in force (the
        // filing tests cover that): here, every other row stays unseen.
        const allianceOf =
          spec.table === 'alliance'
            ? 'alliance.id'
            : spec.table === 'agreement_task' || spec.table === 'agreement_signature'
              ? `(SELECT a.alliance_id FROM alliance_agreement a WHERE a.id = ${spec.table}.agreement_id)`
              : `${spec.table}.alliance_id`;
        const filed = ` AND NOT EXISTS (SELECT 1 FROM filing f WHERE f.tenant_id = ${spec.table}.tenant_id
                          AND f.alliance_id = ${allianceOf} AND f.state IN ${sqlStates(IN_FORCE_FILING_STATES)})`;
        const outcome = await runAs(
          actor,
          `SELECT 1 FROM ${spec.table} WHERE tenant_id = $1${sentUp}${filed}`,
          [fixture(owner).tenantId],
        );
        expect(rowCount(outcome)).toBe(0);
      },
    );

    it.each(cells.filter((c) => c.table === 'measures'))(
      '$actor reads $owner’s published measures only when $owner is its parent, and never its drafts',
      async ({ actor, owner }) => {
        const { publishedMeasuresId, draftMeasuresId } = fixture(owner);
        const outcome = await runAs(actor, 'SELECT id FROM measures WHERE id = ANY($1)', [
          [publishedMeasuresId, draftMeasuresId],
        ]);
        const parentOfActor = owner === PROVINCE && actor !== PROVINCE;
        expect('rows' in outcome && outcome.rows.map((r) => r.id)).toEqual(
          parentOfActor ? [publishedMeasuresId] : [],
        );
      },
    );

    it.each(cells)(
      '$actor cannot insert into $table with $owner’s tenant_id',
      async ({ actor, owner, spec }) => {
        const [sql, params] = spec.insert(fixture(owner).tenantId, fixture(owner));
        // RLS refuses the row (42501); a signature's trigger refuses it first, finding no such agreement.
        expect(failure(await runAs(actor, sql, params))).toMatch(
          spec.table === 'agreement_signature' ? /^(42501|23514)$/ : /^42501$/,
        );
      },
    );

    it.each(cells)('$actor changes none of $owner’s $table', async ({ actor, owner, spec }) => {
      const f = fixture(owner);
      const [where, params] = spec.where(f);
      if (spec.updatable === false) {
        expect(
          failure(await runAs(actor, `UPDATE ${spec.table} SET ${spec.touch} WHERE ${where}`, params)),
        ).toBe('42501');
        return;
      }
      expect(
        rowCount(await runAs(actor, `UPDATE ${spec.table} SET ${spec.touch} WHERE ${where}`, params)),
      ).toBe(0);
      expect(
        rowCount(
          await runAs(actor, `UPDATE ${spec.table} SET ${spec.touch} WHERE tenant_id = $1`, [f.tenantId]),
        ),
      ).toBe(0);
      if (spec.table === 'measures') {
        expect(
          rowCount(
            await runAs(actor, 'UPDATE measures SET title = title WHERE id = $1', [f.publishedMeasuresId]),
          ),
        ).toBe(0);
      }
    });

    it.each(cells)('$actor deletes none of $owner’s $table', async ({ actor, owner, spec }) => {
      const outcome = await runAs(actor, `DELETE FROM ${spec.table} WHERE tenant_id = $1`, [
        fixture(owner).tenantId,
      ]);
      // Only drafts' parts may be deleted at all; elsewhere the runtime role lacks the privilege.
      if (spec.deletable) expect(rowCount(outcome)).toBe(0);
      else expect(failure(outcome)).toBe('42501');
    });

    it.each(cells.filter((c) => c.spec.parent))(
      '$actor naming $owner’s parent in a new $table row fails exactly like a parent that does not exist',
      async ({ actor, owner, spec }) => {
        const mine = fixture(actor);
        const parent = spec.parent!;
        const [foreignSql, foreignParams] = spec.insert(mine.tenantId, {
          ...mine,
          [parent]: fixture(owner)[parent],
        });
        const [randomSql, randomParams] = spec.insert(mine.tenantId, { ...mine, [parent]: randomUUID() });
        const foreign = failure(await runAs(actor, foreignSql, foreignParams));
        expect(foreign).toMatch(/^(23503|23514)$/);
        expect(foreign).toBe(failure(await runAs(actor, randomSql, randomParams)));
      },
    );
  });

  describe('the shared organization directory', () => {
    const pairs = TENANTS.flatMap((actor) => foreignTo(actor).map((owner) => ({ actor, owner })));

    it.each(pairs)('$actor reads the entry $owner added', async ({ actor, owner }) => {
      expect(
        rowCount(
          await runAs(actor, 'SELECT 1 FROM organization WHERE id = $1', [fixture(owner).organizationId]),
        ),
      ).toBe(1);
    });

    it.each(pairs)('$actor cannot add an entry in $owner’s name', async ({ actor, owner }) => {
      const outcome = await runAs(
        actor,
        `INSERT INTO organization (credit_code, name, type, legal_representative, added_by_tenant_id) VALUES ($1, '冒名单位', 'ENTERPRISE', '某', $2)`,
        [creditCode(), fixture(owner).tenantId],
      );
      expect(failure(outcome)).toBe('42501');
    });

    it.each(pairs)(
      '$actor corrects the entry $owner added only if it is the province',
      async ({ actor, owner }) => {
        const outcome = await runAs(actor, 'UPDATE organization SET name = name WHERE id = $1', [
          fixture(owner).organizationId,
        ]);
        expect(rowCount(outcome)).toBe(actor === PROVINCE ? 1 : 0);
      },
    );

    it.each(TENANTS)(
      '%s adds and corrects its own entries, but never changes a credit code or deletes',
      async (actor) => {
        const mine = fixture(actor);
        const added = await runAs(
          actor,
          `INSERT INTO organization (credit_code, name, type, legal_representative, added_by_tenant_id) VALUES ($1, '自己的单位', 'ENTERPRISE', '某', $2)`,
          [creditCode(), mine.tenantId],
        );
        expect(rowCount(added)).toBe(1);
        expect(
          rowCount(
            await runAs(actor, 'UPDATE organization SET name = name WHERE id = $1', [mine.organizationId]),
          ),
        ).toBe(1);
        expect(
          failure(
            await runAs(actor, `UPDATE organization SET credit_code = credit_code WHERE id = $1`, [
              mine.organizationId,
            ]),
          ),
        ).toBe('42501');
        expect(
          failure(await runAs(actor, 'DELETE FROM organization WHERE id = $1', [mine.organizationId])),
        ).toBe('42501');
      },
    );
  });
});

describe('tenant isolation of the register, through the API', () => {
  let api: Awaited<ReturnType<typeof startRegisterApi>>;
  let db: AdminDb;
  let owner: TestUser;
  let changsha: RegisterClient;
  let alliance: AllianceView;
  let draftAgreementId: string;
  let documentId: string;
  const viewers: {
    code: string;
    user: TestUser;
    register: RegisterClient;
    allianceId: string;
    organizationId: string;
  }[] = [];

  beforeAll(async () => {
    api = await startRegisterApi();
    db = await AdminDb.open();
    owner = await createUser('430100', ['CITY_OFFICER']);
    changsha = new RegisterClient(await signedInAgent(api, owner));
    const formed = await changsha.formAlliance();
    const outputs = await changsha.send(M.addAllianceOutput, {
      input: { allianceId: formed.alliance.id, year: 2024, kind: 'STANDARD', quantity: 1 },
    });
    dataOf(outputs);
    const draft = await changsha.createAgreement(formed.alliance.id, [formed.enterprise.id]);
    draftAgreementId = draft.id;
    const uploaded = await changsha.agent
      .raw()
      .post('/api/documents')
      .set('x-xiangmeng-request', '1')
      .field('allianceId', formed.alliance.id)
      .field('kind', 'AGREEMENT_SCAN')
      .attach('file', FILES.pdf(), 'scan.pdf');
    documentId = (uploaded.body as { id: string }).id;
    alliance = await changsha.alliance(formed.alliance.id);
    for (const [code, role] of [
      ['430200', 'CITY_ADMIN'],
      ['430000', 'PROVINCE_ADMIN'],
    ] as const) {
      const user = await createUser(code, [role]);
      const register = new RegisterClient(await signedInAgent(api, user));
      const own = await register.registerAlliance();
      const organization = await register.addOrganization();
      viewers.push({ code, user, register, allianceId: own.id, organizationId: organization.id });
    }
  });
  afterAll(async () => {
    await db.close();
    await api.close();
  });

  type Attempt = {
    name: string;
    query: string;
    variables: (ids: Record<string, string>, viewerOrg: string) => Record<string, unknown>;
  };
  const attempts: Attempt[] = [
    { name: 'alliance', query: Q.alliance, variables: (ids) => ({ id: ids.alliance }) },
    {
      name: 'updateAlliance',
      query: M.updateAlliance,
      variables: (ids) => ({
        input: {
          id: ids.alliance,
          name: '改名的联盟',
          industryCode: 'SE0101',
          foundedOn: '2024-03-01',
          version: 1,
        },
      }),
    },
    {
      name: 'setAllianceGovernance',
      query: M.setAllianceGovernance,
      variables: (ids) => ({
        input: {
          allianceId: ids.alliance,
          bodies: [],
          liableEntity: '',
          executiveFullTimeStaff: 0,
          version: 1,
        },
      }),
    },
    {
      name: 'addAllianceMember',
      query: M.addAllianceMember,
      variables: (ids, org) => ({
        input: { allianceId: ids.alliance, organizationId: org, role: 'MEMBER', joinedOn: '2024-05-01' },
      }),
    },
    {
      name: 'exitAllianceMember',
      query: M.exitAllianceMember,
      variables: (ids) => ({ input: { memberId: ids.member, exitedOn: '2024-05-01', reason: '被迫退出' } }),
    },
    {
      name: 'createAgreementVersion',
      query: M.createAgreementVersion,
      variables: (ids) => ({ input: { allianceId: ids.alliance, tasks: [] } }),
    },
    {
      name: 'updateAgreementDraft',
      query: M.updateAgreementDraft,
      variables: (ids) => ({
        input: { agreementId: ids.draft, innovationGoals: '篡改', tasks: [], revision: 1 },
      }),
    },
    {
      name: 'recordAgreementSignature',
      query: M.recordAgreementSignature,
      variables: (ids) => ({
        input: {
          agreementId: ids.draft,
          organizationId: ids.chair,
          signatoryName: '某',
          signedOn: '2024-05-01',
        },
      }),
    },
    {
      name: 'addAllianceOutput',
      query: M.addAllianceOutput,
      variables: (ids) => ({ input: { allianceId: ids.alliance, year: 2024, kind: 'PATENT', quantity: 9 } }),
    },
    {
      name: 'establishAlliance',
      query: M.establishAlliance,
      variables: (ids) => ({ input: { allianceId: ids.alliance, establishedOn: '2024-05-01' } }),
    },
    {
      name: 'dissolveAlliance',
      query: M.dissolveAlliance,
      variables: (ids) => ({
        input: { allianceId: ids.alliance, dissolvedOn: '2024-05-01', reason: '恶意解散' },
      }),
    },
  ];
  const cells = ['430200', '430000'].flatMap((code) => attempts.map((attempt) => ({ code, ...attempt })));

  it.each(cells)(
    '$code naming 长沙’s records in $name gets NOT_FOUND, exactly as for a random id, and nothing changes',
    async ({ code, query, variables }) => {
      const viewer = viewers.find((v) => v.code === code)!;
      const real = {
        alliance: alliance.id,
        member: alliance.members[0]!.id,
        draft: draftAgreementId,
        chair: alliance.chairMember!.id,
      };
      const random = {
        alliance: randomUUID(),
        member: randomUUID(),
        draft: randomUUID(),
        chair: alliance.chairMember!.id,
      };
      const before = [await db.fingerprint(owner.tenantId), await db.fingerprint(viewer.user.tenantId)];
      const foreign = await viewer.register.send(query, variables(real, viewer.organizationId));
      expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(errorShape(foreign)).toEqual(
        errorShape(await viewer.register.send(query, variables(random, viewer.organizationId))),
      );
      expect([await db.fingerprint(owner.tenantId), await db.fingerprint(viewer.user.tenantId)]).toEqual(
        before,
      );
    },
  );

  it.each(['430200', '430000'])(
    '%s never finds 长沙’s alliance in its list, nor its document',
    async (code) => {
      const viewer = viewers.find((v) => v.code === code)!;
      const list = dataOf(
        await viewer.register.send<{ alliances: { nodes: { id: string }[]; totalCount: number } }>(
          Q.alliances,
          {
            filter: { search: alliance.name },
            first: 20,
          },
        ),
      ).alliances;
      expect(list).toMatchObject({ nodes: [], totalCount: 0 });
      const foreign = await viewer.register.agent
        .raw()
        .get(`/api/documents/${documentId}`)
        .buffer(true)
        .parse(binaryBody);
      const random = await viewer.register.agent
        .raw()
        .get(`/api/documents/${randomUUID()}`)
        .buffer(true)
        .parse(binaryBody);
      expect([foreign.status, foreign.body]).toEqual([random.status, random.body]);
      expect(foreign.status).toBe(404);
    },
  );

  it.each(['430200', '430000'])(
    '%s cannot attach 长沙’s document to its own agreement: refused as an unknown document',
    async (code) => {
      const viewer = viewers.find((v) => v.code === code)!;
      const before = await db.fingerprint(viewer.user.tenantId);
      const attach = (scanDocumentId: string) =>
        viewer.register.send(M.createAgreementVersion, {
          input: { allianceId: viewer.allianceId, scanDocumentId, tasks: [] },
        });
      const foreign = await attach(documentId);
      expect(violationsOfFirst(foreign)).toEqual({ field: 'scanDocumentId', rule: 'UNKNOWN_DOCUMENT' });
      expect(errorShape(foreign)).toEqual(errorShape(await attach(randomUUID())));
      expect(await db.fingerprint(viewer.user.tenantId)).toEqual(before);
    },
  );
});

function violationsOfFirst(res: { errors?: { extensions?: Record<string, unknown> }[] }) {
  const [first] =
    (res.errors?.[0]?.extensions?.violations as { field: string; rule: string }[] | undefined) ?? [];
  return first ? { field: first.field, rule: first.rule } : null;
}
