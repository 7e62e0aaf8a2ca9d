import { Field, ID, ObjectType } from '@nestjs/graphql';
import { isMessageKind, MESSAGE_KINDS } from '@xiangmeng/domain';
import type { Message } from './messages.repository';

@ObjectType('Message', { description: '站内消息（只有收件人本人可见）' })
export class MessageModel {
  @Field(() => ID)
  id: string;

  @Field({ description: '消息类别代码，如 PILOT_RETURNED' })
  kind: string;

  @Field({ description: '消息类别的中文名称' })
  kindLabel: string;

  @Field()
  title: string;

  @Field()
  body: string;

  @Field(() => String, { nullable: true, description: '应用内的链接路径，如 /pilots/…' })
  link: string | null;

  @Field(() => String, { nullable: true })
  subjectType: string | null;

  @Field(() => ID, { nullable: true })
  subjectId: string | null;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  readAt: Date | null;
}

export function toMessageModel(message: Message): MessageModel {
  return {
    ...message,
    kindLabel: isMessageKind(message.kind) ? MESSAGE_KINDS[message.kind] : message.kind,
  };
}
