import { describe, expect, it } from 'vitest';
import { checkRoleAssignment, isAdmin, Role, rolesForLevel } from './roles.js';

describe('role assignment', () => {
  it.each([
    ['PROVINCE', [Role.PROVINCE_ADMIN], null],
    ['PROVINCE', [Role.PROVINCE_ADMIN, Role.PROVINCE_OFFICER], null],
    ['PROVINCE', [Role.CITY_ADMIN], 'NOT_FOR_LEVEL'],
    ['CITY', [Role.CITY_OFFICER], null],
    ['CITY', [Role.PROVINCE_OFFICER], 'NOT_FOR_LEVEL'],
    ['CITY', [], 'EMPTY'],
    ['CITY', [Role.EXPERT], null],
    ['CITY', [Role.EXPERT, Role.CITY_OFFICER], 'EXPERT_EXCLUSIVE'],
  ] as const)('%s %j → %s', (level, roles, expected) => {
    expect(checkRoleAssignment(level, roles)).toBe(expected);
  });

  it('offers each level its own roles and the expert role', () => {
    expect(rolesForLevel('PROVINCE')).toEqual([Role.PROVINCE_ADMIN, Role.PROVINCE_OFFICER, Role.EXPERT]);
    expect(rolesForLevel('CITY')).toEqual([Role.CITY_ADMIN, Role.CITY_OFFICER, Role.EXPERT]);
  });

  it.each([
    [[Role.CITY_ADMIN], true],
    [[Role.PROVINCE_ADMIN], true],
    [[Role.CITY_OFFICER, Role.EXPERT], false],
  ] as const)('isAdmin(%j) = %s', (roles, expected) => {
    expect(isAdmin(roles)).toBe(expected);
  });
});
