import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { STAFF_ROLES } from '@xiangmeng/domain';
import { Allow } from '../../common/auth/access.decorators';
import { Ctx, CurrentViewer } from '../../common/request/current.decorators';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { PanelsService } from '../reviews/panels.service';
import { ReviewSheetsService } from '../reviews/review-sheets.service';
import { toReviewAggregateModel } from '../reviews/review-sheet.view';
import { toPilotApplicationModel } from './pilot-application.model';
import { PilotApplicationsService } from './pilot-applications.service';
import { CallRankingEntryModel, ReviewAssignmentModel } from './pilot-review.model';

/** Expert review as it reads with the pilot applications under review. */
@Resolver()
export class PilotReviewsResolver {
  constructor(
    private readonly applications: PilotApplicationsService,
    private readonly panels: PanelsService,
    private readonly sheets: ReviewSheetsService,
  ) {}

  @Allow('EXPERT')
  @Query(() => [ReviewAssignmentModel], { description: '本人的评审任务（在任席位）' })
  async myReviewAssignments(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
  ): Promise<ReviewAssignmentModel[]> {
    const own = await this.sheets.myAssignments(ctx.db, viewer);
    const result: ReviewAssignmentModel[] = [];
    for (const a of own) {
      result.push({
        id: a.seat.id,
        application: toPilotApplicationModel(await this.applications.get(ctx.db, a.subject.id)),
        sheet: a.sheet,
        assignedAt: a.seat.assignedAt,
      });
    }
    return result;
  }

  @Allow(...STAFF_ROLES)
  @Query(() => [CallRankingEntryModel], { description: '批次内已评审申报的汇总与排名' })
  async callRanking(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('callId', { type: () => ID }) callId: string,
  ): Promise<CallRankingEntryModel[]> {
    const aggregates = await this.panels.ranking(ctx.db, viewer, callId);
    const entries: CallRankingEntryModel[] = [];
    for (const aggregate of aggregates) {
      entries.push({
        application: toPilotApplicationModel(await this.applications.get(ctx.db, aggregate.applicationId)),
        aggregate: toReviewAggregateModel(aggregate),
      });
    }
    return entries;
  }
}
