import { Role } from '@xiangmeng/domain';

export const STAFF: readonly Role[] = [Role.PROVINCE_ADMIN, Role.PROVINCE_OFFICER];
export const ADMINS: readonly Role[] = [Role.PROVINCE_ADMIN];
