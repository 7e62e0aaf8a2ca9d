import { isId } from '../../common/access/access';
import { badInput, violation } from '../../common/errors/app-error';
import type { AllianceEntity } from './alliance.entity';
import type { RegisterCursor } from './alliances.repository';

// A register page's `endCursor`: the last alliance's creation time and id, opaque to clients.

export function encodeCursor(a: AllianceEntity): string {
  return Buffer.from(`${a.createdAt.toISOString()}|${a.id}`).toString('base64url');
}

export function decodeCursor(cursor: string): RegisterCursor {
  const [createdAt, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!createdAt || !id || Number.isNaN(Date.parse(createdAt)) || !isId(id)) {
    throw badInput([violation('after', 'INVALID_CURSOR', '分页位置无效，请从第一页重新开始')]);
  }
  return { createdAt, id };
}
