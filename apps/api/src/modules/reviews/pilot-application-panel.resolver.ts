import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { SignedIn } from '../../common/auth/access.decorators';
import { Ctx } from '../../common/request/current.decorators';
import type { RequestContext } from '../../common/request/request-context';
import { PilotApplicationModel } from '../pilots/pilot-application.model';
import { PanelsService } from './panels.service';
import { ReviewPanelModel } from './review.model';
import { isStaff } from '@xiangmeng/domain';

@Resolver(() => PilotApplicationModel)
export class PilotApplicationPanelResolver {
  constructor(private readonly panels: PanelsService) {}

  @SignedIn()
  @ResolveField(() => ReviewPanelModel, { nullable: true, description: '评审专家组（仅主管部门可见）' })
  async panel(
    @Ctx() ctx: RequestContext,
    @Parent() parent: PilotApplicationModel,
  ): Promise<ReviewPanelModel | null> {
    const viewer = ctx.viewer;
    // Experts and the home city never see the panel: names and scores of others stay hidden.
    if (!viewer || !isStaff(viewer.roles)) return null;
    const application = await this.panels.received(ctx.db, viewer, parent.id).catch(() => null);
    return application ? this.panels.panel(ctx.db, viewer, application) : null;
  }
}
