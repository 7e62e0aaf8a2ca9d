import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../../common/auth/access.decorators';
import { Ctx, CurrentViewer } from '../../common/request/current.decorators';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { AssignPanelInput, SwapPanelMemberInput } from './dto/review.input';
import { PanelsService } from './panels.service';
import { PanelCandidateModel, PanelProposalModel, ReviewPanelModel } from './review.model';
import { STAFF_ROLES } from '@xiangmeng/domain';

@Resolver(() => ReviewPanelModel)
export class PanelsResolver {
  constructor(private readonly panels: PanelsService) {}

  @Allow(...STAFF_ROLES)
  @Query(() => PanelProposalModel, {
    description: '建议专家组：领域相符、无利益冲突、未达年度上限、同一单位至多一人',
  })
  proposePanel(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('applicationId', { type: () => ID }) applicationId: string,
  ): Promise<PanelProposalModel> {
    return this.panels.propose(ctx.db, viewer, applicationId);
  }

  @Allow(...STAFF_ROLES)
  @Query(() => [PanelCandidateModel], {
    description: '本级专家库作为某项申报的候选专家，标明与该申报的利益冲突（有冲突的不能入选）',
  })
  panelCandidates(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('applicationId', { type: () => ID }) applicationId: string,
  ): Promise<PanelCandidateModel[]> {
    return this.panels.candidates(ctx.db, viewer, applicationId);
  }

  @Allow(...STAFF_ROLES)
  @Mutation(() => ReviewPanelModel, { description: '组建专家组（已受理的申报；替换尚未开始评审的专家组）' })
  assignPanel(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: AssignPanelInput,
  ): Promise<ReviewPanelModel> {
    return this.panels.assign(ctx, viewer, input);
  }

  @Allow(...STAFF_ROLES)
  @Mutation(() => ReviewPanelModel, { description: '撤换一位专家（须说明理由；原评分表留痕）' })
  swapPanelMember(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: SwapPanelMemberInput,
  ): Promise<ReviewPanelModel> {
    return this.panels.swap(ctx, viewer, input);
  }
}
