import { Injectable } from '@nestjs/common';
import type { Role } from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { isId } from '../../common/access/access';

export type Message = {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  subjectType: string | null;
  subjectId: string | null;
  createdAt: Date;
  readAt: Date | null;
};

/** Who a message goes to: the users of a tenant holding one of the roles, or one user. */
export type Recipients = { tenantId: string; roles: readonly Role[] } | { tenantId: string; userId: string };

export type Posting = {
  to: Recipients;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  subjectType: string | null;
  subjectId: string | null;
  /** One message per recipient and key: posting the same step twice reaches everyone once. */
  dedupeKey: string;
};

export type MailableMessage = {
  id: string;
  title: string;
  body: string;
  link: string | null;
  email: string | null;
  displayName: string;
  mailedAt: Date | null;
};

type MessageRow = {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  subject_type: string | null;
  subject_id: string | null;
  created_at: Date;
  read_at: Date | null;
};

const COLUMNS = 'id, kind, title, body, link, subject_type, subject_id, created_at, read_at';

function toMessage(row: MessageRow): Message {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    link: row.link,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    createdAt: new Date(row.created_at),
    readAt: row.read_at ? new Date(row.read_at) : null,
  };
}

/** Every statement of the message centre; row security limits reads to the signed-in recipient. */
@Injectable()
export class MessagesRepository {
  /** Posts in the caller's transaction (message_post checks the tiers); how many were written. */
  async post(db: EntityManager, posting: Posting, now: Date): Promise<number> {
    const to = posting.to;
    const [row] = await db.query<{ posted: number }[]>(
      'SELECT message_post($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) AS posted',
      [
        to.tenantId,
        'roles' in to ? [...to.roles] : [],
        'userId' in to ? to.userId : null,
        posting.kind,
        posting.title,
        posting.body,
        posting.link,
        posting.subjectType,
        posting.subjectId,
        posting.dedupeKey,
        now,
      ],
    );
    return Number(row?.posted ?? 0);
  }

  /** The recipient's messages, newest first, before the cursor's time when one is given. */
  async inbox(
    db: EntityManager,
    options: { unreadOnly: boolean; limit: number; before: Date | null },
  ): Promise<Message[]> {
    const rows = await db.query<MessageRow[]>(
      `SELECT ${COLUMNS} FROM message
        WHERE ($1::boolean IS FALSE OR read_at IS NULL) AND ($2::timestamptz IS NULL OR created_at < $2)
        ORDER BY created_at DESC, id DESC
        LIMIT $3`,
      [options.unreadOnly, options.before, options.limit],
    );
    return rows.map(toMessage);
  }

  async unreadCount(db: EntityManager): Promise<number> {
    const [row] = await db.query<{ count: string }[]>(
      'SELECT count(*) AS count FROM message WHERE read_at IS NULL',
    );
    return Number(row?.count ?? 0);
  }

  async find(db: EntityManager, id: string): Promise<Message | null> {
    if (!isId(id)) return null;
    const [row] = await db.query<MessageRow[]>(`SELECT ${COLUMNS} FROM message WHERE id = $1`, [id]);
    return row ? toMessage(row) : null;
  }

  /** Marks one message read (reading it twice keeps the first time). */
  async markRead(db: EntityManager, id: string, now: Date): Promise<void> {
    await db.query('UPDATE message SET read_at = $2 WHERE id = $1 AND read_at IS NULL', [id, now]);
  }

  async markAllRead(db: EntityManager, now: Date): Promise<number> {
    const [, affected] = await db.query<[unknown, number]>(
      'UPDATE message SET read_at = $1 WHERE read_at IS NULL',
      [now],
    );
    return affected;
  }

  async forMail(db: EntityManager, id: string): Promise<MailableMessage | null> {
    const [row] = await db.query<
      {
        id: string;
        title: string;
        body: string;
        link: string | null;
        email: string | null;
        display_name: string;
        mailed_at: Date | null;
      }[]
    >('SELECT * FROM message_for_mail($1)', [id]);
    if (!row) return null;
    return {
      id: row.id,
      title: row.title,
      body: row.body,
      link: row.link,
      email: row.email,
      displayName: row.display_name,
      mailedAt: row.mailed_at ? new Date(row.mailed_at) : null,
    };
  }

  async markMailed(db: EntityManager, id: string, now: Date): Promise<boolean> {
    const [row] = await db.query<{ marked: boolean }[]>('SELECT message_mailed($1, $2) AS marked', [id, now]);
    return row?.marked === true;
  }
}
