import { isCalendarDate } from '../calendar/calendar-date.js';
import { fieldViolation, type FieldViolation } from '../errors/error-codes.js';
import { checkControlCharacters } from '../text/control-characters.js';

// International S&T cooperation bases (国际科技合作基地, Art. 16): the register an authority keeps
// of the bases its alliances' members host — incubating (培育) or recognised (认定), of a type kept
// as data, with a recognition document and a periodic evaluation graded like a platform's.

export type CooperationBaseType = { code: string; label: string };

/** The types the Ministry's and the province's recognitions use; a new one is a new row here. */
export const COOPERATION_BASE_TYPES: readonly CooperationBaseType[] = [
  { code: 'INNOVATION_PARK', label: '国际创新园' },
  { code: 'JOINT_RESEARCH_CENTRE', label: '国际联合研究中心' },
  { code: 'TECHNOLOGY_TRANSFER_CENTRE', label: '国际技术转移中心' },
  { code: 'DEMONSTRATION_BASE', label: '示范型国际科技合作基地' },
];

export function cooperationBaseTypeLabel(code: string): string {
  return COOPERATION_BASE_TYPES.find((t) => t.code === code)?.label ?? code;
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
  REVOKED: 'REVOKED',
} as const;
export type CooperationBaseStatus = (typeof CooperationBaseStatus)[keyof typeof CooperationBaseStatus];
export const COOPERATION_BASE_STATUS_LABELS: Record<CooperationBaseStatus, string> = {
  INCUBATING: '培育',
  RECOGNISED: '已认定',
  REVOKED: '已撤销',
};

export const CooperationBaseAction = { RECOGNISE: 'RECOGNISE', REVOKE: 'REVOKE' } as const;
export type CooperationBaseAction = (typeof CooperationBaseAction)[keyof typeof CooperationBaseAction];

/** Which status each action leaves from and goes to; a pair not listed is refused. */
export const COOPERATION_BASE_TRANSITIONS: Record<
  CooperationBaseAction,
  { label: string; from: readonly CooperationBaseStatus[]; to: CooperationBaseStatus }
> = {
  RECOGNISE: { label: '认定', from: ['INCUBATING'], to: 'RECOGNISED' },
  REVOKE: { label: '撤销', from: ['INCUBATING', 'RECOGNISED'], to: 'REVOKED' },
};

export function cooperationBaseNext(
  status: CooperationBaseStatus,
  action: CooperationBaseAction,
): CooperationBaseStatus | null {
  const t = COOPERATION_BASE_TRANSITIONS[action];
  return t.from.includes(status) ? t.to : null;
}

export const CooperationBaseGrade = {
  EXCELLENT: 'EXCELLENT',
  QUALIFIED: 'QUALIFIED',
  UNQUALIFIED: 'UNQUALIFIED',
} as const;
export type CooperationBaseGrade = (typeof CooperationBaseGrade)[keyof typeof CooperationBaseGrade];
export const COOPERATION_BASE_GRADE_LABELS: Record<CooperationBaseGrade, string> = {
  EXCELLENT: '优秀',
  QUALIFIED: '合格',
  UNQUALIFIED: '不合格',
};

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

export type BaseEvaluation = { year: number; grade: string; evaluatedOn: string; remarks: string };

/**
 * A periodic evaluation (定期评估): only of a recognised base, for a year from its recognition on,
 * dated after the recognition and not after today, once per year.
 */
export function baseEvaluationViolations(
  base: { status: CooperationBaseStatus; recognisedOn: string | null },
  evaluation: BaseEvaluation,
  evaluatedYears: readonly number[],
  today: string,
): FieldViolation[] {
  const v: FieldViolation[] = [];
  if (base.status !== 'RECOGNISED' || !base.recognisedOn)
    return [{ ...fieldViolation('baseId', 'NOT_RECOGNISED'), message: '只有已认定的基地才进行定期评估' }];
  const recognisedYear = Number(base.recognisedOn.slice(0, 4));
  if (!Number.isInteger(evaluation.year) || evaluation.year < recognisedYear || evaluation.year > 2100)
    v.push({
      ...fieldViolation('year', 'INTEGER_RANGE'),
      message: `评估年度应在认定年度（${recognisedYear}）之后`,
    });
  else if (evaluatedYears.includes(evaluation.year))
    v.push({ ...fieldViolation('year', 'DUPLICATE'), message: `${evaluation.year} 年度已评估` });
  if (!Object.hasOwn(COOPERATION_BASE_GRADE_LABELS, evaluation.grade))
    v.push({ ...fieldViolation('grade', 'ONE_OF'), message: '评估结果应为优秀、合格或不合格' });
  if (!isCalendarDate(evaluation.evaluatedOn))
    v.push({ ...fieldViolation('evaluatedOn', 'DATE'), message: '请填写评估日期（YYYY-MM-DD）' });
  else if (evaluation.evaluatedOn < base.recognisedOn)
    v.push({ ...fieldViolation('evaluatedOn', 'AFTER_RECOGNITION'), message: '评估日期不能早于认定日期' });
  else if (evaluation.evaluatedOn > today)
    v.push({ ...fieldViolation('evaluatedOn', 'NOT_FUTURE'), message: '评估日期不能晚于今天' });
  text(v, 'remarks', evaluation.remarks, '评估意见', BASE_TEXT_MAX_CHARS, false);
  return v;
}
