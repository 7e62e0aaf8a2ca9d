import { describe, expect, it } from 'vitest';
import { mayCorrectOrganization } from './correction-right.js';

describe('who may correct a directory entry', () => {
  it.each([
    { who: 'the city that added it', tenantId: 'changsha', tenantLevel: 'CITY', may: true },
    { who: 'another city', tenantId: 'zhuzhou', tenantLevel: 'CITY', may: false },
    { who: 'the province', tenantId: 'hunan', tenantLevel: 'PROVINCE', may: true },
  ] as const)('$who: $may', ({ tenantId, tenantLevel, may }) => {
    expect(mayCorrectOrganization({ tenantId, tenantLevel }, { addedByTenantId: 'changsha' })).toBe(may);
  });
});
