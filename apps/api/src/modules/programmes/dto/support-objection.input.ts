import { Field, ID, InputType } from '@nestjs/graphql';
import type { NoticeSubjectType } from '@xiangmeng/domain';
import { NoticeSubjectTypeEnum } from '../support-objection.model';

@InputType('RecordSupportObjectionInput')
export class RecordSupportObjectionInput {
  @Field(() => NoticeSubjectTypeEnum, { description: '公示的对象：项目申报（立项公示）或项目（验收公示）' })
  subjectType: NoticeSubjectType;

  @Field(() => ID)
  subjectId: string;

  @Field({ description: '收到日期（YYYY-MM-DD），在公示期内' })
  receivedOn: string;

  @Field()
  objector: string;

  @Field()
  content: string;
}

@InputType('AnswerSupportObjectionInput')
export class AnswerSupportObjectionInput {
  @Field(() => ID)
  id: string;

  @Field()
  answer: string;

  @Field({ description: '异议经核实是否成立；成立时只能作出否定的决定' })
  sustained: boolean;
}
