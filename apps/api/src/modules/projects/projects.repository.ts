import { Injectable } from '@nestjs/common';
import {
  type BalanceGrouping,
  type BudgetSource,
  type LedgerEntry,
  type LedgerEntryKind,
  OPEN_PROJECT_STATES,
  type ProjectState,
  type TaskContract,
  type TenantLevel,
} from '@xiangmeng/domain';
import { type EntityManager, In } from 'typeorm';
import { isId } from '../../common/access/access';
import { ProgrammeEntity } from '../programmes/programme.entity';
import { ProjectEntity, ProjectLedgerEntryEntity } from './project.entity';
import { ledgerRefusalOf } from './projects.errors';
import { IndustryEntity } from '../industries/industry.entity';

export type ProjectFilter = {
  programmeId?: string | null;
  state?: ProjectState | null;
  allianceId?: string | null;
  /** The alliance's home city. */
  cityTenantId?: string | null;
  /** The year of the award. */
  year?: number | null;
  first: number;
  offset: number;
};

export type NewProject = {
  tenantId: string;
  allianceTenantId: string;
  programmeId: string;
  applicationId: string;
  allianceId: string;
  title: string;
  awardFen: string;
  supportSource: BudgetSource;
  awardedOn: string;
  contract: TaskContract;
  createdBy: string | null;
};

/** The ledger entry's document number and note, at most (the columns' checks). */
export const LEDGER_DOCUMENT_MAX = 100;
export const LEDGER_NOTE_MAX = 2000;

export type NewLedgerEntry = {
  tenantId: string;
  projectId: string;
  kind: LedgerEntryKind;
  amountFen: string;
  entryOn: string;
  documentNumber: string;
  note: string;
  recordedBy: string | null;
};

export type BalanceRow = {
  key: string;
  awardedFen: string;
  disbursedFen: string;
  recoveredFen: string;
  netFen: string;
};

export type BalanceFilter = {
  programmeId?: string | null;
  cityTenantId?: string | null;
  year?: number | null;
};

// The group each project (and each of its entries) counts in; YEAR reads the award's or the entry's date.
const KEY_OF: Record<BalanceGrouping, (date: string) => string> = {
  PROJECT: () => 'p.id::text',
  PROGRAMME: () => 'p.programme_id::text',
  // The city's division code (430200), as people name cities.
  CITY: () => '(SELECT t.code FROM tenant t WHERE t.id = p.alliance_tenant_id)',
  YEAR: (date) => `to_char(${date}, 'YYYY')`,
};

/** Every statement of the projects feature, in the caller's transaction (row-level security applies). */
@Injectable()
export class ProjectsRepository {
  find(db: EntityManager, id: string): Promise<ProjectEntity | null> {
    return isId(id) ? db.findOneBy(ProjectEntity, { id }) : Promise.resolve(null);
  }

  async insert(db: EntityManager, p: NewProject): Promise<string> {
    const { identifiers } = await db.insert(ProjectEntity, {
      tenantId: p.tenantId,
      allianceTenantId: p.allianceTenantId,
      programmeId: p.programmeId,
      applicationId: p.applicationId,
      allianceId: p.allianceId,
      title: p.title,
      awardFen: p.awardFen,
      supportSource: p.supportSource,
      awardedOn: p.awardedOn,
      dossier: p.contract,
      createdBy: p.createdBy,
    });
    return identifiers[0]!.id as string;
  }

  async tenantIdByCode(db: EntityManager, code: string): Promise<string | null> {
    const rows = await db.query<{ id: string }[]>('SELECT id FROM tenant WHERE code = $1', [code]);
    return rows[0]?.id ?? null;
  }

  async tenantLevel(db: EntityManager, tenantId: string): Promise<TenantLevel | null> {
    const rows = await db.query<{ level: TenantLevel }[]>('SELECT level FROM tenant WHERE id = $1', [
      tenantId,
    ]);
    return rows[0]?.level ?? null;
  }

  programme(db: EntityManager, id: string): Promise<ProgrammeEntity | null> {
    return isId(id) ? db.findOneBy(ProgrammeEntity, { id }) : Promise.resolve(null);
  }

  industry(db: EntityManager, code: string): Promise<IndustryEntity | null> {
    return db.findOneBy(IndustryEntity, { code });
  }

  /** The alliance's name and industry, as its home bureau reads it (null for anyone else). */
  async allianceOf(db: EntityManager, id: string): Promise<{ name: string; industryCode: string } | null> {
    if (!isId(id)) return null;
    const rows = await db.query<{ name: string; industry_code: string }[]>(
      'SELECT name, industry_code FROM alliance WHERE id = $1',
      [id],
    );
    return rows[0] ? { name: rows[0].name, industryCode: rows[0].industry_code } : null;
  }

  async organizationName(db: EntityManager, id: string): Promise<string | null> {
    if (!isId(id)) return null;
    const rows = await db.query<{ name: string }[]>('SELECT name FROM organization WHERE id = $1', [id]);
    return rows[0]?.name ?? null;
  }

  private filtered(db: EntityManager, filter: Omit<ProjectFilter, 'first' | 'offset'>) {
    const query = db.createQueryBuilder(ProjectEntity, 'p');
    if (filter.programmeId)
      query.andWhere('p.programme_id = :programmeId', { programmeId: filter.programmeId });
    if (filter.state) query.andWhere('p.state = :state', { state: filter.state });
    if (filter.allianceId) query.andWhere('p.alliance_id = :allianceId', { allianceId: filter.allianceId });
    if (filter.cityTenantId) query.andWhere('p.alliance_tenant_id = :city', { city: filter.cityTenantId });
    if (filter.year)
      query.andWhere(`p.awarded_on >= make_date(:year, 1, 1) AND p.awarded_on < make_date(:year + 1, 1, 1)`, {
        year: filter.year,
      });
    return query;
  }

  async list(db: EntityManager, filter: ProjectFilter): Promise<[ProjectEntity[], number]> {
    return this.filtered(db, filter)
      .orderBy('p.created_at', 'DESC')
      .addOrderBy('p.id', 'DESC')
      .take(filter.first)
      .skip(filter.offset)
      .getManyAndCount();
  }

  /** The alliance's projects a dissolution would freeze, as its home bureau or an authority reads them. */
  openOfAlliance(db: EntityManager, allianceId: string): Promise<ProjectEntity[]> {
    if (!isId(allianceId)) return Promise.resolve([]);
    return db
      .createQueryBuilder(ProjectEntity, 'p')
      .where('p.alliance_id = :allianceId', { allianceId })
      .andWhere('p.state IN (:...states)', { states: [...OPEN_PROJECT_STATES] })
      .orderBy('p.created_at', 'ASC')
      .getMany();
  }

  entries(db: EntityManager, projectId: string): Promise<ProjectLedgerEntryEntity[]> {
    return db.find(ProjectLedgerEntryEntity, {
      where: { projectId },
      order: { entryOn: 'ASC', recordedAt: 'ASC' },
    });
  }

  entriesOf(db: EntityManager, projectIds: readonly string[]): Promise<ProjectLedgerEntryEntity[]> {
    const ids = projectIds.filter(isId);
    if (!ids.length) return Promise.resolve([]);
    return db.find(ProjectLedgerEntryEntity, {
      where: { projectId: In(ids) },
      order: { entryOn: 'ASC', recordedAt: 'ASC' },
    });
  }

  async ledger(db: EntityManager, projectId: string): Promise<LedgerEntry[]> {
    return (await this.entries(db, projectId)).map((e) => ({
      projectId: e.projectId,
      kind: e.kind,
      amountFen: String(e.amountFen),
      on: e.entryOn,
    }));
  }

  /** The insert, with the database's refusal (a concurrent entry took the room) as the domain's code. */
  async insertEntry(db: EntityManager, e: NewLedgerEntry): Promise<string> {
    try {
      const { identifiers } = await db.insert(ProjectLedgerEntryEntity, {
        ...e,
        recordedAt: new Date(),
      });
      return identifiers[0]!.id as string;
    } catch (error) {
      throw ledgerRefusalOf(error) ?? error;
    }
  }

  entry(db: EntityManager, id: string): Promise<ProjectLedgerEntryEntity | null> {
    return db.findOneBy(ProjectLedgerEntryEntity, { id });
  }

  /** Whether the project's alliance has dissolved (a definer function: the authority reads no register). */
  async allianceDissolved(db: EntityManager, projectId: string): Promise<boolean> {
    const rows = await db.query<{ dissolved: boolean | null }[]>(
      'SELECT project_alliance_dissolved($1) AS dissolved',
      [projectId],
    );
    return rows[0]?.dissolved === true;
  }

  /**
   * Awards and ledger sums of the projects the viewer reads, grouped; read from the ledger every
   * time (nothing is stored twice). An award counts in its year, an entry in its own.
   */
  async balances(db: EntityManager, by: BalanceGrouping, filter: BalanceFilter): Promise<BalanceRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.programmeId) {
      params.push(filter.programmeId);
      where.push(`programme_id = $${params.length}`);
    }
    if (filter.cityTenantId) {
      params.push(filter.cityTenantId);
      where.push(`alliance_tenant_id = $${params.length}`);
    }
    const yearOf = (date: string) => `to_char(${date}, 'YYYY')`;
    const key = KEY_OF[by];
    const rows = await db.query<{ key: string; awarded: string; disbursed: string; recovered: string }[]>(
      `WITH p AS (SELECT id, programme_id, alliance_tenant_id, award_fen, awarded_on FROM project
                   ${where.length ? `WHERE ${where.join(' AND ')}` : ''}),
            moves AS (
              SELECT ${key('p.awarded_on')} AS key, p.awarded_on AS on_date, p.award_fen AS awarded,
                     0::bigint AS disbursed, 0::bigint AS recovered
                FROM p
              UNION ALL
              SELECT ${key('e.entry_on')}, e.entry_on, 0,
                     CASE WHEN e.kind = 'DISBURSEMENT' THEN e.amount_fen ELSE 0 END,
                     CASE WHEN e.kind = 'RECOVERY' THEN e.amount_fen ELSE 0 END
                FROM project_ledger_entry e JOIN p ON p.id = e.project_id)
       SELECT key, sum(awarded)::text AS awarded, sum(disbursed)::text AS disbursed,
              sum(recovered)::text AS recovered
         FROM moves
        ${filter.year ? `WHERE ${yearOf('on_date')} = $${params.push(String(filter.year))}` : ''}
        GROUP BY key ORDER BY key`,
      params,
    );
    return rows.map((r) => ({
      key: r.key,
      awardedFen: r.awarded,
      disbursedFen: r.disbursed,
      recoveredFen: r.recovered,
      netFen: (BigInt(r.disbursed) - BigInt(r.recovered)).toString(),
    }));
  }
}
