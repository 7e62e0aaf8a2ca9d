import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';

@InputType('FilePlatformReportInput')
export class FilePlatformReportInput {
  @Field(() => ID)
  platformId: string;

  @Field(() => Int, { description: '报告年度' })
  year: number;

  @Field(() => Int, { description: '固定人员（人）' })
  staff: number;

  @Field({ description: '研发经费（分，不小于零的整数）' })
  rdSpendingFen: string;

  @Field(() => Int, { description: '承担项目（项）' })
  projects: number;

  @Field(() => Int, { description: '发表论文（篇）' })
  papers: number;

  @Field(() => Int, { description: '授权专利（件）' })
  patents: number;

  @Field(() => Int, { description: '制定标准（项）' })
  standards: number;

  @Field(() => Int, { description: '服务企业（次）' })
  industryServices: number;
}

@InputType('EvaluationScoreInput')
export class EvaluationScoreInput {
  @Field({ description: '评估指标（平台类别的评估方案所列）' })
  key: string;

  @Field(() => Float, { description: '0–100' })
  score: number;
}

@InputType('EvaluationSheetInput')
export class EvaluationSheetInput {
  @Field({ description: '评估专家姓名' })
  expertName: string;

  @Field(() => [EvaluationScoreInput])
  scores: EvaluationScoreInput[];
}

@InputType('EvaluatePlatformInput')
export class EvaluatePlatformInput {
  @Field(() => ID)
  platformId: string;

  @Field(() => Int, { description: '平台的当前版本（并发保护）' })
  version: number;

  @Field(() => Int, { description: '评估年度' })
  year: number;

  @Field({ description: '评估日期，YYYY-MM-DD' })
  evaluatedOn: string;

  @Field(() => [EvaluationSheetInput], { description: '各位专家按评估方案的评分' })
  sheets: EvaluationSheetInput[];
}

@InputType('PlatformFilterInput')
export class PlatformFilterInput {
  @Field(() => String, { nullable: true, description: 'PlatformStatus' })
  status?: string | null;

  @Field(() => String, { nullable: true, description: 'PlatformKind' })
  kind?: string | null;

  @Field(() => String, { nullable: true, description: '所属领域（产业分类代码）' })
  field?: string | null;

  @Field(() => ID, { nullable: true })
  allianceId?: string | null;

  @Field(() => Int, { defaultValue: 20, description: '每页条数（1–100）' })
  first: number;

  @Field(() => Int, { defaultValue: 0 })
  offset: number;
}
