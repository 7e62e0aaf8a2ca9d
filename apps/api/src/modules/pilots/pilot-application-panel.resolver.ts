import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { isStaff } from '@xiangmeng/domain';
import { SignedIn } from '../../common/auth/access.decorators';
import { AppError } from '../../common/errors/app-error';
import { Ctx } from '../../common/request/current.decorators';
import type { RequestContext } from '../../common/request/request-context';
import { PanelsService } from '../reviews/panels.service';
import { ReviewPanelModel } from '../reviews/review.model';
import { PilotApplicationModel } from './pilot-application.model';

/** The expert panel of a pilot application, read through expert review. */
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
    const application = await this.panels.received(ctx.db, viewer, parent.id).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
      throw error;
    });
    return application ? this.panels.panel(ctx.db, viewer, application) : null;
  }
}
