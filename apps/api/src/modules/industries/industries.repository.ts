import { Injectable } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import { IndustryEntity } from './industry.entity';

/** The industry taxonomy (data, shared by every tenant). */
@Injectable()
export class IndustriesRepository {
  /** The whole taxonomy in the national and Hunan classifications' order. */
  list(db: EntityManager): Promise<IndustryEntity[]> {
    return db.find(IndustryEntity, { order: { sortOrder: 'ASC' } });
  }

  byCodes(db: EntityManager, codes: readonly string[]): Promise<IndustryEntity[]> {
    return db.findBy(IndustryEntity, { code: In([...codes]) });
  }

  exists(db: EntityManager, code: string): Promise<boolean> {
    return db.existsBy(IndustryEntity, { code });
  }
}
