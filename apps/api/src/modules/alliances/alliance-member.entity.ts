import type { MemberRole } from '@xiangmeng/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { TenantOwnedEntity } from '../../common/tenant-owned.entity';

@Entity({ name: 'alliance_member' })
export class AllianceMemberEntity extends TenantOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'alliance_id', type: 'uuid' })
  allianceId: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ type: 'text' })
  role: MemberRole;

  @Column({ name: 'joined_on', type: 'date' })
  joinedOn: string;

  @Column({ name: 'exited_on', type: 'date', nullable: true })
  exitedOn: string | null;

  @Column({ name: 'exit_reason', type: 'text', nullable: true })
  exitReason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
