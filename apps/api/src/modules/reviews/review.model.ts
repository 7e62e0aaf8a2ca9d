import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '../../common/graphql/date-time.scalar';
import {
  AggregationRule,
  ConflictReasonCode,
  ReviewRecommendation,
  ReviewSheetStatus,
} from '@xiangmeng/domain';
import { ExpertModel } from './expert.model';

registerEnumType(ReviewRecommendation, {
  name: 'ReviewRecommendation',
  description: '评审结论：建议确认、修改完善后确认、不建议确认',
});
registerEnumType(ReviewSheetStatus, { name: 'ReviewSheetStatus', description: '评分表状态：未提交、已提交' });
registerEnumType(ConflictReasonCode, {
  name: 'ConflictReasonCode',
  description: '利益冲突：任职于联盟成员单位、任职于推荐单位、已声明存在利益冲突',
});
/** What a seat reviews, as the API names it. */
export enum ReviewSubjectKind {
  PILOT_APPLICATION = 'PILOT_APPLICATION',
  FILING = 'FILING',
  PROGRAMME_APPLICATION = 'PROGRAMME_APPLICATION',
  PROJECT_ACCEPTANCE = 'PROJECT_ACCEPTANCE',
}
registerEnumType(ReviewSubjectKind, {
  name: 'ReviewSubjectKind',
  description: '评审对象：试点申报、备案、支持计划项目申报、项目验收',
});

registerEnumType(AggregationRule, {
  name: 'AggregationRule',
  description: '汇总规则：去掉最高最低分后平均、按专家标准化后平均',
});

@ObjectType('CriterionScore', { description: '一项评审指标（第十一条）的评分' })
export class CriterionScoreModel {
  @Field()
  key: string;

  @Field()
  label: string;

  @Field({ description: '评审内容（第十一条）' })
  description: string;

  @Field({ description: '评分标准（分档）' })
  scale: string;

  @Field(() => Float, { description: '权重（百分比）' })
  weight: number;

  @Field(() => Float, { nullable: true, description: '0–100' })
  score: number | null;

  @Field()
  comment: string;
}

@ObjectType('ReviewSheet', { description: '专家评分表' })
export class ReviewSheetModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  assignmentId: string;

  @Field()
  expertName: string;

  @Field(() => ReviewSheetStatus)
  status: ReviewSheetStatus;

  @Field(() => [CriterionScoreModel])
  scores: CriterionScoreModel[];

  @Field(() => Float, { nullable: true, description: '加权总分（各项均已评分时）' })
  total: number | null;

  @Field()
  overallOpinion: string;

  @Field(() => ReviewRecommendation, { nullable: true })
  recommendation: ReviewRecommendation | null;

  @Field(() => DateTimeScalar, { nullable: true })
  submittedAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  reopenedAt: Date | null;

  @Field(() => String, { nullable: true })
  reopenReason: string | null;

  @Field(() => Int)
  version: number;

  @Field(() => DateTimeScalar, { nullable: true, description: '确认承诺书和回避声明的时间；未确认时不能评分' })
  declaredAt: Date | null;

  @Field(() => String, { nullable: true, description: '所确认的承诺书文本版本' })
  declarationVersion: string | null;
}

@ObjectType('ExpertDeclaration', { description: '评审专家承诺书及回避声明（当前文本）' })
export class ExpertDeclarationModel {
  @Field()
  version: string;

  @Field()
  title: string;

  @Field(() => [String])
  paragraphs: string[];
}

@ObjectType('CriterionAggregate', { description: '一项指标的汇总' })
export class CriterionAggregateModel {
  @Field()
  key: string;

  @Field()
  label: string;

  @Field(() => Float)
  value: number;

  @Field(() => Float)
  min: number;

  @Field(() => Float)
  max: number;
}

@ObjectType('ReviewAggregate', { description: '按实施办法规则汇总的评审结果' })
export class ReviewAggregateModel {
  @Field(() => AggregationRule)
  rule: AggregationRule;

  @Field(() => Int, { description: '已提交的评分表数' })
  sheets: number;

  @Field({ description: '是否去掉了最高分和最低分' })
  trimmed: boolean;

  @Field(() => [CriterionAggregateModel])
  criteria: CriterionAggregateModel[];

  @Field(() => Float)
  total: number;

  @Field(() => Float, { description: '最高与最低总分之差' })
  totalSpread: number;

  @Field(() => Float)
  totalStdDev: number;

  @Field(() => Float)
  passMark: number;

  @Field()
  passes: boolean;

  @Field(() => Int, { nullable: true, description: '在本批次中的排名' })
  rank: number | null;
}

@ObjectType('PanelSeat', { description: '专家组席位' })
export class PanelSeatModel {
  @Field(() => ID)
  assignmentId: string;

  @Field(() => ExpertModel)
  expert: ExpertModel;

  @Field(() => DateTimeScalar)
  assignedAt: Date;

  @Field(() => ReviewSheetModel, { nullable: true })
  sheet: ReviewSheetModel | null;
}

@ObjectType('ReviewPanel', { description: '一项申报的评审专家组（主管部门可见）' })
export class ReviewPanelModel {
  @Field(() => Int, { description: '每项申报的专家人数（实施办法）' })
  size: number;

  @Field(() => [PanelSeatModel], { description: '在任席位' })
  seats: PanelSeatModel[];

  @Field()
  complete: boolean;

  @Field(() => Int)
  sheetsSubmitted: number;

  @Field(() => ReviewAggregateModel, { nullable: true, description: '至少一份评分表提交后' })
  aggregate: ReviewAggregateModel | null;
}

@ObjectType('UnfilledPanelSeat', { description: '建议专家组中无法补齐的席位及原因' })
export class UnfilledPanelSeatModel {
  @Field(() => Int, { description: '席位序号（从 1 起，排在已建议的专家之后）' })
  seat: number;

  @Field({ description: '该席位需要的专家' })
  requirement: string;

  @Field({ description: '专家库中无人可补的原因' })
  reason: string;
}

@ObjectType('PanelProposal', { description: '系统建议的专家组' })
export class PanelProposalModel {
  @Field(() => [ExpertModel], {
    nullable: true,
    description: '能补齐的席位上建议的专家；不足额时见 unfilledSeats',
  })
  experts: ExpertModel[] | null;

  @Field(() => String, { nullable: true, description: '无法组成完整专家组的原因（专家库概况）' })
  explanation: string | null;

  @Field(() => [UnfilledPanelSeatModel], { description: '无法补齐的席位，逐席说明原因；足额时为空' })
  unfilledSeats: UnfilledPanelSeatModel[];
}

@ObjectType('PanelCandidateConflict', { description: '候选专家与申报的利益冲突' })
export class PanelCandidateConflictModel {
  @Field(() => ConflictReasonCode)
  code: ConflictReasonCode;

  @Field({ description: '冲突涉及的单位或科技局' })
  organizationLabel: string;

  @Field({ description: '冲突说明' })
  message: string;
}

@ObjectType('PanelCandidate', { description: '专家库中的专家作为某项申报的候选：有利益冲突的不能入选' })
export class PanelCandidateModel {
  @Field(() => ExpertModel)
  expert: ExpertModel;

  @Field(() => [PanelCandidateConflictModel], { description: '与该申报的利益冲突；为空时无冲突' })
  conflicts: PanelCandidateConflictModel[];
}

@ObjectType('ReviewAssignment', {
  description: '专家本人的评审任务；评审对象（试点申报或备案）由其所属模块给出',
})
export class ReviewAssignmentModel {
  @Field(() => ID)
  id: string;

  @Field(() => ReviewSubjectKind)
  subjectKind: ReviewSubjectKind;

  /** The application or filing reviewed. */
  subjectId: string;

  @Field(() => ReviewSheetModel)
  sheet: ReviewSheetModel;

  @Field(() => DateTimeScalar)
  assignedAt: Date;
}
