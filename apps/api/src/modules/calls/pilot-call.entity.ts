import type { DocumentKind } from '@xiangmeng/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { TenantOwnedEntity } from '../../common/tenant-owned.entity';

export type PilotCallStatus = 'DRAFT' | 'PUBLISHED';
/** A call for pilot applications, or for a support programme's applications (issue 11). */
export type CallKind = 'PILOT' | 'PROGRAMME';

/** A call for pilot applications (申报通知), published by the province or a city for its own pilots. */
@Entity({ name: 'pilot_call' })
export class PilotCallEntity extends TenantOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  kind: CallKind;

  /** The published programme a PROGRAMME call is for; null for a pilot call. */
  @Column({ name: 'programme_id', type: 'uuid', nullable: true })
  programmeId: string | null;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ name: 'opens_at', type: 'timestamptz' })
  opensAt: Date;

  @Column({ name: 'closes_at', type: 'timestamptz' })
  closesAt: Date;

  @Column({ name: 'recommend_by', type: 'timestamptz' })
  recommendBy: Date;

  @Column({ name: 'decide_by', type: 'timestamptz' })
  decideBy: Date;

  @Column({ name: 'measures_tenant_id', type: 'uuid' })
  measuresTenantId: string;

  @Column({ name: 'measures_id', type: 'uuid' })
  measuresId: string;

  @Column({ name: 'measures_version_no', type: 'integer' })
  measuresVersionNo: number;

  /** Register document kinds for a pilot call; a programme call's are ProgrammeDocumentKind (the database checks which). */
  @Column({ name: 'required_documents', type: 'text', array: true })
  requiredDocuments: DocumentKind[];

  @Column({ type: 'text' })
  status: PilotCallStatus;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'integer' })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;
}
