import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  parseIpTerms,
  parseParticipants,
  parseTextMap,
  parseUnit,
  PROGRAMME_APPLICATION_STATE_LABELS,
  PROGRAMME_DOCUMENT_KIND_LABELS,
  ProgrammeApplicationAction,
  type ProgrammeApplicationForm,
  ProgrammeApplicationState,
  ProgrammeDocumentKind,
  type ProgrammeDocumentKind as DocumentKindValue,
} from '@xiangmeng/domain';
import { DateTimeScalar } from '../../common/graphql/date-time.scalar';
import type { PilotCallEntity } from '../calls/pilot-call.entity';
import type { PriorInvestmentEntity, ProgrammeApplicationEntity } from './programme-application.entity';
import type { AttachedDocument } from './programme-applications.repository';

export const ProgrammeApplicationStateEnum = ProgrammeApplicationState;
export const ProgrammeApplicationActionEnum = ProgrammeApplicationAction;
export const ProgrammeDocumentKindEnum = ProgrammeDocumentKind;
registerEnumType(ProgrammeApplicationStateEnum, {
  name: 'ProgrammeApplicationState',
  description: '支持计划项目申报状态',
});
registerEnumType(ProgrammeApplicationActionEnum, {
  name: 'ProgrammeApplicationAction',
  description: '支持计划项目申报的操作',
});
registerEnumType(ProgrammeDocumentKindEnum, {
  name: 'ProgrammeDocumentKind',
  description: '项目申报材料类别',
});

export enum ProgrammeApplicationScope {
  OWN = 'OWN',
  RECEIVED = 'RECEIVED',
  ALL = 'ALL',
}
registerEnumType(ProgrammeApplicationScope, {
  name: 'ProgrammeApplicationScope',
  description: '本级联盟的申报（OWN）、报送本级的申报（RECEIVED）或两者',
});

@ObjectType('ProgrammeCall', { description: '支持计划的申报通知' })
export class ProgrammeCallModel {
  @Field(() => ID)
  id: string;

  tenantId: string;
  measuresId: string;

  @Field(() => ID)
  programmeId: string;

  @Field()
  title: string;

  @Field()
  description: string;

  @Field(() => DateTimeScalar)
  opensAt: Date;

  @Field(() => DateTimeScalar)
  closesAt: Date;

  @Field(() => DateTimeScalar)
  recommendBy: Date;

  @Field(() => DateTimeScalar)
  decideBy: Date;

  @Field(() => [ProgrammeDocumentKindEnum])
  requiredDocuments: DocumentKindValue[];

  @Field()
  status: string;

  @Field(() => DateTimeScalar, { nullable: true })
  publishedAt: Date | null;

  @Field(() => Int)
  version: number;

  @Field(() => Int)
  measuresVersionNo: number;
}

export function toProgrammeCallModel(call: PilotCallEntity): ProgrammeCallModel {
  return {
    id: call.id,
    tenantId: call.tenantId,
    measuresId: call.measuresId,
    programmeId: call.programmeId ?? '',
    title: call.title,
    description: call.description,
    opensAt: call.opensAt,
    closesAt: call.closesAt,
    recommendBy: call.recommendBy,
    decideBy: call.decideBy,
    // A programme call's vocabulary (the database checks it).
    requiredDocuments: call.requiredDocuments as unknown as DocumentKindValue[],
    status: call.status,
    publishedAt: call.publishedAt,
    version: call.version,
    measuresVersionNo: call.measuresVersionNo,
  };
}

@ObjectType('ProgrammeUnit')
export class ProgrammeUnitModel {
  @Field(() => ID)
  organizationId: string;

  @Field()
  name: string;
}

@ObjectType('ProgrammeParticipant')
export class ProgrammeParticipantModel {
  @Field(() => ID)
  organizationId: string;

  @Field()
  name: string;

  @Field()
  task: string;
}

@ObjectType('BenefitShare')
export class BenefitShareModel {
  @Field(() => ID)
  organizationId: string;

  @Field()
  name: string;

  @Field(() => Int)
  basisPoints: number;
}

@ObjectType('ProjectIpTerms')
export class ProjectIpTermsModel {
  @Field()
  ownership: string;

  @Field()
  licensing: string;

  @Field(() => [BenefitShareModel])
  benefitShares: BenefitShareModel[];

  @Field()
  onDissolution: string;

  @Field()
  onMemberExit: string;
}

@ObjectType('DossierSection')
export class DossierSectionModel {
  @Field()
  key: string;

  @Field()
  text: string;
}

@ObjectType('DossierParticular')
export class DossierParticularModel {
  @Field()
  key: string;

  @Field()
  value: string;
}

@ObjectType('ProgrammeApplicationDocument')
export class ProgrammeApplicationDocumentModel {
  @Field(() => ID)
  documentId: string;

  @Field(() => ProgrammeDocumentKindEnum)
  kind: DocumentKindValue;

  @Field()
  kindLabel: string;

  @Field()
  fileName: string;
}

/** The form as saved: what the application page fills its form from. */
@ObjectType('ProgrammeApplicationForm')
export class ProgrammeApplicationFormModel {
  @Field()
  title: string;

  @Field()
  startOn: string;

  @Field()
  endOn: string;

  @Field({ description: '申请支持金额（分）' })
  requestedSupportFen: string;

  @Field(() => ProgrammeUnitModel, { nullable: true })
  responsibleUnit: ProgrammeUnitModel | null;

  @Field()
  responsiblePerson: string;

  @Field(() => [ProgrammeParticipantModel])
  participants: ProgrammeParticipantModel[];

  @Field(() => ProjectIpTermsModel)
  ipTerms: ProjectIpTermsModel;

  @Field(() => [DossierSectionModel])
  sections: DossierSectionModel[];

  @Field(() => [DossierParticularModel])
  particulars: DossierParticularModel[];
}

/** The stored form as the domain reads it (documents are attached separately). */
export function formOf(
  stored: Record<string, unknown>,
  documentKinds: DocumentKindValue[],
): ProgrammeApplicationForm {
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return {
    title: text(stored.title),
    startOn: text(stored.startOn),
    endOn: text(stored.endOn),
    requestedSupportFen: text(stored.requestedSupportFen) || '0',
    responsibleUnit: parseUnit(stored.responsibleUnit),
    responsiblePerson: text(stored.responsiblePerson),
    participants: parseParticipants(stored.participants),
    ipTerms: parseIpTerms(stored.ipTerms),
    sections: parseTextMap(stored.sections),
    particulars: parseTextMap(stored.particulars),
    documentKinds: [...new Set(documentKinds)],
  };
}

export function toFormModel(form: ProgrammeApplicationForm): ProgrammeApplicationFormModel {
  return {
    title: form.title,
    startOn: form.startOn,
    endOn: form.endOn,
    requestedSupportFen: form.requestedSupportFen,
    responsibleUnit: form.responsibleUnit,
    responsiblePerson: form.responsiblePerson,
    participants: form.participants,
    ipTerms: form.ipTerms,
    // Forms kept before kinds had sections or particulars (the demo's awarded applications) have none.
    sections: Object.entries((form.sections as Record<string, string> | undefined) ?? {}).map(
      ([key, text]) => ({ key, text }),
    ),
    particulars: Object.entries((form.particulars as Record<string, string> | undefined) ?? {}).map(
      ([key, value]) => ({ key, value }),
    ),
  };
}

@ObjectType('PriorInvestment', { description: '先行投入：联盟所在市州申报，主管部门核定；只有核定金额计入' })
export class PriorInvestmentModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  allianceId: string;

  @Field(() => ID)
  authorityTenantId: string;

  @Field()
  description: string;

  @Field({ description: '申报金额（分）' })
  declaredFen: string;

  @Field(() => DateTimeScalar)
  declaredAt: Date;

  @Field(() => [ID])
  evidenceDocumentIds: string[];

  @Field(() => String, { nullable: true, description: '核定金额（分）；未核定为空' })
  verifiedFen: string | null;

  @Field(() => String, { nullable: true })
  verificationReason: string | null;

  @Field(() => String, { nullable: true })
  verifiedOn: string | null;
}

export function toPriorInvestmentModel(
  row: PriorInvestmentEntity & { evidenceDocumentIds: string[] },
): PriorInvestmentModel {
  return {
    id: row.id,
    allianceId: row.allianceId,
    authorityTenantId: row.authorityTenantId,
    description: row.description,
    declaredFen: row.declaredFen,
    declaredAt: row.declaredAt,
    evidenceDocumentIds: row.evidenceDocumentIds,
    verifiedFen: row.verifiedFen,
    verificationReason: row.verificationReason,
    verifiedOn: row.verifiedOn,
  };
}

@ObjectType('ProgrammeDecisionBasis')
export class ProgrammeDecisionBasisModel {
  @Field(() => String, { nullable: true })
  reason: string | null;

  @Field(() => String, { nullable: true })
  awardFen: string | null;

  @Field(() => String, { nullable: true })
  verifiedInvestmentFen: string | null;

  @Field(() => String, { nullable: true, description: '配比（支持额 : 先行投入）' })
  matchRatio: string | null;

  @Field(() => String, { nullable: true })
  supportCeilingFen: string | null;

  @Field(() => Int, { nullable: true })
  reviewTotal: number | null;

  @Field(() => Boolean, { nullable: true })
  passes: boolean | null;
}

@ObjectType('ProgrammeApplication', { description: '支持计划项目申报（第十四条、第十八条、第二十条）' })
export class ProgrammeApplicationModel {
  @Field(() => ID)
  id: string;

  tenantId: string;
  recommendingTenantId: string;

  @Field(() => ID, { description: '计划主管部门（审查、评审、公示和决定）' })
  authorityTenantId: string;

  entity: ProgrammeApplicationEntity;

  @Field(() => ProgrammeApplicationStateEnum)
  state: ProgrammeApplicationState;

  @Field()
  stateLabel: string;

  @Field(() => Int)
  version: number;

  @Field(() => ID)
  allianceId: string;

  @Field(() => String, { nullable: true, description: '提交时冻结的联盟名称' })
  allianceName: string | null;

  @Field(() => ID)
  callId: string;

  @Field(() => ID)
  programmeId: string;

  @Field({ description: '申请支持金额（分）' })
  requestedSupportFen: string;

  @Field(() => String, { nullable: true, description: '立项支持金额（分）' })
  awardFen: string | null;

  @Field(() => ID, { nullable: true, description: '认定的创新平台（平台认定类计划）' })
  recognisedPlatformId: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  submittedAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  recommendedAt: Date | null;

  @Field(() => String, { nullable: true })
  recommendationOpinion: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  decidedAt: Date | null;

  @Field(() => String, { nullable: true })
  decisionReason: string | null;

  @Field(() => String, { nullable: true, description: '最近一次退回、不予推荐、不予受理或撤回的理由' })
  lastReason: string | null;

  @Field(() => String, { nullable: true, description: '提交时冻结的日期' })
  frozenOn: string | null;

  @Field(() => String, { nullable: true, description: '提交时冻结的支持计划名称' })
  programmeName: string | null;

  @Field(() => String, { nullable: true, description: '提交时冻结的计划类别（决定申请书的栏目）' })
  programmeKind: string | null;

  @Field(() => String, { nullable: true, description: '提交时冻结的申报通知标题' })
  callTitle: string | null;

  @Field(() => String, { nullable: true, description: '立项公示开始日期（YYYY-MM-DD）' })
  noticeStartsOn: string | null;

  @Field(() => String, { nullable: true, description: '立项公示结束日期（含当日）；次日起可作出决定' })
  noticeEndsOn: string | null;

  @Field(() => DateTimeScalar)
  createdAt: Date;
}

export function toProgrammeApplicationModel(row: ProgrammeApplicationEntity): ProgrammeApplicationModel {
  return {
    id: row.id,
    tenantId: row.tenantId,
    recommendingTenantId: row.recommendingTenantId,
    authorityTenantId: row.authorityTenantId,
    entity: row,
    state: row.state,
    stateLabel: PROGRAMME_APPLICATION_STATE_LABELS[row.state],
    version: row.version,
    allianceId: row.allianceId,
    allianceName: row.dossier?.alliance.name ?? null,
    callId: row.callId,
    programmeId: row.programmeId,
    requestedSupportFen: row.requestedSupportFen,
    awardFen: row.awardFen,
    recognisedPlatformId: row.recognisedPlatformId,
    submittedAt: row.submittedAt,
    recommendedAt: row.recommendedAt,
    recommendationOpinion: row.recommendationOpinion,
    decidedAt: row.decidedAt,
    decisionReason: row.decisionReason,
    lastReason: row.lastReason,
    frozenOn: row.dossier?.asOf ?? null,
    programmeName: row.dossier?.programme.name ?? null,
    programmeKind: row.dossier?.programme.kind ?? null,
    callTitle: row.dossier?.call.notice ?? null,
    noticeStartsOn: row.noticeStartsOn,
    noticeEndsOn: row.noticeEndsOn,
    createdAt: row.createdAt,
  };
}

export function toDocumentModel(d: AttachedDocument): ProgrammeApplicationDocumentModel {
  return { ...d, kindLabel: PROGRAMME_DOCUMENT_KIND_LABELS[d.kind] };
}

@ObjectType('ProgrammeApplicationPage')
export class ProgrammeApplicationPageModel {
  @Field(() => [ProgrammeApplicationModel])
  items: ProgrammeApplicationModel[];

  @Field(() => Int)
  totalCount: number;
}
