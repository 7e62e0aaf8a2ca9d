import { Query, Resolver } from '@nestjs/graphql';
import { STAFF_ROLES } from '@xiangmeng/domain';
import { Allow } from '../../common/auth/access.decorators';
import { Ctx } from '../../common/request/current.decorators';
import type { RequestContext } from '../../common/request/request-context';
import { StatisticsModel } from './statistics.model';
import { StatisticsService } from './statistics.service';

@Resolver(() => StatisticsModel)
export class StatisticsResolver {
  constructor(private readonly service: StatisticsService) {}

  @Allow(...STAFF_ROLES)
  @Query(() => StatisticsModel, {
    description: '统计分析：联盟、试点、备案与资金的汇总（省厅为全省各市州的汇总数，市州为本市州）',
  })
  statistics(@Ctx() ctx: RequestContext): Promise<StatisticsModel> {
    return this.service.figures(ctx.db);
  }
}
