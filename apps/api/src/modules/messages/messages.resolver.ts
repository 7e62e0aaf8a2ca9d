import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { SignedIn } from '../../common/auth/access.decorators';
import { Ctx } from '../../common/request/current.decorators';
import type { RequestContext } from '../../common/request/request-context';
import { MessageModel, toMessageModel } from './message.model';
import { MessagesService } from './messages.service';

@Resolver(() => MessageModel)
export class MessagesResolver {
  constructor(private readonly messages: MessagesService) {}

  @SignedIn()
  @Query(() => [MessageModel], { description: '我的消息，最新的在前；before 为上一页最后一条的时间' })
  async myMessages(
    @Ctx() ctx: RequestContext,
    @Args('unreadOnly', { type: () => Boolean, nullable: true }) unreadOnly: boolean | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('before', { type: () => Date, nullable: true }) before: Date | null,
  ): Promise<MessageModel[]> {
    return (await this.messages.inbox(ctx.db, { unreadOnly, first, before })).map(toMessageModel);
  }

  @SignedIn()
  @Query(() => Int, { description: '我的未读消息数' })
  unreadMessageCount(@Ctx() ctx: RequestContext): Promise<number> {
    return this.messages.unreadCount(ctx.db);
  }

  @SignedIn()
  @Mutation(() => MessageModel, { description: '标记一条消息为已读' })
  async markMessageRead(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<MessageModel> {
    return toMessageModel(await this.messages.markRead(ctx.db, id));
  }

  @SignedIn()
  @Mutation(() => Int, { description: '全部标记为已读，返回标记的条数' })
  markAllMessagesRead(@Ctx() ctx: RequestContext): Promise<number> {
    return this.messages.markAllRead(ctx.db);
  }
}
