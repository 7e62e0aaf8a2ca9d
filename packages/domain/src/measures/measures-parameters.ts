import { fieldViolation, type FieldViolation } from '../errors/error-codes.js';
import {
  RISK_COMPENSATION_DEFAULTS,
  type RiskCompensationParameters,
  riskCompensationViolations,
} from '../finance/risk-compensation.js';
import { ORGANIZATION_TYPES, type OrganizationType } from '../organizations/organization-type.js';

// The parameters of a rule set (实施办法). The province's measures give every value; a city's
// local measures override some of them (Art. 21). One validator checks every version.

export type MemberTypeRequirement = {
  /** Any of these types counts towards `min`. */
  types: OrganizationType[];
  min: number;
  label: string;
};

export const BackboneRule = {
  ALL_ENTERPRISES: 'ALL_ENTERPRISES',
  AT_LEAST_ONE_ENTERPRISE: 'AT_LEAST_ONE_ENTERPRISE',
  NOT_REQUIRED: 'NOT_REQUIRED',
} as const;
export type BackboneRule = (typeof BackboneRule)[keyof typeof BackboneRule];

export const GovernanceBodyKind = {
  DECISION: 'DECISION',
  ADVISORY: 'ADVISORY',
  EXECUTIVE: 'EXECUTIVE',
} as const;
export type GovernanceBodyKind = (typeof GovernanceBodyKind)[keyof typeof GovernanceBodyKind];

export const GOVERNANCE_BODY_LABELS: Record<GovernanceBodyKind, string> = {
  DECISION: '决策机构（理事会）',
  ADVISORY: '咨询机构（专家委员会）',
  EXECUTIVE: '执行机构（秘书处）',
};

/** The eight criteria of Art. 11, in the article's order. */
export const REVIEW_CRITERIA = [
  'IMPORTANCE',
  'NECESSITY',
  'INNOVATION_GOALS',
  'IMPLEMENTATION_PLAN',
  'OPERATING_MECHANISM',
  'COMPREHENSIVE_STRENGTH',
  'BUDGET',
  'RESULTS_AND_BENEFITS',
] as const;
export type ReviewCriterionKey = (typeof REVIEW_CRITERIA)[number];

export const REVIEW_CRITERION_LABELS: Record<ReviewCriterionKey, string> = {
  IMPORTANCE: '重要性',
  NECESSITY: '必要性',
  INNOVATION_GOALS: '创新目标',
  IMPLEMENTATION_PLAN: '实施方案',
  OPERATING_MECHANISM: '运行机制',
  COMPREHENSIVE_STRENGTH: '综合实力',
  BUDGET: '经费预算',
  RESULTS_AND_BENEFITS: '成果与效益',
};

export type ReviewCriterion = { key: ReviewCriterionKey; weight: number };

export const AggregationRule = {
  /** Drop the highest and the lowest total when at least `trimWhenAtLeast` sheets are in. */
  TRIMMED_MEAN: 'TRIMMED_MEAN',
  /** Rescale each expert's scores to the panel's mean and spread before averaging. */
  NORMALISED_MEAN: 'NORMALISED_MEAN',
} as const;
export type AggregationRule = (typeof AggregationRule)[keyof typeof AggregationRule];

export type MeasuresParameters = {
  founding: {
    minMembers: number;
    memberTypeRequirements: MemberTypeRequirement[];
    backboneRule: BackboneRule;
    requiredBodies: GovernanceBodyKind[];
    requireLiableEntity: boolean;
    minExecutiveFullTimeStaff: number;
    requireFundRules: boolean;
    requireIpTerms: boolean;
    requireOpenness: boolean;
  };
  review: {
    /** Weights in percent; they add up to 100. Each criterion is scored 0–100. */
    criteria: ReviewCriterion[];
    passMark: number;
    expertsPerApplication: number;
    aggregation: AggregationRule;
    trimWhenAtLeast: number;
    maxReviewsPerExpertPerYear: number;
    /** 公示 before the decision; 0 when the measures ask for none. */
    publicNoticeDays: number;
  };
  /** Support programmes (Art. 14): programmes/programme-eligibility.ts reads these. */
  support: {
    /**
     * Support may be at most numerator/denominator of the alliance's verified prior investment
     * (Art. 14). Two integers rather than a decimal, so the ceiling is exact in integer fen.
     */
    matchRatio: { numerator: number; denominator: number };
  };
  ip: {
    /** Years a unit that broke IP terms may not take part in provincial plans (Art. 20(2)). */
    debarmentYears: number;
  };
  /** Filing with the province (备案, Art. 21): the defaults a filing round starts from. */
  filing: {
    /** Filings pass expert review before the decision. */
    reviewRequired: boolean;
    /** 公示 before filing; 0 when the round asks for none. */
    noticeDays: number;
    /** Years a filing stays valid before it must be renewed. */
    validityYears: number;
  };
  /** Risk compensation of loans to alliance enterprises (Art. 17): finance/risk-compensation.ts. */
  riskCompensation: RiskCompensationParameters;
};

/** What a city's local measures may override: any leaf; arrays are replaced whole. */
export type MeasuresOverrides = {
  [S in keyof MeasuresParameters]?: Partial<MeasuresParameters[S]>;
};

/**
 * Art. 21 says only that a city's significant pilots may be filed; how is the province's choice.
 * 备案 records rather than selects, so the formal check suffices unless a round asks for experts;
 * the filed list is publicised, and a filing is renewed every few years.
 */
export const FILING_DEFAULTS: MeasuresParameters['filing'] = {
  reviewRequired: false,
  noticeDays: 5,
  validityYears: 3,
};

/**
 * Art. 14 grants support "on the basis of the alliance's prior investment" without a ratio; the
 * province's default is support at most equal to the verified prior investment (1 : 1).
 */
export const SUPPORT_DEFAULTS: MeasuresParameters['support'] = {
  matchRatio: { numerator: 1, denominator: 1 },
};

/** Art. 20(2): a unit that breaks the IP terms may not take part in provincial plans for 5 years. */
export const IP_DEFAULTS: MeasuresParameters['ip'] = { debarmentYears: 5 };

/** The province's 2016 measures (湘科〔2016〕106号) as parameters. */
export const HUNAN_2016_PARAMETERS: MeasuresParameters = {
  founding: {
    minMembers: 3,
    memberTypeRequirements: [
      { types: ['ENTERPRISE'], min: 1, label: '企业' },
      { types: ['UNIVERSITY', 'RESEARCH_INSTITUTE'], min: 1, label: '大学或科研机构' },
    ],
    backboneRule: 'AT_LEAST_ONE_ENTERPRISE',
    requiredBodies: ['DECISION', 'ADVISORY', 'EXECUTIVE'],
    requireLiableEntity: true,
    minExecutiveFullTimeStaff: 1,
    requireFundRules: true,
    requireIpTerms: true,
    requireOpenness: true,
  },
  review: {
    criteria: [
      { key: 'IMPORTANCE', weight: 15 },
      { key: 'NECESSITY', weight: 15 },
      { key: 'INNOVATION_GOALS', weight: 15 },
      { key: 'IMPLEMENTATION_PLAN', weight: 15 },
      { key: 'OPERATING_MECHANISM', weight: 10 },
      { key: 'COMPREHENSIVE_STRENGTH', weight: 10 },
      { key: 'BUDGET', weight: 10 },
      { key: 'RESULTS_AND_BENEFITS', weight: 10 },
    ],
    passMark: 70,
    expertsPerApplication: 5,
    aggregation: 'TRIMMED_MEAN',
    trimWhenAtLeast: 5,
    maxReviewsPerExpertPerYear: 20,
    publicNoticeDays: 5,
  },
  support: SUPPORT_DEFAULTS,
  ip: IP_DEFAULTS,
  filing: FILING_DEFAULTS,
  riskCompensation: RISK_COMPENSATION_DEFAULTS,
};

export function resolveParameters(
  base: MeasuresParameters,
  overrides: MeasuresOverrides,
): MeasuresParameters {
  return {
    founding: { ...base.founding, ...overrides.founding },
    review: { ...base.review, ...overrides.review },
    // A version stored without a section (or a key of one) reads the section's defaults.
    support: { ...SUPPORT_DEFAULTS, ...base.support, ...overrides.support },
    ip: { ...IP_DEFAULTS, ...base.ip, ...overrides.ip },
    filing: { ...FILING_DEFAULTS, ...base.filing, ...overrides.filing },
    riskCompensation: {
      ...RISK_COMPENSATION_DEFAULTS,
      ...base.riskCompensation,
      ...overrides.riskCompensation,
    },
  };
}

function integerIn(
  violations: FieldViolation[],
  field: string,
  value: unknown,
  min: number,
  max: number,
): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    violations.push({ ...fieldViolation(field, 'INTEGER_RANGE'), message: `应为 ${min}–${max} 之间的整数` });
  }
}

function isBoolean(violations: FieldViolation[], field: string, value: unknown): void {
  if (typeof value !== 'boolean')
    violations.push({ ...fieldViolation(field, 'BOOLEAN'), message: '应为是或否' });
}

function oneOf(
  violations: FieldViolation[],
  field: string,
  value: unknown,
  allowed: readonly string[],
): void {
  if (typeof value !== 'string' || !allowed.includes(value)) {
    violations.push({ ...fieldViolation(field, 'ONE_OF'), message: `应为 ${allowed.join('、')} 之一` });
  }
}

/** Every rule a version of the measures must satisfy; empty when it is valid. */
export function validateMeasuresParameters(p: MeasuresParameters): FieldViolation[] {
  const v: FieldViolation[] = [];
  const f = p.founding;
  integerIn(v, 'founding.minMembers', f.minMembers, 2, 200);
  if (!Array.isArray(f.memberTypeRequirements)) {
    v.push({ ...fieldViolation('founding.memberTypeRequirements', 'LIST'), message: '应为列表' });
  } else {
    f.memberTypeRequirements.forEach((r, i) => {
      const at = `founding.memberTypeRequirements.${i}`;
      integerIn(v, `${at}.min`, r.min, 1, 200);
      if (!Array.isArray(r.types) || r.types.length === 0) {
        v.push({ ...fieldViolation(`${at}.types`, 'NON_EMPTY'), message: '至少选择一种单位类型' });
      } else {
        r.types.forEach((t, j) => oneOf(v, `${at}.types.${j}`, t, ORGANIZATION_TYPES));
      }
      if (typeof r.label !== 'string' || r.label.trim() === '') {
        v.push({ ...fieldViolation(`${at}.label`, 'NON_EMPTY'), message: '请填写名称' });
      }
    });
    const required = f.memberTypeRequirements.reduce(
      (sum, r) => sum + (typeof r.min === 'number' ? r.min : 0),
      0,
    );
    if (typeof f.minMembers === 'number' && required > f.minMembers) {
      v.push({
        ...fieldViolation('founding.minMembers', 'BELOW_TYPE_REQUIREMENTS'),
        message: `不能少于各类成员要求之和（${required}）`,
      });
    }
  }
  oneOf(v, 'founding.backboneRule', f.backboneRule, Object.values(BackboneRule));
  if (!Array.isArray(f.requiredBodies)) {
    v.push({ ...fieldViolation('founding.requiredBodies', 'LIST'), message: '应为列表' });
  } else {
    f.requiredBodies.forEach((b, i) =>
      oneOf(v, `founding.requiredBodies.${i}`, b, Object.values(GovernanceBodyKind)),
    );
  }
  isBoolean(v, 'founding.requireLiableEntity', f.requireLiableEntity);
  integerIn(v, 'founding.minExecutiveFullTimeStaff', f.minExecutiveFullTimeStaff, 0, 1000);
  isBoolean(v, 'founding.requireFundRules', f.requireFundRules);
  isBoolean(v, 'founding.requireIpTerms', f.requireIpTerms);
  isBoolean(v, 'founding.requireOpenness', f.requireOpenness);

  const r = p.review;
  if (!Array.isArray(r.criteria)) {
    v.push({ ...fieldViolation('review.criteria', 'LIST'), message: '应为列表' });
  } else {
    const keys = r.criteria.map((c) => c.key);
    if (keys.length !== REVIEW_CRITERIA.length || REVIEW_CRITERIA.some((k) => !keys.includes(k))) {
      v.push({
        ...fieldViolation('review.criteria', 'ART_11_CRITERIA'),
        message: '评审指标应恰为第十一条的八项',
      });
    }
    r.criteria.forEach((c, i) => integerIn(v, `review.criteria.${i}.weight`, c.weight, 0, 100));
    const total = r.criteria.reduce((sum, c) => sum + (typeof c.weight === 'number' ? c.weight : 0), 0);
    if (total !== 100) {
      v.push({
        ...fieldViolation('review.criteria', 'WEIGHTS_SUM_100'),
        message: `权重之和应为 100（现为 ${total}）`,
      });
    }
  }
  integerIn(v, 'review.passMark', r.passMark, 0, 100);
  integerIn(v, 'review.expertsPerApplication', r.expertsPerApplication, 3, 25);
  oneOf(v, 'review.aggregation', r.aggregation, Object.values(AggregationRule));
  integerIn(v, 'review.trimWhenAtLeast', r.trimWhenAtLeast, 3, 25);
  integerIn(v, 'review.maxReviewsPerExpertPerYear', r.maxReviewsPerExpertPerYear, 1, 500);
  integerIn(v, 'review.publicNoticeDays', r.publicNoticeDays, 0, 60);

  const support: Partial<MeasuresParameters['support']> = p.support ?? {};
  integerIn(v, 'support.matchRatio.numerator', support.matchRatio?.numerator, 0, 100);
  integerIn(v, 'support.matchRatio.denominator', support.matchRatio?.denominator, 1, 100);
  const ip: Partial<MeasuresParameters['ip']> = p.ip ?? {};
  integerIn(v, 'ip.debarmentYears', ip.debarmentYears, 0, 20);

  // A version without the section is refused field by field, not with a TypeError.
  const filing: Partial<MeasuresParameters['filing']> = p.filing ?? {};
  isBoolean(v, 'filing.reviewRequired', filing.reviewRequired);
  integerIn(v, 'filing.noticeDays', filing.noticeDays, 0, 60);
  integerIn(v, 'filing.validityYears', filing.validityYears, 1, 10);
  v.push(...riskCompensationViolations(p.riskCompensation ?? {}));
  return v;
}

/** Overrides may only name parameters that exist; anything else is a typo that would be ignored. */
export function checkOverridesShape(overrides: unknown): FieldViolation[] {
  if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) {
    return [{ ...fieldViolation('parameters', 'OBJECT'), message: '参数应为对象' }];
  }
  const violations: FieldViolation[] = [];
  for (const [section, values] of Object.entries(overrides)) {
    const known = (HUNAN_2016_PARAMETERS as Record<string, object | undefined>)[section];
    if (!known) {
      violations.push({
        ...fieldViolation(`parameters.${section}`, 'UNKNOWN_PARAMETER'),
        message: '没有这一类参数',
      });
      continue;
    }
    if (typeof values !== 'object' || values === null || Array.isArray(values)) {
      violations.push({ ...fieldViolation(`parameters.${section}`, 'OBJECT'), message: '参数应为对象' });
      continue;
    }
    for (const key of Object.keys(values as object)) {
      if (!(key in known)) {
        violations.push({
          ...fieldViolation(`parameters.${section}.${key}`, 'UNKNOWN_PARAMETER'),
          message: '没有这一参数',
        });
      }
    }
  }
  return violations;
}
