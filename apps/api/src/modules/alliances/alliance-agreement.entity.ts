import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { TenantOwnedEntity } from '../../common/tenant-owned.entity';

@Entity({ name: 'alliance_agreement' })
export class AllianceAgreementEntity extends TenantOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'alliance_id', type: 'uuid' })
  allianceId: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'innovation_goals', type: 'text' })
  innovationGoals: string;

  @Column({ name: 'ip_ownership', type: 'text' })
  ipOwnership: string;

  @Column({ name: 'ip_licensing', type: 'text' })
  ipLicensing: string;

  @Column({ name: 'ip_benefit_sharing', type: 'text' })
  ipBenefitSharing: string;

  @Column({ name: 'breach_liability', type: 'text' })
  breachLiability: string;

  @Column({ name: 'ip_on_dissolution', type: 'text' })
  ipOnDissolution: string;

  @Column({ name: 'ip_on_member_exit', type: 'text' })
  ipOnMemberExit: string;

  @Column({ name: 'fund_management', type: 'text' })
  fundManagement: string;

  @Column({ name: 'fund_supervision', type: 'text' })
  fundSupervision: string;

  @Column({ name: 'new_members_rule', type: 'text' })
  newMembersRule: string;

  @Column({ name: 'external_cooperation', type: 'text' })
  externalCooperation: string;

  @Column({ name: 'results_diffusion', type: 'text' })
  resultsDiffusion: string;

  @Column({ name: 'scan_document_id', type: 'uuid', nullable: true })
  scanDocumentId: string | null;

  /** Edits of the draft (`version` numbers the agreement itself). */
  @Column({ type: 'integer', default: 1 })
  revision: number;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;
}

@Entity({ name: 'agreement_task' })
export class AgreementTaskEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryColumn({ name: 'agreement_id', type: 'uuid' })
  agreementId: string;

  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ type: 'text' })
  task: string;
}

@Entity({ name: 'agreement_signature' })
export class AgreementSignatureEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryColumn({ name: 'agreement_id', type: 'uuid' })
  agreementId: string;

  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'signatory_name', type: 'text' })
  signatoryName: string;

  @Column({ name: 'signed_on', type: 'date' })
  signedOn: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;

  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy: string | null;
}
