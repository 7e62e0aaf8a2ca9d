import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { requireStaff } from '../../common/access/access';
import { Allow } from '../../common/auth/access.decorators';
import { Ctx, CurrentViewer } from '../../common/request/current.decorators';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { DeclareExpertConflictInput, ExpertInput, UpdateExpertInput } from './dto/review.input';
import { ExpertModel } from './expert.model';
import { ExpertsService } from './experts.service';
import { STAFF_ROLES } from '@xiangmeng/domain';

@Resolver(() => ExpertModel)
export class ExpertsResolver {
  constructor(private readonly pool: ExpertsService) {}

  @Allow(...STAFF_ROLES)
  @Query(() => [ExpertModel], { description: '本级专家库' })
  async experts(@Ctx() ctx: RequestContext, @CurrentViewer() viewer: Viewer): Promise<ExpertModel[]> {
    requireStaff(viewer);
    return this.pool.toModels(ctx.db, viewer, await this.pool.pool(ctx.db, viewer));
  }

  @Allow(...STAFF_ROLES)
  @Mutation(() => ExpertModel, { description: '专家入库' })
  async createExpert(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: ExpertInput,
  ): Promise<ExpertModel> {
    return this.pool.toModel(ctx.db, viewer, await this.pool.create(ctx, viewer, input));
  }

  @Allow(...STAFF_ROLES)
  @Mutation(() => ExpertModel, { description: '修改专家信息（任职单位整体替换）' })
  async updateExpert(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: UpdateExpertInput,
  ): Promise<ExpertModel> {
    return this.pool.toModel(ctx.db, viewer, await this.pool.update(ctx, viewer, input));
  }

  @Allow(...STAFF_ROLES)
  @Mutation(() => ExpertModel, { description: '登记专家声明的利益冲突（留痕，不删除）' })
  async declareExpertConflict(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: DeclareExpertConflictInput,
  ): Promise<ExpertModel> {
    return this.pool.toModel(ctx.db, viewer, await this.pool.declareConflict(ctx, viewer, input));
  }
}
