import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { COMPENSATION_CLAIM_WORKFLOW, type CompensationClaimAction, STAFF_ROLES } from '@xiangmeng/domain';
import { Allow } from '../../common/auth/access.decorators';
import { badInput, violation } from '../../common/errors/app-error';
import { Ctx, CurrentViewer } from '../../common/request/current.decorators';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import {
  AnswerIntroductionInput,
  ChangeFinancingNeedInput,
  EnrolLinkageInstitutionInput,
  FileCompensationClaimInput,
  IntroduceInstitutionInput,
  PostFinancingNeedInput,
  RecordFinancingEventInput,
  RecordFinancingInput,
  TransitionCompensationClaimInput,
  WithdrawLinkageInstitutionInput,
} from './dto/finance.input';
import {
  CompensationClaimModel,
  FinancingEventModel,
  FinancingNeedModel,
  FinancingRecordModel,
  FinancingStatisticModel,
  LinkageInstitutionModel,
  toClaimModel,
  toEventModel,
  toLinkageInstitutionModel,
  toNeedModel,
  toRecordModel,
  toStatisticModel,
} from './finance.model';
import { FinanceService } from './finance.service';

// Finance linkage (Art. 17): thin resolvers over FinanceService.
@Resolver()
export class FinanceResolver {
  constructor(private readonly service: FinanceService) {}

  @Allow(...STAFF_ROLES)
  @Query(() => [LinkageInstitutionModel], { description: '省融资对接计划的金融机构（省厅的，市州可读）' })
  async linkageInstitutions(@Ctx() ctx: RequestContext): Promise<LinkageInstitutionModel[]> {
    return (await this.service.linkageInstitutions(ctx.db)).map(toLinkageInstitutionModel);
  }

  @Allow('PROVINCE_ADMIN', 'PROVINCE_OFFICER')
  @Mutation(() => LinkageInstitutionModel, { description: '金融机构加入省融资对接计划' })
  async enrolLinkageInstitution(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: EnrolLinkageInstitutionInput,
  ): Promise<LinkageInstitutionModel> {
    return toLinkageInstitutionModel(await this.service.enrolLinkageInstitution(ctx, viewer, input));
  }

  @Allow('PROVINCE_ADMIN', 'PROVINCE_OFFICER')
  @Mutation(() => LinkageInstitutionModel, {
    description: '金融机构退出省融资对接计划（机构申请或省厅代为办理，须写明原因；记录保留）',
  })
  async withdrawLinkageInstitution(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: WithdrawLinkageInstitutionInput,
  ): Promise<LinkageInstitutionModel> {
    return toLinkageInstitutionModel(await this.service.withdrawLinkageInstitution(ctx, viewer, input));
  }

  @Allow(...STAFF_ROLES)
  @Query(() => [FinancingNeedModel], {
    description: '融资需求：本单位的，省厅另见向对接计划公开的；给出机构时只列该机构可见的',
  })
  async financingNeeds(
    @Ctx() ctx: RequestContext,
    @Args('status', { type: () => String, nullable: true }) status?: string | null,
    @Args('allianceId', { type: () => ID, nullable: true }) allianceId?: string | null,
    @Args('institutionId', { type: () => ID, nullable: true }) institutionId?: string | null,
  ): Promise<FinancingNeedModel[]> {
    return (await this.service.needs(ctx.db, { status, allianceId, institutionId })).map(toNeedModel);
  }

  @Allow(...STAFF_ROLES)
  @Query(() => FinancingNeedModel)
  async financingNeed(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<FinancingNeedModel> {
    return toNeedModel(await this.service.need(ctx.db, id));
  }

  @Allow(...STAFF_ROLES)
  @Mutation(() => FinancingNeedModel, { description: '登记联盟成员企业的融资需求' })
  async postFinancingNeed(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: PostFinancingNeedInput,
  ): Promise<FinancingNeedModel> {
    return toNeedModel(await this.service.postNeed(ctx, viewer, input));
  }

  @Allow(...STAFF_ROLES)
  @Mutation(() => FinancingNeedModel, { description: '关闭融资需求，或向省融资对接计划公开/撤回' })
  async changeFinancingNeed(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: ChangeFinancingNeedInput,
  ): Promise<FinancingNeedModel> {
    return toNeedModel(await this.service.changeNeed(ctx, viewer, input));
  }

  @Allow(...STAFF_ROLES)
  @Query(() => [FinancingEventModel], { description: '融资对接活动' })
  async financingEvents(@Ctx() ctx: RequestContext): Promise<FinancingEventModel[]> {
    return (await this.service.events(ctx.db)).map(toEventModel);
  }

  @Allow(...STAFF_ROLES)
  @Mutation(() => FinancingEventModel, { description: '登记融资对接活动' })
  async recordFinancingEvent(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: RecordFinancingEventInput,
  ): Promise<FinancingEventModel> {
    return toEventModel(await this.service.recordEvent(ctx, viewer, input));
  }

  @Allow(...STAFF_ROLES)
  @Mutation(() => FinancingNeedModel, { description: '向需求推介金融机构（须为联盟成员或对接计划机构）' })
  async introduceInstitution(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: IntroduceInstitutionInput,
  ): Promise<FinancingNeedModel> {
    return toNeedModel(await this.service.introduce(ctx, viewer, input));
  }

  @Allow(...STAFF_ROLES)
  @Mutation(() => FinancingNeedModel, { description: '登记机构对推介的答复' })
  async answerIntroduction(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: AnswerIntroductionInput,
  ): Promise<FinancingNeedModel> {
    return toNeedModel(await this.service.answer(ctx, viewer, input));
  }

  @Allow(...STAFF_ROLES)
  @Query(() => [FinancingRecordModel], { description: '融资记录' })
  async financingRecords(
    @Ctx() ctx: RequestContext,
    @Args('form', { type: () => String, nullable: true }) form?: string | null,
    @Args('needId', { type: () => ID, nullable: true }) needId?: string | null,
  ): Promise<FinancingRecordModel[]> {
    return (await this.service.records(ctx.db, { form, needId })).map(toRecordModel);
  }

  @Allow(...STAFF_ROLES)
  @Mutation(() => FinancingRecordModel, {
    description: '登记融资记录（贷款、股权投资、知识产权质押贷款、科技保险）',
  })
  async recordFinancing(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: RecordFinancingInput,
  ): Promise<FinancingRecordModel> {
    return toRecordModel(await this.service.recordFinancing(ctx, viewer, input));
  }

  @Allow(...STAFF_ROLES)
  @Query(() => [CompensationClaimModel], { description: '风险补偿申请' })
  async compensationClaims(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('state', { type: () => String, nullable: true }) state?: string | null,
  ): Promise<CompensationClaimModel[]> {
    return (await this.service.claims(ctx.db, viewer, state)).map(toClaimModel);
  }

  @Allow(...STAFF_ROLES)
  @Query(() => CompensationClaimModel)
  async compensationClaim(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<CompensationClaimModel> {
    return toClaimModel(await this.service.claim(ctx.db, viewer, id));
  }

  @Allow(...STAFF_ROLES)
  @Mutation(() => CompensationClaimModel, { description: '对违约贷款申请风险补偿（须在备案期限内备案）' })
  async fileCompensationClaim(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: FileCompensationClaimInput,
  ): Promise<CompensationClaimModel> {
    return toClaimModel(await this.service.fileClaim(ctx, viewer, input));
  }

  @Allow(...STAFF_ROLES)
  @Mutation(() => CompensationClaimModel, { description: '核准补偿（写入补偿台账）、不予补偿或撤回' })
  async transitionCompensationClaim(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: TransitionCompensationClaimInput,
  ): Promise<CompensationClaimModel> {
    if (!Object.hasOwn(COMPENSATION_CLAIM_WORKFLOW.actions, input.action))
      throw badInput([violation('action', 'ONE_OF', '没有这一操作')]);
    return toClaimModel(
      await this.service.transitionClaim(ctx, viewer, {
        id: input.id,
        action: input.action as CompensationClaimAction,
        version: input.version,
        text: input.text,
      }),
    );
  }

  @Allow(...STAFF_ROLES)
  @Query(() => [FinancingStatisticModel], {
    description: '联盟企业获得融资统计：按市州、方式、机构、年度（省厅含各市州汇总）',
  })
  async financingStatistics(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('year', { type: () => Int, nullable: true }) year?: number | null,
  ): Promise<FinancingStatisticModel[]> {
    return (await this.service.statistics(ctx.db, viewer, year ?? null)).map(toStatisticModel);
  }
}
