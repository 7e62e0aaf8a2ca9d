import {
  type BudgetSource,
  type LedgerEntryKind,
  parseProjectAcceptance,
  parseProjectChange,
  parseProgressReports,
  PROJECT_WORKFLOW,
  type ProgressReport,
  type ProjectAcceptance,
  type ProjectChange,
  type ProjectDecisionBasis,
  type ProjectState,
  type TaskContract,
} from '@xiangmeng/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { readWith } from '../../common/json-column';
import { TenantOwnedEntity } from '../../common/tenant-owned.entity';

/**
 * A project (立项) under its task contract. The awarding authority owns the row (`tenantId`); the
 * alliance's home bureau (`allianceTenantId`) reads it and acts for the responsible unit.
 */
@Entity({ name: 'project' })
export class ProjectEntity extends TenantOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'alliance_tenant_id', type: 'uuid' })
  allianceTenantId: string;

  @Column({ name: 'programme_id', type: 'uuid' })
  programmeId: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @Column({ name: 'alliance_id', type: 'uuid' })
  allianceId: string;

  @Column({ type: 'text' })
  title: string;

  /** Integer fen; pg returns bigint as a string, which is how it stays. */
  @Column({ name: 'award_fen', type: 'bigint' })
  awardFen: string;

  @Column({ name: 'support_source', type: 'text' })
  supportSource: BudgetSource;

  @Column({ name: 'awarded_on', type: 'date' })
  awardedOn: string;

  @Column({ type: 'text' })
  state: ProjectState;

  @Column({ type: 'integer' })
  version: number;

  /** The task contract in force. */
  @Column({ type: 'jsonb', transformer: readWith(PROJECT_WORKFLOW.parseDossier) })
  dossier: TaskContract | null;

  @Column({
    name: 'decision_basis',
    type: 'jsonb',
    nullable: true,
    transformer: readWith(PROJECT_WORKFLOW.parseDecisionBasis),
  })
  decisionBasis: ProjectDecisionBasis | null;

  @Column({
    name: 'pending_change',
    type: 'jsonb',
    nullable: true,
    transformer: readWith(parseProjectChange),
  })
  pendingChange: ProjectChange | null;

  @Column({ name: 'change_requested_by', type: 'uuid', nullable: true })
  changeRequestedBy: string | null;

  @Column({ type: 'jsonb', transformer: readWith(parseProgressReports) })
  reports: ProgressReport[];

  @Column({ name: 'frozen_at', type: 'timestamptz', nullable: true })
  frozenAt: Date | null;

  /** The acceptance request (验收) and its review, from REQUEST_ACCEPTANCE on. */
  @Column({ type: 'jsonb', nullable: true, transformer: readWith(parseProjectAcceptance) })
  acceptance: ProjectAcceptance | null;

  @Column({ name: 'notice_starts_on', type: 'date', nullable: true })
  noticeStartsOn: string | null;

  @Column({ name: 'notice_ends_on', type: 'date', nullable: true })
  noticeEndsOn: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ name: 'last_reason', type: 'text', nullable: true })
  lastReason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz', insert: false, update: false })
  updatedAt: Date;
}

/** One disbursement (拨付) or recovery (追回): append-only, the authority's row. */
@Entity({ name: 'project_ledger_entry' })
export class ProjectLedgerEntryEntity extends TenantOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @Column({ type: 'text' })
  kind: LedgerEntryKind;

  @Column({ name: 'amount_fen', type: 'bigint' })
  amountFen: string;

  @Column({ name: 'entry_on', type: 'date' })
  entryOn: string;

  @Column({ name: 'document_number', type: 'text' })
  documentNumber: string;

  @Column({ type: 'text' })
  note: string;

  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy: string | null;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
