import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '../../common/graphql/date-time.scalar';
import {
  PilotAction as PilotActionValues,
  type PilotDecisionBasis,
  type PilotDossier,
  type PilotLevel,
  PilotLevel as PilotLevelValues,
  type PilotState,
  PilotState as PilotStateValues,
} from '@xiangmeng/domain';
import { GraphQLJSONObject } from '../../common/graphql/json-object.scalar';
// PilotLevel is registered with the call's model.
import '../calls/pilot-call.model';
import type { PilotApplicationEntity } from './pilot-application.entity';

registerEnumType(PilotStateValues, { name: 'PilotState', description: '试点申报状态' });
registerEnumType(PilotActionValues, { name: 'PilotAction', description: '试点申报的操作' });

export const PilotApplicationScope = { OWN: 'OWN', RECEIVED: 'RECEIVED', ALL: 'ALL' } as const;
export type PilotApplicationScope = (typeof PilotApplicationScope)[keyof typeof PilotApplicationScope];
registerEnumType(PilotApplicationScope, {
  name: 'PilotApplicationScope',
  description: 'OWN：本级联盟的申报；RECEIVED：报送本级（作为主管部门）的申报；ALL：两者',
});

export const PilotApplicationOrder = {
  CREATED_AT: 'CREATED_AT',
  ALLIANCE_NAME: 'ALLIANCE_NAME',
  CITY: 'CITY',
  STATE: 'STATE',
  SUBMITTED_AT: 'SUBMITTED_AT',
  RECOMMENDED_AT: 'RECOMMENDED_AT',
} as const;
export type PilotApplicationOrder = (typeof PilotApplicationOrder)[keyof typeof PilotApplicationOrder];
registerEnumType(PilotApplicationOrder, {
  name: 'PilotApplicationOrder',
  description:
    '试点申报列表的排序：创建时间、联盟名称（拼音）、所属市州（区划代码）、状态（办理顺序）、提交时间、推荐时间',
});

@ObjectType('PilotApplicationForm', { description: '申报书' })
export class PilotApplicationFormModel {
  @Field()
  goals: string;

  @Field()
  workPlan: string;

  @Field({ description: '申请经费（分）' })
  budgetFen: string;

  @Field({ description: '自筹投入（分）' })
  ownInvestmentFen: string;

  @Field()
  expectedResults: string;

  @Field()
  contactName: string;

  @Field()
  contactPhone: string;
}

@ObjectType('PilotApplication', { description: '试点联盟申报' })
export class PilotApplicationModel {
  @Field(() => ID)
  id: string;

  /** The home city (resolved into homeTenant) and the other parties, resolved by field resolvers. */
  tenantId: string;
  callId: string;
  authorityTenantId: string;
  recommendingTenantId: string;
  feasibilityDocumentId: string | null;
  submittedBy: string | null;
  recommendedBy: string | null;

  @Field(() => ID)
  allianceId: string;

  @Field(() => PilotLevelValues)
  level: PilotLevel;

  @Field(() => PilotStateValues)
  state: PilotState;

  @Field(() => Int)
  version: number;

  @Field(() => PilotApplicationFormModel)
  form: PilotApplicationFormModel;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: '提交时固定的申报材料：联盟概况、成员、生效协议、第八条检查、适用的实施办法',
  })
  dossier: PilotDossier | null;

  @Field(() => DateTimeScalar, { nullable: true })
  submittedAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  recommendedAt: Date | null;

  @Field(() => String, { nullable: true, description: '推荐单位的推荐意见' })
  recommendationOpinion: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  acceptedAt: Date | null;

  @Field(() => String, { nullable: true, description: '公示开始日期（YYYY-MM-DD）' })
  noticeStartsOn: string | null;

  @Field(() => String, { nullable: true, description: '公示结束日期（YYYY-MM-DD）' })
  noticeEndsOn: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  decidedAt: Date | null;

  @Field(() => String, { nullable: true, description: '书面决定' })
  decisionReason: string | null;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description:
      '决定依据：{total, passMark, passes, sheets, rule, measuresId, measuresVersionNo, criteria[]}',
  })
  decisionBasis: PilotDecisionBasis | null;

  @Field(() => String, { nullable: true, description: '最近一次退回、不予推荐或撤回的理由' })
  lastReason: string | null;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  @Field(() => DateTimeScalar)
  updatedAt: Date;
}

export function toPilotApplicationModel(a: PilotApplicationEntity): PilotApplicationModel {
  return {
    id: a.id,
    tenantId: a.tenantId,
    callId: a.callId,
    authorityTenantId: a.authorityTenantId,
    recommendingTenantId: a.recommendingTenantId,
    feasibilityDocumentId: a.feasibilityDocumentId,
    submittedBy: a.submittedBy,
    recommendedBy: a.recommendedBy,
    allianceId: a.allianceId,
    level: a.level,
    state: a.state,
    version: a.version,
    form: {
      goals: a.goals,
      workPlan: a.workPlan,
      budgetFen: String(a.budgetFen),
      ownInvestmentFen: String(a.ownInvestmentFen),
      expectedResults: a.expectedResults,
      contactName: a.contactName,
      contactPhone: a.contactPhone,
    },
    dossier: a.dossier,
    submittedAt: a.submittedAt,
    recommendedAt: a.recommendedAt,
    recommendationOpinion: a.recommendationOpinion,
    acceptedAt: a.acceptedAt,
    noticeStartsOn: a.noticeStartsOn,
    noticeEndsOn: a.noticeEndsOn,
    decidedAt: a.decidedAt,
    decisionReason: a.decisionReason,
    decisionBasis: a.decisionBasis,
    lastReason: a.lastReason,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}

@ObjectType('PilotTimelineEntry', { description: '申报的办理记录' })
export class PilotTimelineEntryModel {
  @Field(() => DateTimeScalar)
  at: Date;

  @Field({ description: '如 pilot_application.submit' })
  action: string;

  @Field(() => PilotStateValues, { nullable: true })
  toState: PilotState | null;

  @Field(() => String, { nullable: true })
  actorName: string | null;

  @Field({ description: '经办单位' })
  tierName: string;

  @Field(() => String, { nullable: true, description: '随操作给出的意见、理由或决定' })
  opinion: string | null;
}

@ObjectType('PilotObjection', { description: '公示期间收到的异议及答复' })
export class PilotObjectionModel {
  @Field(() => ID)
  id: string;

  @Field({ description: '收到日期（YYYY-MM-DD）' })
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

@ObjectType('ConfirmedPilot', { description: '已确认的试点联盟名单' })
export class ConfirmedPilotModel {
  @Field(() => ID, { nullable: true, description: '确认试点的申报；登记在册而非经本系统确认的试点为空' })
  applicationId: string | null;

  authorityTenantId: string;
  allianceTenantId: string;
  industryCode: string;
  callId: string | null;

  @Field(() => PilotLevelValues)
  level: PilotLevel;

  @Field(() => ID)
  allianceId: string;

  @Field()
  allianceName: string;

  @Field(() => String, { nullable: true, description: '确认日期（YYYY-MM-DD）；登记时未填则为空' })
  confirmedOn: string | null;
}

@ObjectType('PilotApplicationPage', { description: '试点申报的一页及符合条件的总数' })
export class PilotApplicationPageModel {
  @Field(() => [PilotApplicationModel])
  items: PilotApplicationModel[];

  @Field(() => Int)
  totalCount: number;
}
