import {
  ART_20_2,
  findDivision,
  HUNAN_2016_PARAMETERS,
  type Role,
  rolesForLevel,
  type TenantLevel,
} from '@xiangmeng/domain';
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
    // audit_append answers with the event's place in the tenant's chain, not its global id.
    const { rows: appended } = await db.query<{ seq: string }>(
      `SELECT audit_append('tenancy.fixture', 'fixture', NULL, NULL, NULL, now()) AS seq`,
    );
    await db.query('COMMIT');
    const auditEvent = await rowWhere(db, 'audit_event', 'tenant_id = $1 AND seq = $2', [
      tenantId,
      appended[0]!.seq,
    ]);

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

    // Pilot selection: the tenant's own call and a city-level application already recommended
    // (so a panel seat may name it), with its pool, panel, sheet, objection and confirmed entry.
    const day = 24 * 3600 * 1000;
    const call = await add(
      'pilot_call',
      {
        tenant_id: tenantId,
        title: `隔离测试试点申报${tag()}`,
        opens_at: new Date(now.getTime() - day),
        closes_at: new Date(now.getTime() + 30 * day),
        recommend_by: new Date(now.getTime() + 40 * day),
        decide_by: new Date(now.getTime() + 60 * day),
        measures_tenant_id: publishedMeasures.tenant_id,
        measures_id: publishedMeasures.id,
        measures_version_no: publishedMeasures.version_no,
        required_documents: ['FEASIBILITY_REPORT'],
      },
      ['id'],
    );
    const application = await add(
      'pilot_application',
      {
        tenant_id: tenantId,
        alliance_id: alliance.id,
        call_id: call.id,
        authority_tenant_id: tenantId,
        recommending_tenant_id: tenantId,
        level: 'CITY',
        state: 'IN_REVIEW',
        feasibility_document_id: document.id,
        member_organization_ids: [organization.id],
        dossier: JSON.stringify({ alliance: { id: alliance.id } }),
        submitted_at: now,
        submitted_by: user.id,
        recommended_at: now,
        recommended_by: user.id,
      },
      ['id'],
    );
    const attachment = await add(
      'pilot_application_document',
      { tenant_id: tenantId, application_id: application.id, document_id: document.id },
      ['tenant_id', 'application_id', 'document_id'],
    );
    const expert = await add(
      'expert',
      { tenant_id: tenantId, name: `隔离测试专家${tag()}`, title: '研究员', domains: ['先进制造'] },
      ['id'],
    );
    // The seat checks who asks (app.tenant_id) and conflicts of interest: seated before the ties below.
    await db.query('BEGIN');
    await db.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
    const seat = {
      tenant_id: tenantId,
      application_id: application.id,
      application_tenant_id: tenantId,
      expert_id: expert.id,
      review_year: 2026,
    };
    const assignment = await add('expert_assignment', seat, ['id']);
    const spareAssignment = await add(
      'expert_assignment',
      { ...seat, withdrawn_at: now, withdrawal_reason: '隔离测试：备用席位' },
      ['id'],
    );
    await db.query('COMMIT');
    SPARE_ASSIGNMENT.set(tenantId, spareAssignment.id as string);
    const affiliation = await add(
      'expert_affiliation',
      { tenant_id: tenantId, expert_id: expert.id, organization_id: organization.id, position: '顾问' },
      ['id'],
    );
    const conflict = await add(
      'expert_conflict',
      {
        tenant_id: tenantId,
        expert_id: expert.id,
        bureau_tenant_id: tenantId,
        reason: '曾在该局任职',
        declared_on: '2024-01-01',
      },
      ['id'],
    );
    const sheet = await add(
      'review_sheet',
      {
        tenant_id: tenantId,
        assignment_id: assignment.id,
        application_id: application.id,
        expert_id: expert.id,
      },
      ['id'],
    );
    const objection = await add(
      'pilot_objection',
      {
        tenant_id: tenantId,
        application_id: application.id,
        application_tenant_id: tenantId,
        received_on: '2026-01-05',
        objector: '张三',
        content: '隔离测试异议',
      },
      ['id'],
    );
    const confirmed = await add(
      'confirmed_pilot',
      {
        tenant_id: tenantId,
        application_id: application.id,
        alliance_id: alliance.id,
        alliance_tenant_id: tenantId,
        alliance_name: alliance.name,
        industry_code: alliance.industry_code,
        call_id: call.id,
        level: 'CITY',
        confirmed_on: '2026-01-20',
      },
      ['tenant_id', 'application_id'],
    );

    const job = await add(
      'job',
      {
        tenant_id: tenantId,
        kind: 'tenancy.fixture',
        key: `fixture-${tag()}`,
        run_at: '2099-01-01T00:00:00Z',
      },
      ['id'],
    );
    const message = await add(
      'message',
      {
        tenant_id: tenantId,
        recipient_id: user.id,
        kind: 'DEADLINE_SOON',
        title: '隔离测试消息',
        body: '隔离测试',
        dedupe_key: `fixture-${tag()}`,
        sender_tenant_id: tenantId,
        created_at: now,
      },
      ['id'],
    );

    // Filing: the tenant's own round and a returned filing of its alliance (attachments may change),
    // its frozen snapshot, an objection and the year's counter.
    const round = await add(
      'filing_round',
      {
        tenant_id: tenantId,
        year: 2026,
        document_number: `隔离测试〔2026〕${tag()}号`,
        opens_at: new Date(now.getTime() - day),
        closes_at: new Date(now.getTime() + 30 * day),
        review_required: false,
        notice_days: 0,
        required_documents: ['FILING_FORM'],
      },
      ['id'],
    );
    const filing = await add(
      'filing',
      {
        tenant_id: tenantId,
        alliance_id: alliance.id,
        round_id: round.id,
        authority_tenant_id: tenantId,
        state: 'RETURNED',
        significance: '隔离测试重大影响说明',
        level: 'PROVINCIAL',
        dossier: JSON.stringify({ alliance: { id: alliance.id }, members: [] }),
        submitted_at: now,
        correction_deadline: '2026-12-31',
      },
      ['id'],
    );
    const filingDocument = await add(
      'filing_document',
      { tenant_id: tenantId, filing_id: filing.id, document_id: document.id, kind: 'FILING_FORM' },
      ['tenant_id', 'filing_id', 'document_id', 'kind'],
    );
    const snapshot = await add(
      'filing_snapshot',
      {
        tenant_id: tenantId,
        filing_id: filing.id,
        seq: 1,
        kind: 'SUBMISSION',
        snapshot: JSON.stringify({ alliance: { id: alliance.id }, members: [] }),
        sha256: randomBytes(32).toString('hex'),
        taken_at: now,
      },
      ['tenant_id', 'filing_id', 'seq'],
    );
    const filingObjection = await add(
      'filing_objection',
      {
        tenant_id: tenantId,
        filing_tenant_id: tenantId,
        filing_id: filing.id,
        received_on: '2026-01-05',
        objector: '张三',
        content: '隔离测试异议',
      },
      ['id'],
    );
    // A year nobody files in (the suites file from 2026 on, some by the real clock): a counter of a
    // year the province has really filed in would collide with the fixture's.
    const counter = await add('filing_counter', { tenant_id: tenantId, year: 2016, last_seq: 1 }, [
      'tenant_id',
      'year',
    ]);

    // Support programmes: the tenant's own draft programme, and a debarment it decided (the
    // register's public part) with its evidence (the private part).
    const programme = await add(
      'programme',
      {
        tenant_id: tenantId,
        name: `隔离测试计划${tag()}`,
        kind: 'PLAN_PROJECT',
        year: 2027,
        total_budget_fen: '100000000',
        measures_tenant_id: publishedMeasures.tenant_id,
        measures_id: publishedMeasures.id,
        measures_version_no: publishedMeasures.version_no,
        criteria: JSON.stringify(HUNAN_2016_PARAMETERS.review.criteria),
        award_notice_days: 5,
        acceptance_notice_days: 5,
      },
      ['id'],
    );
    const debarment = await add(
      'debarment',
      {
        tenant_id: tenantId,
        organization_id: organization.id,
        reason: '隔离测试：违反知识产权约定',
        article: ART_20_2,
        decision_document: `隔离测试〔2026〕${tag()}号`,
        from_date: '2026-01-10',
        until_date: '2031-01-10',
        debarment_years: 5,
        measures_tenant_id: publishedMeasures.tenant_id,
        measures_id: publishedMeasures.id,
        measures_version_no: publishedMeasures.version_no,
      },
      ['id'],
    );
    const debarmentEvidence = await add(
      'debarment_evidence',
      { tenant_id: tenantId, debarment_id: debarment.id, evidence: '隔离测试证据', recorded_by: user.id },
      ['tenant_id', 'debarment_id'],
    );

    // A decision kept as PDF (stored, with its hash) for the tenant's own pilot application.
    const decisionPdf = await add(
      'decision_pdf',
      {
        tenant_id: tenantId,
        subject_type: 'pilot_application',
        subject_id: application.id,
        state: 'STORED',
        file_name: '隔离测试决定书.pdf',
        requested_at: new Date().toISOString(),
        rendered_at: new Date().toISOString(),
        document_id: document.id,
        sha256: Buffer.alloc(32, 7),
      },
      ['id'],
    );

    // A national pilot designation naming the tenant's alliance (only the province records one; the
    // superuser writes one for every tier so that every tier's row is aimed at).
    const nationalPilot = await add(
      'national_pilot_designation',
      {
        tenant_id: tenantId,
        alliance_tenant_id: tenantId,
        alliance_id: alliance.id,
        alliance_name: alliance.name,
        document_number: `隔离测试国科发〔2026〕${tag()}号`,
        designated_on: '2026-01-10',
        document_id: document.id,
        recorded_by: user.id,
      },
      ['id'],
    );

    // Projects: a project the tenant awarded to its own alliance (both parties one tenant here;
    // the two-tenant reads are in test/projects/project-isolation.test.ts) and one tranche.
    const award = '100000000';
    const project = await add(
      'project',
      {
        tenant_id: tenantId,
        alliance_tenant_id: tenantId,
        programme_id: programme.id,
        application_id: randomUUID(),
        alliance_id: alliance.id,
        title: `隔离测试项目${tag()}`,
        award_fen: award,
        support_source: level === 'PROVINCE' ? 'PROVINCIAL_SUPPORT' : 'CITY_MATCHING',
        awarded_on: '2027-01-10',
        dossier: JSON.stringify({
          title: '隔离测试项目',
          participants: [{ organizationId: organization.id, name: organization.name, task: '隔离测试' }],
          budget: {
            totalFen: award,
            lines: [
              {
                source: level === 'PROVINCE' ? 'PROVINCIAL_SUPPORT' : 'CITY_MATCHING',
                amountFen: award,
                purpose: '',
              },
            ],
          },
        }),
      },
      ['id'],
    );
    const ledgerEntry = await add(
      'project_ledger_entry',
      {
        tenant_id: tenantId,
        project_id: project.id,
        kind: 'DISBURSEMENT',
        amount_fen: '1',
        entry_on: '2027-02-01',
        document_number: '隔离测试拨付',
      },
      ['id'],
    );

    // The IP register: an asset of the project with its one owner (the owners must hold 100 % when
    // the transaction commits, so both go in one) and a licence.
    await db.query('BEGIN');
    const ipAsset = await add(
      'ip_asset',
      {
        tenant_id: tenantId,
        alliance_tenant_id: tenantId,
        project_id: project.id,
        alliance_id: alliance.id,
        kind: 'OTHER',
        title: '隔离测试知识产权',
        number: `隔离测试${tag()}`,
        granted_on: '2027-03-01',
      },
      ['id'],
    );
    const ipOwner = await add(
      'ip_asset_owner',
      { tenant_id: tenantId, asset_id: ipAsset.id, organization_id: organization.id, basis_points: 10000 },
      ['tenant_id', 'asset_id', 'organization_id'],
    );
    await db.query('COMMIT');
    const ipLicence = await add(
      'ip_licence',
      {
        tenant_id: tenantId,
        asset_id: ipAsset.id,
        licensee_name: '隔离测试被许可单位',
        in_province: true,
        paid: false,
        fee_fen: '0',
        licensed_on: '2027-04-01',
      },
      ['id'],
    );

    // Platforms (Art. 15): one the tenant recognised for its own alliance (both parties one tenant
    // here; the two-tenant reads are in test/platforms/platform-isolation.test.ts), its host, its
    // first status event, a report and an evaluation.
    const platform = await add(
      'platform',
      {
        tenant_id: tenantId,
        alliance_tenant_id: tenantId,
        alliance_id: alliance.id,
        alliance_name: alliance.name,
        kind: 'ENGINEERING_RESEARCH_CENTRE',
        level: level === 'PROVINCE' ? 'PROVINCIAL' : 'CITY',
        name: `隔离测试平台${tag()}`,
        host_organization_id: organization.id,
        field: alliance.industry_code,
        recognition_document: `隔离测试〔2026〕${tag()}号`,
        recognised_on: '2026-03-01',
        director: '隔离测试主任',
      },
      ['id'],
    );
    const platformMember = await add(
      'platform_member',
      { tenant_id: tenantId, platform_id: platform.id, organization_id: organization.id, role: 'HOST' },
      ['tenant_id', 'platform_id', 'organization_id'],
    );
    const platformEvent = await add(
      'platform_status_event',
      {
        tenant_id: tenantId,
        platform_id: platform.id,
        to_status: 'RECOGNISED',
        reason: '隔离测试认定',
        effective_on: '2026-03-01',
      },
      ['id'],
    );
    const platformReport = await add(
      'platform_report',
      {
        tenant_id: tenantId,
        platform_id: platform.id,
        year: 2026,
        staff: 1,
        rd_spending_fen: '1',
        projects: 0,
        papers: 0,
        patents: 0,
        standards: 0,
        industry_services: 0,
      },
      ['id'],
    );
    const platformEvaluation = await add(
      'platform_evaluation',
      {
        tenant_id: tenantId,
        platform_id: platform.id,
        year: 2026,
        field: alliance.industry_code,
        evaluated_on: '2026-06-01',
        scheme: JSON.stringify({}),
        sheets: JSON.stringify([{ expertName: '隔离测试专家', scores: {} }]),
        total: 80,
        grade: 'PASS',
        status_before: 'RECOGNISED',
        status_after: 'RECOGNISED',
      },
      ['id'],
    );
    // The guide (申报指南) of the tier's call (a draft: no other tier reads it), and a second draft
    // call with none, where a copied guide points.
    const spareCall = await add(
      'pilot_call',
      {
        tenant_id: tenantId,
        title: `隔离测试无指南通知${tag()}`,
        opens_at: new Date(now.getTime() - day),
        closes_at: new Date(now.getTime() + 30 * day),
        recommend_by: new Date(now.getTime() + 40 * day),
        decide_by: new Date(now.getTime() + 60 * day),
        measures_tenant_id: publishedMeasures.tenant_id,
        measures_id: publishedMeasures.id,
        measures_version_no: publishedMeasures.version_no,
      },
      ['id'],
    );
    SPARE_CALL.set(tenantId, spareCall.id as string);
    const callGuide = await add(
      'call_guide',
      { tenant_id: tenantId, call_id: call.id, document_id: document.id, attached_at: now },
      ['tenant_id', 'call_id'],
    );
    // An evaluation round of the platform's field (Art. 15) with the platform, a seated expert of
    // the pool (no ties, so the conflict check lets the sheet in) and their sheet.
    const evaluationRound = await add(
      'platform_evaluation_round',
      { tenant_id: tenantId, year: 2026, field: alliance.industry_code, opened_by: user.id },
      ['id'],
    );
    // A second round of the tier, with no platform yet: where a copied round platform points.
    const spareRound = await add(
      'platform_evaluation_round',
      { tenant_id: tenantId, year: 2025, field: alliance.industry_code, opened_by: user.id },
      ['id'],
    );
    SPARE_ROUND.set(tenantId, spareRound.id as string);
    const roundPlatform = await add(
      'platform_evaluation_round_platform',
      { tenant_id: tenantId, round_id: evaluationRound.id, platform_id: platform.id, due: 'PERIODIC' },
      ['tenant_id', 'round_id', 'platform_id'],
    );
    const evaluator = await add(
      'expert',
      { tenant_id: tenantId, name: `隔离测试评估专家${tag()}`, title: '研究员', domains: ['先进制造'] },
      ['id'],
    );
    const evaluationSeat = await add(
      'platform_evaluation_seat',
      {
        tenant_id: tenantId,
        round_id: evaluationRound.id,
        expert_id: evaluator.id,
        expert_user_id: randomUUID(),
        seated_by: user.id,
      },
      ['id'],
    );
    const evaluationSheet = await add(
      'platform_evaluation_sheet',
      {
        tenant_id: tenantId,
        round_id: evaluationRound.id,
        seat_id: evaluationSeat.id,
        platform_id: platform.id,
        expert_id: evaluator.id,
        expert_user_id: evaluationSeat.expert_user_id,
      },
      ['id'],
    );
    // A notice draft of the tier with its one attachment (a published one is read by other tiers).
    const notice = await add(
      'notice',
      { tenant_id: tenantId, title: '隔离测试通知', body: '', audiences: ['OWN_STAFF'] },
      ['id'],
    );
    const noticeDocument = await add(
      'notice_document',
      { tenant_id: tenantId, notice_id: notice.id, document_id: document.id },
      ['tenant_id', 'notice_id', 'document_id'],
    );

    // Programme applications (issue 11): prior investment the tenant's alliance declared to the
    // tenant itself, with its evidence, and a draft application to the tenant's call.
    const investment = await add(
      'prior_investment',
      {
        tenant_id: tenantId,
        alliance_id: alliance.id,
        authority_tenant_id: tenantId,
        description: '隔离测试先行投入',
        declared_fen: '100000000',
      },
      ['id'],
    );
    const investmentDocument = await add(
      'prior_investment_document',
      { tenant_id: tenantId, investment_id: investment.id, document_id: document.id },
      ['tenant_id', 'investment_id', 'document_id'],
    );
    const programmeApplication = await add(
      'programme_application',
      {
        tenant_id: tenantId,
        alliance_id: alliance.id,
        call_id: call.id,
        programme_id: programme.id,
        authority_tenant_id: tenantId,
        recommending_tenant_id: tenantId,
      },
      ['id'],
    );
    const programmeApplicationDocument = await add(
      'programme_application_document',
      {
        tenant_id: tenantId,
        application_id: programmeApplication.id,
        document_id: document.id,
        kind: 'ATTACHMENT',
      },
      ['tenant_id', 'application_id', 'document_id'],
    );

    // International cooperation (issue 12): a recognised base of the tenant's alliance, hosted by
    // its member, with the recognition document and one evaluation.
    const cooperationBase = await add(
      'cooperation_base',
      {
        tenant_id: tenantId,
        alliance_id: alliance.id,
        host_organization_id: organization.id,
        name: `隔离测试国际合作基地${tag()}`,
        type: 'JOINT_RESEARCH_CENTRE',
        level: 'PROVINCIAL',
        status: 'RECOGNISED',
        recognised_on: '2025-06-01',
        recognition_document_id: document.id,
      },
      ['id'],
    );
    const cooperationBaseEvaluation = await add(
      'cooperation_base_evaluation',
      {
        tenant_id: tenantId,
        base_id: cooperationBase.id,
        year: 2025,
        grade: 'PASS',
        evaluated_on: '2026-03-01',
        status_before: 'RECOGNISED',
        status_after: 'RECOGNISED',
      },
      ['id'],
    );

    // Finance linkage (issue 12): a bank in the alliance (and in the linkage programme), a need of
    // the alliance's enterprise answered by the bank, an event, a registered loan, an approved
    // compensation claim and its payout.
    const bank = await add(
      'organization',
      {
        credit_code: creditCode(),
        name: `隔离测试银行${tag()}`,
        type: 'BANK',
        legal_representative: '李四',
        added_by_tenant_id: tenantId,
      },
      ['id'],
    );
    await add(
      'alliance_member',
      {
        tenant_id: tenantId,
        alliance_id: alliance.id,
        organization_id: bank.id,
        role: 'MEMBER',
        joined_on: '2024-01-01',
      },
      ['id'],
    );
    const linkageInstitution = await add(
      'finance_linkage_institution',
      { tenant_id: tenantId, organization_id: bank.id, enrolled_on: '2024-01-01' },
      ['id'],
    );
    const need = await add(
      'financing_need',
      {
        tenant_id: tenantId,
        alliance_id: alliance.id,
        organization_id: organization.id,
        amount_fen: '1000000000',
        purpose: '隔离测试融资需求',
        term_months: 36,
        preferred_form: 'LOAN',
        posted_on: '2027-01-10',
        in_linkage_programme: true,
      },
      ['id'],
    );
    const financingEvent = await add(
      'financing_event',
      {
        tenant_id: tenantId,
        title: '隔离测试对接会',
        held_on: '2027-01-15',
        organizer: '隔离测试',
        institution_ids: [bank.id],
        enterprise_ids: [organization.id],
      },
      ['id'],
    );
    const introduction = await add(
      'financing_introduction',
      {
        tenant_id: tenantId,
        need_id: need.id,
        institution_id: bank.id,
        event_id: financingEvent.id,
        introduced_on: '2027-01-15',
      },
      ['id'],
    );
    const financingRecord = await add(
      'financing_record',
      {
        tenant_id: tenantId,
        form: 'LOAN',
        institution_id: bank.id,
        organization_id: organization.id,
        alliance_id: alliance.id,
        need_id: need.id,
        amount_fen: '1000000000',
        granted_on: '2027-02-01',
        term_months: 36,
        registered_on: '2027-02-10',
      },
      ['id'],
    );
    const claim = await add(
      'compensation_claim',
      {
        tenant_id: tenantId,
        financing_record_id: financingRecord.id,
        institution_id: bank.id,
        state: 'APPROVED',
        dossier: JSON.stringify({ defaultedOn: '2027-06-01', principalLostFen: '200' }),
        amount_fen: '100',
        filed_on: '2027-06-10',
        decided_at: now,
      },
      ['id'],
    );
    const payout = await add(
      'compensation_ledger_entry',
      {
        tenant_id: tenantId,
        claim_id: claim.id,
        institution_id: bank.id,
        ceiling_year: 2027,
        amount_fen: '100',
        ceiling_fen: '500000000',
        entry_on: '2027-06-20',
      },
      ['id'],
    );
    // An objection to the tenant's notice of its application (the subject is in notice only on the
    // objection's own day: the trigger that checks it is off for the fixture, as for any past row).
    await db.query(`SET session_replication_role = replica`);
    const supportObjection = await add(
      'support_objection',
      {
        tenant_id: tenantId,
        subject_type: 'programme_application',
        subject_id: programmeApplication.id,
        received_on: '2027-05-01',
        objector: '隔离测试异议人',
        content: '隔离测试异议',
        recorded_by: user.id,
      },
      ['id'],
    );
    await db.query(`SET session_replication_role = origin`);

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
        pilot_call: call,
        pilot_application: application,
        pilot_application_document: attachment,
        expert,
        expert_affiliation: affiliation,
        expert_conflict: conflict,
        expert_assignment: assignment,
        review_sheet: sheet,
        pilot_objection: objection,
        confirmed_pilot: confirmed,
        job,
        message,
        filing_round: round,
        filing,
        filing_document: filingDocument,
        filing_snapshot: snapshot,
        filing_objection: filingObjection,
        filing_counter: counter,
        programme,
        debarment,
        debarment_evidence: debarmentEvidence,
        national_pilot_designation: nationalPilot,
        decision_pdf: decisionPdf,
        project,
        project_ledger_entry: ledgerEntry,
        ip_asset: ipAsset,
        ip_asset_owner: ipOwner,
        ip_licence: ipLicence,
        notice,
        notice_document: noticeDocument,
        call_guide: callGuide,
        prior_investment: investment,
        prior_investment_document: investmentDocument,
        programme_application: programmeApplication,
        programme_application_document: programmeApplicationDocument,
        cooperation_base: cooperationBase,
        cooperation_base_evaluation: cooperationBaseEvaluation,
        finance_linkage_institution: linkageInstitution,
        financing_need: need,
        financing_event: financingEvent,
        financing_introduction: introduction,
        financing_record: financingRecord,
        compensation_claim: claim,
        compensation_ledger_entry: payout,
        platform,
        platform_member: platformMember,
        platform_status_event: platformEvent,
        platform_report: platformReport,
        platform_evaluation: platformEvaluation,
        platform_evaluation_round: evaluationRound,
        platform_evaluation_round_platform: roundPlatform,
        platform_evaluation_seat: evaluationSeat,
        platform_evaluation_sheet: evaluationSheet,
        support_objection: supportObjection,
      },
      publishedMeasures,
      created,
    };
  });
}

export async function removeTenantRecords(records: TenantRecords): Promise<void> {
  await asAdmin(async (db) => {
    // Cleaning up a fixture is no change of record: frozen snapshots go too (their trigger stays off).
    await db.query(`SET session_replication_role = replica`);
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
// A withdrawn seat of each tenant's fixture panel that no sheet names yet: where a copied sheet points.
const SPARE_ASSIGNMENT = new Map<string, string>();
// A draft call of each tenant without a guide: where a copied guide points.
const SPARE_CALL = new Map<string, string>();
// A round of each tenant's fixture with no platform: where a copied round platform points.
const SPARE_ROUND = new Map<string, string>();

const FRESH_VALUES: Record<string, (row: Row) => Row> = {
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
  pilot_call: () => ({}),
  // call_id names no table (the call may be another tier's): a fresh one leaves the live-application key alone.
  pilot_application: () => ({ call_id: randomUUID() }),
  pilot_application_document: () => ({}),
  expert: () => ({ user_id: null }),
  expert_affiliation: () => ({}),
  expert_conflict: () => ({}),
  // A withdrawn seat takes no place on the panel (and skips the conflict check, which needs a live seat).
  expert_assignment: () => ({ withdrawn_at: new Date().toISOString(), withdrawal_reason: '隔离测试：副本' }),
  review_sheet: (row) => ({ assignment_id: SPARE_ASSIGNMENT.get(row.tenant_id as string) ?? randomUUID() }),
  pilot_objection: () => ({}),
  confirmed_pilot: () => ({ application_id: randomUUID() }),
  job: () => ({ key: `copy-${tag()}` }),
  message: () => ({ dedupe_key: `copy-${tag()}` }),
  filing_round: () => ({ document_number: `隔离测试〔2026〕${tag()}号` }),
  // A fresh alliance id would break the key into the register: a withdrawn copy leaves the live key alone.
  filing: () => ({ state: 'WITHDRAWN' }),
  filing_document: () => ({ kind: 'ATTACHMENT' }),
  filing_snapshot: () => ({ seq: 1000 + randomInt(1_000_000) }),
  filing_objection: () => ({}),
  filing_counter: () => ({ year: 2017 + randomInt(9) }),
  programme: () => ({ name: `隔离测试计划${tag()}` }),
  debarment: () => ({ decision_document: `隔离测试〔2026〕${tag()}号` }),
  // The private part is keyed on its debarment: a copy names another (random) one.
  debarment_evidence: () => ({ debarment_id: randomUUID() }),
  // One designation in force per alliance: a copy names another (random) alliance.
  national_pilot_designation: () => ({ alliance_id: randomUUID() }),
  // One decision PDF per record: a copy names another (random) record.
  decision_pdf: () => ({ subject_id: randomUUID() }),
  // One project per award: a copy names another (random) application.
  project: () => ({ application_id: randomUUID() }),
  project_ledger_entry: () => ({}),
  ip_asset: () => ({ number: `隔离测试${tag()}` }),
  ip_asset_owner: () => ({}),
  ip_licence: () => ({}),
  notice: () => ({}),
  // The primary key is the pair: a copy names another (random) document.
  notice_document: () => ({ document_id: randomUUID() }),
  // The primary key is the call: a copy names the tenant's spare call.
  call_guide: (row) => ({ call_id: SPARE_CALL.get(row.tenant_id as string) ?? randomUUID() }),
  prior_investment: () => ({}),
  prior_investment_document: () => ({}),
  // call_id names no table (the call may be another tier's): a fresh one leaves the live-application key alone.
  programme_application: () => ({ call_id: randomUUID() }),
  programme_application_document: () => ({}),
  cooperation_base: () => ({ name: `隔离测试国际合作基地${tag()}` }),
  // One periodic evaluation per base and year: a copy takes another year.
  cooperation_base_evaluation: () => ({ year: 2026 + randomInt(70) }),
  finance_linkage_institution: () => ({ withdrawn_on: '2027-01-01', withdrawal_reason: '隔离测试退出' }),
  financing_need: () => ({}),
  financing_event: () => ({}),
  financing_introduction: () => ({}),
  financing_record: () => ({}),
  // One claim under way or paid per loan: a withdrawn copy leaves that key alone.
  compensation_claim: () => ({ state: 'WITHDRAWN', amount_fen: null, decided_at: null }),
  compensation_ledger_entry: () => ({}),
  platform: () => ({ name: `隔离测试平台${tag()}` }),
  // One row per member: a copy names another (random) platform.
  platform_member: () => ({ platform_id: randomUUID() }),
  platform_status_event: () => ({}),
  // One report a year: a copy is of another year.
  platform_report: () => ({ year: 2017 + randomInt(9) }),
  platform_evaluation: () => ({}),
  // One round of a field a year: a copy takes another year.
  platform_evaluation_round: () => ({ year: 2030 + randomInt(70) }),
  // One row per platform of a round: a copy puts the platform in the tier's spare round.
  platform_evaluation_round_platform: (row) => ({
    round_id: SPARE_ROUND.get(row.tenant_id as string) ?? randomUUID(),
  }),
  // One seat per expert of a round: a copy names another (random) expert.
  platform_evaluation_seat: () => ({ expert_id: randomUUID() }),
  // One sheet per seat and platform: a copy names another (random) platform.
  platform_evaluation_sheet: () => ({ platform_id: randomUUID() }),
  support_objection: () => ({}),
};

/** A copy of a row under a new id and fresh unique values, with `changes` applied. */
export function freshCopy(table: CatalogTable, row: Row, changes: Row = {}): Row {
  const fresh = FRESH_VALUES[table.name];
  if (!fresh) throw new Error(`tenancy-fixtures: no fresh-copy rule for table ${table.name}; add one`);
  const id = table.columns.some((c) => c.name === 'id' && c.type === 'uuid') ? { id: randomUUID() } : {};
  return { ...row, ...id, ...fresh(row), ...changes };
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
