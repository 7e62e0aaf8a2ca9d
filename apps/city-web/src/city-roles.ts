import { Role } from '@xiangmeng/domain';

export const STAFF: readonly Role[] = [Role.CITY_ADMIN, Role.CITY_OFFICER];
export const ADMINS: readonly Role[] = [Role.CITY_ADMIN];
