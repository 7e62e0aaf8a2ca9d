import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { actOn } from '../../common/access/access';
import type { TenantEntity } from './tenant.entity';
import { type DivisionSummaryModel, toTenantModel } from './tenant.model';
import { TenantsRepository } from './tenants.repository';

@Injectable()
export class TenantsService {
  constructor(private readonly tenants: TenantsRepository) {}

  async byId(db: EntityManager, id: string): Promise<TenantEntity> {
    return actOn(await this.tenants.find(db, id));
  }

  byIds(db: EntityManager, ids: readonly string[]): Promise<TenantEntity[]> {
    return this.tenants.byIds(db, ids);
  }

  byCode(db: EntityManager, code: string): Promise<TenantEntity | null> {
    return this.tenants.byCode(db, code);
  }

  /** The tenants directly below `parentId` (a province's cities), in code order. */
  childrenOf(db: EntityManager, parentId: string): Promise<TenantEntity[]> {
    return this.tenants.childrenOf(db, parentId);
  }

  /** The province and its cities, in code order, for the sign-in pages. */
  signInTenants(db: EntityManager): Promise<TenantEntity[]> {
    return this.tenants.list(db);
  }

  /** The province's divisions with aggregates; the database refuses callers below the province. */
  async divisions(db: EntityManager, provinceId: string): Promise<DivisionSummaryModel[]> {
    // One connection per request runs one statement at a time: three queries in turn.
    const cities = await this.tenants.childrenOf(db, provinceId);
    const users = await this.tenants.userCounts(db);
    const alliances = await this.tenants.allianceCounts(db);
    const userCounts = new Map(users.map((c) => [c.tenant_id, Number(c.user_count)]));
    const allianceCounts = new Map(alliances.map((c) => [c.tenant_id, c]));
    return cities.map((city) => {
      const counts = allianceCounts.get(city.id);
      return {
        tenant: toTenantModel(city),
        userCount: userCounts.get(city.id) ?? 0,
        allianceCount: Number(counts?.alliances ?? 0),
        establishedCount: Number(counts?.established ?? 0),
        cityPilotCount: Number(counts?.city_pilots ?? 0),
        provincialPilotCount: Number(counts?.provincial_pilots ?? 0),
      };
    });
  }
}
