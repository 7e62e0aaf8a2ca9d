import { Injectable } from '@nestjs/common';
import type { TenantLevel } from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { isId } from '../../common/access/access';
import { MeasuresEntity } from './measures.entity';

export type NewMeasures = Pick<
  MeasuresEntity,
  | 'tenantId'
  | 'versionNo'
  | 'title'
  | 'documentNumber'
  | 'effectiveOn'
  | 'derivesFromTenantId'
  | 'derivesFromId'
  | 'parameters'
  | 'status'
  | 'publishedAt'
  | 'createdBy'
>;
export type MeasuresFields = Pick<MeasuresEntity, 'title' | 'documentNumber' | 'effectiveOn' | 'parameters'>;

/** Every statement the measures feature runs, in the caller's transaction (row-level security applies). */
@Injectable()
export class MeasuresRepository {
  /** The viewer's own versions and those its parent tier has published, the higher tier first. */
  versions(db: EntityManager): Promise<MeasuresEntity[]> {
    return db
      .createQueryBuilder(MeasuresEntity, 'm')
      .innerJoin('tenant', 't', 't.id = m.tenant_id')
      .orderBy('t.level', 'DESC')
      .addOrderBy('m.version_no', 'DESC')
      .getMany();
  }

  /** The latest published version of a tier effective by `asOf` (of one tenant, when given). */
  latestPublished(
    db: EntityManager,
    tenantLevel: TenantLevel,
    asOf: string,
    tenantId?: string,
  ): Promise<MeasuresEntity | null> {
    const query = db
      .createQueryBuilder(MeasuresEntity, 'm')
      .innerJoin('tenant', 't', 't.id = m.tenant_id')
      .where(`m.status = 'PUBLISHED' AND m.effective_on <= :asOf AND t.level = :tenantLevel`, {
        asOf,
        tenantLevel,
      })
      .orderBy('m.effective_on', 'DESC')
      .addOrderBy('m.version_no', 'DESC');
    if (tenantId) query.andWhere('m.tenant_id = :tenantId', { tenantId });
    return query.getOne();
  }

  /**
   * The province's latest published version effective by `asOf` and, for a city, its own: one
   * statement for both, as the register reads them for every page.
   */
  async inForce(
    db: EntityManager,
    asOf: string,
    cityTenantId: string | null,
  ): Promise<{ province: MeasuresEntity | null; local: MeasuresEntity | null }> {
    const rows = await db
      .createQueryBuilder(MeasuresEntity, 'm')
      .innerJoin('tenant', 't', 't.id = m.tenant_id')
      .where(`m.status = 'PUBLISHED' AND m.effective_on <= :asOf`, { asOf })
      .andWhere(cityTenantId ? `(t.level = 'PROVINCE' OR m.tenant_id = :city)` : `t.level = 'PROVINCE'`, {
        city: cityTenantId,
      })
      .orderBy('m.effective_on', 'DESC')
      .addOrderBy('m.version_no', 'DESC')
      .getMany();
    return {
      province: rows.find((m) => m.tenantId !== cityTenantId) ?? null,
      local: cityTenantId ? (rows.find((m) => m.tenantId === cityTenantId) ?? null) : null,
    };
  }

  async find(db: EntityManager, id: string): Promise<MeasuresEntity | null> {
    return isId(id) ? db.findOneBy(MeasuresEntity, { id }) : null;
  }

  async nextVersionNo(db: EntityManager, tenantId: string): Promise<number> {
    const [{ next }] = await db.query<[{ next: number }]>(
      'SELECT coalesce(max(version_no), 0) + 1 AS next FROM measures WHERE tenant_id = $1',
      [tenantId],
    );
    return next;
  }

  insert(db: EntityManager, measures: NewMeasures): Promise<MeasuresEntity> {
    return db.save(db.create(MeasuresEntity, measures));
  }

  /** Writes a draft's fields if it is still the draft at `version`; false when it is not. */
  async updateDraft(
    db: EntityManager,
    id: string,
    version: number,
    fields: MeasuresFields,
    at: Date,
  ): Promise<boolean> {
    const result = await db.update(
      MeasuresEntity,
      { id, status: 'DRAFT', version },
      { ...fields, version: version + 1, updatedAt: at },
    );
    return result.affected === 1;
  }

  /** Publishes the draft; false when it was published meanwhile. */
  async publish(db: EntityManager, id: string, at: Date): Promise<boolean> {
    const result = await db.update(
      MeasuresEntity,
      { id, status: 'DRAFT' },
      { status: 'PUBLISHED', publishedAt: at },
    );
    return result.affected === 1;
  }
}
