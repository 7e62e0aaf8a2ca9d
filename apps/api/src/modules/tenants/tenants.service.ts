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
    const [cities, counts] = await Promise.all([
      db.find(TenantEntity, { where: { parentId: provinceId }, order: { code: 'ASC' } }),
      db.query<{ tenant_id: string; user_count: string }[]>('SELECT * FROM division_user_counts()'),
    ]);
    const userCounts = new Map(counts.map((c) => [c.tenant_id, Number(c.user_count)]));
    return cities.map((city) => ({ tenant: toTenantModel(city), userCount: userCounts.get(city.id) ?? 0 }));
  }
}
