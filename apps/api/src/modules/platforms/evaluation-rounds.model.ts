import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  EVALUATION_DUE_LABELS,
  EVALUATION_GRADE_LABELS,
  EVALUATION_ROUND_STATUS_LABELS,
  EVALUATION_SHEET_STATUS_LABELS,
  evaluate,
  PLATFORM_KIND_LABELS,
  PLATFORM_KINDS,
  PLATFORM_STATUS_LABELS,
} from '@xiangmeng/domain';
import { DateTimeScalar } from '../../common/graphql/date-time.scalar';
import { ExpertModel } from '../reviews/expert.model';
import type { EvaluationRoundRow, RoundPlatformRow, RoundSheetRow } from './evaluation-rounds.repository';
import type { OwnSeat, OwnSeatDetail, RoundDetail } from './evaluation-rounds.service';
import { PlatformEvaluationScoreModel } from './platforms.model';

@ObjectType('PlatformEvaluationCriterion')
export class PlatformEvaluationCriterionModel {
  @Field()
  key: string;

  @Field()
  label: string;

  @Field(() => Int, { description: '权重（%）' })
  weight: number;
}

@ObjectType('PlatformEvaluationRound')
export class PlatformEvaluationRoundModel {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  year: number;

  @Field({ description: '评估领域（产业分类代码）' })
  field: string;

  @Field()
  fieldName: string;

  @Field({ description: 'OPEN（评估中）或 CLOSED（已结束）' })
  status: string;

  @Field()
  statusLabel: string;

  @Field(() => String, { nullable: true, description: '评估日期（结束评估之日）' })
  evaluatedOn: string | null;

  @Field(() => Int)
  version: number;

  @Field(() => DateTimeScalar)
  openedAt: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  closedAt: Date | null;
}

@ObjectType('PlatformEvaluationRoundPlatform')
export class PlatformEvaluationRoundPlatformModel {
  @Field(() => ID)
  platformId: string;

  @Field()
  name: string;

  @Field()
  kind: string;

  @Field()
  kindLabel: string;

  @Field()
  hostName: string;

  @Field()
  allianceName: string;

  @Field({ description: 'PERIODIC（定期评估）或 RE_EVALUATION（整改后复评）' })
  due: string;

  @Field()
  dueLabel: string;

  @Field()
  status: string;

  @Field()
  statusLabel: string;

  @Field(() => String, { nullable: true })
  rectificationDueOn: string | null;

  @Field(() => Int, { description: '已提交的评分表' })
  sheetsSubmitted: number;

  @Field(() => Int, { description: '应评分的专家（回避的除外）' })
  sheetsExpected: number;

  @Field(() => Int, { description: '评估方案要求的最少评分表' })
  minSheets: number;

  @Field(() => ID, { nullable: true })
  evaluationId: string | null;

  @Field(() => String, { nullable: true })
  grade: string | null;

  @Field(() => String, { nullable: true })
  gradeLabel: string | null;

  @Field(() => String, { nullable: true, description: '加权总分' })
  total: string | null;
}

@ObjectType('PlatformEvaluationRoundSeat')
export class PlatformEvaluationRoundSeatModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  expertId: string;

  @Field()
  expertName: string;

  @Field(() => DateTimeScalar)
  seatedAt: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: '确认承诺书及回避声明的时间' })
  declaredAt: Date | null;

  @Field(() => Int)
  sheetsSubmitted: number;

  @Field(() => Int)
  sheetsTotal: number;

  @Field(() => [String], { description: '因利益冲突回避的平台' })
  recusedPlatformNames: string[];
}

@ObjectType('PlatformEvaluationRoundDetail')
export class PlatformEvaluationRoundDetailModel extends PlatformEvaluationRoundModel {
  @Field(() => [PlatformEvaluationRoundPlatformModel])
  platforms: PlatformEvaluationRoundPlatformModel[];

  @Field(() => [PlatformEvaluationRoundSeatModel])
  seats: PlatformEvaluationRoundSeatModel[];

  @Field({ description: '每个平台的已提交评分表都达到评估方案的最少份数' })
  closable: boolean;
}

@ObjectType('PlatformEvaluatorConflict')
export class PlatformEvaluatorConflictModel {
  @Field(() => ID)
  platformId: string;

  @Field()
  platformName: string;

  @Field()
  message: string;
}

@ObjectType('PlatformEvaluatorCandidate')
export class PlatformEvaluatorCandidateModel {
  @Field(() => ExpertModel)
  expert: ExpertModel;

  @Field()
  seated: boolean;

  @Field(() => [PlatformEvaluatorConflictModel], { description: '与本批次平台的利益冲突（将回避该平台）' })
  conflicts: PlatformEvaluatorConflictModel[];
}

@ObjectType('PlatformEvaluationTaskSheet')
export class PlatformEvaluationTaskSheetModel {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  version: number;

  @Field(() => ID)
  platformId: string;

  @Field()
  platformName: string;

  @Field({ description: 'PlatformKind：评估方案由类别决定' })
  kind: string;

  @Field()
  kindLabel: string;

  @Field()
  hostName: string;

  @Field()
  allianceName: string;

  @Field()
  recognisedOn: string;

  @Field()
  dueLabel: string;

  @Field({ description: 'DRAFT（未提交）或 SUBMITTED（已提交）' })
  status: string;

  @Field()
  statusLabel: string;

  @Field(() => DateTimeScalar, { nullable: true })
  submittedAt: Date | null;

  @Field(() => [PlatformEvaluationScoreModel])
  scores: PlatformEvaluationScoreModel[];

  @Field(() => [PlatformEvaluationCriterionModel], { description: '平台类别的评估指标及权重' })
  criteria: PlatformEvaluationCriterionModel[];

  @Field(() => Float, { nullable: true, description: '各项均已评分时的加权得分' })
  weightedTotal: number | null;
}

@ObjectType('PlatformEvaluationTask')
export class PlatformEvaluationTaskModel {
  @Field(() => ID, { description: '评估席位' })
  id: string;

  @Field(() => PlatformEvaluationRoundModel)
  round: PlatformEvaluationRoundModel;

  @Field(() => DateTimeScalar)
  seatedAt: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  declaredAt: Date | null;

  @Field(() => Int)
  sheetsSubmitted: number;

  @Field(() => Int)
  sheetsTotal: number;
}

@ObjectType('PlatformEvaluationTaskDetail')
export class PlatformEvaluationTaskDetailModel extends PlatformEvaluationTaskModel {
  @Field(() => [PlatformEvaluationTaskSheetModel])
  sheets: PlatformEvaluationTaskSheetModel[];
}

export function toRoundModel(r: EvaluationRoundRow): PlatformEvaluationRoundModel {
  return {
    id: r.id,
    year: r.year,
    field: r.field,
    fieldName: r.fieldName,
    status: r.status,
    statusLabel: EVALUATION_ROUND_STATUS_LABELS[r.status],
    evaluatedOn: r.evaluatedOn,
    version: r.version,
    openedAt: r.openedAt,
    closedAt: r.closedAt,
  };
}

const submittedOf = (sheets: readonly RoundSheetRow[]) =>
  sheets.filter((s) => s.status === 'SUBMITTED').length;

export function toRoundDetailModel(d: RoundDetail): PlatformEvaluationRoundDetailModel {
  const platforms = d.platforms.map((p): PlatformEvaluationRoundPlatformModel => {
    const sheets = d.sheets.filter((s) => s.platformId === p.platformId);
    return {
      platformId: p.platformId,
      name: p.name,
      kind: p.kind,
      kindLabel: PLATFORM_KIND_LABELS[p.kind],
      hostName: p.hostName,
      allianceName: p.allianceName,
      due: p.due,
      dueLabel: EVALUATION_DUE_LABELS[p.due],
      status: p.status,
      statusLabel: PLATFORM_STATUS_LABELS[p.status],
      rectificationDueOn: p.rectificationDueOn,
      sheetsSubmitted: submittedOf(sheets),
      sheetsExpected: sheets.length,
      minSheets: PLATFORM_KINDS[p.kind].evaluation.minSheets,
      evaluationId: p.evaluationId,
      grade: p.grade,
      gradeLabel: p.grade ? EVALUATION_GRADE_LABELS[p.grade] : null,
      total: p.total,
    };
  });
  return {
    ...toRoundModel(d),
    platforms,
    seats: d.seats.map((s) => {
      const sheets = d.sheets.filter((x) => x.seatId === s.id);
      return {
        id: s.id,
        expertId: s.expertId,
        expertName: s.expertName,
        seatedAt: s.seatedAt,
        declaredAt: s.declaredAt,
        sheetsSubmitted: submittedOf(sheets),
        sheetsTotal: sheets.length,
        recusedPlatformNames: d.recusals
          .filter((r) => r.seatId === s.id)
          .map((r) => d.platforms.find((p) => p.platformId === r.platformId)?.name ?? ''),
      };
    }),
    closable: d.status === 'OPEN' && platforms.every((p) => p.sheetsSubmitted >= p.minSheets),
  };
}

function taskSheet(s: RoundSheetRow, p: RoundPlatformRow): PlatformEvaluationTaskSheetModel {
  const scheme = PLATFORM_KINDS[p.kind].evaluation;
  const criteria = scheme.criteria;
  const complete = criteria.every((c) => typeof s.scores[c.key] === 'number');
  return {
    id: s.id,
    version: s.version,
    platformId: p.platformId,
    platformName: p.name,
    kind: p.kind,
    kindLabel: PLATFORM_KIND_LABELS[p.kind],
    hostName: p.hostName,
    allianceName: p.allianceName,
    recognisedOn: p.recognisedOn,
    dueLabel: EVALUATION_DUE_LABELS[p.due],
    status: s.status,
    statusLabel: EVALUATION_SHEET_STATUS_LABELS[s.status],
    submittedAt: s.submittedAt,
    scores: Object.entries(s.scores).map(([key, score]) => ({ key, score })),
    criteria: criteria.map((c) => ({ ...c })),
    weightedTotal: complete ? evaluate(scheme, [{ expertName: '', scores: s.scores }]).total : null,
  };
}

export function toTaskModel(o: OwnSeat): PlatformEvaluationTaskModel {
  return {
    id: o.seat.id,
    round: toRoundModel(o.round),
    seatedAt: o.seat.seatedAt,
    declaredAt: o.seat.declaredAt,
    sheetsSubmitted: submittedOf(o.sheets),
    sheetsTotal: o.sheets.length,
  };
}

export function toTaskDetailModel(o: OwnSeatDetail): PlatformEvaluationTaskDetailModel {
  return {
    ...toTaskModel(o),
    sheets: o.sheets.flatMap((s) => {
      const p = o.platforms.find((x) => x.platformId === s.platformId);
      return p ? [taskSheet(s, p)] : [];
    }),
  };
}
