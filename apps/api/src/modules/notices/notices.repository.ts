import { Injectable } from '@nestjs/common';
import type { NoticeState } from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { isId } from '../../common/access/access';

export type Notice = {
  id: string;
  tenantId: string;
  publisherName: string;
  title: string;
  body: string;
  audiences: string[];
  pinned: boolean;
  state: NoticeState;
  createdAt: Date;
  publishedAt: Date | null;
  withdrawnAt: Date | null;
  withdrawalReason: string | null;
  version: number;
  updatedAt: Date;
};

export type NoticeAttachment = {
  documentId: string;
  fileName: string;
  mediaType: string;
  sizeBytes: string;
};

type NoticeRow = {
  id: string;
  tenant_id: string;
  publisher_name: string;
  title: string;
  body: string;
  audiences: string[];
  pinned: boolean;
  state: NoticeState;
  created_at: Date;
  published_at: Date | null;
  withdrawn_at: Date | null;
  withdrawal_reason: string | null;
  version: number;
  updated_at: Date;
};

const COLUMNS = `n.id, n.tenant_id, t.name AS publisher_name, n.title, n.body, n.audiences, n.pinned, n.state,
  n.created_at, n.published_at, n.withdrawn_at, n.withdrawal_reason, n.version, n.updated_at`;
const FROM = 'notice n JOIN tenant t ON t.id = n.tenant_id';

function toNotice(row: NoticeRow): Notice {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    publisherName: row.publisher_name,
    title: row.title,
    body: row.body,
    audiences: row.audiences,
    pinned: row.pinned,
    state: row.state,
    createdAt: new Date(row.created_at),
    publishedAt: row.published_at ? new Date(row.published_at) : null,
    withdrawnAt: row.withdrawn_at ? new Date(row.withdrawn_at) : null,
    withdrawalReason: row.withdrawal_reason,
    version: row.version,
    updatedAt: new Date(row.updated_at),
  };
}

export type NoticeContent = { title: string; body: string; audiences: string[]; pinned: boolean };

/** Every statement of notices; row security decides which notices a reader sees. */
@Injectable()
export class NoticesRepository {
  async find(db: EntityManager, id: string): Promise<Notice | null> {
    if (!isId(id)) return null;
    const [row] = await db.query<NoticeRow[]>(`SELECT ${COLUMNS} FROM ${FROM} WHERE n.id = $1`, [id]);
    return row ? toNotice(row) : null;
  }

  /** The tenant's own notices in every state, pinned and newest first. */
  async ofTenant(
    db: EntityManager,
    tenantId: string,
    state: NoticeState | null,
    limit: number,
  ): Promise<Notice[]> {
    const rows = await db.query<NoticeRow[]>(
      `SELECT ${COLUMNS} FROM ${FROM}
        WHERE n.tenant_id = $1 AND ($2::text IS NULL OR n.state = $2)
        ORDER BY n.pinned DESC, coalesce(n.published_at, n.updated_at) DESC, n.id DESC
        LIMIT $3`,
      [tenantId, state, limit],
    );
    return rows.map(toNotice);
  }

  /**
   * Published notices addressed to the reader: their own tier's addressed to its staff or experts
   * (as the reader's roles say), and the parent tier's addressed to the cities (row security
   * admits those only to a child tier's staff).
   */
  async addressedTo(
    db: EntityManager,
    reader: { tenantId: string; staff: boolean; expert: boolean },
    limit: number,
  ): Promise<Notice[]> {
    const rows = await db.query<NoticeRow[]>(
      `SELECT ${COLUMNS} FROM ${FROM}
        WHERE n.state = 'PUBLISHED' AND (
          (n.tenant_id = $1 AND (($2 AND 'OWN_STAFF' = ANY (n.audiences)) OR ($3 AND 'EXPERTS' = ANY (n.audiences))))
          OR (n.tenant_id <> $1 AND $2 AND 'CITY_STAFF' = ANY (n.audiences)))
        ORDER BY n.pinned DESC, n.published_at DESC, n.id DESC
        LIMIT $4`,
      [reader.tenantId, reader.staff, reader.expert, limit],
    );
    return rows.map(toNotice);
  }

  async insert(
    db: EntityManager,
    tenantId: string,
    content: NoticeContent,
    by: string,
    at: Date,
  ): Promise<string> {
    const [row] = await db.query<{ id: string }[]>(
      `INSERT INTO notice (tenant_id, title, body, audiences, pinned, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id`,
      [tenantId, content.title, content.body, content.audiences, content.pinned, by, at],
    );
    return row!.id;
  }

  /** Changes a draft at the version read; false when it moved on or is no longer a draft. */
  async updateDraft(
    db: EntityManager,
    id: string,
    version: number,
    content: NoticeContent,
    at: Date,
  ): Promise<boolean> {
    const [, count] = await db.query<[unknown, number]>(
      `UPDATE notice SET title = $3, body = $4, audiences = $5, pinned = $6, version = version + 1, updated_at = $7
        WHERE id = $1 AND version = $2 AND state = 'DRAFT'`,
      [id, version, content.title, content.body, content.audiences, content.pinned, at],
    );
    return count === 1;
  }

  async publish(db: EntityManager, id: string, version: number, by: string, at: Date): Promise<boolean> {
    const [, count] = await db.query<[unknown, number]>(
      `UPDATE notice SET state = 'PUBLISHED', published_at = $4, published_by = $3, version = version + 1, updated_at = $4
        WHERE id = $1 AND version = $2 AND state = 'DRAFT'`,
      [id, version, by, at],
    );
    return count === 1;
  }

  async withdraw(
    db: EntityManager,
    id: string,
    version: number,
    by: string,
    reason: string,
    at: Date,
  ): Promise<boolean> {
    const [, count] = await db.query<[unknown, number]>(
      `UPDATE notice SET state = 'WITHDRAWN', withdrawn_at = $5, withdrawn_by = $3, withdrawal_reason = $4,
              version = version + 1, updated_at = $5
        WHERE id = $1 AND version = $2 AND state = 'PUBLISHED'`,
      [id, version, by, reason, at],
    );
    return count === 1;
  }

  async attachments(
    db: EntityManager,
    noticeIds: readonly string[],
  ): Promise<Map<string, NoticeAttachment[]>> {
    const rows = await db.query<(NoticeAttachment & { noticeId: string })[]>(
      `SELECT nd.notice_id AS "noticeId", d.id AS "documentId", d.file_name AS "fileName",
              d.media_type AS "mediaType", d.size_bytes::text AS "sizeBytes"
         FROM notice_document nd JOIN document d ON d.tenant_id = nd.tenant_id AND d.id = nd.document_id
        WHERE nd.notice_id = ANY ($1::uuid[])
        ORDER BY nd.attached_at, d.file_name`,
      [[...noticeIds]],
    );
    const byNotice = new Map<string, NoticeAttachment[]>();
    for (const { noticeId, ...attachment } of rows) {
      byNotice.set(noticeId, [...(byNotice.get(noticeId) ?? []), attachment]);
    }
    return byNotice;
  }

  async attach(
    db: EntityManager,
    tenantId: string,
    noticeId: string,
    documentId: string,
    at: Date,
  ): Promise<void> {
    await db.query(
      `INSERT INTO notice_document (tenant_id, notice_id, document_id, attached_at) VALUES ($1, $2, $3, $4)`,
      [tenantId, noticeId, documentId, at],
    );
  }

  async detach(db: EntityManager, noticeId: string, documentId: string): Promise<boolean> {
    if (!isId(documentId)) return false;
    const [, count] = await db.query<[unknown, number]>(
      `DELETE FROM notice_document WHERE notice_id = $1 AND document_id = $2`,
      [noticeId, documentId],
    );
    return count === 1;
  }
}
