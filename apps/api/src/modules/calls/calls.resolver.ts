import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { callIsOpen, STAFF_ROLES } from '@xiangmeng/domain';
import { Allow, SignedIn } from '../../common/auth/access.decorators';
import { Clock } from '../../common/clock';
import { Ctx, CurrentViewer } from '../../common/request/current.decorators';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { DocumentModel } from '../documents/document.model';
import { MeasuresModel, toMeasuresModel } from '../measures/measures.model';
import { TenantModel } from '../tenants/tenant.model';
import { CallLoaders } from './call-loaders';
import { CallsService } from './calls.service';
import { PilotCallInput } from './dto/pilot-call.input';
import type { PilotCallEntity } from './pilot-call.entity';
import { PilotCallModel, toPilotCallModel } from './pilot-call.model';

/** A viewer sees its own tier's calls and its parent's: any call not its own is the province's. */
export function callModelFor(call: PilotCallEntity, viewer: Viewer): PilotCallModel {
  return toPilotCallModel(call, call.tenantId === viewer.tenantId ? viewer.tenantLevel : 'PROVINCE');
}

@Resolver(() => PilotCallModel)
export class CallsResolver {
  constructor(
    private readonly calls: CallsService,
    private readonly loaders: CallLoaders,
    private readonly clock: Clock,
  ) {}

  @Allow(...STAFF_ROLES)
  @Query(() => [PilotCallModel], { description: '本级的申报通知（含草稿）和上级已发布的通知，新的在前' })
  async pilotCalls(@Ctx() ctx: RequestContext, @CurrentViewer() viewer: Viewer): Promise<PilotCallModel[]> {
    return (await this.calls.list(ctx.db)).map((c) => callModelFor(c, viewer));
  }

  @Allow(...STAFF_ROLES)
  @Query(() => PilotCallModel)
  async pilotCall(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<PilotCallModel> {
    return callModelFor(await this.calls.get(ctx.db, id), viewer);
  }

  @Allow(...STAFF_ROLES)
  @Mutation(() => PilotCallModel, { description: '起草申报通知（适用本级现行实施办法）' })
  async createPilotCall(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: PilotCallInput,
  ): Promise<PilotCallModel> {
    return callModelFor(await this.calls.create(ctx, viewer, input), viewer);
  }

  @Allow(...STAFF_ROLES)
  @Mutation(() => PilotCallModel, { description: '修改申报通知草稿' })
  async updatePilotCall(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number,
    @Args('input') input: PilotCallInput,
  ): Promise<PilotCallModel> {
    return callModelFor(await this.calls.update(ctx, viewer, id, version, input), viewer);
  }

  @Allow('PROVINCE_ADMIN', 'CITY_ADMIN')
  @Mutation(() => PilotCallModel, { description: '发布申报通知（管理员）；发布后不再修改' })
  async publishPilotCall(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number,
  ): Promise<PilotCallModel> {
    return callModelFor(await this.calls.publish(ctx, viewer, id, version), viewer);
  }

  @Allow(...STAFF_ROLES)
  @Mutation(() => Boolean, {
    description: '删除申报通知（试点或支持计划）的申报指南；草稿或申报截止前，历史留在审计记录中',
  })
  async removeCallGuide(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('callId', { type: () => ID }) callId: string,
  ): Promise<boolean> {
    await this.calls.removeGuide(ctx, viewer, callId);
    return true;
  }

  @SignedIn()
  @ResolveField(() => DocumentModel, {
    nullable: true,
    description: '申报指南（上传：POST /api/calls/:id/guide）',
  })
  guide(@Ctx() ctx: RequestContext, @Parent() call: PilotCallModel): Promise<DocumentModel | null> {
    return this.loaders.guide(ctx, call.id);
  }

  @SignedIn()
  @ResolveField(() => TenantModel, { description: '发布通知的单位' })
  authority(@Ctx() ctx: RequestContext, @Parent() call: PilotCallModel): Promise<TenantModel> {
    return this.loaders.tenantModel(ctx, call.tenantId);
  }

  @SignedIn()
  @ResolveField(() => MeasuresModel, { description: '通知适用的实施办法版本' })
  async measures(@Ctx() ctx: RequestContext, @Parent() call: PilotCallModel): Promise<MeasuresModel> {
    return toMeasuresModel(await this.loaders.measuresOf(ctx, call.measuresId));
  }

  @SignedIn()
  @ResolveField(() => Boolean, { description: '已发布且当前处于申报时间内' })
  isOpen(@Parent() call: PilotCallModel): boolean {
    return callIsOpen(call, this.clock.now());
  }

  @SignedIn()
  @ResolveField(() => Boolean, { description: '由本级发布' })
  isMine(@CurrentViewer() viewer: Viewer, @Parent() call: PilotCallModel): boolean {
    return call.tenantId === viewer.tenantId;
  }
}
