import { Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { In } from 'typeorm';
import { SignedIn } from '../../common/auth/access.decorators';
import { notFound } from '../../common/errors/app-error';
import { perRequestLoader } from '../../common/request/per-request';
import { Ctx, CurrentViewer } from '../../common/request/current.decorators';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { callLoader, tenantModel } from '../calls/call-loaders';
import { callModelFor } from '../calls/calls.resolver';
import { PilotCallModel } from '../calls/pilot-call.model';
import { IndustryEntity } from '../industries/industry.entity';
import { IndustryModel, toIndustryModel } from '../industries/industry.model';
import { TenantModel } from '../tenants/tenant.model';
import { ConfirmedPilotModel } from './pilot-application.model';

type ConfirmedRow = {
  tenant_id: string;
  application_id: string;
  alliance_id: string;
  alliance_tenant_id: string;
  alliance_name: string;
  industry_code: string;
  call_id: string;
  level: 'PROVINCIAL' | 'CITY';
  confirmed_on: string;
};

/** The public lists of confirmed pilots (Art. 13): the viewer's tier's own and its parent's. */
@Resolver(() => ConfirmedPilotModel)
export class ConfirmedPilotsResolver {
  @SignedIn()
  @Query(() => [ConfirmedPilotModel], { description: '试点联盟名单：本级确认的和上级确认的' })
  async confirmedPilots(@Ctx() ctx: RequestContext): Promise<ConfirmedPilotModel[]> {
    const rows = await ctx.db.query<ConfirmedRow[]>(
      `SELECT p.tenant_id, p.application_id, p.alliance_id, p.alliance_tenant_id, p.alliance_name, p.industry_code,
              p.call_id, p.level, to_char(p.confirmed_on, 'YYYY-MM-DD') AS confirmed_on
         FROM confirmed_pilot p JOIN tenant t ON t.id = p.tenant_id
        ORDER BY t.level DESC, p.confirmed_on DESC, p.alliance_name`,
    );
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
    return tenantModel(ctx, pilot.authorityTenantId);
  }

  @SignedIn()
  @ResolveField(() => TenantModel, { description: '联盟所在市州' })
  allianceTenant(@Ctx() ctx: RequestContext, @Parent() pilot: ConfirmedPilotModel): Promise<TenantModel> {
    return tenantModel(ctx, pilot.allianceTenantId);
  }

  @SignedIn()
  @ResolveField(() => IndustryModel)
  async industry(@Ctx() ctx: RequestContext, @Parent() pilot: ConfirmedPilotModel): Promise<IndustryModel> {
    const loader = perRequestLoader<string, IndustryEntity | undefined>(
      ctx,
      'industry-by-code',
      async (codes) => {
        const rows = await ctx.db.findBy(IndustryEntity, { code: In([...codes]) });
        return codes.map((c) => rows.find((r) => r.code === c));
      },
    );
    const industry = await loader.load(pilot.industryCode);
    if (!industry) throw new Error(`industry ${pilot.industryCode} missing`);
    return toIndustryModel(industry);
  }

  @SignedIn()
  @ResolveField(() => PilotCallModel, { description: '所属申报通知（可能是上级的）' })
  async call(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Parent() pilot: ConfirmedPilotModel,
  ): Promise<PilotCallModel> {
    const call = await callLoader(ctx).load(pilot.callId);
    if (!call) throw notFound();
    return callModelFor(call, viewer);
  }
}
