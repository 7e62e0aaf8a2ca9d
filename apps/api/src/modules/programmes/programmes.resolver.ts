import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { PROGRAMME_KIND_LIST, PROGRAMME_KINDS, Role, STAFF_ROLES } from '@xiangmeng/domain';
import { Allow, SignedIn } from '../../common/auth/access.decorators';
import { Ctx, CurrentViewer } from '../../common/request/current.decorators';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { CallLoaders } from '../calls/call-loaders';
import { MeasuresModel, toMeasuresModel } from '../measures/measures.model';
import { TenantModel } from '../tenants/tenant.model';
import { ProgrammeInput } from './dto/programme.input';
import {
  ProgrammeDefaultsModel,
  ProgrammeModel,
  toCriterionModels,
  toProgrammeModel,
} from './programme.model';
import { ProgrammesService } from './programmes.service';

@Resolver(() => ProgrammeModel)
export class ProgrammesResolver {
  constructor(
    private readonly service: ProgrammesService,
    private readonly loaders: CallLoaders,
  ) {}

  @Allow(...STAFF_ROLES)
  @Query(() => [ProgrammeModel], {
    description: '支持计划：本单位的（含草稿）和上级已发布的，年度新的在前',
  })
  async programmes(@Ctx() ctx: RequestContext, @CurrentViewer() viewer: Viewer): Promise<ProgrammeModel[]> {
    return (await this.service.list(ctx.db)).map((p) => toProgrammeModel(p, viewer));
  }

  @Allow(...STAFF_ROLES)
  @Query(() => ProgrammeModel)
  async programme(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<ProgrammeModel> {
    return toProgrammeModel(await this.service.get(ctx.db, id), viewer);
  }

  @Allow(...STAFF_ROLES)
  @Query(() => ProgrammeDefaultsModel, { description: '新建支持计划按本级现行实施办法的默认设置' })
  async programmeDefaults(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
  ): Promise<ProgrammeDefaultsModel> {
    const defaults = await this.service.defaults(ctx.db, viewer);
    return {
      criteria: toCriterionModels(defaults.criteria),
      awardNoticeDays: defaults.awardNoticeDays,
      acceptanceNoticeDays: defaults.acceptanceNoticeDays,
      measuresId: defaults.measures.id,
      measuresVersionNo: defaults.measures.versionNo,
      kinds: PROGRAMME_KIND_LIST.map((kind) => ({
        kind,
        label: PROGRAMME_KINDS[kind].label,
        article: PROGRAMME_KINDS[kind].article,
      })),
    };
  }

  @Allow(...STAFF_ROLES)
  @Mutation(() => ProgrammeModel, { description: '起草支持计划（适用本级现行实施办法）' })
  async createProgramme(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: ProgrammeInput,
  ): Promise<ProgrammeModel> {
    return toProgrammeModel(await this.service.create(ctx, viewer, input), viewer);
  }

  @Allow(...STAFF_ROLES)
  @Mutation(() => ProgrammeModel, { description: '修改支持计划草稿' })
  async updateProgramme(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number,
    @Args('input') input: ProgrammeInput,
  ): Promise<ProgrammeModel> {
    return toProgrammeModel(await this.service.update(ctx, viewer, id, version, input), viewer);
  }

  @Allow(Role.PROVINCE_ADMIN, Role.CITY_ADMIN)
  @Mutation(() => ProgrammeModel, { description: '发布支持计划（管理员）；发布后不再修改' })
  async publishProgramme(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number,
  ): Promise<ProgrammeModel> {
    return toProgrammeModel(await this.service.publish(ctx, viewer, id, version), viewer);
  }

  @SignedIn()
  @ResolveField(() => TenantModel, { description: '设立计划的主管部门' })
  authority(@Ctx() ctx: RequestContext, @Parent() programme: ProgrammeModel): Promise<TenantModel> {
    return this.loaders.tenantModel(ctx, programme.tenantId);
  }

  @SignedIn()
  @ResolveField(() => MeasuresModel, { description: '计划适用的实施办法版本' })
  async measures(@Ctx() ctx: RequestContext, @Parent() programme: ProgrammeModel): Promise<MeasuresModel> {
    return toMeasuresModel(await this.loaders.measuresOf(ctx, programme.measuresId));
  }

  @SignedIn()
  @ResolveField(() => Boolean, { description: '由本级设立' })
  isMine(@CurrentViewer() viewer: Viewer, @Parent() programme: ProgrammeModel): boolean {
    return programme.tenantId === viewer.tenantId;
  }
}
