import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { TenantOwnedEntity } from '../../common/tenant-owned.entity';

/** A conflict of interest the expert declared; history, never deleted. */
@Entity({ name: 'expert_conflict' })
export class ExpertConflictEntity extends TenantOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'expert_id', type: 'uuid' })
  expertId: string;

  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId: string | null;

  @Column({ name: 'bureau_tenant_id', type: 'uuid', nullable: true })
  bureauTenantId: string | null;

  @Column({ type: 'text' })
  reason: string;

  @Column({ name: 'declared_on', type: 'date' })
  declaredOn: string;
}
