import type { AllianceStatus, PilotStatus } from '@xiangmeng/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { TenantOwnedEntity } from '../../common/tenant-owned.entity';

@Entity({ name: 'alliance' })
export class AllianceEntity extends TenantOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'industry_code', type: 'text' })
  industryCode: string;

  @Column({ name: 'founded_on', type: 'date' })
  foundedOn: string;

  @Column({ type: 'text' })
  objectives: string;

  @Column({ name: 'host_organization_id', type: 'uuid', nullable: true })
  hostOrganizationId: string | null;

  @Column({ name: 'liable_entity', type: 'text' })
  liableEntity: string;

  @Column({ name: 'executive_full_time_staff', type: 'integer' })
  executiveFullTimeStaff: number;

  @Column({ type: 'text' })
  status: AllianceStatus;

  @Column({ name: 'established_on', type: 'date', nullable: true })
  establishedOn: string | null;

  @Column({ name: 'established_measures_id', type: 'uuid', nullable: true })
  establishedMeasuresId: string | null;

  @Column({ name: 'dissolved_on', type: 'date', nullable: true })
  dissolvedOn: string | null;

  @Column({ name: 'dissolution_reason', type: 'text', nullable: true })
  dissolutionReason: string | null;

  @Column({ name: 'pilot_status', type: 'text' })
  pilotStatus: PilotStatus;

  /** Set by the approval that made it a pilot (Art. 13): its date, call and application. */
  @Column({ name: 'pilot_since', type: 'date', nullable: true })
  pilotSince: string | null;

  @Column({ name: 'pilot_call_id', type: 'uuid', nullable: true })
  pilotCallId: string | null;

  @Column({ name: 'pilot_application_id', type: 'uuid', nullable: true })
  pilotApplicationId: string | null;

  @Column({ type: 'integer' })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;
}
