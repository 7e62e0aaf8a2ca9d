import { Injectable } from '@nestjs/common';
import { normalizeCreditCode } from '@xiangmeng/domain';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { badInput, violation } from '../../common/errors/app-error';
import { AllianceEntity } from './alliance.entity';
import type { AllianceFilterInput } from './dto/alliance.input';

export const MAX_PAGE = 100;

type Cursor = { createdAt: string; id: string };

export function encodeCursor(a: AllianceEntity): string {
  return Buffer.from(`${a.createdAt.toISOString()}|${a.id}`).toString('base64url');
}

function decodeCursor(cursor: string): Cursor {
  const [createdAt, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!createdAt || !id || Number.isNaN(Date.parse(createdAt)) || !/^[0-9a-f-]{36}$/i.test(id)) {
    throw badInput([violation('after', 'INVALID_CURSOR', '分页位置无效，请从第一页重新开始')]);
  }
  return { createdAt, id };
}

/** The register's list: filters, search by alliance or member, newest first, keyset pages. */
@Injectable()
export class AllianceRegisterQuery {
  filtered(db: EntityManager, filter: AllianceFilterInput): SelectQueryBuilder<AllianceEntity> {
    const query = db.createQueryBuilder(AllianceEntity, 'a');
    if (filter.industryCode) {
      query.andWhere(
        '(a.industry_code = :industry OR a.industry_code IN (SELECT code FROM industry WHERE parent_code = :industry))',
        { industry: filter.industryCode },
      );
    }
    if (filter.status) query.andWhere('a.status = :status', { status: filter.status });
    if (filter.pilotStatus)
      query.andWhere('a.pilot_status = :pilotStatus', { pilotStatus: filter.pilotStatus });
    const search = filter.search?.trim();
    if (search) {
      const escaped = search.replace(/[\\%_]/g, (c) => `\\${c}`);
      query.andWhere(
        `(a.name ILIKE :contains OR EXISTS (
            SELECT 1 FROM alliance_member m JOIN organization o ON o.id = m.organization_id
            WHERE m.tenant_id = a.tenant_id AND m.alliance_id = a.id AND (o.name ILIKE :contains OR o.credit_code LIKE :code)))`,
        { contains: `%${escaped}%`, code: `${normalizeCreditCode(escaped)}%` },
      );
    }
    return query;
  }

  async page(db: EntityManager, filter: AllianceFilterInput, first: number, after?: string | null) {
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) {
      throw badInput([violation('first', 'PAGE_SIZE', `每页 1–${MAX_PAGE} 条`)]);
    }
    const query = this.filtered(db, filter)
      .orderBy('a.created_at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .take(first + 1);
    if (after) {
      const cursor = decodeCursor(after);
      query.andWhere('(a.created_at, a.id) < (:createdAt, :id)', cursor);
    }
    // One connection per request runs one statement at a time; no Promise.all on it.
    const rows = await query.getMany();
    const totalCount = await this.filtered(db, filter).getCount();
    const nodes = rows.slice(0, first);
    const last = nodes.at(-1);
    return {
      nodes,
      totalCount,
      pageInfo: { hasNextPage: rows.length > first, endCursor: last ? encodeCursor(last) : null },
    };
  }
}
