import { Injectable } from '@nestjs/common';
import type { Debarment, TenantLevel } from '@xiangmeng/domain';
import { type EntityManager, IsNull } from 'typeorm';
import { isId } from '../../common/access/access';
import { DebarmentEntity, DebarmentEvidenceEntity } from './programme.entity';

/** A debarment as the register shows it: the domain's record and what the API adds around it. */
export type DebarmentRecord = Debarment & {
  id: string;
  tenantId: string;
  authority: {
    id: string;
    code: string;
    name: string;
    bureauName: string;
    level: TenantLevel;
    parentId: string | null;
  };
  organizationCreditCode: string;
  debarmentYears: number;
  measuresId: string;
  measuresVersionNo: number;
  recordedAt: Date;
  liftedAt: Date | null;
  /** The recording authority's part: null for everyone else (row-level security). */
  evidence: string | null;
  recordedByName: string | null;
  liftedByName: string | null;
};

export type NewDebarment = Pick<
  DebarmentEntity,
  | 'tenantId'
  | 'organizationId'
  | 'reason'
  | 'article'
  | 'decisionDocument'
  | 'fromDate'
  | 'untilDate'
  | 'debarmentYears'
  | 'measuresTenantId'
  | 'measuresId'
  | 'measuresVersionNo'
  | 'recordedAt'
>;

type Row = {
  id: string;
  tenant_id: string;
  organization_id: string;
  organization_name: string;
  credit_code: string;
  reason: string;
  article: string;
  decision_document: string;
  from_date: string;
  until_date: string;
  debarment_years: number;
  measures_id: string;
  measures_version_no: number;
  recorded_at: Date;
  lifted_on: string | null;
  lifted_reason: string | null;
  lifted_at: Date | null;
  tenant_code: string;
  tenant_name: string;
  bureau_name: string;
  tenant_level: TenantLevel;
  parent_id: string | null;
  evidence: string | null;
  recorded_by_name: string | null;
  lifted_by_name: string | null;
};

// One statement reads the register with the unit, the authority and (for its own staff only:
// row-level security hides the row from anyone else) the private part.
const SELECT = `
  SELECT d.id, d.tenant_id, d.organization_id, o.name AS organization_name, o.credit_code, d.reason, d.article,
         d.decision_document, d.from_date, d.until_date, d.debarment_years, d.measures_id, d.measures_version_no,
         d.recorded_at, d.lifted_on, d.lifted_reason, d.lifted_at,
         t.code AS tenant_code, t.name AS tenant_name, t.bureau_name, t.level AS tenant_level, t.parent_id,
         e.evidence, ru.display_name AS recorded_by_name, lu.display_name AS lifted_by_name
    FROM debarment d
    JOIN organization o ON o.id = d.organization_id
    JOIN tenant t ON t.id = d.tenant_id
    LEFT JOIN debarment_evidence e ON e.tenant_id = d.tenant_id AND e.debarment_id = d.id
    LEFT JOIN app_user ru ON ru.tenant_id = e.tenant_id AND ru.id = e.recorded_by
    LEFT JOIN app_user lu ON lu.tenant_id = e.tenant_id AND lu.id = e.lifted_by`;
const ORDER = `ORDER BY d.from_date DESC, d.recorded_at DESC, d.id`;

function toRecord(r: Row): DebarmentRecord {
  return {
    id: r.id,
    tenantId: r.tenant_id,
    organizationId: r.organization_id,
    organizationName: r.organization_name,
    organizationCreditCode: r.credit_code,
    reason: r.reason,
    article: r.article,
    decisionDocument: r.decision_document,
    fromDate: r.from_date,
    untilDate: r.until_date,
    debarmentYears: r.debarment_years,
    measuresId: r.measures_id,
    measuresVersionNo: r.measures_version_no,
    recordedAt: r.recorded_at,
    lifted: r.lifted_on !== null ? { on: r.lifted_on, reason: r.lifted_reason ?? '' } : null,
    liftedAt: r.lifted_at,
    authority: {
      id: r.tenant_id,
      code: r.tenant_code,
      name: r.tenant_name,
      bureauName: r.bureau_name,
      level: r.tenant_level,
      parentId: r.parent_id,
    },
    evidence: r.evidence,
    recordedByName: r.recorded_by_name,
    liftedByName: r.lifted_by_name,
  };
}

/** The statements of the debarment register, in the caller's transaction (row-level security applies). */
@Injectable()
export class DebarmentsRepository {
  /** Every authority's debarments, or those of one unit; newest first. */
  async list(db: EntityManager, organizationId: string | null): Promise<DebarmentRecord[]> {
    if (organizationId !== null && !isId(organizationId)) return [];
    const rows = await db.query<Row[]>(
      `${SELECT} ${organizationId === null ? '' : 'WHERE d.organization_id = $1'} ${ORDER}`,
      organizationId === null ? [] : [organizationId],
    );
    return rows.map(toRecord);
  }

  /** Every authority's debarments of any of the units. */
  async ofOrganizations(db: EntityManager, organizationIds: readonly string[]): Promise<DebarmentRecord[]> {
    const ids = organizationIds.filter(isId);
    if (!ids.length) return [];
    const rows = await db.query<Row[]>(`${SELECT} WHERE d.organization_id = ANY ($1::uuid[]) ${ORDER}`, [
      ids,
    ]);
    return rows.map(toRecord);
  }

  async find(db: EntityManager, id: string): Promise<DebarmentRecord | null> {
    if (!isId(id)) return null;
    const rows = await db.query<Row[]>(`${SELECT} WHERE d.id = $1`, [id]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /** The unit's name in the shared directory, or null when there is no such unit. */
  async organizationName(db: EntityManager, id: string): Promise<string | null> {
    if (!isId(id)) return null;
    const rows = await db.query<{ name: string }[]>('SELECT name FROM organization WHERE id = $1', [id]);
    return rows[0]?.name ?? null;
  }

  /** The decision (public part) and its evidence (private part), in the caller's transaction. */
  async insert(
    db: EntityManager,
    debarment: NewDebarment,
    evidence: string,
    recordedBy: string,
  ): Promise<string> {
    const result = await db.insert(DebarmentEntity, debarment);
    const id = result.identifiers[0]!.id as string;
    await db.insert(DebarmentEvidenceEntity, {
      tenantId: debarment.tenantId,
      debarmentId: id,
      evidence,
      recordedBy,
      liftedBy: null,
    });
    return id;
  }

  /** Records the lifting once; false when it was lifted meanwhile. */
  async lift(
    db: EntityManager,
    id: string,
    lifting: { on: string; reason: string; at: Date },
    liftedBy: string,
  ): Promise<boolean> {
    const result = await db.update(
      DebarmentEntity,
      { id, liftedOn: IsNull() },
      { liftedOn: lifting.on, liftedReason: lifting.reason, liftedAt: lifting.at },
    );
    if (result.affected !== 1) return false;
    await db.update(DebarmentEvidenceEntity, { debarmentId: id }, { liftedBy });
    return true;
  }
}
