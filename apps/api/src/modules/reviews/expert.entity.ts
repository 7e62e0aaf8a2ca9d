import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { TenantOwnedEntity } from '../../common/tenant-owned.entity';

/** A reviewer in an authority's pool (Art. 11). */
@Entity({ name: 'expert' })
export class ExpertEntity extends TenantOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', array: true })
  domains: string[];

  @Column({ type: 'boolean' })
  available: boolean;

  @Column({ name: 'unavailable_reason', type: 'text' })
  unavailableReason: string;

  @Column({ type: 'integer' })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
