import type { FieldViolation } from '@xiangmeng/domain';
import { AppError } from '../../common/errors/app-error';
import type { Viewer } from '../../common/request/request-context';

export const filingChanged = () => new AppError('FILING_CHANGED');
export const filingNotWithCity = () => new AppError('FILING_NOT_WITH_CITY');
export const roundChanged = () => new AppError('FILING_ROUND_CHANGED');
export const roundPublished = () => new AppError('FILING_ROUND_PUBLISHED');

export function filingRefused(violations: FieldViolation[], message?: string): AppError {
  return new AppError('FILING_TRANSITION_REFUSED', { violations }, message);
}

/** Rounds are the province's: a city's staff read them and file in them. */
export function requireProvinceStaff(viewer: Viewer): void {
  const staff = viewer.roles.some((r) => r === 'PROVINCE_ADMIN' || r === 'PROVINCE_OFFICER');
  if (viewer.tenantLevel !== 'PROVINCE' || !staff)
    throw new AppError('FORBIDDEN', {}, '备案批次由省科技厅设立');
}

/** Drafting a filing is the filing city's staff's step (Art. 21). */
export function requireCityStaff(viewer: Viewer): void {
  if (!viewer.roles.some((r) => r === 'CITY_OFFICER' || r === 'CITY_ADMIN'))
    throw new AppError('FORBIDDEN', {}, '备案由联盟所在市州科技局填报');
}
