import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { chinaDate, debarmentActiveOn, debarmentRefusalMessage, Role } from '@xiangmeng/domain';
import { Allow, SignedIn } from '../../common/auth/access.decorators';
import { Clock } from '../../common/clock';
import { Ctx, CurrentViewer } from '../../common/request/current.decorators';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { DebarmentFilterInput, LiftDebarmentInput, RecordDebarmentInput } from './dto/debarment.input';
import type { DebarmentRecord } from './debarments.repository';
import { DebarmentsService } from './debarments.service';
import { DebarmentModel } from './programme.model';

export function toDebarmentModel(d: DebarmentRecord, viewer: Viewer, today: string): DebarmentModel {
  return {
    id: d.id,
    organizationId: d.organizationId,
    organizationName: d.organizationName,
    organizationCreditCode: d.organizationCreditCode,
    authority: d.authority,
    reason: d.reason,
    article: d.article,
    decisionDocument: d.decisionDocument,
    fromDate: d.fromDate,
    untilDate: d.untilDate,
    debarmentYears: d.debarmentYears,
    measuresId: d.measuresId,
    measuresVersionNo: d.measuresVersionNo,
    recordedAt: d.recordedAt,
    lifting: d.lifted && d.liftedAt ? { ...d.lifted, at: d.liftedAt } : null,
    activeToday: debarmentActiveOn(d, today),
    refusalMessage: debarmentRefusalMessage(d),
    isMine: d.tenantId === viewer.tenantId,
    evidence: d.evidence,
    recordedByName: d.recordedByName,
    liftedByName: d.liftedByName,
  };
}

const ADMINS = [Role.PROVINCE_ADMIN, Role.CITY_ADMIN] as const;

@Resolver(() => DebarmentModel)
export class DebarmentsResolver {
  constructor(
    private readonly service: DebarmentsService,
    private readonly clock: Clock,
  ) {}

  private model(viewer: Viewer) {
    const today = chinaDate(this.clock.now());
    return (d: DebarmentRecord) => toDebarmentModel(d, viewer, today);
  }

  @SignedIn()
  @Query(() => [DebarmentModel], {
    description: '禁入登记（全省公开）：各主管部门的禁入决定，可按单位、按某日是否在禁入期内筛选',
  })
  async debarments(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('filter', { type: () => DebarmentFilterInput, nullable: true }) filter: DebarmentFilterInput | null,
  ): Promise<DebarmentModel[]> {
    return (await this.service.list(ctx.db, filter ?? {})).map(this.model(viewer));
  }

  @SignedIn()
  @Query(() => [DebarmentModel], { description: '这些单位在某日（YYYY-MM-DD）处于禁入期内的禁入' })
  async activeDebarments(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('organizationIds', { type: () => [ID] }) organizationIds: string[],
    @Args('on') on: string,
  ): Promise<DebarmentModel[]> {
    return (await this.service.active(ctx.db, organizationIds, on)).map(this.model(viewer));
  }

  @Allow(...ADMINS)
  @Mutation(() => DebarmentModel, {
    description: '登记禁入决定（主管部门管理员）；禁入期按实施办法的年限计算',
  })
  async recordDebarment(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: RecordDebarmentInput,
  ): Promise<DebarmentModel> {
    return this.model(viewer)(await this.service.record(ctx.db, viewer, input));
  }

  @Allow(...ADMINS)
  @Mutation(() => DebarmentModel, {
    description: '解除禁入（作出决定的主管部门管理员），须说明理由；记录保留',
  })
  async liftDebarment(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: LiftDebarmentInput,
  ): Promise<DebarmentModel> {
    return this.model(viewer)(await this.service.lift(ctx, viewer, input));
  }
}
