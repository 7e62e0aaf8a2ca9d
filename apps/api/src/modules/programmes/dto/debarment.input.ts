import { Field, ID, InputType } from '@nestjs/graphql';

@InputType('RecordDebarmentInput')
export class RecordDebarmentInput {
  @Field(() => ID, { description: '被禁入的单位（单位名录）' })
  organizationId: string;

  @Field({ description: '禁入理由，如违反项目知识产权约定的事实' })
  reason: string;

  @Field(() => String, { nullable: true, description: '所依据的条款；为空时为第二十条第（二）项' })
  article?: string | null;

  @Field({ description: '决定文号，如 湘科计〔2028〕12号' })
  decisionDocument: string;

  @Field({ description: '禁入起始日期（北京时间，YYYY-MM-DD）；禁入期按当日有效的实施办法计算' })
  fromDate: string;

  @Field(() => String, { nullable: true, description: '证据说明（仅本单位可见）' })
  evidence?: string | null;
}

@InputType('LiftDebarmentInput')
export class LiftDebarmentInput {
  @Field(() => ID)
  id: string;

  @Field({ description: '解除日期（北京时间，YYYY-MM-DD），应在禁入期内' })
  on: string;

  @Field({ description: '解除理由' })
  reason: string;
}

@InputType('DebarmentFilterInput')
export class DebarmentFilterInput {
  @Field(() => ID, { nullable: true, description: '只看该单位的禁入' })
  organizationId?: string | null;

  @Field(() => String, { nullable: true, description: '只看该日（YYYY-MM-DD）在禁入期内的' })
  activeOn?: string | null;
}
