import { Query, Resolver } from '@nestjs/graphql';
import { Role } from '@xiangmeng/domain';
import { Allow, Public } from '../../common/auth/access.decorators';
import { Ctx, CurrentViewer } from '../../common/request/current.decorators';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { DivisionSummaryModel, TenantModel, toTenantModel } from './tenant.model';
import { TenantsService } from './tenants.service';

@Resolver(() => TenantModel)
export class TenantsResolver {
  constructor(private readonly tenants: TenantsService) {}

  @Public()
  @Query(() => [TenantModel], { description: '登录页可选的单位：湖南省及其下辖市州' })
  async signInTenants(@Ctx() ctx: RequestContext): Promise<TenantModel[]> {
    return (await this.tenants.signInTenants(ctx.db)).map(toTenantModel);
  }

  @Allow(Role.PROVINCE_ADMIN, Role.PROVINCE_OFFICER)
  @Query(() => [DivisionSummaryModel], { description: '省厅：下辖市州及其汇总数' })
  divisions(@Ctx() ctx: RequestContext, @CurrentViewer() viewer: Viewer): Promise<DivisionSummaryModel[]> {
    return this.tenants.divisions(ctx.db, viewer.tenantId);
  }
}
