import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { EvaluationSheetInput } from '../../platforms/dto/platform.input';

@InputType('RegisterCooperationBaseInput')
export class RegisterCooperationBaseInput {
  @Field(() => ID, { description: '依托单位所在的联盟（本单位名录中的联盟）' })
  allianceId: string;

  @Field(() => ID, { description: '依托单位：联盟的现有成员单位' })
  hostOrganizationId: string;

  @Field()
  name: string;

  @Field({
    description: '基地类型代码（国际创新园、国际联合研究中心、国际技术转移中心、示范型国际科技合作基地）',
  })
  type: string;

  @Field({ description: 'NATIONAL 国家级 / PROVINCIAL 省级' })
  level: string;

  @Field({ description: 'INCUBATING 培育 / RECOGNISED 已认定' })
  status: string;

  @Field(() => String, { nullable: true, description: '已认定时：认定日期 YYYY-MM-DD' })
  recognisedOn?: string | null;

  @Field(() => ID, { nullable: true, description: '已认定时：认定文件（该联盟已上传的文件）' })
  recognitionDocumentId?: string | null;
}

@InputType('RecogniseCooperationBaseInput')
export class RecogniseCooperationBaseInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  version: number;

  @Field({ description: 'YYYY-MM-DD' })
  recognisedOn: string;

  @Field(() => ID)
  recognitionDocumentId: string;
}

@InputType('RevokeCooperationBaseInput')
export class RevokeCooperationBaseInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  version: number;

  @Field({ description: 'YYYY-MM-DD' })
  revokedOn: string;

  @Field()
  reason: string;
}

@InputType('RecordCooperationBaseEvaluationInput')
export class RecordCooperationBaseEvaluationInput {
  @Field(() => ID)
  baseId: string;

  @Field(() => Int, { description: '基地的当前版本（并发保护）' })
  version: number;

  @Field(() => Int, { description: '评估年度' })
  year: number;

  @Field({ description: '评估日期，YYYY-MM-DD' })
  evaluatedOn: string;

  @Field(() => [EvaluationSheetInput], { description: '各位专家按基地类型的评估方案的评分' })
  sheets: EvaluationSheetInput[];

  @Field({ defaultValue: '' })
  remarks: string;
}

@InputType('CooperationBaseFilterInput')
export class CooperationBaseFilterInput {
  @Field(() => String, { nullable: true })
  status?: string | null;

  @Field(() => Int, { defaultValue: 20 })
  first: number;

  @Field(() => Int, { defaultValue: 0 })
  offset: number;
}

@InputType('InternationalProjectFilterInput')
export class InternationalProjectFilterInput {
  @Field(() => String, { nullable: true, description: '外方所在国家或地区（ISO 3166-1 二位代码）' })
  partnerCountry?: string | null;

  @Field(() => Int, { defaultValue: 20 })
  first: number;

  @Field(() => Int, { defaultValue: 0 })
  offset: number;
}
