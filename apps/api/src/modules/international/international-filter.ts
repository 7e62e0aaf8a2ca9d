import {
  COOPERATION_BASE_STATUS_LABELS,
  type CooperationBaseStatus,
  countryOf,
  type FieldViolation,
} from '@xiangmeng/domain';
import { badInput, violation } from '../../common/errors/app-error';
import type { CooperationBaseFilterInput, InternationalProjectFilterInput } from './dto/international.input';
import type { BaseFilter, InternationalProjectFilter } from './international.repository';

export const MAX_PAGE = 100;

function pageViolations(first: number, offset: number): FieldViolation[] {
  const v: FieldViolation[] = [];
  if (!(first >= 1 && first <= MAX_PAGE))
    v.push(violation('first', 'RANGE', `每页条数应在 1 至 ${MAX_PAGE} 之间`));
  if (!(offset >= 0)) v.push(violation('offset', 'RANGE', '偏移量不能为负'));
  return v;
}

/** The cooperation bases' filter checked: the list and its export. */
export function baseListFilter(f: CooperationBaseFilterInput): BaseFilter {
  const v = pageViolations(f.first, f.offset);
  if (f.status && !Object.hasOwn(COOPERATION_BASE_STATUS_LABELS, f.status))
    v.push(violation('status', 'ONE_OF', '没有这一基地状态'));
  if (v.length) throw badInput(v);
  return { status: (f.status as CooperationBaseStatus | null) ?? null, first: f.first, offset: f.offset };
}

/** The international projects' filter checked: the list and its export. */
export function projectListFilter(f: InternationalProjectFilterInput): InternationalProjectFilter {
  const v = pageViolations(f.first, f.offset);
  if (f.partnerCountry && !countryOf(f.partnerCountry))
    v.push(violation('partnerCountry', 'UNKNOWN_CODE', '不在 ISO 3166-1 国家和地区代码表中'));
  if (v.length) throw badInput(v);
  return { partnerCountry: f.partnerCountry ?? null, first: f.first, offset: f.offset };
}
