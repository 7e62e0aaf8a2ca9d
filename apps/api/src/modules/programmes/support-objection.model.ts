import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { NoticeSubjectType } from '@xiangmeng/domain';
import { DateTimeScalar } from '../../common/graphql/date-time.scalar';
import type { SupportObjectionEntity } from './support-objection.entity';

export const NoticeSubjectTypeEnum = {
  programme_application: 'programme_application',
  project: 'project',
} as const satisfies Record<NoticeSubjectType, NoticeSubjectType>;
registerEnumType(NoticeSubjectTypeEnum, {
  name: 'NoticeSubjectType',
  description: '公示的对象：项目申报（立项前公示）或项目（验收公示）',
});

@ObjectType('SupportObjection', { description: '公示期间收到的异议及主管部门的答复' })
export class SupportObjectionModel {
  @Field(() => ID)
  id: string;

  @Field(() => NoticeSubjectTypeEnum)
  subjectType: NoticeSubjectType;

  @Field(() => ID)
  subjectId: string;

  @Field({ description: '收到日期（YYYY-MM-DD）' })
  receivedOn: string;

  @Field()
  objector: string;

  @Field()
  content: string;

  @Field(() => String, { nullable: true })
  answer: string | null;

  @Field(() => Boolean, { nullable: true, description: '异议是否成立（答复时认定）' })
  sustained: boolean | null;

  @Field(() => DateTimeScalar, { nullable: true })
  answeredAt: Date | null;
}

export function toSupportObjectionModel(o: SupportObjectionEntity): SupportObjectionModel {
  return {
    id: o.id,
    subjectType: o.subjectType,
    subjectId: o.subjectId,
    receivedOn: o.receivedOn,
    objector: o.objector,
    content: o.content,
    answer: o.answer,
    sustained: o.sustained,
    answeredAt: o.answeredAt,
  };
}
