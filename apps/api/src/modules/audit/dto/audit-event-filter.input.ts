import { Field, InputType, registerEnumType } from '@nestjs/graphql';

export enum AuditEventOrder {
  NEWEST_FIRST = 'NEWEST_FIRST',
  OLDEST_FIRST = 'OLDEST_FIRST',
}
registerEnumType(AuditEventOrder, { name: 'AuditEventOrder', description: '按时间倒序或正序' });

@InputType({ description: '审计日志的筛选：操作人、操作、日期（中国时间，含两端）' })
export class AuditEventFilterInput {
  @Field(() => String, { nullable: true })
  actorUserId?: string | null;

  @Field(() => String, { nullable: true })
  action?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  fromDate?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  toDate?: string | null;

  @Field(() => AuditEventOrder, { nullable: true })
  order?: AuditEventOrder | null;
}
