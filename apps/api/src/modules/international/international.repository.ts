import { Injectable } from '@nestjs/common';
import type {
  CooperationBaseStatus,
  EvaluatedBaseStatus,
  EvaluationGrade,
  EvaluationScheme,
  EvaluationSheet,
} from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { isId } from '../../common/access/access';

export type CooperationBaseRow = {
  id: string;
  tenantId: string;
  allianceId: string;
  allianceName: string;
  hostOrganizationId: string;
  hostName: string;
  name: string;
  type: string;
  level: string;
  status: CooperationBaseStatus;
  recognisedOn: string | null;
  recognitionDocumentId: string | null;
  recognitionDocumentName: string | null;
  rectificationDueOn: string | null;
  revokedOn: string | null;
  revocationReason: string | null;
  version: number;
  createdAt: Date;
};

export type BaseEvaluationRow = {
  id: string;
  baseId: string;
  year: number;
  evaluatedOn: string;
  /** The scheme and the experts' sheets; null and empty for a grade recorded before scoring. */
  scheme: EvaluationScheme | null;
  sheets: EvaluationSheet[];
  total: string | null;
  grade: EvaluationGrade;
  statusBefore: 'RECOGNISED' | 'RECTIFYING';
  statusAfter: EvaluatedBaseStatus;
  remarks: string;
  recordedAt: Date;
};

/** A project of an international cooperation programme, with the particulars its award froze. */
export type InternationalProjectRow = {
  id: string;
  tenantId: string;
  allianceTenantId: string;
  allianceId: string;
  programmeId: string;
  programmeName: string;
  applicationId: string;
  title: string;
  state: string;
  awardFen: string;
  awardedOn: string;
  responsibleUnitName: string;
  participantNames: string[];
  particulars: Record<string, unknown>;
};

export type BaseFilter = { status: CooperationBaseStatus | null; first: number; offset: number };
export type InternationalProjectFilter = { partnerCountry: string | null; first: number; offset: number };

const BASE_COLUMNS = `b.id, b.tenant_id AS "tenantId", b.alliance_id AS "allianceId", al.name AS "allianceName",
  b.host_organization_id AS "hostOrganizationId", o.name AS "hostName", b.name, b.type, b.level, b.status,
  to_char(b.recognised_on, 'YYYY-MM-DD') AS "recognisedOn", b.recognition_document_id AS "recognitionDocumentId",
  d.file_name AS "recognitionDocumentName",
  to_char(b.rectification_due_on, 'YYYY-MM-DD') AS "rectificationDueOn", to_char(b.revoked_on, 'YYYY-MM-DD') AS "revokedOn",
  b.revocation_reason AS "revocationReason", b.version, b.created_at AS "createdAt"`;
const BASE_FROM = `cooperation_base b
  JOIN alliance al ON al.tenant_id = b.tenant_id AND al.id = b.alliance_id
  JOIN organization o ON o.id = b.host_organization_id
  LEFT JOIN document d ON d.tenant_id = b.tenant_id AND d.id = b.recognition_document_id`;

// The award froze the application's form in its dossier: the particulars are read from there, so
// a project shows the partner it was awarded with. Both rows are read under row security (the
// authority reads the application once recommended, the home bureau its own).
const PROJECT_COLUMNS = `p.id, p.tenant_id AS "tenantId", p.alliance_tenant_id AS "allianceTenantId",
  p.alliance_id AS "allianceId", p.programme_id AS "programmeId", pr.name AS "programmeName",
  p.application_id AS "applicationId", p.title, p.state, p.award_fen::text AS "awardFen",
  to_char(p.awarded_on, 'YYYY-MM-DD') AS "awardedOn",
  coalesce(p.dossier -> 'responsibleUnit' ->> 'name', '') AS "responsibleUnitName",
  coalesce((SELECT array_agg(x ->> 'name') FROM jsonb_array_elements(p.dossier -> 'participants') x), '{}') AS "participantNames",
  coalesce(a.dossier -> 'form' -> 'particulars', '{}') AS particulars`;
const PROJECT_FROM = `project p
  JOIN programme pr ON pr.tenant_id = p.tenant_id AND pr.id = p.programme_id
  LEFT JOIN programme_application a ON a.id = p.application_id
  WHERE pr.kind = 'INTERNATIONAL_COOPERATION'`;

/** Every statement of the international slice, in the caller's transaction (row security applies). */
@Injectable()
export class InternationalRepository {
  async base(db: EntityManager, id: string, lock = false): Promise<CooperationBaseRow | null> {
    if (!isId(id)) return null;
    if (lock) await db.query(`SELECT 1 FROM cooperation_base WHERE id = $1 FOR UPDATE`, [id]);
    const rows = await db.query<CooperationBaseRow[]>(
      `SELECT ${BASE_COLUMNS} FROM ${BASE_FROM} WHERE b.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async bases(db: EntityManager, filter: BaseFilter): Promise<[CooperationBaseRow[], number]> {
    const params: unknown[] = [];
    const where = filter.status ? `WHERE b.status = $${params.push(filter.status)}` : '';
    const rows = await db.query<(CooperationBaseRow & { total: string })[]>(
      `SELECT ${BASE_COLUMNS}, count(*) OVER () AS total FROM ${BASE_FROM} ${where}
        ORDER BY b.created_at DESC, b.id
        LIMIT $${params.push(filter.first)} OFFSET $${params.push(filter.offset)}`,
      params,
    );
    return [rows.map(({ total: _total, ...row }) => row), Number(rows[0]?.total ?? 0)];
  }

  async evaluationsOf(db: EntityManager, baseIds: readonly string[]): Promise<BaseEvaluationRow[]> {
    if (!baseIds.length) return [];
    return db.query<BaseEvaluationRow[]>(
      `SELECT id, base_id AS "baseId", year, to_char(evaluated_on, 'YYYY-MM-DD') AS "evaluatedOn", scheme, sheets,
              total::text AS total, grade, status_before AS "statusBefore", status_after AS "statusAfter", remarks,
              recorded_at AS "recordedAt"
         FROM cooperation_base_evaluation WHERE base_id = ANY ($1::uuid[])
        ORDER BY evaluated_on DESC, recorded_at DESC, id`,
      [baseIds],
    );
  }

  /** Whether the organization is a current member of the alliance on the day (the tenant's own register). */
  async isMember(
    db: EntityManager,
    allianceId: string,
    organizationId: string,
    on: string,
  ): Promise<boolean> {
    if (!isId(allianceId) || !isId(organizationId)) return false;
    const rows = await db.query<unknown[]>(
      `SELECT 1 FROM alliance_member m
        WHERE m.alliance_id = $1 AND m.organization_id = $2
          AND m.joined_on <= $3 AND (m.exited_on IS NULL OR m.exited_on > $3)`,
      [allianceId, organizationId, on],
    );
    return rows.length > 0;
  }

  async allianceExists(db: EntityManager, allianceId: string): Promise<boolean> {
    if (!isId(allianceId)) return false;
    return (await db.query<unknown[]>(`SELECT 1 FROM alliance WHERE id = $1`, [allianceId])).length > 0;
  }

  async insertBase(
    db: EntityManager,
    row: {
      tenantId: string;
      allianceId: string;
      hostOrganizationId: string;
      name: string;
      type: string;
      level: string;
      status: CooperationBaseStatus;
      recognisedOn: string | null;
      recognitionDocumentId: string | null;
      createdBy: string;
    },
  ): Promise<string> {
    const [inserted] = await db.query<{ id: string }[]>(
      `INSERT INTO cooperation_base (tenant_id, alliance_id, host_organization_id, name, type, level, status,
                                     recognised_on, recognition_document_id, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [
        row.tenantId,
        row.allianceId,
        row.hostOrganizationId,
        row.name,
        row.type,
        row.level,
        row.status,
        row.recognisedOn,
        row.recognitionDocumentId,
        row.createdBy,
      ],
    );
    return inserted!.id;
  }

  /** One row changed only when the base still has the version and status read. */
  async updateBase(
    db: EntityManager,
    id: string,
    expected: { version: number; status: CooperationBaseStatus },
    set: {
      status: CooperationBaseStatus;
      recognisedOn?: string;
      recognitionDocumentId?: string;
      revokedOn?: string;
      revocationReason?: string;
    },
  ): Promise<boolean> {
    const result: unknown[] = await db.query(
      `UPDATE cooperation_base
          SET status = $4,
              recognised_on = coalesce($5::date, recognised_on),
              recognition_document_id = coalesce($6::uuid, recognition_document_id),
              revoked_on = $7::date, revocation_reason = $8, rectification_due_on = NULL,
              version = version + 1, updated_at = now()
        WHERE id = $1 AND version = $2 AND status = $3 RETURNING id`,
      [
        id,
        expected.version,
        expected.status,
        set.status,
        set.recognisedOn ?? null,
        set.recognitionDocumentId ?? null,
        set.revokedOn ?? null,
        set.revocationReason ?? null,
      ],
    );
    // An UPDATE answers [rows, count] through TypeORM's driver.
    const rows = Array.isArray(result[0]) ? result[0] : result;
    return rows.length === 1;
  }

  /** Records an evaluation of the base as it stands (before its grade moves it). */
  async insertEvaluation(
    db: EntityManager,
    row: Omit<BaseEvaluationRow, 'id' | 'recordedAt' | 'scheme'> & {
      tenantId: string;
      scheme: EvaluationScheme;
      recordedBy: string;
    },
  ): Promise<string> {
    const [inserted] = await db.query<{ id: string }[]>(
      `INSERT INTO cooperation_base_evaluation (tenant_id, base_id, year, evaluated_on, scheme, sheets, total, grade,
         status_before, status_after, remarks, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
        row.tenantId,
        row.baseId,
        row.year,
        row.evaluatedOn,
        JSON.stringify(row.scheme),
        JSON.stringify(row.sheets),
        row.total,
        row.grade,
        row.statusBefore,
        row.statusAfter,
        row.remarks,
        row.recordedBy,
      ],
    );
    return inserted!.id;
  }

  /** What a grade does to the base, from the version and status read; false when someone moved it first. */
  async moveByEvaluation(
    db: EntityManager,
    id: string,
    expected: { version: number; status: CooperationBaseStatus },
    set: {
      status: EvaluatedBaseStatus;
      rectificationDueOn: string | null;
      revokedOn: string | null;
      revocationReason: string | null;
    },
  ): Promise<boolean> {
    const [, affected] = await db.query<[unknown, number]>(
      `UPDATE cooperation_base
          SET status = $4, rectification_due_on = $5::date, revoked_on = $6::date, revocation_reason = $7,
              version = version + 1, updated_at = now()
        WHERE id = $1 AND version = $2 AND status = $3`,
      [
        id,
        expected.version,
        expected.status,
        set.status,
        set.rectificationDueOn,
        set.revokedOn,
        set.revocationReason,
      ],
    );
    return affected === 1;
  }

  async project(db: EntityManager, id: string): Promise<InternationalProjectRow | null> {
    if (!isId(id)) return null;
    const rows = await db.query<InternationalProjectRow[]>(
      `SELECT ${PROJECT_COLUMNS} FROM ${PROJECT_FROM} AND p.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async projects(
    db: EntityManager,
    filter: InternationalProjectFilter,
  ): Promise<[InternationalProjectRow[], number]> {
    const params: unknown[] = [];
    const where = filter.partnerCountry
      ? `AND a.dossier -> 'form' -> 'particulars' ->> 'partnerCountry' = $${params.push(filter.partnerCountry)}`
      : '';
    const rows = await db.query<(InternationalProjectRow & { total: string })[]>(
      `SELECT ${PROJECT_COLUMNS}, count(*) OVER () AS total FROM ${PROJECT_FROM} ${where}
        ORDER BY p.awarded_on DESC, p.created_at DESC, p.id
        LIMIT $${params.push(filter.first)} OFFSET $${params.push(filter.offset)}`,
      params,
    );
    return [rows.map(({ total: _total, ...row }) => row), Number(rows[0]?.total ?? 0)];
  }
}
