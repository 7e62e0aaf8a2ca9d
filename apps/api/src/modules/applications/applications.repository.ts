import { Injectable } from '@nestjs/common';
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** The engine's one statement: moving a record of any kind, guarded by the state and version read. */
@Injectable()
export class ApplicationsRepository {
  /**
   * Writes `changes` (the effect with the new state and version) if the record is still in `from`
   * at `version`; false when another action got there first.
   */
  async move<Row extends ObjectLiteral>(
    db: EntityManager,
    entity: EntityTarget<Row>,
    record: { id: string; from: string; version: number },
    changes: Partial<Row>,
  ): Promise<boolean> {
    const moved = await db.update(
      entity,
      { id: record.id, state: record.from, version: record.version },
      changes,
    );
    return moved.affected === 1;
  }
}
