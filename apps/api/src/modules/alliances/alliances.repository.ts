import { AllianceOrder } from './alliance-order';
import { Injectable } from '@nestjs/common';
import {
  type GovernanceBodyKind,
  LAPSED_FILING_STATES,
  NO_FILING,
  normalizeCreditCode,
} from '@xiangmeng/domain';
import { type EntityManager, In, type SelectQueryBuilder } from 'typeorm';
import { isId } from '../../common/access/access';
import { AllianceOutputEntity } from './alliance-output.entity';
import { loadSnapshots, type SnapshotSubject, type StoredSnapshot } from './alliance-snapshots';
import { AllianceEntity } from './alliance.entity';
import { GovernanceBodyEntity } from './governance-body.entity';
import type { RegisterFilter } from './register-filter';

export type NewAlliance = Pick<
  AllianceEntity,
  | 'tenantId'
  | 'name'
  | 'industryCode'
  | 'foundedOn'
  | 'objectives'
  | 'liableEntity'
  | 'executiveFullTimeStaff'
  | 'status'
  | 'pilotStatus'
  | 'version'
  | 'updatedAt'
  | 'createdBy'
>;
export type RegisterEntry = Pick<AllianceEntity, 'name' | 'industryCode' | 'foundedOn' | 'objectives'>;
export type Governance = {
  bodies: { kind: GovernanceBodyKind; name: string; description: string }[];
  liableEntity: string;
  executiveFullTimeStaff: number;
  hostOrganizationId: string | null;
};
export type NewOutput = Omit<AllianceOutputEntity, 'id' | 'createdAt'>;
/** Where a register page starts: after the alliance created at `createdAt` with `id`. */
export type RegisterCursor = { key: string; id: string };

const ORDER_COLUMNS: Record<AllianceOrder, { column: string; direction: 'ASC' | 'DESC' }> = {
  [AllianceOrder.NEWEST]: { column: 'a.created_at', direction: 'DESC' },
  [AllianceOrder.NAME]: { column: 'a.name', direction: 'ASC' },
  [AllianceOrder.FOUNDED_NEWEST]: { column: 'a.founded_on', direction: 'DESC' },
  [AllianceOrder.FOUNDED_OLDEST]: { column: 'a.founded_on', direction: 'ASC' },
};
/** What the register's export adds to each alliance. */
export type RegisterDetails = {
  id: string;
  chair: string | null;
  members: number;
  industry: string;
  city: string;
};

/** The alliance rows, their governance bodies and outputs, and the register's list. */
@Injectable()
export class AlliancesRepository {
  async find(db: EntityManager, id: string): Promise<AllianceEntity | null> {
    return isId(id) ? db.findOneBy(AllianceEntity, { id }) : null;
  }

  /** Locks the row for the rest of the transaction, so concurrent changes queue instead of racing. */
  async lock(db: EntityManager, id: string): Promise<void> {
    await db.query('SELECT 1 FROM alliance WHERE id = $1 FOR UPDATE', [id]);
  }

  /** The new alliance's id; a name the tenant already uses fails with a unique violation. */
  async insert(db: EntityManager, alliance: NewAlliance): Promise<string> {
    const saved = await db.save(db.create(AllianceEntity, alliance));
    return saved.id;
  }

  /** Writes the register entry if the alliance is still at `version`; false when it is not. */
  async updateEntry(
    db: EntityManager,
    id: string,
    version: number,
    entry: RegisterEntry,
    at: Date,
  ): Promise<boolean> {
    const result = await db.update(
      AllianceEntity,
      { id, version },
      { ...entry, version: version + 1, updatedAt: at },
    );
    return result.affected === 1;
  }

  governanceBodies(db: EntityManager, allianceIds: readonly string[]): Promise<GovernanceBodyEntity[]> {
    return db.find(GovernanceBodyEntity, {
      where: { allianceId: In([...allianceIds]) },
      order: { kind: 'ASC' },
    });
  }

  /** Replaces the bodies and writes the rest if the alliance is still at `version`; false when not. */
  async setGovernance(
    db: EntityManager,
    alliance: Pick<AllianceEntity, 'id' | 'tenantId'>,
    version: number,
    governance: Governance,
    at: Date,
  ): Promise<boolean> {
    await db.delete(GovernanceBodyEntity, { tenantId: alliance.tenantId, allianceId: alliance.id });
    if (governance.bodies.length) {
      await db.insert(
        GovernanceBodyEntity,
        governance.bodies.map((b) => ({ ...b, tenantId: alliance.tenantId, allianceId: alliance.id })),
      );
    }
    const result = await db.update(
      AllianceEntity,
      { id: alliance.id, version },
      {
        liableEntity: governance.liableEntity,
        executiveFullTimeStaff: governance.executiveFullTimeStaff,
        hostOrganizationId: governance.hostOrganizationId,
        version: version + 1,
        updatedAt: at,
      },
    );
    return result.affected === 1;
  }

  outputs(db: EntityManager, allianceIds: readonly string[]): Promise<AllianceOutputEntity[]> {
    return db.find(AllianceOutputEntity, {
      where: { allianceId: In([...allianceIds]) },
      order: { year: 'DESC', createdAt: 'DESC' },
    });
  }

  insertOutput(db: EntityManager, output: NewOutput): Promise<AllianceOutputEntity> {
    return db.save(db.create(AllianceOutputEntity, output));
  }

  /** FORMING → ESTABLISHED if the alliance is still forming at `version`; false when it is not. */
  async establish(
    db: EntityManager,
    id: string,
    version: number,
    established: { establishedOn: string; establishedMeasuresId: string },
    at: Date,
  ): Promise<boolean> {
    const result = await db.update(
      AllianceEntity,
      { id, status: 'FORMING', version },
      { ...established, status: 'ESTABLISHED', version: version + 1, updatedAt: at },
    );
    return result.affected === 1;
  }

  /** → DISSOLVED if the alliance is still at `version`; false when it is not. */
  async dissolve(
    db: EntityManager,
    id: string,
    version: number,
    dissolved: { dissolvedOn: string; dissolutionReason: string },
    at: Date,
  ): Promise<boolean> {
    const result = await db.update(
      AllianceEntity,
      { id, version },
      { ...dissolved, status: 'DISSOLVED', version: version + 1, updatedAt: at },
    );
    return result.affected === 1;
  }

  /**
   * What the Art. 8 check reads, for many alliances in three statements (alliance-snapshots.ts
   * holds the query), constant however many alliances a page holds.
   */
  snapshots(db: EntityManager, alliances: readonly SnapshotSubject[]): Promise<Map<string, StoredSnapshot>> {
    return loadSnapshots(db, alliances);
  }

  /** The register's list: filters, search by alliance or member, newest first. */
  private filtered(db: EntityManager, filter: RegisterFilter): SelectQueryBuilder<AllianceEntity> {
    const query = db.createQueryBuilder(AllianceEntity, 'a');
    if (filter.tenantId) query.andWhere('a.tenant_id = :tenantId', { tenantId: filter.tenantId });
    // Filings as row-level security lets the viewer read them: a city its own, the province those
    // sent to it. The current one is the domain's `currentFiling`: open or valid first, then newest.
    if (filter.filingState === NO_FILING) {
      query.andWhere(
        'NOT EXISTS (SELECT 1 FROM filing f WHERE f.tenant_id = a.tenant_id AND f.alliance_id = a.id)',
      );
    } else if (filter.filingState) {
      query.andWhere(
        `(SELECT f.state FROM filing f WHERE f.tenant_id = a.tenant_id AND f.alliance_id = a.id
           ORDER BY f.state = ANY(CAST(:lapsed AS text[])), f.created_at DESC, f.id DESC LIMIT 1) = :filingState`,
        { lapsed: [...LAPSED_FILING_STATES], filingState: filter.filingState },
      );
    }
    if (filter.industryCode) {
      query.andWhere(
        '(a.industry_code = :industry OR a.industry_code IN (SELECT code FROM industry WHERE parent_code = :industry))',
        { industry: filter.industryCode },
      );
    }
    if (filter.status) query.andWhere('a.status = :status', { status: filter.status });
    if (filter.pilotStatus)
      query.andWhere('a.pilot_status = :pilotStatus', { pilotStatus: filter.pilotStatus });
    const search = filter.search?.trim();
    if (search) {
      const escaped = search.replace(/[\\%_]/g, (c) => `\\${c}`);
      query.andWhere(
        `(a.name ILIKE :contains OR EXISTS (
            SELECT 1 FROM alliance_member m JOIN organization o ON o.id = m.organization_id
            WHERE m.tenant_id = a.tenant_id AND m.alliance_id = a.id AND (o.name ILIKE :contains OR o.credit_code LIKE :code)))`,
        { contains: `%${escaped}%`, code: `${normalizeCreditCode(escaped)}%` },
      );
    }
    return query;
  }

  /** Up to `limit` alliances matching the filter in `order` (newest first unless asked), after `cursor`. */
  register(
    db: EntityManager,
    filter: RegisterFilter,
    limit: number,
    cursor: RegisterCursor | null = null,
    order: AllianceOrder = AllianceOrder.NEWEST,
  ): Promise<AllianceEntity[]> {
    const { column, direction } = ORDER_COLUMNS[order];
    const query = this.filtered(db, filter)
      .orderBy(column, direction)
      .addOrderBy('a.id', direction)
      .take(limit);
    if (cursor) query.andWhere(`(${column}, a.id) ${direction === 'ASC' ? '>' : '<'} (:key, :id)`, cursor);
    return query.getMany();
  }

  registerCount(db: EntityManager, filter: RegisterFilter): Promise<number> {
    return this.filtered(db, filter).getCount();
  }

  /** Registering tenant, industry name, current chair and current member count of each alliance, for the export. */
  // Members by tenant and alliance, their index's leading columns (see alliance-snapshots.ts).
  registerDetails(db: EntityManager, ids: readonly string[]): Promise<RegisterDetails[]> {
    return db.query<RegisterDetails[]>(
      `SELECT a.id, i.name AS industry, t.name AS city,
              (SELECT o.name FROM alliance_member m JOIN organization o ON o.id = m.organization_id
                WHERE m.tenant_id = a.tenant_id AND m.alliance_id = a.id AND m.role = 'CHAIR' AND m.exited_on IS NULL) AS chair,
              (SELECT count(*)::int FROM alliance_member m
                WHERE m.tenant_id = a.tenant_id AND m.alliance_id = a.id AND m.exited_on IS NULL) AS members
       FROM alliance a JOIN industry i ON i.code = a.industry_code JOIN tenant t ON t.id = a.tenant_id
       WHERE a.id = ANY($1)`,
      [ids],
    );
  }
}
