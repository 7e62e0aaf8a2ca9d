import { Injectable } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import { isId } from '../../common/access/access';
import { TenantEntity } from './tenant.entity';

export type DivisionUserCount = { tenant_id: string; user_count: string };
export type DivisionAllianceCount = {
  tenant_id: string;
  alliances: string;
  established: string;
  city_pilots: string;
  provincial_pilots: string;
};

/** The tenant tree (province → cities) and the province's per-city aggregates. */
@Injectable()
export class TenantsRepository {
  async find(db: EntityManager, id: string): Promise<TenantEntity | null> {
    return isId(id) ? db.findOneBy(TenantEntity, { id }) : null;
  }

  byIds(db: EntityManager, ids: readonly string[]): Promise<TenantEntity[]> {
    return db.findBy(TenantEntity, { id: In([...ids]) });
  }

  byCode(db: EntityManager, code: string): Promise<TenantEntity | null> {
    return db.findOneBy(TenantEntity, { code });
  }

  /** Every tenant, in code order (the province first). */
  list(db: EntityManager): Promise<TenantEntity[]> {
    return db.find(TenantEntity, { order: { code: 'ASC' } });
  }

  childrenOf(db: EntityManager, parentId: string): Promise<TenantEntity[]> {
    return db.find(TenantEntity, { where: { parentId }, order: { code: 'ASC' } });
  }

  // The two aggregate functions refuse callers below the province (SECURITY DEFINER, checked inside).
  userCounts(db: EntityManager): Promise<DivisionUserCount[]> {
    return db.query<DivisionUserCount[]>('SELECT * FROM division_user_counts()');
  }

  allianceCounts(db: EntityManager): Promise<DivisionAllianceCount[]> {
    return db.query<DivisionAllianceCount[]>('SELECT * FROM division_alliance_counts()');
  }
}
