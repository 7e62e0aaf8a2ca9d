import { Injectable } from '@nestjs/common';
import type { FieldViolation } from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { ownRecord } from '../../common/access/access';
import { Clock } from '../../common/clock';
import { badInput, invalid, violation } from '../../common/errors/app-error';
import {
  CHECK_VIOLATION,
  OBJECT_NOT_IN_PREREQUISITE_STATE,
  sqlState,
  UNIQUE_VIOLATION,
} from '../../common/errors/database-errors';
import { staleEdit } from '../../common/errors/stale-edit';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { AuditService } from '../audit/audit.service';
import { DocumentsService } from '../documents/documents.service';
import type { AgreementSignatureEntity, AllianceAgreementEntity } from './alliance-agreement.entity';
import { type AgreementDraft, AllianceAgreementsRepository } from './alliance-agreements.repository';
import { dateViolations, textViolations } from './alliance-input.rules';
import { AllianceMembersRepository } from './alliance-members.repository';
import type { AllianceEntity } from './alliance.entity';
import { agreementSigned } from './alliances.errors';
import { AlliancesService } from './alliances.service';
import type {
  AgreementDraftInput,
  CreateAgreementVersionInput,
  RecordSignatureInput,
  UpdateAgreementDraftInput,
} from './dto/alliance.input';

const CLAUSES = [
  ['innovationGoals', '技术创新目标'],
  ['ipOwnership', '知识产权归属'],
  ['ipLicensing', '许可使用'],
  ['ipBenefitSharing', '收益分配'],
  ['breachLiability', '违约责任'],
  ['ipOnDissolution', '解散时知识产权处理'],
  ['ipOnMemberExit', '成员退出时知识产权处理'],
  ['fundManagement', '经费管理办法'],
  ['fundSupervision', '经费监督机制'],
  ['newMembersRule', '吸收新成员办法'],
  ['externalCooperation', '对外合作'],
  ['resultsDiffusion', '成果扩散机制'],
] as const;

function clauses(input: AgreementDraftInput) {
  return Object.fromEntries(CLAUSES.map(([key]) => [key, input[key].trim()])) as Record<
    (typeof CLAUSES)[number][0],
    string
  >;
}

function draftOf(input: AgreementDraftInput): AgreementDraft {
  return { ...clauses(input), scanDocumentId: input.scanDocumentId ?? null };
}

function tasksOf(input: AgreementDraftInput) {
  return input.tasks.map((t) => ({ organizationId: t.organizationId, task: t.task.trim() }));
}

/** Agreement versions (Art. 8(2)): drafts, task division, and each member's signature. */
@Injectable()
export class AllianceAgreementsService {
  constructor(
    private readonly agreements: AllianceAgreementsRepository,
    private readonly members: AllianceMembersRepository,
    private readonly alliances: AlliancesService,
    private readonly documents: DocumentsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  private async checkDraft(
    db: EntityManager,
    alliance: AllianceEntity,
    input: AgreementDraftInput,
  ): Promise<void> {
    const violations: FieldViolation[] = CLAUSES.flatMap(([key, label]) =>
      textViolations(key, input[key], label, 0, 5000),
    );
    const current = await this.members.current(db, alliance.id);
    const seen = new Set<string>();
    input.tasks.forEach((t, i) => {
      if (!current.some((m) => m.organizationId === t.organizationId)) {
        violations.push(
          violation(`tasks.${i}.organizationId`, 'NOT_A_MEMBER', '任务分工只能落实到现有成员单位'),
        );
      }
      if (seen.has(t.organizationId))
        violations.push(violation(`tasks.${i}.organizationId`, 'DUPLICATE', '每个成员单位只写一条分工'));
      seen.add(t.organizationId);
      violations.push(...textViolations(`tasks.${i}.task`, t.task, '任务分工', 1, 2000));
    });
    if (input.scanDocumentId) {
      const scans = await this.documents.belongingTo(
        db,
        alliance.id,
        [input.scanDocumentId],
        'AGREEMENT_SCAN',
      );
      if (!scans.length)
        violations.push(violation('scanDocumentId', 'UNKNOWN_DOCUMENT', '请先上传本联盟的协议扫描件'));
    }
    if (violations.length) throw badInput(violations);
  }

  private async ownAgreement(
    db: EntityManager,
    viewer: Viewer,
    id: string,
  ): Promise<AllianceAgreementEntity> {
    return ownRecord(viewer, await this.agreements.find(db, id));
  }

  async createVersion(
    ctx: RequestContext,
    viewer: Viewer,
    input: CreateAgreementVersionInput,
  ): Promise<AllianceAgreementEntity> {
    const alliance = await this.alliances.lockForChange(ctx.db, viewer, input.allianceId);
    await this.checkDraft(ctx.db, alliance, input);
    // The alliance is locked: no other version can take this number before the insert.
    const version = await this.agreements.nextVersion(ctx.db, alliance.id);
    const agreement = await this.agreements.insert(ctx.db, {
      tenantId: viewer.tenantId,
      allianceId: alliance.id,
      version,
      ...draftOf(input),
      createdBy: viewer.userId,
    });
    await this.agreements.replaceTasks(ctx.db, agreement, tasksOf(input));
    await this.audit.record(ctx.db, {
      action: 'agreement.create_version',
      subjectType: 'alliance',
      subjectId: alliance.id,
      after: { agreementId: agreement.id, version, ...clauses(input), tasks: input.tasks },
    });
    return agreement;
  }

  async updateDraft(
    ctx: RequestContext,
    viewer: Viewer,
    input: UpdateAgreementDraftInput,
  ): Promise<AllianceAgreementEntity> {
    const found = await this.ownAgreement(ctx.db, viewer, input.agreementId);
    const alliance = await this.alliances.lockForChange(ctx.db, viewer, found.allianceId);
    if (await this.agreements.isSigned(ctx.db, found.id)) throw agreementSigned();
    await this.checkDraft(ctx.db, alliance, input);
    let updated: boolean;
    try {
      updated = await this.agreements.updateDraft(
        ctx.db,
        found.id,
        input.revision,
        draftOf(input),
        this.clock.now(),
      );
    } catch (error) {
      // The database's own guard: a signed version is final whatever the check above saw.
      if (sqlState(error) === OBJECT_NOT_IN_PREREQUISITE_STATE) throw agreementSigned();
      throw error;
    }
    if (!updated) {
      throw await staleEdit(ctx.db, 'alliance_agreement', found.id, `联盟协议第 ${found.version} 版草稿`);
    }
    await this.agreements.replaceTasks(ctx.db, found, tasksOf(input));
    await this.audit.record(ctx.db, {
      action: 'agreement.update_draft',
      subjectType: 'alliance',
      subjectId: alliance.id,
      after: { agreementId: found.id, version: found.version, ...clauses(input), tasks: input.tasks },
    });
    return this.ownAgreement(ctx.db, viewer, found.id);
  }

  /** A member's legal representative signs a version (Art. 8(2)); only members on the roll that day may sign. */
  async recordSignature(
    ctx: RequestContext,
    viewer: Viewer,
    input: RecordSignatureInput,
  ): Promise<AgreementSignatureEntity & { allianceId: string }> {
    const agreement = await this.ownAgreement(ctx.db, viewer, input.agreementId);
    const alliance = await this.alliances.lockForChange(ctx.db, viewer, agreement.allianceId);
    const violations = [
      ...dateViolations('signedOn', input.signedOn, this.alliances.today()),
      ...textViolations('signatoryName', input.signatoryName, '签署人姓名', 1, 40),
    ];
    if (violations.length) throw badInput(violations);
    const memberships = await this.members.memberships(ctx.db, alliance.id, input.organizationId);
    const onRoll = memberships.some(
      (m) => m.joinedOn <= input.signedOn && (m.exitedOn === null || m.exitedOn > input.signedOn),
    );
    if (!onRoll)
      throw invalid('organizationId', 'SIGNATORY_NOT_MEMBER', '签署日不是本联盟成员的单位不能签署协议');
    const signature: AgreementSignatureEntity = {
      tenantId: viewer.tenantId,
      agreementId: agreement.id,
      organizationId: input.organizationId,
      signatoryName: input.signatoryName.trim(),
      signedOn: input.signedOn,
      recordedAt: this.clock.now(),
      recordedBy: viewer.userId,
    };
    try {
      await this.agreements.insertSignature(ctx.db, signature);
    } catch (error) {
      const state = sqlState(error);
      if (state === UNIQUE_VIOLATION)
        throw invalid('organizationId', 'ALREADY_SIGNED', '该成员单位已签署此版本');
      if (state === CHECK_VIOLATION)
        throw invalid('organizationId', 'SIGNATORY_NOT_MEMBER', '签署日不是本联盟成员的单位不能签署协议');
      throw error;
    }
    await this.audit.record(ctx.db, {
      action: 'agreement.sign',
      subjectType: 'alliance',
      subjectId: alliance.id,
      after: {
        agreementId: agreement.id,
        version: agreement.version,
        organizationId: input.organizationId,
        signatoryName: signature.signatoryName,
        signedOn: input.signedOn,
      },
    });
    return { ...signature, allianceId: alliance.id };
  }
}
