import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { isId } from '../../common/access/access';
import {
  AgreementSignatureEntity,
  AgreementTaskEntity,
  AllianceAgreementEntity,
} from './alliance-agreement.entity';

/** The twelve clauses of an agreement version and the scan it cites. */
export type AgreementDraft = Pick<
  AllianceAgreementEntity,
  | 'innovationGoals'
  | 'ipOwnership'
  | 'ipLicensing'
  | 'ipBenefitSharing'
  | 'breachLiability'
  | 'ipOnDissolution'
  | 'ipOnMemberExit'
  | 'fundManagement'
  | 'fundSupervision'
  | 'newMembersRule'
  | 'externalCooperation'
  | 'resultsDiffusion'
  | 'scanDocumentId'
>;
export type NewAgreement = AgreementDraft &
  Pick<AllianceAgreementEntity, 'tenantId' | 'allianceId' | 'version' | 'createdBy'>;
export type AgreementTask = { organizationId: string; task: string };

/**
 * Agreement versions, their task division and signatures. Once a version is signed the database
 * refuses changes to it and its tasks (SQLSTATE 55000).
 */
@Injectable()
export class AllianceAgreementsRepository {
  async find(db: EntityManager, id: string): Promise<AllianceAgreementEntity | null> {
    return isId(id) ? db.findOneBy(AllianceAgreementEntity, { id }) : null;
  }

  async nextVersion(db: EntityManager, allianceId: string): Promise<number> {
    const [{ next }] = await db.query<[{ next: number }]>(
      'SELECT coalesce(max(version), 0) + 1 AS next FROM alliance_agreement WHERE alliance_id = $1',
      [allianceId],
    );
    return next;
  }

  insert(db: EntityManager, agreement: NewAgreement): Promise<AllianceAgreementEntity> {
    return db.save(db.create(AllianceAgreementEntity, agreement));
  }

  /** Writes the draft if it is still at `revision`; false when it is not. */
  async updateDraft(
    db: EntityManager,
    id: string,
    revision: number,
    draft: AgreementDraft,
    at: Date,
  ): Promise<boolean> {
    const result = await db.update(
      AllianceAgreementEntity,
      { id, revision },
      { ...draft, revision: revision + 1, updatedAt: at },
    );
    return result.affected === 1;
  }

  async replaceTasks(
    db: EntityManager,
    agreement: Pick<AllianceAgreementEntity, 'id' | 'tenantId'>,
    tasks: readonly AgreementTask[],
  ): Promise<void> {
    await db.delete(AgreementTaskEntity, { tenantId: agreement.tenantId, agreementId: agreement.id });
    if (tasks.length) {
      await db.insert(
        AgreementTaskEntity,
        tasks.map((t) => ({ tenantId: agreement.tenantId, agreementId: agreement.id, ...t })),
      );
    }
  }

  isSigned(db: EntityManager, agreementId: string): Promise<boolean> {
    return db.existsBy(AgreementSignatureEntity, { agreementId });
  }

  /**
   * A second signature of the same member fails with a unique violation; a signatory not on the
   * roll that day with a check violation (the database's trigger).
   */
  async insertSignature(db: EntityManager, signature: AgreementSignatureEntity): Promise<void> {
    await db.insert(AgreementSignatureEntity, signature);
  }
}
