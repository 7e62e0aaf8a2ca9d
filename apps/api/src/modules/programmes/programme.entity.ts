import type { ProgrammeKind, ReviewCriterion } from '@xiangmeng/domain';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { TenantOwnedEntity } from '../../common/tenant-owned.entity';

export type ProgrammeStatus = 'DRAFT' | 'PUBLISHED';

/** A support programme (Art. 14): the province's, or a city's for its local support. */
@Entity({ name: 'programme' })
export class ProgrammeEntity extends TenantOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  kind: ProgrammeKind;

  @Column({ type: 'integer' })
  year: number;

  /** Integer fen; pg returns bigint as a string, which is how it stays. */
  @Column({ name: 'total_budget_fen', type: 'bigint' })
  totalBudgetFen: string;

  @Column({ name: 'per_project_cap_fen', type: 'bigint', nullable: true })
  perProjectCapFen: string | null;

  @Column({ name: 'measures_tenant_id', type: 'uuid' })
  measuresTenantId: string;

  @Column({ name: 'measures_id', type: 'uuid' })
  measuresId: string;

  @Column({ name: 'measures_version_no', type: 'integer' })
  measuresVersionNo: number;

  @Column({ type: 'jsonb' })
  criteria: ReviewCriterion[];

  @Column({ name: 'award_notice_days', type: 'integer' })
  awardNoticeDays: number;

  @Column({ name: 'acceptance_notice_days', type: 'integer' })
  acceptanceNoticeDays: number;

  @Column({ type: 'text' })
  status: ProgrammeStatus;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'integer' })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz', insert: false, update: false })
  updatedAt: Date;
}

/**
 * The public part of a debarment decision (Art. 20(2)): every signed-in user reads it. The
 * recording tenant is `tenantId`; who recorded it and the evidence are in DebarmentEvidenceEntity.
 */
@Entity({ name: 'debarment' })
export class DebarmentEntity extends TenantOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'text' })
  article: string;

  @Column({ name: 'decision_document', type: 'text' })
  decisionDocument: string;

  @Column({ name: 'from_date', type: 'date' })
  fromDate: string;

  @Column({ name: 'until_date', type: 'date' })
  untilDate: string;

  @Column({ name: 'debarment_years', type: 'integer' })
  debarmentYears: number;

  @Column({ name: 'measures_tenant_id', type: 'uuid' })
  measuresTenantId: string;

  @Column({ name: 'measures_id', type: 'uuid' })
  measuresId: string;

  @Column({ name: 'measures_version_no', type: 'integer' })
  measuresVersionNo: number;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;

  @Column({ name: 'lifted_on', type: 'date', nullable: true })
  liftedOn: string | null;

  @Column({ name: 'lifted_reason', type: 'text', nullable: true })
  liftedReason: string | null;

  @Column({ name: 'lifted_at', type: 'timestamptz', nullable: true })
  liftedAt: Date | null;
}

/** The recording authority's part of a debarment: read by its staff only. */
@Entity({ name: 'debarment_evidence' })
export class DebarmentEvidenceEntity extends TenantOwnedEntity {
  @PrimaryColumn({ name: 'debarment_id', type: 'uuid' })
  debarmentId: string;

  @Column({ type: 'text' })
  evidence: string;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy: string;

  @Column({ name: 'lifted_by', type: 'uuid', nullable: true })
  liftedBy: string | null;
}
