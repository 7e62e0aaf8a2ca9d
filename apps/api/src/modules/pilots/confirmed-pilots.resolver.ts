import { Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { actOn } from '../../common/access/access';
import { SignedIn } from '../../common/auth/access.decorators';
import { Ctx, CurrentViewer } from '../../common/request/current.decorators';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { CallLoaders } from '../calls/call-loaders';
import { callModelFor } from '../calls/calls.resolver';
import { PilotCallModel } from '../calls/pilot-call.model';
import { IndustriesRepository } from '../industries/industries.repository';
import { IndustryModel, toIndustryModel } from '../industries/industry.model';
import { TenantModel } from '../tenants/tenant.model';
import { ConfirmedPilotModel } from './pilot-application.model';
import { PilotApplicationsRepository } from './pilot-applications.repository';

/** The public lists of confirmed pilots (Art. 13): the viewer's tier's own and its parent's. */
@Resolver(() => ConfirmedPilotModel)
export class ConfirmedPilotsResolver {
  constructor(
    private readonly repository: PilotApplicationsRepository,
    private readonly loaders: CallLoaders,
    private readonly industries: IndustriesRepository,
  ) {}

  @SignedIn()
  @Query(() => [ConfirmedPilotModel], { description: '试点联盟名单：本级确认的和上级确认的' })
  async confirmedPilots(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
  ): Promise<ConfirmedPilotModel[]> {
    const rows = await this.repository.confirmedPilots(ctx.db, viewer.tenantId);
    return rows.map((r) => ({
      applicationId: r.application_id,
      authorityTenantId: r.tenant_id,
      allianceTenantId: r.alliance_tenant_id,
      industryCode: r.industry_code,
      callId: r.call_id,
      level: r.level,
      allianceId: r.alliance_id,
      allianceName: r.alliance_name,
      confirmedOn: r.confirmed_on,
    }));
  }

  @SignedIn()
  @ResolveField(() => TenantModel, { description: '确认试点的主管部门' })
  authority(@Ctx() ctx: RequestContext, @Parent() pilot: ConfirmedPilotModel): Promise<TenantModel> {
    return this.loaders.tenantModel(ctx, pilot.authorityTenantId);
  }

  @SignedIn()
  @ResolveField(() => TenantModel, { description: '联盟所在市州' })
  allianceTenant(@Ctx() ctx: RequestContext, @Parent() pilot: ConfirmedPilotModel): Promise<TenantModel> {
    return this.loaders.tenantModel(ctx, pilot.allianceTenantId);
  }

  @SignedIn()
  @ResolveField(() => IndustryModel)
  async industry(@Ctx() ctx: RequestContext, @Parent() pilot: ConfirmedPilotModel): Promise<IndustryModel> {
    const industry = await this.industries.byCode(ctx.db, pilot.industryCode);
    if (!industry) throw new Error(`industry ${pilot.industryCode} missing`);
    return toIndustryModel(industry);
  }

  @SignedIn()
  @ResolveField(() => PilotCallModel, {
    nullable: true,
    description: '所属申报通知（可能是上级的）；登记在册而非经本系统确认的试点为空',
  })
  async call(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Parent() pilot: ConfirmedPilotModel,
  ): Promise<PilotCallModel | null> {
    if (!pilot.callId) return null;
    return callModelFor(actOn(await this.loaders.call(ctx).load(pilot.callId)), viewer);
  }
}
