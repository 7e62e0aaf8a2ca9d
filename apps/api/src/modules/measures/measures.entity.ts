import type { MeasuresOverrides, MeasuresParameters } from '@xiangmeng/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { TenantOwnedEntity } from '../../common/tenant-owned.entity';

export type MeasuresStatus = 'DRAFT' | 'PUBLISHED';

@Entity({ name: 'measures' })
export class MeasuresEntity extends TenantOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'version_no', type: 'integer' })
  versionNo: number;

  @Column({ type: 'text' })
  title: string;

  @Column({ name: 'document_number', type: 'text' })
  documentNumber: string;

  @Column({ name: 'effective_on', type: 'date' })
  effectiveOn: string;

  @Column({ name: 'derives_from_tenant_id', type: 'uuid', nullable: true })
  derivesFromTenantId: string | null;

  @Column({ name: 'derives_from_id', type: 'uuid', nullable: true })
  derivesFromId: string | null;

  /** Full parameters for the province; overrides only for a city. */
  @Column({ type: 'jsonb' })
  parameters: MeasuresParameters | MeasuresOverrides;

  @Column({ type: 'text' })
  status: MeasuresStatus;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  /** Edits of the draft (`versionNo` numbers the measures themselves). */
  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;
}
