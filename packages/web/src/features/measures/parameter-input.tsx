import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  AggregationRule,
  BackboneRule,
  GOVERNANCE_BODY_LABELS,
  GovernanceBodyKind,
  ORGANIZATION_TYPE_LABELS,
  ORGANIZATION_TYPES,
  REVIEW_CRITERION_LABELS,
  type MeasuresParameters,
  type MemberTypeRequirement,
} from '@xiangmeng/domain';
import { Button, Checkbox, Flex, Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import {
  AGGREGATION_RULE_LABELS,
  BACKBONE_RULE_LABELS,
  PARAMETER_LABELS,
  type ParameterPath,
} from '@xiangmeng/domain';
import { splitPath } from './measures-parameter-paths';

const YES_NO = [
  { label: '要求', value: true },
  { label: '不作要求', value: false },
];
const BACKBONE_OPTIONS = Object.values(BackboneRule).map((value) => ({
  value,
  label: BACKBONE_RULE_LABELS[value],
}));
const AGGREGATION_OPTIONS = Object.values(AggregationRule).map((value) => ({
  value,
  label: AGGREGATION_RULE_LABELS[value],
}));
const BODY_OPTIONS = Object.values(GovernanceBodyKind).map((value) => ({
  value,
  label: GOVERNANCE_BODY_LABELS[value],
}));
const TYPE_OPTIONS = ORGANIZATION_TYPES.map((value) => ({ value, label: ORGANIZATION_TYPE_LABELS[value] }));
const NEW_REQUIREMENT: MemberTypeRequirement = { types: [], min: 1, label: '' };

/**
 * The control(s) editing one parameter, bound to `parameters.<section>.<key>` of the form.
 * Out-of-range input is kept as typed (no clamping), so the validator can name it.
 */
export function ParameterInput({
  path,
  parameters,
}: {
  path: ParameterPath;
  parameters: MeasuresParameters;
}) {
  const name = ['parameters', ...splitPath(path)];
  const label = PARAMETER_LABELS[path];
  const number = (suffix: string) => (
    <Form.Item noStyle name={name}>
      <InputNumber aria-label={label} suffix={suffix} style={{ width: 160 }} />
    </Form.Item>
  );
  const choice = (options: { label: string; value: string | boolean }[]) => (
    <Form.Item noStyle name={name}>
      <Radio.Group aria-label={label} options={options} />
    </Form.Item>
  );

  switch (path) {
    case 'founding.minMembers':
      return number('家');
    case 'founding.memberTypeRequirements':
      return <MemberTypeRequirementsInput name={name} />;
    case 'founding.backboneRule':
      return choice(BACKBONE_OPTIONS);
    case 'founding.requiredBodies':
      return (
        <Form.Item noStyle name={name}>
          <Checkbox.Group aria-label={label} options={BODY_OPTIONS} />
        </Form.Item>
      );
    case 'founding.requireLiableEntity':
    case 'founding.requireFundRules':
    case 'founding.requireIpTerms':
    case 'founding.requireOpenness':
      return choice(YES_NO);
    case 'founding.minExecutiveFullTimeStaff':
      return number('人');
    case 'review.criteria':
      return <CriteriaInput name={name} parameters={parameters} />;
    case 'review.passMark':
      return number('分');
    case 'review.expertsPerApplication':
      return number('名');
    case 'review.aggregation':
      return choice(AGGREGATION_OPTIONS);
    case 'review.trimWhenAtLeast':
      return number('份');
    case 'review.maxReviewsPerExpertPerYear':
      return number('项/年');
    case 'review.publicNoticeDays':
      return number('天');
    case 'support.matchRatio':
      return (
        <Flex align="center" gap={8} wrap>
          <span>支持额</span>
          <Form.Item noStyle name={[...name, 'numerator']}>
            <InputNumber aria-label="支持额" style={{ width: 90 }} />
          </Form.Item>
          <span>:</span>
          <Form.Item noStyle name={[...name, 'denominator']}>
            <InputNumber aria-label="先行投入" style={{ width: 90 }} />
          </Form.Item>
          <span>先行投入</span>
        </Flex>
      );
    case 'ip.debarmentYears':
      return number('年');
    case 'filing.reviewRequired':
      return choice(YES_NO);
    case 'filing.noticeDays':
      return number('天');
    case 'filing.validityYears':
      return number('年');
    case 'riskCompensation.share':
      return (
        <Flex align="center" gap={8} wrap>
          <span>本金损失的</span>
          <Form.Item noStyle name={[...name, 'numerator']}>
            <InputNumber aria-label="补偿比例分子" style={{ width: 90 }} />
          </Form.Item>
          <span>/</span>
          <Form.Item noStyle name={[...name, 'denominator']}>
            <InputNumber aria-label="补偿比例分母" style={{ width: 90 }} />
          </Form.Item>
        </Flex>
      );
    case 'riskCompensation.perBankYearlyCeilingFen':
      // Whole fen as text: an exact integer however large, never a float.
      return (
        <Form.Item noStyle name={name}>
          <Input aria-label={label} suffix="分" style={{ width: 220 }} />
        </Form.Item>
      );
    case 'riskCompensation.filingWindowDays':
      return number('天');
  }
}

function MemberTypeRequirementsInput({ name }: { name: string[] }) {
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <Flex vertical gap={8}>
          {fields.map((field) => (
            <Flex key={field.key} gap={8} align="center" wrap>
              <Form.Item noStyle name={[field.name, 'label']}>
                <Input
                  aria-label={`第 ${field.name + 1} 类名称`}
                  placeholder="类别名称，如：企业"
                  style={{ width: 180 }}
                />
              </Form.Item>
              <Form.Item noStyle name={[field.name, 'types']}>
                <Select
                  mode="multiple"
                  aria-label={`第 ${field.name + 1} 类单位类型`}
                  placeholder="计入的单位类型"
                  options={TYPE_OPTIONS}
                  style={{ width: 300 }}
                />
              </Form.Item>
              <Form.Item noStyle name={[field.name, 'min']}>
                <InputNumber
                  aria-label={`第 ${field.name + 1} 类最少家数`}
                  prefix="不少于"
                  suffix="家"
                  style={{ width: 150 }}
                />
              </Form.Item>
              <Button
                type="text"
                aria-label={`删除第 ${field.name + 1} 类`}
                icon={<MinusCircleOutlined />}
                onClick={() => remove(field.name)}
              />
            </Flex>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add({ ...NEW_REQUIREMENT, types: [] })}
            style={{ alignSelf: 'start' }}
          >
            添加一类成员要求
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}

// The eight criteria are fixed by Art. 11; only their weights are edited.
function CriteriaInput({ name, parameters }: { name: string[]; parameters: MeasuresParameters }) {
  const criteria = parameters.review.criteria;
  const total = criteria.reduce((sum, c) => sum + (typeof c.weight === 'number' ? c.weight : 0), 0);
  return (
    <Form.List name={name}>
      {(fields) => (
        <Flex vertical gap={8}>
          <Flex wrap gap="8px 16px">
            {fields.map((field) => {
              const key = criteria[field.name]?.key;
              const label = key ? REVIEW_CRITERION_LABELS[key] : `第 ${field.name + 1} 项`;
              return (
                <Flex key={field.key} align="center" gap={8} style={{ width: 200 }}>
                  <span style={{ width: 72 }}>{label}</span>
                  <Form.Item noStyle name={[field.name, 'weight']}>
                    <InputNumber aria-label={`${label}权重`} suffix="%" style={{ width: 110 }} />
                  </Form.Item>
                </Flex>
              );
            })}
          </Flex>
          <Typography.Text type="secondary" data-testid="criteria-weight-total">
            权重合计 {total}%
          </Typography.Text>
        </Flex>
      )}
    </Form.List>
  );
}
