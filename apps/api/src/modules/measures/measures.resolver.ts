import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { chinaDate, Role, STAFF_ROLES } from '@xiangmeng/domain';
import { Allow, SignedIn } from '../../common/auth/access.decorators';
import { Clock } from '../../common/clock';
import { Ctx, CurrentViewer } from '../../common/request/current.decorators';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { MeasuresDraftInput, UpdateMeasuresDraftInput } from './dto/measures-draft.input';
import { MeasuresInForceModel, MeasuresModel, toMeasuresModel } from './measures.model';
import { MeasuresService } from './measures.service';

@Resolver(() => MeasuresModel)
export class MeasuresResolver {
  constructor(
    private readonly measures: MeasuresService,
    private readonly clock: Clock,
  ) {}

  @Allow(...STAFF_ROLES)
  @Query(() => [MeasuresModel], { description: '本级的实施办法各版本，以及上级已发布的版本' })
  async measuresVersions(@Ctx() ctx: RequestContext): Promise<MeasuresModel[]> {
    return (await this.measures.versions(ctx.db)).map(toMeasuresModel);
  }

  @SignedIn()
  @Query(() => MeasuresInForceModel, { description: '某日（默认今天）生效的规则与合并后的参数' })
  async measuresInForce(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('asOf', { nullable: true }) asOf?: string,
  ): Promise<MeasuresInForceModel> {
    const inForce = await this.measures.inForce(ctx.db, viewer, asOf ?? chinaDate(this.clock.now()));
    return this.measures.toInForceModel(inForce);
  }

  @Allow(...STAFF_ROLES)
  @Mutation(() => MeasuresModel, { description: '新建实施办法版本（草稿）' })
  async createMeasuresDraft(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: MeasuresDraftInput,
  ): Promise<MeasuresModel> {
    return toMeasuresModel(await this.measures.createDraft(ctx, viewer, input));
  }

  @Allow(...STAFF_ROLES)
  @Mutation(() => MeasuresModel, { description: '修改草稿；已发布的版本不能修改' })
  async updateMeasuresDraft(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: UpdateMeasuresDraftInput,
  ): Promise<MeasuresModel> {
    return toMeasuresModel(await this.measures.updateDraft(ctx, viewer, input));
  }

  @Allow(Role.PROVINCE_ADMIN, Role.CITY_ADMIN)
  @Mutation(() => MeasuresModel, { description: '管理员：发布实施办法版本，自生效日期起适用' })
  async publishMeasures(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<MeasuresModel> {
    return toMeasuresModel(await this.measures.publish(ctx, viewer, id));
  }
}
