import { Args, Field, ID, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { auditActionLabel, Role, STAFF_ROLES } from '@xiangmeng/domain';
import { Allow } from '../../common/auth/access.decorators';
import { Ctx, CurrentViewer } from '../../common/request/current.decorators';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { AuditChainStatusModel, AuditEventPageModel, TenantAuditEventPageModel } from './audit-history.model';
import { AuditHistoryService } from './audit-history.service';
import { AuditEventFilterInput } from './dto/audit-event-filter.input';

const ADMINS = [Role.PROVINCE_ADMIN, Role.CITY_ADMIN] as const;

@ObjectType('AuditActionOption')
export class AuditActionOptionModel {
  @Field()
  action: string;

  @Field()
  label: string;
}

@Resolver()
export class AuditHistoryResolver {
  constructor(private readonly history: AuditHistoryService) {}

  @Allow(...STAFF_ROLES)
  @Query(() => AuditEventPageModel, { description: '一条记录的办理记录（新的在前），能看到该记录的人可看' })
  recordHistory(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('subjectType', { description: 'alliance、pilot_application、programme_application、project 或 filing' })
    subjectType: string,
    @Args('subjectId', { type: () => ID }) subjectId: string,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): Promise<AuditEventPageModel> {
    return this.history.recordHistory(ctx, viewer, subjectType, subjectId, first, after);
  }

  @Allow(...ADMINS)
  @Query(() => TenantAuditEventPageModel, { description: '管理员：本单位的审计日志' })
  auditEvents(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('filter', { type: () => AuditEventFilterInput, nullable: true }) filter?: AuditEventFilterInput | null,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): Promise<TenantAuditEventPageModel> {
    return this.history.tenantEvents(ctx, viewer, { ...(filter ?? {}), first, after });
  }

  @Allow(...ADMINS)
  @Query(() => [AuditActionOptionModel], { description: '管理员：本单位审计日志中出现过的操作' })
  async auditActions(@Ctx() ctx: RequestContext, @CurrentViewer() viewer: Viewer): Promise<AuditActionOptionModel[]> {
    const actions = await this.history.tenantActions(ctx, viewer);
    return actions.map((action) => ({ action, label: auditActionLabel(action) }));
  }

  @Allow(...ADMINS)
  @Query(() => AuditChainStatusModel, {
    description: '管理员：校验本单位审计哈希链，从 fromSeq（默认 1）起最多校验 windowSize 条',
  })
  auditChainStatus(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('fromSeq', { type: () => String, nullable: true }) fromSeq?: string | null,
  ): Promise<AuditChainStatusModel> {
    return this.history.chainStatus(ctx, viewer, fromSeq);
  }
}
