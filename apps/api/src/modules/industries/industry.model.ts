import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IndustryCategory } from '@xiangmeng/domain';
import type { IndustryEntity } from './industry.entity';

registerEnumType(IndustryCategory, {
  name: 'IndustryCategory',
  description: '产业大类：战略性新兴产业、湖南传统支柱产业',
});

@ObjectType('Industry', { description: '产业分类（联盟所属领域）' })
export class IndustryModel {
  @Field()
  code: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  parentCode: string | null;

  @Field(() => IndustryCategory)
  category: IndustryCategory;
}

export function toIndustryModel(i: IndustryEntity): IndustryModel {
  return { code: i.code, name: i.name, parentCode: i.parentCode, category: i.category };
}
