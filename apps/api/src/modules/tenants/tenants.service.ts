import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { notFound } from '../../common/errors/app-error';
import { TenantEntity } from './tenant.entity';
import { type DivisionSummaryModel, toTenantModel } from './tenant.model';

@Injectable()
export class TenantsService {
  async byId(db: EntityManager, id: string): Promise<TenantEntity> {
    const tenant = await db.findOneBy(TenantEntity, { id });
    if (!tenant) throw notFound();
    return tenant;
  }

  byCode(db: EntityManager, code: string): Promise<TenantEntity | null> {
    return db.findOneBy(TenantEntity, { code });
  }

  /** The province and its cities, in code order, for the sign-in pages. */
  signInTenants(db: EntityManager): Promise<TenantEntity[]> {
    return db.find(TenantEntity, { order: { code: 'ASC' } });
  }

  /** The province's divisions with aggregates; the database refuses callers below the province. */
  async divisions(db: EntityManager, provinceId: string): Promise<DivisionSummaryModel[]> {
    const cities = await db.find(TenantEntity, { where: { parentId: provinceId }, order: { code: 'ASC' } });
    const users = await db.query<{ tenant_id: string; user_count: string }[]>(
      'SELECT * FROM division_user_counts()',
    );
    const alliances = await db.query<
      {
        tenant_id: string;
        alliances: string;
        established: string;
        city_pilots: string;
        provincial_pilots: string;
      }[]
    >('SELECT * FROM division_alliance_counts()');
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
