import type { ReviewRecommendation, ReviewSheetStatus } from '@xiangmeng/domain';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { TenantOwnedEntity } from '../../common/tenant-owned.entity';

/** One score sheet per seat: the criteria of Art. 11, 0–100 each. */
@Entity({ name: 'review_sheet' })
export class ReviewSheetEntity extends TenantOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'assignment_id', type: 'uuid' })
  assignmentId: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @Column({ name: 'expert_id', type: 'uuid' })
  expertId: string;

  @Column({ name: 'expert_user_id', type: 'uuid', nullable: true })
  expertUserId: string | null;

  @Column({ type: 'jsonb' })
  scores: Record<string, number | null>;

  @Column({ type: 'jsonb' })
  comments: Record<string, string>;

  @Column({ name: 'overall_opinion', type: 'text' })
  overallOpinion: string;

  @Column({ type: 'text', nullable: true })
  recommendation: ReviewRecommendation | null;

  @Column({ type: 'text' })
  status: ReviewSheetStatus;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ name: 'reopened_at', type: 'timestamptz', nullable: true })
  reopenedAt: Date | null;

  @Column({ name: 'reopened_by', type: 'uuid', nullable: true })
  reopenedBy: string | null;

  @Column({ name: 'reopen_reason', type: 'text', nullable: true })
  reopenReason: string | null;

  @Column({ type: 'integer' })
  version: number;

  /** When the expert confirmed the commitment and no-conflict declaration for this application. */
  @Column({ name: 'declared_at', type: 'timestamptz', nullable: true })
  declaredAt: Date | null;

  @Column({ name: 'declaration_version', type: 'text', nullable: true })
  declarationVersion: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
