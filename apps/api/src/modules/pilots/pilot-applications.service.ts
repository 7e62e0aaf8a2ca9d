import { Injectable } from '@nestjs/common';
import { type FieldViolation, isFen, PILOT_WORKFLOW } from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { actOn } from '../../common/access/access';
import { pageViolations } from '../../common/paging';
import { type AppError, badInput, violation } from '../../common/errors/app-error';
import { staleEdit } from '../../common/errors/stale-edit';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { AuditService } from '../audit/audit.service';
import { CallsService } from '../calls/calls.service';
import type {
  CreatePilotApplicationInput,
  PilotApplicationFilterInput,
  PilotApplicationPageInput,
  UpdatePilotApplicationInput,
} from './dto/pilot-application.input';
import type { PilotApplicationEntity } from './pilot-application.entity';
import { type PilotApplicationForm, PilotApplicationsRepository } from './pilot-applications.repository';
import { notWithApplicant, requireActor, requireCityStaff } from './pilots.errors';

const MAX_ATTACHMENTS = 50;

const TEXT_LIMITS = {
  goals: [5000, '建设目标'],
  workPlan: [10000, '工作方案'],
  expectedResults: [5000, '预期成果'],
  contactName: [40, '联系人'],
  contactPhone: [40, '联系电话'],
} as const;

const MONEY_FIELDS = [
  ['budgetFen', '申请经费'],
  ['ownInvestmentFen', '自筹投入'],
] as const;

/** Pilot applications: the applicant side's drafts, and what every party reads. */
@Injectable()
export class PilotApplicationsService {
  constructor(
    private readonly applications: PilotApplicationsRepository,
    private readonly calls: CallsService,
    private readonly audit: AuditService,
  ) {}

  /** Whatever row-level security lets the viewer read; anything else is not found. */
  async get(db: EntityManager, id: string): Promise<PilotApplicationEntity> {
    return actOn(await this.applications.find(db, id));
  }

  list(
    db: EntityManager,
    viewer: Viewer,
    filter: PilotApplicationFilterInput,
    read: { withDossier: boolean },
  ): Promise<PilotApplicationEntity[]> {
    return this.applications.list(db, viewer.tenantId, filter, read);
  }

  /** One page of the list, sorted as asked; refused by field when the page is out of range. */
  page(
    db: EntityManager,
    viewer: Viewer,
    filter: PilotApplicationFilterInput,
    page: PilotApplicationPageInput,
    read: { withDossier: boolean },
  ): Promise<{ rows: PilotApplicationEntity[]; totalCount: number }> {
    const problems = pageViolations(page);
    if (problems.length) throw badInput(problems);
    return this.applications.page(db, viewer.tenantId, filter, page, read);
  }

  async create(
    ctx: RequestContext,
    viewer: Viewer,
    input: CreatePilotApplicationInput,
  ): Promise<PilotApplicationEntity> {
    requireCityStaff(viewer, '试点申报由联盟所在市州科技局填报');
    const violations: FieldViolation[] = [];
    const alliance = await this.applications.ownAlliance(ctx.db, viewer.tenantId, input.allianceId);
    if (!alliance) violations.push(violation('allianceId', 'NOT_FOUND', '联盟不存在或不属于本单位'));
    else if (alliance.status !== 'ESTABLISHED' || alliance.dissolvedOn)
      violations.push(violation('allianceId', 'NOT_ESTABLISHED', '只有已成立且未解散的联盟可以申报试点'));
    const call = await this.calls.find(ctx.db, input.callId);
    if (!call || call.kind !== 'PILOT' || call.status !== 'PUBLISHED')
      violations.push(violation('callId', 'NOT_PUBLISHED', '申报通知不存在或尚未发布'));
    if (violations.length || !alliance || !call) throw badInput(violations);
    // The province's call makes a provincial pilot, the city's own a city pilot; the home bureau
    // recommends either way (Art. 10).
    const level = call.tenantId === viewer.tenantId ? 'CITY' : 'PROVINCIAL';
    const id = await this.applications.insertDraft(ctx.db, {
      tenantId: viewer.tenantId,
      allianceId: alliance.id,
      callId: call.id,
      authorityTenantId: call.tenantId,
      level,
      createdBy: viewer.userId,
    });
    if (!id) throw alreadyApplied();
    await this.audit.record(ctx.db, {
      action: 'pilot_application.create',
      subjectType: 'pilot_application',
      subjectId: id,
      after: { state: 'DRAFT', callId: call.id, allianceId: alliance.id, level },
    });
    return this.get(ctx.db, id);
  }

  async update(
    ctx: RequestContext,
    viewer: Viewer,
    input: UpdatePilotApplicationInput,
  ): Promise<PilotApplicationEntity> {
    const application = await this.get(ctx.db, input.id);
    requireActor(viewer, application, 'APPLICANT_SIDE', '只有联盟所在市州科技局可以填写申报书');
    if (!PILOT_WORKFLOW.states[application.state].editable) throw notWithApplicant();
    const stale = () => staleEdit(ctx.db, 'pilot_application', application.id, '该申报书');
    if (application.version !== input.version) throw await stale();
    const attachmentIds = [...new Set(input.attachmentIds)];
    const feasibilityId = input.feasibilityDocumentId ?? null;
    const documentIds = [...new Set([...(feasibilityId ? [feasibilityId] : []), ...attachmentIds])];
    const violations = [
      ...formViolations(input),
      ...(await this.documentViolations(ctx.db, application, feasibilityId, attachmentIds, documentIds)),
    ];
    if (violations.length) throw badInput(violations);
    const form = formOf(input, feasibilityId);
    if (!(await this.applications.updateForm(ctx.db, application.id, application.state, input.version, form)))
      throw await stale();
    // Every document of the dossier is an attachment row: that is what lets the authority and
    // the experts read it once the application reaches them.
    await this.applications.replaceDocuments(ctx.db, application, documentIds);
    await this.audit.record(ctx.db, {
      action: 'pilot_application.update',
      subjectType: 'pilot_application',
      subjectId: application.id,
      before: {
        state: application.state,
        budgetFen: application.budgetFen,
        ownInvestmentFen: application.ownInvestmentFen,
      },
      after: { state: application.state, ...form, attachmentIds },
    });
    return this.get(ctx.db, application.id);
  }

  /** The dossier's documents must be the alliance's own uploads, and not too many. */
  private async documentViolations(
    db: EntityManager,
    application: PilotApplicationEntity,
    feasibilityId: string | null,
    attachmentIds: readonly string[],
    documentIds: readonly string[],
  ): Promise<FieldViolation[]> {
    const violations: FieldViolation[] = [];
    if (attachmentIds.length > MAX_ATTACHMENTS)
      violations.push(violation('attachmentIds', 'MAX_COUNT', `附件不能超过 ${MAX_ATTACHMENTS} 个`));
    const documents = await this.applications.allianceDocuments(db, application.allianceId, documentIds);
    const foreign = (id: string) => !documents.some((d) => d.id === id);
    if (feasibilityId && foreign(feasibilityId))
      violations.push(
        violation('feasibilityDocumentId', 'NOT_ALLIANCE_DOCUMENT', '可行性报告须是本联盟已上传的文件'),
      );
    if (attachmentIds.some(foreign))
      violations.push(violation('attachmentIds', 'NOT_ALLIANCE_DOCUMENT', '附件须是本联盟已上传的文件'));
    return violations;
  }
}

function formViolations(input: UpdatePilotApplicationInput): FieldViolation[] {
  const violations: FieldViolation[] = [];
  for (const [field, [max, label]] of Object.entries(TEXT_LIMITS)) {
    const value = input[field as keyof typeof TEXT_LIMITS];
    if (value.length > max) violations.push(violation(field, 'MAX_LENGTH', `${label}不能超过 ${max} 个字`));
  }
  for (const [field, label] of MONEY_FIELDS) {
    if (!isFen(input[field].trim()))
      violations.push(violation(field, 'FEN', `${label}应为不超过 10^14 分的非负整数（单位：分）`));
  }
  return violations;
}

function formOf(
  input: UpdatePilotApplicationInput,
  feasibilityDocumentId: string | null,
): PilotApplicationForm {
  return {
    goals: input.goals,
    workPlan: input.workPlan,
    budgetFen: BigInt(input.budgetFen.trim()).toString(),
    ownInvestmentFen: BigInt(input.ownInvestmentFen.trim()).toString(),
    expectedResults: input.expectedResults,
    contactName: input.contactName.trim(),
    contactPhone: input.contactPhone.trim(),
    feasibilityDocumentId,
  };
}

function alreadyApplied(): AppError {
  return badInput([
    violation(
      'allianceId',
      'ALREADY_APPLIED',
      '该联盟已就此申报通知提交过申报（同一通知只能有一份有效申报）',
    ),
  ]);
}
