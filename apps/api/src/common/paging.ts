import type { FieldViolation } from '@xiangmeng/domain';
import { violation } from './errors/app-error';

export const MAX_PAGE = 100;

/** A list page's size and offset checked: what is wrong with them, by field. */
export function pageViolations(page: { first: number; offset: number }): FieldViolation[] {
  const problems: FieldViolation[] = [];
  if (!(Number.isInteger(page.first) && page.first >= 1 && page.first <= MAX_PAGE))
    problems.push(violation('first', 'RANGE', `每页条数应在 1 至 ${MAX_PAGE} 之间`));
  if (!(Number.isInteger(page.offset) && page.offset >= 0))
    problems.push(violation('offset', 'RANGE', '偏移量不能为负'));
  return problems;
}
