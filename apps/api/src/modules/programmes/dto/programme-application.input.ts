import { Field, ID, InputType, Int } from '@nestjs/graphql';
import type {
  ProgrammeApplicationAction,
  ProgrammeApplicationState,
  ProgrammeDocumentKind,
} from '@xiangmeng/domain';
import { DateTimeScalar } from '../../../common/graphql/date-time.scalar';
import {
  ProgrammeApplicationActionEnum,
  ProgrammeApplicationScope,
  ProgrammeApplicationStateEnum,
  ProgrammeDocumentKindEnum,
} from '../programme-application.model';

@InputType('ProgrammeCallInput')
export class ProgrammeCallInput {
  @Field()
  title: string;

  @Field({ defaultValue: '' })
  description: string;

  @Field(() => DateTimeScalar)
  opensAt: Date;

  @Field(() => DateTimeScalar)
  closesAt: Date;

  @Field(() => DateTimeScalar)
  recommendBy: Date;

  @Field(() => DateTimeScalar)
  decideBy: Date;

  @Field(() => [ProgrammeDocumentKindEnum], { description: '申报须附的文件（默认为计划类别要求的文件）' })
  requiredDocuments: ProgrammeDocumentKind[];
}

@InputType('CreateProgrammeApplicationInput')
export class CreateProgrammeApplicationInput {
  @Field(() => ID)
  callId: string;

  @Field(() => ID)
  allianceId: string;
}

@InputType('ProgrammeParticipantInput')
export class ProgrammeParticipantInput {
  @Field(() => ID)
  organizationId: string;

  @Field({ defaultValue: '' })
  task: string;
}

@InputType('BenefitShareInput')
export class BenefitShareInput {
  @Field(() => ID)
  organizationId: string;

  @Field(() => Int, { description: '分配比例（万分之一），合计 10000' })
  basisPoints: number;
}

@InputType('ProjectIpTermsInput')
export class ProjectIpTermsInput {
  @Field({ defaultValue: '' })
  ownership: string;

  @Field({ defaultValue: '' })
  licensing: string;

  @Field(() => [BenefitShareInput], { defaultValue: [] })
  benefitShares: BenefitShareInput[];

  @Field({ defaultValue: '' })
  onDissolution: string;

  @Field({ defaultValue: '' })
  onMemberExit: string;
}

@InputType('DossierSectionInput')
export class DossierSectionInput {
  @Field()
  key: string;

  @Field()
  text: string;
}

@InputType('DossierParticularInput', {
  description: '计划类别要求的结构化字段（如国际合作项目的外方单位、国家或地区、合作方式）',
})
export class DossierParticularInput {
  @Field()
  key: string;

  @Field()
  value: string;
}

@InputType('ProgrammeDocumentInput')
export class ProgrammeDocumentInput {
  @Field(() => ID)
  documentId: string;

  @Field(() => ProgrammeDocumentKindEnum)
  kind: ProgrammeDocumentKind;
}

@InputType('SaveProgrammeApplicationFormInput')
export class SaveProgrammeApplicationFormInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  version: number;

  @Field({ defaultValue: '' })
  title: string;

  @Field({ defaultValue: '', description: 'YYYY-MM-DD' })
  startOn: string;

  @Field({ defaultValue: '', description: 'YYYY-MM-DD' })
  endOn: string;

  @Field({ defaultValue: '0', description: '申请支持金额（分）' })
  requestedSupportFen: string;

  @Field(() => ID, { nullable: true, description: '项目承担单位（应为联盟理事长单位）' })
  responsibleUnitId?: string | null;

  @Field({ defaultValue: '' })
  responsiblePerson: string;

  @Field(() => [ProgrammeParticipantInput], { defaultValue: [] })
  participants: ProgrammeParticipantInput[];

  @Field(() => ProjectIpTermsInput, { nullable: true })
  ipTerms?: ProjectIpTermsInput | null;

  @Field(() => [DossierSectionInput], { defaultValue: [] })
  sections: DossierSectionInput[];

  @Field(() => [DossierParticularInput], { defaultValue: [] })
  particulars: DossierParticularInput[];

  @Field(() => [ProgrammeDocumentInput], { defaultValue: [], description: '本联盟已上传的文件及其用途' })
  documents: ProgrammeDocumentInput[];
}

@InputType('IndicatorInput')
export class IndicatorInput {
  @Field()
  name: string;

  @Field()
  target: string;
}

@InputType('MilestoneInput')
export class MilestoneInput {
  @Field()
  title: string;

  @Field({ description: 'YYYY-MM-DD' })
  dueOn: string;
}

@InputType('BudgetLineInput')
export class BudgetLineInput {
  @Field({ description: 'PROVINCIAL_SUPPORT | CITY_MATCHING | SELF_RAISED' })
  source: string;

  @Field({ description: '金额（分）' })
  amountFen: string;

  @Field({ defaultValue: '' })
  purpose: string;
}

@InputType('TaskContractInput', {
  description: '任务书：目标、考核指标、进度节点、经费来源（承担单位、参与单位与知识产权约定取自申请书）',
})
export class TaskContractInput {
  @Field()
  targets: string;

  @Field(() => [IndicatorInput])
  indicators: IndicatorInput[];

  @Field(() => [MilestoneInput])
  milestones: MilestoneInput[];

  @Field({ description: '总经费（分）' })
  budgetTotalFen: string;

  @Field(() => [BudgetLineInput])
  budgetLines: BudgetLineInput[];
}

@InputType('PlatformRecognitionInput')
export class PlatformRecognitionInput {
  @Field({ description: '平台类别（PlatformKind），如 ENGINEERING_RESEARCH_CENTRE' })
  platformKind: string;

  @Field({ description: '所属领域（产业分类代码）' })
  field: string;

  @Field({ description: '认定文件文号' })
  recognitionDocument: string;
}

@InputType('TransitionProgrammeApplicationInput')
export class TransitionProgrammeApplicationInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  version: number;

  @Field(() => ProgrammeApplicationActionEnum)
  action: ProgrammeApplicationAction;

  @Field(() => String, { nullable: true, description: '理由或决定意见' })
  reason?: string | null;

  @Field(() => String, { nullable: true, description: '推荐意见' })
  opinion?: string | null;

  @Field(() => String, { nullable: true, description: '立项支持金额（分），仅「立项支持」' })
  awardFen?: string | null;

  @Field(() => TaskContractInput, { nullable: true, description: '任务书，仅「立项支持」' })
  taskContract?: TaskContractInput | null;

  @Field(() => PlatformRecognitionInput, {
    nullable: true,
    description: '认定内容，仅平台认定类计划的「认定」（第十五条）',
  })
  recognition?: PlatformRecognitionInput | null;
}

@InputType('ProgrammeApplicationFilterInput')
export class ProgrammeApplicationFilterInput {
  @Field(() => ProgrammeApplicationScope, { defaultValue: ProgrammeApplicationScope.ALL })
  scope: ProgrammeApplicationScope;

  @Field(() => ID, { nullable: true })
  programmeId?: string | null;

  @Field(() => ID, { nullable: true })
  callId?: string | null;

  @Field(() => [ProgrammeApplicationStateEnum], { nullable: true })
  states?: ProgrammeApplicationState[] | null;

  @Field(() => Int, { defaultValue: 20, description: '每页条数（1–100）' })
  first: number;

  @Field(() => Int, { defaultValue: 0 })
  offset: number;
}

@InputType('DeclarePriorInvestmentInput')
export class DeclarePriorInvestmentInput {
  @Field(() => ID)
  allianceId: string;

  @Field(() => ID, { description: '核定的主管部门：省科技厅的计划为省，本市州的计划为本市州' })
  authorityTenantId: string;

  @Field()
  description: string;

  @Field({ description: '申报的先行投入金额（分）' })
  declaredFen: string;

  @Field(() => [ID], { description: '证明材料：本联盟已上传的文件' })
  evidenceDocumentIds: string[];
}

@InputType('VerifyPriorInvestmentInput')
export class VerifyPriorInvestmentInput {
  @Field(() => ID)
  id: string;

  @Field({ description: '核定金额（分），不超过申报金额' })
  verifiedFen: string;

  @Field(() => String, { nullable: true, description: '核减理由（核定金额低于申报金额时必填）' })
  reason?: string | null;
}

@InputType('PriorInvestmentFilterInput')
export class PriorInvestmentFilterInput {
  @Field(() => ID, { nullable: true })
  allianceId?: string | null;

  @Field({ defaultValue: false, description: '只看待核定的' })
  unverifiedOnly: boolean;
}
