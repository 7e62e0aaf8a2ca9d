import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  chinaDate,
  PLATFORM_STATUS_LABELS,
  type PlatformKind,
  platformKindOf,
  type PlatformStatus,
  STAFF_ROLES,
} from '@xiangmeng/domain';
import { Allow } from '../../common/auth/access.decorators';
import { Clock } from '../../common/clock';
import { badInput, violation } from '../../common/errors/app-error';
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
import { PlatformsService } from './platforms.service';

const MAX_PAGE = 100;

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
    const f = filter ?? { first: 20, offset: 0 };
    const problems = [];
    if (f.status && !Object.hasOwn(PLATFORM_STATUS_LABELS, f.status))
      problems.push(violation('status', 'ONE_OF', '没有这一平台状态'));
    if (f.kind && !platformKindOf(f.kind)) problems.push(violation('kind', 'ONE_OF', '没有这一平台类别'));
    if (!(f.first >= 1 && f.first <= MAX_PAGE))
      problems.push(violation('first', 'RANGE', `每页条数应在 1 至 ${MAX_PAGE} 之间`));
    if (!(f.offset >= 0)) problems.push(violation('offset', 'RANGE', '偏移量不能为负'));
    if (problems.length) throw badInput(problems);
    const [items, totalCount] = await this.service.list(ctx.db, {
      status: (f.status as PlatformStatus | null) ?? null,
      kind: (f.kind as PlatformKind | null) ?? null,
      field: f.field ?? null,
      allianceId: f.allianceId ?? null,
      first: f.first,
      offset: f.offset,
    });
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
