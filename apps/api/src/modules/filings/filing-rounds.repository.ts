import { Injectable } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import { isId } from '../../common/access/access';
import { FilingRoundEntity } from './filing.entity';

export type FilingRoundFields = Pick<
  FilingRoundEntity,
  | 'year'
  | 'documentNumber'
  | 'opensAt'
  | 'closesAt'
  | 'quotaPerUnit'
  | 'reviewRequired'
  | 'noticeDays'
  | 'requiredDocuments'
>;

/** The statements of filing rounds, in the caller's transaction (row-level security applies). */
@Injectable()
export class FilingRoundsRepository {
  /** The province's own rounds in any status, or (for a city) its published ones; newest first. */
  list(db: EntityManager): Promise<FilingRoundEntity[]> {
    return db.find(FilingRoundEntity, { order: { year: 'DESC', opensAt: 'DESC' } });
  }

  find(db: EntityManager, id: string): Promise<FilingRoundEntity | null> {
    return isId(id) ? db.findOneBy(FilingRoundEntity, { id }) : Promise.resolve(null);
  }

  /** The rounds of `ids` the viewer reads, in one statement. */
  findMany(db: EntityManager, ids: readonly string[]): Promise<FilingRoundEntity[]> {
    const valid = ids.filter(isId);
    return valid.length ? db.findBy(FilingRoundEntity, { id: In(valid) }) : Promise.resolve([]);
  }

  async insert(
    db: EntityManager,
    tenantId: string,
    createdBy: string,
    fields: FilingRoundFields,
  ): Promise<string> {
    const result = await db.insert(FilingRoundEntity, {
      ...fields,
      tenantId,
      createdBy,
      status: 'DRAFT',
      version: 1,
    });
    return result.identifiers[0]!.id as string;
  }

  /** Writes a draft if it is still at `version`; false when another edit or the publication came first. */
  async updateDraft(
    db: EntityManager,
    id: string,
    version: number,
    fields: FilingRoundFields,
  ): Promise<boolean> {
    const result = await db.update(
      FilingRoundEntity,
      { id, version, status: 'DRAFT' },
      { ...fields, version: version + 1 },
    );
    return result.affected === 1;
  }

  async publish(db: EntityManager, id: string, version: number, now: Date): Promise<boolean> {
    const result = await db.update(
      FilingRoundEntity,
      { id, version, status: 'DRAFT' },
      { status: 'PUBLISHED', publishedAt: now, version: version + 1 },
    );
    return result.affected === 1;
  }

  /** The province's city bureaus (whom a round's reminder reaches). */
  async cities(db: EntityManager, provinceTenantId: string): Promise<string[]> {
    const rows = await db.query<{ id: string }[]>('SELECT id FROM tenant WHERE parent_id = $1', [
      provinceTenantId,
    ]);
    return rows.map((r) => r.id);
  }
}
