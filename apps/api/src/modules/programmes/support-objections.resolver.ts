import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { STAFF_ROLES } from '@xiangmeng/domain';
import { Allow } from '../../common/auth/access.decorators';
import { Ctx, CurrentViewer } from '../../common/request/current.decorators';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { AnswerSupportObjectionInput, RecordSupportObjectionInput } from './dto/support-objection.input';
import { SupportObjectionModel, toSupportObjectionModel } from './support-objection.model';
import { SupportObjectionsService } from './support-objections.service';

/** Objections to support notices (公示): recorded and answered by the authority running the notice. */
@Resolver(() => SupportObjectionModel)
export class SupportObjectionsResolver {
  constructor(private readonly objections: SupportObjectionsService) {}

  @Allow(...STAFF_ROLES)
  @Mutation(() => SupportObjectionModel, { description: '登记公示期间收到的异议（主管部门）' })
  async recordSupportObjection(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: RecordSupportObjectionInput,
  ): Promise<SupportObjectionModel> {
    return toSupportObjectionModel(await this.objections.record(ctx, viewer, input));
  }

  @Allow(...STAFF_ROLES)
  @Mutation(() => SupportObjectionModel, { description: '答复公示异议并认定是否成立（主管部门）；答复后不再更改' })
  async answerSupportObjection(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: AnswerSupportObjectionInput,
  ): Promise<SupportObjectionModel> {
    return toSupportObjectionModel(await this.objections.answer(ctx, viewer, input));
  }
}
