import {
  PLATFORM_STATUS_LABELS,
  type PlatformKind,
  platformKindOf,
  type PlatformStatus,
} from '@xiangmeng/domain';
import { badInput, violation } from '../../common/errors/app-error';
import { pageViolations } from '../../common/paging';
import type { PlatformFilterInput } from './dto/platform.input';
import type { PlatformFilter } from './platforms.repository';

/** The platform register's filter checked: the list and its export. */
export function platformListFilter(f: PlatformFilterInput): PlatformFilter {
  const problems = [];
  if (f.status && !Object.hasOwn(PLATFORM_STATUS_LABELS, f.status))
    problems.push(violation('status', 'ONE_OF', '没有这一平台状态'));
  if (f.kind && !platformKindOf(f.kind)) problems.push(violation('kind', 'ONE_OF', '没有这一平台类别'));
  problems.push(...pageViolations(f));
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
