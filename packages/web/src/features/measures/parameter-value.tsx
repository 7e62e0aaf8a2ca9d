import {
  formatYuan,
  GOVERNANCE_BODY_LABELS,
  ORGANIZATION_TYPE_LABELS,
  REVIEW_CRITERION_LABELS,
  type MeasuresParameters,
  type MemberTypeRequirement,
} from '@xiangmeng/domain';
import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { AGGREGATION_RULE_LABELS, BACKBONE_RULE_LABELS, type ParameterPath } from '@xiangmeng/domain';

/** One parameter of a version, as the measures would say it in Chinese. */
export function ParameterValue({
  path,
  parameters,
}: {
  path: ParameterPath;
  parameters: MeasuresParameters;
}) {
  return <>{describeParameter(path, parameters)}</>;
}

function describeParameter(path: ParameterPath, p: MeasuresParameters): ReactNode {
  switch (path) {
    case 'founding.minMembers':
      return `${p.founding.minMembers} 家`;
    case 'founding.memberTypeRequirements':
      return p.founding.memberTypeRequirements.length === 0 ? (
        '不作要求'
      ) : (
        <Flex vertical gap={2}>
          {p.founding.memberTypeRequirements.map((r, i) => (
            <span key={i}>{describeRequirement(r)}</span>
          ))}
        </Flex>
      );
    case 'founding.backboneRule':
      return BACKBONE_RULE_LABELS[p.founding.backboneRule];
    case 'founding.requiredBodies':
      return p.founding.requiredBodies.length === 0
        ? '不作要求'
        : p.founding.requiredBodies.map((b) => GOVERNANCE_BODY_LABELS[b]).join('、');
    case 'founding.requireLiableEntity':
      return required(p.founding.requireLiableEntity, '须明确对外承担责任的主体');
    case 'founding.minExecutiveFullTimeStaff':
      return `执行机构专职人员不少于 ${p.founding.minExecutiveFullTimeStaff} 人`;
    case 'founding.requireFundRules':
      return required(p.founding.requireFundRules, '须建立经费管理制度和内部监督');
    case 'founding.requireIpTerms':
      return required(p.founding.requireIpTerms, '须事先约定知识产权归属、许可、收益分配和违约责任');
    case 'founding.requireOpenness':
      return required(p.founding.requireOpenness, '须有吸纳新成员、对外合作和成果扩散机制');
    case 'review.criteria': {
      const total = p.review.criteria.reduce((sum, c) => sum + c.weight, 0);
      return (
        <Flex wrap gap="2px 16px">
          {p.review.criteria.map((c) => (
            <span key={c.key}>
              {REVIEW_CRITERION_LABELS[c.key]} {c.weight}%
            </span>
          ))}
          <Typography.Text type="secondary">合计 {total}%</Typography.Text>
        </Flex>
      );
    }
    case 'review.passMark':
      return `${p.review.passMark} 分`;
    case 'review.expertsPerApplication':
      return `${p.review.expertsPerApplication} 名`;
    case 'review.aggregation':
      return AGGREGATION_RULE_LABELS[p.review.aggregation];
    case 'review.trimWhenAtLeast':
      return `${p.review.trimWhenAtLeast} 份`;
    case 'review.maxReviewsPerExpertPerYear':
      return `每年 ${p.review.maxReviewsPerExpertPerYear} 项`;
    case 'review.publicNoticeDays':
      return p.review.publicNoticeDays === 0 ? '不公示' : `${p.review.publicNoticeDays} 天`;
    case 'support.matchRatio':
      return `${p.support.matchRatio.numerator} : ${p.support.matchRatio.denominator}（支持额 : 先行投入）`;
    case 'ip.debarmentYears':
      return `${p.ip.debarmentYears} 年`;
    case 'filing.reviewRequired':
      return p.filing.reviewRequired ? '备案须经专家评审' : '不作要求';
    case 'filing.noticeDays':
      return p.filing.noticeDays === 0 ? '不公示' : `${p.filing.noticeDays} 天`;
    case 'filing.validityYears':
      return `${p.filing.validityYears} 年`;
    case 'riskCompensation.share':
      return `本金损失的 ${p.riskCompensation.share.numerator}/${p.riskCompensation.share.denominator}`;
    case 'riskCompensation.perBankYearlyCeilingFen':
      return `每家银行每年 ${formatYuan(p.riskCompensation.perBankYearlyCeilingFen)}`;
    case 'riskCompensation.filingWindowDays':
      return `放款后 ${p.riskCompensation.filingWindowDays} 天内备案`;
  }
}

function describeRequirement(r: MemberTypeRequirement): string {
  const types = r.types.map((t) => ORGANIZATION_TYPE_LABELS[t]).join('或');
  // "企业不少于 1 家", not "企业（企业）不少于 1 家", when the name says the types already.
  return `${r.label === types ? r.label : `${r.label}（${types}）`}不少于 ${r.min} 家`;
}

function required(value: boolean, what: string): string {
  return value ? what : '不作要求';
}
