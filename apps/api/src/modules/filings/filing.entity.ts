import {
  FILING_WORKFLOW,
  type FilingDecisionBasis,
  type FilingDocumentKind,
  type FilingSnapshot,
  type FilingState,
  type SignificanceLevel,
} from '@xiangmeng/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { readWith } from '../../common/json-column';
import { TenantOwnedEntity } from '../../common/tenant-owned.entity';

/** A filing round (备案批次): the province's window for its cities' filings. */
@Entity({ name: 'filing_round' })
export class FilingRoundEntity extends TenantOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'integer' })
  year: number;

  @Column({ name: 'document_number', type: 'text' })
  documentNumber: string;

  @Column({ name: 'opens_at', type: 'timestamptz' })
  opensAt: Date;

  @Column({ name: 'closes_at', type: 'timestamptz' })
  closesAt: Date;

  @Column({ name: 'quota_per_unit', type: 'integer', nullable: true })
  quotaPerUnit: number | null;

  @Column({ name: 'review_required', type: 'boolean' })
  reviewRequired: boolean;

  @Column({ name: 'notice_days', type: 'integer' })
  noticeDays: number;

  @Column({ name: 'required_documents', type: 'text', array: true })
  requiredDocuments: FilingDocumentKind[];

  @Column({ type: 'text' })
  status: 'DRAFT' | 'PUBLISHED';

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'integer' })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;
}

/**
 * A filing (备案) of one alliance in one round. The filing city owns the row; the province reads
 * and acts on it from its submission on (row-level security).
 */
@Entity({ name: 'filing' })
export class FilingEntity extends TenantOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'alliance_id', type: 'uuid' })
  allianceId: string;

  @Column({ name: 'round_id', type: 'uuid' })
  roundId: string;

  @Column({ name: 'authority_tenant_id', type: 'uuid' })
  authorityTenantId: string;

  @Column({ type: 'text' })
  state: FilingState;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'text' })
  significance: string;

  @Column({ type: 'text', nullable: true })
  level: SignificanceLevel | null;

  /** The snapshot in force: the latest submission, or the filed one while a change waits. */
  @Column({ type: 'jsonb', nullable: true, transformer: readWith(FILING_WORKFLOW.parseDossier) })
  dossier: FilingSnapshot | null;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ name: 'submitted_by', type: 'uuid', nullable: true })
  submittedBy: string | null;

  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @Column({ name: 'correction_deadline', type: 'date', nullable: true })
  correctionDeadline: string | null;

  @Column({ name: 'notice_starts_on', type: 'date', nullable: true })
  noticeStartsOn: string | null;

  @Column({ name: 'notice_ends_on', type: 'date', nullable: true })
  noticeEndsOn: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({
    name: 'decision_basis',
    type: 'jsonb',
    nullable: true,
    transformer: readWith(FILING_WORKFLOW.parseDecisionBasis),
  })
  decisionBasis: FilingDecisionBasis | null;

  @Column({ name: 'filing_year', type: 'integer', nullable: true })
  filingYear: number | null;

  @Column({ name: 'filing_seq', type: 'integer', nullable: true })
  filingSeq: number | null;

  @Column({ name: 'filing_number', type: 'text', nullable: true })
  filingNumber: string | null;

  @Column({ name: 'filed_on', type: 'date', nullable: true })
  filedOn: string | null;

  @Column({ name: 'valid_through', type: 'date', nullable: true })
  validThrough: string | null;

  @Column({ name: 'national_recommended_at', type: 'timestamptz', nullable: true })
  nationalRecommendedAt: Date | null;

  @Column({ name: 'national_opinion', type: 'text', nullable: true })
  nationalOpinion: string | null;

  /** The reason given with the latest return, refusal, suspension, withdrawal or revocation. */
  @Column({ name: 'last_reason', type: 'text', nullable: true })
  lastReason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** A document of the alliance's register attached to the filing, as the kind the round asks for. */
@Entity({ name: 'filing_document' })
export class FilingDocumentEntity extends TenantOwnedEntity {
  @Column({ name: 'filing_id', type: 'uuid', primary: true })
  filingId: string;

  @Column({ name: 'document_id', type: 'uuid', primary: true })
  documentId: string;

  @Column({ type: 'text', primary: true })
  kind: FilingDocumentKind;

  @Column({ name: 'attached_at', type: 'timestamptz' })
  attachedAt: Date;
}

/** What one submission froze; the database refuses any change to it. */
@Entity({ name: 'filing_snapshot' })
export class FilingSnapshotEntity extends TenantOwnedEntity {
  @Column({ name: 'filing_id', type: 'uuid', primary: true })
  filingId: string;

  @Column({ type: 'integer', primary: true })
  seq: number;

  @Column({ type: 'text' })
  kind: 'SUBMISSION' | 'CHANGE';

  @Column({ type: 'jsonb', transformer: readWith(FILING_WORKFLOW.parseDossier) })
  snapshot: FilingSnapshot;

  @Column({ type: 'text' })
  sha256: string;

  @Column({ name: 'taken_at', type: 'timestamptz' })
  takenAt: Date;

  @Column({ name: 'taken_by', type: 'uuid', nullable: true })
  takenBy: string | null;
}

/** An objection received during the public notice: the province's record. */
@Entity({ name: 'filing_objection' })
export class FilingObjectionEntity extends TenantOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'filing_tenant_id', type: 'uuid' })
  filingTenantId: string;

  @Column({ name: 'filing_id', type: 'uuid' })
  filingId: string;

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

  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
