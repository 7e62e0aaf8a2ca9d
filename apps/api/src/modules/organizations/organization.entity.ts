import type { OrganizationType } from '@xiangmeng/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A legal person in the shared directory; not tenant-owned (legal persons are public record). */
@Entity({ name: 'organization' })
export class OrganizationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'credit_code', type: 'text' })
  creditCode: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  type: OrganizationType;

  @Column({ name: 'legal_representative', type: 'text' })
  legalRepresentative: string;

  @Column({ name: 'division_code', type: 'text', insert: false, update: false })
  divisionCode: string;

  @Column({ name: 'industry_backbone', type: 'boolean' })
  industryBackbone: boolean;

  @Column({ name: 'backbone_basis', type: 'text' })
  backboneBasis: string;

  @Column({ name: 'added_by_tenant_id', type: 'uuid' })
  addedByTenantId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'integer' })
  version: number;
}
