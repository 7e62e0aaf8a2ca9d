import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { isId } from '../../common/access/access';
import { ProgrammeEntity } from './programme.entity';

export type ProgrammeFields = Pick<
  ProgrammeEntity,
  | 'name'
  | 'kind'
  | 'year'
  | 'totalBudgetFen'
  | 'perProjectCapFen'
  | 'criteria'
  | 'awardNoticeDays'
  | 'acceptanceNoticeDays'
>;

export type NewProgramme = ProgrammeFields &
  Pick<ProgrammeEntity, 'tenantId' | 'measuresTenantId' | 'measuresId' | 'measuresVersionNo' | 'createdBy'>;

/** The statements of support programmes, in the caller's transaction (row-level security applies). */
@Injectable()
export class ProgrammesRepository {
  /** The viewer's own programmes in any status and its parent tier's published ones; newest year first. */
  list(db: EntityManager): Promise<ProgrammeEntity[]> {
    return db.find(ProgrammeEntity, { order: { year: 'DESC', createdAt: 'DESC', id: 'DESC' } });
  }

  find(db: EntityManager, id: string): Promise<ProgrammeEntity | null> {
    return isId(id) ? db.findOneBy(ProgrammeEntity, { id }) : Promise.resolve(null);
  }

  async insert(db: EntityManager, programme: NewProgramme): Promise<string> {
    const result = await db.insert(ProgrammeEntity, { ...programme, status: 'DRAFT', version: 1 });
    return result.identifiers[0]!.id as string;
  }

  /** Writes a draft if it is still at `version`; false when another edit or the publication came first. */
  async updateDraft(
    db: EntityManager,
    id: string,
    version: number,
    fields: ProgrammeFields,
  ): Promise<boolean> {
    const result = await db.update(
      ProgrammeEntity,
      { id, version, status: 'DRAFT' },
      { ...fields, version: version + 1 },
    );
    return result.affected === 1;
  }

  async publish(db: EntityManager, id: string, version: number, at: Date): Promise<boolean> {
    const result = await db.update(
      ProgrammeEntity,
      { id, version, status: 'DRAFT' },
      { status: 'PUBLISHED', publishedAt: at, version: version + 1 },
    );
    return result.affected === 1;
  }
}
