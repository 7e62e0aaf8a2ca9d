import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { OrganizationType } from '@xiangmeng/domain';

@InputType()
export class OrganizationInput {
  @Field({ description: '统一社会信用代码' })
  creditCode: string;

  @Field()
  name: string;

  @Field(() => OrganizationType)
  type: OrganizationType;

  @Field()
  legalRepresentative: string;

  @Field({ defaultValue: false })
  industryBackbone: boolean;

  @Field({ defaultValue: '' })
  backboneBasis: string;
}

@InputType()
export class CorrectOrganizationInput {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => OrganizationType)
  type: OrganizationType;

  @Field()
  legalRepresentative: string;

  @Field()
  industryBackbone: boolean;

  @Field()
  backboneBasis: string;

  @Field(() => Int, { description: '读取时的版本号：他人已修改则报冲突' })
  version: number;
}
