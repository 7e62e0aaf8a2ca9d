import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { IndustryEntity } from './industry.entity';

/** The industry taxonomy (data, shared by every tenant). */
@Injectable()
export class IndustriesRepository {
  // Only a migration changes the taxonomy, and migrations run before the API starts: read once.
  private taxonomy: ReadonlyMap<string, IndustryEntity> | null = null;

  /** The whole taxonomy in the national and Hunan classifications' order. */
  list(db: EntityManager): Promise<IndustryEntity[]> {
    return db.find(IndustryEntity, { order: { sortOrder: 'ASC' } });
  }

  /** Of `codes`, the industries that exist, from the taxonomy this process read once. */
  async byCodes(db: EntityManager, codes: readonly string[]): Promise<IndustryEntity[]> {
    if (codes.length === 0) return [];
    // Each request that finds it unread reads it in its own transaction: no request waits on another's.
    if (!this.taxonomy) this.taxonomy = new Map((await this.list(db)).map((i) => [i.code, i]));
    const taxonomy = this.taxonomy;
    return codes.flatMap((code) => taxonomy.get(code) ?? []);
  }

  exists(db: EntityManager, code: string): Promise<boolean> {
    return db.existsBy(IndustryEntity, { code });
  }
}
