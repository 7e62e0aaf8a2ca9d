import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { IndustryModel } from '../industries/industry.model';
import { OrganizationModel } from '../organizations/organization.model';
import { TenantModel } from '../tenants/tenant.model';

@ObjectType('ExpertTie', { description: '专家与单位（名录中的单位或科技局）的关系：任职或声明的利益冲突' })
export class ExpertTieModel {
  @Field(() => ID)
  id: string;

  @Field(() => OrganizationModel, { nullable: true })
  organization: OrganizationModel | null;

  @Field(() => TenantModel, { nullable: true, description: '科技局（推荐单位）' })
  bureau: TenantModel | null;

  @Field({ description: '单位或科技局名称' })
  label: string;

  @Field(() => String, { nullable: true, description: '职务（任职单位）' })
  position: string | null;

  @Field(() => String, { nullable: true, description: '理由（声明的利益冲突）' })
  reason: string | null;

  @Field(() => String, { nullable: true, description: '声明日期 YYYY-MM-DD' })
  declaredOn: string | null;
}

@ObjectType('Expert', { description: '评审专家（主管部门的专家库）' })
export class ExpertModel {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field({ description: '职称' })
  title: string;

  @Field(() => [IndustryModel], { description: '评审领域' })
  domains: IndustryModel[];

  @Field(() => [ExpertTieModel], { description: '任职单位' })
  affiliations: ExpertTieModel[];

  @Field(() => [ExpertTieModel], { description: '声明的利益冲突（留痕，不删除）' })
  declaredConflicts: ExpertTieModel[];

  @Field()
  available: boolean;

  @Field()
  unavailableReason: string;

  @Field(() => String, { nullable: true, description: '专家登录账号（已关联时）' })
  accountUsername: string | null;

  @Field(() => ID, { nullable: true, description: '关联的专家账号 id（修改专家信息时原样提交以保留关联）' })
  accountUserId: string | null;

  @Field(() => Int, { description: '本年度（北京时间）评审任务数：在任与已提交' })
  reviewsThisYear: number;

  @Field(() => Int, { description: '每年评审上限（现行实施办法）' })
  yearlyCap: number;

  @Field(() => Int)
  version: number;
}
