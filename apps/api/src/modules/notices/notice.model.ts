import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { isNoticeAudience, NOTICE_AUDIENCES, NOTICE_STATES } from '@xiangmeng/domain';
import type { Notice, NoticeAttachment } from './notices.repository';

@ObjectType('NoticeAttachment', { description: '通知附件（下载：/api/documents/{documentId}）' })
export class NoticeAttachmentModel {
  @Field(() => ID)
  documentId: string;

  @Field()
  fileName: string;

  @Field()
  mediaType: string;

  @Field({ description: '字节数' })
  sizeBytes: string;
}

@ObjectType('Notice', {
  description: '通知公告：发布单位本级工作人员可见全部；其他人仅见发给自己的已发布通知',
})
export class NoticeModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  publisherTenantId: string;

  @Field({ description: '发布单位' })
  publisherName: string;

  @Field()
  title: string;

  @Field()
  body: string;

  @Field(() => [String], { description: 'NoticeAudience 代码' })
  audiences: string[];

  @Field(() => [String], { description: '发送范围的中文名称' })
  audienceLabels: string[];

  @Field()
  pinned: boolean;

  @Field({ description: 'DRAFT、PUBLISHED、WITHDRAWN' })
  state: string;

  @Field()
  stateLabel: string;

  @Field(() => Date, { nullable: true })
  publishedAt: Date | null;

  @Field(() => Date, { nullable: true })
  withdrawnAt: Date | null;

  @Field(() => String, { nullable: true })
  withdrawalReason: string | null;

  @Field(() => Int)
  version: number;

  @Field()
  updatedAt: Date;

  @Field(() => [NoticeAttachmentModel])
  attachments: NoticeAttachmentModel[];
}

export function toNoticeModel(notice: Notice, attachments: NoticeAttachment[] = []): NoticeModel {
  return {
    id: notice.id,
    publisherTenantId: notice.tenantId,
    publisherName: notice.publisherName,
    title: notice.title,
    body: notice.body,
    audiences: notice.audiences,
    audienceLabels: notice.audiences.map((a) => (isNoticeAudience(a) ? NOTICE_AUDIENCES[a] : a)),
    pinned: notice.pinned,
    state: notice.state,
    stateLabel: NOTICE_STATES[notice.state],
    publishedAt: notice.publishedAt,
    withdrawnAt: notice.withdrawnAt,
    withdrawalReason: notice.withdrawalReason,
    version: notice.version,
    updatedAt: notice.updatedAt,
    attachments,
  };
}
