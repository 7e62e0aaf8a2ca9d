import { Field, InputType, Int } from '@nestjs/graphql';

@InputType('ProgrammeCriterionInput')
export class ProgrammeCriterionInput {
  @Field({ description: 'ReviewCriterionKey（第十一条的八项之一）' })
  key: string;

  @Field(() => Int, { description: '权重（%）' })
  weight: number;
}

@InputType('ProgrammeInput')
export class ProgrammeInput {
  @Field()
  name: string;

  @Field({ description: '计划类别（ProgrammeKind），如 PLAN_PROJECT、SPECIAL_FUND' })
  kind: string;

  @Field(() => Int)
  year: number;

  @Field({ description: '总预算（分，正整数）' })
  totalBudgetFen: string;

  @Field(() => String, { nullable: true, description: '单个项目支持上限（分，正整数）；不设上限为空' })
  perProjectCapFen?: string | null;

  @Field(() => [ProgrammeCriterionInput], {
    nullable: true,
    description: '评审指标和权重；为空时采用现行实施办法的设置',
  })
  criteria?: ProgrammeCriterionInput[] | null;

  @Field(() => Int, { nullable: true, description: '立项前公示天数；为空时采用现行实施办法的设置' })
  awardNoticeDays?: number | null;

  @Field(() => Int, { nullable: true, description: '验收前公示天数；为空时采用现行实施办法的设置' })
  acceptanceNoticeDays?: number | null;
}
