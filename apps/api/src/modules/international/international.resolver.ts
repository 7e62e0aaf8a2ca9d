import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { STAFF_ROLES } from '@xiangmeng/domain';
import { Allow } from '../../common/auth/access.decorators';
import { Ctx, CurrentViewer } from '../../common/request/current.decorators';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import {
  CooperationBaseFilterInput,
  InternationalProjectFilterInput,
  RecogniseCooperationBaseInput,
  RecordCooperationBaseEvaluationInput,
  RegisterCooperationBaseInput,
  RevokeCooperationBaseInput,
} from './dto/international.input';
import {
  CooperationBaseModel,
  CooperationBasePageModel,
  InternationalProjectModel,
  InternationalProjectPageModel,
  toCooperationBaseModel,
  toInternationalProjectModel,
} from './international.model';
import { baseListFilter, projectListFilter } from './international-filter';
import { InternationalService } from './international.service';

@Resolver(() => CooperationBaseModel)
export class InternationalResolver {
  constructor(private readonly service: InternationalService) {}

  @Allow(...STAFF_ROLES)
  @Mutation(() => CooperationBaseModel, {
    description: '登记国际科技合作基地：依托单位为联盟成员单位；已认定的附认定文件和日期（第十六条）',
  })
  async registerCooperationBase(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: RegisterCooperationBaseInput,
  ): Promise<CooperationBaseModel> {
    return toCooperationBaseModel(await this.service.registerBase(ctx, viewer, input));
  }

  @Allow(...STAFF_ROLES)
  @Mutation(() => CooperationBaseModel, { description: '认定培育中的基地：认定文件和日期' })
  async recogniseCooperationBase(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: RecogniseCooperationBaseInput,
  ): Promise<CooperationBaseModel> {
    return toCooperationBaseModel(
      await this.service.transition(ctx, viewer, {
        id: input.id,
        version: input.version,
        action: 'RECOGNISE',
        on: input.recognisedOn,
        recognitionDocumentId: input.recognitionDocumentId,
      }),
    );
  }

  @Allow(...STAFF_ROLES)
  @Mutation(() => CooperationBaseModel, { description: '撤销基地：日期和理由（不可恢复）' })
  async revokeCooperationBase(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: RevokeCooperationBaseInput,
  ): Promise<CooperationBaseModel> {
    return toCooperationBaseModel(
      await this.service.transition(ctx, viewer, {
        id: input.id,
        version: input.version,
        action: 'REVOKE',
        on: input.revokedOn,
        reason: input.reason,
      }),
    );
  }

  @Allow(...STAFF_ROLES)
  @Mutation(() => CooperationBaseModel, {
    description:
      '录入基地定期评估（或整改后复评）的专家评分：按基地类型的评估方案定等级，不合格限期一年整改，复评仍不合格撤销认定',
  })
  async recordCooperationBaseEvaluation(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: RecordCooperationBaseEvaluationInput,
  ): Promise<CooperationBaseModel> {
    return toCooperationBaseModel(await this.service.evaluate(ctx, viewer, input));
  }

  @Allow(...STAFF_ROLES)
  @Query(() => CooperationBaseModel, { description: '一个国际科技合作基地及其评估' })
  async cooperationBase(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<CooperationBaseModel> {
    return toCooperationBaseModel(await this.service.base(ctx.db, id));
  }

  @Allow(...STAFF_ROLES)
  @Query(() => CooperationBasePageModel, { description: '本单位登记的国际科技合作基地' })
  async cooperationBases(
    @Ctx() ctx: RequestContext,
    @Args('filter', { nullable: true }) filter?: CooperationBaseFilterInput,
  ): Promise<CooperationBasePageModel> {
    const [items, totalCount] = await this.service.bases(
      ctx.db,
      baseListFilter(filter ?? { first: 20, offset: 0 }),
    );
    return { items: items.map(toCooperationBaseModel), totalCount };
  }

  @Allow(...STAFF_ROLES)
  @Query(() => InternationalProjectModel, {
    description: '一个国际科技合作项目：外方合作单位、国家或地区、合作方式',
  })
  async internationalProject(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<InternationalProjectModel> {
    return toInternationalProjectModel(await this.service.project(ctx.db, id));
  }

  @Allow(...STAFF_ROLES)
  @Query(() => InternationalProjectPageModel, {
    description: '本单位可见的国际科技合作项目，可按外方国家或地区筛选',
  })
  async internationalProjects(
    @Ctx() ctx: RequestContext,
    @Args('filter', { nullable: true }) filter?: InternationalProjectFilterInput,
  ): Promise<InternationalProjectPageModel> {
    const [items, totalCount] = await this.service.projects(
      ctx.db,
      projectListFilter(filter ?? { first: 20, offset: 0 }),
    );
    return { items: items.map(toInternationalProjectModel), totalCount };
  }
}
