import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { SignedIn } from '../../common/auth/access.decorators';
import { Ctx } from '../../common/request/current.decorators';
import type { RequestContext } from '../../common/request/request-context';
import { ReviewAssignmentModel, ReviewSubjectKind } from '../reviews/review.model';
import { PilotApplicationModel, toPilotApplicationModel } from './pilot-application.model';
import { PilotApplicationsService } from './pilot-applications.service';

/** The pilot application an expert's seat reviews. */
@Resolver(() => ReviewAssignmentModel)
export class ReviewAssignmentApplicationResolver {
  constructor(private readonly applications: PilotApplicationsService) {}

  @SignedIn()
  @ResolveField(() => PilotApplicationModel, { nullable: true, description: '评审的试点申报' })
  async application(
    @Ctx() ctx: RequestContext,
    @Parent() assignment: ReviewAssignmentModel,
  ): Promise<PilotApplicationModel | null> {
    if (assignment.subjectKind !== ReviewSubjectKind.PILOT_APPLICATION) return null;
    return toPilotApplicationModel(await this.applications.get(ctx.db, assignment.subjectId));
  }
}
