import { Injectable } from '@nestjs/common';
import type { NoticeSubjectType, ObjectionTally } from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { isId } from '../../common/access/access';
import { SupportObjectionEntity } from './support-objection.entity';

/** What an objection's subject says of its notice, as far as the caller reads it. */
export type NoticeSubject = {
  type: NoticeSubjectType;
  id: string;
  authorityTenantId: string;
  state: string;
  noticeStartsOn: string | null;
  noticeEndsOn: string | null;
};

/** The state each subject type is in notice in. */
export const IN_NOTICE: Record<NoticeSubjectType, string> = {
  programme_application: 'PUBLICISED',
  project: 'ACCEPTANCE_PUBLICISED',
};

/** Every statement about objections to support notices, in the caller's transaction. */
@Injectable()
export class SupportObjectionsRepository {
  async subject(db: EntityManager, type: NoticeSubjectType, id: string): Promise<NoticeSubject | null> {
    if (!isId(id)) return null;
    const sql =
      type === 'programme_application'
        ? `SELECT id, authority_tenant_id, state, to_char(notice_starts_on, 'YYYY-MM-DD') AS starts,
                  to_char(notice_ends_on, 'YYYY-MM-DD') AS ends FROM programme_application WHERE id = $1`
        : `SELECT id, tenant_id AS authority_tenant_id, state, to_char(notice_starts_on, 'YYYY-MM-DD') AS starts,
                  to_char(notice_ends_on, 'YYYY-MM-DD') AS ends FROM project WHERE id = $1`;
    const [row] = await db.query<
      { id: string; authority_tenant_id: string; state: string; starts: string | null; ends: string | null }[]
    >(sql, [id]);
    return row
      ? {
          type,
          id: row.id,
          authorityTenantId: row.authority_tenant_id,
          state: row.state,
          noticeStartsOn: row.starts,
          noticeEndsOn: row.ends,
        }
      : null;
  }

  /** Objections and the decision on one subject queue behind each other instead of racing. */
  async lock(db: EntityManager, subject: { type: NoticeSubjectType; id: string }): Promise<void> {
    const table = subject.type === 'programme_application' ? 'programme_application' : 'project';
    await db.query(`SELECT 1 FROM ${table} WHERE id = $1 FOR UPDATE`, [subject.id]);
  }

  async find(db: EntityManager, id: string): Promise<SupportObjectionEntity | null> {
    return isId(id) ? db.findOneBy(SupportObjectionEntity, { id }) : null;
  }

  /** The objections to a subject, kept by its authority, in the order received. */
  listFor(
    db: EntityManager,
    subject: { type: NoticeSubjectType; id: string; authorityTenantId: string },
  ): Promise<SupportObjectionEntity[]> {
    return db.find(SupportObjectionEntity, {
      where: { tenantId: subject.authorityTenantId, subjectType: subject.type, subjectId: subject.id },
      order: { receivedOn: 'ASC', recordedAt: 'ASC' },
    });
  }

  /** Objections not yet answered, and those answered as sustained. */
  async tally(
    db: EntityManager,
    subject: { type: NoticeSubjectType; id: string; authorityTenantId: string },
  ): Promise<ObjectionTally> {
    const [row] = await db.query<{ open: number; sustained: number }[]>(
      `SELECT count(*) FILTER (WHERE answer IS NULL)::int AS open,
              count(*) FILTER (WHERE sustained)::int AS sustained
         FROM support_objection WHERE tenant_id = $1 AND subject_type = $2 AND subject_id = $3`,
      [subject.authorityTenantId, subject.type, subject.id],
    );
    return { open: row?.open ?? 0, sustained: row?.sustained ?? 0 };
  }

  async insert(db: EntityManager, objection: Omit<SupportObjectionEntity, 'id'>): Promise<string> {
    const saved = await db.save(db.create(SupportObjectionEntity, objection));
    return saved.id;
  }

  /** Answers the objection if nobody has yet; false when it was answered meanwhile. */
  async answer(
    db: EntityManager,
    id: string,
    answer: { text: string; sustained: boolean; at: Date; by: string },
  ): Promise<boolean> {
    const result = await db
      .createQueryBuilder()
      .update(SupportObjectionEntity)
      .set({ answer: answer.text, sustained: answer.sustained, answeredAt: answer.at, answeredBy: answer.by })
      .where('id = :id AND answer IS NULL', { id })
      .execute();
    return result.affected === 1;
  }
}
