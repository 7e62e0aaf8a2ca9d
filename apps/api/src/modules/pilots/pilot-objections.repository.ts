import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { isId } from '../../common/access/access';
import { PilotObjectionEntity } from './pilot-application.entity';

export type NewPilotObjection = Omit<PilotObjectionEntity, 'id'>;

/** Every statement about objections raised during public notice (公示), in the caller's transaction. */
@Injectable()
export class PilotObjectionsRepository {
  async find(db: EntityManager, id: string): Promise<PilotObjectionEntity | null> {
    return isId(id) ? db.findOneBy(PilotObjectionEntity, { id }) : null;
  }

  /** The objections to an application, kept by its authority, in the order received. */
  listFor(
    db: EntityManager,
    application: { id: string; authorityTenantId: string },
  ): Promise<PilotObjectionEntity[]> {
    return db.find(PilotObjectionEntity, {
      where: { tenantId: application.authorityTenantId, applicationId: application.id },
      order: { receivedOn: 'ASC', recordedAt: 'ASC' },
    });
  }

  /** Objections to the application not yet answered. */
  async openCount(
    db: EntityManager,
    application: { id: string; authorityTenantId: string },
  ): Promise<number> {
    const [row] = await db.query<{ open: number }[]>(
      `SELECT count(*)::int AS open FROM pilot_objection
        WHERE tenant_id = $1 AND application_id = $2 AND answer IS NULL`,
      [application.authorityTenantId, application.id],
    );
    return row?.open ?? 0;
  }

  async insert(db: EntityManager, objection: NewPilotObjection): Promise<string> {
    const saved = await db.save(db.create(PilotObjectionEntity, objection));
    return saved.id;
  }

  /** Answers the objection if nobody has yet; false when it was answered meanwhile. */
  async answer(db: EntityManager, id: string, answer: string, at: Date, by: string): Promise<boolean> {
    const result = await db
      .createQueryBuilder()
      .update(PilotObjectionEntity)
      .set({ answer, answeredAt: at, answeredBy: by })
      .where('id = :id AND answer IS NULL', { id })
      .execute();
    return result.affected === 1;
  }
}
