import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { AllianceStatus, GovernanceBodyKind, MemberRole, PilotStatus } from '@xiangmeng/domain';
import { AllianceOutputKindEnum } from '../alliance.model';
import type { AllianceOutputKind } from '../alliance-output.entity';

@InputType()
export class RegisterAllianceInput {
  @Field()
  name: string;

  @Field()
  industryCode: string;

  @Field({ description: 'YYYY-MM-DD' })
  foundedOn: string;

  @Field({ defaultValue: '' })
  objectives: string;
}

@InputType()
export class UpdateAllianceInput extends RegisterAllianceInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: '读取时的版本号：他人已修改则报冲突' })
  version: number;
}

@InputType()
export class GovernanceBodyInput {
  @Field(() => GovernanceBodyKind)
  kind: GovernanceBodyKind;

  @Field()
  name: string;

  @Field({ defaultValue: '' })
  description: string;
}

@InputType()
export class SetGovernanceInput {
  @Field(() => ID)
  allianceId: string;

  @Field(() => [GovernanceBodyInput])
  bodies: GovernanceBodyInput[];

  @Field()
  liableEntity: string;

  @Field(() => Int)
  executiveFullTimeStaff: number;

  @Field(() => ID, { nullable: true, description: '常设机构依托单位（须为现有成员）' })
  hostOrganizationId: string | null;

  @Field(() => Int, { description: '读取时联盟的版本号：他人已修改则报冲突' })
  version: number;
}

@InputType()
export class AddMemberInput {
  @Field(() => ID)
  allianceId: string;

  @Field(() => ID)
  organizationId: string;

  @Field(() => MemberRole)
  role: MemberRole;

  @Field({ description: 'YYYY-MM-DD' })
  joinedOn: string;
}

@InputType()
export class ExitMemberInput {
  @Field(() => ID)
  memberId: string;

  @Field({ description: 'YYYY-MM-DD' })
  exitedOn: string;

  @Field()
  reason: string;
}

@InputType()
export class AgreementTaskInput {
  @Field(() => ID)
  organizationId: string;

  @Field()
  task: string;
}

@InputType()
export class AgreementDraftInput {
  @Field({ defaultValue: '' })
  innovationGoals: string;

  @Field({ defaultValue: '' })
  ipOwnership: string;

  @Field({ defaultValue: '' })
  ipLicensing: string;

  @Field({ defaultValue: '' })
  ipBenefitSharing: string;

  @Field({ defaultValue: '' })
  breachLiability: string;

  @Field({ defaultValue: '', description: '联盟解散时的知识产权处理方案（第二十条）' })
  ipOnDissolution: string;

  @Field({ defaultValue: '', description: '成员退出时的知识产权处理方案（第二十条）' })
  ipOnMemberExit: string;

  @Field({ defaultValue: '' })
  fundManagement: string;

  @Field({ defaultValue: '' })
  fundSupervision: string;

  @Field({ defaultValue: '' })
  newMembersRule: string;

  @Field({ defaultValue: '' })
  externalCooperation: string;

  @Field({ defaultValue: '' })
  resultsDiffusion: string;

  @Field(() => [AgreementTaskInput], { defaultValue: [] })
  tasks: AgreementTaskInput[];

  @Field(() => ID, { nullable: true })
  scanDocumentId: string | null;
}

@InputType()
export class CreateAgreementVersionInput extends AgreementDraftInput {
  @Field(() => ID)
  allianceId: string;
}

@InputType()
export class UpdateAgreementDraftInput extends AgreementDraftInput {
  @Field(() => ID)
  agreementId: string;

  @Field(() => Int, { description: '读取时草稿的修改次数（revision）：他人已修改则报冲突' })
  revision: number;
}

@InputType()
export class RecordSignatureInput {
  @Field(() => ID)
  agreementId: string;

  @Field(() => ID)
  organizationId: string;

  @Field({ description: '签署的法定代表人姓名' })
  signatoryName: string;

  @Field({ description: 'YYYY-MM-DD' })
  signedOn: string;
}

@InputType()
export class AddOutputInput {
  @Field(() => ID)
  allianceId: string;

  @Field(() => Int)
  year: number;

  @Field(() => AllianceOutputKindEnum)
  kind: AllianceOutputKind;

  @Field(() => Int)
  quantity: number;

  @Field({ defaultValue: '' })
  description: string;
}

@InputType()
export class EstablishAllianceInput {
  @Field(() => ID)
  allianceId: string;

  @Field({ description: '成立日期 YYYY-MM-DD（按该日生效的规则检查）' })
  establishedOn: string;
}

@InputType()
export class DissolveAllianceInput {
  @Field(() => ID)
  allianceId: string;

  @Field({ description: 'YYYY-MM-DD' })
  dissolvedOn: string;

  @Field()
  reason: string;
}

@InputType()
export class AllianceFilterInput {
  @Field({ nullable: true, description: '产业分类（含其下级分类）' })
  industryCode?: string;

  @Field(() => AllianceStatus, { nullable: true })
  status?: AllianceStatus;

  @Field(() => PilotStatus, { nullable: true })
  pilotStatus?: PilotStatus;

  @Field({ nullable: true, description: '联盟名称、成员单位名称或信用代码' })
  search?: string;

  @Field({ nullable: true, description: '登记单位（省或市州）的行政区划代码，如 430200' })
  tenantCode?: string;

  @Field({
    nullable: true,
    description: '当前备案的状态（FilingState，如 FILED、SUSPENDED）；NONE 为没有可见的备案',
  })
  filingState?: string;
}
