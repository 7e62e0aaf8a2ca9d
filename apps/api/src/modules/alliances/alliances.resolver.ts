import { AllianceOrder } from './alliance-order';
import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { REGISTER_KEEPER_ROLES } from '@xiangmeng/domain';
import { Allow } from '../../common/auth/access.decorators';
import { Ctx, CurrentViewer } from '../../common/request/current.decorators';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { AllianceAgreementsService } from './alliance-agreements.service';
import { AllianceMembersService } from './alliance-members.service';
import {
  AllianceConnectionModel,
  AllianceModel,
  AllianceOutputModel,
  toAllianceModel,
} from './alliance.model';
import { AlliancesService } from './alliances.service';
import {
  AddMemberInput,
  AddOutputInput,
  AllianceFilterInput,
  CreateAgreementVersionInput,
  DissolveAllianceInput,
  EstablishAllianceInput,
  ExitMemberInput,
  RecordSignatureInput,
  RegisterAllianceInput,
  SetGovernanceInput,
  UpdateAgreementDraftInput,
  UpdateAllianceInput,
} from './dto/alliance.input';

@Resolver(() => AllianceModel)
export class AlliancesResolver {
  constructor(
    private readonly register: AlliancesService,
    private readonly memberships: AllianceMembersService,
    private readonly agreementVersions: AllianceAgreementsService,
  ) {}

  @Allow(...REGISTER_KEEPER_ROLES)
  @Query(() => AllianceConnectionModel, {
    description: '联盟名录：筛选、搜索（联盟或成员名称、信用代码）、游标分页',
  })
  async alliances(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('filter', { type: () => AllianceFilterInput, defaultValue: {} }) filter: AllianceFilterInput,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
    @Args('orderBy', { type: () => AllianceOrder, defaultValue: AllianceOrder.NEWEST })
    orderBy?: AllianceOrder,
  ): Promise<AllianceConnectionModel> {
    const page = await this.register.page(ctx.db, viewer, filter, first, after, orderBy);
    return { ...page, nodes: page.nodes.map(toAllianceModel) };
  }

  @Allow(...REGISTER_KEEPER_ROLES)
  @Query(() => AllianceModel, { description: '一个联盟（他人的联盟视为不存在）' })
  async alliance(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<AllianceModel> {
    return toAllianceModel(await this.register.visible(ctx.db, id));
  }

  @Allow(...REGISTER_KEEPER_ROLES)
  @Mutation(() => AllianceModel, { description: '登记联盟（筹建中）' })
  async registerAlliance(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: RegisterAllianceInput,
  ): Promise<AllianceModel> {
    return toAllianceModel(await this.register.register(ctx, viewer, input));
  }

  @Allow(...REGISTER_KEEPER_ROLES)
  @Mutation(() => AllianceModel)
  async updateAlliance(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: UpdateAllianceInput,
  ): Promise<AllianceModel> {
    return toAllianceModel(await this.register.update(ctx, viewer, input));
  }

  @Allow(...REGISTER_KEEPER_ROLES)
  @Mutation(() => AllianceModel, { description: '组织机构、对外责任主体、专职人员、依托单位' })
  async setAllianceGovernance(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: SetGovernanceInput,
  ): Promise<AllianceModel> {
    return toAllianceModel(await this.register.setGovernance(ctx, viewer, input));
  }

  @Allow(...REGISTER_KEEPER_ROLES)
  @Mutation(() => AllianceModel, { description: '成员单位加入' })
  async addAllianceMember(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: AddMemberInput,
  ): Promise<AllianceModel> {
    const member = await this.memberships.add(ctx, viewer, input);
    return toAllianceModel(await this.register.visible(ctx.db, member.allianceId));
  }

  @Allow(...REGISTER_KEEPER_ROLES)
  @Mutation(() => AllianceModel, { description: '成员单位退出（留痕）' })
  async exitAllianceMember(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: ExitMemberInput,
  ): Promise<AllianceModel> {
    const member = await this.memberships.exit(ctx, viewer, input);
    return toAllianceModel(await this.register.visible(ctx.db, member.allianceId));
  }

  @Allow(...REGISTER_KEEPER_ROLES)
  @Mutation(() => AllianceModel, { description: '新建联盟协议版本' })
  async createAgreementVersion(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: CreateAgreementVersionInput,
  ): Promise<AllianceModel> {
    const agreement = await this.agreementVersions.createVersion(ctx, viewer, input);
    return toAllianceModel(await this.register.visible(ctx.db, agreement.allianceId));
  }

  @Allow(...REGISTER_KEEPER_ROLES)
  @Mutation(() => AllianceModel, { description: '修改尚无签署的协议版本' })
  async updateAgreementDraft(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: UpdateAgreementDraftInput,
  ): Promise<AllianceModel> {
    const agreement = await this.agreementVersions.updateDraft(ctx, viewer, input);
    return toAllianceModel(await this.register.visible(ctx.db, agreement.allianceId));
  }

  @Allow(...REGISTER_KEEPER_ROLES)
  @Mutation(() => AllianceModel, { description: '登记成员单位法定代表人的签署' })
  async recordAgreementSignature(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: RecordSignatureInput,
  ): Promise<AllianceModel> {
    const { allianceId } = await this.agreementVersions.recordSignature(ctx, viewer, input);
    return toAllianceModel(await this.register.visible(ctx.db, allianceId));
  }

  @Allow(...REGISTER_KEEPER_ROLES)
  @Mutation(() => AllianceOutputModel, { description: '登记年度产出' })
  async addAllianceOutput(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: AddOutputInput,
  ): Promise<AllianceOutputModel> {
    const o = await this.register.addOutput(ctx, viewer, input);
    return { id: o.id, year: o.year, kind: o.kind, quantity: o.quantity, description: o.description };
  }

  @Allow(...REGISTER_KEEPER_ROLES)
  @Mutation(() => AllianceModel, { description: '确认成立：第八条各项条件须全部满足' })
  async establishAlliance(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: EstablishAllianceInput,
  ): Promise<AllianceModel> {
    return toAllianceModel(await this.register.establish(ctx, viewer, input));
  }

  @Allow(...REGISTER_KEEPER_ROLES)
  @Mutation(() => AllianceModel, { description: '解散：记录日期和原因，现有成员同日退出' })
  async dissolveAlliance(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: DissolveAllianceInput,
  ): Promise<AllianceModel> {
    return toAllianceModel(await this.register.dissolve(ctx, viewer, input));
  }
}

@Resolver(() => AllianceConnectionModel)
export class AllianceConnectionResolver {
  // The count is a statement of its own: only a query that asks for totalCount runs it.
  @Allow(...REGISTER_KEEPER_ROLES)
  @ResolveField(() => Int)
  totalCount(@Parent() page: AllianceConnectionModel): Promise<number> {
    return page.countTotal();
  }
}
