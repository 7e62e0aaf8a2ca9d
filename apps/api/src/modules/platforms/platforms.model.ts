import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  EVALUATION_GRADE_LABELS,
  PLATFORM_KIND_LABELS,
  PLATFORM_LEVEL_LABELS,
  PLATFORM_STATUS_LABELS,
  reportDueOn,
} from '@xiangmeng/domain';
import { DateTimeScalar } from '../../common/graphql/date-time.scalar';
import type {
  PlatformEvaluationRow,
  PlatformMemberRow,
  PlatformReportRow,
  PlatformStatusEventRow,
} from './platforms.repository';
import type { PlatformDetail, PlatformRecord } from './platforms.service';

@ObjectType('PlatformMember')
export class PlatformMemberModel {
  @Field(() => ID)
  organizationId: string;

  @Field()
  name: string;

  @Field({ description: 'HOST（依托单位）或 CO_BUILDER（共建单位）' })
  role: string;
}

@ObjectType('PlatformStatusEvent')
export class PlatformStatusEventModel {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  fromStatus: string | null;

  @Field()
  toStatus: string;

  @Field()
  toStatusLabel: string;

  @Field()
  reason: string;

  @Field({ description: '生效日期' })
  effectiveOn: string;

  @Field(() => DateTimeScalar)
  recordedAt: Date;
}

@ObjectType('PlatformReport')
export class PlatformReportModel {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  year: number;

  @Field(() => Int)
  staff: number;

  @Field({ description: '研发经费（分）' })
  rdSpendingFen: string;

  @Field(() => Int)
  projects: number;

  @Field(() => Int)
  papers: number;

  @Field(() => Int)
  patents: number;

  @Field(() => Int)
  standards: number;

  @Field(() => Int)
  industryServices: number;

  @Field(() => DateTimeScalar)
  filedAt: Date;
}

@ObjectType('PlatformEvaluationScore')
export class PlatformEvaluationScoreModel {
  @Field()
  key: string;

  @Field(() => Float)
  score: number;
}

@ObjectType('PlatformEvaluationSheet')
export class PlatformEvaluationSheetModel {
  @Field()
  expertName: string;

  @Field(() => ID, { nullable: true, description: '评估批次中评分的库内专家；主管部门录入的为空' })
  expertId: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '专家提交评分的时间（评估批次）' })
  submittedAt: Date | null;

  @Field(() => [PlatformEvaluationScoreModel])
  scores: PlatformEvaluationScoreModel[];
}

@ObjectType('PlatformEvaluation')
export class PlatformEvaluationModel {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  year: number;

  @Field()
  evaluatedOn: string;

  @Field({ description: '加权总分（0–100）' })
  total: string;

  @Field()
  grade: string;

  @Field()
  gradeLabel: string;

  @Field()
  statusBefore: string;

  @Field()
  statusAfter: string;

  @Field(() => ID, { nullable: true, description: '评估批次；主管部门直接录入的为空' })
  roundId: string | null;

  @Field(() => [PlatformEvaluationSheetModel])
  sheets: PlatformEvaluationSheetModel[];
}

@ObjectType('Platform')
export class PlatformModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { description: '认定的主管部门' })
  tenantId: string;

  @Field(() => ID)
  allianceId: string;

  @Field()
  allianceName: string;

  @Field()
  kind: string;

  @Field()
  kindLabel: string;

  @Field()
  level: string;

  @Field()
  levelLabel: string;

  @Field()
  name: string;

  @Field(() => ID)
  hostOrganizationId: string;

  @Field({ description: '依托单位' })
  hostName: string;

  @Field(() => [PlatformMemberModel])
  members: PlatformMemberModel[];

  @Field()
  field: string;

  @Field()
  fieldName: string;

  @Field()
  recognitionDocument: string;

  @Field()
  recognisedOn: string;

  @Field()
  director: string;

  @Field()
  status: string;

  @Field()
  statusLabel: string;

  @Field(() => String, { nullable: true, description: '整改期限（整改中）' })
  rectificationDueOn: string | null;

  @Field(() => String, { nullable: true })
  removedReason: string | null;

  @Field(() => ID, { nullable: true, description: '认定申报' })
  applicationId: string | null;

  @Field(() => Int)
  version: number;

  @Field({ description: '本年度报告的截止日期（次年，按平台类别）' })
  currentReportDueOn: string;

  @Field({ description: '当前用户可否办理评估（认定该平台的主管部门）' })
  evaluable: boolean;
}

@ObjectType('PlatformDetail')
export class PlatformDetailModel extends PlatformModel {
  @Field(() => [PlatformStatusEventModel])
  events: PlatformStatusEventModel[];

  @Field(() => [PlatformReportModel])
  reports: PlatformReportModel[];

  @Field(() => [PlatformEvaluationModel])
  evaluations: PlatformEvaluationModel[];
}

@ObjectType('PlatformPage')
export class PlatformPageModel {
  @Field(() => [PlatformModel])
  items: PlatformModel[];

  @Field(() => Int)
  totalCount: number;
}

const member = (m: PlatformMemberRow): PlatformMemberModel => ({
  organizationId: m.organizationId,
  name: m.name,
  role: m.role,
});

export function toPlatformModel(p: PlatformRecord, viewerTenantId: string, today: string): PlatformModel {
  return {
    id: p.id,
    tenantId: p.tenantId,
    allianceId: p.allianceId,
    allianceName: p.allianceName,
    kind: p.kind,
    kindLabel: PLATFORM_KIND_LABELS[p.kind] ?? p.kind,
    level: p.level,
    levelLabel: PLATFORM_LEVEL_LABELS[p.level],
    name: p.name,
    hostOrganizationId: p.hostOrganizationId,
    hostName: p.hostName,
    members: p.members.map(member),
    field: p.field,
    fieldName: p.fieldName,
    recognitionDocument: p.recognitionDocument,
    recognisedOn: p.recognisedOn,
    director: p.director,
    status: p.status,
    statusLabel: PLATFORM_STATUS_LABELS[p.status],
    rectificationDueOn: p.rectificationDueOn,
    removedReason: p.removedReason,
    applicationId: p.applicationId,
    version: p.version,
    currentReportDueOn: reportDueOn(p.kind, Number(today.slice(0, 4))),
    evaluable: p.tenantId === viewerTenantId && p.status !== 'REMOVED',
  };
}

const event = (e: PlatformStatusEventRow): PlatformStatusEventModel => ({
  id: e.id,
  fromStatus: e.fromStatus,
  toStatus: e.toStatus,
  toStatusLabel: PLATFORM_STATUS_LABELS[e.toStatus],
  reason: e.reason,
  effectiveOn: e.effectiveOn,
  recordedAt: e.recordedAt,
});

const report = (r: PlatformReportRow): PlatformReportModel => ({ ...r });

const evaluation = (e: PlatformEvaluationRow): PlatformEvaluationModel => ({
  id: e.id,
  year: e.year,
  evaluatedOn: e.evaluatedOn,
  total: e.total,
  grade: e.grade,
  gradeLabel: EVALUATION_GRADE_LABELS[e.grade],
  statusBefore: e.statusBefore,
  statusAfter: e.statusAfter,
  roundId: e.roundId,
  sheets: e.sheets.map((s) => ({
    expertName: s.expertName,
    expertId: s.expertId ?? null,
    submittedAt: s.submittedAt ? new Date(s.submittedAt) : null,
    scores: Object.entries(s.scores).map(([key, score]) => ({ key, score })),
  })),
});

export function toPlatformDetailModel(
  p: PlatformDetail,
  viewerTenantId: string,
  today: string,
): PlatformDetailModel {
  return {
    ...toPlatformModel(p, viewerTenantId, today),
    events: p.events.map(event),
    reports: p.reports.map(report),
    evaluations: p.evaluations.map(evaluation),
  };
}
