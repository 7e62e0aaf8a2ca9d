import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  availableActions,
  BalanceGrouping,
  chinaDate,
  isStaff,
  noticePeriodOver,
  PROJECT_WORKFLOW,
  type ProjectAction,
  projectRouteHolds,
  Role,
  STAFF_ROLES,
} from '@xiangmeng/domain';
import { Allow, SignedIn } from '../../common/auth/access.decorators';
import { Clock } from '../../common/clock';
import { AppError } from '../../common/errors/app-error';
import { badInput, violation } from '../../common/errors/app-error';
import { groupBy, perRequestLoader } from '../../common/request/per-request';
import { Ctx, CurrentViewer } from '../../common/request/current.decorators';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { CallLoaders } from '../calls/call-loaders';
import { DocumentsService } from '../documents/documents.service';
import { SupportObjectionModel, toSupportObjectionModel } from '../programmes/support-objection.model';
import { SupportObjectionsService } from '../programmes/support-objections.service';
import { PanelsService } from '../reviews/panels.service';
import { ReviewAssignmentModel, ReviewPanelModel, ReviewSubjectKind } from '../reviews/review.model';
import { IndustryModel, toIndustryModel } from '../industries/industry.model';
import { TenantModel } from '../tenants/tenant.model';
import {
  LedgerBalanceFilterInput,
  LedgerEntryInput,
  ProjectFilterInput,
  TransitionProjectInput,
} from './dto/project.input';
import type { ProjectLedgerEntryEntity } from './project.entity';
import { ProjectKind } from './project.kind';
import {
  LedgerBalanceModel,
  ProjectAcceptanceDocumentModel,
  ProjectLedgerEntryModel,
  ProjectLedgerTotalsModel,
  ProjectModel,
  ProjectPageModel,
  toBalanceModel,
  toLedgerEntryModel,
  toLedgerTotals,
  toProjectModel,
} from './project.model';
import { cityIdOf, projectListFilter } from './project-filter';
import { ProjectsRepository } from './projects.repository';
import { ProjectsService } from './projects.service';

const ADMINS = [Role.PROVINCE_ADMIN, Role.CITY_ADMIN] as const;

@Resolver(() => ProjectModel)
export class ProjectsResolver {
  constructor(
    private readonly service: ProjectsService,
    private readonly repository: ProjectsRepository,
    private readonly kind: ProjectKind,
    private readonly loaders: CallLoaders,
    private readonly panels: PanelsService,
    private readonly supportObjections: SupportObjectionsService,
    private readonly documents: DocumentsService,
    private readonly clock: Clock,
  ) {}

  @Allow(...STAFF_ROLES)
  @Query(() => ProjectPageModel, {
    description: '项目：本单位授予的，和本市州联盟承担的；可按计划、状态、联盟、市州、立项年度筛选',
  })
  async projects(
    @Ctx() ctx: RequestContext,
    @Args('filter', { nullable: true }) filter?: ProjectFilterInput,
  ): Promise<ProjectPageModel> {
    const f = filter ?? { first: 20, offset: 0 };
    const [items, totalCount] = await this.service.list(
      ctx.db,
      await projectListFilter(ctx.db, this.repository, f),
    );
    return { items: items.map(toProjectModel), totalCount };
  }

  @Allow(...STAFF_ROLES)
  @Query(() => ProjectModel)
  async project(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<ProjectModel> {
    return toProjectModel(await this.service.get(ctx.db, id));
  }

  @Allow(...STAFF_ROLES)
  @Query(() => [ProjectModel], {
    description: '联盟尚在实施的项目：解散联盟前列出，确认解散后将被冻结并交主管部门处理（第十九条）',
  })
  async openProjectsOfAlliance(
    @Ctx() ctx: RequestContext,
    @Args('allianceId', { type: () => ID }) allianceId: string,
  ): Promise<ProjectModel[]> {
    return (await this.service.openOfAlliance(ctx.db, allianceId)).map(toProjectModel);
  }

  @Allow(...STAFF_ROLES)
  @Query(() => [LedgerBalanceModel], {
    description: '由台账汇总的立项、拨付、追回金额：按项目、计划、市州或年度',
  })
  async ledgerBalances(
    @Ctx() ctx: RequestContext,
    @Args('by') by: string,
    @Args('filter', { nullable: true }) filter?: LedgerBalanceFilterInput,
  ): Promise<LedgerBalanceModel[]> {
    if (!Object.hasOwn(BalanceGrouping, by))
      throw badInput([violation('by', 'ONE_OF', '分组应为 PROJECT、PROGRAMME、CITY 或 YEAR')]);
    const rows = await this.service.balances(ctx.db, by as BalanceGrouping, {
      programmeId: filter?.programmeId ?? null,
      cityTenantId: await cityIdOf(ctx.db, this.repository, filter?.cityCode),
      year: filter?.year ?? null,
    });
    return rows.map(toBalanceModel);
  }

  @Allow(...STAFF_ROLES)
  @Mutation(() => ProjectLedgerEntryModel, {
    description: '登记一笔拨付（主管部门；累计不超过立项金额，冻结项目不可拨付）',
  })
  async disburseProject(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: LedgerEntryInput,
  ): Promise<ProjectLedgerEntryModel> {
    return toLedgerEntryModel(await this.service.disburse(ctx, viewer, input));
  }

  @Allow(...ADMINS)
  @Mutation(() => ProjectLedgerEntryModel, {
    description: '登记一笔追回（主管部门管理员；不超过已拨付净额）',
  })
  async recoverProjectFunds(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: LedgerEntryInput,
  ): Promise<ProjectLedgerEntryModel> {
    return toLedgerEntryModel(await this.service.recover(ctx, viewer, input));
  }

  @Allow(...STAFF_ROLES)
  @Mutation(() => ProjectModel, {
    description: '对项目执行一个操作（进展报告、变更、验收、终止、撤销、解散后的处理决定）',
  })
  async transitionProject(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: TransitionProjectInput,
  ): Promise<ProjectModel> {
    if (!Object.hasOwn(PROJECT_WORKFLOW.actions, input.action) || input.action === 'FREEZE_ON_DISSOLUTION')
      throw badInput([violation('action', 'ONE_OF', '没有这一项目操作')]);
    const project = await this.service.transition(ctx, viewer, {
      id: input.id,
      action: input.action as ProjectAction,
      version: input.version,
      text: input.text ?? '',
      details: input.details ?? {},
    });
    return toProjectModel(project);
  }

  private entriesOf(ctx: RequestContext, projectId: string): Promise<ProjectLedgerEntryEntity[]> {
    return perRequestLoader<string, ProjectLedgerEntryEntity[]>(ctx, 'project-ledger', async (ids) => {
      const rows = await this.service.entries(ctx.db, ids);
      return groupBy(ids, rows, (e) => e.projectId);
    }).load(projectId);
  }

  @SignedIn()
  @ResolveField(() => [ProjectLedgerEntryModel], { description: '资金台账，按发生日期' })
  async ledger(
    @Ctx() ctx: RequestContext,
    @Parent() project: ProjectModel,
  ): Promise<ProjectLedgerEntryModel[]> {
    return (await this.entriesOf(ctx, project.id)).map(toLedgerEntryModel);
  }

  @SignedIn()
  @ResolveField(() => ProjectLedgerTotalsModel, { description: '由台账汇总的金额' })
  async totals(
    @Ctx() ctx: RequestContext,
    @Parent() project: ProjectModel,
  ): Promise<ProjectLedgerTotalsModel> {
    const entity = await this.service.get(ctx.db, project.id);
    return toLedgerTotals(entity, await this.entriesOf(ctx, project.id));
  }

  @SignedIn()
  @ResolveField(() => [String], { description: '当前用户此时可执行的操作' })
  async availableActions(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Parent() project: ProjectModel,
  ): Promise<string[]> {
    const entity = await this.service.get(ctx.db, project.id);
    const programme = await this.repository.programme(ctx.db, entity.programmeId);
    const today = chinaDate(this.clock.now());
    // During the acceptance notice the conclusions wait for its end.
    return availableActions(
      PROJECT_WORKFLOW,
      entity.state,
      this.kind.actorsOf(viewer, entity).filter((a) => a !== 'SYSTEM'),
      (guard) =>
        (guard === 'NOTICE_PERIOD_OVER' && !noticePeriodOver(today, entity.noticeEndsOn)) ||
        (programme !== null && projectRouteHolds(guard, programme) === false),
    );
  }

  @SignedIn()
  @ResolveField(() => IndustryModel, {
    nullable: true,
    description: '联盟所属产业（申请验收时记录）；验收专家按此领域遴选',
  })
  async industry(@Ctx() ctx: RequestContext, @Parent() project: ProjectModel): Promise<IndustryModel | null> {
    const code = project.industryCode;
    if (!code) return null;
    const industry = await this.repository.industry(ctx.db, code);
    return industry ? toIndustryModel(industry) : null;
  }

  @SignedIn()
  @ResolveField(() => [ProjectAcceptanceDocumentModel], { description: '验收申请附的文件' })
  async acceptanceDocuments(
    @Ctx() ctx: RequestContext,
    @Parent() project: ProjectModel,
  ): Promise<ProjectAcceptanceDocumentModel[]> {
    const ids = project.acceptance?.documentIds ?? [];
    const rows = await this.documents.byIds(ctx.db, ids);
    return ids.flatMap((id) => {
      const row = rows.find((d) => d.id === id);
      return row ? [{ documentId: row.id, fileName: row.fileName }] : [];
    });
  }

  @SignedIn()
  @ResolveField(() => ReviewPanelModel, { nullable: true, description: '验收专家组（仅主管部门可见）' })
  async acceptancePanel(
    @Ctx() ctx: RequestContext,
    @Parent() project: ProjectModel,
  ): Promise<ReviewPanelModel | null> {
    const viewer = ctx.viewer;
    // The home bureau and the experts never see the panel: names and scores of others stay hidden.
    if (!viewer || !isStaff(viewer.roles) || viewer.tenantId !== project.authorityTenantId) return null;
    if (!project.acceptance) return null;
    const subject = await this.panels.received(ctx.db, viewer, project.id).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
      throw error;
    });
    return subject ? this.panels.panel(ctx.db, viewer, subject) : null;
  }

  @SignedIn()
  @ResolveField(() => [SupportObjectionModel], { description: '验收公示期间收到的异议（仅主管部门可见）' })
  async objections(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Parent() project: ProjectModel,
  ): Promise<SupportObjectionModel[]> {
    return (
      await this.supportObjections.list(ctx.db, viewer, {
        type: 'project',
        id: project.id,
        authorityTenantId: project.authorityTenantId,
      })
    ).map(toSupportObjectionModel);
  }

  @SignedIn()
  @ResolveField(() => TenantModel, { description: '授予项目的主管部门' })
  authority(@Ctx() ctx: RequestContext, @Parent() project: ProjectModel): Promise<TenantModel> {
    return this.loaders.tenantModel(ctx, project.authorityTenantId);
  }

  @SignedIn()
  @ResolveField(() => TenantModel, { description: '联盟所在市州' })
  city(@Ctx() ctx: RequestContext, @Parent() project: ProjectModel): Promise<TenantModel> {
    return this.loaders.tenantModel(ctx, project.cityTenantId);
  }
}

/** The project an expert's seat reviews at acceptance. */
@Resolver(() => ReviewAssignmentModel)
export class ReviewAssignmentProjectResolver {
  constructor(private readonly service: ProjectsService) {}

  @SignedIn()
  @ResolveField(() => ProjectModel, { nullable: true, description: '验收评审的项目' })
  async project(
    @Ctx() ctx: RequestContext,
    @Parent() assignment: ReviewAssignmentModel,
  ): Promise<ProjectModel | null> {
    if (assignment.subjectKind !== ReviewSubjectKind.PROJECT_ACCEPTANCE) return null;
    return toProjectModel(await this.service.get(ctx.db, assignment.subjectId));
  }
}
