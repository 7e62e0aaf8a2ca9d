import { Column } from 'typeorm';

/** Every tenant-owned row names its home tenant; row-level security checks it again. */
export abstract class TenantOwnedEntity {
  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;
}
