import { useMutation } from '@apollo/client/react';
import {
  checkCreditCode,
  findDivision,
  normalizeCreditCode,
  parseCreditCode,
  PROVINCE_CODE,
  type OrganizationType,
} from '@xiangmeng/domain';
import { Form, Input, Space, Tag, Typography } from 'antd';
import { FormModal } from '../../shared/form-modal';
import type { OrganizationFieldsFragment } from '../../gql/graphql';
import { OrganizationDetailFields } from './organization-detail-fields';
import { creditCodeRules, creditCodeTypeWarning } from './organization-rules';
import { AddOrganizationMutation } from './organizations.operations';

type AddOrganizationValues = {
  creditCode: string;
  name: string;
  type: OrganizationType;
  legalRepresentative: string;
  industryBackbone: boolean;
  backboneBasis: string;
};

/** What the user typed in the picker: a credit code goes to the code field, anything else to the name. */
export function organizationDraftFromSearch(search: string): Partial<AddOrganizationValues> {
  const text = search.trim();
  if (!text) return {};
  return /^[0-9A-Za-z]{8,18}$/.test(text) ? { creditCode: normalizeCreditCode(text) } : { name: text };
}

/** 新增单位: a new entry in the province-wide directory, its credit code checked as it is typed. */
export function AddOrganizationModal({
  open,
  initialValues,
  onClose,
  onCreated,
}: {
  open: boolean;
  initialValues?: Partial<AddOrganizationValues>;
  onClose: () => void;
  onCreated: (organization: OrganizationFieldsFragment) => void;
}) {
  const [form] = Form.useForm<AddOrganizationValues>();
  const [addOrganization, { loading }] = useMutation(AddOrganizationMutation);
  const creditCode = Form.useWatch('creditCode', form) ?? '';
  const industryBackbone = Form.useWatch('industryBackbone', form) ?? false;

  async function add(values: AddOrganizationValues) {
    const { data } = await addOrganization({
      variables: {
        input: {
          creditCode: normalizeCreditCode(values.creditCode),
          name: values.name.trim(),
          type: values.type,
          legalRepresentative: values.legalRepresentative.trim(),
          industryBackbone: values.industryBackbone,
          backboneBasis: values.industryBackbone ? (values.backboneBasis ?? '').trim() : '',
        },
      },
    });
    if (data) onCreated(data.addOrganization);
  }

  return (
    <FormModal<AddOrganizationValues>
      open={open}
      title="新增单位"
      okText="添加到名录"
      loading={loading}
      onCancel={onClose}
      form={form}
      name="add-organization"
      initialValues={{ industryBackbone: false, ...initialValues }}
      onSubmit={add}
      intro={
        <Typography.Paragraph type="secondary">
          单位名录全省共享，统一社会信用代码不可重复。请按营业执照或登记证书填写。
        </Typography.Paragraph>
      }
    >
      <Form.Item
        label="统一社会信用代码"
        name="creditCode"
        rules={[...creditCodeRules, creditCodeTypeWarning('type')]}
        dependencies={['type']}
        normalize={(value: string) => value.toUpperCase()}
        extra={<CreditCodeFacts creditCode={creditCode} />}
      >
        <Input count={{ show: true, max: 18 }} autoComplete="off" style={{ fontFamily: 'monospace' }} />
      </Form.Item>
      <OrganizationDetailFields industryBackbone={industryBackbone} />
    </FormModal>
  );
}

/** Where a valid code says the unit is registered; nothing while the code is incomplete or wrong. */
function CreditCodeFacts({ creditCode }: { creditCode: string }) {
  if (!creditCode.trim() || checkCreditCode(creditCode) !== null) {
    return '18 位，由数字和大写字母组成（不含 I、O、Z、S、V），末位为校验位';
  }
  const parts = parseCreditCode(creditCode);
  const cityCode = `${parts.divisionCode.slice(0, 4)}00`;
  const city = cityCode === PROVINCE_CODE ? undefined : findDivision(cityCode);
  return (
    <Space size={4} data-testid="credit-code-facts">
      <span>校验通过 · 登记地代码 {parts.divisionCode}</span>
      {parts.inHunan ? (
        <Tag color="green">{city ? `湖南省 · ${city.name}` : '湖南省内'}</Tag>
      ) : (
        <Tag color="orange">省外单位</Tag>
      )}
    </Space>
  );
}
