import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { TenantOwnedEntity } from '../../common/tenant-owned.entity';
import type { ReviewSubjectType } from './review-subject';

/**
 * A panel seat: the authority's row naming the application it reviews (a pilot application or a
 * filing), another tenant's row when the authority is the province.
 */
@Entity({ name: 'expert_assignment' })
export class ExpertAssignmentEntity extends TenantOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @Column({ name: 'subject_type', type: 'text' })
  subjectType: ReviewSubjectType;

  @Column({ name: 'application_tenant_id', type: 'uuid' })
  applicationTenantId: string;

  @Column({ name: 'expert_id', type: 'uuid' })
  expertId: string;

  @Column({ name: 'expert_user_id', type: 'uuid', nullable: true })
  expertUserId: string | null;

  @Column({ name: 'review_year', type: 'integer' })
  reviewYear: number;

  @Column({ name: 'assigned_at', type: 'timestamptz' })
  assignedAt: Date;

  @Column({ name: 'assigned_by', type: 'uuid', nullable: true })
  assignedBy: string | null;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  @Column({ name: 'withdrawn_by', type: 'uuid', nullable: true })
  withdrawnBy: string | null;

  @Column({ name: 'withdrawal_reason', type: 'text', nullable: true })
  withdrawalReason: string | null;
}
