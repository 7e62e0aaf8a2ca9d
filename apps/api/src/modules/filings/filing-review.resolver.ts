import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { isStaff } from '@xiangmeng/domain';
import { SignedIn } from '../../common/auth/access.decorators';
import { AppError } from '../../common/errors/app-error';
import { Ctx } from '../../common/request/current.decorators';
import type { RequestContext } from '../../common/request/request-context';
import { PanelsService } from '../reviews/panels.service';
import { ReviewAssignmentModel, ReviewPanelModel, ReviewSubjectKind } from '../reviews/review.model';
import { FilingModel } from './filing.model';
import { FilingsService } from './filings.service';
import { toFilingModel } from './filings.resolver';

/** Expert review of a filing (when its round asks for it), read through expert review. */
@Resolver(() => FilingModel)
export class FilingPanelResolver {
  constructor(private readonly panels: PanelsService) {}

  @SignedIn()
  @ResolveField(() => ReviewPanelModel, { nullable: true, description: '评审专家组（仅省科技厅可见）' })
  async panel(@Ctx() ctx: RequestContext, @Parent() parent: FilingModel): Promise<ReviewPanelModel | null> {
    const viewer = ctx.viewer;
    // Experts and the filing city never see the panel: names and scores of others stay hidden.
    if (!viewer || !isStaff(viewer.roles)) return null;
    const subject = await this.panels.received(ctx.db, viewer, parent.id).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
      throw error;
    });
    return subject ? this.panels.panel(ctx.db, viewer, subject) : null;
  }
}

/** The filing an expert's seat reviews. */
@Resolver(() => ReviewAssignmentModel)
export class ReviewAssignmentFilingResolver {
  constructor(private readonly filings: FilingsService) {}

  @SignedIn()
  @ResolveField(() => FilingModel, { nullable: true, description: '评审的备案' })
  async filing(
    @Ctx() ctx: RequestContext,
    @Parent() assignment: ReviewAssignmentModel,
  ): Promise<FilingModel | null> {
    if (assignment.subjectKind !== ReviewSubjectKind.FILING) return null;
    return toFilingModel(await this.filings.get(ctx.db, assignment.subjectId));
  }
}
