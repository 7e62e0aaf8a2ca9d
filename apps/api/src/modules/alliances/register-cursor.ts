import { isId } from '../../common/access/access';
import { badInput, violation } from '../../common/errors/app-error';
import type { AllianceEntity } from './alliance.entity';
import { AllianceOrder } from './alliance-order';
import type { RegisterCursor } from './alliances.repository';

// A register page's `endCursor`: the order it was read in, the last alliance's value of that
// order's column and its id, opaque to clients. A cursor of another order starts nothing.

const KEY_OF: Record<AllianceOrder, (a: AllianceEntity) => string> = {
  [AllianceOrder.NEWEST]: (a) => a.createdAt.toISOString(),
  [AllianceOrder.NAME]: (a) => a.name,
  [AllianceOrder.FOUNDED_NEWEST]: (a) => a.foundedOn,
  [AllianceOrder.FOUNDED_OLDEST]: (a) => a.foundedOn,
};

export function encodeCursor(order: AllianceOrder, a: AllianceEntity): string {
  return Buffer.from(JSON.stringify([order, KEY_OF[order](a), a.id])).toString('base64url');
}

export function decodeCursor(order: AllianceOrder, cursor: string): RegisterCursor {
  const parts = parse(cursor);
  if (!parts || parts[0] !== String(order) || !isId(parts[2]) || !validKey(order, parts[1])) {
    throw badInput([violation('after', 'INVALID_CURSOR', '分页位置无效，请从第一页重新开始')]);
  }
  return { key: parts[1], id: parts[2] };
}

function parse(cursor: string): [string, string, string] | null {
  try {
    const parts: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    return Array.isArray(parts) && parts.length === 3 && parts.every((p) => typeof p === 'string')
      ? (parts as [string, string, string])
      : null;
  } catch {
    return null;
  }
}

function validKey(order: AllianceOrder, key: string): boolean {
  if (order === AllianceOrder.NAME) return key.length > 0 && key.length <= 200;
  if (order === AllianceOrder.NEWEST) return !Number.isNaN(Date.parse(key));
  return /^\d{4}-\d{2}-\d{2}$/.test(key);
}
