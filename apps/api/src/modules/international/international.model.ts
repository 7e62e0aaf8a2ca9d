import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  COOPERATION_BASE_STATUS_LABELS,
  countryName,
  EVALUATION_GRADE_LABELS,
  internationalParticularsOf,
  parseTextMap,
} from '@xiangmeng/domain';
import type { CooperationBaseRecord } from './international.service';
import type { InternationalProjectRow } from './international.repository';

@ObjectType('CooperationBaseEvaluationScore')
export class CooperationBaseEvaluationScoreModel {
  @Field()
  key: string;

  @Field(() => Float)
  score: number;
}

@ObjectType('CooperationBaseEvaluationSheet')
export class CooperationBaseEvaluationSheetModel {
  @Field()
  expertName: string;

  @Field(() => [CooperationBaseEvaluationScoreModel])
  scores: CooperationBaseEvaluationScoreModel[];
}

@ObjectType('CooperationBaseEvaluation', {
  description: '国际科技合作基地的定期评估或整改后复评（按基地类型的评估方案评分定等级）',
})
export class CooperationBaseEvaluationModel {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  year: number;

  @Field({ description: 'EXCELLENT 优秀 / PASS 合格 / FAIL 不合格' })
  grade: string;

  @Field()
  gradeLabel: string;

  @Field(() => String, { nullable: true, description: '加权总分（0–100）；评分前记录的等级为空' })
  total: string | null;

  @Field()
  evaluatedOn: string;

  @Field({ description: '评估时基地的状态：RECOGNISED 定期评估 / RECTIFYING 整改后复评' })
  statusBefore: string;

  @Field({ description: '评估后基地的状态' })
  statusAfter: string;

  @Field(() => [CooperationBaseEvaluationSheetModel])
  sheets: CooperationBaseEvaluationSheetModel[];

  @Field()
  remarks: string;
}

@ObjectType('CooperationBase', { description: '国际科技合作基地（第十六条）' })
export class CooperationBaseModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  allianceId: string;

  @Field()
  allianceName: string;

  @Field(() => ID)
  hostOrganizationId: string;

  @Field()
  hostName: string;

  @Field()
  name: string;

  @Field()
  type: string;

  @Field()
  level: string;

  @Field({ description: 'INCUBATING 培育 / RECOGNISED 已认定 / RECTIFYING 整改中 / REVOKED 已撤销' })
  status: string;

  @Field()
  statusLabel: string;

  @Field(() => String, { nullable: true, description: '整改期限（整改中）' })
  rectificationDueOn: string | null;

  @Field(() => String, { nullable: true })
  recognisedOn: string | null;

  @Field(() => ID, { nullable: true })
  recognitionDocumentId: string | null;

  @Field(() => String, { nullable: true })
  recognitionDocumentName: string | null;

  @Field(() => String, { nullable: true })
  revokedOn: string | null;

  @Field(() => String, { nullable: true })
  revocationReason: string | null;

  @Field(() => Int)
  version: number;

  @Field(() => [CooperationBaseEvaluationModel])
  evaluations: CooperationBaseEvaluationModel[];
}

@ObjectType('CooperationBasePage')
export class CooperationBasePageModel {
  @Field(() => [CooperationBaseModel])
  items: CooperationBaseModel[];

  @Field(() => Int)
  totalCount: number;
}

@ObjectType('InternationalProject', {
  description: '国际科技合作项目：立项时冻结的外方合作单位、国家或地区与合作方式',
})
export class InternationalProjectModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  programmeId: string;

  @Field()
  programmeName: string;

  @Field(() => ID)
  applicationId: string;

  @Field(() => ID)
  allianceId: string;

  @Field()
  title: string;

  @Field()
  state: string;

  @Field({ description: '立项支持金额（分）' })
  awardFen: string;

  @Field()
  awardedOn: string;

  @Field()
  responsibleUnitName: string;

  @Field(() => [String], { description: '承担项目的联盟成员单位' })
  memberUnitNames: string[];

  @Field()
  partnerName: string;

  @Field({ description: 'ISO 3166-1 二位代码' })
  partnerCountry: string;

  @Field()
  partnerCountryName: string;

  @Field(() => String, {
    nullable: true,
    description: 'JOINT_RESEARCH / TECHNOLOGY_INTRODUCTION / TALENT_EXCHANGE / JOINT_BASE',
  })
  mode: string | null;
}

@ObjectType('InternationalProjectPage')
export class InternationalProjectPageModel {
  @Field(() => [InternationalProjectModel])
  items: InternationalProjectModel[];

  @Field(() => Int)
  totalCount: number;
}

export function toCooperationBaseModel(b: CooperationBaseRecord): CooperationBaseModel {
  return {
    id: b.id,
    allianceId: b.allianceId,
    allianceName: b.allianceName,
    hostOrganizationId: b.hostOrganizationId,
    hostName: b.hostName,
    name: b.name,
    type: b.type,
    level: b.level,
    status: b.status,
    statusLabel: COOPERATION_BASE_STATUS_LABELS[b.status],
    rectificationDueOn: b.rectificationDueOn,
    recognisedOn: b.recognisedOn,
    recognitionDocumentId: b.recognitionDocumentId,
    recognitionDocumentName: b.recognitionDocumentName,
    revokedOn: b.revokedOn,
    revocationReason: b.revocationReason,
    version: b.version,
    evaluations: b.evaluations.map((e) => ({
      id: e.id,
      year: e.year,
      grade: e.grade,
      gradeLabel: EVALUATION_GRADE_LABELS[e.grade],
      total: e.total,
      evaluatedOn: e.evaluatedOn,
      statusBefore: e.statusBefore,
      statusAfter: e.statusAfter,
      sheets: e.sheets.map((sheet) => ({
        expertName: sheet.expertName,
        scores: Object.entries(sheet.scores).map(([key, score]) => ({ key, score })),
      })),
      remarks: e.remarks,
    })),
  };
}

export function toInternationalProjectModel(p: InternationalProjectRow): InternationalProjectModel {
  const particulars = internationalParticularsOf(parseTextMap(p.particulars));
  return {
    id: p.id,
    programmeId: p.programmeId,
    programmeName: p.programmeName,
    applicationId: p.applicationId,
    allianceId: p.allianceId,
    title: p.title,
    state: p.state,
    awardFen: p.awardFen,
    awardedOn: p.awardedOn,
    responsibleUnitName: p.responsibleUnitName,
    memberUnitNames: p.participantNames,
    partnerName: particulars.partnerName,
    partnerCountry: particulars.partnerCountry,
    partnerCountryName: particulars.partnerCountry ? countryName(particulars.partnerCountry) : '',
    mode: particulars.mode,
  };
}
