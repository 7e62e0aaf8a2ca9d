import { AllianceOrder } from './alliance-order';
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  AllianceAction,
  AllianceStatus,
  FOUNDING_CONDITIONS,
  GovernanceBodyKind,
  MemberRole,
  PilotStatus,
} from '@xiangmeng/domain';
import { OrganizationModel } from '../organizations/organization.model';
import type { AllianceEntity } from './alliance.entity';
import type { AllianceOutputKind } from './alliance-output.entity';

registerEnumType(AllianceStatus, { name: 'AllianceStatus', description: '联盟状态：筹建中、已成立、已解散' });
registerEnumType(PilotStatus, { name: 'PilotStatus', description: '试点状态' });
registerEnumType(AllianceOrder, {
  name: 'AllianceOrder',
  description: '联盟名录的排序：最新登记、名称、发起日期（新→旧、旧→新）',
});
registerEnumType(MemberRole, {
  name: 'MemberRole',
  description: '成员角色：理事长单位、副理事长单位、成员单位',
});
registerEnumType(GovernanceBodyKind, {
  name: 'GovernanceBodyKind',
  description: '组织机构：决策、咨询、执行',
});
registerEnumType(AllianceAction, { name: 'AllianceAction', description: '联盟状态变更：确认成立、解散' });
export const FoundingConditionEnum = Object.fromEntries(FOUNDING_CONDITIONS.map((c) => [c, c])) as {
  [K in (typeof FOUNDING_CONDITIONS)[number]]: K;
};
registerEnumType(FoundingConditionEnum, { name: 'FoundingCondition', description: '第八条六项基本条件' });
export const AllianceOutputKindEnum = {
  STANDARD: 'STANDARD',
  PATENT: 'PATENT',
  PLATFORM: 'PLATFORM',
  TRANSFER: 'TRANSFER',
  TRAINING: 'TRAINING',
} as const satisfies Record<AllianceOutputKind, AllianceOutputKind>;
registerEnumType(AllianceOutputKindEnum, {
  name: 'AllianceOutputKind',
  description: '联盟产出（第四条）：标准、专利、平台、成果转化、人才培养',
});
export const MeasuresBasis = { OWN: 'OWN', PROVINCE: 'PROVINCE' } as const;
export type MeasuresBasis = (typeof MeasuresBasis)[keyof typeof MeasuresBasis];
registerEnumType(MeasuresBasis, {
  name: 'MeasuresBasis',
  description: '按本级生效的规则，或只按省级实施办法',
});

@ObjectType('AllianceMember', { description: '成员单位；退出留痕，不删除' })
export class AllianceMemberModel {
  @Field(() => ID)
  id: string;

  @Field(() => OrganizationModel)
  organization: OrganizationModel;

  @Field(() => MemberRole)
  role: MemberRole;

  @Field()
  joinedOn: string;

  @Field(() => String, { nullable: true })
  exitedOn: string | null;

  @Field(() => String, { nullable: true })
  exitReason: string | null;
}

@ObjectType('GovernanceBody', { description: '联盟组织机构' })
export class GovernanceBodyModel {
  @Field(() => GovernanceBodyKind)
  kind: GovernanceBodyKind;

  @Field()
  name: string;

  @Field()
  description: string;
}

@ObjectType('AgreementTask')
export class AgreementTaskModel {
  @Field(() => ID)
  organizationId: string;

  @Field()
  task: string;
}

@ObjectType('AgreementSignature', { description: '成员单位法定代表人的签署' })
export class AgreementSignatureModel {
  @Field(() => ID)
  organizationId: string;

  @Field()
  signatoryName: string;

  @Field()
  signedOn: string;
}

@ObjectType('AllianceAgreement', { description: '联盟协议的一个版本；有签署后内容不可再改' })
export class AllianceAgreementModel {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  version: number;

  @Field(() => Int, { description: '草稿的修改次数：修改草稿时提交读取时的值，他人已修改则报冲突' })
  revision: number;

  @Field()
  innovationGoals: string;

  @Field()
  ipOwnership: string;

  @Field()
  ipLicensing: string;

  @Field()
  ipBenefitSharing: string;

  @Field()
  breachLiability: string;

  @Field()
  ipOnDissolution: string;

  @Field()
  ipOnMemberExit: string;

  @Field()
  fundManagement: string;

  @Field()
  fundSupervision: string;

  @Field()
  newMembersRule: string;

  @Field()
  externalCooperation: string;

  @Field()
  resultsDiffusion: string;

  @Field(() => ID, { nullable: true })
  scanDocumentId: string | null;

  @Field(() => [AgreementTaskModel])
  tasks: AgreementTaskModel[];

  @Field(() => [AgreementSignatureModel])
  signatures: AgreementSignatureModel[];

  @Field({ description: '今天是否生效（现有成员全部签署）' })
  inEffect: boolean;
}

@ObjectType('AllianceOutput', { description: '联盟逐年产出' })
export class AllianceOutputModel {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  year: number;

  @Field(() => AllianceOutputKindEnum)
  kind: AllianceOutputKind;

  @Field(() => Int)
  quantity: number;

  @Field()
  description: string;
}

@ObjectType('ConditionReason')
export class ConditionReasonModel {
  @Field()
  code: string;

  @Field()
  message: string;

  @Field(() => ID, { nullable: true })
  organizationId: string | null;
}

@ObjectType('ConditionResult', { description: '一项基本条件的判断：是否满足、原因、依据条款' })
export class ConditionResultModel {
  @Field(() => FoundingConditionEnum)
  condition: (typeof FOUNDING_CONDITIONS)[number];

  @Field()
  article: string;

  @Field()
  title: string;

  @Field()
  holds: boolean;

  @Field(() => [ConditionReasonModel])
  reasons: ConditionReasonModel[];

  @Field(() => FoundingConditionEnum, {
    nullable: true,
    description: '本项只因另一项不满足而不满足时，指向那一项（根本原因）；否则为空',
  })
  dependsOn: (typeof FOUNDING_CONDITIONS)[number] | null;
}

@ObjectType('FoundingCheck', { description: '第八条基本条件检查，注明所依据的实施办法版本' })
export class FoundingCheckModel {
  @Field()
  asOf: string;

  @Field()
  allHold: boolean;

  @Field(() => Int, { nullable: true })
  agreementVersionInEffect: number | null;

  @Field(() => [ConditionResultModel])
  conditions: ConditionResultModel[];

  @Field(() => [FoundingConditionEnum], {
    description: '根本原因：其他条件因它不满足而不满足的条件（先列出，只说一次）',
  })
  rootCauses: (typeof FOUNDING_CONDITIONS)[number][];

  @Field(() => ID, { description: '所依据的省级实施办法版本' })
  provinceMeasuresId: string;

  @Field(() => String)
  measuresTitle: string;

  @Field(() => ID, { nullable: true, description: '所依据的本市州实施办法版本（如有）' })
  localMeasuresId: string | null;
}

@ObjectType('Alliance', { description: '产业技术创新战略联盟' })
export class AllianceModel {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  industryCode: string;

  @Field()
  foundedOn: string;

  @Field()
  objectives: string;

  @Field(() => AllianceStatus)
  status: AllianceStatus;

  @Field(() => PilotStatus)
  pilotStatus: PilotStatus;

  @Field(() => String, { nullable: true, description: '确认为试点的日期（北京时间，YYYY-MM-DD）' })
  pilotSince: string | null;

  @Field(() => ID, { nullable: true, description: '确认其为试点的申报（试点申报详情）' })
  pilotApplicationId: string | null;

  @Field(() => String, { nullable: true })
  establishedOn: string | null;

  @Field(() => ID, { nullable: true, description: '确认成立时所依据的实施办法版本' })
  establishedMeasuresId: string | null;

  @Field(() => String, { nullable: true })
  dissolvedOn: string | null;

  @Field(() => String, { nullable: true })
  dissolutionReason: string | null;

  hostOrganizationId: string | null;

  @Field({ description: '对外承担责任的主体' })
  liableEntity: string;

  @Field(() => Int, { description: '执行机构专职人员数' })
  executiveFullTimeStaff: number;

  tenantId: string;

  @Field(() => Int)
  version: number;
}

export function toAllianceModel(a: AllianceEntity): AllianceModel {
  return {
    id: a.id,
    name: a.name,
    industryCode: a.industryCode,
    foundedOn: a.foundedOn,
    objectives: a.objectives,
    status: a.status,
    pilotStatus: a.pilotStatus,
    pilotSince: a.pilotSince,
    pilotApplicationId: a.pilotApplicationId,
    establishedOn: a.establishedOn,
    establishedMeasuresId: a.establishedMeasuresId,
    dissolvedOn: a.dissolvedOn,
    dissolutionReason: a.dissolutionReason,
    hostOrganizationId: a.hostOrganizationId,
    liableEntity: a.liableEntity,
    executiveFullTimeStaff: a.executiveFullTimeStaff,
    tenantId: a.tenantId,
    version: a.version,
  };
}

@ObjectType('PageInfo')
export class PageInfoModel {
  @Field(() => String, { nullable: true })
  endCursor: string | null;

  @Field()
  hasNextPage: boolean;
}

@ObjectType('AllianceConnection')
export class AllianceConnectionModel {
  @Field(() => [AllianceModel])
  nodes: AllianceModel[];

  @Field(() => PageInfoModel)
  pageInfo: PageInfoModel;

  // Counts the alliances the filter matches: run by the `totalCount` field only when a query asks for it.
  countTotal: () => Promise<number>;
}
