import {
  COMPENSATION_CLAIM_WORKFLOW,
  type CompensationClaimDossier,
  type CompensationClaimState,
  type CompensationDecisionBasis,
} from '@xiangmeng/domain';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { readWith } from '../../common/json-column';
import { TenantOwnedEntity } from '../../common/tenant-owned.entity';

/** A risk compensation claim: the engine moves it; everything else reads it through the repository. */
@Entity({ name: 'compensation_claim' })
export class CompensationClaimEntity extends TenantOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'financing_record_id', type: 'uuid' })
  financingRecordId: string;

  @Column({ name: 'institution_id', type: 'uuid' })
  institutionId: string;

  @Column({ type: 'text' })
  state: CompensationClaimState;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'jsonb', transformer: readWith(COMPENSATION_CLAIM_WORKFLOW.parseDossier) })
  dossier: CompensationClaimDossier;

  @Column({
    name: 'decision_basis',
    type: 'jsonb',
    nullable: true,
    transformer: readWith(COMPENSATION_CLAIM_WORKFLOW.parseDecisionBasis),
  })
  decisionBasis: CompensationDecisionBasis | null;

  /** Integer fen, set by the approval. */
  @Column({ name: 'amount_fen', type: 'bigint', nullable: true })
  amountFen: string | null;

  @Column({ name: 'filed_on', type: 'date' })
  filedOn: string;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ name: 'last_reason', type: 'text', nullable: true })
  lastReason: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;
}
