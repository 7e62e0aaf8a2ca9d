import { TenantLevel } from '../tenancy/divisions.js';

export const Role = {
  PROVINCE_ADMIN: 'PROVINCE_ADMIN',
  PROVINCE_OFFICER: 'PROVINCE_OFFICER',
  CITY_ADMIN: 'CITY_ADMIN',
  CITY_OFFICER: 'CITY_OFFICER',
  EXPERT: 'EXPERT',
} as const;
export type Role = (typeof Role)[keyof typeof Role];

export const ALL_ROLES: readonly Role[] = Object.values(Role);

export const ROLE_LABELS: Record<Role, string> = {
  PROVINCE_ADMIN: '省厅管理员',
  PROVINCE_OFFICER: '省厅业务人员',
  CITY_ADMIN: '市州管理员',
  CITY_OFFICER: '市州业务人员',
  EXPERT: '评审专家',
};

const ROLES_BY_LEVEL: Record<TenantLevel, readonly Role[]> = {
  PROVINCE: [Role.PROVINCE_ADMIN, Role.PROVINCE_OFFICER, Role.EXPERT],
  CITY: [Role.CITY_ADMIN, Role.CITY_OFFICER, Role.EXPERT],
};

/** The roles a user of a tenant at this level may hold. */
export function rolesForLevel(level: TenantLevel): readonly Role[] {
  return ROLES_BY_LEVEL[level];
}

/** Officers and admins of a tier: everyone but an expert, who scores assigned dossiers only. */
export const STAFF_ROLES: readonly Role[] = [
  Role.PROVINCE_ADMIN,
  Role.PROVINCE_OFFICER,
  Role.CITY_ADMIN,
  Role.CITY_OFFICER,
];

export function isStaff(roles: readonly Role[]): boolean {
  return roles.some((r) => STAFF_ROLES.includes(r));
}

export function isAdmin(roles: readonly Role[]): boolean {
  return roles.includes(Role.PROVINCE_ADMIN) || roles.includes(Role.CITY_ADMIN);
}

export type RoleAssignmentProblem = 'EMPTY' | 'NOT_FOR_LEVEL' | 'EXPERT_EXCLUSIVE';

/**
 * Checks a set of roles for a user of a tenant at `level`. An expert account scores dossiers and
 * nothing else, so it never carries an officer's or admin's role as well.
 */
export function checkRoleAssignment(
  level: TenantLevel,
  roles: readonly Role[],
): RoleAssignmentProblem | null {
  if (roles.length === 0) return 'EMPTY';
  if (roles.some((r) => !ROLES_BY_LEVEL[level].includes(r))) return 'NOT_FOR_LEVEL';
  if (roles.includes(Role.EXPERT) && roles.length > 1) return 'EXPERT_EXCLUSIVE';
  return null;
}

/** Which app a tier's users sign in to. */
export function appForLevel(level: TenantLevel): 'province' | 'city' {
  return level === TenantLevel.PROVINCE ? 'province' : 'city';
}
