import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { GraphQLJSONObject } from '../../../common/graphql/json-object.scalar';

@InputType()
export class MeasuresDraftInput {
  @Field()
  title: string;

  @Field()
  documentNumber: string;

  @Field({ description: 'YYYY-MM-DD' })
  effectiveOn: string;

  @Field(() => GraphQLJSONObject, { description: '省级：全部参数；市州：只写要覆盖的参数' })
  parameters: Record<string, unknown>;
}

@InputType()
export class UpdateMeasuresDraftInput extends MeasuresDraftInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: '读取时的版本号：他人已修改则报冲突' })
  version: number;
}
