import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { chinaDate, STAFF_ROLES } from '@xiangmeng/domain';
import { Allow } from '../../common/auth/access.decorators';
import { Clock } from '../../common/clock';
import { Ctx, CurrentViewer } from '../../common/request/current.decorators';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { EvaluatePlatformInput, FilePlatformReportInput, PlatformFilterInput } from './dto/platform.input';
import {
  PlatformDetailModel,
  PlatformModel,
  PlatformPageModel,
  toPlatformDetailModel,
  toPlatformModel,
} from './platforms.model';
import { platformListFilter } from './platform-filter';
import { PlatformsService } from './platforms.service';

@Resolver(() => PlatformModel)
export class PlatformsResolver {
  constructor(
    private readonly service: PlatformsService,
    private readonly clock: Clock,
  ) {}

  private today(): string {
    return chinaDate(this.clock.now());
  }

  @Allow(...STAFF_ROLES)
  @Query(() => PlatformPageModel, { description: '创新平台名录（第十五条）：可按状态、类别、领域、联盟筛选' })
  async platforms(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('filter', { nullable: true }) filter?: PlatformFilterInput,
  ): Promise<PlatformPageModel> {
    const [items, totalCount] = await this.service.list(
      ctx.db,
      platformListFilter(filter ?? { first: 20, offset: 0 }),
    );
    const today = this.today();
    return { items: items.map((p) => toPlatformModel(p, viewer.tenantId, today)), totalCount };
  }

  @Allow(...STAFF_ROLES)
  @Query(() => PlatformDetailModel, { description: '平台详情：成员、状态变化、年度报告、评估' })
  async platform(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<PlatformDetailModel> {
    return toPlatformDetailModel(await this.service.detail(ctx.db, id), viewer.tenantId, this.today());
  }

  @Allow(...STAFF_ROLES)
  @Mutation(() => PlatformDetailModel, {
    description: '报送依托单位的年度报告（每年度一份，报送后不再更改）',
  })
  async filePlatformReport(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: FilePlatformReportInput,
  ): Promise<PlatformDetailModel> {
    return toPlatformDetailModel(
      await this.service.fileReport(ctx, viewer, input),
      viewer.tenantId,
      this.today(),
    );
  }

  @Allow(...STAFF_ROLES)
  @Mutation(() => PlatformDetailModel, {
    description:
      '录入定期评估（或整改后复评）的专家评分：按评估方案定等级，不合格限期一年整改，复评仍不合格撤销认定',
  })
  async evaluatePlatform(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: EvaluatePlatformInput,
  ): Promise<PlatformDetailModel> {
    return toPlatformDetailModel(
      await this.service.evaluate(ctx, viewer, input),
      viewer.tenantId,
      this.today(),
    );
  }
}
