import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  PROGRAMME_KIND_LABELS,
  REVIEW_CRITERION_LABELS,
  type ReviewCriterion,
  TenantLevel,
} from '@xiangmeng/domain';
import { DateTimeScalar } from '../../common/graphql/date-time.scalar';
import { TenantModel } from '../tenants/tenant.model';
import type { ProgrammeEntity, ProgrammeStatus } from './programme.entity';

export const ProgrammeStatusEnum = { DRAFT: 'DRAFT', PUBLISHED: 'PUBLISHED' } as const;
registerEnumType(ProgrammeStatusEnum, { name: 'ProgrammeStatus', description: '支持计划状态：草稿、已发布' });

@ObjectType('ProgrammeCriterion', { description: '评审指标（第十一条）及其权重' })
export class ProgrammeCriterionModel {
  @Field({ description: 'ReviewCriterionKey' })
  key: string;

  @Field()
  label: string;

  @Field(() => Int, { description: '权重（%），八项之和为 100' })
  weight: number;
}

@ObjectType('Programme', { description: '支持计划（第十四条）：省科技厅的计划，或市州的本级支持计划' })
export class ProgrammeModel {
  @Field(() => ID)
  id: string;

  /** The authority's tenant; resolved into `authority`. */
  tenantId: string;

  measuresId: string;

  @Field(() => TenantLevel, { description: '设立计划的主管部门层级' })
  level: TenantLevel;

  @Field()
  name: string;

  @Field({ description: '计划类别（ProgrammeKind）' })
  kind: string;

  @Field()
  kindLabel: string;

  @Field(() => Int)
  year: number;

  @Field({ description: '总预算（分，整数）' })
  totalBudgetFen: string;

  @Field(() => String, { nullable: true, description: '单个项目支持上限（分，整数）；不设上限为空' })
  perProjectCapFen: string | null;

  @Field(() => Int, { description: '适用的实施办法版本号' })
  measuresVersionNo: number;

  @Field(() => [ProgrammeCriterionModel])
  criteria: ProgrammeCriterionModel[];

  @Field(() => Int, { description: '立项前公示天数，0 表示不公示' })
  awardNoticeDays: number;

  @Field(() => Int, { description: '验收前公示天数，0 表示不公示' })
  acceptanceNoticeDays: number;

  @Field(() => ProgrammeStatusEnum)
  status: ProgrammeStatus;

  @Field(() => DateTimeScalar, { nullable: true })
  publishedAt: Date | null;

  @Field(() => Int, { description: '修改草稿或发布时提交读取时的版本号：他人已修改则报冲突' })
  version: number;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  @Field(() => DateTimeScalar)
  updatedAt: Date;
}

export function toCriterionModels(criteria: readonly ReviewCriterion[]): ProgrammeCriterionModel[] {
  return criteria.map((c) => ({
    key: c.key,
    label: REVIEW_CRITERION_LABELS[c.key] ?? c.key,
    weight: c.weight,
  }));
}

/** The viewer reads its own programmes and its parent tier's: any programme not its own is the province's. */
export function toProgrammeModel(
  p: ProgrammeEntity,
  viewer: { tenantId: string; tenantLevel: TenantLevel },
): ProgrammeModel {
  return {
    id: p.id,
    tenantId: p.tenantId,
    measuresId: p.measuresId,
    level: p.tenantId === viewer.tenantId ? viewer.tenantLevel : TenantLevel.PROVINCE,
    name: p.name,
    kind: p.kind,
    kindLabel: PROGRAMME_KIND_LABELS[p.kind] ?? p.kind,
    year: p.year,
    totalBudgetFen: String(p.totalBudgetFen),
    perProjectCapFen: p.perProjectCapFen === null ? null : String(p.perProjectCapFen),
    measuresVersionNo: p.measuresVersionNo,
    criteria: toCriterionModels(p.criteria),
    awardNoticeDays: p.awardNoticeDays,
    acceptanceNoticeDays: p.acceptanceNoticeDays,
    status: p.status,
    publishedAt: p.publishedAt,
    version: p.version,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

@ObjectType('ProgrammeKindOption', { description: '计划类别' })
export class ProgrammeKindModel {
  @Field()
  kind: string;

  @Field()
  label: string;

  @Field({ description: '所依据的条款' })
  article: string;
}

@ObjectType('ProgrammeDefaults', { description: '新建支持计划按现行实施办法的默认设置' })
export class ProgrammeDefaultsModel {
  @Field(() => [ProgrammeCriterionModel])
  criteria: ProgrammeCriterionModel[];

  @Field(() => Int)
  awardNoticeDays: number;

  @Field(() => Int)
  acceptanceNoticeDays: number;

  @Field(() => ID, { description: '将适用的实施办法版本' })
  measuresId: string;

  @Field(() => Int)
  measuresVersionNo: number;

  @Field(() => [ProgrammeKindModel], { description: '可选的计划类别' })
  kinds: ProgrammeKindModel[];
}

@ObjectType('DebarmentLifting', { description: '禁入的解除' })
export class DebarmentLiftingModel {
  @Field({ description: '解除日期（北京时间，YYYY-MM-DD）' })
  on: string;

  @Field()
  reason: string;

  @Field(() => DateTimeScalar, { description: '登记解除的时间' })
  at: Date;
}

@ObjectType('Debarment', {
  description: '禁入登记（第二十条第（二）项）：决定公开，全省可查；登记人和证据只有作出决定的主管部门可见',
})
export class DebarmentModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  organizationId: string;

  @Field({ description: '被禁入单位的名称（名录中的现名）' })
  organizationName: string;

  @Field({ description: '统一社会信用代码' })
  organizationCreditCode: string;

  @Field(() => TenantModel, { description: '作出决定的主管部门' })
  authority: TenantModel;

  @Field()
  reason: string;

  @Field({ description: '所依据的条款' })
  article: string;

  @Field({ description: '决定文号' })
  decisionDocument: string;

  @Field({ description: '禁入起始日期（北京时间，YYYY-MM-DD）' })
  fromDate: string;

  @Field({ description: '禁入期最后一日（按实施办法的禁入年限计算）' })
  untilDate: string;

  @Field(() => Int, { description: '所适用的禁入年限' })
  debarmentYears: number;

  @Field(() => ID, { description: '确定禁入年限所依据的实施办法版本' })
  measuresId: string;

  @Field(() => Int)
  measuresVersionNo: number;

  @Field(() => DateTimeScalar)
  recordedAt: Date;

  @Field(() => DebarmentLiftingModel, { nullable: true })
  lifting: DebarmentLiftingModel | null;

  @Field({ description: '今日（北京时间）是否在禁入期内' })
  activeToday: boolean;

  @Field({ description: '据此拒绝申报时的说明（决定文号、禁入期、条款）' })
  refusalMessage: string;

  @Field({ description: '由本单位作出' })
  isMine: boolean;

  @Field(() => String, { nullable: true, description: '证据说明：只有作出决定的主管部门可见，其他单位为空' })
  evidence: string | null;

  @Field(() => String, { nullable: true, description: '登记人：只有作出决定的主管部门可见' })
  recordedByName: string | null;

  @Field(() => String, { nullable: true, description: '登记解除的人：只有作出决定的主管部门可见' })
  liftedByName: string | null;
}
