import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { STAFF_ROLES } from '@xiangmeng/domain';
import { Allow } from '../../common/auth/access.decorators';
import { Ctx, CurrentViewer } from '../../common/request/current.decorators';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { ExpertsService } from '../reviews/experts.service';
import {
  ClosePlatformEvaluationRoundInput,
  OpenPlatformEvaluationRoundInput,
  SavePlatformEvaluationSheetInput,
  SeatPlatformEvaluatorsInput,
} from './dto/evaluation-round.input';
import {
  PlatformEvaluationRoundDetailModel,
  PlatformEvaluationRoundModel,
  PlatformEvaluationTaskDetailModel,
  PlatformEvaluationTaskModel,
  PlatformEvaluatorCandidateModel,
  toRoundDetailModel,
  toRoundModel,
  toTaskDetailModel,
  toTaskModel,
} from './evaluation-rounds.model';
import { EvaluationRoundsService } from './evaluation-rounds.service';

@Resolver(() => PlatformEvaluationRoundModel)
export class EvaluationRoundsResolver {
  constructor(
    private readonly rounds: EvaluationRoundsService,
    private readonly experts: ExpertsService,
  ) {}

  @Allow(...STAFF_ROLES)
  @Query(() => [PlatformEvaluationRoundModel], { description: '本单位的平台评估批次（按年度、领域）' })
  async platformEvaluationRounds(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
  ): Promise<PlatformEvaluationRoundModel[]> {
    return (await this.rounds.list(ctx.db, viewer)).map(toRoundModel);
  }

  @Allow(...STAFF_ROLES)
  @Query(() => PlatformEvaluationRoundDetailModel, {
    description: '评估批次：平台、专家、评分进度和评估结果',
  })
  async platformEvaluationRound(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<PlatformEvaluationRoundDetailModel> {
    return toRoundDetailModel(await this.rounds.detail(ctx.db, viewer, id));
  }

  @Allow(...STAFF_ROLES)
  @Query(() => [PlatformEvaluatorCandidateModel], {
    description: '专家库作为本批次评估专家的候选：已选与否，与各平台的利益冲突',
  })
  async platformEvaluatorCandidates(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('roundId', { type: () => ID }) roundId: string,
  ): Promise<PlatformEvaluatorCandidateModel[]> {
    const candidates = await this.rounds.candidates(ctx.db, viewer, roundId);
    const models = await this.experts.toModels(
      ctx.db,
      viewer,
      candidates.map((c) => c.expert),
    );
    return candidates.map((c, i) => ({ expert: models[i]!, seated: c.seated, conflicts: c.conflicts }));
  }

  @Allow(...STAFF_ROLES)
  @Mutation(() => PlatformEvaluationRoundDetailModel, {
    description: '开启评估批次：本单位认定的该领域平台中，本年度应定期评估的和整改期届满应复评的',
  })
  async openPlatformEvaluationRound(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: OpenPlatformEvaluationRoundInput,
  ): Promise<PlatformEvaluationRoundDetailModel> {
    return toRoundDetailModel(await this.rounds.open(ctx, viewer, input));
  }

  @Allow(...STAFF_ROLES)
  @Mutation(() => PlatformEvaluationRoundDetailModel, {
    description:
      '选定评估专家：与平台的依托或共建单位有利益冲突的专家回避该平台，与每个平台都有冲突的不能选定',
  })
  async seatPlatformEvaluators(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: SeatPlatformEvaluatorsInput,
  ): Promise<PlatformEvaluationRoundDetailModel> {
    return toRoundDetailModel(await this.rounds.seat(ctx, viewer, input));
  }

  @Allow(...STAFF_ROLES)
  @Mutation(() => PlatformEvaluationRoundDetailModel, {
    description: '结束评估：按已提交的专家评分定等级，不合格限期一年整改，复评仍不合格撤销认定',
  })
  async closePlatformEvaluationRound(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: ClosePlatformEvaluationRoundInput,
  ): Promise<PlatformEvaluationRoundDetailModel> {
    return toRoundDetailModel(await this.rounds.close(ctx, viewer, input));
  }

  @Allow('EXPERT')
  @Query(() => [PlatformEvaluationTaskModel], { description: '本人的平台评估任务' })
  async myPlatformEvaluationTasks(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
  ): Promise<PlatformEvaluationTaskModel[]> {
    return (await this.rounds.mine(ctx.db, viewer)).map(toTaskModel);
  }

  @Allow('EXPERT')
  @Query(() => PlatformEvaluationTaskDetailModel, { description: '本人的一项平台评估任务及其评分表' })
  async myPlatformEvaluationTask(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<PlatformEvaluationTaskDetailModel> {
    return toTaskDetailModel(await this.rounds.seatDetail(ctx.db, viewer, id));
  }

  @Allow('EXPERT')
  @Mutation(() => PlatformEvaluationTaskDetailModel, {
    description: '确认评审承诺书和回避声明（每个评估批次首次评分前一次）',
  })
  async declareForPlatformEvaluation(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('taskId', { type: () => ID }) taskId: string,
    @Args('declarationVersion') declarationVersion: string,
  ): Promise<PlatformEvaluationTaskDetailModel> {
    return toTaskDetailModel(await this.rounds.declare(ctx, viewer, taskId, declarationVersion));
  }

  @Allow('EXPERT')
  @Mutation(() => PlatformEvaluationTaskDetailModel, {
    description: '保存平台评估评分；submit 为 true 时提交并锁定',
  })
  async savePlatformEvaluationSheet(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: SavePlatformEvaluationSheetInput,
  ): Promise<PlatformEvaluationTaskDetailModel> {
    return toTaskDetailModel(await this.rounds.save(ctx, viewer, input));
  }
}
