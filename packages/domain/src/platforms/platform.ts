import { isCalendarDate } from '../calendar/calendar-date.js';
import type { FieldViolation } from '../errors/error-codes.js';
import { isFen } from '../money/fen.js';
import { checkControlCharacters } from '../text/control-characters.js';
import { dayAfter } from './graded-evaluation.js';
import {
  PLATFORM_KINDS,
  PLATFORM_LEVEL_LABELS,
  type PlatformKind,
  type PlatformLevel,
  platformKindOf,
} from './platform-kinds.js';

// The platform register (Art. 15): what a platform record must hold, the host unit's annual report
// and when it is due. A platform recognised through a recognition call enters the register at the
// decision; one recognised elsewhere (a national key laboratory, say) is entered by the authority
// from its recognition document.

export type PlatformRecord = {
  kind: string;
  level: string;
  name: string;
  hostOrganizationId: string;
  coBuilderOrganizationIds: readonly string[];
  /** Organizations of the alliance on the day; host and co-builders must be among them. */
  allianceMemberIds: readonly string[];
  field: string;
  recognitionDocument: string;
  recognisedOn: string;
  director: string;
};

export const PLATFORM_NAME_MAX = 100;
export const PLATFORM_DOCUMENT_MAX = 100;
export const PLATFORM_DIRECTOR_MAX = 40;

const v = (field: string, rule: string, message: string): FieldViolation => ({ field, rule, message });

function textViolations(field: string, value: string, label: string, max: number): FieldViolation[] {
  const t = value.trim();
  if (t === '') return [v(field, 'REQUIRED', `请填写${label}`)];
  if ([...t].length > max) return [v(field, 'TOO_LONG', `${label}不超过 ${max} 字`)];
  if (checkControlCharacters(t)) return [v(field, 'CONTROL_CHARACTER', `${label}不能包含控制字符`)];
  return [];
}

/** The levels an authority of the tier enters: the province national and provincial, a city its own. */
export function levelsEnteredBy(tier: 'PROVINCE' | 'CITY'): PlatformLevel[] {
  return tier === 'PROVINCE' ? ['NATIONAL', 'PROVINCIAL'] : ['CITY'];
}

/** Every rule a register entry must satisfy; empty when it may be entered. */
export function platformRecordViolations(
  p: PlatformRecord,
  tier: 'PROVINCE' | 'CITY',
  today: string,
): FieldViolation[] {
  const out: FieldViolation[] = [];
  const kind = platformKindOf(p.kind);
  if (!kind) out.push(v('kind', 'ONE_OF', '请选择平台类别'));
  if (!Object.hasOwn(PLATFORM_LEVEL_LABELS, p.level)) out.push(v('level', 'ONE_OF', '请选择平台级别'));
  else if (!levelsEnteredBy(tier).includes(p.level as PlatformLevel))
    out.push(
      v(
        'level',
        'AUTHORITY_LEVEL',
        `本单位可登记的平台级别为${levelsEnteredBy(tier)
          .map((l) => PLATFORM_LEVEL_LABELS[l])
          .join('、')}`,
      ),
    );
  else if (kind && !PLATFORM_KINDS[kind].levels.includes(p.level as PlatformLevel))
    out.push(
      v(
        'level',
        'KIND_LEVEL',
        `${PLATFORM_KINDS[kind].label}没有${PLATFORM_LEVEL_LABELS[p.level as PlatformLevel]}`,
      ),
    );
  out.push(...textViolations('name', p.name, '平台名称', PLATFORM_NAME_MAX));
  out.push(
    ...textViolations('recognitionDocument', p.recognitionDocument, '认定文件文号', PLATFORM_DOCUMENT_MAX),
  );
  out.push(...textViolations('director', p.director, '平台主任', PLATFORM_DIRECTOR_MAX));
  if (p.field.trim() === '') out.push(v('field', 'REQUIRED', '请选择所属领域'));
  if (!isCalendarDate(p.recognisedOn)) out.push(v('recognisedOn', 'DATE', '请填写认定日期（YYYY-MM-DD）'));
  else if (p.recognisedOn > today)
    out.push(v('recognisedOn', 'NOT_FUTURE', `认定日期不能晚于今天（${today}）`));
  if (!p.allianceMemberIds.includes(p.hostOrganizationId))
    out.push(v('hostOrganizationId', 'ALLIANCE_MEMBER', '依托单位应为联盟的现有成员单位'));
  const seen = new Set<string>([p.hostOrganizationId]);
  p.coBuilderOrganizationIds.forEach((id, i) => {
    if (seen.has(id))
      out.push(v(`coBuilderOrganizationIds.${i}`, 'DUPLICATE', '共建单位重复，或与依托单位相同'));
    else if (!p.allianceMemberIds.includes(id))
      out.push(v(`coBuilderOrganizationIds.${i}`, 'ALLIANCE_MEMBER', '共建单位应为联盟的现有成员单位'));
    seen.add(id);
  });
  return out;
}

/** The host unit's figures for one year (研发经费 in fen). */
export type PlatformReportFigures = {
  year: number;
  staff: number;
  rdSpendingFen: string;
  projects: number;
  papers: number;
  patents: number;
  standards: number;
  industryServices: number;
};

export const REPORT_COUNT_FIELDS = [
  'staff',
  'projects',
  'papers',
  'patents',
  'standards',
  'industryServices',
] as const;
export const REPORT_FIELD_LABELS: Record<
  (typeof REPORT_COUNT_FIELDS)[number] | 'rdSpendingFen' | 'year',
  string
> = {
  year: '报告年度',
  staff: '固定人员（人）',
  rdSpendingFen: '研发经费',
  projects: '承担项目（项）',
  papers: '发表论文（篇）',
  patents: '授权专利（件）',
  standards: '制定标准（项）',
  industryServices: '服务企业（次）',
};
const MAX_COUNT = 1_000_000;

/** The annual report's rules: a year from recognition to this year, counts and fen not negative. */
export function platformReportViolations(
  r: PlatformReportFigures,
  platform: { recognisedOn: string },
  today: string,
): FieldViolation[] {
  const out: FieldViolation[] = [];
  const first = Number(platform.recognisedOn.slice(0, 4));
  const last = Number(today.slice(0, 4));
  if (!Number.isInteger(r.year) || r.year < first || r.year > last)
    out.push(v('year', 'INTEGER_RANGE', `报告年度应在认定年度（${first}）至今年（${last}）之间`));
  for (const f of REPORT_COUNT_FIELDS) {
    const n = r[f];
    if (!Number.isInteger(n) || n < 0 || n > MAX_COUNT)
      out.push(v(f, 'INTEGER_RANGE', `${REPORT_FIELD_LABELS[f]}应为 0–${MAX_COUNT} 之间的整数`));
  }
  if (!isFen(r.rdSpendingFen)) out.push(v('rdSpendingFen', 'FEN', '研发经费应为不小于零的整数（分）'));
  return out;
}

/** The last day of the year's annual report (China calendar). */
export function reportDueOn(kind: PlatformKind, year: number): string {
  return `${year + 1}-${PLATFORM_KINDS[kind].reportDueMonthDay}`;
}

/** The first year a platform reports: the year it was recognised in. */
export function firstReportYear(recognisedOn: string): number {
  return Number(recognisedOn.slice(0, 4));
}

/** Whether the year's report is missing past its deadline on `today` (China calendar date). */
export function reportOverdue(kind: PlatformKind, year: number, filed: boolean, today: string): boolean {
  return !filed && today >= dayAfter(reportDueOn(kind, year));
}
