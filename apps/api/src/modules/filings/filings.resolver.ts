import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  availableActions,
  diffSnapshots,
  FILING_WORKFLOW,
  type FilingAction,
  Role,
  roundIsOpen,
  roundRouteHolds,
  STAFF_ROLES,
} from '@xiangmeng/domain';
import { Allow, SignedIn } from '../../common/auth/access.decorators';
import { badInput, violation } from '../../common/errors/app-error';
import { Clock } from '../../common/clock';
import { groupBy, perRequestLoader } from '../../common/request/per-request';
import { Ctx, CurrentViewer } from '../../common/request/current.decorators';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { ApplicationEngine } from '../applications/application-engine';
import { DecisionPdfModel, toDecisionPdfModel } from '../decision-pdfs/decision-pdf.model';
import { DecisionPdfsService } from '../decision-pdfs/decision-pdfs.service';
import type { AllianceEntity } from '../alliances/alliance.entity';
import { IndustriesRepository } from '../industries/industries.repository';
import { IndustryModel, toIndustryModel } from '../industries/industry.model';
import { toTenantModel } from '../tenants/tenant.model';
import { FilingFilterInput, TransitionFilingInput, UpdateFilingInput } from './dto/filing.input';
import type { FilingEntity, FilingObjectionEntity, FilingRoundEntity } from './filing.entity';
import { FilingKind } from './filing.kind';
import {
  CityFilingCountsModel,
  FilingDocumentModel,
  FilingModel,
  FilingObjectionModel,
  FilingRoundModel,
  FilingSnapshotModel,
  FilingTimelineEntryModel,
} from './filing.model';
import { FilingRoundsRepository } from './filing-rounds.repository';
import { FilingsRepository } from './filings.repository';
import { FilingsService } from './filings.service';

const CITY_STAFF = ['CITY_ADMIN', 'CITY_OFFICER'] as const;
const PROVINCE_STAFF = ['PROVINCE_ADMIN', 'PROVINCE_OFFICER'] as const;

export function toFilingModel(f: FilingEntity): FilingModel {
  return {
    id: f.id,
    tenantId: f.tenantId,
    authorityTenantId: f.authorityTenantId,
    roundId: f.roundId,
    allianceId: f.allianceId,
    cityTenantId: f.tenantId,
    state: f.state,
    version: f.version,
    significance: f.significance,
    level: f.level,
    snapshot: f.dossier,
    submittedAt: f.submittedAt,
    acceptedAt: f.acceptedAt,
    correctionDeadline: f.correctionDeadline,
    noticeStartsOn: f.noticeStartsOn,
    noticeEndsOn: f.noticeEndsOn,
    lastReason: f.lastReason,
    decidedAt: f.decidedAt,
    filingNumber: f.filingNumber,
    filedOn: f.filedOn,
    validThrough: f.validThrough,
    nationallyRecommended: f.nationalRecommendedAt !== null,
    nationalOpinion: f.nationalOpinion,
    nationalRecommendedAt: f.nationalRecommendedAt,
    createdAt: f.createdAt,
  };
}

export function toRoundModel(r: FilingRoundEntity, now: Date): FilingRoundModel {
  return { ...r, isOpen: roundIsOpen(r, now) };
}

function toObjectionModel(o: FilingObjectionEntity): FilingObjectionModel {
  return {
    id: o.id,
    filingId: o.filingId,
    receivedOn: o.receivedOn,
    objector: o.objector,
    content: o.content,
    answer: o.answer,
    answeredAt: o.answeredAt,
  };
}

@Resolver(() => FilingModel)
export class FilingsResolver {
  constructor(
    private readonly service: FilingsService,
    private readonly repository: FilingsRepository,
    private readonly rounds: FilingRoundsRepository,
    private readonly engine: ApplicationEngine,
    private readonly kind: FilingKind,
    private readonly clock: Clock,
    private readonly decisionPdfs: DecisionPdfsService,
    private readonly industries: IndustriesRepository,
  ) {}

  @Allow(...STAFF_ROLES)
  @Query(() => [FilingModel], { description: '备案：本单位的（OWN）、报送本单位的（RECEIVED）或两者' })
  async filings(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('filter', { type: () => FilingFilterInput, defaultValue: { scope: 'ALL' } })
    filter: FilingFilterInput,
  ): Promise<FilingModel[]> {
    return (await this.service.list(ctx.db, viewer, filter)).map(toFilingModel);
  }

  @Allow(Role.PROVINCE_ADMIN, Role.PROVINCE_OFFICER)
  @Query(() => [CityFilingCountsModel], {
    description: '省科技厅首页：各市州报送的备案（自提交起）按状态计数，含尚无备案的市州',
  })
  async filingCountsByCity(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
  ): Promise<CityFilingCountsModel[]> {
    const counts = await this.service.countsByCity(ctx.db, viewer);
    return counts.map((c) => ({ ...c, city: toTenantModel(c.city) }));
  }

  @Allow(...STAFF_ROLES)
  @Query(() => FilingModel, { description: '一项备案（省科技厅自提交起可见）' })
  async filing(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<FilingModel> {
    return toFilingModel(await this.service.get(ctx.db, id));
  }

  @Allow(...CITY_STAFF)
  @Mutation(() => FilingModel, { description: '在已发布的备案批次中为本市州的试点联盟起草备案' })
  async createFiling(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('roundId', { type: () => ID }) roundId: string,
    @Args('allianceId', { type: () => ID }) allianceId: string,
  ): Promise<FilingModel> {
    return toFilingModel(await this.service.create(ctx, viewer, roundId, allianceId));
  }

  @Allow(...CITY_STAFF)
  @Mutation(() => FilingModel, { description: '填写备案（草稿或退回修改时）' })
  async updateFiling(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: UpdateFilingInput,
  ): Promise<FilingModel> {
    return toFilingModel(await this.service.update(ctx, viewer, input));
  }

  @Allow(...STAFF_ROLES)
  @Mutation(() => FilingModel, {
    description: '对备案执行一个操作（提交、受理、退回、公示、备案、变更、暂停、撤回、撤销）',
  })
  async transitionFiling(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: TransitionFilingInput,
  ): Promise<FilingModel> {
    if (!Object.hasOwn(FILING_WORKFLOW.actions, input.action))
      throw badInput([violation('action', 'ONE_OF', '没有这一备案操作')]);
    const filing = await this.engine.transition(ctx.db, viewer, this.kind, {
      id: input.id,
      action: input.action as FilingAction,
      version: input.version,
      text: input.reason ?? '',
      details: { correctionDeadline: input.correctionDeadline ?? null },
    });
    return toFilingModel(filing);
  }

  @Allow(...PROVINCE_STAFF)
  @Mutation(() => FilingModel, { description: '推荐已备案联盟参加国家层面试点（省科技厅管理员）' })
  async recommendFilingNationally(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number,
    @Args('opinion') opinion: string,
  ): Promise<FilingModel> {
    return toFilingModel(await this.service.recommendNationally(ctx, viewer, id, version, true, opinion));
  }

  @Allow(...PROVINCE_STAFF)
  @Mutation(() => FilingModel, { description: '撤回国家层面推荐（须说明理由）' })
  async withdrawNationalRecommendation(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number,
    @Args('reason') reason: string,
  ): Promise<FilingModel> {
    return toFilingModel(await this.service.recommendNationally(ctx, viewer, id, version, false, reason));
  }

  @Allow(...PROVINCE_STAFF)
  @Mutation(() => FilingObjectionModel, { description: '登记备案公示期间收到的异议' })
  async recordFilingObjection(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('filingId', { type: () => ID }) filingId: string,
    @Args('receivedOn') receivedOn: string,
    @Args('objector') objector: string,
    @Args('content') content: string,
  ): Promise<FilingObjectionModel> {
    return toObjectionModel(
      await this.service.recordObjection(ctx, viewer, { filingId, receivedOn, objector, content }),
    );
  }

  @Allow(...PROVINCE_STAFF)
  @Mutation(() => FilingObjectionModel, { description: '答复备案公示异议' })
  async answerFilingObjection(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
    @Args('answer') answer: string,
  ): Promise<FilingObjectionModel> {
    return toObjectionModel(await this.service.answerObjection(ctx, viewer, id, answer));
  }

  // The filing's parts, batched per request.

  private roundOf(ctx: RequestContext, filing: FilingModel): Promise<FilingRoundEntity | null> {
    const loader = perRequestLoader<string, FilingRoundEntity | null>(ctx, 'filing-round', async (ids) => {
      const rows = await this.rounds.findMany(ctx.db, ids);
      return ids.map((id) => rows.find((r) => r.id === id) ?? null);
    });
    return loader.load(filing.roundId);
  }

  @SignedIn()
  @ResolveField(() => FilingRoundModel)
  async round(@Ctx() ctx: RequestContext, @Parent() filing: FilingModel): Promise<FilingRoundModel> {
    const round = await this.roundOf(ctx, filing);
    if (!round) throw new Error(`round ${filing.roundId} of filing ${filing.id} not readable`);
    return toRoundModel(round, this.clock.now());
  }

  private alliance(ctx: RequestContext, filing: FilingModel): Promise<AllianceEntity | null> {
    const loader = perRequestLoader<string, AllianceEntity | null>(ctx, 'filing-alliance', async (ids) => {
      const rows = await this.repository.alliancesByIds(ctx.db, ids);
      return ids.map((id) => rows.find((r) => r.id === id) ?? null);
    });
    return loader.load(filing.allianceId);
  }

  @SignedIn()
  @ResolveField(() => String, { description: '联盟名称（提交后取自备案快照）' })
  async allianceName(@Ctx() ctx: RequestContext, @Parent() filing: FilingModel): Promise<string> {
    const frozen = (filing.snapshot as { alliance?: { name?: string } } | null)?.alliance?.name;
    return frozen ?? (await this.alliance(ctx, filing))?.name ?? '—';
  }

  @SignedIn()
  @ResolveField(() => IndustryModel, {
    nullable: true,
    description: '联盟所属产业（提交后取自备案快照）；看不到联盟时为空',
  })
  async industry(@Ctx() ctx: RequestContext, @Parent() filing: FilingModel): Promise<IndustryModel | null> {
    const frozen = (filing.snapshot as { alliance?: { industryCode?: string } } | null)?.alliance
      ?.industryCode;
    const code = frozen ?? (await this.alliance(ctx, filing))?.industryCode;
    if (!code) return null;
    const industry = await this.industries.byCode(ctx.db, code);
    return industry ? toIndustryModel(industry) : null;
  }

  @SignedIn()
  @ResolveField(() => DecisionPdfModel, {
    nullable: true,
    description: '备案证明 PDF 及其 SHA-256（备案后由省级生成；省级和备案的市州可见）',
  })
  async certificatePdf(
    @Ctx() ctx: RequestContext,
    @Parent() filing: FilingModel,
  ): Promise<DecisionPdfModel | null> {
    const pdf = await this.decisionPdfs.ofSubject(ctx, 'filing', filing.id);
    return pdf ? toDecisionPdfModel(pdf) : null;
  }

  @SignedIn()
  @ResolveField(() => String, { description: '备案的市州名称' })
  async cityName(@Ctx() ctx: RequestContext, @Parent() filing: FilingModel): Promise<string> {
    const loader = perRequestLoader<string, string>(ctx, 'filing-city-name', async (ids) => {
      const names = await this.repository.tenantNames(ctx.db, ids);
      return ids.map((id) => names.get(id) ?? '—');
    });
    return loader.load(filing.tenantId);
  }

  @SignedIn()
  @ResolveField(() => [FilingDocumentModel])
  async documents(@Ctx() ctx: RequestContext, @Parent() filing: FilingModel): Promise<FilingDocumentModel[]> {
    const loader = perRequestLoader<string, FilingDocumentModel[]>(ctx, 'filing-documents', async (ids) =>
      (await this.repository.attachedDocuments(ctx.db, ids)).map((list) =>
        list.map((d) => ({ ...d, downloadUrl: `/api/documents/${d.documentId}` })),
      ),
    );
    return loader.load(filing.id);
  }

  @SignedIn()
  @ResolveField(() => [FilingSnapshotModel], { description: '历次提交冻结的内容，及每次相对上一次的变化' })
  async snapshots(@Ctx() ctx: RequestContext, @Parent() filing: FilingModel): Promise<FilingSnapshotModel[]> {
    const loader = perRequestLoader<string, FilingSnapshotModel[]>(ctx, 'filing-snapshots', async (ids) => {
      const rows = await this.repository.snapshots(ctx.db, ids);
      return groupBy(ids, rows, (r) => r.filingId).map((list) =>
        list.map((s, i) => ({
          seq: s.seq,
          kind: s.kind,
          takenAt: s.takenAt,
          sha256: s.sha256,
          snapshot: s.snapshot,
          changes: i > 0 ? diffSnapshots(list[i - 1]!.snapshot, s.snapshot) : [],
        })),
      );
    });
    return loader.load(filing.id);
  }

  @SignedIn()
  @ResolveField(() => [FilingObjectionModel])
  async objections(
    @Ctx() ctx: RequestContext,
    @Parent() filing: FilingModel,
  ): Promise<FilingObjectionModel[]> {
    const loader = perRequestLoader<string, FilingObjectionEntity[]>(ctx, 'filing-objections', async (ids) =>
      groupBy(ids, await this.repository.objections(ctx.db, ids), (o) => o.filingId),
    );
    return (await loader.load(filing.id)).map(toObjectionModel);
  }

  @SignedIn()
  @ResolveField(() => [String], { description: '当前用户此时可执行的操作（按批次是否评审、公示取其路线）' })
  async availableActions(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Parent() filing: FilingModel,
  ): Promise<string[]> {
    const round = await this.roundOf(ctx, filing);
    return availableActions(
      FILING_WORKFLOW,
      filing.state as never,
      this.kind.actorsOf(viewer, filing as never),
      (guard) => round !== null && roundRouteHolds(guard, round) === false,
    );
  }

  @SignedIn()
  @ResolveField(() => [FilingTimelineEntryModel])
  async timeline(
    @Ctx() ctx: RequestContext,
    @Parent() filing: FilingModel,
  ): Promise<FilingTimelineEntryModel[]> {
    const rows = await this.repository.timeline(ctx.db, filing.id);
    return rows.map((r) => ({
      at: r.occurred_at,
      action: r.action,
      actorName: r.actor_name ?? (r.actor_user_id ? null : '系统'),
      toState: r.after?.state ?? null,
      reason: r.after?.reason ?? null,
    }));
  }
}
