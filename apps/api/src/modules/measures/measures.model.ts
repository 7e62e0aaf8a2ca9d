import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '../../common/graphql/date-time.scalar';
import type { MeasuresParameters } from '@xiangmeng/domain';
import { GraphQLJSONObject } from '../../common/graphql/json-object.scalar';
import type { MeasuresEntity } from './measures.entity';

export const MeasuresStatusEnum = { DRAFT: 'DRAFT', PUBLISHED: 'PUBLISHED' } as const;
registerEnumType(MeasuresStatusEnum, {
  name: 'MeasuresStatus',
  description: '实施办法版本状态：草稿、已发布',
});

@ObjectType('Measures', { description: '实施办法的一个版本（省级全部参数；市州只含覆盖的参数）' })
export class MeasuresModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  tenantId: string;

  @Field(() => Int)
  versionNo: number;

  @Field()
  title: string;

  @Field()
  documentNumber: string;

  @Field({ description: '生效日期（北京时间，YYYY-MM-DD）' })
  effectiveOn: string;

  @Field(() => ID, { nullable: true })
  derivesFromId: string | null;

  @Field(() => GraphQLJSONObject)
  parameters: Record<string, unknown>;

  @Field(() => MeasuresStatusEnum)
  status: 'DRAFT' | 'PUBLISHED';

  @Field(() => DateTimeScalar, { nullable: true })
  publishedAt: Date | null;

  @Field(() => Int, { description: '草稿的修改次数：修改草稿时提交读取时的值，他人已修改则报冲突' })
  version: number;
}

export function toMeasuresModel(m: MeasuresEntity): MeasuresModel {
  return {
    id: m.id,
    tenantId: m.tenantId,
    versionNo: m.versionNo,
    title: m.title,
    documentNumber: m.documentNumber,
    effectiveOn: m.effectiveOn,
    derivesFromId: m.derivesFromId,
    parameters: m.parameters,
    status: m.status,
    publishedAt: m.publishedAt,
    version: m.version,
  };
}

@ObjectType('MeasuresInForce', { description: '某日生效的规则：省级版本、本市州版本（如有）和合并后的参数' })
export class MeasuresInForceModel {
  @Field()
  asOf: string;

  @Field(() => MeasuresModel)
  province: MeasuresModel;

  @Field(() => MeasuresModel, { nullable: true })
  local: MeasuresModel | null;

  @Field(() => GraphQLJSONObject)
  parameters: MeasuresParameters;
}
