import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { DateTimeScalar } from '../../../common/graphql/date-time.scalar';

@InputType('FilingRoundInput')
export class FilingRoundInput {
  @Field(() => Int)
  year: number;

  @Field({ description: '开启批次的文号，如 湘科函〔2027〕8号' })
  documentNumber: string;

  @Field(() => DateTimeScalar)
  opensAt: Date;

  @Field(() => DateTimeScalar)
  closesAt: Date;

  @Field(() => Int, { nullable: true, description: '每个推荐单位的名额；不限额为空' })
  quotaPerUnit?: number | null;

  @Field()
  reviewRequired: boolean;

  @Field(() => Int, { description: '公示天数，0 表示不公示' })
  noticeDays: number;

  @Field(() => [String], { description: '须提交的备案材料（FilingDocumentKind）' })
  requiredDocuments: string[];
}

@InputType('FilingFilterInput')
export class FilingFilterInput {
  @Field({ defaultValue: 'ALL', description: 'OWN：本单位的备案；RECEIVED：报送本单位的备案；ALL：两者' })
  scope: string;

  @Field(() => String, { nullable: true })
  state?: string | null;

  @Field(() => ID, { nullable: true })
  roundId?: string | null;
}

@InputType('FilingAttachmentInput')
export class FilingAttachmentInput {
  @Field(() => ID)
  documentId: string;

  @Field({ description: 'FilingDocumentKind' })
  kind: string;
}

@InputType('UpdateFilingInput')
export class UpdateFilingInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  version: number;

  @Field({ description: '对全省相关产业发展的重大影响说明' })
  significance: string;

  @Field(() => String, { nullable: true, description: 'PROVINCIAL | NATIONAL' })
  level?: string | null;

  @Field(() => [FilingAttachmentInput])
  documents: FilingAttachmentInput[];
}

@InputType('TransitionFilingInput')
export class TransitionFilingInput {
  @Field(() => ID)
  id: string;

  @Field({ description: 'FilingAction' })
  action: string;

  @Field(() => Int)
  version: number;

  @Field(() => String, { nullable: true })
  reason?: string | null;

  @Field(() => String, { nullable: true, description: '退回修改时的补正期限（YYYY-MM-DD）' })
  correctionDeadline?: string | null;
}
