import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { STAFF_ROLES } from '@xiangmeng/domain';
import { Allow } from '../../common/auth/access.decorators';
import { Ctx, CurrentViewer } from '../../common/request/current.decorators';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { PanelsService } from '../reviews/panels.service';
import { toReviewAggregateModel } from '../reviews/review-sheet.view';
import { toPilotApplicationModel } from './pilot-application.model';
import { PilotApplicationsService } from './pilot-applications.service';
import { CallRankingEntryModel } from './pilot-review.model';

/** Expert review as it reads with the pilot applications under review: a call's ranking. */
@Resolver()
export class PilotReviewsResolver {
  constructor(
    private readonly applications: PilotApplicationsService,
    private readonly panels: PanelsService,
  ) {}

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
