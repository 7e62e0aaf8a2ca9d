import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { STAFF_ROLES } from '@xiangmeng/domain';
import { Allow } from '../../common/auth/access.decorators';
import { Clock } from '../../common/clock';
import { Ctx, CurrentViewer } from '../../common/request/current.decorators';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { FilingRoundInput } from './dto/filing.input';
import { FilingRoundDefaultsModel, FilingRoundModel } from './filing.model';
import { FilingRoundsService } from './filing-rounds.service';
import { toRoundModel } from './filings.resolver';

const PROVINCE_STAFF = ['PROVINCE_ADMIN', 'PROVINCE_OFFICER'] as const;

@Resolver(() => FilingRoundModel)
export class FilingRoundsResolver {
  constructor(
    private readonly rounds: FilingRoundsService,
    private readonly clock: Clock,
  ) {}

  @Allow(...STAFF_ROLES)
  @Query(() => [FilingRoundModel], { description: '备案批次：省科技厅的全部批次；市州可见已发布的批次' })
  async filingRounds(@Ctx() ctx: RequestContext): Promise<FilingRoundModel[]> {
    const now = this.clock.now();
    return (await this.rounds.list(ctx.db)).map((r) => toRoundModel(r, now));
  }

  @Allow(...STAFF_ROLES)
  @Query(() => FilingRoundModel)
  async filingRound(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<FilingRoundModel> {
    return toRoundModel(await this.rounds.get(ctx.db, id), this.clock.now());
  }

  @Allow(...PROVINCE_STAFF)
  @Query(() => FilingRoundDefaultsModel, { description: '新批次按现行实施办法的默认设置' })
  filingRoundDefaults(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
  ): Promise<FilingRoundDefaultsModel> {
    return this.rounds.defaults(ctx.db, viewer);
  }

  @Allow(...PROVINCE_STAFF)
  @Mutation(() => FilingRoundModel, { description: '新建备案批次（草稿）' })
  async createFilingRound(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: FilingRoundInput,
  ): Promise<FilingRoundModel> {
    return toRoundModel(await this.rounds.create(ctx, viewer, input), this.clock.now());
  }

  @Allow(...PROVINCE_STAFF)
  @Mutation(() => FilingRoundModel, { description: '修改备案批次（发布前）' })
  async updateFilingRound(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number,
    @Args('input') input: FilingRoundInput,
  ): Promise<FilingRoundModel> {
    return toRoundModel(await this.rounds.update(ctx, viewer, id, version, input), this.clock.now());
  }

  @Allow(...PROVINCE_STAFF)
  @Mutation(() => FilingRoundModel, { description: '发布备案批次（管理员；发布后不能修改）' })
  async publishFilingRound(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number,
  ): Promise<FilingRoundModel> {
    return toRoundModel(await this.rounds.publish(ctx, viewer, id, version), this.clock.now());
  }
}
