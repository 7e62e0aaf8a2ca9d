import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { STAFF_ROLES } from '@xiangmeng/domain';
import { Allow, SignedIn } from '../../common/auth/access.decorators';
import { Ctx, CurrentViewer } from '../../common/request/current.decorators';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { SaveNoticeInput, WithdrawNoticeInput } from './dto/notice.input';
import { NoticeModel, toNoticeModel } from './notice.model';
import { NoticesService } from './notices.service';
import type { Notice } from './notices.repository';

@Resolver(() => NoticeModel)
export class NoticesResolver {
  constructor(private readonly service: NoticesService) {}

  private async withAttachments(ctx: RequestContext, notices: Notice[]): Promise<NoticeModel[]> {
    const attachments = await this.service.attachmentsOf(
      ctx.db,
      notices.map((n) => n.id),
    );
    return notices.map((n) => toNoticeModel(n, attachments.get(n.id) ?? []));
  }

  @Allow(...STAFF_ROLES)
  @Query(() => [NoticeModel], { description: '本级发布的通知公告（含草稿和已撤回），置顶和最新的在前' })
  async notices(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('state', { type: () => String, nullable: true }) state: string | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
  ): Promise<NoticeModel[]> {
    return this.withAttachments(ctx, await this.service.ofOwnTenant(ctx.db, viewer, state, first));
  }

  @SignedIn()
  @Query(() => [NoticeModel], {
    description: '发给我的已发布通知公告，置顶和最新的在前（first 默认 10，最多 100）',
  })
  async noticesForMe(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
  ): Promise<NoticeModel[]> {
    return this.withAttachments(ctx, await this.service.forMe(ctx.db, viewer, first));
  }

  @SignedIn()
  @Query(() => NoticeModel, { description: '一条通知公告（本级的，或发给我的已发布通知）' })
  async notice(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<NoticeModel> {
    const { notice, attachments } = await this.service.byId(ctx.db, id);
    return toNoticeModel(notice, attachments);
  }

  @Allow(...STAFF_ROLES)
  @Mutation(() => NoticeModel, { description: '新建或修改通知草稿' })
  async saveNotice(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: SaveNoticeInput,
  ): Promise<NoticeModel> {
    return (await this.withAttachments(ctx, [await this.service.save(ctx, viewer, input)]))[0]!;
  }

  @Allow(...STAFF_ROLES)
  @Mutation(() => NoticeModel, { description: '发布通知草稿（发布后不可修改，只能撤回）' })
  async publishNotice(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number,
  ): Promise<NoticeModel> {
    return (await this.withAttachments(ctx, [await this.service.publish(ctx, viewer, id, version)]))[0]!;
  }

  @Allow(...STAFF_ROLES)
  @Mutation(() => NoticeModel, { description: '撤回已发布的通知（留痕，不删除）' })
  async withdrawNotice(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: WithdrawNoticeInput,
  ): Promise<NoticeModel> {
    return (await this.withAttachments(ctx, [await this.service.withdraw(ctx, viewer, input)]))[0]!;
  }

  @Allow(...STAFF_ROLES)
  @Mutation(() => NoticeModel, { description: '从通知草稿中移除一个附件' })
  async detachNoticeDocument(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('noticeId', { type: () => ID }) noticeId: string,
    @Args('documentId', { type: () => ID }) documentId: string,
  ): Promise<NoticeModel> {
    const notice = await this.service.detach(ctx, viewer, noticeId, documentId);
    return toNoticeModel(notice, (await this.service.byId(ctx.db, notice.id)).attachments);
  }
}
