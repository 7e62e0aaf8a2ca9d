import { COOPERATION_BASE_STATUS_LABELS, type CooperationBaseStatus, countryOf } from '@xiangmeng/domain';
import { badInput, violation } from '../../common/errors/app-error';
import { pageViolations } from '../../common/paging';
import type { CooperationBaseFilterInput, InternationalProjectFilterInput } from './dto/international.input';
import type { BaseFilter, InternationalProjectFilter } from './international.repository';

/** The cooperation bases' filter checked: the list and its export. */
export function baseListFilter(f: CooperationBaseFilterInput): BaseFilter {
  const v = pageViolations(f);
  if (f.status && !Object.hasOwn(COOPERATION_BASE_STATUS_LABELS, f.status))
    v.push(violation('status', 'ONE_OF', '没有这一基地状态'));
  if (v.length) throw badInput(v);
  return { status: (f.status as CooperationBaseStatus | null) ?? null, first: f.first, offset: f.offset };
}

/** The international projects' filter checked: the list and its export. */
export function projectListFilter(f: InternationalProjectFilterInput): InternationalProjectFilter {
  const v = pageViolations(f);
  if (f.partnerCountry && !countryOf(f.partnerCountry))
    v.push(violation('partnerCountry', 'UNKNOWN_CODE', '不在 ISO 3166-1 国家和地区代码表中'));
  if (v.length) throw badInput(v);
  return { partnerCountry: f.partnerCountry ?? null, first: f.first, offset: f.offset };
}
