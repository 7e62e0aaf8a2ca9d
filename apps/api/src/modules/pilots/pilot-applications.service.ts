import { Injectable } from '@nestjs/common';
import {
  type DocumentKind,
  type FieldViolation,
  isFen,
  PILOT_WORKFLOW,
  pilotActorsOf,
  statesWhere,
} from '@xiangmeng/domain';
import { sqlStates } from '../applications/sql-states';
import { type EntityManager, In } from 'typeorm';
import { AppError, badInput, notFound, violation } from '../../common/errors/app-error';
import { staleEdit } from '../../common/errors/stale-edit';
import { sqlState, UNIQUE_VIOLATION } from '../../common/errors/database-errors';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { UUID } from '../../common/uuid';
import { AllianceEntity } from '../alliances/alliance.entity';
import { AuditService } from '../audit/audit.service';
import { PilotCallEntity } from '../calls/pilot-call.entity';
import { DocumentEntity } from '../documents/document.entity';
import type {
  CreatePilotApplicationInput,
  PilotApplicationFilterInput,
  UpdatePilotApplicationInput,
} from './dto/pilot-application.input';
import { PilotApplicationDocumentEntity, PilotApplicationEntity } from './pilot-application.entity';
import { notWithApplicant } from './pilots.errors';

const MAX_ATTACHMENTS = 50;

const TEXT_LIMITS = {
  goals: [5000, '建设目标'],
  workPlan: [10000, '工作方案'],
  expectedResults: [5000, '预期成果'],
  contactName: [40, '联系人'],
  contactPhone: [40, '联系电话'],
} as const;

function isCityStaff(viewer: Viewer): boolean {
  return viewer.roles.includes('CITY_OFFICER') || viewer.roles.includes('CITY_ADMIN');
}

/** Pilot applications: the applicant side's drafts, and what every party reads. */
@Injectable()
export class PilotApplicationsService {
  constructor(private readonly audit: AuditService) {}

  /** Whatever row-level security lets the viewer read; anything else is not found. */
  async get(db: EntityManager, id: string): Promise<PilotApplicationEntity> {
    const application = UUID.test(id) ? await db.findOneBy(PilotApplicationEntity, { id }) : null;
    if (!application) throw notFound();
    return application;
  }

  /** The kinds of document attached to the application's dossier. */
  async attachedDocumentKinds(
    db: EntityManager,
    application: PilotApplicationEntity,
  ): Promise<DocumentKind[]> {
    const rows = await db.query<{ kind: DocumentKind }[]>(
      `SELECT DISTINCT d.kind FROM pilot_application_document a
         JOIN document d ON d.tenant_id = a.tenant_id AND d.id = a.document_id
        WHERE a.tenant_id = $1 AND a.application_id = $2`,
      [application.tenantId, application.id],
    );
    return rows.map((r) => r.kind);
  }

  /** Objections raised during the public notice and not yet answered. */
  async openObjectionCount(db: EntityManager, application: PilotApplicationEntity): Promise<number> {
    const [row] = await db.query<{ open: number }[]>(
      `SELECT count(*)::int AS open FROM pilot_objection
        WHERE tenant_id = $1 AND application_id = $2 AND answer IS NULL`,
      [application.authorityTenantId, application.id],
    );
    return row?.open ?? 0;
  }

  list(
    db: EntityManager,
    viewer: Viewer,
    filter: PilotApplicationFilterInput,
  ): Promise<PilotApplicationEntity[]> {
    const query = db.createQueryBuilder(PilotApplicationEntity, 'a');
    if (filter.scope === 'OWN') query.andWhere('a.tenant_id = :me', { me: viewer.tenantId });
    if (filter.scope === 'RECEIVED')
      query.andWhere('a.authority_tenant_id = :me AND a.recommended_at IS NOT NULL', { me: viewer.tenantId });
    if (filter.callId) {
      if (!UUID.test(filter.callId)) return Promise.resolve([]);
      query.andWhere('a.call_id = :callId', { callId: filter.callId });
    }
    if (filter.states?.length) query.andWhere('a.state IN (:...states)', { states: filter.states });
    return query.orderBy('a.created_at', 'DESC').addOrderBy('a.id', 'DESC').getMany();
  }

  async create(
    ctx: RequestContext,
    viewer: Viewer,
    input: CreatePilotApplicationInput,
  ): Promise<PilotApplicationEntity> {
    if (!isCityStaff(viewer)) throw new AppError('FORBIDDEN', {}, '试点申报由联盟所在市州科技局填报');
    const violations: FieldViolation[] = [];
    const alliance = UUID.test(input.allianceId)
      ? await ctx.db.findOneBy(AllianceEntity, { id: input.allianceId, tenantId: viewer.tenantId })
      : null;
    if (!alliance) violations.push(violation('allianceId', 'NOT_FOUND', '联盟不存在或不属于本单位'));
    else if (alliance.status !== 'ESTABLISHED' || alliance.dissolvedOn)
      violations.push(violation('allianceId', 'NOT_ESTABLISHED', '只有已成立且未解散的联盟可以申报试点'));
    const call = UUID.test(input.callId)
      ? await ctx.db.findOneBy(PilotCallEntity, { id: input.callId })
      : null;
    if (!call || call.status !== 'PUBLISHED')
      violations.push(violation('callId', 'NOT_PUBLISHED', '申报通知不存在或尚未发布'));
    if (violations.length || !alliance || !call) throw badInput(violations);
    // The province's call makes a provincial pilot, the city's own a city pilot; the home bureau
    // recommends either way (Art. 10).
    const level = call.tenantId === viewer.tenantId ? 'CITY' : 'PROVINCIAL';
    const existing = await ctx.db.query<{ id: string }[]>(
      `SELECT id FROM pilot_application WHERE tenant_id = $1 AND call_id = $2 AND alliance_id = $3
          AND state NOT IN ${sqlStates(statesWhere(PILOT_WORKFLOW, 'lapsed'))}`,
      [viewer.tenantId, call.id, alliance.id],
    );
    if (existing.length) throw alreadyApplied();
    let id: string;
    try {
      const rows = await ctx.db.query<{ id: string }[]>(
        `INSERT INTO pilot_application (tenant_id, alliance_id, call_id, authority_tenant_id, recommending_tenant_id,
                                        level, created_by)
         VALUES ($1, $2, $3, $4, $1, $5, $6) RETURNING id`,
        [viewer.tenantId, alliance.id, call.id, call.tenantId, level, viewer.userId],
      );
      id = rows[0]!.id;
    } catch (error) {
      if (sqlState(error) === UNIQUE_VIOLATION) throw alreadyApplied();
      throw error;
    }
    await this.audit.record(ctx.db, {
      action: 'pilot_application.create',
      subjectType: 'pilot_application',
      subjectId: id,
      after: { state: 'DRAFT', callId: call.id, allianceId: alliance.id, level },
    });
    return this.get(ctx.db, id);
  }

  private checkForm(input: UpdatePilotApplicationInput): FieldViolation[] {
    const violations: FieldViolation[] = [];
    for (const [field, [max, label]] of Object.entries(TEXT_LIMITS)) {
      const value = input[field as keyof typeof TEXT_LIMITS];
      if (value.length > max) violations.push(violation(field, 'MAX_LENGTH', `${label}不能超过 ${max} 个字`));
    }
    for (const [field, label] of [
      ['budgetFen', '申请经费'],
      ['ownInvestmentFen', '自筹投入'],
    ] as const) {
      const value = input[field].trim();
      if (!isFen(value))
        violations.push(violation(field, 'FEN', `${label}应为不超过 10^14 分的非负整数（单位：分）`));
    }
    return violations;
  }

  async update(
    ctx: RequestContext,
    viewer: Viewer,
    input: UpdatePilotApplicationInput,
  ): Promise<PilotApplicationEntity> {
    const application = await this.get(ctx.db, input.id);
    if (!pilotActorsOf(viewer, application).includes('APPLICANT_SIDE'))
      throw new AppError('FORBIDDEN', {}, '只有联盟所在市州科技局可以填写申报书');
    if (!PILOT_WORKFLOW.states[application.state].editable) throw notWithApplicant();
    const stale = () => staleEdit(ctx.db, 'pilot_application', application.id, '该申报书');
    if (application.version !== input.version) throw await stale();
    const violations = this.checkForm(input);
    const attachmentIds = [...new Set(input.attachmentIds)];
    const feasibilityId = input.feasibilityDocumentId ?? null;
    const wanted = [...new Set([...(feasibilityId ? [feasibilityId] : []), ...attachmentIds])];
    if (attachmentIds.length > MAX_ATTACHMENTS)
      violations.push(violation('attachmentIds', 'MAX_COUNT', `附件不能超过 ${MAX_ATTACHMENTS} 个`));
    const valid = wanted.filter((id) => UUID.test(id));
    const documents = valid.length
      ? await ctx.db.findBy(DocumentEntity, { id: In(valid), allianceId: application.allianceId })
      : [];
    const foreign = (id: string) => !documents.some((d) => d.id === id);
    if (feasibilityId && foreign(feasibilityId))
      violations.push(
        violation('feasibilityDocumentId', 'NOT_ALLIANCE_DOCUMENT', '可行性报告须是本联盟已上传的文件'),
      );
    if (attachmentIds.some(foreign))
      violations.push(violation('attachmentIds', 'NOT_ALLIANCE_DOCUMENT', '附件须是本联盟已上传的文件'));
    if (violations.length) throw badInput(violations);
    const form = {
      goals: input.goals,
      workPlan: input.workPlan,
      budgetFen: BigInt(input.budgetFen.trim()).toString(),
      ownInvestmentFen: BigInt(input.ownInvestmentFen.trim()).toString(),
      expectedResults: input.expectedResults,
      contactName: input.contactName.trim(),
      contactPhone: input.contactPhone.trim(),
      feasibilityDocumentId: feasibilityId,
    };
    const result = await ctx.db.update(
      PilotApplicationEntity,
      { id: application.id, state: application.state, version: input.version },
      { ...form, version: input.version + 1 },
    );
    if (result.affected !== 1) throw await stale();
    // Every document of the dossier is an attachment row: that is what lets the authority and
    // the experts read it once the application reaches them.
    await ctx.db.delete(PilotApplicationDocumentEntity, {
      tenantId: application.tenantId,
      applicationId: application.id,
    });
    for (const documentId of wanted) {
      await ctx.db.insert(PilotApplicationDocumentEntity, {
        tenantId: application.tenantId,
        applicationId: application.id,
        documentId,
      });
    }
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

  /** Attachments other than the feasibility report, in the order attached. */
  async attachments(
    db: EntityManager,
    application: { id: string; tenantId: string },
  ): Promise<DocumentEntity[]> {
    const rows = await db.find(PilotApplicationDocumentEntity, {
      where: { tenantId: application.tenantId, applicationId: application.id },
      order: { attachedAt: 'ASC' },
    });
    if (!rows.length) return [];
    const documents = await db.findBy(DocumentEntity, { id: In(rows.map((r) => r.documentId)) });
    return rows.flatMap((r) => documents.filter((d) => d.id === r.documentId));
  }
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
