import { Field, ID, InputType } from '@nestjs/graphql';

@InputType('RecordNationalPilotInput')
export class RecordNationalPilotInput {
  @Field(() => ID, { description: '被科技部认定为国家级试点的联盟（本省任一市州或省本级的联盟）' })
  allianceId: string;

  @Field({ description: '科技部认定文件的文号，如 国科发创〔2027〕15号' })
  documentNumber: string;

  @Field({ description: '认定日期（北京时间，YYYY-MM-DD），不晚于今天' })
  designatedOn: string;

  @Field(() => ID, { nullable: true, description: '认定文件（先上传到 POST /api/national-pilots/documents）' })
  documentId?: string | null;
}

@InputType('WithdrawNationalPilotInput')
export class WithdrawNationalPilotInput {
  @Field(() => ID)
  id: string;

  @Field({ description: '撤销理由；撤销自今日起生效，记录保留' })
  reason: string;
}

@InputType('NationalPilotFilterInput')
export class NationalPilotFilterInput {
  @Field(() => ID, { nullable: true, description: '只看该联盟的认定（含已撤销的）' })
  allianceId?: string | null;

  @Field(() => Boolean, { nullable: true, description: '只看今日有效的认定' })
  inForce?: boolean | null;
}
