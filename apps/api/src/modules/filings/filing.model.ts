import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../../common/graphql/date-time.scalar';
import { GraphQLJSONObject } from '../../common/graphql/json-object.scalar';
import { TenantModel } from '../tenants/tenant.model';

@ObjectType('FilingRound', { description: '备案批次' })
export class FilingRoundModel {
  @Field(() => ID)
  id: string;

  tenantId: string;

  @Field(() => Int)
  year: number;

  @Field({ description: '开启批次的文号' })
  documentNumber: string;

  @Field({ description: 'DRAFT | PUBLISHED' })
  status: string;

  @Field(() => DateTimeScalar)
  opensAt: Date;

  @Field(() => DateTimeScalar)
  closesAt: Date;

  @Field(() => Int, { nullable: true, description: '每个推荐单位的名额；不限额为空' })
  quotaPerUnit: number | null;

  @Field()
  reviewRequired: boolean;

  @Field(() => Int)
  noticeDays: number;

  @Field(() => [String])
  requiredDocuments: string[];

  @Field(() => DateTimeScalar, { nullable: true })
  publishedAt: Date | null;

  @Field(() => Int)
  version: number;

  @Field({ description: '当前是否在受理时间内' })
  isOpen: boolean;
}

@ObjectType('FilingRoundDefaults', { description: '新批次按现行实施办法的默认设置' })
export class FilingRoundDefaultsModel {
  @Field()
  reviewRequired: boolean;

  @Field(() => Int)
  noticeDays: number;

  @Field(() => Int)
  validityYears: number;

  @Field(() => [String])
  requiredDocuments: string[];
}

@ObjectType('FilingDocument', { description: '备案材料' })
export class FilingDocumentModel {
  @Field(() => ID)
  documentId: string;

  @Field()
  kind: string;

  @Field()
  name: string;

  @Field()
  sha256: string;

  @Field(() => Int)
  size: number;

  @Field({ description: '下载地址（可读该备案者可下载）' })
  downloadUrl: string;
}

@ObjectType('FilingChange', { description: '变更备案相对已备案内容的一处变化' })
export class FilingChangeModel {
  @Field()
  kind: string;

  @Field()
  subject: string;

  @Field()
  description: string;
}

@ObjectType('FilingSnapshotRecord', { description: '一次提交冻结的备案内容' })
export class FilingSnapshotModel {
  @Field(() => Int)
  seq: number;

  @Field({ description: 'SUBMISSION | CHANGE' })
  kind: string;

  @Field(() => DateTimeScalar)
  takenAt: Date;

  @Field()
  sha256: string;

  @Field(() => GraphQLJSONObject)
  snapshot: Record<string, unknown>;

  @Field(() => [FilingChangeModel], { description: '相对此前最近一次提交的变化' })
  changes: FilingChangeModel[];
}

@ObjectType('FilingTimelineEntry')
export class FilingTimelineEntryModel {
  @Field(() => DateTimeScalar)
  at: Date;

  @Field()
  action: string;

  @Field(() => String, { nullable: true })
  actorName: string | null;

  @Field(() => String, { nullable: true })
  toState: string | null;

  @Field(() => String, { nullable: true })
  reason: string | null;
}

@ObjectType('FilingObjection', { description: '备案公示期间收到的异议' })
export class FilingObjectionModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  filingId: string;

  @Field()
  receivedOn: string;

  @Field()
  objector: string;

  @Field()
  content: string;

  @Field(() => String, { nullable: true })
  answer: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  answeredAt: Date | null;
}

@ObjectType('Filing', { description: '联盟备案（第二十一条）' })
export class FilingModel {
  @Field(() => ID)
  id: string;

  tenantId: string;
  authorityTenantId: string;

  @Field(() => ID)
  roundId: string;

  @Field(() => ID)
  allianceId: string;

  @Field(() => ID, { description: '备案的市州（租户）' })
  cityTenantId: string;

  @Field()
  state: string;

  @Field(() => Int)
  version: number;

  @Field({ description: '对全省相关产业发展的重大影响说明' })
  significance: string;

  @Field(() => String, { nullable: true, description: 'PROVINCIAL | NATIONAL' })
  level: string | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: '现行的备案快照' })
  snapshot: Record<string, unknown> | null;

  @Field(() => DateTimeScalar, { nullable: true })
  submittedAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  acceptedAt: Date | null;

  @Field(() => String, { nullable: true })
  correctionDeadline: string | null;

  @Field(() => String, { nullable: true })
  noticeStartsOn: string | null;

  @Field(() => String, { nullable: true })
  noticeEndsOn: string | null;

  @Field(() => String, { nullable: true })
  lastReason: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  decidedAt: Date | null;

  @Field(() => String, { nullable: true, description: '备案号，如 湘盟备〔2027〕3号' })
  filingNumber: string | null;

  @Field(() => String, { nullable: true })
  filedOn: string | null;

  @Field(() => String, { nullable: true })
  validThrough: string | null;

  @Field({ description: '是否已推荐参加国家层面试点' })
  nationallyRecommended: boolean;

  @Field(() => String, { nullable: true })
  nationalOpinion: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  nationalRecommendedAt: Date | null;

  @Field(() => DateTimeScalar)
  createdAt: Date;
}

@ObjectType('FilingStateCount')
export class FilingStateCountModel {
  @Field({ description: 'FilingState' })
  state: string;

  @Field(() => Int)
  count: number;
}

@ObjectType('CityFilingCounts', { description: '一个市州报送本单位的备案（自提交起），按状态计数' })
export class CityFilingCountsModel {
  @Field(() => TenantModel)
  city: TenantModel;

  @Field(() => Int)
  total: number;

  @Field(() => [FilingStateCountModel], { description: '有备案的状态，按备案流程的顺序' })
  byState: FilingStateCountModel[];
}
