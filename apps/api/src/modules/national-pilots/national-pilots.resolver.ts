import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { chinaDate, nationalPilotActiveOn, Role } from '@xiangmeng/domain';
import { Allow, SignedIn } from '../../common/auth/access.decorators';
import { Clock } from '../../common/clock';
import { groupBy, perRequestLoader } from '../../common/request/per-request';
import { Ctx, CurrentViewer } from '../../common/request/current.decorators';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { AllianceModel } from '../alliances/alliance.model';
import { DocumentsService } from '../documents/documents.service';
import {
  NationalPilotFilterInput,
  RecordNationalPilotInput,
  WithdrawNationalPilotInput,
} from './dto/national-pilot.input';
import { NationalPilotDesignationModel, toNationalPilotModel } from './national-pilot.model';
import type { NationalPilotRecord } from './national-pilots.repository';
import { NationalPilotsService } from './national-pilots.service';

@Resolver(() => NationalPilotDesignationModel)
export class NationalPilotsResolver {
  constructor(
    private readonly service: NationalPilotsService,
    private readonly documents: DocumentsService,
    private readonly clock: Clock,
  ) {}

  private model(viewer: Viewer) {
    const today = chinaDate(this.clock.now());
    return (d: NationalPilotRecord) => toNationalPilotModel(d, viewer, today);
  }

  @SignedIn()
  @Query(() => [NationalPilotDesignationModel], {
    description: '国家级试点联盟名单（全省公开），可按联盟、按今日是否有效筛选；含已撤销的历史',
  })
  async nationalPilotDesignations(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('filter', { type: () => NationalPilotFilterInput, nullable: true })
    filter: NationalPilotFilterInput | null,
  ): Promise<NationalPilotDesignationModel[]> {
    return (await this.service.list(ctx.db, filter ?? {})).map(this.model(viewer));
  }

  @SignedIn()
  @ResolveField(() => String, { nullable: true, description: '认定文件的文件名：只有省科技厅可见' })
  async documentFileName(
    @Ctx() ctx: RequestContext,
    @Parent() designation: NationalPilotDesignationModel,
  ): Promise<string | null> {
    if (!designation.scanDocumentId) return null;
    const name = await perRequestLoader<string, string | null>(
      ctx,
      'national-pilot-file-names',
      async (ids) => {
        // Row-level security decides: the province's own file, none for other tiers.
        const documents = await this.documents.byIds(ctx.db, ids);
        return ids.map((id) => documents.find((d) => d.id === id)?.fileName ?? null);
      },
    ).load(designation.scanDocumentId);
    return name;
  }

  @Allow(Role.PROVINCE_ADMIN)
  @Mutation(() => NationalPilotDesignationModel, {
    description: '记录科技部的国家级试点联盟认定（省科技厅管理员）：文号、认定日期、认定文件',
  })
  async recordNationalPilot(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: RecordNationalPilotInput,
  ): Promise<NationalPilotDesignationModel> {
    return this.model(viewer)(await this.service.record(ctx, viewer, input));
  }

  @Allow(Role.PROVINCE_ADMIN)
  @Mutation(() => NationalPilotDesignationModel, {
    description: '撤销国家级试点认定（省科技厅管理员），须说明理由；自今日起生效，记录保留',
  })
  async withdrawNationalPilot(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: WithdrawNationalPilotInput,
  ): Promise<NationalPilotDesignationModel> {
    return this.model(viewer)(await this.service.withdraw(ctx, viewer, input));
  }
}

// The alliance's national pilot designations, batched per request so a register page of any size
// costs one statement.
@Resolver(() => AllianceModel)
export class AllianceNationalPilotResolver {
  constructor(
    private readonly service: NationalPilotsService,
    private readonly clock: Clock,
  ) {}

  private designations(ctx: RequestContext, allianceId: string): Promise<NationalPilotRecord[]> {
    return perRequestLoader<string, NationalPilotRecord[]>(ctx, 'national-pilots-by-alliance', async (ids) =>
      groupBy(ids, await this.service.ofAlliances(ctx.db, ids), (d) => d.allianceId),
    ).load(allianceId);
  }

  @SignedIn()
  @ResolveField(() => NationalPilotDesignationModel, {
    nullable: true,
    description: '今日有效的国家级试点认定；不是国家级试点时为空',
  })
  async nationalPilot(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Parent() alliance: AllianceModel,
  ): Promise<NationalPilotDesignationModel | null> {
    const today = chinaDate(this.clock.now());
    const found = (await this.designations(ctx, alliance.id)).find(
      (d) => d.allianceTenantId === alliance.tenantId && nationalPilotActiveOn(d, today),
    );
    return found ? toNationalPilotModel(found, viewer, today) : null;
  }

  @SignedIn()
  @ResolveField(() => [NationalPilotDesignationModel], {
    description: '国家级试点认定的全部记录（含已撤销的），新的在前',
  })
  async nationalPilotHistory(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Parent() alliance: AllianceModel,
  ): Promise<NationalPilotDesignationModel[]> {
    const today = chinaDate(this.clock.now());
    return (await this.designations(ctx, alliance.id))
      .filter((d) => d.allianceTenantId === alliance.tenantId)
      .map((d) => toNationalPilotModel(d, viewer, today));
  }
}
