import { Injectable } from '@nestjs/common';
import { normalizeCreditCode } from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { isId } from '../../common/access/access';
import { OrganizationEntity } from './organization.entity';

export type NewOrganization = Omit<OrganizationEntity, 'id' | 'divisionCode' | 'createdAt'>;
export type OrganizationCorrection = Pick<
  OrganizationEntity,
  'name' | 'type' | 'legalRepresentative' | 'industryBackbone' | 'backboneBasis' | 'updatedAt'
>;

/** The shared directory of legal persons (not tenant-owned: every tier reads it). */
@Injectable()
export class OrganizationsRepository {
  async find(db: EntityManager, id: string): Promise<OrganizationEntity | null> {
    return isId(id) ? db.findOneBy(OrganizationEntity, { id }) : null;
  }

  async byIds(db: EntityManager, ids: readonly string[]): Promise<OrganizationEntity[]> {
    if (ids.length === 0) return [];
    return db
      .createQueryBuilder(OrganizationEntity, 'o')
      .where('o.id = ANY(:ids)', { ids: [...new Set(ids)] })
      .getMany();
  }

  /** By a normalised credit code. */
  byCreditCode(db: EntityManager, creditCode: string): Promise<OrganizationEntity | null> {
    return db.findOneBy(OrganizationEntity, { creditCode });
  }

  /** Name containing `term` or credit code starting with it, by name, at most `limit`. */
  search(db: EntityManager, term: string, limit: number): Promise<OrganizationEntity[]> {
    const query = db.createQueryBuilder(OrganizationEntity, 'o').orderBy('o.name', 'ASC').limit(limit);
    if (term) {
      const escaped = term.replace(/[\\%_]/g, (c) => `\\${c}`);
      query.where('o.name ILIKE :contains OR o.credit_code LIKE :prefix', {
        contains: `%${escaped}%`,
        prefix: `${normalizeCreditCode(escaped)}%`,
      });
    }
    return query.getMany();
  }

  /** The new entry's id; a credit code already in the directory fails with a unique violation. */
  async insert(db: EntityManager, organization: NewOrganization): Promise<string> {
    const saved = await db.save(db.create(OrganizationEntity, organization));
    return saved.id;
  }

  /** Writes a correction if the entry is still at `version`; false when it is not. */
  async correct(
    db: EntityManager,
    id: string,
    version: number,
    correction: OrganizationCorrection,
  ): Promise<boolean> {
    const result = await db.update(
      OrganizationEntity,
      { id, version },
      { ...correction, version: version + 1 },
    );
    return result.affected === 1;
  }
}
