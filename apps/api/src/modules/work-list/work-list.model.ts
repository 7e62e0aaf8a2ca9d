import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { WorkItemKind, WorkSubject } from '@xiangmeng/domain';
import { DateTimeScalar } from '../../common/graphql/date-time.scalar';

registerEnumType(WorkItemKind, { name: 'WorkItemKind', description: '待办事项类别' });
registerEnumType(WorkSubject, { name: 'WorkSubject', description: '待办所涉记录的种类' });

@ObjectType('WorkItem', { description: '一项待办' })
export class WorkItemModel {
  @Field(() => WorkItemKind)
  kind: WorkItemKind;

  @Field(() => WorkSubject, { description: '试点申报、备案、项目申报或项目' })
  subject: WorkSubject;

  @Field(() => ID, { description: '所涉申报、备案或项目的 id' })
  subjectId: string;

  @Field(() => ID, { deprecationReason: '改用 subjectId（项目的待办也用它）' })
  applicationId: string;

  @Field()
  allianceName: string;

  @Field({ description: '申报通知的标题；项目的待办为项目名称' })
  callTitle: string;

  @Field(() => DateTimeScalar, { nullable: true })
  dueAt: Date | null;

  @Field()
  overdue: boolean;

  @Field(() => ID, { nullable: true, description: '评分任务的席位' })
  assignmentId: string | null;

  @Field({ description: '办理该事项的页面路径' })
  href: string;
}

@ObjectType('WorkItemCount')
export class WorkItemCountModel {
  @Field(() => WorkItemKind)
  kind: WorkItemKind;

  @Field(() => Int)
  count: number;

  @Field(() => Int)
  overdue: number;
}

@ObjectType('WorkList', { description: '当前用户的待办' })
export class WorkListModel {
  @Field(() => Int)
  total: number;

  @Field(() => Int)
  overdue: number;

  @Field(() => [WorkItemCountModel])
  counts: WorkItemCountModel[];

  @Field(() => [WorkItemModel])
  items: WorkItemModel[];
}
