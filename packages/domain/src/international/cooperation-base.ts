import { isCalendarDate } from '../calendar/calendar-date.js';
import { fieldViolation, type FieldViolation } from '../errors/error-codes.js';
import {
  evaluate,
  EvaluatedStanding,
  evaluationConsequence,
  type EvaluationResult,
  type EvaluationScheme,
  type EvaluationSheet,
  evaluationSheetViolations,
  rectificationDeadline,
} from '../platforms/graded-evaluation.js';
import { checkControlCharacters } from '../text/control-characters.js';

// International S&T cooperation bases (国际科技合作基地, Art. 16): the register an authority keeps
// of the bases its alliances' members host — incubating (培育) or recognised (认定), of a type kept
// as data, with a recognition document and a periodic evaluation graded like a platform's: the
// generic graded evaluation (graded-evaluation.ts) on the type's scheme, 不合格 → rectification,
// a failed re-evaluation → revoked.

/** The periodic evaluation of a base: its criteria, weights, bands and rectification period. */
export const COOPERATION_BASE_EVALUATION: EvaluationScheme = {
  criteria: [
    { key: 'cooperationResults', label: '国际合作项目与成果', weight: 30 },
    { key: 'technologyTransfer', label: '技术引进、消化吸收与转移', weight: 25 },
    { key: 'talentExchange', label: '人才交流与引智', weight: 20 },
    { key: 'management', label: '运行管理与条件保障', weight: 15 },
    { key: 'demonstration', label: '示范与辐射带动', weight: 10 },
  ],
  bands: [
    { grade: 'EXCELLENT', minTotal: 90 },
    { grade: 'PASS', minTotal: 70 },
    { grade: 'FAIL', minTotal: 0 },
  ],
  trimWhenAtLeast: 5,
  minSheets: 3,
  rectificationMonths: 12,
};

export type CooperationBaseType = { code: string; label: string; evaluation: EvaluationScheme };

/** The types the Ministry's and the province's recognitions use; a new one is a new row here. */
export const COOPERATION_BASE_TYPES: readonly CooperationBaseType[] = [
  { code: 'INNOVATION_PARK', label: '国际创新园', evaluation: COOPERATION_BASE_EVALUATION },
  { code: 'JOINT_RESEARCH_CENTRE', label: '国际联合研究中心', evaluation: COOPERATION_BASE_EVALUATION },
  { code: 'TECHNOLOGY_TRANSFER_CENTRE', label: '国际技术转移中心', evaluation: COOPERATION_BASE_EVALUATION },
  { code: 'DEMONSTRATION_BASE', label: '示范型国际科技合作基地', evaluation: COOPERATION_BASE_EVALUATION },
];

export function cooperationBaseTypeLabel(code: string): string {
  return COOPERATION_BASE_TYPES.find((t) => t.code === code)?.label ?? code;
}

/** The evaluation scheme of a base of the type (the common one for a code no longer listed). */
export function baseEvaluationScheme(type: string): EvaluationScheme {
  return COOPERATION_BASE_TYPES.find((t) => t.code === type)?.evaluation ?? COOPERATION_BASE_EVALUATION;
}

export const CooperationBaseLevel = { NATIONAL: 'NATIONAL', PROVINCIAL: 'PROVINCIAL' } as const;
export type CooperationBaseLevel = (typeof CooperationBaseLevel)[keyof typeof CooperationBaseLevel];
export const COOPERATION_BASE_LEVEL_LABELS: Record<CooperationBaseLevel, string> = {
  NATIONAL: '国家级',
  PROVINCIAL: '省级',
};

export const CooperationBaseStatus = {
  INCUBATING: 'INCUBATING',
  RECOGNISED: 'RECOGNISED',
  RECTIFYING: 'RECTIFYING',
  REVOKED: 'REVOKED',
} as const;
export type CooperationBaseStatus = (typeof CooperationBaseStatus)[keyof typeof CooperationBaseStatus];
export const COOPERATION_BASE_STATUS_LABELS: Record<CooperationBaseStatus, string> = {
  INCUBATING: '培育',
  RECOGNISED: '已认定',
  RECTIFYING: '整改中',
  REVOKED: '已撤销',
};

/** The statuses evaluation moves between (an incubating base is not evaluated). */
export type EvaluatedBaseStatus = 'RECOGNISED' | 'RECTIFYING' | 'REVOKED';
export const BASE_STANDING_OF_STATUS: Record<EvaluatedBaseStatus, EvaluatedStanding> = {
  RECOGNISED: EvaluatedStanding.ACTIVE,
  RECTIFYING: EvaluatedStanding.RECTIFYING,
  REVOKED: EvaluatedStanding.REMOVED,
};
export const BASE_STATUS_OF_STANDING: Record<EvaluatedStanding, EvaluatedBaseStatus> = {
  ACTIVE: 'RECOGNISED',
  RECTIFYING: 'RECTIFYING',
  REMOVED: 'REVOKED',
};

/** Whether a base of the status is evaluated: recognised (periodic) or rectifying (re-evaluation). */
export function baseEvaluable(status: CooperationBaseStatus): status is 'RECOGNISED' | 'RECTIFYING' {
  return status === 'RECOGNISED' || status === 'RECTIFYING';
}

export const CooperationBaseAction = { RECOGNISE: 'RECOGNISE', REVOKE: 'REVOKE' } as const;
export type CooperationBaseAction = (typeof CooperationBaseAction)[keyof typeof CooperationBaseAction];

/** Which status each action leaves from and goes to; a pair not listed is refused. */
export const COOPERATION_BASE_TRANSITIONS: Record<
  CooperationBaseAction,
  { label: string; from: readonly CooperationBaseStatus[]; to: CooperationBaseStatus }
> = {
  RECOGNISE: { label: '认定', from: ['INCUBATING'], to: 'RECOGNISED' },
  REVOKE: { label: '撤销', from: ['INCUBATING', 'RECOGNISED', 'RECTIFYING'], to: 'REVOKED' },
};

export function cooperationBaseNext(
  status: CooperationBaseStatus,
  action: CooperationBaseAction,
): CooperationBaseStatus | null {
  const t = COOPERATION_BASE_TRANSITIONS[action];
  return t.from.includes(status) ? t.to : null;
}

export const BASE_NAME_MAX_CHARS = 100;
export const BASE_TEXT_MAX_CHARS = 2000;

export type CooperationBaseRecord = {
  name: string;
  type: string;
  level: string;
  hostOrganizationId: string | null;
  /** Registered as recognised already (a base recognised before the register) or incubating. */
  status: string;
  recognisedOn: string | null;
  recognitionDocumentId: string | null;
};

const text = (
  v: FieldViolation[],
  field: string,
  value: string,
  label: string,
  max: number,
  required = true,
) => {
  const trimmed = value.trim();
  if (trimmed === '') {
    if (required) v.push({ ...fieldViolation(field, 'REQUIRED'), message: `请填写${label}` });
  } else if ([...trimmed].length > max)
    v.push({ ...fieldViolation(field, 'TOO_LONG'), message: `${label}不超过 ${max} 字` });
  else if (checkControlCharacters(trimmed)) v.push(fieldViolation(field, 'CONTROL_CHARACTER'));
};

/** A recognition needs its decision document and a date not after today (China time). */
function recognitionViolations(
  recognisedOn: string | null,
  documentId: string | null,
  today: string,
): FieldViolation[] {
  const v: FieldViolation[] = [];
  if (!recognisedOn || !isCalendarDate(recognisedOn))
    v.push({ ...fieldViolation('recognisedOn', 'DATE'), message: '请填写认定日期（YYYY-MM-DD）' });
  else if (recognisedOn > today)
    v.push({ ...fieldViolation('recognisedOn', 'NOT_FUTURE'), message: '认定日期不能晚于今天' });
  if (!documentId)
    v.push({ ...fieldViolation('recognitionDocumentId', 'REQUIRED'), message: '请附上认定文件' });
  return v;
}

/** Every rule a base's registration breaks; empty when it may be registered. */
export function cooperationBaseViolations(b: CooperationBaseRecord, today: string): FieldViolation[] {
  const v: FieldViolation[] = [];
  text(v, 'name', b.name, '基地名称', BASE_NAME_MAX_CHARS);
  if (!COOPERATION_BASE_TYPES.some((t) => t.code === b.type))
    v.push({ ...fieldViolation('type', 'ONE_OF'), message: '请选择基地类型' });
  if (!Object.hasOwn(COOPERATION_BASE_LEVEL_LABELS, b.level))
    v.push({ ...fieldViolation('level', 'ONE_OF'), message: '请选择基地级别' });
  if (!b.hostOrganizationId)
    v.push({ ...fieldViolation('hostOrganizationId', 'REQUIRED'), message: '请选择依托单位' });
  if (b.status === 'RECOGNISED')
    v.push(...recognitionViolations(b.recognisedOn, b.recognitionDocumentId, today));
  else if (b.status !== 'INCUBATING')
    v.push({ ...fieldViolation('status', 'ONE_OF'), message: '登记时基地应为培育或已认定' });
  return v;
}

/** The recognition of an incubating base: its document and date. */
export function recognitionOfBaseViolations(
  recognisedOn: string | null,
  documentId: string | null,
  today: string,
): FieldViolation[] {
  return recognitionViolations(recognisedOn, documentId, today);
}

export type BaseEvaluation = {
  year: number;
  evaluatedOn: string;
  sheets: readonly EvaluationSheet[];
  remarks: string;
};

/**
 * A periodic evaluation (定期评估) of a recognised base, once per year, or the re-evaluation (复评)
 * of one in rectification: for a year from its recognition to this year, dated after the
 * recognition and not after today, every criterion of the type's scheme scored by enough experts.
 */
export function baseEvaluationViolations(
  base: { status: CooperationBaseStatus; recognisedOn: string | null; type: string },
  evaluation: BaseEvaluation,
  periodicYears: readonly number[],
  today: string,
): FieldViolation[] {
  const v: FieldViolation[] = [];
  if (!baseEvaluable(base.status) || !base.recognisedOn)
    return [{ ...fieldViolation('baseId', 'NOT_RECOGNISED'), message: '只有已认定或整改中的基地才进行评估' }];
  const recognisedYear = Number(base.recognisedOn.slice(0, 4));
  const thisYear = Number(today.slice(0, 4));
  if (!Number.isInteger(evaluation.year) || evaluation.year < recognisedYear || evaluation.year > thisYear)
    v.push({
      ...fieldViolation('year', 'INTEGER_RANGE'),
      message: `评估年度应在认定年度（${recognisedYear}）至今年（${thisYear}）之间`,
    });
  else if (base.status === 'RECOGNISED' && periodicYears.includes(evaluation.year))
    v.push({ ...fieldViolation('year', 'DUPLICATE'), message: `${evaluation.year} 年度已评估` });
  if (!isCalendarDate(evaluation.evaluatedOn))
    v.push({ ...fieldViolation('evaluatedOn', 'DATE'), message: '请填写评估日期（YYYY-MM-DD）' });
  else if (evaluation.evaluatedOn < base.recognisedOn)
    v.push({ ...fieldViolation('evaluatedOn', 'AFTER_RECOGNITION'), message: '评估日期不能早于认定日期' });
  else if (evaluation.evaluatedOn > today)
    v.push({ ...fieldViolation('evaluatedOn', 'NOT_FUTURE'), message: '评估日期不能晚于今天' });
  v.push(...evaluationSheetViolations(baseEvaluationScheme(base.type), evaluation.sheets));
  text(v, 'remarks', evaluation.remarks, '评估意见', BASE_TEXT_MAX_CHARS, false);
  return v;
}

export type BaseEvaluationOutcome = EvaluationResult & {
  statusAfter: EvaluatedBaseStatus;
  /** Why, as the decision states it (the revocation reason when it revokes). */
  reason: string;
  /** The last day to put things right, when the grade starts a rectification. */
  rectificationDueOn: string | null;
};

/** The grade of valid sheets (check baseEvaluationViolations first) and what it does to the base. */
export function baseEvaluationOutcome(
  base: { status: 'RECOGNISED' | 'RECTIFYING'; type: string },
  sheets: readonly EvaluationSheet[],
  evaluatedOn: string,
): BaseEvaluationOutcome {
  const scheme = baseEvaluationScheme(base.type);
  const result = evaluate(scheme, sheets);
  const effect = evaluationConsequence(BASE_STANDING_OF_STATUS[base.status], result.grade)!;
  const statusAfter = BASE_STATUS_OF_STANDING[effect.next];
  const rectificationDueOn = effect.rectification ? rectificationDeadline(scheme, evaluatedOn) : null;
  return {
    ...result,
    statusAfter,
    reason: effect.rectification ? `${effect.reason}，整改期限至 ${rectificationDueOn}` : effect.reason,
    rectificationDueOn,
  };
}
