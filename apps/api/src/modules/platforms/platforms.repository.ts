import { Injectable } from '@nestjs/common';
import type { EvaluationGrade, PlatformKind, PlatformLevel, PlatformStatus } from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { isId } from '../../common/access/access';

export type PlatformRow = {
  id: string;
  tenantId: string;
  allianceTenantId: string;
  allianceId: string;
  allianceName: string;
  kind: PlatformKind;
  level: PlatformLevel;
  name: string;
  hostOrganizationId: string;
  hostName: string;
  field: string;
  fieldName: string;
  recognitionDocument: string;
  recognisedOn: string;
  director: string;
  status: PlatformStatus;
  rectificationDueOn: string | null;
  removedReason: string | null;
  applicationId: string | null;
  version: number;
  registeredAt: Date;
};

export type PlatformMemberRow = {
  platformId: string;
  organizationId: string;
  name: string;
  role: 'HOST' | 'CO_BUILDER';
};

export type PlatformStatusEventRow = {
  id: string;
  platformId: string;
  fromStatus: PlatformStatus | null;
  toStatus: PlatformStatus;
  reason: string;
  basis: Record<string, unknown>;
  effectiveOn: string;
  recordedAt: Date;
};

export type PlatformReportRow = {
  id: string;
  platformId: string;
  year: number;
  staff: number;
  rdSpendingFen: string;
  projects: number;
  papers: number;
  patents: number;
  standards: number;
  industryServices: number;
  filedAt: Date;
};

export type PlatformEvaluationRow = {
  id: string;
  platformId: string;
  year: number;
  field: string;
  evaluatedOn: string;
  scheme: Record<string, unknown>;
  /** The experts' sheets; a round's name the expert of the pool and when they submitted. */
  sheets: { expertName: string; expertId?: string; submittedAt?: string; scores: Record<string, number> }[];
  /** The evaluation round it closed; null when the officer entered the sheets. */
  roundId: string | null;
  total: string;
  grade: EvaluationGrade;
  statusBefore: PlatformStatus;
  statusAfter: PlatformStatus;
  recordedAt: Date;
};

export type PlatformFilter = {
  status?: PlatformStatus | null;
  kind?: PlatformKind | null;
  field?: string | null;
  allianceId?: string | null;
  first: number;
  offset: number;
};

export type NewPlatform = Omit<
  PlatformRow,
  | 'id'
  | 'hostName'
  | 'fieldName'
  | 'status'
  | 'rectificationDueOn'
  | 'removedReason'
  | 'version'
  | 'registeredAt'
> & { coBuilderOrganizationIds: string[]; registeredBy: string };

const PLATFORM_COLUMNS = `p.id, p.tenant_id AS "tenantId", p.alliance_tenant_id AS "allianceTenantId",
  p.alliance_id AS "allianceId",
  p.alliance_name AS "allianceName",
  p.kind, p.level, p.name, p.host_organization_id AS "hostOrganizationId", o.name AS "hostName",
  p.field, i.name AS "fieldName", p.recognition_document AS "recognitionDocument",
  to_char(p.recognised_on, 'YYYY-MM-DD') AS "recognisedOn", p.director, p.status,
  to_char(p.rectification_due_on, 'YYYY-MM-DD') AS "rectificationDueOn", p.removed_reason AS "removedReason",
  p.application_id AS "applicationId", p.version, p.registered_at AS "registeredAt"`;
const PLATFORM_FROM = `platform p
  JOIN organization o ON o.id = p.host_organization_id
  JOIN industry i ON i.code = p.field`;

/** Every statement of the platform register, in the caller's transaction (row-level security applies). */
@Injectable()
export class PlatformsRepository {
  async find(db: EntityManager, id: string): Promise<PlatformRow | null> {
    if (!isId(id)) return null;
    const rows = await db.query<PlatformRow[]>(
      `SELECT ${PLATFORM_COLUMNS} FROM ${PLATFORM_FROM} WHERE p.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async list(db: EntityManager, f: PlatformFilter): Promise<[PlatformRow[], number]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (f.status) where.push(`p.status = $${params.push(f.status)}`);
    if (f.kind) where.push(`p.kind = $${params.push(f.kind)}`);
    if (f.field) where.push(`p.field = $${params.push(f.field)}`);
    if (f.allianceId && isId(f.allianceId)) where.push(`p.alliance_id = $${params.push(f.allianceId)}`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const rows = await db.query<(PlatformRow & { total: string })[]>(
      `SELECT ${PLATFORM_COLUMNS}, count(*) OVER () AS total FROM ${PLATFORM_FROM} ${clause}
        ORDER BY p.recognised_on DESC, p.registered_at DESC, p.id
        LIMIT $${params.push(f.first)} OFFSET $${params.push(f.offset)}`,
      params,
    );
    if (rows.length === 0 && f.offset > 0) {
      const counted = await db.query<{ n: string }[]>(`SELECT count(*) AS n FROM platform p ${clause}`, [
        ...params.slice(0, -2),
      ]);
      return [[], Number(counted[0]?.n ?? 0)];
    }
    return [rows.map(({ total: _total, ...row }) => row), Number(rows[0]?.total ?? 0)];
  }

  /** Enters a platform with its members; null when the application already entered one. */
  async insert(db: EntityManager, p: NewPlatform): Promise<string | null> {
    const rows = await db.query<{ id: string }[]>(
      `INSERT INTO platform (tenant_id, alliance_tenant_id, alliance_id, alliance_name, kind, level, name,
         host_organization_id, field, recognition_document, recognised_on, director, application_id, registered_by)
       VALUES ($1, $2, $3, $14, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (tenant_id, application_id) DO NOTHING RETURNING id`,
      [
        p.tenantId,
        p.allianceTenantId,
        p.allianceId,
        p.kind,
        p.level,
        p.name,
        p.hostOrganizationId,
        p.field,
        p.recognitionDocument,
        p.recognisedOn,
        p.director,
        p.applicationId,
        p.registeredBy,
        p.allianceName,
      ],
    );
    const id = rows[0]?.id;
    if (!id) return null;
    await db.query(
      `INSERT INTO platform_member (tenant_id, platform_id, organization_id, role)
       SELECT $1, $2, m.id, CASE WHEN m.id = $3 THEN 'HOST' ELSE 'CO_BUILDER' END
         FROM unnest($4::uuid[]) AS m (id)`,
      [p.tenantId, id, p.hostOrganizationId, [p.hostOrganizationId, ...p.coBuilderOrganizationIds]],
    );
    return id;
  }

  /** Moves the platform's standing from the version read; false when someone moved it first. */
  async setStatus(
    db: EntityManager,
    p: {
      id: string;
      version: number;
      status: PlatformStatus;
      rectificationDueOn: string | null;
      removedReason: string | null;
    },
  ): Promise<boolean> {
    const [, affected] = await db.query<[unknown, number]>(
      `UPDATE platform SET status = $3, rectification_due_on = $4, removed_reason = $5, version = version + 1,
              updated_at = now()
        WHERE id = $1 AND version = $2`,
      [p.id, p.version, p.status, p.rectificationDueOn, p.removedReason],
    );
    return affected === 1;
  }

  async addStatusEvent(
    db: EntityManager,
    e: Omit<PlatformStatusEventRow, 'id' | 'recordedAt'> & { tenantId: string; recordedBy: string | null },
  ): Promise<void> {
    await db.query(
      `INSERT INTO platform_status_event (tenant_id, platform_id, from_status, to_status, reason, basis, effective_on, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        e.tenantId,
        e.platformId,
        e.fromStatus,
        e.toStatus,
        e.reason,
        JSON.stringify(e.basis),
        e.effectiveOn,
        e.recordedBy,
      ],
    );
  }

  /** Files the year's report; null when that year's is already filed. */
  async insertReport(
    db: EntityManager,
    r: Omit<PlatformReportRow, 'id' | 'filedAt'> & { tenantId: string; filedBy: string },
  ): Promise<string | null> {
    const rows = await db.query<{ id: string }[]>(
      `INSERT INTO platform_report (tenant_id, platform_id, year, staff, rd_spending_fen, projects, papers, patents,
         standards, industry_services, filed_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (tenant_id, platform_id, year) DO NOTHING RETURNING id`,
      [
        r.tenantId,
        r.platformId,
        r.year,
        r.staff,
        r.rdSpendingFen,
        r.projects,
        r.papers,
        r.patents,
        r.standards,
        r.industryServices,
        r.filedBy,
      ],
    );
    return rows[0]?.id ?? null;
  }

  async insertEvaluation(
    db: EntityManager,
    e: Omit<PlatformEvaluationRow, 'id' | 'recordedAt'> & { tenantId: string; recordedBy: string },
  ): Promise<string> {
    const rows = await db.query<{ id: string }[]>(
      `INSERT INTO platform_evaluation (tenant_id, platform_id, year, field, evaluated_on, scheme, sheets, total, grade,
         status_before, status_after, recorded_by, round_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
      [
        e.tenantId,
        e.platformId,
        e.year,
        e.field,
        e.evaluatedOn,
        JSON.stringify(e.scheme),
        JSON.stringify(e.sheets),
        e.total,
        e.grade,
        e.statusBefore,
        e.statusAfter,
        e.recordedBy,
        e.roundId,
      ],
    );
    return rows[0]!.id;
  }

  membersOf(db: EntityManager, ids: readonly string[]): Promise<PlatformMemberRow[]> {
    if (!ids.length) return Promise.resolve([]);
    return db.query<PlatformMemberRow[]>(
      `SELECT m.platform_id AS "platformId", m.organization_id AS "organizationId", o.name, m.role
         FROM platform_member m JOIN organization o ON o.id = m.organization_id
        WHERE m.platform_id = ANY ($1::uuid[]) ORDER BY m.role DESC, o.name`,
      [ids],
    );
  }

  eventsOf(db: EntityManager, id: string): Promise<PlatformStatusEventRow[]> {
    return db.query<PlatformStatusEventRow[]>(
      `SELECT id, platform_id AS "platformId", from_status AS "fromStatus", to_status AS "toStatus", reason, basis,
              to_char(effective_on, 'YYYY-MM-DD') AS "effectiveOn", recorded_at AS "recordedAt"
         FROM platform_status_event WHERE platform_id = $1 ORDER BY recorded_at, id`,
      [id],
    );
  }

  reportsOf(db: EntityManager, id: string): Promise<PlatformReportRow[]> {
    return db.query<PlatformReportRow[]>(
      `SELECT id, platform_id AS "platformId", year, staff, rd_spending_fen::text AS "rdSpendingFen", projects, papers,
              patents, standards, industry_services AS "industryServices", filed_at AS "filedAt"
         FROM platform_report WHERE platform_id = $1 ORDER BY year DESC`,
      [id],
    );
  }

  async reportFiled(db: EntityManager, id: string, year: number): Promise<boolean> {
    const rows = await db.query<unknown[]>(
      `SELECT 1 FROM platform_report WHERE platform_id = $1 AND year = $2`,
      [id, year],
    );
    return rows.length > 0;
  }

  evaluationsOf(db: EntityManager, id: string): Promise<PlatformEvaluationRow[]> {
    return db.query<PlatformEvaluationRow[]>(
      `SELECT id, platform_id AS "platformId", year, field, to_char(evaluated_on, 'YYYY-MM-DD') AS "evaluatedOn",
              scheme, sheets, total::text AS total, grade, status_before AS "statusBefore",
              status_after AS "statusAfter", round_id AS "roundId", recorded_at AS "recordedAt"
         FROM platform_evaluation WHERE platform_id = $1 ORDER BY evaluated_on DESC, recorded_at DESC`,
      [id],
    );
  }
}
