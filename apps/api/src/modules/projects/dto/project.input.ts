import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { GraphQLJSONObject } from '../../../common/graphql/json-object.scalar';

@InputType('ProjectFilterInput')
export class ProjectFilterInput {
  @Field(() => ID, { nullable: true })
  programmeId?: string | null;

  @Field(() => String, { nullable: true, description: 'ProjectState' })
  state?: string | null;

  @Field(() => ID, { nullable: true })
  allianceId?: string | null;

  @Field(() => String, { nullable: true, description: '联盟所在市州的行政区划代码，如 430200' })
  cityCode?: string | null;

  @Field(() => Int, { nullable: true, description: '立项年度' })
  year?: number | null;

  @Field(() => Int, { defaultValue: 20, description: '每页条数（1–100）' })
  first: number;

  @Field(() => Int, { defaultValue: 0 })
  offset: number;
}

@InputType('LedgerEntryInput')
export class LedgerEntryInput {
  @Field(() => ID)
  projectId: string;

  @Field({ description: '金额（分，正整数）' })
  amountFen: string;

  @Field({ description: '资金发生日期（北京时间，YYYY-MM-DD），不晚于今天' })
  entryOn: string;

  @Field({ description: '拨付凭证号或追回决定文号' })
  documentNumber: string;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType('TransitionProjectInput')
export class TransitionProjectInput {
  @Field(() => ID)
  id: string;

  @Field({ description: 'ProjectAction' })
  action: string;

  @Field(() => Int, { description: '操作时看到的版本' })
  version: number;

  @Field(() => String, { nullable: true, description: '理由、意见或总结报告摘要' })
  text?: string | null;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description:
      '操作所需的其他内容：change（变更，ProjectChange）、report（进展报告）、successorUnit {organizationId, task}、recoveryFen、decisionDocument、debar [{organizationId, decisionDocument, reason}]',
  })
  details?: Record<string, unknown> | null;
}

@InputType('LedgerBalanceFilterInput')
export class LedgerBalanceFilterInput {
  @Field(() => ID, { nullable: true })
  programmeId?: string | null;

  @Field(() => String, { nullable: true, description: '联盟所在市州的行政区划代码' })
  cityCode?: string | null;

  @Field(() => Int, { nullable: true })
  year?: number | null;
}
