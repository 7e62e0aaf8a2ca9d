import { Field, ID, InputType, Int } from '@nestjs/graphql';

@InputType('EnrolLinkageInstitutionInput')
export class EnrolLinkageInstitutionInput {
  @Field(() => ID, { description: '金融机构（单位名录中的银行、创投、担保或保险机构）' })
  organizationId: string;

  @Field({ description: '加入日期，YYYY-MM-DD' })
  enrolledOn: string;
}

@InputType('WithdrawLinkageInstitutionInput')
export class WithdrawLinkageInstitutionInput {
  @Field(() => ID, { description: '对接计划中的机构（linkageInstitutions 的 id）' })
  id: string;

  @Field({ description: '退出日期，YYYY-MM-DD；当日起不再看到向计划公开的需求' })
  withdrawnOn: string;

  @Field({ description: '退出原因' })
  reason: string;
}

@InputType('PostFinancingNeedInput')
export class PostFinancingNeedInput {
  @Field(() => ID)
  allianceId: string;

  @Field(() => ID, { description: '提出需求的企业（发布日为联盟成员）' })
  organizationId: string;

  @Field({ description: '融资金额（分）' })
  amountFen: string;

  @Field({ description: '资金用途' })
  purpose: string;

  @Field(() => Int, { description: '期限（月，1–360）' })
  termMonths: number;

  @Field({ description: 'FinancingForm：LOAN、EQUITY、IP_PLEDGE_LOAN、INSURANCE' })
  preferredForm: string;

  @Field({ description: '发布日期，YYYY-MM-DD' })
  postedOn: string;

  @Field({ defaultValue: false, description: '向省融资对接计划的机构公开' })
  inLinkageProgramme: boolean;
}

@InputType('ChangeFinancingNeedInput')
export class ChangeFinancingNeedInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  version: number;

  @Field(() => Boolean, { nullable: true, description: '关闭需求' })
  close?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: '向省融资对接计划公开或撤回' })
  inLinkageProgramme?: boolean | null;
}

@InputType('RecordFinancingEventInput')
export class RecordFinancingEventInput {
  @Field()
  title: string;

  @Field({ description: '举办日期，YYYY-MM-DD' })
  heldOn: string;

  @Field({ description: '主办单位' })
  organizer: string;

  @Field(() => [ID], { description: '参加的金融机构' })
  institutionIds: string[];

  @Field(() => [ID], { description: '参加的企业' })
  enterpriseIds: string[];

  @Field({ defaultValue: '' })
  note: string;
}

@InputType('IntroduceInstitutionInput')
export class IntroduceInstitutionInput {
  @Field(() => ID)
  needId: string;

  @Field(() => ID)
  institutionId: string;

  @Field(() => ID, { nullable: true, description: '在哪次对接活动上' })
  eventId?: string | null;

  @Field({ description: '对接日期，YYYY-MM-DD' })
  introducedOn: string;
}

@InputType('AnswerIntroductionInput')
export class AnswerIntroductionInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  version: number;

  @Field({ description: 'IntroductionOutcome：INTERESTED、DECLINED、FINANCED' })
  outcome: string;

  @Field({ description: '答复日期，YYYY-MM-DD' })
  outcomeOn: string;

  @Field({ defaultValue: '' })
  note: string;
}

@InputType('RecordFinancingInput')
export class RecordFinancingInput {
  @Field({ description: 'FinancingForm' })
  form: string;

  @Field(() => ID)
  institutionId: string;

  @Field(() => ID, { description: '获得融资的企业（放款日为联盟成员）' })
  organizationId: string;

  @Field(() => ID)
  allianceId: string;

  @Field(() => ID, { nullable: true, description: '所回应的融资需求' })
  needId?: string | null;

  @Field({ description: '金额（分）' })
  amountFen: string;

  @Field({ description: '放款（投资、承保）日期，YYYY-MM-DD' })
  grantedOn: string;

  @Field(() => Int, { nullable: true, description: '期限（月）；贷款必填' })
  termMonths?: number | null;

  @Field(() => Int, { nullable: true, description: '年利率（万分之一），贷款有则填写' })
  rateBasisPoints?: number | null;

  @Field(() => String, { nullable: true, description: '风险补偿备案日期（贷款），YYYY-MM-DD' })
  registeredOn?: string | null;
}

@InputType('FileCompensationClaimInput')
export class FileCompensationClaimInput {
  @Field(() => ID, { description: '已备案的贷款' })
  financingRecordId: string;

  @Field({ description: '违约日期，YYYY-MM-DD' })
  defaultedOn: string;

  @Field({ description: '本金损失（分）' })
  principalLostFen: string;
}

@InputType('TransitionCompensationClaimInput')
export class TransitionCompensationClaimInput {
  @Field(() => ID)
  id: string;

  @Field({ description: 'CompensationClaimAction：APPROVE、DECLINE、WITHDRAW' })
  action: string;

  @Field(() => Int)
  version: number;

  @Field({ defaultValue: '', description: '理由' })
  text: string;
}
