import { Injectable } from '@nestjs/common';
import {
  checkPanel,
  CONFLICT_LABELS,
  conflictsOf,
  describeShortfall,
  describeUnfilledSeat,
  type Expert,
  type FieldViolation,
  isStaff,
  type PanelProblem,
  type PanelRequest,
  proposePanel,
  type ReviewParties,
} from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { actOn, isId, ownRecord, requireStaff } from '../../common/access/access';
import { AppError, badInput, invalid, violation } from '../../common/errors/app-error';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { AuditService } from '../audit/audit.service';
import type { Posting } from '../messages/messages.repository';
import { MessagesService } from '../messages/messages.service';
import { CallsService } from '../calls/calls.service';
import type { AssignPanelInput, SwapPanelMemberInput } from './dto/review.input';
import type { ExpertEntity } from './expert.entity';
import { ExpertsService } from './experts.service';
import { type ReviewAggregateResult, ReviewProgressService } from './review-progress.service';
import { toReviewAggregateModel, toReviewSheetModel } from './review-sheet.view';
import { refusesDebarredEmployers, type ReviewSubject, reviewStage } from './review-subject';
import type { PanelCandidateModel, PanelProposalModel, ReviewPanelModel } from './review.model';
import { panelClosed, panelFormingClosed, seatWithdrawn } from './reviews.errors';
import { ReviewsRepository, type SeatRefusal } from './reviews.repository';

const REPLACED_PANEL_REASON = '重新组建专家组';

type DossierMember = { organizationId?: unknown; organization?: { id?: unknown } };

/** What the dossier frozen at submission says about the alliance: its industry and members. */
function dossierFacts(subject: ReviewSubject): { industryCode: string | null; memberIds: string[] } {
  const dossier = (subject.dossier ?? {}) as {
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

/** Who the panel must be free of, what it must be, and the industry's name for the officer. */
type PanelTerms = { parties: ReviewParties; request: PanelRequest; domainLabel: string };

/** Expert review panels (Art. 11): proposal, assignment, swaps, and what the authority reads of them. */
@Injectable()
export class PanelsService {
  constructor(
    private readonly reviews: ReviewsRepository,
    private readonly audit: AuditService,
    private readonly experts: ExpertsService,
    private readonly progress: ReviewProgressService,
    private readonly calls: CallsService,
    private readonly messages: MessagesService,
  ) {}

  /** An application sent to the viewer's tier as authority; anything else is not found. */
  async received(db: EntityManager, viewer: Viewer, id: string): Promise<ReviewSubject> {
    return actOn(
      await this.reviews.subject(db, id),
      (a) => isStaff(viewer.roles) && a.authorityTenantId === viewer.tenantId && a.recommendedAt !== null,
    );
  }

  /** Panel changes of one application queue behind each other instead of racing. */
  private async lockReceived(db: EntityManager, viewer: Viewer, id: string): Promise<ReviewSubject> {
    const subject = await this.received(db, viewer, id);
    await this.reviews.lockSubject(db, subject);
    return this.received(db, viewer, id);
  }

  private async terms(db: EntityManager, subject: ReviewSubject): Promise<PanelTerms> {
    const facts = dossierFacts(subject);
    // A city's own call: the authority is the home tier and reads the alliance itself.
    const industryCode =
      facts.industryCode ?? (await this.reviews.allianceIndustryCode(db, subject.allianceId));
    const industry = industryCode ? await this.reviews.industry(db, industryCode) : null;
    const { parameters } = await this.progress.parametersOf(db, subject);
    return {
      parties: {
        memberOrganizationIds: [...new Set([...subject.memberOrganizationIds, ...facts.memberIds])],
        recommendingOrganizationId: `bureau:${subject.recommendingTenantId}`,
      },
      request: {
        size: parameters.review.expertsPerApplication,
        acceptedDomains: industry
          ? [industry.code, ...(industry.parentCode ? [industry.parentCode] : [])]
          : [],
        maxReviewsPerYear: parameters.review.maxReviewsPerExpertPerYear,
      },
      domainLabel: industry?.name ?? '联盟所属产业',
    };
  }

  /** The pool's proposal for the application: the seats it can fill, and why the others stay empty. */
  async propose(db: EntityManager, viewer: Viewer, applicationId: string): Promise<PanelProposalModel> {
    requireStaff(viewer);
    const subject = await this.received(db, viewer, applicationId);
    if (!reviewStage(subject)) throw panelClosed('只有已受理或评审中的申报可以组建专家组');
    const { parties, request, domainLabel } = await this.terms(db, subject);
    const pool = await this.experts.pool(db, viewer);
    const proposal = proposePanel(
      await this.experts.domainExperts(db, viewer, pool, subject.id),
      parties,
      request,
    );
    const chosen = proposal.panel.map((e) => pool.find((p) => p.id === e.id)!);
    return {
      experts: await this.experts.toModels(db, viewer, chosen),
      explanation: proposal.shortfall ? describeShortfall(proposal.shortfall, request.size) : null,
      unfilledSeats: proposal.unfilled.map((seat) => ({
        seat: seat.seat,
        ...describeUnfilledSeat(seat, domainLabel),
      })),
    };
  }

  /** Whether the pool can seat a complete panel for the application, and if not, why in words. */
  async canForm(
    db: EntityManager,
    viewer: Viewer,
    subject: ReviewSubject,
  ): Promise<{ possible: boolean; explanation: string | null }> {
    const { parties, request } = await this.terms(db, subject);
    const pool = await this.experts.pool(db, viewer);
    const proposal = proposePanel(
      await this.experts.domainExperts(db, viewer, pool, subject.id),
      parties,
      request,
    );
    return proposal.shortfall
      ? { possible: false, explanation: describeShortfall(proposal.shortfall, request.size) }
      : { possible: true, explanation: null };
  }

  /**
   * The pool as candidates for the application's panel, each with its conflicts of interest
   * (the rule the assignment applies): a conflicted expert cannot take a seat.
   */
  async candidates(db: EntityManager, viewer: Viewer, applicationId: string): Promise<PanelCandidateModel[]> {
    requireStaff(viewer);
    const subject = await this.received(db, viewer, applicationId);
    const { parties } = await this.terms(db, subject);
    const pool = await this.experts.pool(db, viewer);
    const domain = await this.experts.domainExperts(db, viewer, pool, subject.id);
    const conflicts = new Map(domain.map((e) => [e.id, conflictsOf(e, parties)] as const));
    const labels = await this.experts.tieLabels(
      db,
      [...conflicts.values()].flatMap((reasons) => reasons.map((r) => r.organizationId)),
    );
    const models = await this.experts.toModels(db, viewer, pool);
    return models.map((expert) => ({
      expert,
      conflicts: (conflicts.get(expert.id) ?? []).map((c) => {
        const organizationLabel = labels.get(c.organizationId) ?? '相关单位';
        return {
          code: c.code,
          organizationLabel,
          message: `${CONFLICT_LABELS[c.code]}（${organizationLabel}）`,
        };
      }),
    }));
  }

  /** The active seats with their experts and sheets, and the aggregate once a sheet is in. */
  async panel(db: EntityManager, viewer: Viewer, subject: ReviewSubject): Promise<ReviewPanelModel> {
    const { parameters } = await this.progress.parametersOf(db, subject);
    const seats = await this.reviews.activeSeats(db, viewer.tenantId, subject.id);
    const experts = await this.reviews.experts(
      db,
      viewer.tenantId,
      seats.map((s) => s.expertId),
    );
    const models = new Map((await this.experts.toModels(db, viewer, experts)).map((m) => [m.id, m] as const));
    const sheets = await this.reviews.sheetsOfSeats(
      db,
      viewer.tenantId,
      seats.map((s) => s.id),
    );
    const submitted = sheets.filter((s) => s.status === 'SUBMITTED').length;
    const aggregate = submitted ? await this.progress.aggregate(db, subject) : null;
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
    terms: PanelTerms,
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
          const why = conflictsOf(byId.get(p.expertId)!, terms.parties).find(
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
            `${name(p.expertId)}本年度评审任务已达上限（${terms.request.maxReviewsPerYear} 项）`,
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
    subject: ReviewSubject,
    expert: ExpertEntity,
  ): Promise<string> {
    // Art. 20(2): a unit on the debarment register takes no part in plan projects, its experts'
    // review included (the database checks again, on its own date).
    if (refusesDebarredEmployers(subject.type)) {
      const debarred = await this.reviews.debarredAffiliation(
        ctx.db,
        viewer.tenantId,
        expert.id,
        this.experts.today(),
      );
      if (debarred)
        throw await this.seatRefused(ctx.db, { refused: 'DEBARRED_EMPLOYER', tieId: debarred }, expert);
    }
    const seated = await this.reviews.insertSeat(ctx.db, {
      tenantId: viewer.tenantId,
      subjectType: subject.type,
      applicationId: subject.id,
      applicationTenantId: subject.tenantId,
      expertId: expert.id,
      expertUserId: expert.userId,
      reviewYear: this.experts.reviewYear(),
      assignedBy: viewer.userId,
    });
    if (!('id' in seated)) throw await this.seatRefused(ctx.db, seated, expert);
    if (expert.userId)
      await this.messages.post(ctx.db, PanelsService.seatedNotice(subject, expert.userId, viewer, seated.id));
    return seated.id;
  }

  /** The expert's notice of a new seat, pointing at its score sheet. */
  private static seatedNotice(
    subject: ReviewSubject,
    userId: string,
    viewer: Viewer,
    assignmentId: string,
  ): Posting {
    const alliance = subject.dossier?.alliance;
    const name =
      typeof alliance === 'object' &&
      alliance !== null &&
      typeof (alliance as { name?: unknown }).name === 'string'
        ? `「${(alliance as { name: string }).name}」`
        : '一项';
    return {
      to: { tenantId: viewer.tenantId, userId },
      kind: 'EXPERT_SEATED',
      title: '新的评审任务',
      body: `您已被选入${name}${subject.type === 'filing' ? '备案' : subject.type === 'programme_application' ? '项目申报' : subject.type === 'project' ? '项目验收' : '申报'}的专家评审组，请在评审期限内提交评分表。`,
      link: `/reviews/mine/${assignmentId}`,
      subjectType: 'expert_assignment',
      subjectId: assignmentId,
      dedupeKey: `expert_assignment.seated:${assignmentId}`,
    };
  }

  private async seatRefused(
    db: EntityManager,
    refusal: SeatRefusal,
    expert: ExpertEntity,
  ): Promise<AppError> {
    const tie = refusal.tieId ?? '';
    const labels = isId(tie)
      ? await this.experts.tieLabels(db, [tie, `bureau:${tie}`])
      : new Map<string, string>();
    const label = labels.get(tie) ?? labels.get(`bureau:${tie}`) ?? '相关单位';
    const message =
      refusal.refused === 'CONFLICT'
        ? `${expert.name}与${label}存在利益冲突（任职或已声明），不能评审该申报`
        : refusal.refused === 'DEBARRED_EMPLOYER'
          ? `${expert.name}任职的${label}正处于禁止承担省级科技计划项目期内（第二十条），不能评审该申报`
          : `${expert.name}与专家组中另一位专家同在${label}任职，同一单位至多一人`;
    return new AppError(
      'EXPERT_CONFLICT',
      { violations: [violation('expertIds', refusal.refused, message)] },
      message,
    );
  }

  async assign(ctx: RequestContext, viewer: Viewer, input: AssignPanelInput): Promise<ReviewPanelModel> {
    requireStaff(viewer);
    const subject = await this.lockReceived(ctx.db, viewer, input.applicationId);
    if (reviewStage(subject) !== 'FORMING') throw panelFormingClosed();
    const unknown: FieldViolation[] = [];
    const found = new Map<string, ExpertEntity>();
    for (const [i, id] of input.expertIds.entries()) {
      const expert = await this.reviews.expert(ctx.db, viewer.tenantId, id);
      if (expert) found.set(id, expert);
      else unknown.push(violation(`expertIds.${i}`, 'NOT_FOUND', '专家库中没有该专家'));
    }
    if (unknown.length) throw badInput(unknown);
    const chosen = input.expertIds.map((id) => found.get(id)!);
    const terms = await this.terms(ctx.db, subject);
    const domain = await this.experts.domainExperts(ctx.db, viewer, [...found.values()], subject.id);
    const panel = input.expertIds.map((id) => domain.find((d) => d.id === id)!);
    const problems = checkPanel(panel, terms.parties, terms.request);
    if (problems.length) {
      const violations = await this.problemViolations(
        ctx.db,
        problems,
        panel,
        terms,
        PanelsService.unavailableReasons(chosen),
        (expertId) => `expertIds.${input.expertIds.indexOf(expertId)}`,
      );
      throw PanelsService.refusal(violations, problems);
    }
    const withdrawn = await this.reviews.withdrawSeats(ctx.db, {
      tenantId: viewer.tenantId,
      applicationId: subject.id,
      by: viewer.userId,
      reason: REPLACED_PANEL_REASON,
    });
    const seats: string[] = [];
    for (const expert of chosen) seats.push(await this.seat(ctx, viewer, subject, expert));
    await this.audit.record(ctx.db, {
      action: 'expert_assignment.assign_panel',
      subjectType: 'expert_assignment',
      subjectId: subject.id,
      before: withdrawn.length
        ? { withdrawnAssignmentIds: withdrawn, reason: REPLACED_PANEL_REASON }
        : undefined,
      after: { applicationId: subject.id, expertIds: input.expertIds, assignmentIds: seats },
    });
    return this.panel(ctx.db, viewer, subject);
  }

  /**
   * Releases the subject's seats when its request goes back to the applicant (an acceptance request
   * returned): the experts no longer see a task, and a new request is seated afresh.
   */
  async release(db: EntityManager, viewer: Viewer, subjectId: string, reason: string): Promise<string[]> {
    const withdrawn = await this.reviews.withdrawSeats(db, {
      tenantId: viewer.tenantId,
      applicationId: subjectId,
      by: viewer.userId,
      reason,
    });
    if (withdrawn.length)
      await this.audit.record(db, {
        action: 'expert_assignment.release',
        subjectType: 'expert_assignment',
        subjectId,
        before: { assignmentIds: withdrawn },
        after: { reason },
      });
    return withdrawn;
  }

  async swap(ctx: RequestContext, viewer: Viewer, input: SwapPanelMemberInput): Promise<ReviewPanelModel> {
    requireStaff(viewer);
    const reason = input.reason.trim();
    if (!reason) throw invalid('reason', 'REQUIRED', '请填写撤换理由');
    if ([...reason].length > 500) throw invalid('reason', 'TOO_LONG', '撤换理由不能超过 500 个字');
    const seatRow = actOn(await this.reviews.seat(ctx.db, viewer.tenantId, input.assignmentId));
    const subject = await this.lockReceived(ctx.db, viewer, seatRow.applicationId);
    if (!reviewStage(subject)) throw panelClosed('只有已受理或评审中的申报可以撤换专家');
    const active = await this.reviews.activeSeats(ctx.db, viewer.tenantId, subject.id);
    const seat = active.find((s) => s.id === seatRow.id);
    if (!seat) throw seatWithdrawn();
    const replacement = await this.reviews.expert(ctx.db, viewer.tenantId, input.expertId);
    if (!replacement) throw invalid('expertId', 'NOT_FOUND', '专家库中没有该专家');
    if (active.some((s) => s.expertId === replacement.id))
      throw invalid('expertId', 'ALREADY_SEATED', '该专家已在专家组中');
    const staying = await this.reviews.experts(
      ctx.db,
      viewer.tenantId,
      active.filter((s) => s.id !== seat.id).map((s) => s.expertId),
    );
    const terms = await this.terms(ctx.db, subject);
    const panel = await this.experts.domainExperts(ctx.db, viewer, [...staying, replacement], subject.id);
    // Only what the replacement brings counts: the others already sit on the panel.
    const problems = checkPanel(panel, terms.parties, { ...terms.request, size: panel.length }).filter((p) =>
      p.code === 'SHARED_AFFILIATION'
        ? p.expertIds.includes(replacement.id)
        : 'expertId' in p && p.expertId === replacement.id,
    );
    if (problems.length) {
      const violations = await this.problemViolations(
        ctx.db,
        problems,
        panel,
        terms,
        PanelsService.unavailableReasons([replacement]),
        () => 'expertId',
      );
      throw PanelsService.refusal(violations, problems);
    }
    await this.reviews.withdrawSeats(ctx.db, {
      tenantId: viewer.tenantId,
      applicationId: subject.id,
      assignmentId: seat.id,
      by: viewer.userId,
      reason,
    });
    const seated = await this.seat(ctx, viewer, subject, replacement);
    await this.audit.record(ctx.db, {
      action: 'expert_assignment.swap',
      subjectType: 'expert_assignment',
      subjectId: seated,
      before: { assignmentId: seat.id, expertId: seat.expertId },
      after: { assignmentId: seated, expertId: replacement.id, applicationId: subject.id, reason },
    });
    return this.panel(ctx.db, viewer, subject);
  }

  /** The aggregates of a call's applications with at least one submitted sheet, best first. */
  async ranking(db: EntityManager, viewer: Viewer, callId: string): Promise<ReviewAggregateResult[]> {
    requireStaff(viewer);
    const call = ownRecord(viewer, await this.calls.get(db, callId));
    return (await this.progress.aggregateCall(db, call)).aggregates;
  }
}
