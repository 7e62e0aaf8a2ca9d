import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { TenantLevel } from '@xiangmeng/domain';
import type { TenantEntity } from './tenant.entity';

registerEnumType(TenantLevel, { name: 'TenantLevel', description: '行政层级：省、市州' });

@ObjectType('Tenant', { description: '租户：湖南省或其下辖市州（GB/T 2260 代码）' })
export class TenantModel {
  @Field(() => ID)
  id: string;

  @Field()
  code: string;

  @Field()
  name: string;

  @Field()
  bureauName: string;

  @Field(() => TenantLevel)
  level: TenantLevel;

  @Field(() => ID, { nullable: true })
  parentId: string | null;
}

export function toTenantModel(tenant: TenantEntity): TenantModel {
  return {
    id: tenant.id,
    code: tenant.code,
    name: tenant.name,
    bureauName: tenant.bureauName,
    level: tenant.level,
    parentId: tenant.parentId,
  };
}

@ObjectType('DivisionSummary', { description: '省厅所见的市州概况：只有汇总数，不含市州的记录' })
export class DivisionSummaryModel {
  @Field(() => TenantModel)
  tenant: TenantModel;

  @Field(() => Int)
  userCount: number;

  @Field(() => Int, { description: '登记的联盟数' })
  allianceCount: number;

  @Field(() => Int, { description: '已成立的联盟数' })
  establishedCount: number;

  @Field(() => Int, { description: '市级试点联盟数' })
  cityPilotCount: number;

  @Field(() => Int, { description: '省级试点联盟数' })
  provincialPilotCount: number;
}
