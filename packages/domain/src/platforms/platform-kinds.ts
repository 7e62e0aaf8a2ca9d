import { EvaluatedStanding, type EvaluationScheme } from './graded-evaluation.js';

// Innovation platforms (创新平台, Art. 15) as data: each kind names the levels it is recognised at,
// when its host unit's annual report is due, and the scheme its periodic evaluation uses (criteria
// and weights, grade bands, the rectification period). A new kind is a new entry here.

export { ART_15 } from '../programmes/programme-kinds.js';

export const PlatformKind = {
  KEY_LABORATORY: 'KEY_LABORATORY',
  ENGINEERING_RESEARCH_CENTRE: 'ENGINEERING_RESEARCH_CENTRE',
  ENTERPRISE_TECHNOLOGY_CENTRE: 'ENTERPRISE_TECHNOLOGY_CENTRE',
  INDUSTRY_INNOVATION_CENTRE: 'INDUSTRY_INNOVATION_CENTRE',
} as const;
export type PlatformKind = (typeof PlatformKind)[keyof typeof PlatformKind];

export const PlatformLevel = { NATIONAL: 'NATIONAL', PROVINCIAL: 'PROVINCIAL', CITY: 'CITY' } as const;
export type PlatformLevel = (typeof PlatformLevel)[keyof typeof PlatformLevel];

export const PLATFORM_LEVEL_LABELS: Record<PlatformLevel, string> = {
  NATIONAL: '国家级',
  PROVINCIAL: '省级',
  CITY: '市级',
};

/** The register's status: the evaluated standing, named for platforms. */
export const PlatformStatus = {
  RECOGNISED: 'RECOGNISED',
  RECTIFYING: 'RECTIFYING',
  REMOVED: 'REMOVED',
} as const;
export type PlatformStatus = (typeof PlatformStatus)[keyof typeof PlatformStatus];

export const PLATFORM_STATUS_LABELS: Record<PlatformStatus, string> = {
  RECOGNISED: '运行中',
  RECTIFYING: '整改中',
  REMOVED: '已撤销',
};

export const STANDING_OF_STATUS: Record<PlatformStatus, EvaluatedStanding> = {
  RECOGNISED: EvaluatedStanding.ACTIVE,
  RECTIFYING: EvaluatedStanding.RECTIFYING,
  REMOVED: EvaluatedStanding.REMOVED,
};
export const STATUS_OF_STANDING: Record<EvaluatedStanding, PlatformStatus> = {
  ACTIVE: 'RECOGNISED',
  RECTIFYING: 'RECTIFYING',
  REMOVED: 'REMOVED',
};

export type PlatformKindInfo = {
  label: string;
  levels: readonly PlatformLevel[];
  /** The annual report of year Y is due by this day (MM-DD) of year Y + 1, China time. */
  reportDueMonthDay: string;
  /** Years between periodic evaluations. */
  evaluationCycleYears: number;
  evaluation: EvaluationScheme;
};

const BANDS = [
  { grade: 'EXCELLENT', minTotal: 90 },
  { grade: 'PASS', minTotal: 70 },
  { grade: 'FAIL', minTotal: 0 },
] as const;

const RESEARCH_CRITERIA = [
  { key: 'researchOutput', label: '研究水平与贡献', weight: 30 },
  { key: 'teamBuilding', label: '队伍建设与人才培养', weight: 20 },
  { key: 'openSharing', label: '开放交流与运行管理', weight: 20 },
  { key: 'industryService', label: '服务产业与成果转化', weight: 30 },
] as const;

const ENGINEERING_CRITERIA = [
  { key: 'engineering', label: '工程化研究与验证能力', weight: 30 },
  { key: 'transfer', label: '成果转化与行业贡献', weight: 30 },
  { key: 'teamBuilding', label: '人才队伍与建设条件', weight: 20 },
  { key: 'management', label: '运行机制与开放服务', weight: 20 },
] as const;

const scheme = (criteria: EvaluationScheme['criteria']): EvaluationScheme => ({
  criteria,
  bands: BANDS,
  trimWhenAtLeast: 5,
  minSheets: 3,
  rectificationMonths: 12,
});

export const PLATFORM_KINDS: Record<PlatformKind, PlatformKindInfo> = {
  KEY_LABORATORY: {
    label: '重点实验室',
    levels: ['NATIONAL', 'PROVINCIAL', 'CITY'],
    reportDueMonthDay: '03-31',
    evaluationCycleYears: 5,
    evaluation: scheme(RESEARCH_CRITERIA),
  },
  ENGINEERING_RESEARCH_CENTRE: {
    label: '工程技术研究中心',
    levels: ['NATIONAL', 'PROVINCIAL', 'CITY'],
    reportDueMonthDay: '03-31',
    evaluationCycleYears: 3,
    evaluation: scheme(ENGINEERING_CRITERIA),
  },
  ENTERPRISE_TECHNOLOGY_CENTRE: {
    label: '企业技术中心',
    levels: ['NATIONAL', 'PROVINCIAL', 'CITY'],
    reportDueMonthDay: '04-30',
    evaluationCycleYears: 2,
    evaluation: scheme(ENGINEERING_CRITERIA),
  },
  INDUSTRY_INNOVATION_CENTRE: {
    label: '产业技术创新中心',
    levels: ['NATIONAL', 'PROVINCIAL'],
    reportDueMonthDay: '03-31',
    evaluationCycleYears: 3,
    evaluation: scheme(ENGINEERING_CRITERIA),
  },
};

export const PLATFORM_KIND_LABELS: Record<PlatformKind, string> = Object.fromEntries(
  Object.entries<PlatformKindInfo>(PLATFORM_KINDS).map(([k, info]) => [k, info.label]),
) as Record<PlatformKind, string>;

export const PLATFORM_KIND_LIST = Object.keys(PLATFORM_KINDS) as PlatformKind[];

export function platformKindOf(code: unknown): PlatformKind | null {
  return typeof code === 'string' && Object.hasOwn(PLATFORM_KINDS, code) ? (code as PlatformKind) : null;
}

/** The level a platform recognised by an authority of the tier stands at. */
export function platformLevelOfAuthority(level: 'PROVINCE' | 'CITY'): PlatformLevel {
  return level === 'PROVINCE' ? 'PROVINCIAL' : 'CITY';
}
