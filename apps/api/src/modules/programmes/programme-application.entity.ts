import type {
  ProgrammeApplicationDossier,
  ProgrammeApplicationState,
  ProgrammeDecisionBasis,
  ProgrammeDocumentKind,
} from '@xiangmeng/domain';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { TenantOwnedEntity } from '../../common/tenant-owned.entity';

/**
 * An application to a support programme (Art. 14), a kind of the application engine: the row is
 * the alliance's home bureau's; the authority reads and acts on it once it was recommended.
 */
@Entity({ name: 'programme_application' })
export class ProgrammeApplicationEntity extends TenantOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'alliance_id', type: 'uuid' })
  allianceId: string;

  @Column({ name: 'call_id', type: 'uuid' })
  callId: string;

  @Column({ name: 'programme_id', type: 'uuid' })
  programmeId: string;

  @Column({ name: 'authority_tenant_id', type: 'uuid' })
  authorityTenantId: string;

  @Column({ name: 'recommending_tenant_id', type: 'uuid' })
  recommendingTenantId: string;

  @Column({ type: 'text' })
  state: ProgrammeApplicationState;

  @Column({ type: 'integer' })
  version: number;

  /** The form as saved (programme-application-form.ts), read through parseProgrammeApplicationDossier's form parser. */
  @Column({ type: 'jsonb' })
  form: Record<string, unknown>;

  /** Integer fen, kept beside the form for sums and checks. */
  @Column({ name: 'requested_support_fen', type: 'bigint' })
  requestedSupportFen: string;

  @Column({ type: 'jsonb', nullable: true })
  dossier: ProgrammeApplicationDossier | null;

  @Column({ name: 'member_organization_ids', type: 'uuid', array: true })
  memberOrganizationIds: string[];

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ name: 'submitted_by', type: 'uuid', nullable: true })
  submittedBy: string | null;

  @Column({ name: 'recommended_at', type: 'timestamptz', nullable: true })
  recommendedAt: Date | null;

  @Column({ name: 'recommended_by', type: 'uuid', nullable: true })
  recommendedBy: string | null;

  @Column({ name: 'recommendation_opinion', type: 'text', nullable: true })
  recommendationOpinion: string | null;

  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @Column({ name: 'review_started_at', type: 'timestamptz', nullable: true })
  reviewStartedAt: Date | null;

  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @Column({ name: 'notice_starts_on', type: 'date', nullable: true })
  noticeStartsOn: string | null;

  @Column({ name: 'notice_ends_on', type: 'date', nullable: true })
  noticeEndsOn: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ name: 'decision_reason', type: 'text', nullable: true })
  decisionReason: string | null;

  @Column({ name: 'decision_basis', type: 'jsonb', nullable: true })
  decisionBasis: ProgrammeDecisionBasis | null;

  @Column({ name: 'award_fen', type: 'bigint', nullable: true })
  awardFen: string | null;

  /** The task contract the award was made with (task-contract.ts). */
  @Column({ name: 'task_contract', type: 'jsonb', nullable: true })
  taskContract: Record<string, unknown> | null;

  /** The platform a recognition (a PLATFORM outcome kind) entered into the register. */
  @Column({ name: 'recognised_platform_id', type: 'uuid', nullable: true })
  recognisedPlatformId: string | null;

  @Column({ name: 'last_reason', type: 'text', nullable: true })
  lastReason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** A document of the application's dossier, with the kind it is attached as. */
@Entity({ name: 'programme_application_document' })
export class ProgrammeApplicationDocumentEntity extends TenantOwnedEntity {
  @PrimaryColumn({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @PrimaryColumn({ name: 'document_id', type: 'uuid' })
  documentId: string;

  @Column({ type: 'text' })
  kind: ProgrammeDocumentKind;
}

/** Prior investment (先行投入) declared by the home bureau, verified once by the authority. */
@Entity({ name: 'prior_investment' })
export class PriorInvestmentEntity extends TenantOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'alliance_id', type: 'uuid' })
  allianceId: string;

  @Column({ name: 'authority_tenant_id', type: 'uuid' })
  authorityTenantId: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ name: 'declared_fen', type: 'bigint' })
  declaredFen: string;

  @Column({ name: 'declared_at', type: 'timestamptz' })
  declaredAt: Date;

  @Column({ name: 'declared_by', type: 'uuid', nullable: true })
  declaredBy: string | null;

  @Column({ name: 'verified_fen', type: 'bigint', nullable: true })
  verifiedFen: string | null;

  @Column({ name: 'verification_reason', type: 'text', nullable: true })
  verificationReason: string | null;

  @Column({ name: 'verified_on', type: 'date', nullable: true })
  verifiedOn: string | null;

  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true })
  verifiedAt: Date | null;

  @Column({ name: 'verified_by', type: 'uuid', nullable: true })
  verifiedBy: string | null;
}

@Entity({ name: 'prior_investment_document' })
export class PriorInvestmentDocumentEntity extends TenantOwnedEntity {
  @PrimaryColumn({ name: 'investment_id', type: 'uuid' })
  investmentId: string;

  @PrimaryColumn({ name: 'document_id', type: 'uuid' })
  documentId: string;
}
