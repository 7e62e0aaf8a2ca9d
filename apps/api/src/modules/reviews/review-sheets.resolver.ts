import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../../common/auth/access.decorators';
import { Ctx, CurrentViewer } from '../../common/request/current.decorators';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { ReopenReviewSheetInput, SaveReviewSheetInput } from './dto/review.input';
import { ReviewSheetsService } from './review-sheets.service';
import { ExpertDeclarationModel, ReviewAssignmentModel, ReviewSheetModel, ReviewSubjectKind } from './review.model';
import type { ReviewSubjectType } from './review-subject';
import { EXPERT_DECLARATION, STAFF_ROLES } from '@xiangmeng/domain';

const SUBJECT_KINDS: Record<ReviewSubjectType, ReviewSubjectKind> = {
  pilot_application: ReviewSubjectKind.PILOT_APPLICATION,
  filing: ReviewSubjectKind.FILING,
  programme_application: ReviewSubjectKind.PROGRAMME_APPLICATION,
  project: ReviewSubjectKind.PROJECT_ACCEPTANCE,
};

@Resolver(() => ReviewSheetModel)
export class ReviewSheetsResolver {
  constructor(private readonly sheets: ReviewSheetsService) {}

  @Allow('EXPERT')
  @Query(() => [ReviewAssignmentModel], { description: '本人的评审任务（在任席位）' })
  async myReviewAssignments(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
  ): Promise<ReviewAssignmentModel[]> {
    return (await this.sheets.myAssignments(ctx.db, viewer)).map((a) => ({
      id: a.seat.id,
      subjectKind: SUBJECT_KINDS[a.subject.type],
      subjectId: a.subject.id,
      sheet: a.sheet,
      assignedAt: a.seat.assignedAt,
    }));
  }

  @Allow('EXPERT')
  @Mutation(() => ReviewSheetModel, { description: '保存评分表；submit 为 true 时提交并锁定' })
  saveReviewSheet(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: SaveReviewSheetInput,
  ): Promise<ReviewSheetModel> {
    return this.sheets.save(ctx, viewer, input);
  }

  @Allow('EXPERT')
  @Mutation(() => ReviewSheetModel, {
    description: '确认评审承诺书和回避声明（每项申报首次评分前一次，记录时间和文本版本）',
  })
  declareForReview(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('assignmentId', { type: () => ID }) assignmentId: string,
    @Args('declarationVersion') declarationVersion: string,
  ): Promise<ReviewSheetModel> {
    return this.sheets.declare(ctx, viewer, assignmentId, declarationVersion);
  }

  @Allow('EXPERT')
  @Query(() => ExpertDeclarationModel, { description: '当前的评审专家承诺书及回避声明' })
  expertDeclaration(): ExpertDeclarationModel {
    return { ...EXPERT_DECLARATION, paragraphs: [...EXPERT_DECLARATION.paragraphs] };
  }

  @Allow(...STAFF_ROLES)
  @Mutation(() => ReviewSheetModel, { description: '退回已提交的评分表（须说明理由）' })
  reopenReviewSheet(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: ReopenReviewSheetInput,
  ): Promise<ReviewSheetModel> {
    return this.sheets.reopen(ctx, viewer, input);
  }
}
