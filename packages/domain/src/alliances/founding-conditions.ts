import type { MeasuresParameters } from '../measures/measures-parameters.js';
import { GOVERNANCE_BODY_LABELS } from '../measures/measures-parameters.js';
import {
  agreementInEffect,
  type AgreementSnapshot,
  type AllianceSnapshot,
  currentMembers,
} from './alliance-snapshot.js';

// Art. 8: the six conditions an alliance must meet. Each result says whether it holds, why
// not (naming the member, the signature, the body), and the article it applies.

export const FOUNDING_CONDITIONS = [
  'MEMBERS',
  'AGREEMENT',
  'GOVERNANCE',
  'FUNDS',
  'INTERESTS',
  'OPENNESS',
] as const;
export type FoundingCondition = (typeof FOUNDING_CONDITIONS)[number];

export const FOUNDING_CONDITION_INFO: Record<FoundingCondition, { article: string; title: string }> = {
  MEMBERS: { article: '第八条第（一）项', title: '由企业、大学和科研机构等多个独立法人组成' },
  AGREEMENT: { article: '第八条第（二）项', title: '有成员单位法定代表人共同签署的联盟协议' },
  GOVERNANCE: { article: '第八条第（三）项', title: '设立决策、咨询和执行机构，明确对外承担责任的主体' },
  FUNDS: { article: '第八条第（四）项', title: '健全经费管理制度' },
  INTERESTS: { article: '第八条第（五）项', title: '建立利益保障机制（知识产权事先约定）' },
  OPENNESS: { article: '第八条第（六）项', title: '建立开放发展机制和成果扩散机制' },
};

export type ConditionReason = { code: string; message: string; organizationId?: string };

export type ConditionResult = {
  condition: FoundingCondition;
  article: string;
  title: string;
  holds: boolean;
  reasons: ConditionReason[];
  /**
   * The condition this one fails only because of: the funds, interests and openness clauses are
   * read from the agreement in effect, so with none in effect they point to AGREEMENT instead of
   * repeating its reason. Null when the condition fails (or holds) on its own.
   */
  dependsOn: FoundingCondition | null;
};

export type FoundingCheck = {
  asOf: string;
  allHold: boolean;
  agreementVersionInEffect: number | null;
  conditions: ConditionResult[];
  /** Failing conditions that others fail because of: shown once, first. */
  rootCauses: FoundingCondition[];
};

const filled = (text: string | null | undefined) => typeof text === 'string' && text.trim().length > 0;

function result(
  condition: FoundingCondition,
  reasons: ConditionReason[],
  dependsOn: FoundingCondition | null = null,
): ConditionResult {
  return {
    condition,
    ...FOUNDING_CONDITION_INFO[condition],
    holds: reasons.length === 0,
    reasons,
    dependsOn,
  };
}

function membersCondition(
  snapshot: AllianceSnapshot,
  p: MeasuresParameters,
  asOf: string,
): ConditionReason[] {
  const members = currentMembers(snapshot.members, asOf);
  const reasons: ConditionReason[] = [];
  if (members.length < p.founding.minMembers) {
    reasons.push({
      code: 'MEMBERS_TOO_FEW',
      message: `现有成员单位 ${members.length} 家，少于 ${p.founding.minMembers} 家`,
    });
  }
  for (const requirement of p.founding.memberTypeRequirements) {
    const count = members.filter((m) => requirement.types.includes(m.type)).length;
    if (count < requirement.min) {
      reasons.push({
        code: 'MEMBER_TYPE_MISSING',
        message: `${requirement.label}成员 ${count} 家，至少需要 ${requirement.min} 家`,
      });
    }
  }
  const enterprises = members.filter((m) => m.type === 'ENTERPRISE');
  switch (p.founding.backboneRule) {
    case 'AT_LEAST_ONE_ENTERPRISE':
      if (!enterprises.some((m) => m.industryBackbone)) {
        reasons.push({ code: 'NO_BACKBONE_ENTERPRISE', message: '没有处于行业骨干地位的企业成员' });
      }
      break;
    case 'ALL_ENTERPRISES':
      for (const m of enterprises.filter((e) => !e.industryBackbone)) {
        reasons.push({
          code: 'ENTERPRISE_NOT_BACKBONE',
          message: `${m.name} 未认定为行业骨干企业`,
          organizationId: m.organizationId,
        });
      }
      break;
    case 'NOT_REQUIRED':
      break;
  }
  return reasons;
}

function latestAgreement(snapshot: AllianceSnapshot): AgreementSnapshot | null {
  return snapshot.agreements.reduce<AgreementSnapshot | null>(
    (latest, a) => (latest === null || a.version > latest.version ? a : latest),
    null,
  );
}

function agreementCondition(
  snapshot: AllianceSnapshot,
  inEffect: AgreementSnapshot | null,
  asOf: string,
): ConditionReason[] {
  const members = currentMembers(snapshot.members, asOf);
  const latest = latestAgreement(snapshot);
  if (!latest) return [{ code: 'NO_AGREEMENT', message: '尚未录入联盟协议' }];
  const reasons: ConditionReason[] = [];
  if (!inEffect) {
    for (const m of members) {
      const signed = latest.signatures.some(
        (s) => s.organizationId === m.organizationId && s.signedOn <= asOf,
      );
      if (!signed) {
        reasons.push({
          code: 'SIGNATURE_MISSING',
          message: `${m.name} 的法定代表人尚未签署第 ${latest.version} 版联盟协议`,
          organizationId: m.organizationId,
        });
      }
    }
    if (reasons.length === 0) reasons.push({ code: 'NO_AGREEMENT_IN_EFFECT', message: '联盟协议尚未生效' });
    return reasons;
  }
  if (!filled(inEffect.innovationGoals)) {
    reasons.push({ code: 'GOALS_MISSING', message: `第 ${inEffect.version} 版联盟协议未写明技术创新目标` });
  }
  for (const m of members) {
    const task = inEffect.tasks.find((t) => t.organizationId === m.organizationId);
    if (!filled(task?.task)) {
      reasons.push({
        code: 'TASK_MISSING',
        message: `联盟协议未落实 ${m.name} 的任务分工`,
        organizationId: m.organizationId,
      });
    }
  }
  return reasons;
}

function governanceCondition(snapshot: AllianceSnapshot, p: MeasuresParameters): ConditionReason[] {
  const g = snapshot.governance;
  const reasons: ConditionReason[] = [];
  for (const kind of p.founding.requiredBodies) {
    if (!g.bodies.some((b) => b.kind === kind && filled(b.name))) {
      reasons.push({ code: 'BODY_MISSING', message: `未设立${GOVERNANCE_BODY_LABELS[kind]}` });
    }
  }
  if (p.founding.requireLiableEntity && !filled(g.liableEntity)) {
    reasons.push({ code: 'LIABLE_ENTITY_MISSING', message: '未明确联盟对外承担责任的主体' });
  }
  if (g.executiveFullTimeStaff < p.founding.minExecutiveFullTimeStaff) {
    reasons.push({
      code: 'FULL_TIME_STAFF_TOO_FEW',
      message: `执行机构专职人员 ${g.executiveFullTimeStaff} 人，少于 ${p.founding.minExecutiveFullTimeStaff} 人`,
    });
  }
  return reasons;
}

// The pointer a clause condition shows instead of repeating the agreement's own reasons.
const NO_AGREEMENT_IN_EFFECT: ConditionReason = {
  code: 'NO_AGREEMENT_IN_EFFECT',
  message: `联盟协议尚未生效，相关约定待协议生效后确认（原因见${FOUNDING_CONDITION_INFO.AGREEMENT.article}）`,
};

function clauseResult(
  condition: FoundingCondition,
  inEffect: AgreementSnapshot | null,
  reasons: ConditionReason[],
): ConditionResult {
  return result(condition, reasons, inEffect === null && reasons.length > 0 ? 'AGREEMENT' : null);
}

function agreementClauses(
  inEffect: AgreementSnapshot | null,
  required: boolean,
  clauses: (a: AgreementSnapshot) => [code: string, text: string, label: string][],
): ConditionReason[] {
  if (!required) return [];
  if (!inEffect) return [NO_AGREEMENT_IN_EFFECT];
  return clauses(inEffect)
    .filter(([, text]) => !filled(text))
    .map(([code, , label]) => ({ code, message: `第 ${inEffect.version} 版联盟协议未约定${label}` }));
}

/** Evaluates Art. 8 for an alliance on a date under the given measures' parameters. */
export function checkFoundingConditions(
  snapshot: AllianceSnapshot,
  parameters: MeasuresParameters,
  asOf: string,
): FoundingCheck {
  const inEffect = agreementInEffect(snapshot, asOf);
  const conditions = [
    result('MEMBERS', membersCondition(snapshot, parameters, asOf)),
    result('AGREEMENT', agreementCondition(snapshot, inEffect, asOf)),
    result('GOVERNANCE', governanceCondition(snapshot, parameters)),
    clauseResult(
      'FUNDS',
      inEffect,
      agreementClauses(inEffect, parameters.founding.requireFundRules, (a) => [
        ['FUND_RULES_MISSING', a.fundRules.management, '经费内部管理办法'],
        ['FUND_SUPERVISION_MISSING', a.fundRules.supervision, '经费使用的内部监督机制'],
      ]),
    ),
    clauseResult(
      'INTERESTS',
      inEffect,
      agreementClauses(inEffect, parameters.founding.requireIpTerms, (a) => [
        ['IP_OWNERSHIP_MISSING', a.ipTerms.ownership, '成果和知识产权的权利归属'],
        ['IP_LICENSING_MISSING', a.ipTerms.licensing, '许可使用办法'],
        ['IP_BENEFIT_SHARING_MISSING', a.ipTerms.benefitSharing, '转化收益分配办法'],
        ['BREACH_LIABILITY_MISSING', a.ipTerms.breachLiability, '违约责任'],
      ]),
    ),
    clauseResult(
      'OPENNESS',
      inEffect,
      agreementClauses(inEffect, parameters.founding.requireOpenness, (a) => [
        ['NEW_MEMBERS_RULE_MISSING', a.openness.newMembers, '吸收新成员的办法'],
        ['EXTERNAL_COOPERATION_MISSING', a.openness.externalCooperation, '与外部组织交流合作的办法'],
        ['RESULTS_DIFFUSION_MISSING', a.openness.resultsDiffusion, '成果扩散机制'],
      ]),
    ),
  ];
  const rootCauses = FOUNDING_CONDITIONS.filter((root) =>
    conditions.some((c) => !c.holds && c.dependsOn === root),
  );
  return {
    asOf,
    allHold: conditions.every((c) => c.holds),
    agreementVersionInEffect: inEffect?.version ?? null,
    conditions,
    rootCauses,
  };
}

/** What ordering and summarising failures need of a check (also the apps' query results). */
export type FoundingOutcome<C extends FoundingOutcomeCondition = FoundingOutcomeCondition> = {
  conditions: readonly C[];
  rootCauses: readonly FoundingCondition[];
};
export type FoundingOutcomeCondition = {
  condition: FoundingCondition;
  article: string;
  holds: boolean;
  dependsOn?: FoundingCondition | null;
};

/**
 * The failing conditions root cause first: those others depend on, then those failing on their
 * own, then those failing only because of a root cause (each pointing to it).
 */
export function failingConditionsRootFirst<C extends FoundingOutcomeCondition>(
  check: FoundingOutcome<C>,
): C[] {
  const failing = check.conditions.filter((c) => !c.holds);
  const rank = (c: C) => (check.rootCauses.includes(c.condition) ? 0 : c.dependsOn ? 2 : 1);
  return [...failing].sort((a, b) => rank(a) - rank(b));
}

/** One line for a refusal or a list: the root cause named once, the conditions depending on it after it. */
export function foundingFailureSummary(check: FoundingOutcome): string {
  const failing = failingConditionsRootFirst(check);
  const parts = failing
    .filter((c) => !c.dependsOn)
    .map((c) => (check.rootCauses.includes(c.condition) ? `${c.article}（根本原因）` : c.article));
  for (const root of check.rootCauses) {
    const dependents = failing.filter((c) => c.dependsOn === root);
    if (dependents.length) {
      parts.push(
        `${dependents.map((c) => c.article).join('、')}因${FOUNDING_CONDITION_INFO[root].article}未满足而无法满足`,
      );
    }
  }
  return parts.join('；');
}
