import {
  PLATFORM_STATUS_LABELS,
  type PlatformKind,
  platformKindOf,
  type PlatformStatus,
} from '@xiangmeng/domain';
import { badInput, violation } from '../../common/errors/app-error';
import type { PlatformFilterInput } from './dto/platform.input';
import type { PlatformFilter } from './platforms.repository';

export const MAX_PAGE = 100;

/** The platform register's filter checked: the list and its export. */
export function platformListFilter(f: PlatformFilterInput): PlatformFilter {
  const problems = [];
  if (f.status && !Object.hasOwn(PLATFORM_STATUS_LABELS, f.status))
    problems.push(violation('status', 'ONE_OF', '没有这一平台状态'));
  if (f.kind && !platformKindOf(f.kind)) problems.push(violation('kind', 'ONE_OF', '没有这一平台类别'));
  if (!(f.first >= 1 && f.first <= MAX_PAGE))
    problems.push(violation('first', 'RANGE', `每页条数应在 1 至 ${MAX_PAGE} 之间`));
  if (!(f.offset >= 0)) problems.push(violation('offset', 'RANGE', '偏移量不能为负'));
  if (problems.length) throw badInput(problems);
  return {
    status: (f.status as PlatformStatus | null) ?? null,
    kind: (f.kind as PlatformKind | null) ?? null,
    field: f.field ?? null,
    allianceId: f.allianceId ?? null,
    first: f.first,
    offset: f.offset,
  };
}
