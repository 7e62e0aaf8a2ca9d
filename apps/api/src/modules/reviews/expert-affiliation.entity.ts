import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { TenantOwnedEntity } from '../../common/tenant-owned.entity';

/** An expert's tie to a directory organization or to a bureau (one of the two). */
@Entity({ name: 'expert_affiliation' })
export class ExpertAffiliationEntity extends TenantOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'expert_id', type: 'uuid' })
  expertId: string;

  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId: string | null;

  @Column({ name: 'bureau_tenant_id', type: 'uuid', nullable: true })
  bureauTenantId: string | null;

  @Column({ type: 'text' })
  position: string;
}
