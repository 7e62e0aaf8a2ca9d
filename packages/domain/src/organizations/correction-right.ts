import type { TenantLevel } from '../tenancy/divisions.js';

/**
 * The directory is shared (a legal person is public record), but an entry is corrected only by
 * the tenant that added it or by the province.
 */
export function mayCorrectOrganization(
  viewer: { tenantId: string; tenantLevel: TenantLevel },
  entry: { addedByTenantId: string },
): boolean {
  return entry.addedByTenantId === viewer.tenantId || viewer.tenantLevel === 'PROVINCE';
}
