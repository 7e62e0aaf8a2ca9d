import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import {
  applicationFormGaps,
  chinaDate,
  type FieldViolation,
  ipTermsViolations,
  isCalendarDate,
  isFen,
  PROGRAMME_APPLICATION_WORKFLOW,
  PROGRAMME_DOCUMENT_KIND_LABELS,
  PROGRAMME_KINDS,
  priorInvestmentViolations,
  type ProgrammeActor,
  programmeActorsOf,
  type ProgrammeApplicationForm,
  type ProgrammeDocumentKind,
  recommendingTenantOf,
  type TaskContract,
  verificationViolations,
} from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { actOn, ownRecord, requireStaff } from '../../common/access/access';
import { Clock } from '../../common/clock';
import { AppError, badInput, violation } from '../../common/errors/app-error';
import { staleEdit } from '../../common/errors/stale-edit';
import { checkControlCharacters } from '@xiangmeng/domain';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { AllianceEntity } from '../alliances/alliance.entity';
import { AuditService } from '../audit/audit.service';
import { CallsService } from '../calls/calls.service';
import { type PlatformRecognition, PlatformRecogniser } from './platform-recogniser';
import { ProjectOpener } from './project-opener';
import type { PilotCallEntity } from '../calls/pilot-call.entity';
import type {
  CreateProgrammeApplicationInput,
  DeclarePriorInvestmentInput,
  PriorInvestmentFilterInput,
  ProgrammeApplicationFilterInput,
  ProgrammeCallInput,
  SaveProgrammeApplicationFormInput,
  VerifyPriorInvestmentInput,
} from './dto/programme-application.input';
import type { ProgrammeApplicationEntity } from './programme-application.entity';
import { formOf } from './programme-application.model';
import type { ProgrammeEntity } from './programme.entity';
import {
  type AttachedDocument,
  type InvestmentRow,
  ProgrammeApplicationsRepository,
} from './programme-applications.repository';
import { ProgrammesRepository } from './programmes.repository';

const MAX_DOCUMENTS = 50;
const MAX_PARTICIPANTS = 50;
const MAX_EVIDENCE = 20;
const DOCUMENT_KINDS = Object.keys(PROGRAMME_DOCUMENT_KIND_LABELS) as ProgrammeDocumentKind[];
// What a draft may not be even while incomplete: malformed, rather than not yet filled in.
const MALFORMED = new Set([
  'TOO_LONG',
  'CONTROL_CHARACTER',
  'DUPLICATE',
  'SHARE_RANGE',
  'SHARE_DUPLICATE',
  'SHARE_NOT_PARTICIPANT',
  // A particular's value outside its list: a country code not in ISO 3166-1, a mode not offered.
  'ONE_OF',
  'UNKNOWN_CODE',
  'EXCLUDED_CODE',
]);

export const programmeApplicationChanged = () => new AppError('PROGRAMME_APPLICATION_CHANGED');

/** The step is `actor`'s for this application; FORBIDDEN with `reason` otherwise. */
function requireActor(
  viewer: Viewer,
  application: ProgrammeApplicationEntity,
  actor: ProgrammeActor,
  reason: string,
) {
  if (!programmeActorsOf(viewer, application).includes(actor)) throw new AppError('FORBIDDEN', {}, reason);
}

function requireCityStaff(viewer: Viewer, reason: string): void {
  if (!viewer.roles.some((r) => r === 'CITY_OFFICER' || r === 'CITY_ADMIN'))
    throw new AppError('FORBIDDEN', {}, reason);
}

/**
 * Programme calls, prior investment and programme applications outside their transitions: the
 * drafts, the form, the declarations and verifications, and what every party reads.
 */
@Injectable()
export class ProgrammeApplicationsService {
  constructor(
    private readonly applications: ProgrammeApplicationsRepository,
    private readonly programmes: ProgrammesRepository,
    private readonly calls: CallsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly moduleRef: ModuleRef,
  ) {}

  // ---- calls ----

  listCalls(db: EntityManager, programmeId?: string | null): Promise<PilotCallEntity[]> {
    return this.calls.listProgrammeCalls(db, programmeId ?? undefined);
  }

  /** A programme call the viewer reads; anything else (a pilot call too) is not found. */
  async call(db: EntityManager, id: string): Promise<PilotCallEntity> {
    return actOn(await this.calls.find(db, id), (c) => c.kind === 'PROGRAMME');
  }

  async createCall(
    ctx: RequestContext,
    viewer: Viewer,
    programmeId: string,
    input: ProgrammeCallInput,
  ): Promise<PilotCallEntity> {
    requireStaff(viewer);
    const programme = ownRecord(viewer, await this.programmes.find(ctx.db, programmeId));
    if (programme.status !== 'PUBLISHED')
      throw badInput([violation('programmeId', 'NOT_PUBLISHED', '支持计划发布后才能发布申报通知')]);
    return this.calls.createForProgramme(ctx, viewer, programme, input, {
      allowed: DOCUMENT_KINDS,
      message: `须附文件只能是：${Object.values(PROGRAMME_DOCUMENT_KIND_LABELS).join('、')}`,
    });
  }

  async publishCall(
    ctx: RequestContext,
    viewer: Viewer,
    id: string,
    version: number,
  ): Promise<PilotCallEntity> {
    await this.call(ctx.db, id);
    return this.calls.publish(ctx, viewer, id, version);
  }

  // ---- applications ----

  /** Whatever row-level security lets the viewer read; anything else is not found. */
  async get(db: EntityManager, id: string): Promise<ProgrammeApplicationEntity> {
    return actOn(await this.applications.find(db, id));
  }

  async list(db: EntityManager, viewer: Viewer, filter: ProgrammeApplicationFilterInput) {
    const violations: FieldViolation[] = [];
    if (!Number.isInteger(filter.first) || filter.first < 1 || filter.first > 100)
      violations.push(violation('first', 'INTEGER_RANGE', '每页条数应为 1–100'));
    if (!Number.isInteger(filter.offset) || filter.offset < 0)
      violations.push(violation('offset', 'INTEGER_RANGE', '偏移量应为非负整数'));
    if (violations.length) throw badInput(violations);
    return this.applications.list(db, viewer.tenantId, { ...filter, scope: filter.scope });
  }

  documents(db: EntityManager, application: ProgrammeApplicationEntity): Promise<AttachedDocument[]> {
    return this.applications.attachedDocuments(db, application);
  }

  /** The form: as frozen once submitted, else as saved with the documents attached now. */
  async form(db: EntityManager, application: ProgrammeApplicationEntity): Promise<ProgrammeApplicationForm> {
    if (application.dossier && !PROGRAMME_APPLICATION_WORKFLOW.states[application.state].editable)
      return application.dossier.form;
    const documents = await this.applications.attachedDocuments(db, application);
    return formOf(
      application.form,
      documents.map((d) => d.kind),
    );
  }

  async programmeOf(db: EntityManager, application: { programmeId: string }): Promise<ProgrammeEntity> {
    return actOn(await this.programmes.find(db, application.programmeId));
  }

  async create(
    ctx: RequestContext,
    viewer: Viewer,
    input: CreateProgrammeApplicationInput,
  ): Promise<ProgrammeApplicationEntity> {
    requireCityStaff(viewer, '项目申报由联盟所在市州科技局填报');
    const violations: FieldViolation[] = [];
    const alliance = await this.ownAlliance(ctx.db, viewer, input.allianceId);
    if (!alliance) violations.push(violation('allianceId', 'NOT_FOUND', '联盟不存在或不属于本单位'));
    const call = await this.calls.find(ctx.db, input.callId);
    const programme = call?.programmeId ? await this.programmes.find(ctx.db, call.programmeId) : null;
    if (!call || call.kind !== 'PROGRAMME' || call.status !== 'PUBLISHED' || !programme)
      violations.push(violation('callId', 'NOT_PUBLISHED', '申报通知不存在或尚未发布'));
    if (violations.length || !alliance || !call || !programme) throw badInput(violations);
    const level = programme.tenantId === viewer.tenantId ? viewer.tenantLevel : 'PROVINCE';
    const id = await this.applications.insertDraft(ctx.db, {
      tenantId: viewer.tenantId,
      allianceId: alliance.id,
      callId: call.id,
      programmeId: programme.id,
      authorityTenantId: programme.tenantId,
      recommendingTenantId: recommendingTenantOf({ tenantId: programme.tenantId, level }, viewer.tenantId),
      createdBy: viewer.userId,
    });
    if (!id)
      throw badInput([
        violation(
          'allianceId',
          'ALREADY_APPLIED',
          '该联盟已就此申报通知提交过申报（同一通知只能有一份有效申报）',
        ),
      ]);
    await this.audit.record(ctx.db, {
      action: 'programme_application.create',
      subjectType: 'programme_application',
      subjectId: id,
      after: { state: 'DRAFT', callId: call.id, programmeId: programme.id, allianceId: alliance.id },
    });
    return this.get(ctx.db, id);
  }

  /** Saves the form (a draft may be incomplete, never malformed); answers what the form is filled from. */
  async saveForm(
    ctx: RequestContext,
    viewer: Viewer,
    input: SaveProgrammeApplicationFormInput,
  ): Promise<ProgrammeApplicationEntity> {
    const application = await this.get(ctx.db, input.id);
    requireActor(viewer, application, 'APPLICANT_SIDE', '只有联盟所在市州科技局可以填写项目申请书');
    if (!PROGRAMME_APPLICATION_WORKFLOW.states[application.state].editable)
      throw new AppError('PROGRAMME_APPLICATION_NOT_WITH_APPLICANT');
    const stale = () => staleEdit(ctx.db, 'programme_application', application.id, '该项目申请书');
    if (application.version !== input.version) throw await stale();
    const programme = await this.programmeOf(ctx.db, application);
    const { form, violations } = await this.checkedForm(ctx.db, application, programme, input);
    if (violations.length) throw badInput(violations);
    const { documentKinds: _kinds, ...stored } = form;
    if (
      !(await this.applications.updateForm(
        ctx.db,
        application.id,
        application.state,
        input.version,
        stored,
        form.requestedSupportFen,
      ))
    )
      throw await stale();
    // Every document of the dossier is an attachment row: that is what lets the authority and
    // the experts read it once the application reaches them.
    await this.applications.replaceDocuments(ctx.db, application, dedupeDocuments(input.documents));
    await this.audit.record(ctx.db, {
      action: 'programme_application.save_form',
      subjectType: 'programme_application',
      subjectId: application.id,
      before: { state: application.state, requestedSupportFen: application.requestedSupportFen },
      after: { state: application.state, ...stored, documents: input.documents },
    });
    return this.get(ctx.db, application.id);
  }

  private async checkedForm(
    db: EntityManager,
    application: ProgrammeApplicationEntity,
    programme: ProgrammeEntity,
    input: SaveProgrammeApplicationFormInput,
  ): Promise<{ form: ProgrammeApplicationForm; violations: FieldViolation[] }> {
    const v: FieldViolation[] = [];
    const participantIds = input.participants.map((p) => p.organizationId);
    const shareIds = (input.ipTerms?.benefitShares ?? []).map((s) => s.organizationId);
    const ids = [
      ...new Set([
        ...participantIds,
        ...shareIds,
        ...(input.responsibleUnitId ? [input.responsibleUnitId] : []),
      ]),
    ];
    const organizations = new Map(
      (await this.applications.organizationsByIds(db, ids)).map((o) => [o.id, o.name] as const),
    );
    const nameOf = (id: string, field: string) => {
      const name = organizations.get(id);
      if (name === undefined) v.push(violation(field, 'NOT_FOUND', '单位名录中没有该单位'));
      return name ?? '';
    };
    if (input.participants.length > MAX_PARTICIPANTS)
      v.push(violation('participants', 'MAX_COUNT', `参与单位不超过 ${MAX_PARTICIPANTS} 个`));
    const sectionKeys = new Set(PROGRAMME_KINDS[programme.kind].sections.map((s) => s.key));
    input.sections.forEach((s, i) => {
      if (!sectionKeys.has(s.key))
        v.push(violation(`sections.${i}.key`, 'UNKNOWN_SECTION', '该计划类别的申请书没有这一部分'));
    });
    const particularKeys = new Set(PROGRAMME_KINDS[programme.kind].particulars.map((p) => p.key));
    const seenParticulars = new Set<string>();
    input.particulars.forEach((p, i) => {
      if (!particularKeys.has(p.key))
        v.push(violation(`particulars.${i}.key`, 'UNKNOWN_PARTICULAR', '该计划类别的申请书没有这一项'));
      else if (seenParticulars.has(p.key))
        v.push(violation(`particulars.${i}.key`, 'DUPLICATE', '同一项只能填写一次'));
      seenParticulars.add(p.key);
    });
    const startOn = input.startOn.trim();
    const endOn = input.endOn.trim();
    if (startOn && !isCalendarDate(startOn))
      v.push(violation('startOn', 'DATE', '应为 YYYY-MM-DD 格式的日期'));
    if (endOn && !isCalendarDate(endOn)) v.push(violation('endOn', 'DATE', '应为 YYYY-MM-DD 格式的日期'));
    const fen = input.requestedSupportFen.trim();
    if (!isFen(fen))
      v.push(
        violation('requestedSupportFen', 'FEN', '申请支持金额应为不超过 10^14 分的非负整数（单位：分）'),
      );
    for (const [field, value] of [
      ['title', input.title],
      ['responsiblePerson', input.responsiblePerson],
    ] as const)
      if (checkControlCharacters(value)) v.push(violation(field, 'CONTROL_CHARACTER', '不能包含控制字符'));
    const documents = dedupeDocuments(input.documents);
    if (documents.length > MAX_DOCUMENTS)
      v.push(violation('documents', 'MAX_COUNT', `申报材料不超过 ${MAX_DOCUMENTS} 个`));
    const own = await this.applications.allianceDocuments(
      db,
      application.allianceId,
      documents.map((d) => d.documentId),
    );
    documents.forEach((d, i) => {
      if (!own.some((o) => o.id === d.documentId))
        v.push(
          violation(`documents.${i}.documentId`, 'NOT_ALLIANCE_DOCUMENT', '申报材料须是本联盟已上传的文件'),
        );
    });
    const form: ProgrammeApplicationForm = {
      title: input.title.trim(),
      startOn,
      endOn,
      requestedSupportFen: isFen(fen) ? BigInt(fen).toString() : '0',
      responsibleUnit: input.responsibleUnitId
        ? {
            organizationId: input.responsibleUnitId,
            name: nameOf(input.responsibleUnitId, 'responsibleUnitId'),
          }
        : null,
      responsiblePerson: input.responsiblePerson.trim(),
      participants: input.participants.map((p, i) => ({
        organizationId: p.organizationId,
        name: nameOf(p.organizationId, `participants.${i}.organizationId`),
        task: p.task.trim(),
      })),
      ipTerms: {
        ownership: input.ipTerms?.ownership.trim() ?? '',
        licensing: input.ipTerms?.licensing.trim() ?? '',
        benefitShares: (input.ipTerms?.benefitShares ?? []).map((s, i) => ({
          organizationId: s.organizationId,
          name: nameOf(s.organizationId, `ipTerms.benefitShares.${i}.organizationId`),
          basisPoints: s.basisPoints,
        })),
        onDissolution: input.ipTerms?.onDissolution.trim() ?? '',
        onMemberExit: input.ipTerms?.onMemberExit.trim() ?? '',
      },
      sections: Object.fromEntries(input.sections.map((s) => [s.key, s.text])),
      particulars: Object.fromEntries(input.particulars.map((p) => [p.key, p.value.trim()])),
      documentKinds: [...new Set(documents.map((d) => d.kind))],
    };
    const malformed = [
      ...applicationFormGaps(programme.kind, form, { notice: '', requiredDocuments: [] }),
      ...(form.ipTerms.benefitShares.length ? ipTermsViolations(form.ipTerms, participantIds, '申请书') : []),
    ].filter((x) => MALFORMED.has(x.rule));
    return { form, violations: [...v, ...malformed] };
  }

  private ownAlliance(db: EntityManager, viewer: Viewer, id: string): Promise<AllianceEntity | null> {
    return /^[0-9a-f-]{36}$/i.test(id)
      ? db.findOneBy(AllianceEntity, { id, tenantId: viewer.tenantId })
      : Promise.resolve(null);
  }

  /**
   * The one place an award opens its project (立项), in the award's transaction: the projects
   * feature's ProjectOpener, found when the award is made (see project-opener.ts for why).
   */
  async openProject(
    db: EntityManager,
    award: { application: ProgrammeApplicationEntity; awardFen: string; contract: TaskContract },
  ): Promise<void> {
    const { application, awardFen, contract } = award;
    try {
      await this.moduleRef.get(ProjectOpener, { strict: false }).openFromAward(db, {
        tenantId: application.authorityTenantId,
        programmeId: application.programmeId,
        applicationId: application.id,
        allianceId: application.allianceId,
        allianceTenantId: application.tenantId,
        awardFen,
        contract,
      });
    } catch (error) {
      // A concurrent award of the same application opened it first: this award lost the race.
      if (error instanceof AppError && error.code === 'PROJECT_ALREADY_OPENED')
        throw programmeApplicationChanged();
      throw error;
    }
  }

  /** A recognition enters its platform through the platforms feature (PlatformRecogniser). */
  async recognisePlatform(db: EntityManager, recognition: PlatformRecognition): Promise<{ id: string }> {
    try {
      return await this.moduleRef.get(PlatformRecogniser, { strict: false }).recognise(db, recognition);
    } catch (error) {
      // A concurrent recognition of the same application entered it first.
      if (error instanceof AppError && error.code === 'PLATFORM_ALREADY_RECOGNISED')
        throw programmeApplicationChanged();
      throw error;
    }
  }

  // ---- prior investment ----

  async investments(db: EntityManager, filter: PriorInvestmentFilterInput): Promise<InvestmentRow[]> {
    return this.applications.investments(db, {
      allianceId: filter.allianceId ?? null,
      unverifiedOnly: filter.unverifiedOnly,
    });
  }

  async declareInvestment(
    ctx: RequestContext,
    viewer: Viewer,
    input: DeclarePriorInvestmentInput,
  ): Promise<InvestmentRow> {
    requireCityStaff(viewer, '先行投入由联盟所在市州科技局申报');
    const v: FieldViolation[] = [];
    const alliance = await this.ownAlliance(ctx.db, viewer, input.allianceId);
    if (!alliance) v.push(violation('allianceId', 'NOT_FOUND', '联盟不存在或不属于本单位'));
    const [tenant] = await ctx.db.query<{ parent_id: string | null }[]>(
      `SELECT parent_id FROM tenant WHERE id = $1`,
      [viewer.tenantId],
    );
    if (input.authorityTenantId !== viewer.tenantId && input.authorityTenantId !== tenant?.parent_id)
      v.push(violation('authorityTenantId', 'NOT_AUTHORITY', '先行投入只能报本市州或省科技厅核定'));
    const evidence = [...new Set(input.evidenceDocumentIds)];
    if (evidence.length > MAX_EVIDENCE)
      v.push(violation('evidenceDocumentIds', 'MAX_COUNT', `证明材料不超过 ${MAX_EVIDENCE} 个`));
    const documents = alliance
      ? await this.applications.allianceDocuments(ctx.db, alliance.id, evidence)
      : [];
    if (documents.length !== evidence.length)
      v.push(violation('evidenceDocumentIds', 'NOT_ALLIANCE_DOCUMENT', '证明材料须是本联盟已上传的文件'));
    const declaredFen = input.declaredFen.trim();
    v.push(
      ...priorInvestmentViolations({
        description: input.description,
        declaredFen,
        evidenceDocumentCount: evidence.length,
      }),
    );
    if (v.length || !alliance) throw badInput(v);
    const id = await this.applications.insertInvestment(
      ctx.db,
      {
        tenantId: viewer.tenantId,
        allianceId: alliance.id,
        authorityTenantId: input.authorityTenantId,
        description: input.description.trim(),
        declaredFen: BigInt(declaredFen).toString(),
        declaredBy: viewer.userId,
      },
      evidence,
    );
    await this.audit.record(ctx.db, {
      action: 'prior_investment.declare',
      subjectType: 'prior_investment',
      subjectId: id,
      after: { allianceId: alliance.id, declaredFen, evidenceDocumentIds: evidence },
    });
    return actOn(await this.applications.findInvestment(ctx.db, id));
  }

  async verifyInvestment(
    ctx: RequestContext,
    viewer: Viewer,
    input: VerifyPriorInvestmentInput,
  ): Promise<InvestmentRow> {
    requireStaff(viewer);
    const investment = actOn(await this.applications.findInvestment(ctx.db, input.id));
    if (investment.authorityTenantId !== viewer.tenantId)
      throw new AppError('FORBIDDEN', {}, '先行投入由申报时选定的主管部门核定');
    if (investment.verifiedFen !== null) throw new AppError('PRIOR_INVESTMENT_VERIFIED');
    const reason = input.reason?.trim() || null;
    const verification = {
      verifiedFen: input.verifiedFen.trim(),
      reason,
      verifiedOn: chinaDate(this.clock.now()),
    };
    const violations = verificationViolations(investment.declaredFen, verification);
    if (violations.length) throw badInput(violations);
    const verifiedFen = BigInt(verification.verifiedFen).toString();
    const moved = await this.applications.verify(ctx.db, investment.id, {
      verifiedFen,
      verificationReason: verifiedFen === investment.declaredFen ? reason : reason,
      verifiedOn: verification.verifiedOn,
      verifiedAt: this.clock.now(),
      verifiedBy: viewer.userId,
    });
    if (!moved) throw new AppError('PRIOR_INVESTMENT_VERIFIED');
    await this.audit.record(ctx.db, {
      action: 'prior_investment.verify',
      subjectType: 'prior_investment',
      subjectId: investment.id,
      before: { declaredFen: investment.declaredFen },
      after: { verifiedFen, reason, verifiedOn: verification.verifiedOn },
    });
    return actOn(await this.applications.findInvestment(ctx.db, investment.id));
  }
}

function dedupeDocuments(
  documents: readonly { documentId: string; kind: ProgrammeDocumentKind }[],
): { documentId: string; kind: ProgrammeDocumentKind }[] {
  const seen = new Set<string>();
  return documents.filter((d) => (seen.has(d.documentId) ? false : (seen.add(d.documentId), true)));
}
