import { Injectable } from '@nestjs/common';
import {
  checkPanel,
  CONFLICT_LABELS,
  conflictsOf,
  describeShortfall,
  type Expert,
  type FieldViolation,
  isStaff,
  type PanelProblem,
  type PanelRequest,
  proposePanel,
  type ReviewSubject,
} from '@xiangmeng/domain';
import { type EntityManager, In, IsNull, QueryFailedError } from 'typeorm';
import { AppError, badInput, invalid, notFound, violation } from '../../common/errors/app-error';
import { CHECK_VIOLATION, sqlState } from '../../common/errors/database-errors';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { AuditService } from '../audit/audit.service';
import { AllianceEntity } from '../alliances/alliance.entity';
import { PilotCallEntity } from '../calls/pilot-call.entity';
import { IndustryEntity } from '../industries/industry.entity';
import { PilotApplicationEntity } from '../pilots/pilot-application.entity';
import type { AssignPanelInput, SwapPanelMemberInput } from './dto/review.input';
import { ExpertAssignmentEntity } from './expert-assignment.entity';
import { ExpertEntity } from './expert.entity';
import { ExpertsService } from './experts.service';
import { type ReviewAggregateResult, ReviewProgressService } from './review-progress.service';
import { ReviewSheetEntity } from './review-sheet.entity';
import { toReviewAggregateModel, toReviewSheetModel } from './review-sheet.view';
import type { PanelProposalModel, ReviewPanelModel } from './review.model';
import { requireStaff, wrongState } from './reviews.errors';
import { UUID } from '../../common/uuid';

const REPLACED_PANEL_REASON = '重新组建专家组';
const UUID_IN_TEXT = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

type DossierMember = { organizationId?: unknown; organization?: { id?: unknown } };

/** What the dossier frozen at submission says about the alliance: its industry and members. */
function dossierFacts(application: PilotApplicationEntity): {
  industryCode: string | null;
  memberIds: string[];
} {
  const dossier = (application.dossier ?? {}) as {
    alliance?: { industryCode?: unknown; industry?: { code?: unknown } };
    members?: DossierMember[];
  };
  const code = dossier.alliance?.industryCode ?? dossier.alliance?.industry?.code;
  const memberIds = (Array.isArray(dossier.members) ? dossier.members : []).flatMap((m) => {
    const id = m.organizationId ?? m.organization?.id;
    return typeof id === 'string' ? [id] : [];
  });
  return { industryCode: typeof code === 'string' ? code : null, memberIds };
}

/** Expert review panels (Art. 11): proposal, assignment, swaps, and what the authority reads of them. */
@Injectable()
export class PanelsService {
  constructor(
    private readonly audit: AuditService,
    private readonly experts: ExpertsService,
    private readonly progress: ReviewProgressService,
  ) {}

  /** An application sent to the viewer's tier as authority; anything else is not found. */
  async received(db: EntityManager, viewer: Viewer, id: string): Promise<PilotApplicationEntity> {
    const application = UUID.test(id) ? await db.findOneBy(PilotApplicationEntity, { id }) : null;
    if (
      !application ||
      !isStaff(viewer.roles) ||
      application.authorityTenantId !== viewer.tenantId ||
      !application.recommendedAt
    )
      throw notFound();
    return application;
  }

  /** Panel changes of one application queue behind each other instead of racing. */
  private async lockReceived(db: EntityManager, viewer: Viewer, id: string): Promise<PilotApplicationEntity> {
    const application = await this.received(db, viewer, id);
    await db.query('SELECT 1 FROM pilot_application WHERE id = $1 FOR UPDATE', [application.id]);
    return this.received(db, viewer, id);
  }

  private async subjectAndRequest(
    db: EntityManager,
    application: PilotApplicationEntity,
  ): Promise<{ subject: ReviewSubject; request: PanelRequest }> {
    const facts = dossierFacts(application);
    let industryCode = facts.industryCode;
    if (!industryCode) {
      // A city's own call: the authority is the home tier and reads the alliance itself.
      const alliance = await db.findOneBy(AllianceEntity, { id: application.allianceId });
      industryCode = alliance?.industryCode ?? null;
    }
    const industry = industryCode ? await db.findOneBy(IndustryEntity, { code: industryCode }) : null;
    const { parameters } = await this.progress.parametersOf(db, application);
    return {
      subject: {
        memberOrganizationIds: [...new Set([...application.memberOrganizationIds, ...facts.memberIds])],
        recommendingOrganizationId: `bureau:${application.recommendingTenantId}`,
      },
      request: {
        size: parameters.review.expertsPerApplication,
        acceptedDomains: industry
          ? [industry.code, ...(industry.parentCode ? [industry.parentCode] : [])]
          : [],
        maxReviewsPerYear: parameters.review.maxReviewsPerExpertPerYear,
      },
    };
  }

  async propose(db: EntityManager, viewer: Viewer, applicationId: string): Promise<PanelProposalModel> {
    requireStaff(viewer);
    const application = await this.received(db, viewer, applicationId);
    if (application.state !== 'ACCEPTED' && application.state !== 'IN_REVIEW')
      throw wrongState('只有已受理或评审中的申报可以组建专家组');
    const { subject, request } = await this.subjectAndRequest(db, application);
    const pool = await this.experts.pool(db, viewer);
    const proposal = proposePanel(
      await this.experts.domainExperts(db, viewer, pool, application.id),
      subject,
      request,
    );
    if (!proposal.panel)
      return { experts: null, explanation: describeShortfall(proposal.shortfall, request.size) };
    const chosen = proposal.panel.map((e) => pool.find((p) => p.id === e.id)!);
    return { experts: await this.experts.toModels(db, viewer, chosen), explanation: null };
  }

  /** Whether the pool can seat a valid panel for the application, and if not, why in words. */
  async canForm(
    db: EntityManager,
    viewer: Viewer,
    application: PilotApplicationEntity,
  ): Promise<{ possible: boolean; explanation: string | null }> {
    const { subject, request } = await this.subjectAndRequest(db, application);
    const pool = await this.experts.pool(db, viewer);
    const proposal = proposePanel(
      await this.experts.domainExperts(db, viewer, pool, application.id),
      subject,
      request,
    );
    return proposal.panel
      ? { possible: true, explanation: null }
      : { possible: false, explanation: describeShortfall(proposal.shortfall, request.size) };
  }

  /** The active seats with their experts and sheets, and the aggregate once a sheet is in. */
  async panel(
    db: EntityManager,
    viewer: Viewer,
    application: PilotApplicationEntity,
  ): Promise<ReviewPanelModel> {
    const { parameters } = await this.progress.parametersOf(db, application);
    const seats = await db.find(ExpertAssignmentEntity, {
      where: { tenantId: viewer.tenantId, applicationId: application.id, withdrawnAt: IsNull() },
      order: { assignedAt: 'ASC', id: 'ASC' },
    });
    const experts = seats.length
      ? await db.find(ExpertEntity, {
          where: { tenantId: viewer.tenantId, id: In(seats.map((s) => s.expertId)) },
        })
      : [];
    const models = new Map((await this.experts.toModels(db, viewer, experts)).map((m) => [m.id, m] as const));
    const sheets = seats.length
      ? await db.find(ReviewSheetEntity, {
          where: { tenantId: viewer.tenantId, assignmentId: In(seats.map((s) => s.id)) },
        })
      : [];
    const submitted = sheets.filter((s) => s.status === 'SUBMITTED').length;
    const aggregate = submitted ? await this.progress.aggregate(db, application) : null;
    return {
      size: parameters.review.expertsPerApplication,
      seats: seats.map((seat) => {
        const expert = models.get(seat.expertId)!;
        const sheet = sheets.find((s) => s.assignmentId === seat.id);
        return {
          assignmentId: seat.id,
          expert,
          assignedAt: seat.assignedAt,
          sheet: sheet ? toReviewSheetModel(sheet, expert.name, parameters.review) : null,
        };
      }),
      complete: seats.length === parameters.review.expertsPerApplication,
      sheetsSubmitted: submitted,
      aggregate: aggregate ? toReviewAggregateModel(aggregate) : null,
    };
  }

  /** One violation per problem, in Chinese, naming the expert (and the organization). */
  private async problemViolations(
    db: EntityManager,
    problems: readonly PanelProblem[],
    panel: readonly Expert[],
    subject: ReviewSubject,
    request: PanelRequest,
    reasons: ReadonlyMap<string, string>,
    fieldOf: (expertId: string) => string,
  ): Promise<FieldViolation[]> {
    const keys = problems.flatMap((p) => ('organizationId' in p ? [p.organizationId] : []));
    const labels = await this.experts.tieLabels(db, keys);
    const byId = new Map(panel.map((e) => [e.id, e] as const));
    const name = (id: string) => byId.get(id)?.name ?? '该专家';
    return problems.map((p) => {
      switch (p.code) {
        case 'WRONG_SIZE':
          return violation('expertIds', p.code, `专家组应为 ${p.expected} 人，现选择了 ${p.actual} 人`);
        case 'CONFLICT': {
          const why = conflictsOf(byId.get(p.expertId)!, subject).find(
            (c) => c.organizationId === p.organizationId,
          );
          const label = labels.get(p.organizationId) ?? '相关单位';
          return violation(
            fieldOf(p.expertId),
            p.code,
            `${name(p.expertId)}与${label}存在利益冲突（${why ? CONFLICT_LABELS[why.code] : '利益冲突'}），不能评审该申报`,
          );
        }
        case 'SHARED_AFFILIATION':
          return violation(
            fieldOf(p.expertIds[1]),
            p.code,
            `${name(p.expertIds[0])}与${name(p.expertIds[1])}同在${labels.get(p.organizationId) ?? '一个单位'}任职，同一单位至多一人`,
          );
        case 'OUTSIDE_DOMAIN':
          return violation(fieldOf(p.expertId), p.code, `${name(p.expertId)}的评审领域与联盟所属产业不符`);
        case 'OVER_YEARLY_CAP':
          return violation(
            fieldOf(p.expertId),
            p.code,
            `${name(p.expertId)}本年度评审任务已达上限（${request.maxReviewsPerYear} 项）`,
          );
        case 'UNAVAILABLE':
          return violation(
            fieldOf(p.expertId),
            p.code,
            `${name(p.expertId)}暂不能评审：${reasons.get(p.expertId) ?? '暂不可用'}`,
          );
        case 'DUPLICATE':
          return violation(fieldOf(p.expertId), p.code, `${name(p.expertId)}被重复选择`);
      }
    });
  }

  private static refusal(violations: FieldViolation[], problems: readonly PanelProblem[]): AppError {
    const conflict = problems.findIndex((p) => p.code === 'CONFLICT');
    if (conflict >= 0) return new AppError('EXPERT_CONFLICT', { violations }, violations[conflict]!.message);
    return new AppError('PANEL_INVALID', { violations }, violations[0]?.message);
  }

  private static unavailableReasons(experts: readonly ExpertEntity[]): Map<string, string> {
    return new Map(
      experts.map((e) => [
        e.id,
        e.userId === null ? '尚未关联专家登录账号' : e.unavailableReason || '暂不可用',
      ]),
    );
  }

  /** A seat and its empty score sheet; the database refuses a conflicted expert whatever we checked. */
  private async seat(
    ctx: RequestContext,
    viewer: Viewer,
    application: PilotApplicationEntity,
    expert: ExpertEntity,
  ): Promise<string> {
    let id: string;
    await ctx.db.query('SAVEPOINT expert_seat');
    try {
      const rows = await ctx.db.query<{ id: string }[]>(
        `INSERT INTO expert_assignment (tenant_id, application_id, application_tenant_id, expert_id, expert_user_id,
                                        review_year, assigned_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [
          viewer.tenantId,
          application.id,
          application.tenantId,
          expert.id,
          expert.userId,
          this.experts.reviewYear(),
          viewer.userId,
        ],
      );
      id = rows[0]!.id;
      await ctx.db.query('RELEASE SAVEPOINT expert_seat');
    } catch (error) {
      throw (await this.triggerRefusal(ctx.db, error, expert)) ?? error;
    }
    await ctx.db.insert(ReviewSheetEntity, {
      tenantId: viewer.tenantId,
      assignmentId: id,
      applicationId: application.id,
      expertId: expert.id,
      expertUserId: expert.userId,
    });
    return id;
  }

  private async triggerRefusal(
    db: EntityManager,
    error: unknown,
    expert: ExpertEntity,
  ): Promise<AppError | null> {
    if (sqlState(error) !== CHECK_VIOLATION || !(error instanceof QueryFailedError)) return null;
    const constraint = (error.driverError as { constraint?: unknown }).constraint;
    if (
      constraint !== 'expert_assignment_conflict_of_interest' &&
      constraint !== 'expert_assignment_one_per_organization'
    )
      return null;
    // The trigger names the organization (or bureau) by id; read its name past the failed statement.
    await db.query('ROLLBACK TO SAVEPOINT expert_seat');
    const tie = [...error.message.matchAll(UUID_IN_TEXT)].map((m) => m[0]).pop() ?? '';
    const labels = UUID.test(tie)
      ? await this.experts.tieLabels(db, [tie, `bureau:${tie}`])
      : new Map<string, string>();
    const label = labels.get(tie) ?? labels.get(`bureau:${tie}`) ?? '相关单位';
    const [rule, message] =
      constraint === 'expert_assignment_conflict_of_interest'
        ? ['CONFLICT', `${expert.name}与${label}存在利益冲突（任职或已声明），不能评审该申报`]
        : ['SHARED_AFFILIATION', `${expert.name}与专家组中另一位专家同在${label}任职，同一单位至多一人`];
    return new AppError('EXPERT_CONFLICT', { violations: [violation('expertIds', rule, message)] }, message);
  }

  private async withdrawActive(
    db: EntityManager,
    viewer: Viewer,
    where: { applicationId: string; assignmentId?: string },
    reason: string,
  ): Promise<string[]> {
    const rows = await db.query<[{ id: string }[], number]>(
      `UPDATE expert_assignment SET withdrawn_at = now(), withdrawn_by = $3, withdrawal_reason = $4
        WHERE tenant_id = $1 AND application_id = $2 AND withdrawn_at IS NULL AND ($5::uuid IS NULL OR id = $5::uuid)
        RETURNING id`,
      [viewer.tenantId, where.applicationId, viewer.userId, reason, where.assignmentId ?? null],
    );
    return rows[0].map((r) => r.id);
  }

  async assign(ctx: RequestContext, viewer: Viewer, input: AssignPanelInput): Promise<ReviewPanelModel> {
    requireStaff(viewer);
    const application = await this.lockReceived(ctx.db, viewer, input.applicationId);
    if (application.state !== 'ACCEPTED') throw wrongState('只有已受理、尚未开始评审的申报可以组建专家组');
    const unknown: FieldViolation[] = [];
    const found = new Map<string, ExpertEntity>();
    for (const [i, id] of input.expertIds.entries()) {
      const expert = UUID.test(id)
        ? await ctx.db.findOneBy(ExpertEntity, { id, tenantId: viewer.tenantId })
        : null;
      if (expert) found.set(id, expert);
      else unknown.push(violation(`expertIds.${i}`, 'NOT_FOUND', '专家库中没有该专家'));
    }
    if (unknown.length) throw badInput(unknown);
    const chosen = input.expertIds.map((id) => found.get(id)!);
    const { subject, request } = await this.subjectAndRequest(ctx.db, application);
    const domain = await this.experts.domainExperts(ctx.db, viewer, [...found.values()], application.id);
    const panel = input.expertIds.map((id) => domain.find((d) => d.id === id)!);
    const problems = checkPanel(panel, subject, request);
    if (problems.length) {
      const violations = await this.problemViolations(
        ctx.db,
        problems,
        panel,
        subject,
        request,
        PanelsService.unavailableReasons(chosen),
        (expertId) => `expertIds.${input.expertIds.indexOf(expertId)}`,
      );
      throw PanelsService.refusal(violations, problems);
    }
    const withdrawn = await this.withdrawActive(
      ctx.db,
      viewer,
      { applicationId: application.id },
      REPLACED_PANEL_REASON,
    );
    const seats: string[] = [];
    for (const expert of chosen) seats.push(await this.seat(ctx, viewer, application, expert));
    await this.audit.record(ctx.db, {
      action: 'expert_assignment.assign_panel',
      subjectType: 'expert_assignment',
      subjectId: application.id,
      before: withdrawn.length
        ? { withdrawnAssignmentIds: withdrawn, reason: REPLACED_PANEL_REASON }
        : undefined,
      after: { applicationId: application.id, expertIds: input.expertIds, assignmentIds: seats },
    });
    return this.panel(ctx.db, viewer, application);
  }

  async swap(ctx: RequestContext, viewer: Viewer, input: SwapPanelMemberInput): Promise<ReviewPanelModel> {
    requireStaff(viewer);
    const reason = input.reason.trim();
    if (!reason) throw invalid('reason', 'REQUIRED', '请填写撤换理由');
    if ([...reason].length > 500) throw invalid('reason', 'TOO_LONG', '撤换理由不能超过 500 个字');
    const seatRow = UUID.test(input.assignmentId)
      ? await ctx.db.findOneBy(ExpertAssignmentEntity, { id: input.assignmentId, tenantId: viewer.tenantId })
      : null;
    if (!seatRow) throw notFound();
    const application = await this.lockReceived(ctx.db, viewer, seatRow.applicationId);
    if (application.state !== 'ACCEPTED' && application.state !== 'IN_REVIEW')
      throw wrongState('只有已受理或评审中的申报可以撤换专家');
    const active = await ctx.db.find(ExpertAssignmentEntity, {
      where: { tenantId: viewer.tenantId, applicationId: application.id, withdrawnAt: IsNull() },
    });
    const seat = active.find((s) => s.id === seatRow.id);
    if (!seat) throw wrongState('该专家已被撤换，请刷新后重试');
    const replacement = UUID.test(input.expertId)
      ? await ctx.db.findOneBy(ExpertEntity, { id: input.expertId, tenantId: viewer.tenantId })
      : null;
    if (!replacement) throw invalid('expertId', 'NOT_FOUND', '专家库中没有该专家');
    if (active.some((s) => s.expertId === replacement.id))
      throw invalid('expertId', 'ALREADY_SEATED', '该专家已在专家组中');
    const staying = await ctx.db.find(ExpertEntity, {
      where: {
        tenantId: viewer.tenantId,
        id: In(active.filter((s) => s.id !== seat.id).map((s) => s.expertId)),
      },
    });
    const { subject, request } = await this.subjectAndRequest(ctx.db, application);
    const panel = await this.experts.domainExperts(ctx.db, viewer, [...staying, replacement], application.id);
    // Only what the replacement brings counts: the others already sit on the panel.
    const problems = checkPanel(panel, subject, { ...request, size: panel.length }).filter((p) =>
      p.code === 'SHARED_AFFILIATION'
        ? p.expertIds.includes(replacement.id)
        : 'expertId' in p && p.expertId === replacement.id,
    );
    if (problems.length) {
      const violations = await this.problemViolations(
        ctx.db,
        problems,
        panel,
        subject,
        request,
        PanelsService.unavailableReasons([replacement]),
        () => 'expertId',
      );
      throw PanelsService.refusal(violations, problems);
    }
    await this.withdrawActive(
      ctx.db,
      viewer,
      { applicationId: application.id, assignmentId: seat.id },
      reason,
    );
    const seated = await this.seat(ctx, viewer, application, replacement);
    await this.audit.record(ctx.db, {
      action: 'expert_assignment.swap',
      subjectType: 'expert_assignment',
      subjectId: seated,
      before: { assignmentId: seat.id, expertId: seat.expertId },
      after: { assignmentId: seated, expertId: replacement.id, applicationId: application.id, reason },
    });
    return this.panel(ctx.db, viewer, application);
  }

  /** A call's applications with at least one submitted sheet, best first. */
  async ranking(
    db: EntityManager,
    viewer: Viewer,
    callId: string,
  ): Promise<{ application: PilotApplicationEntity; aggregate: ReviewAggregateResult }[]> {
    requireStaff(viewer);
    const call = UUID.test(callId)
      ? await db.findOneBy(PilotCallEntity, { id: callId, tenantId: viewer.tenantId })
      : null;
    if (!call) throw notFound();
    const { aggregates } = await this.progress.aggregateCall(db, call);
    if (!aggregates.length) return [];
    const applications = await db.find(PilotApplicationEntity, {
      where: { id: In(aggregates.map((a) => a.applicationId)) },
    });
    return aggregates.flatMap((aggregate) => {
      const application = applications.find((a) => a.id === aggregate.applicationId);
      return application ? [{ application, aggregate }] : [];
    });
  }
}
