import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { IndustryEntity } from './industry.entity';

/** The industry taxonomy (data, shared by every tenant). */
@Injectable()
export class IndustriesRepository {
  // Only a migration changes the taxonomy, and migrations run before the API starts: read once.
  private taxonomy: ReadonlyMap<string, IndustryEntity> | null = null;
  // Until then, the read under way in each request's transaction, shared by that request's fields.
  private readonly reading = new WeakMap<EntityManager, Promise<ReadonlyMap<string, IndustryEntity>>>();

  /** The whole taxonomy in the national and Hunan classifications' order. */
  list(db: EntityManager): Promise<IndustryEntity[]> {
    return db.find(IndustryEntity, { order: { sortOrder: 'ASC' } });
  }

  /** Of `codes`, the industries that exist, from the taxonomy this process read once. */
  async byCodes(db: EntityManager, codes: readonly string[]): Promise<IndustryEntity[]> {
    if (codes.length === 0) return [];
    const taxonomy = await this.taxonomyRead(db);
    return codes.flatMap((code) => taxonomy.get(code) ?? []);
  }

  /** The industry of `code`, if it exists; after the first read no statement is sent. */
  async byCode(db: EntityManager, code: string): Promise<IndustryEntity | undefined> {
    const [industry] = await this.byCodes(db, [code]);
    return industry;
  }

  // Each request that finds it unread reads it in its own transaction: no request waits on another's.
  private async taxonomyRead(db: EntityManager): Promise<ReadonlyMap<string, IndustryEntity>> {
    if (this.taxonomy) return this.taxonomy;
    let reading = this.reading.get(db);
    if (!reading) {
      reading = this.list(db).then((rows) => new Map(rows.map((i) => [i.code, i])));
      this.reading.set(db, reading);
    }
    this.taxonomy = await reading;
    return this.taxonomy;
  }

  exists(db: EntityManager, code: string): Promise<boolean> {
    return db.existsBy(IndustryEntity, { code });
  }
}
