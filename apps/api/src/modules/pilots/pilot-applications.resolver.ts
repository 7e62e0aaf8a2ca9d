import { Args, ID, Info, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { STAFF_ROLES } from '@xiangmeng/domain';
import { Allow } from '../../common/auth/access.decorators';
import { selectedFields } from '../../common/graphql/selected-fields';
import { Ctx, CurrentViewer } from '../../common/request/current.decorators';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import {
  CreatePilotApplicationInput,
  PilotApplicationFilterInput,
  PilotApplicationPageInput,
  TransitionPilotApplicationInput,
  UpdatePilotApplicationInput,
} from './dto/pilot-application.input';
import { toObjectionModel } from './pilot-application-fields.resolver';
import {
  PilotApplicationModel,
  PilotApplicationPageModel,
  PilotObjectionModel,
  toPilotApplicationModel,
} from './pilot-application.model';
import { PilotApplicationsService } from './pilot-applications.service';
import { PilotObjectionsService } from './pilot-objections.service';
import { ApplicationEngine } from '../applications/application-engine';
import { PilotApplicationKind } from './pilot-application.kind';

const CITY_STAFF = ['CITY_ADMIN', 'CITY_OFFICER'] as const;

@Resolver(() => PilotApplicationModel)
export class PilotApplicationsResolver {
  constructor(
    private readonly applications: PilotApplicationsService,
    private readonly engine: ApplicationEngine,
    private readonly pilotKind: PilotApplicationKind,
    private readonly objections: PilotObjectionsService,
  ) {}

  @Allow(...STAFF_ROLES, 'EXPERT')
  @Query(() => [PilotApplicationModel], {
    description: '试点申报：本级联盟的（OWN）、报送本级的（RECEIVED）或两者',
  })
  async pilotApplications(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('filter', { type: () => PilotApplicationFilterInput, defaultValue: { scope: 'ALL' } })
    filter: PilotApplicationFilterInput,
    @Info() info: GraphQLResolveInfo,
  ): Promise<PilotApplicationModel[]> {
    const withDossier = selectedFields(info).has('dossier');
    return (await this.applications.list(ctx.db, viewer, filter, { withDossier })).map(
      toPilotApplicationModel,
    );
  }

  @Allow(...STAFF_ROLES, 'EXPERT')
  @Query(() => PilotApplicationPageModel, {
    description: '试点申报的一页（排序、条数与偏移），及符合条件的总数；范围同 pilotApplications',
  })
  async pilotApplicationPage(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('filter', { type: () => PilotApplicationFilterInput, defaultValue: { scope: 'ALL' } })
    filter: PilotApplicationFilterInput,
    @Args('page', {
      type: () => PilotApplicationPageInput,
      defaultValue: { first: 20, offset: 0, orderBy: 'CREATED_AT', descending: true },
    })
    page: PilotApplicationPageInput,
    @Info() info: GraphQLResolveInfo,
  ): Promise<PilotApplicationPageModel> {
    const withDossier = selectedFields(info, 'items').has('dossier');
    const { rows, totalCount } = await this.applications.page(ctx.db, viewer, filter, page, {
      withDossier,
    });
    return { items: rows.map(toPilotApplicationModel), totalCount };
  }

  @Allow(...STAFF_ROLES, 'EXPERT')
  @Query(() => PilotApplicationModel, { description: '一份试点申报（评审专家仅在任期间可见）' })
  async pilotApplication(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<PilotApplicationModel> {
    return toPilotApplicationModel(await this.applications.get(ctx.db, id));
  }

  @Allow(...CITY_STAFF)
  @Mutation(() => PilotApplicationModel, { description: '为本市州已成立的联盟起草试点申报' })
  async createPilotApplication(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: CreatePilotApplicationInput,
  ): Promise<PilotApplicationModel> {
    return toPilotApplicationModel(await this.applications.create(ctx, viewer, input));
  }

  @Allow(...CITY_STAFF)
  @Mutation(() => PilotApplicationModel, { description: '填写申报书（草稿或退回修改时）' })
  async updatePilotApplication(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: UpdatePilotApplicationInput,
  ): Promise<PilotApplicationModel> {
    return toPilotApplicationModel(await this.applications.update(ctx, viewer, input));
  }

  @Allow(...STAFF_ROLES)
  @Mutation(() => PilotApplicationModel, {
    description: '对申报执行一个操作（提交、推荐、受理、评审、公示、决定、退回、撤回）',
  })
  async transitionPilotApplication(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: TransitionPilotApplicationInput,
  ): Promise<PilotApplicationModel> {
    const text = (input.action === 'RECOMMEND' ? input.opinion : input.reason) ?? '';
    const application = await this.engine.transition(ctx.db, viewer, this.pilotKind, { ...input, text });
    return toPilotApplicationModel(application);
  }

  @Allow(...STAFF_ROLES)
  @Mutation(() => PilotObjectionModel, { description: '登记公示期间收到的异议' })
  async recordPilotObjection(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('applicationId', { type: () => ID }) applicationId: string,
    @Args('receivedOn') receivedOn: string,
    @Args('objector') objector: string,
    @Args('content') content: string,
  ): Promise<PilotObjectionModel> {
    return toObjectionModel(
      await this.objections.record(ctx, viewer, { applicationId, receivedOn, objector, content }),
    );
  }

  @Allow(...STAFF_ROLES)
  @Mutation(() => PilotObjectionModel, { description: '答复公示异议' })
  async answerPilotObjection(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
    @Args('answer') answer: string,
  ): Promise<PilotObjectionModel> {
    return toObjectionModel(await this.objections.answer(ctx, viewer, id, answer));
  }
}
