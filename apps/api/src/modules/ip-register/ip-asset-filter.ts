import { IP_ASSET_KIND_LABELS, type IpAssetKind } from '@xiangmeng/domain';
import { badInput, violation } from '../../common/errors/app-error';
import { pageViolations } from '../../common/paging';
import type { IpAssetFilterInput } from './dto/ip-register.input';
import type { IpAssetFilter } from './ip-register.repository';

/** The IP register's filter checked: the list and its export. */
export function ipAssetListFilter(f: IpAssetFilterInput): IpAssetFilter {
  const problems = [];
  if (f.kind && !Object.hasOwn(IP_ASSET_KIND_LABELS, f.kind))
    problems.push(violation('kind', 'ONE_OF', '没有这一知识产权类别'));
  problems.push(...pageViolations(f));
  if (problems.length) throw badInput(problems);
  return {
    kind: (f.kind as IpAssetKind | null) ?? null,
    projectId: f.projectId ?? null,
    allianceId: f.allianceId ?? null,
    first: f.first,
    offset: f.offset,
  };
}
