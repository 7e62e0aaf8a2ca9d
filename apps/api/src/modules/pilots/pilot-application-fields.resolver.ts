import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import {
  availablePilotActions,
  PILOT_WORKFLOW,
  PilotAction,
  pilotActorsOf,
  type PilotGuard,
  type PilotState,
} from '@xiangmeng/domain';
import { actOn } from '../../common/access/access';
import { SignedIn } from '../../common/auth/access.decorators';
import { perRequestLoader } from '../../common/request/per-request';
import { Ctx, CurrentViewer } from '../../common/request/current.decorators';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import type { AllianceEntity } from '../alliances/alliance.entity';
import { CallLoaders } from '../calls/call-loaders';
import { callModelFor } from '../calls/calls.resolver';
import { PilotCallModel } from '../calls/pilot-call.model';
import { DecisionPdfModel, toDecisionPdfModel } from '../decision-pdfs/decision-pdf.model';
import { DecisionPdfsService } from '../decision-pdfs/decision-pdfs.service';
import type { DocumentEntity } from '../documents/document.entity';
import { DocumentModel, toDocumentModel } from '../documents/document.model';
import { IndustriesRepository } from '../industries/industries.repository';
import { IndustryModel, toIndustryModel } from '../industries/industry.model';
import { TenantModel } from '../tenants/tenant.model';
import {
  PilotApplicationModel,
  PilotObjectionModel,
  PilotTimelineEntryModel,
} from './pilot-application.model';
import { PilotApplicationKind } from './pilot-application.kind';
import { PilotApplicationsRepository, type TimelineRow } from './pilot-applications.repository';
import { PilotApplicationsService } from './pilot-applications.service';
import { PilotObjectionsService } from './pilot-objections.service';

/** The parties, the call and the history of an application, batched per request. */
@Resolver(() => PilotApplicationModel)
export class PilotApplicationFieldsResolver {
  constructor(
    private readonly applications: PilotApplicationsService,
    private readonly repository: PilotApplicationsRepository,
    private readonly objectionsService: PilotObjectionsService,
    private readonly loaders: CallLoaders,
    private readonly kind: PilotApplicationKind,
    private readonly decisionPdfs: DecisionPdfsService,
    private readonly industries: IndustriesRepository,
  ) {}

  private alliances(ctx: RequestContext) {
    return perRequestLoader<string, AllianceEntity | undefined>(ctx, 'pilot-alliance-by-id', async (ids) => {
      const rows = await this.repository.alliancesByIds(ctx.db, ids);
      return ids.map((id) => rows.find((r) => r.id === id));
    });
  }

  private timelineRows(ctx: RequestContext) {
    return perRequestLoader<string, TimelineRow[]>(ctx, 'pilot-timeline', async (ids) => {
      const out: TimelineRow[][] = [];
      // One statement at a time on the request's connection.
      for (const id of ids) {
        out.push(await this.repository.timeline(ctx.db, id));
      }
      return out;
    });
  }

  private async lastActorName(ctx: RequestContext, application: PilotApplicationModel, action: string) {
    const rows = await this.timelineRows(ctx).load(application.id);
    return [...rows].reverse().find((r) => r.action === action)?.actor_name ?? null;
  }

  @SignedIn()
  @ResolveField(() => PilotCallModel)
  async call(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Parent() application: PilotApplicationModel,
  ): Promise<PilotCallModel> {
    const call = await this.loaders.call(ctx).load(application.callId);
    if (call) return callModelFor(call, viewer);
    // An expert account reads no calls: the call as frozen in the dossier.
    const frozen = actOn(application.dossier?.call);
    return {
      id: frozen.id,
      tenantId: frozen.tenantId,
      measuresTenantId: frozen.measuresTenantId,
      measuresId: frozen.measuresId,
      level: application.level,
      title: frozen.title,
      description: frozen.description,
      requiredDocuments: frozen.requiredDocuments,
      version: frozen.version,
      opensAt: new Date(frozen.opensAt),
      closesAt: new Date(frozen.closesAt),
      recommendBy: new Date(frozen.recommendBy),
      decideBy: new Date(frozen.decideBy),
      status: 'PUBLISHED',
      publishedAt: frozen.publishedAt ? new Date(frozen.publishedAt) : null,
    };
  }

  @SignedIn()
  @ResolveField(() => String)
  async allianceName(
    @Ctx() ctx: RequestContext,
    @Parent() application: PilotApplicationModel,
  ): Promise<string> {
    const frozen = application.dossier?.alliance.name;
    if (frozen) return frozen;
    return (await this.alliances(ctx).load(application.allianceId))?.name ?? '';
  }

  @SignedIn()
  @ResolveField(() => IndustryModel)
  async industry(
    @Ctx() ctx: RequestContext,
    @Parent() application: PilotApplicationModel,
  ): Promise<IndustryModel> {
    const code =
      application.dossier?.alliance.industryCode ??
      (await this.alliances(ctx).load(application.allianceId))?.industryCode;
    const industry = code ? await this.industries.byCode(ctx.db, code) : undefined;
    if (!industry) throw new Error(`industry of application ${application.id} missing`);
    return toIndustryModel(industry);
  }

  @SignedIn()
  @ResolveField(() => TenantModel, { description: '联盟所在市州' })
  homeTenant(@Ctx() ctx: RequestContext, @Parent() application: PilotApplicationModel): Promise<TenantModel> {
    return this.loaders.tenantModel(ctx, application.tenantId);
  }

  @SignedIn()
  @ResolveField(() => TenantModel, { description: '发布通知、作出决定的主管部门' })
  authority(@Ctx() ctx: RequestContext, @Parent() application: PilotApplicationModel): Promise<TenantModel> {
    return this.loaders.tenantModel(ctx, application.authorityTenantId);
  }

  @SignedIn()
  @ResolveField(() => TenantModel, { description: '推荐单位' })
  recommendingUnit(
    @Ctx() ctx: RequestContext,
    @Parent() application: PilotApplicationModel,
  ): Promise<TenantModel> {
    return this.loaders.tenantModel(ctx, application.recommendingTenantId);
  }

  private documents(ctx: RequestContext) {
    return perRequestLoader<string, DocumentEntity[]>(ctx, 'pilot-documents-by-application', (ids) =>
      this.repository.documentsOf(ctx.db, ids),
    );
  }

  @SignedIn()
  @ResolveField(() => DocumentModel, { nullable: true, description: '可行性报告' })
  async feasibilityReport(
    @Ctx() ctx: RequestContext,
    @Parent() application: PilotApplicationModel,
  ): Promise<DocumentModel | null> {
    if (!application.feasibilityDocumentId) return null;
    const found = (await this.documents(ctx).load(application.id)).find(
      (d) => d.id === application.feasibilityDocumentId,
    );
    return found ? toDocumentModel(found) : null;
  }

  @SignedIn()
  @ResolveField(() => [DocumentModel], { description: '其他附件' })
  async attachments(
    @Ctx() ctx: RequestContext,
    @Parent() application: PilotApplicationModel,
  ): Promise<DocumentModel[]> {
    return (await this.documents(ctx).load(application.id))
      .filter((d) => d.id !== application.feasibilityDocumentId)
      .map(toDocumentModel);
  }

  @SignedIn()
  @ResolveField(() => String, { nullable: true })
  submittedByName(
    @Ctx() ctx: RequestContext,
    @Parent() application: PilotApplicationModel,
  ): Promise<string | null> {
    return application.submittedBy
      ? this.lastActorName(ctx, application, 'pilot_application.submit')
      : Promise.resolve(null);
  }

  @SignedIn()
  @ResolveField(() => String, { nullable: true })
  recommendedByName(
    @Ctx() ctx: RequestContext,
    @Parent() application: PilotApplicationModel,
  ): Promise<string | null> {
    return application.recommendedBy
      ? this.lastActorName(ctx, application, 'pilot_application.recommend')
      : Promise.resolve(null);
  }

  @SignedIn()
  @ResolveField(() => [PilotAction], { description: '当前用户现在可执行的操作（条件在执行时检查）' })
  async availableActions(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Parent() application: PilotApplicationModel,
  ): Promise<PilotAction[]> {
    const isSubmitter = application.submittedBy === viewer.userId;
    const actors = pilotActorsOf(viewer, application);
    const offered = availablePilotActions(
      application.state,
      actors,
      (guard) => guard === 'RECOMMENDER_IS_NOT_SUBMITTER' && isSubmitter,
    );
    // 开始专家评审 is not offered before the panel is complete: its guard is read only when it matters.
    const needsPanel = PILOT_WORKFLOW.transitions.some(
      (t) =>
        t.from === application.state &&
        offered.includes(t.action) &&
        t.guards.includes('PANEL_COMPLETE' satisfies PilotGuard),
    );
    if (!needsPanel) return offered;
    const entity = await this.applications.get(ctx.db, application.id);
    if (await this.kind.panelIsComplete(ctx.db, entity)) return offered;
    return availablePilotActions(
      application.state,
      actors,
      (guard) => (guard === 'RECOMMENDER_IS_NOT_SUBMITTER' && isSubmitter) || guard === 'PANEL_COMPLETE',
    );
  }

  @SignedIn()
  @ResolveField(() => [PilotTimelineEntryModel], { description: '办理记录（主管部门和联盟所在市州）' })
  async timeline(
    @Ctx() ctx: RequestContext,
    @Parent() application: PilotApplicationModel,
  ): Promise<PilotTimelineEntryModel[]> {
    // The SQL function answers nothing to an expert account or to any other reader.
    const rows = await this.timelineRows(ctx).load(application.id);
    const tenants = await this.loaders.tenant(ctx).loadMany([...new Set(rows.map((r) => r.tenant_id))]);
    const tierName = (id: string) => {
      const t = tenants.find((x) => x && !(x instanceof Error) && x.id === id);
      return t && !(t instanceof Error) ? t.bureauName : '';
    };
    return rows.map((r) => ({
      at: r.occurred_at,
      action: r.action,
      toState: (r.after?.state as PilotState | undefined) ?? null,
      actorName: r.actor_name,
      tierName: tierName(r.tenant_id),
      opinion: r.after?.opinion ?? r.after?.reason ?? null,
    }));
  }

  @SignedIn()
  @ResolveField(() => DecisionPdfModel, {
    nullable: true,
    description: '决定书 PDF 及其 SHA-256（作出决定后；主管部门和联盟所在市州可见）',
  })
  async decisionPdf(
    @Ctx() ctx: RequestContext,
    @Parent() application: PilotApplicationModel,
  ): Promise<DecisionPdfModel | null> {
    const pdf = await this.decisionPdfs.ofSubject(ctx, 'pilot_application', application.id);
    return pdf ? toDecisionPdfModel(pdf) : null;
  }

  @SignedIn()
  @ResolveField(() => [PilotObjectionModel], { description: '公示异议（主管部门可见）' })
  async objections(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Parent() application: PilotApplicationModel,
  ): Promise<PilotObjectionModel[]> {
    if (!pilotActorsOf(viewer, application).includes('AUTHORITY')) return [];
    const entity = await this.applications.get(ctx.db, application.id);
    return (await this.objectionsService.list(ctx.db, viewer, entity)).map(toObjectionModel);
  }
}

export function toObjectionModel(o: {
  id: string;
  receivedOn: string;
  objector: string;
  content: string;
  answer: string | null;
  answeredAt: Date | null;
}): PilotObjectionModel {
  return {
    id: o.id,
    receivedOn: o.receivedOn,
    objector: o.objector,
    content: o.content,
    answer: o.answer,
    answeredAt: o.answeredAt,
  };
}
