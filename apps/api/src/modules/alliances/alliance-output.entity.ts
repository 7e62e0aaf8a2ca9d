import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { TenantOwnedEntity } from '../../common/tenant-owned.entity';

export type { AllianceOutputKind } from '@xiangmeng/domain';
import type { AllianceOutputKind } from '@xiangmeng/domain';

@Entity({ name: 'alliance_output' })
export class AllianceOutputEntity extends TenantOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'alliance_id', type: 'uuid' })
  allianceId: string;

  @Column({ type: 'integer' })
  year: number;

  @Column({ type: 'text' })
  kind: AllianceOutputKind;

  @Column({ type: 'integer' })
  quantity: number;

  @Column({ type: 'text' })
  description: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
