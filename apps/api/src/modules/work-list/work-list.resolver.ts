import { Query, Resolver } from '@nestjs/graphql';
import { SignedIn } from '../../common/auth/access.decorators';
import { Ctx, CurrentViewer } from '../../common/request/current.decorators';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { WorkListModel } from './work-list.model';
import { WorkListService } from './work-list.service';

@Resolver(() => WorkListModel)
export class WorkListResolver {
  constructor(private readonly work: WorkListService) {}

  @SignedIn()
  @Query(() => WorkListModel, { description: '当前用户的待办' })
  workList(@Ctx() ctx: RequestContext, @CurrentViewer() viewer: Viewer): Promise<WorkListModel> {
    return this.work.workList(ctx.db, viewer);
  }
}
