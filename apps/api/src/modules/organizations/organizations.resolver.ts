import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { STAFF_ROLES } from '@xiangmeng/domain';
import { Allow } from '../../common/auth/access.decorators';
import { Ctx, CurrentViewer } from '../../common/request/current.decorators';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { CorrectOrganizationInput, OrganizationInput } from './dto/organization.input';
import { OrganizationModel, toOrganizationModel } from './organization.model';
import { OrganizationsService } from './organizations.service';

@Resolver(() => OrganizationModel)
export class OrganizationsResolver {
  constructor(private readonly directory: OrganizationsService) {}

  @Allow(...STAFF_ROLES)
  @Query(() => [OrganizationModel], { description: '按名称或信用代码查找名录中的单位' })
  async organizations(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('search', { defaultValue: '' }) search: string,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
  ): Promise<OrganizationModel[]> {
    return (await this.directory.search(ctx.db, search, first)).map((o) => toOrganizationModel(o, viewer));
  }

  @Allow(...STAFF_ROLES)
  @Mutation(() => OrganizationModel, { description: '向名录添加单位（信用代码全省唯一）' })
  async addOrganization(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: OrganizationInput,
  ): Promise<OrganizationModel> {
    return toOrganizationModel(await this.directory.add(ctx, viewer, input), viewer);
  }

  @Allow(...STAFF_ROLES)
  @Mutation(() => OrganizationModel, { description: '更正名录条目（登记该单位的市州或省厅）' })
  async correctOrganization(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: CorrectOrganizationInput,
  ): Promise<OrganizationModel> {
    return toOrganizationModel(await this.directory.correct(ctx, viewer, input), viewer);
  }
}
