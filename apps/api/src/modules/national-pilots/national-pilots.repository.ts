import { Injectable } from '@nestjs/common';
import type { AllianceStatus, NationalPilotDesignation } from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { isId } from '../../common/access/access';

/** A designation as the list shows it: the domain's record and what the API adds around it. */
export type NationalPilotRecord = NationalPilotDesignation & {
  id: string;
  tenantId: string;
  allianceTenantId: string;
  allianceName: string;
  /** The alliance's home tier (a city, or the province). */
  allianceTenantName: string;
  documentId: string | null;
  recordedAt: Date;
  withdrawnAt: Date | null;
};

export type NewNationalPilotDesignation = {
  tenantId: string;
  allianceTenantId: string;
  allianceId: string;
  allianceName: string;
  documentNumber: string;
  designatedOn: string;
  documentId: string | null;
  recordedAt: Date;
  recordedBy: string;
};

/** The alliance a province administrator names (national_pilot_alliance). */
export type NamedAlliance = { id: string; tenantId: string; name: string; status: AllianceStatus };

type Row = {
  id: string;
  tenant_id: string;
  alliance_tenant_id: string;
  alliance_id: string;
  alliance_name: string;
  alliance_tenant_name: string;
  document_number: string;
  designated_on: string;
  document_id: string | null;
  recorded_at: Date;
  withdrawn_on: string | null;
  withdrawal_reason: string | null;
  withdrawn_at: Date | null;
};

// No join to `document` for the scan's file name (a field of its own): its policies would be planned
// into every read of the list, the register's included.
const SELECT = `
  SELECT n.id, n.tenant_id, n.alliance_tenant_id, n.alliance_id, n.alliance_name, t.name AS alliance_tenant_name,
         n.document_number, n.designated_on, n.document_id, n.recorded_at,
         n.withdrawn_on, n.withdrawal_reason, n.withdrawn_at
    FROM national_pilot_designation n
    JOIN tenant t ON t.id = n.alliance_tenant_id`;
const ORDER = 'ORDER BY n.designated_on DESC, n.recorded_at DESC, n.id';

function toRecord(r: Row): NationalPilotRecord {
  return {
    id: r.id,
    tenantId: r.tenant_id,
    allianceTenantId: r.alliance_tenant_id,
    allianceId: r.alliance_id,
    allianceName: r.alliance_name,
    allianceTenantName: r.alliance_tenant_name,
    documentNumber: r.document_number,
    designatedOn: r.designated_on,
    documentId: r.document_id,
    recordedAt: r.recorded_at,
    withdrawal:
      r.withdrawn_on !== null ? { on: r.withdrawn_on, reason: r.withdrawal_reason ?? '' } : null,
    withdrawnAt: r.withdrawn_at,
  };
}

/** The national pilot list: every statement of the feature. */
@Injectable()
export class NationalPilotsRepository {
  async list(db: EntityManager, allianceIds: readonly string[] | null): Promise<NationalPilotRecord[]> {
    if (allianceIds === null) return (await db.query<Row[]>(`${SELECT} ${ORDER}`)).map(toRecord);
    const ids = allianceIds.filter(isId);
    if (!ids.length) return [];
    return (await db.query<Row[]>(`${SELECT} WHERE n.alliance_id = ANY($1) ${ORDER}`, [ids])).map(toRecord);
  }

  async find(db: EntityManager, id: string): Promise<NationalPilotRecord | null> {
    if (!isId(id)) return null;
    const [row] = await db.query<Row[]>(`${SELECT} WHERE n.id = $1`, [id]);
    return row ? toRecord(row) : null;
  }

  /** Whether a designation of the alliance is in force on `on` (eligibility, Art. 14). */
  async inForceOn(db: EntityManager, alliance: { tenantId: string; id: string }, on: string): Promise<boolean> {
    const [row] = await db.query<{ found: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM national_pilot_designation
                       WHERE alliance_id = $1 AND alliance_tenant_id = $2 AND designated_on <= $3::date
                         AND (withdrawn_on IS NULL OR withdrawn_on > $3::date)) AS found`,
      [alliance.id, alliance.tenantId, on],
    );
    return row?.found === true;
  }

  async namedAlliance(db: EntityManager, allianceId: string): Promise<NamedAlliance | null> {
    if (!isId(allianceId)) return null;
    const [row] = await db.query<{ alliance: NamedAlliance | null }[]>(
      'SELECT national_pilot_alliance($1) AS alliance',
      [allianceId],
    );
    return row?.alliance ?? null;
  }

  /** Whether the document is one of the tenant's own files, not an alliance's. */
  async ownFile(db: EntityManager, tenantId: string, documentId: string): Promise<boolean> {
    if (!isId(documentId)) return false;
    const [row] = await db.query<{ found: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM document WHERE tenant_id = $1 AND id = $2 AND alliance_id IS NULL) AS found`,
      [tenantId, documentId],
    );
    return row?.found === true;
  }

  /** The new designation's id; a second one in force for the alliance fails with a unique violation. */
  async insert(db: EntityManager, d: NewNationalPilotDesignation): Promise<string> {
    const [row] = await db.query<{ id: string }[]>(
      `INSERT INTO national_pilot_designation (tenant_id, alliance_tenant_id, alliance_id, alliance_name,
         document_number, designated_on, document_id, recorded_at, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        d.tenantId,
        d.allianceTenantId,
        d.allianceId,
        d.allianceName,
        d.documentNumber,
        d.designatedOn,
        d.documentId,
        d.recordedAt,
        d.recordedBy,
      ],
    );
    return row!.id;
  }

  /** Withdraws the designation if it is still in force; false when another withdrawal came first. */
  async withdraw(
    db: EntityManager,
    id: string,
    withdrawal: { on: string; reason: string; at: Date },
    by: string,
  ): Promise<boolean> {
    // A data-modifying CTE: the statement answers rows (an UPDATE through TypeORM answers a pair).
    const [row] = await db.query<{ n: number }[]>(
      `WITH withdrawn AS (
         UPDATE national_pilot_designation
            SET withdrawn_on = $2, withdrawal_reason = $3, withdrawn_at = $4, withdrawn_by = $5
          WHERE id = $1 AND withdrawn_on IS NULL RETURNING id)
       SELECT count(*)::int AS n FROM withdrawn`,
      [id, withdrawal.on, withdrawal.reason, withdrawal.at, by],
    );
    return row?.n === 1;
  }
}
