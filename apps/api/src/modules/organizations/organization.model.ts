import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  creditCodeTypeMismatch,
  mayCorrectOrganization,
  OrganizationType,
  parseCreditCode,
  type TenantLevel,
} from '@xiangmeng/domain';
import type { OrganizationEntity } from './organization.entity';

registerEnumType(OrganizationType, { name: 'OrganizationType', description: '单位类型' });

@ObjectType('Organization', { description: '独立法人单位（全省共享名录）' })
export class OrganizationModel {
  @Field(() => ID)
  id: string;

  @Field({ description: '统一社会信用代码' })
  creditCode: string;

  @Field()
  name: string;

  @Field(() => OrganizationType)
  type: OrganizationType;

  @Field()
  legalRepresentative: string;

  @Field({ description: '登记地行政区划代码（信用代码第 3–8 位）' })
  divisionCode: string;

  @Field({ description: '登记地在湖南省内（第二十条第（三）项）' })
  inHunan: boolean;

  @Field({ description: '信用代码的登记管理部门与所填单位类型不一致（提示，不阻止）' })
  typeMismatchWarning: boolean;

  @Field()
  industryBackbone: boolean;

  @Field({ description: '行业骨干的依据，如排名、营收规模' })
  backboneBasis: string;

  @Field({ description: '当前用户可否更正此条目（登记单位或省厅）' })
  correctable: boolean;

  @Field(() => Int, { description: '更正时提交读取时的版本号：他人已更正则报冲突' })
  version: number;
}

export function toOrganizationModel(
  o: OrganizationEntity,
  viewer: { tenantId: string; tenantLevel: TenantLevel },
): OrganizationModel {
  return {
    id: o.id,
    creditCode: o.creditCode,
    name: o.name,
    type: o.type,
    legalRepresentative: o.legalRepresentative,
    divisionCode: o.divisionCode,
    inHunan: parseCreditCode(o.creditCode).inHunan,
    typeMismatchWarning: creditCodeTypeMismatch(o.creditCode, o.type),
    industryBackbone: o.industryBackbone,
    backboneBasis: o.backboneBasis,
    correctable: mayCorrectOrganization(viewer, o),
    version: o.version,
  };
}
