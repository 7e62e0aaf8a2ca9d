import { IP_ASSET_KIND_LABELS, type IpAssetKind } from '@xiangmeng/domain';
import { badInput, violation } from '../../common/errors/app-error';
import type { IpAssetFilterInput } from './dto/ip-register.input';
import type { IpAssetFilter } from './ip-register.repository';

export const MAX_PAGE = 100;

/** The IP register's filter checked: the list and its export. */
export function ipAssetListFilter(f: IpAssetFilterInput): IpAssetFilter {
  const problems = [];
  if (f.kind && !Object.hasOwn(IP_ASSET_KIND_LABELS, f.kind))
    problems.push(violation('kind', 'ONE_OF', '没有这一知识产权类别'));
  if (!(f.first >= 1 && f.first <= MAX_PAGE))
    problems.push(violation('first', 'RANGE', `每页条数应在 1 至 ${MAX_PAGE} 之间`));
  if (!(f.offset >= 0)) problems.push(violation('offset', 'RANGE', '偏移量不能为负'));
  if (problems.length) throw badInput(problems);
  return {
    kind: (f.kind as IpAssetKind | null) ?? null,
    projectId: f.projectId ?? null,
    allianceId: f.allianceId ?? null,
    first: f.first,
    offset: f.offset,
  };
}
