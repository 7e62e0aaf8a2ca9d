import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '../../common/graphql/date-time.scalar';
import { type DocumentKind, PilotLevel, type TenantLevel } from '@xiangmeng/domain';
import { DocumentKindEnum } from '../documents/document.model';
import type { PilotCallEntity, PilotCallStatus } from './pilot-call.entity';

export const PilotCallStatusEnum = { DRAFT: 'DRAFT', PUBLISHED: 'PUBLISHED' } as const;
registerEnumType(PilotCallStatusEnum, { name: 'PilotCallStatus', description: '申报通知状态：草稿、已发布' });
registerEnumType(PilotLevel, { name: 'PilotLevel', description: '试点层级：省级、市级' });

@ObjectType('PilotCall', { description: '试点申报通知（省科技厅或市州科技局发布）' })
export class PilotCallModel {
  @Field(() => ID)
  id: string;

  /** The publishing tier; resolved into `authority`. */
  tenantId: string;

  measuresTenantId: string;
  measuresId: string;

  @Field(() => PilotLevel, { description: '省级通知为省级试点，市州通知为市级试点' })
  level: PilotLevel;

  @Field()
  title: string;

  @Field()
  description: string;

  @Field(() => DateTimeScalar)
  opensAt: Date;

  @Field(() => DateTimeScalar)
  closesAt: Date;

  @Field(() => DateTimeScalar, { description: '推荐单位完成推荐的期限' })
  recommendBy: Date;

  @Field(() => DateTimeScalar, { description: '主管部门完成审查、评审和决定的期限' })
  decideBy: Date;

  @Field(() => [DocumentKindEnum], { description: '申报须附的文件' })
  requiredDocuments: DocumentKind[];

  @Field(() => PilotCallStatusEnum)
  status: PilotCallStatus;

  @Field(() => DateTimeScalar, { nullable: true })
  publishedAt: Date | null;

  @Field(() => Int)
  version: number;
}

/** Levels follow the publishing tier: the province's calls make provincial pilots. */
export function toPilotCallModel(call: PilotCallEntity, authorityLevel: TenantLevel): PilotCallModel {
  return {
    id: call.id,
    tenantId: call.tenantId,
    measuresTenantId: call.measuresTenantId,
    measuresId: call.measuresId,
    level: authorityLevel === 'PROVINCE' ? 'PROVINCIAL' : 'CITY',
    title: call.title,
    description: call.description,
    opensAt: call.opensAt,
    closesAt: call.closesAt,
    recommendBy: call.recommendBy,
    decideBy: call.decideBy,
    requiredDocuments: call.requiredDocuments,
    status: call.status,
    publishedAt: call.publishedAt,
    version: call.version,
  };
}
