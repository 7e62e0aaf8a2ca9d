import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  availableActions,
  chinaDate,
  isStaff,
  noticePeriodOver,
  PROGRAMME_APPLICATION_WORKFLOW,
  type ProgrammeApplicationAction,
  programmeActorsOf,
  programmeRouteHolds,
  STAFF_ROLES,
} from '@xiangmeng/domain';
import { Allow, SignedIn } from '../../common/auth/access.decorators';
import { Clock } from '../../common/clock';
import { AppError } from '../../common/errors/app-error';
import { Ctx, CurrentViewer } from '../../common/request/current.decorators';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { ApplicationEngine } from '../applications/application-engine';
import { CallLoaders } from '../calls/call-loaders';
import { DecisionPdfModel, toDecisionPdfModel } from '../decision-pdfs/decision-pdf.model';
import { DecisionPdfsService } from '../decision-pdfs/decision-pdfs.service';
import { DocumentModel } from '../documents/document.model';
import { IndustriesRepository } from '../industries/industries.repository';
import { IndustryModel, toIndustryModel } from '../industries/industry.model';
import { PanelsService } from '../reviews/panels.service';
import { ReviewAssignmentModel, ReviewPanelModel, ReviewSubjectKind } from '../reviews/review.model';
import {
  CreateProgrammeApplicationInput,
  DeclarePriorInvestmentInput,
  PriorInvestmentFilterInput,
  ProgrammeApplicationFilterInput,
  ProgrammeCallInput,
  SaveProgrammeApplicationFormInput,
  TransitionProgrammeApplicationInput,
  VerifyPriorInvestmentInput,
} from './dto/programme-application.input';
import { ProgrammeApplicationKind } from './programme-application.kind';
import {
  PriorInvestmentModel,
  ProgrammeApplicationActionEnum,
  ProgrammeApplicationDocumentModel,
  ProgrammeApplicationFormModel,
  ProgrammeApplicationModel,
  ProgrammeApplicationPageModel,
  ProgrammeCallModel,
  ProgrammeDecisionBasisModel,
  toDocumentModel,
  toFormModel,
  toPriorInvestmentModel,
  toProgrammeApplicationModel,
  toProgrammeCallModel,
} from './programme-application.model';
import { ProgrammeApplicationsRepository } from './programme-applications.repository';
import { ProgrammeApplicationsService } from './programme-applications.service';
import { SupportObjectionModel, toSupportObjectionModel } from './support-objection.model';
import { SupportObjectionsService } from './support-objections.service';

const CITY_STAFF = ['CITY_ADMIN', 'CITY_OFFICER'] as const;

/** Programme calls, prior investment and programme applications (Art. 14, 18–20). */
@Resolver(() => ProgrammeApplicationModel)
export class ProgrammeApplicationsResolver {
  constructor(
    private readonly applications: ProgrammeApplicationsService,
    private readonly engine: ApplicationEngine,
    private readonly kind: ProgrammeApplicationKind,
    private readonly panels: PanelsService,
    private readonly repository: ProgrammeApplicationsRepository,
    private readonly supportObjections: SupportObjectionsService,
    private readonly clock: Clock,
    private readonly decisionPdfs: DecisionPdfsService,
    private readonly industries: IndustriesRepository,
  ) {}

  @Allow(...STAFF_ROLES)
  @Query(() => [ProgrammeCallModel], {
    description: '支持计划的申报通知：本级的（含草稿）和上级已发布的，新的在前',
  })
  async programmeCalls(
    @Ctx() ctx: RequestContext,
    @Args('programmeId', { type: () => ID, nullable: true }) programmeId?: string | null,
  ): Promise<ProgrammeCallModel[]> {
    return (await this.applications.listCalls(ctx.db, programmeId)).map(toProgrammeCallModel);
  }

  @Allow(...STAFF_ROLES)
  @Query(() => ProgrammeCallModel)
  async programmeCall(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<ProgrammeCallModel> {
    return toProgrammeCallModel(await this.applications.call(ctx.db, id));
  }

  @Allow(...STAFF_ROLES)
  @Mutation(() => ProgrammeCallModel, { description: '为本级已发布的支持计划起草申报通知' })
  async createProgrammeCall(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('programmeId', { type: () => ID }) programmeId: string,
    @Args('input') input: ProgrammeCallInput,
  ): Promise<ProgrammeCallModel> {
    return toProgrammeCallModel(await this.applications.createCall(ctx, viewer, programmeId, input));
  }

  @Allow('PROVINCE_ADMIN', 'CITY_ADMIN')
  @Mutation(() => ProgrammeCallModel, { description: '发布支持计划申报通知（管理员）；发布后不再修改' })
  async publishProgrammeCall(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number,
  ): Promise<ProgrammeCallModel> {
    return toProgrammeCallModel(await this.applications.publishCall(ctx, viewer, id, version));
  }

  @Allow(...STAFF_ROLES)
  @Query(() => [PriorInvestmentModel], { description: '先行投入：本级联盟申报的，和报本级核定的' })
  async priorInvestments(
    @Ctx() ctx: RequestContext,
    @Args('filter', { type: () => PriorInvestmentFilterInput, defaultValue: { unverifiedOnly: false } })
    filter: PriorInvestmentFilterInput,
  ): Promise<PriorInvestmentModel[]> {
    return (await this.applications.investments(ctx.db, filter)).map(toPriorInvestmentModel);
  }

  @Allow(...CITY_STAFF)
  @Mutation(() => PriorInvestmentModel, { description: '申报联盟的先行投入（附证明材料）' })
  async declarePriorInvestment(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: DeclarePriorInvestmentInput,
  ): Promise<PriorInvestmentModel> {
    return toPriorInvestmentModel(await this.applications.declareInvestment(ctx, viewer, input));
  }

  @Allow(...STAFF_ROLES)
  @Mutation(() => PriorInvestmentModel, { description: '核定先行投入（可核减，须说明理由）；核定后不再更改' })
  async verifyPriorInvestment(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: VerifyPriorInvestmentInput,
  ): Promise<PriorInvestmentModel> {
    return toPriorInvestmentModel(await this.applications.verifyInvestment(ctx, viewer, input));
  }

  @Allow(...STAFF_ROLES, 'EXPERT')
  @Query(() => ProgrammeApplicationPageModel, {
    description: '支持计划项目申报：本级联盟的（OWN）、报送本级的（RECEIVED）或两者',
  })
  async programmeApplications(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('filter', {
      type: () => ProgrammeApplicationFilterInput,
      defaultValue: { scope: 'ALL', first: 20, offset: 0 },
    })
    filter: ProgrammeApplicationFilterInput,
  ): Promise<ProgrammeApplicationPageModel> {
    const { rows, totalCount } = await this.applications.list(ctx.db, viewer, filter);
    return { items: rows.map(toProgrammeApplicationModel), totalCount };
  }

  @Allow(...STAFF_ROLES, 'EXPERT')
  @Query(() => ProgrammeApplicationModel, { description: '一份支持计划项目申报（评审专家仅在任期间可见）' })
  async programmeApplication(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<ProgrammeApplicationModel> {
    return toProgrammeApplicationModel(await this.applications.get(ctx.db, id));
  }

  @Allow(...CITY_STAFF)
  @Mutation(() => ProgrammeApplicationModel, { description: '为本市州的联盟起草支持计划项目申报' })
  async createProgrammeApplication(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: CreateProgrammeApplicationInput,
  ): Promise<ProgrammeApplicationModel> {
    return toProgrammeApplicationModel(await this.applications.create(ctx, viewer, input));
  }

  @Allow(...CITY_STAFF)
  @Mutation(() => ProgrammeApplicationModel, {
    description: '保存项目申请书（草稿或退回修改时）；返回的 form 即表单应显示的内容',
  })
  async saveProgrammeApplicationForm(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: SaveProgrammeApplicationFormInput,
  ): Promise<ProgrammeApplicationModel> {
    return toProgrammeApplicationModel(await this.applications.saveForm(ctx, viewer, input));
  }

  @Allow(...STAFF_ROLES)
  @Mutation(() => ProgrammeApplicationModel, {
    description: '对项目申报执行一个操作（提交、推荐、受理、评审、立项、不予立项、退回、撤回）',
  })
  async transitionProgrammeApplication(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: TransitionProgrammeApplicationInput,
  ): Promise<ProgrammeApplicationModel> {
    const text = (input.action === 'RECOMMEND' ? input.opinion : input.reason) ?? '';
    const application = await this.engine.transition(ctx.db, viewer, this.kind, {
      id: input.id,
      version: input.version,
      action: input.action,
      text,
      details: {
        awardFen: input.awardFen ?? null,
        taskContract: input.taskContract ?? null,
        recognition: input.recognition ?? null,
      },
    });
    return toProgrammeApplicationModel(application);
  }

  @SignedIn()
  @ResolveField(() => ProgrammeApplicationFormModel, { description: '申请书：提交后为冻结的内容' })
  async form(
    @Ctx() ctx: RequestContext,
    @Parent() application: ProgrammeApplicationModel,
  ): Promise<ProgrammeApplicationFormModel> {
    return toFormModel(await this.applications.form(ctx.db, application.entity));
  }

  @SignedIn()
  @ResolveField(() => [ProgrammeApplicationDocumentModel])
  async documents(
    @Ctx() ctx: RequestContext,
    @Parent() application: ProgrammeApplicationModel,
  ): Promise<ProgrammeApplicationDocumentModel[]> {
    return (await this.applications.documents(ctx.db, application.entity)).map(toDocumentModel);
  }

  @SignedIn()
  @ResolveField(() => [ProgrammeApplicationActionEnum], { description: '当前用户此时可执行的操作' })
  async availableActions(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Parent() application: ProgrammeApplicationModel,
  ): Promise<ProgrammeApplicationAction[]> {
    const actors = programmeActorsOf(viewer, application);
    if (!actors.length) return [];
    const programme = await this.applications.programmeOf(ctx.db, application).catch(() => null);
    const today = chinaDate(this.clock.now());
    // During the notice the decisions wait for its end: they are offered once it is over.
    return availableActions(
      PROGRAMME_APPLICATION_WORKFLOW,
      application.state,
      actors,
      (guard) =>
        (guard === 'NOTICE_PERIOD_OVER' && !noticePeriodOver(today, application.entity.noticeEndsOn)) ||
        (programme !== null && programmeRouteHolds(guard, programme) === false),
    );
  }

  @SignedIn()
  @ResolveField(() => [SupportObjectionModel], { description: '立项公示期间收到的异议（仅主管部门可见）' })
  async objections(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Parent() application: ProgrammeApplicationModel,
  ): Promise<SupportObjectionModel[]> {
    return (
      await this.supportObjections.list(ctx.db, viewer, {
        type: 'programme_application',
        id: application.id,
        authorityTenantId: application.authorityTenantId,
      })
    ).map(toSupportObjectionModel);
  }

  @SignedIn()
  @ResolveField(() => IndustryModel, {
    nullable: true,
    description: '联盟所属产业（提交时冻结）；提交前为空',
  })
  async industry(
    @Ctx() ctx: RequestContext,
    @Parent() application: ProgrammeApplicationModel,
  ): Promise<IndustryModel | null> {
    const frozen = application.entity.dossier as { alliance?: { industryCode?: unknown } } | null;
    const code = frozen?.alliance?.industryCode;
    if (typeof code !== 'string') return null;
    const industry = await this.industries.byCode(ctx.db, code);
    return industry ? toIndustryModel(industry) : null;
  }

  @SignedIn()
  @ResolveField(() => ProgrammeDecisionBasisModel, { nullable: true })
  decisionBasis(@Parent() application: ProgrammeApplicationModel): ProgrammeDecisionBasisModel | null {
    const basis = application.entity.decisionBasis;
    if (!basis) return null;
    return {
      ...basis,
      matchRatio: basis.matchRatio ? `${basis.matchRatio.numerator} : ${basis.matchRatio.denominator}` : null,
    };
  }

  @SignedIn()
  @ResolveField(() => DecisionPdfModel, {
    nullable: true,
    description: '决定书 PDF 及其 SHA-256（立项或不予立项后；主管部门和申报单位所在市州可见）',
  })
  async decisionPdf(
    @Ctx() ctx: RequestContext,
    @Parent() application: ProgrammeApplicationModel,
  ): Promise<DecisionPdfModel | null> {
    const pdf = await this.decisionPdfs.ofSubject(ctx, 'programme_application', application.id);
    return pdf ? toDecisionPdfModel(pdf) : null;
  }

  @SignedIn()
  @ResolveField(() => ReviewPanelModel, { nullable: true, description: '评审专家组（仅主管部门可见）' })
  async panel(
    @Ctx() ctx: RequestContext,
    @Parent() parent: ProgrammeApplicationModel,
  ): Promise<ReviewPanelModel | null> {
    const viewer = ctx.viewer;
    // Experts and the applicant's side never see the panel: names and scores of others stay hidden.
    if (!viewer || !isStaff(viewer.roles)) return null;
    const subject = await this.panels.received(ctx.db, viewer, parent.id).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
      throw error;
    });
    return subject ? this.panels.panel(ctx.db, viewer, subject) : null;
  }
}

/** The programme application an expert's seat reviews. */
@Resolver(() => ReviewAssignmentModel)
export class ReviewAssignmentProgrammeApplicationResolver {
  constructor(private readonly applications: ProgrammeApplicationsService) {}

  @SignedIn()
  @ResolveField(() => ProgrammeApplicationModel, { nullable: true, description: '评审的支持计划项目申报' })
  async programmeApplication(
    @Ctx() ctx: RequestContext,
    @Parent() assignment: ReviewAssignmentModel,
  ): Promise<ProgrammeApplicationModel | null> {
    if (assignment.subjectKind !== ReviewSubjectKind.PROGRAMME_APPLICATION) return null;
    return toProgrammeApplicationModel(await this.applications.get(ctx.db, assignment.subjectId));
  }
}

/** A programme call's guide (申报指南): the calls feature keeps it, for pilot and programme calls alike. */
@Resolver(() => ProgrammeCallModel)
export class ProgrammeCallGuideResolver {
  constructor(private readonly loaders: CallLoaders) {}

  @SignedIn()
  @ResolveField(() => DocumentModel, {
    nullable: true,
    description: '申报指南（上传：POST /api/calls/:id/guide）',
  })
  guide(@Ctx() ctx: RequestContext, @Parent() call: ProgrammeCallModel): Promise<DocumentModel | null> {
    return this.loaders.guide(ctx, call.id);
  }
}
