import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AllianceAction, agreementInEffect, availableAllianceActions, chinaDate } from '@xiangmeng/domain';
import { SignedIn } from '../../common/auth/access.decorators';
import { Clock } from '../../common/clock';
import { groupBy, perRequestLoader } from '../../common/request/per-request';
import { Ctx, CurrentViewer } from '../../common/request/current.decorators';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { IndustriesRepository } from '../industries/industries.repository';
import { IndustryModel, toIndustryModel } from '../industries/industry.model';
import type { OrganizationEntity } from '../organizations/organization.entity';
import { OrganizationModel, toOrganizationModel } from '../organizations/organization.model';
import { OrganizationsService } from '../organizations/organizations.service';
import type { TenantEntity } from '../tenants/tenant.entity';
import { TenantModel, toTenantModel } from '../tenants/tenant.model';
import { TenantsService } from '../tenants/tenants.service';
import type { AllianceOutputEntity } from './alliance-output.entity';
import type { StoredSnapshot } from './alliance-snapshots';
import {
  AllianceAgreementModel,
  AllianceMemberModel,
  AllianceModel,
  AllianceOutputModel,
  FoundingCheckModel,
  GovernanceBodyModel,
  MeasuresBasis,
} from './alliance.model';
import { AlliancesRepository } from './alliances.repository';
import { FoundingCheckService } from './founding-check.service';
import type { GovernanceBodyEntity } from './governance-body.entity';

// Relations of an alliance, each batched per request so a page of any size costs the same
// number of statements.
@Resolver(() => AllianceModel)
export class AllianceFieldsResolver {
  constructor(
    private readonly alliances: AlliancesRepository,
    private readonly directory: OrganizationsService,
    private readonly taxonomy: IndustriesRepository,
    private readonly tenants: TenantsService,
    private readonly foundingChecks: FoundingCheckService,
    private readonly clock: Clock,
  ) {}

  private organizations(ctx: RequestContext) {
    return perRequestLoader<string, OrganizationEntity | undefined>(
      ctx,
      'organization-by-id',
      async (ids) => {
        const rows = await this.directory.byIds(ctx.db, ids);
        return ids.map((id) => rows.find((r) => r.id === id));
      },
    );
  }

  // Keyed by the alliance the page already read in this transaction: its governance columns come
  // with it, so the snapshot costs no second read of the alliances.
  private snapshots(ctx: RequestContext) {
    return perRequestLoader<AllianceModel, StoredSnapshot, string>(
      ctx,
      'alliance-snapshot',
      async (alliances) => {
        const snapshots = await this.alliances.snapshots(ctx.db, alliances);
        return alliances.map(
          (a) =>
            snapshots.get(a.id) ?? {
              members: [],
              agreements: [],
              governance: { bodies: [], liableEntity: '', executiveFullTimeStaff: 0 },
            },
        );
      },
      (a) => a.id,
    );
  }

  @SignedIn()
  @ResolveField(() => IndustryModel)
  async industry(@Ctx() ctx: RequestContext, @Parent() alliance: AllianceModel): Promise<IndustryModel> {
    const industry = await this.taxonomy.byCode(ctx.db, alliance.industryCode);
    if (!industry) throw new Error(`industry ${alliance.industryCode} missing`);
    return toIndustryModel(industry);
  }

  @SignedIn()
  @ResolveField(() => TenantModel, { description: '登记该联盟的单位（省或市州）' })
  async tenant(@Ctx() ctx: RequestContext, @Parent() alliance: AllianceModel): Promise<TenantModel> {
    const loader = perRequestLoader<string, TenantEntity | undefined>(ctx, 'tenant-by-id', async (ids) => {
      const rows = await this.tenants.byIds(ctx.db, ids);
      return ids.map((id) => rows.find((r) => r.id === id));
    });
    const tenant = await loader.load(alliance.tenantId);
    if (!tenant) throw new Error(`tenant ${alliance.tenantId} missing`);
    return toTenantModel(tenant);
  }

  @SignedIn()
  @ResolveField(() => [AllianceMemberModel], {
    description: '成员单位，含已退出的（current: true 只看现有成员）',
  })
  async members(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Parent() alliance: AllianceModel,
    @Args('current', { defaultValue: false }) current: boolean,
  ): Promise<AllianceMemberModel[]> {
    // The snapshot the page's Art. 8 check reads holds the members and their organizations.
    const { members } = await this.snapshots(ctx).load(alliance);
    return members
      .filter((m) => !current || m.exitedOn === null)
      .sort((a, b) => a.joinedOn.localeCompare(b.joinedOn) || a.createdAt.getTime() - b.createdAt.getTime())
      .map((m) => ({
        id: m.id,
        organization: toOrganizationModel(m.organization, viewer),
        role: m.role,
        joinedOn: m.joinedOn,
        exitedOn: m.exitedOn,
        exitReason: m.exitReason,
      }));
  }

  @SignedIn()
  @ResolveField(() => OrganizationModel, {
    nullable: true,
    description: '理事长单位（第十八条：计划项目的责任主体）',
  })
  async chairMember(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Parent() alliance: AllianceModel,
  ): Promise<OrganizationModel | null> {
    const { members } = await this.snapshots(ctx).load(alliance);
    const chair = members.find((m) => m.role === 'CHAIR' && m.exitedOn === null);
    return chair ? toOrganizationModel(chair.organization, viewer) : null;
  }

  @SignedIn()
  @ResolveField(() => OrganizationModel, { nullable: true, description: '常设机构依托单位' })
  async hostOrganization(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Parent() alliance: AllianceModel,
  ): Promise<OrganizationModel | null> {
    const organization = alliance.hostOrganizationId
      ? await this.organizations(ctx).load(alliance.hostOrganizationId)
      : undefined;
    return organization ? toOrganizationModel(organization, viewer) : null;
  }

  @SignedIn()
  @ResolveField(() => [GovernanceBodyModel])
  async governanceBodies(
    @Ctx() ctx: RequestContext,
    @Parent() alliance: AllianceModel,
  ): Promise<GovernanceBodyModel[]> {
    const loader = perRequestLoader<string, GovernanceBodyEntity[]>(ctx, 'bodies-by-alliance', async (ids) =>
      groupBy(ids, await this.alliances.governanceBodies(ctx.db, ids), (b) => b.allianceId),
    );
    return (await loader.load(alliance.id)).map((b) => ({
      kind: b.kind,
      name: b.name,
      description: b.description,
    }));
  }

  @SignedIn()
  @ResolveField(() => [AllianceAgreementModel], { description: '联盟协议各版本（新版本在前）' })
  async agreements(
    @Ctx() ctx: RequestContext,
    @Parent() alliance: AllianceModel,
  ): Promise<AllianceAgreementModel[]> {
    const snapshot = await this.snapshots(ctx).load(alliance);
    const inEffect = agreementInEffect(snapshot, chinaDate(this.clock.now()));
    return [...snapshot.agreements]
      .sort((a, b) => b.version - a.version)
      .map((a) => ({
        id: a.id,
        version: a.version,
        revision: a.revision,
        innovationGoals: a.innovationGoals,
        ipOwnership: a.ipTerms.ownership,
        ipLicensing: a.ipTerms.licensing,
        ipBenefitSharing: a.ipTerms.benefitSharing,
        breachLiability: a.ipTerms.breachLiability,
        ipOnDissolution: a.ipTerms.onDissolution,
        ipOnMemberExit: a.ipTerms.onMemberExit,
        fundManagement: a.fundRules.management,
        fundSupervision: a.fundRules.supervision,
        newMembersRule: a.openness.newMembers,
        externalCooperation: a.openness.externalCooperation,
        resultsDiffusion: a.openness.resultsDiffusion,
        scanDocumentId: a.scanDocumentId,
        tasks: a.tasks,
        signatures: a.signatures,
        inEffect: inEffect?.version === a.version,
      }));
  }

  @SignedIn()
  @ResolveField(() => [AllianceOutputModel], {
    description: '逐年产出：标准、专利、平台、成果转化、人才培养',
  })
  async outputs(
    @Ctx() ctx: RequestContext,
    @Parent() alliance: AllianceModel,
  ): Promise<AllianceOutputModel[]> {
    const loader = perRequestLoader<string, AllianceOutputEntity[]>(ctx, 'outputs-by-alliance', async (ids) =>
      groupBy(ids, await this.alliances.outputs(ctx.db, ids), (o) => o.allianceId),
    );
    return (await loader.load(alliance.id)).map((o) => ({
      id: o.id,
      year: o.year,
      kind: o.kind,
      quantity: o.quantity,
      description: o.description,
    }));
  }

  @SignedIn()
  @ResolveField(() => FoundingCheckModel, {
    description: '第八条基本条件检查：basis 为 OWN（本级生效规则）或 PROVINCE（省级实施办法）',
  })
  async foundingCheck(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Parent() alliance: AllianceModel,
    @Args('basis', { type: () => MeasuresBasis, defaultValue: MeasuresBasis.OWN }) basis: MeasuresBasis,
    @Args('asOf', { nullable: true }) asOf?: string,
  ): Promise<FoundingCheckModel> {
    const snapshot = await this.snapshots(ctx).load(alliance);
    const check = await this.foundingChecks.check(
      ctx,
      viewer,
      snapshot,
      asOf ?? chinaDate(this.clock.now()),
      basis,
    );
    return {
      asOf: check.asOf,
      allHold: check.allHold,
      agreementVersionInEffect: check.agreementVersionInEffect,
      conditions: check.conditions.map((c) => ({
        ...c,
        reasons: c.reasons.map((r) => ({ ...r, organizationId: r.organizationId ?? null })),
      })),
      rootCauses: check.rootCauses,
      provinceMeasuresId: check.measures.province.id,
      measuresTitle: check.measures.local?.title ?? check.measures.province.title,
      localMeasuresId: check.measures.local?.id ?? null,
    };
  }

  @SignedIn()
  @ResolveField(() => [AllianceAction], { description: '当前用户对此联盟可执行的状态变更' })
  availableActions(@CurrentViewer() viewer: Viewer, @Parent() alliance: AllianceModel): AllianceAction[] {
    return alliance.tenantId === viewer.tenantId
      ? availableAllianceActions(alliance.status, viewer.roles)
      : [];
  }
}
