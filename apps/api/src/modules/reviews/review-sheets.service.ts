import { Injectable } from '@nestjs/common';
import {
  confirmsCurrentDeclaration,
  declarationState,
  type FieldViolation,
  type MeasuresParameters,
  REVIEW_CRITERION_LABELS,
  type ReviewCriterionKey,
  sheetProblems,
} from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { actOn, requireExpert, requireStaff } from '../../common/access/access';
import { Clock } from '../../common/clock';
import { badInput, invalid, violation } from '../../common/errors/app-error';
import { staleEdit } from '../../common/errors/stale-edit';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { AuditService } from '../audit/audit.service';
import type { ReopenReviewSheetInput, SaveReviewSheetInput } from './dto/review.input';
import type { ExpertAssignmentEntity } from './expert-assignment.entity';
import { PanelsService } from './panels.service';
import { ReviewProgressService } from './review-progress.service';
import { scoredValues, toReviewSheetModel } from './review-sheet.view';
import { type ReviewSubject, reviewStage } from './review-subject';
import type { ReviewSheetModel } from './review.model';
import {
  declarationOutdated,
  declarationRequired,
  reviewNotOpen,
  seatWithdrawn,
  sheetChanged,
  sheetLocked,
  sheetNotSubmitted,
} from './reviews.errors';
import { ReviewsRepository } from './reviews.repository';

type ReviewParameters = MeasuresParameters['review'];

export type OwnAssignment = {
  seat: ExpertAssignmentEntity;
  subject: ReviewSubject;
  sheet: ReviewSheetModel;
};

/** Score sheets: the expert fills in and submits their own; the authority reopens one with a reason. */
@Injectable()
export class ReviewSheetsService {
  constructor(
    private readonly reviews: ReviewsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly panels: PanelsService,
    private readonly progress: ReviewProgressService,
  ) {}

  /** The criteria and weights of the measures the call applies. */
  private async reviewParameters(db: EntityManager, subject: ReviewSubject): Promise<ReviewParameters> {
    return (await this.progress.parametersOf(db, subject)).parameters.review;
  }

  private async expertName(db: EntityManager, tenantId: string, expertId: string): Promise<string> {
    return (await this.reviews.expert(db, tenantId, expertId))?.name ?? '';
  }

  /** The expert's active seats with their applications and sheets, newest first. */
  async myAssignments(db: EntityManager, viewer: Viewer): Promise<OwnAssignment[]> {
    requireExpert(viewer);
    const seats = await this.reviews.ownActiveSeats(db, viewer.tenantId, viewer.userId);
    const result: OwnAssignment[] = [];
    for (const seat of seats) {
      const subject = await this.reviews.subject(db, seat.applicationId);
      const sheet = await this.reviews.sheetOfSeat(db, viewer.tenantId, seat.id);
      if (!subject || !sheet) continue;
      const review = await this.reviewParameters(db, subject);
      const name = await this.expertName(db, viewer.tenantId, seat.expertId);
      result.push({ seat, subject, sheet: toReviewSheetModel(sheet, name, review) });
    }
    return result;
  }

  private static check(input: SaveReviewSheetInput, review: ReviewParameters): FieldViolation[] {
    const v: FieldViolation[] = [];
    const keys = review.criteria.map((c) => c.key as string);
    const seen = new Set<string>();
    input.scores.forEach((s, i) => {
      if (!keys.includes(s.key)) v.push(violation(`scores.${i}.key`, 'UNKNOWN_CRITERION', '没有该评审指标'));
      else if (seen.has(s.key)) v.push(violation(`scores.${i}.key`, 'DUPLICATE', '评审指标重复'));
      seen.add(s.key);
      if (
        s.score !== null &&
        s.score !== undefined &&
        (!Number.isFinite(s.score) || s.score < 0 || s.score > 100)
      )
        v.push(violation(`scores.${i}.score`, 'SCORE_RANGE', '评分应在 0–100 之间'));
      if ([...s.comment].length > 2000)
        v.push(violation(`scores.${i}.comment`, 'TOO_LONG', '评语不能超过 2000 个字'));
    });
    if ([...input.overallOpinion].length > 5000)
      v.push(violation('overallOpinion', 'TOO_LONG', '总体意见不能超过 5000 个字'));
    if (v.length || !input.submit) return v;
    const scores: Partial<Record<ReviewCriterionKey, number>> = {};
    for (const s of input.scores)
      if (typeof s.score === 'number') scores[s.key as ReviewCriterionKey] = s.score;
    for (const key of sheetProblems(scores))
      v.push(violation(`scores.${key}`, 'REQUIRED', `请为“${REVIEW_CRITERION_LABELS[key]}”评分（0–100）`));
    if (!input.overallOpinion.trim()) v.push(violation('overallOpinion', 'REQUIRED', '请填写总体意见'));
    if (!input.recommendation) v.push(violation('recommendation', 'REQUIRED', '请选择评审结论'));
    return v;
  }

  async save(ctx: RequestContext, viewer: Viewer, input: SaveReviewSheetInput): Promise<ReviewSheetModel> {
    requireExpert(viewer);
    const seat = actOn(
      await this.reviews.ownSeat(ctx.db, viewer.tenantId, viewer.userId, input.assignmentId),
    );
    if (seat.withdrawnAt) throw seatWithdrawn('您已不在该申报的专家组中');
    const application = actOn(await this.reviews.subject(ctx.db, seat.applicationId));
    if (reviewStage(application) !== 'REVIEWING') throw reviewNotOpen('该申报不在评审阶段，不能评分');
    const sheet = actOn(await this.reviews.sheetOfSeat(ctx.db, viewer.tenantId, seat.id));
    if (sheet.status === 'SUBMITTED') throw sheetLocked();
    if (declarationState(sheet.declarationVersion) !== 'DECLARED') throw declarationRequired();
    const review = await this.reviewParameters(ctx.db, application);
    const problems = ReviewSheetsService.check(input, review);
    if (problems.length) throw badInput(problems);
    const scores: Record<string, number> = {};
    const comments: Record<string, string> = {};
    for (const s of input.scores) {
      if (typeof s.score === 'number') scores[s.key] = s.score;
      if (s.comment.trim()) comments[s.key] = s.comment.trim();
    }
    const now = this.clock.now();
    const saved = await this.reviews.saveDraftSheet(
      ctx.db,
      sheet.id,
      input.version,
      {
        scores,
        comments,
        overallOpinion: input.overallOpinion.trim(),
        recommendation: input.recommendation ?? null,
        status: input.submit ? 'SUBMITTED' : 'DRAFT',
        submittedAt: input.submit ? now : null,
      },
      now,
    );
    if (!saved) throw await staleEdit(ctx.db, 'review_sheet', sheet.id, '评分表');
    const after = actOn(await this.reviews.sheet(ctx.db, viewer.tenantId, sheet.id));
    await this.audit.record(ctx.db, {
      action: input.submit ? 'review_sheet.submit' : 'review_sheet.save',
      subjectType: 'review_sheet',
      subjectId: sheet.id,
      after: {
        applicationId: application.id,
        status: after.status,
        scores: scoredValues(after),
        recommendation: after.recommendation,
      },
    });
    return toReviewSheetModel(after, await this.expertName(ctx.db, viewer.tenantId, sheet.expertId), review);
  }

  /**
   * The expert confirms the commitment and no-conflict declaration for the application of their
   * seat (the version of the text they read); recorded once, before the first score.
   */
  async declare(
    ctx: RequestContext,
    viewer: Viewer,
    assignmentId: string,
    declarationVersion: string,
  ): Promise<ReviewSheetModel> {
    requireExpert(viewer);
    const seat = actOn(await this.reviews.ownSeat(ctx.db, viewer.tenantId, viewer.userId, assignmentId));
    if (seat.withdrawnAt) throw seatWithdrawn('您已不在该申报的专家组中');
    const application = actOn(await this.reviews.subject(ctx.db, seat.applicationId));
    const sheet = actOn(await this.reviews.sheetOfSeat(ctx.db, viewer.tenantId, seat.id));
    const review = await this.reviewParameters(ctx.db, application);
    const name = await this.expertName(ctx.db, viewer.tenantId, sheet.expertId);
    if (declarationState(sheet.declarationVersion) === 'DECLARED') return toReviewSheetModel(sheet, name, review);
    if (!confirmsCurrentDeclaration(declarationVersion)) throw declarationOutdated();
    if (reviewStage(application) !== 'REVIEWING') throw reviewNotOpen('该申报不在评审阶段，不能评分');
    const at = this.clock.now();
    if (!(await this.reviews.declare(ctx.db, sheet.id, declarationVersion, at))) throw sheetChanged();
    await this.audit.record(ctx.db, {
      action: 'review_sheet.declare',
      subjectType: 'review_sheet',
      subjectId: sheet.id,
      after: { applicationId: application.id, declarationVersion, declaredAt: at.toISOString() },
    });
    const after = actOn(await this.reviews.sheet(ctx.db, viewer.tenantId, sheet.id));
    return toReviewSheetModel(after, name, review);
  }

  async reopen(
    ctx: RequestContext,
    viewer: Viewer,
    input: ReopenReviewSheetInput,
  ): Promise<ReviewSheetModel> {
    requireStaff(viewer);
    const reason = input.reason.trim();
    const sheet = actOn(await this.reviews.sheet(ctx.db, viewer.tenantId, input.sheetId));
    const application = await this.panels.received(ctx.db, viewer, sheet.applicationId);
    if (!reason) throw invalid('reason', 'REQUIRED', '请填写退回理由');
    if ([...reason].length > 500) throw invalid('reason', 'TOO_LONG', '退回理由不能超过 500 个字');
    if (reviewStage(application) !== 'REVIEWING') throw reviewNotOpen('该申报不在评审阶段，评分表不能退回');
    const seat = await this.reviews.seat(ctx.db, viewer.tenantId, sheet.assignmentId);
    if (!seat || seat.withdrawnAt) throw seatWithdrawn('该专家已被撤换，评分表仅作留痕');
    if (sheet.status !== 'SUBMITTED') throw sheetNotSubmitted();
    const reopened = await this.reviews.reopenSheet(ctx.db, sheet.id, sheet.version, {
      by: viewer.userId,
      reason,
      at: this.clock.now(),
    });
    if (!reopened) throw sheetChanged();
    const after = actOn(await this.reviews.sheet(ctx.db, viewer.tenantId, sheet.id));
    await this.audit.record(ctx.db, {
      action: 'review_sheet.reopen',
      subjectType: 'review_sheet',
      subjectId: sheet.id,
      before: { status: 'SUBMITTED', submittedAt: sheet.submittedAt },
      after: { applicationId: application.id, status: 'DRAFT', reason },
    });
    const review = await this.reviewParameters(ctx.db, application);
    return toReviewSheetModel(after, await this.expertName(ctx.db, viewer.tenantId, sheet.expertId), review);
  }
}
