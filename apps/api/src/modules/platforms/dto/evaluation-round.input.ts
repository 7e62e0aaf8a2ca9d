import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { EvaluationScoreInput } from './platform.input';

@InputType('OpenPlatformEvaluationRoundInput')
export class OpenPlatformEvaluationRoundInput {
  @Field(() => Int, { description: '评估年度' })
  year: number;

  @Field({ description: '评估领域（平台所属领域，产业分类代码）' })
  field: string;
}

@InputType('SeatPlatformEvaluatorsInput')
export class SeatPlatformEvaluatorsInput {
  @Field(() => ID)
  roundId: string;

  @Field(() => [ID], { description: '专家库中的专家' })
  expertIds: string[];
}

@InputType('ClosePlatformEvaluationRoundInput')
export class ClosePlatformEvaluationRoundInput {
  @Field(() => ID)
  roundId: string;

  @Field(() => Int, { description: '评估批次的当前版本（并发保护）' })
  version: number;
}

@InputType('SavePlatformEvaluationSheetInput')
export class SavePlatformEvaluationSheetInput {
  @Field(() => ID)
  sheetId: string;

  @Field(() => Int, { description: '评分表的当前版本（并发保护）' })
  version: number;

  @Field(() => [EvaluationScoreInput], { description: '按平台类别评估方案各指标的评分（0–100）' })
  scores: EvaluationScoreInput[];

  @Field({ description: '为 true 时提交并锁定（须每项指标都已评分）' })
  submit: boolean;
}
