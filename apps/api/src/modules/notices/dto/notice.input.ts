import { Field, ID, InputType, Int } from '@nestjs/graphql';

@InputType('SaveNoticeInput')
export class SaveNoticeInput {
  @Field(() => ID, { nullable: true, description: '修改草稿时给出；新建时留空' })
  id?: string | null;

  @Field(() => Int, { nullable: true, description: '修改草稿时读到的版本' })
  version?: number | null;

  @Field({ description: '标题（不超过 120 字）' })
  title: string;

  @Field({ description: '正文（不超过 20000 字）' })
  body: string;

  @Field(() => [String], { description: 'NoticeAudience：OWN_STAFF、CITY_STAFF（仅省级）、EXPERTS' })
  audiences: string[];

  @Field({ description: '是否置顶' })
  pinned: boolean;
}

@InputType('WithdrawNoticeInput')
export class WithdrawNoticeInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  version: number;

  @Field({ description: '撤回理由（不超过 500 字）' })
  reason: string;
}
