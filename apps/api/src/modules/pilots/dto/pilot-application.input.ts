import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { PilotAction, PilotState } from '@xiangmeng/domain';
import { PilotApplicationOrder, PilotApplicationScope } from '../pilot-application.model';

@InputType('PilotApplicationFilterInput')
export class PilotApplicationFilterInput {
  @Field(() => ID, { nullable: true })
  callId?: string | null;

  @Field(() => [PilotState], { nullable: true })
  states?: PilotState[] | null;

  @Field(() => PilotApplicationScope, { defaultValue: PilotApplicationScope.ALL })
  scope: PilotApplicationScope;
}

@InputType('PilotApplicationPageInput', { description: '试点申报列表的一页：条数、偏移与排序' })
export class PilotApplicationPageInput {
  @Field(() => Int, { defaultValue: 20, description: '每页条数（1–100）' })
  first: number;

  @Field(() => Int, { defaultValue: 0 })
  offset: number;

  @Field(() => PilotApplicationOrder, { defaultValue: PilotApplicationOrder.CREATED_AT })
  orderBy: PilotApplicationOrder;

  @Field({ defaultValue: true, description: '倒序（新的、大的在前）' })
  descending: boolean;
}

@InputType('CreatePilotApplicationInput')
export class CreatePilotApplicationInput {
  @Field(() => ID)
  callId: string;

  @Field(() => ID)
  allianceId: string;
}

@InputType('UpdatePilotApplicationInput')
export class UpdatePilotApplicationInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  version: number;

  @Field()
  goals: string;

  @Field()
  workPlan: string;

  @Field({ description: '申请经费（分，非负整数）' })
  budgetFen: string;

  @Field({ description: '自筹投入（分，非负整数）' })
  ownInvestmentFen: string;

  @Field()
  expectedResults: string;

  @Field()
  contactName: string;

  @Field()
  contactPhone: string;

  @Field(() => ID, { nullable: true })
  feasibilityDocumentId?: string | null;

  @Field(() => [ID], { defaultValue: [], description: '同一联盟的文件' })
  attachmentIds: string[];
}

@InputType('TransitionPilotApplicationInput')
export class TransitionPilotApplicationInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  version: number;

  @Field(() => PilotAction)
  action: PilotAction;

  @Field(() => String, {
    nullable: true,
    description: '退回、不予推荐、撤回、确认或不予确认的理由（书面决定）',
  })
  reason?: string | null;

  @Field(() => String, { nullable: true, description: '推荐意见' })
  opinion?: string | null;
}
