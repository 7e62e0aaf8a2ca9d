import { Injectable } from '@nestjs/common';
import type { FieldViolation } from '@xiangmeng/domain';
import { type EntityManager, IsNull } from 'typeorm';
import { Clock } from '../../common/clock';
import { AppError, badInput, invalid, notFound, violation } from '../../common/errors/app-error';
import { staleEdit } from '../../common/errors/stale-edit';
import {
  CHECK_VIOLATION,
  OBJECT_NOT_IN_PREREQUISITE_STATE,
  sqlState,
  UNIQUE_VIOLATION,
} from '../../common/errors/database-errors';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { AuditService } from '../audit/audit.service';
import { DocumentEntity } from '../documents/document.entity';
import {
  AgreementSignatureEntity,
  AgreementTaskEntity,
  AllianceAgreementEntity,
} from './alliance-agreement.entity';
import { AllianceMemberEntity } from './alliance-member.entity';
import type { AllianceEntity } from './alliance.entity';
import { dateViolations, textViolations } from './alliance-input.rules';
import { AlliancesService } from './alliances.service';
import type {
  AgreementDraftInput,
  CreateAgreementVersionInput,
  RecordSignatureInput,
  UpdateAgreementDraftInput,
} from './dto/alliance.input';

const UUID = /^[0-9a-f-]{36}$/i;

const CLAUSES = [
  ['innovationGoals', '技术创新目标'],
  ['ipOwnership', '知识产权归属'],
  ['ipLicensing', '许可使用'],
  ['ipBenefitSharing', '收益分配'],
  ['breachLiability', '违约责任'],
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

function signedIsFinal(): AppError {
  return new AppError('CONFLICT', {}, '该版本协议已有成员签署，内容不能再改；如需修改请新建版本');
}

@Injectable()
export class AllianceAgreementsService {
  constructor(
    private readonly alliances: AlliancesService,
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
    const current = await db.findBy(AllianceMemberEntity, { allianceId: alliance.id, exitedOn: IsNull() });
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
      const scan = UUID.test(input.scanDocumentId)
        ? await db.findOneBy(DocumentEntity, {
            id: input.scanDocumentId,
            allianceId: alliance.id,
            kind: 'AGREEMENT_SCAN',
          })
        : null;
      if (!scan)
        violations.push(violation('scanDocumentId', 'UNKNOWN_DOCUMENT', '请先上传本联盟的协议扫描件'));
    }
    if (violations.length) throw badInput(violations);
  }

  async createVersion(
    ctx: RequestContext,
    viewer: Viewer,
    input: CreateAgreementVersionInput,
  ): Promise<AllianceAgreementEntity> {
    const alliance = await this.alliances.lockForChange(ctx.db, viewer, input.allianceId);
    await this.checkDraft(ctx.db, alliance, input);
    const [{ next }] = await ctx.db.query<[{ next: number }]>(
      'SELECT coalesce(max(version), 0) + 1 AS next FROM alliance_agreement WHERE alliance_id = $1',
      [alliance.id],
    );
    const agreement = await ctx.db.save(
      ctx.db.create(AllianceAgreementEntity, {
        tenantId: viewer.tenantId,
        allianceId: alliance.id,
        version: next,
        ...clauses(input),
        scanDocumentId: input.scanDocumentId ?? null,
        createdBy: viewer.userId,
      }),
    );
    await this.writeTasks(ctx.db, viewer, agreement.id, input);
    await this.audit.record(ctx.db, {
      action: 'agreement.create_version',
      subjectType: 'alliance',
      subjectId: alliance.id,
      after: { agreementId: agreement.id, version: next, ...clauses(input), tasks: input.tasks },
    });
    return agreement;
  }

  private async writeTasks(
    db: EntityManager,
    viewer: Viewer,
    agreementId: string,
    input: AgreementDraftInput,
  ) {
    await db.delete(AgreementTaskEntity, { tenantId: viewer.tenantId, agreementId });
    if (input.tasks.length) {
      await db.insert(
        AgreementTaskEntity,
        input.tasks.map((t) => ({
          tenantId: viewer.tenantId,
          agreementId,
          organizationId: t.organizationId,
          task: t.task.trim(),
        })),
      );
    }
  }

  private async ownAgreement(
    db: EntityManager,
    viewer: Viewer,
    id: string,
  ): Promise<AllianceAgreementEntity> {
    const agreement = UUID.test(id)
      ? await db.findOneBy(AllianceAgreementEntity, { id, tenantId: viewer.tenantId })
      : null;
    if (!agreement) throw notFound();
    return agreement;
  }

  async updateDraft(
    ctx: RequestContext,
    viewer: Viewer,
    input: UpdateAgreementDraftInput,
  ): Promise<AllianceAgreementEntity> {
    const found = await this.ownAgreement(ctx.db, viewer, input.agreementId);
    const alliance = await this.alliances.lockForChange(ctx.db, viewer, found.allianceId);
    if (await ctx.db.existsBy(AgreementSignatureEntity, { agreementId: found.id })) throw signedIsFinal();
    await this.checkDraft(ctx.db, alliance, input);
    let affected: number | undefined;
    try {
      ({ affected } = await ctx.db.update(
        AllianceAgreementEntity,
        { id: found.id, revision: input.revision },
        {
          ...clauses(input),
          scanDocumentId: input.scanDocumentId ?? null,
          revision: input.revision + 1,
          updatedAt: this.clock.now(),
        },
      ));
    } catch (error) {
      if (sqlState(error) === OBJECT_NOT_IN_PREREQUISITE_STATE) throw signedIsFinal();
      throw error;
    }
    if (affected !== 1) {
      throw await staleEdit(ctx.db, 'alliance_agreement', found.id, `联盟协议第 ${found.version} 版草稿`);
    }
    await this.writeTasks(ctx.db, viewer, found.id, input);
    await this.audit.record(ctx.db, {
      action: 'agreement.update_draft',
      subjectType: 'alliance',
      subjectId: alliance.id,
      after: { agreementId: found.id, version: found.version, ...clauses(input), tasks: input.tasks },
    });
    return ctx.db.findOneByOrFail(AllianceAgreementEntity, { id: found.id });
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
    const members = await ctx.db.findBy(AllianceMemberEntity, {
      allianceId: alliance.id,
      organizationId: input.organizationId,
    });
    const onRoll = members.some(
      (m) => m.joinedOn <= input.signedOn && (m.exitedOn === null || m.exitedOn > input.signedOn),
    );
    if (!onRoll)
      throw invalid('organizationId', 'SIGNATORY_NOT_MEMBER', '签署日不是本联盟成员的单位不能签署协议');
    const signature = ctx.db.create(AgreementSignatureEntity, {
      tenantId: viewer.tenantId,
      agreementId: agreement.id,
      organizationId: input.organizationId,
      signatoryName: input.signatoryName.trim(),
      signedOn: input.signedOn,
      recordedAt: this.clock.now(),
      recordedBy: viewer.userId,
    });
    try {
      await ctx.db.insert(AgreementSignatureEntity, signature);
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
