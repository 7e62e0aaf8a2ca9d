import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { asAdmin, createUser, databaseUrls, type TestUser } from '../support/harness';
import { attempt, type Row, type RuntimeIdentity, verdict } from '../support/tenancy-fixtures';

// Pilot-selection rows written as the superuser, for the SQL proofs of the pilot migration
// (isolation-sql, db-rules). Everything is named with a fresh tag: test files share one database.

export const PROVINCE = '430000';
export const CHANGSHA = '430100';
export const ZHUZHOU = '430200';

export type PilotState =
  | 'DRAFT'
  | 'SUBMITTED'
  | 'RECOMMENDED'
  | 'ACCEPTED'
  | 'IN_REVIEW'
  | 'REVIEWED'
  | 'PUBLICISED'
  | 'APPROVED'
  | 'DECLINED'
  | 'RETURNED'
  | 'NOT_RECOMMENDED'
  | 'WITHDRAWN';

export const CLOSED_STATES: readonly PilotState[] = ['APPROVED', 'DECLINED', 'NOT_RECOMMENDED', 'WITHDRAWN'];
export const FORM_OPEN_STATES: readonly PilotState[] = ['DRAFT', 'RETURNED'];
// States only reachable after the recommending unit sent the application up.
const AFTER_RECOMMENDATION: readonly PilotState[] = [
  'RECOMMENDED',
  'ACCEPTED',
  'IN_REVIEW',
  'REVIEWED',
  'PUBLICISED',
  'APPROVED',
  'DECLINED',
];

export function tag(): string {
  return randomBytes(4).toString('hex');
}

const CREDIT_CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
function creditCode(): string {
  return Array.from({ length: 18 }, () => CREDIT_CODE_CHARS[randomInt(CREDIT_CODE_CHARS.length)]).join('');
}

export type Party = {
  code: string;
  tenantId: string;
  officer: TestUser;
  admin: TestUser;
};

export async function party(code: string): Promise<Party> {
  const level = code === PROVINCE ? 'PROVINCE' : 'CITY';
  const officer = await createUser(code, [`${level}_OFFICER`], 'pso');
  const admin = await createUser(code, [`${level}_ADMIN`], 'psa');
  return { code, tenantId: officer.tenantId, officer, admin };
}

export function identityOf(user: TestUser): RuntimeIdentity {
  return { tenantId: user.tenantId, userId: user.id, roles: user.roles };
}

/** A superuser connection for writing fixtures; `withIdentity` sets app.* for triggers that read them. */
export class Fixtures {
  private constructor(private readonly db: Client) {}

  static async open(): Promise<Fixtures> {
    const db = new Client({ connectionString: databaseUrls().adminUrl });
    await db.connect();
    return new Fixtures(db);
  }

  close(): Promise<void> {
    return this.db.end();
  }

  async insert(table: string, values: Row): Promise<Row> {
    const columns = Object.keys(values);
    const { rows } = await this.db.query<{ row: Row }>(
      `INSERT INTO ${table} AS t (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})
       RETURNING to_jsonb(t) AS row`,
      Object.values(values),
    );
    return rows[0]!.row;
  }

  async query<T extends Row = Row>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.db.query<T>(sql, params)).rows;
  }

  /** Statements in one committed transaction with the identity set (triggers read app.tenant_id). */
  async withIdentity<T>(user: TestUser, fn: () => Promise<T>): Promise<T> {
    await this.db.query('BEGIN');
    try {
      await this.db.query(
        `SELECT set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true), set_config('app.roles', $3, true)`,
        [user.tenantId, user.id, user.roles.join(',')],
      );
      const result = await fn();
      await this.db.query('COMMIT');
      return result;
    } catch (error) {
      await this.db.query('ROLLBACK');
      throw error;
    }
  }

  async organization(addedBy: string): Promise<string> {
    const row = await this.insert('organization', {
      credit_code: creditCode(),
      name: `试点测试单位${tag()}`,
      type: 'ENTERPRISE',
      legal_representative: '李四',
      added_by_tenant_id: addedBy,
    });
    return row.id as string;
  }

  /** An alliance with one current member (its chair), a member that left, and a scan document. */
  async alliance(
    tenantId: string,
  ): Promise<{
    id: string;
    name: string;
    industryCode: string;
    memberOrgId: string;
    exitedOrgId: string;
    otherDocId: string;
  }> {
    const [industry] = await this.query<{ code: string }>(
      'SELECT code FROM industry ORDER BY sort_order LIMIT 1',
    );
    const name = `试点测试联盟${tag()}`;
    const alliance = await this.insert('alliance', {
      tenant_id: tenantId,
      name,
      industry_code: industry!.code,
      founded_on: '2023-01-01',
    });
    const memberOrgId = await this.organization(tenantId);
    const exitedOrgId = await this.organization(tenantId);
    await this.insert('alliance_member', {
      tenant_id: tenantId,
      alliance_id: alliance.id,
      organization_id: memberOrgId,
      role: 'CHAIR',
      joined_on: '2023-01-01',
    });
    await this.insert('alliance_member', {
      tenant_id: tenantId,
      alliance_id: alliance.id,
      organization_id: exitedOrgId,
      role: 'MEMBER',
      joined_on: '2023-01-01',
      exited_on: '2024-06-30',
      exit_reason: '主动退出',
    });
    const otherDocId = await this.document(tenantId, alliance.id as string, 'AGREEMENT_SCAN');
    return {
      id: alliance.id as string,
      name,
      industryCode: industry!.code,
      memberOrgId,
      exitedOrgId,
      otherDocId,
    };
  }

  async document(tenantId: string, allianceId: string, kind: string): Promise<string> {
    const row = await this.insert('document', {
      tenant_id: tenantId,
      alliance_id: allianceId,
      kind,
      file_name: `${kind.toLowerCase()}.pdf`,
      media_type: 'application/pdf',
      size_bytes: 1024,
      sha256: randomBytes(32),
      storage_key: `pilot-fixture/${randomUUID()}`,
    });
    return row.id as string;
  }

  async call(tenantId: string, published: boolean): Promise<string> {
    const [measures] = await this.query<{ tenant_id: string; id: string; version_no: number }>(
      `SELECT tenant_id, id, version_no FROM measures
        WHERE status = 'PUBLISHED' AND tenant_id IN ($1, (SELECT parent_id FROM tenant WHERE id = $1))
        ORDER BY (tenant_id = $1) DESC, version_no DESC LIMIT 1`,
      [tenantId],
    );
    if (!measures) throw new Error('no published measures for the call');
    const day = 24 * 3600 * 1000;
    const now = Date.now();
    const row = await this.insert('pilot_call', {
      tenant_id: tenantId,
      title: `试点测试申报通知${tag()}`,
      opens_at: new Date(now - 10 * day),
      closes_at: new Date(now + 30 * day),
      recommend_by: new Date(now + 45 * day),
      decide_by: new Date(now + 90 * day),
      measures_tenant_id: measures.tenant_id,
      measures_id: measures.id,
      measures_version_no: measures.version_no,
      required_documents: ['FEASIBILITY_REPORT'],
      status: published ? 'PUBLISHED' : 'DRAFT',
      published_at: published ? new Date(now - 10 * day) : null,
    });
    return row.id as string;
  }

  /**
   * An application of `tenantId`'s fresh alliance to `callId` in `state`, with its feasibility
   * report attached. `recommended` defaults to what the state implies (RETURNED: before).
   */
  async application(options: {
    tenantId: string;
    callId: string;
    authorityTenantId: string;
    state: PilotState;
    recommended?: boolean;
    extraMemberOrgIds?: string[];
  }): Promise<PilotApplication> {
    const { tenantId, callId, authorityTenantId, state } = options;
    const recommended = options.recommended ?? AFTER_RECOMMENDATION.includes(state);
    const alliance = await this.alliance(tenantId);
    const documentId = await this.document(tenantId, alliance.id, 'FEASIBILITY_REPORT');
    const now = new Date();
    const submitted = state !== 'DRAFT' && !(state === 'WITHDRAWN' && !recommended);
    const decided = state === 'APPROVED' || state === 'DECLINED';
    const row = await this.insert('pilot_application', {
      tenant_id: tenantId,
      alliance_id: alliance.id,
      call_id: callId,
      authority_tenant_id: authorityTenantId,
      recommending_tenant_id: tenantId,
      level: authorityTenantId === tenantId ? 'CITY' : 'PROVINCIAL',
      state,
      goals: '建设共性技术平台',
      feasibility_document_id: documentId,
      member_organization_ids: [alliance.memberOrgId, ...(options.extraMemberOrgIds ?? [])],
      dossier: JSON.stringify({
        alliance: { id: alliance.id, name: alliance.name, industryCode: alliance.industryCode },
      }),
      submitted_at: submitted || recommended ? now : null,
      recommended_at: recommended ? now : null,
      recommendation_opinion: recommended ? '同意推荐' : null,
      decided_at: decided ? now : null,
      decision_reason: decided ? '专家评审意见' : null,
    });
    await this.insert('pilot_application_document', {
      tenant_id: tenantId,
      application_id: row.id,
      document_id: documentId,
    });
    return {
      id: row.id as string,
      tenantId,
      authorityTenantId,
      state,
      recommended,
      level: row.level as 'CITY' | 'PROVINCIAL',
      alliance,
      documentId,
    };
  }

  async expert(
    tenantId: string,
    user: TestUser | null,
    ties: {
      organizations?: string[];
      bureaus?: string[];
      declared?: { organization?: string; bureau?: string }[];
    } = {},
  ): Promise<PilotExpert> {
    const row = await this.insert('expert', {
      tenant_id: tenantId,
      user_id: user?.id ?? null,
      name: `专家${tag()}`,
      title: '教授级高级工程师',
      domains: ['先进制造'],
    });
    const id = row.id as string;
    const affiliations: string[] = [];
    for (const organization of ties.organizations ?? []) {
      const a = await this.insert('expert_affiliation', {
        tenant_id: tenantId,
        expert_id: id,
        organization_id: organization,
      });
      affiliations.push(a.id as string);
    }
    for (const bureau of ties.bureaus ?? []) {
      const a = await this.insert('expert_affiliation', {
        tenant_id: tenantId,
        expert_id: id,
        bureau_tenant_id: bureau,
      });
      affiliations.push(a.id as string);
    }
    const conflicts: string[] = [];
    for (const declared of ties.declared ?? []) {
      const c = await this.insert('expert_conflict', {
        tenant_id: tenantId,
        expert_id: id,
        organization_id: declared.organization ?? null,
        bureau_tenant_id: declared.bureau ?? null,
        reason: '曾参与该单位项目',
        declared_on: '2025-01-01',
      });
      conflicts.push(c.id as string);
    }
    return { id, tenantId, user, affiliations, conflicts };
  }

  /** A panel seat, written as `staff` (the conflict trigger checks who asks). */
  async seat(staff: TestUser, application: PilotApplication, expert: PilotExpert): Promise<string> {
    return this.withIdentity(staff, async () => {
      const row = await this.insert('expert_assignment', {
        tenant_id: staff.tenantId,
        application_id: application.id,
        application_tenant_id: application.tenantId,
        expert_id: expert.id,
        expert_user_id: expert.user?.id ?? null,
        review_year: 2026,
        assigned_by: staff.id,
      });
      return row.id as string;
    });
  }

  async withdraw(assignmentId: string): Promise<void> {
    await this.query(
      `UPDATE expert_assignment SET withdrawn_at = now(), withdrawal_reason = '专家回避' WHERE id = $1`,
      [assignmentId],
    );
  }

  async sheet(
    assignmentId: string,
    application: PilotApplication,
    expert: PilotExpert,
    submitted = false,
  ): Promise<string> {
    const row = await this.insert('review_sheet', {
      tenant_id: expert.tenantId,
      assignment_id: assignmentId,
      application_id: application.id,
      expert_id: expert.id,
      expert_user_id: expert.user?.id ?? null,
      scores: JSON.stringify({ INNOVATION: 80 }),
      status: submitted ? 'SUBMITTED' : 'DRAFT',
      recommendation: submitted ? 'SUPPORT' : null,
      submitted_at: submitted ? new Date() : null,
    });
    return row.id as string;
  }

  async objection(tenantId: string, application: PilotApplication): Promise<string> {
    const row = await this.insert('pilot_objection', {
      tenant_id: tenantId,
      application_id: application.id,
      application_tenant_id: application.tenantId,
      received_on: '2026-02-01',
      objector: '王五',
      content: '成员单位资质存疑',
    });
    return row.id as string;
  }

  async confirmed(application: PilotApplication, callId: string): Promise<void> {
    await this.query(
      `INSERT INTO confirmed_pilot (tenant_id, application_id, alliance_id, alliance_tenant_id, alliance_name,
                                    industry_code, call_id, level, confirmed_on)
       SELECT $1, $2, a.id, a.tenant_id, a.name, a.industry_code, $3, $4, '2026-03-01'
         FROM alliance a WHERE a.id = $5`,
      [application.authorityTenantId, application.id, callId, application.level, application.alliance.id],
    );
  }

  /** An audit event of the application in `user`'s tenant chain (through audit_append, so chains stay whole). */
  async auditEvent(user: TestUser, application: PilotApplication, action: string): Promise<void> {
    await this.withIdentity(user, () =>
      this.query(`SELECT audit_append($1, 'pilot_application', $2, NULL, '{}'::jsonb, now())`, [
        action,
        application.id,
      ]),
    );
  }
}

export type PilotApplication = {
  id: string;
  tenantId: string;
  authorityTenantId: string;
  state: PilotState;
  recommended: boolean;
  level: 'CITY' | 'PROVINCIAL';
  alliance: { id: string; memberOrgId: string; exitedOrgId: string; otherDocId: string };
  documentId: string;
};

export type PilotExpert = {
  id: string;
  tenantId: string;
  user: TestUser | null;
  affiliations: string[];
  conflicts: string[];
};

/** `rows:N`, `denied` (42501) or `error:<SQLSTATE>` of one statement, in a savepoint. */
export async function run(db: Client, sql: string, params: unknown[] = []): Promise<string> {
  return verdict(await attempt(db, sql, params));
}

/** A runtime-role transaction that commits (for effects checked afterwards as the superuser). */
export async function committedAs<T>(identity: RuntimeIdentity, fn: (db: Client) => Promise<T>): Promise<T> {
  const db = new Client({ connectionString: databaseUrls().appUrl });
  await db.connect();
  try {
    await db.query('BEGIN');
    await db.query(
      `SELECT set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true), set_config('app.roles', $3, true)`,
      [identity.tenantId, identity.userId ?? '', (identity.roles ?? []).join(',')],
    );
    const result = await fn(db);
    await db.query('COMMIT');
    return result;
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await db.end();
  }
}

export { asAdmin };
