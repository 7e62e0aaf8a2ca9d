import {
  PILOT_WORKFLOW,
  type PilotDecisionBasis,
  type PilotDossier,
  type PilotLevel,
  type PilotState,
} from '@xiangmeng/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { readWith } from '../../common/json-column';
import { TenantOwnedEntity } from '../../common/tenant-owned.entity';

/**
 * A pilot application (申报书) of one alliance to one call. The home city owns the row; the
 * authority reads and acts on it once recommended (row-level security).
 */
@Entity({ name: 'pilot_application' })
export class PilotApplicationEntity extends TenantOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'alliance_id', type: 'uuid' })
  allianceId: string;

  @Column({ name: 'call_id', type: 'uuid' })
  callId: string;

  @Column({ name: 'authority_tenant_id', type: 'uuid' })
  authorityTenantId: string;

  @Column({ name: 'recommending_tenant_id', type: 'uuid' })
  recommendingTenantId: string;

  @Column({ type: 'text' })
  level: PilotLevel;

  @Column({ type: 'text' })
  state: PilotState;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'text' })
  goals: string;

  @Column({ name: 'work_plan', type: 'text' })
  workPlan: string;

  /** bigint fen: pg returns a string, which is how the API carries money. */
  @Column({ name: 'budget_fen', type: 'bigint' })
  budgetFen: string;

  @Column({ name: 'own_investment_fen', type: 'bigint' })
  ownInvestmentFen: string;

  @Column({ name: 'expected_results', type: 'text' })
  expectedResults: string;

  @Column({ name: 'contact_name', type: 'text' })
  contactName: string;

  @Column({ name: 'contact_phone', type: 'text' })
  contactPhone: string;

  @Column({ name: 'feasibility_document_id', type: 'uuid', nullable: true })
  feasibilityDocumentId: string | null;

  /** Frozen at submission. */
  @Column({ type: 'jsonb', nullable: true, transformer: readWith(PILOT_WORKFLOW.parseDossier) })
  dossier: PilotDossier | null;

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

  @Column({
    name: 'decision_basis',
    type: 'jsonb',
    nullable: true,
    transformer: readWith(PILOT_WORKFLOW.parseDecisionBasis),
  })
  decisionBasis: PilotDecisionBasis | null;

  @Column({ name: 'last_reason', type: 'text', nullable: true })
  lastReason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** An attachment of the dossier: a document of the alliance's register. */
@Entity({ name: 'pilot_application_document' })
export class PilotApplicationDocumentEntity extends TenantOwnedEntity {
  @Column({ name: 'application_id', type: 'uuid', primary: true })
  applicationId: string;

  @Column({ name: 'document_id', type: 'uuid', primary: true })
  documentId: string;

  @Column({ name: 'attached_at', type: 'timestamptz' })
  attachedAt: Date;
}

/** An objection received during public notice (公示), and the authority's answer. */
@Entity({ name: 'pilot_objection' })
export class PilotObjectionEntity extends TenantOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @Column({ name: 'application_tenant_id', type: 'uuid' })
  applicationTenantId: string;

  @Column({ name: 'received_on', type: 'date' })
  receivedOn: string;

  @Column({ type: 'text' })
  objector: string;

  @Column({ type: 'text' })
  content: string;

  @Column({ type: 'text', nullable: true })
  answer: string | null;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  @Column({ name: 'answered_by', type: 'uuid', nullable: true })
  answeredBy: string | null;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;

  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy: string | null;
}
