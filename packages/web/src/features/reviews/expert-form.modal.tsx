import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Role } from '@xiangmeng/domain';
import { Button, Flex, Form, Input, Radio, Select, Switch, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useIsAdmin } from '../auth/require-viewer.guard';
import { SignInTenantsQuery } from '../auth/viewer.operations';
import { toApiError } from '../../shared/api-error';
import type { ExpertFieldsFragment } from '../../gql/graphql';
import { OrganizationPicker } from '../organizations/organization-picker';
import { FormModal } from '../../shared/form-modal';
import { IndustryTreeSelect } from '../industries/industry-tree-select';
import { placeViolations } from '../../shared/form-violations';
import {
  CreateExpertMutation,
  ExpertAccountsQuery,
  ExpertsQuery,
  UpdateExpertMutation,
} from './reviews.operations';

export type TieKind = 'ORGANIZATION' | 'BUREAU';

type AffiliationRow = {
  kind: TieKind;
  organizationId?: string;
  bureauTenantId?: string;
  position?: string;
  /** the name of an organization the expert already works for (kept as it is) */
  label?: string;
};

type ExpertValues = {
  name: string;
  title: string;
  domainCodes: (string | undefined)[];
  affiliations: AffiliationRow[];
  available: boolean;
  unavailableReason?: string;
  accountUserId?: string;
};

const PLACED_FIELDS = ['name', 'title', 'domainCodes', 'unavailableReason', 'accountUserId'] as const;

function initialValues(expert: ExpertFieldsFragment | null, accountUserId: string | undefined): ExpertValues {
  if (!expert) {
    return { name: '', title: '', domainCodes: [undefined], affiliations: [], available: true };
  }
  return {
    name: expert.name,
    title: expert.title,
    domainCodes: expert.domains.map((d) => d.code),
    affiliations: expert.affiliations.map((a) =>
      a.bureau
        ? { kind: 'BUREAU', bureauTenantId: a.bureau.id, position: a.position ?? '' }
        : {
            kind: 'ORGANIZATION',
            organizationId: a.organization?.id,
            position: a.position ?? '',
            label: a.label,
          },
    ),
    available: expert.available,
    unavailableReason: expert.unavailableReason,
    accountUserId,
  };
}

/** The province and the 14 city bureaus, as choices for an affiliation or a declared conflict. */
export function useBureauOptions(): { value: string; label: string }[] {
  const { data } = useQuery(SignInTenantsQuery);
  return (data?.signInTenants ?? []).map((t) => ({ value: t.id, label: t.bureauName }));
}

/** 新增专家 / 编辑专家: person, title, domains, affiliations, availability and the linked EXPERT account. */
export function ExpertFormModal({
  expert,
  open,
  onClose,
}: {
  /** null: a new expert */
  expert: ExpertFieldsFragment | null;
  open: boolean;
  onClose: () => void;
}) {
  const isAdmin = useIsAdmin();
  const client = useApolloClient();
  const [form] = Form.useForm<ExpertValues>();
  // The version the form was filled from; a reload after a refused stale save moves it on.
  const [base, setBase] = useState(expert);
  const bureaus = useBureauOptions();
  // Only admins may list the tier's accounts (the API's users query).
  const accounts = useQuery(ExpertAccountsQuery, { skip: !isAdmin });
  const [createExpert, creating] = useMutation(CreateExpertMutation, { refetchQueries: 'active' });
  const [updateExpert, updating] = useMutation(UpdateExpertMutation);
  const available = Form.useWatch('available', form) ?? true;

  // Accounts another expert of the pool already signs in with are not offered.
  const pool = useQuery(ExpertsQuery, { fetchPolicy: 'cache-first' });
  const linkedElsewhere = new Set(
    (pool.data?.experts ?? []).filter((e) => e.id !== expert?.id).flatMap((e) => e.accountUsername ?? []),
  );
  const expertAccounts = (accounts.data?.users ?? []).filter(
    (u) => u.roles.includes(Role.EXPERT) && !u.disabled && !linkedElsewhere.has(u.username),
  );
  const currentAccountId = expert?.accountUserId ?? undefined;
  const okButtonProps: ButtonProps & { 'data-testid': string } = { 'data-testid': 'expert-save' };

  async function save(values: ExpertValues) {
    const input = {
      name: values.name.trim(),
      title: values.title.trim(),
      domainCodes: values.domainCodes.filter((code): code is string => Boolean(code)),
      affiliations: values.affiliations.map((a) => ({
        organizationId: a.kind === 'ORGANIZATION' ? (a.organizationId ?? null) : null,
        bureauTenantId: a.kind === 'BUREAU' ? (a.bureauTenantId ?? null) : null,
        position: (a.position ?? '').trim(),
      })),
      available: values.available,
      unavailableReason: values.available ? '' : (values.unavailableReason ?? '').trim(),
      accountUserId: values.accountUserId ?? null,
    };
    if (base) {
      await updateExpert({
        variables: { input: { id: base.id, version: base.version, expert: input } },
      });
    } else {
      await createExpert({ variables: { input } });
    }
    onClose();
  }

  async function reload() {
    if (!base) return;
    const { data } = await client.query({ query: ExpertsQuery, fetchPolicy: 'network-only' });
    const stored = data?.experts.find((e) => e.id === base.id);
    if (!stored) return;
    setBase(stored);
    form.setFieldsValue(initialValues(stored, stored.accountUserId ?? undefined));
  }

  return (
    <FormModal<ExpertValues>
      open={open}
      title={expert ? `编辑专家 · ${expert.name}` : '新增专家'}
      okText="保存"
      okButtonProps={okButtonProps}
      loading={creating.loading || updating.loading}
      onCancel={onClose}
      width={720}
      form={form}
      initialValues={initialValues(expert, currentAccountId)}
      onReload={expert ? reload : undefined}
      onSubmit={save}
      placeError={(form, error) => placeViolations(form, error, PLACED_FIELDS)}
    >
      <Flex gap={16}>
        <Form.Item
          name="name"
          label="姓名"
          style={{ flex: 1 }}
          rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}
        >
          <Input count={{ show: true, max: 40 }} data-testid="expert-name" />
        </Form.Item>
        <Form.Item
          name="title"
          label="职称"
          style={{ flex: 1 }}
          rules={[{ required: true, whitespace: true, message: '请输入职称' }]}
        >
          <Input
            count={{ show: true, max: 60 }}
            placeholder="如：教授、正高级工程师"
            data-testid="expert-title"
          />
        </Form.Item>
      </Flex>
      <Form.List
        name="domainCodes"
        rules={[
          {
            validator: (_rule, codes: (string | undefined)[] | undefined) =>
              (codes ?? []).some(Boolean)
                ? Promise.resolve()
                : Promise.reject(new Error('请至少选择一个评审领域')),
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <Form.Item label="评审领域（产业分类）" required>
            <Flex vertical gap={8}>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="center">
                  <Form.Item name={field.name} noStyle>
                    <IndustryTreeSelect style={{ flex: 1, minWidth: 320 }} />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    aria-label="删除领域"
                    onClick={() => remove(field.name)}
                  />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(undefined)}>
                添加领域
              </Button>
              <Form.ErrorList errors={errors} />
            </Flex>
          </Form.Item>
        )}
      </Form.List>
      <Form.List name="affiliations">
        {(fields, { add, remove }) => (
          <Form.Item
            label="任职单位"
            tooltip="专家任职的单位或科技局；与申报联盟成员或推荐单位有关的专家不会被指派"
          >
            <Flex vertical gap={8}>
              {fields.map((field) => (
                <AffiliationRowFields
                  key={field.key}
                  name={field.name}
                  bureaus={bureaus}
                  onRemove={() => remove(field.name)}
                />
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ kind: 'ORGANIZATION', position: '' } satisfies AffiliationRow)}
              >
                添加任职单位
              </Button>
            </Flex>
          </Form.Item>
        )}
      </Form.List>
      <Flex gap={16} align="flex-start">
        <Form.Item name="available" label="可参加评审" valuePropName="checked">
          <Switch checkedChildren="可用" unCheckedChildren="暂不可用" />
        </Form.Item>
        {!available && (
          <Form.Item
            name="unavailableReason"
            label="暂不可用的原因"
            style={{ flex: 1 }}
            rules={[{ required: true, whitespace: true, message: '暂不可用时请说明原因' }]}
          >
            <Input count={{ show: true, max: 200 }} placeholder="如：出国访学至 2026 年 6 月" />
          </Form.Item>
        )}
      </Flex>
      {isAdmin ? (
        <Form.Item
          name="accountUserId"
          label="登录账号"
          extra="本单位具有“评审专家”角色的账号；关联后专家登录即可看到指派给本人的评审任务"
        >
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="不关联"
            loading={accounts.loading}
            options={expertAccounts.map((u) => ({
              value: u.id,
              label: `${u.displayName}（${u.username}）`,
            }))}
            notFoundContent={
              accounts.error
                ? toApiError(accounts.error).message
                : '本单位没有未关联的评审专家账号，请先在用户管理中创建'
            }
          />
        </Form.Item>
      ) : (
        <Form.Item label="登录账号">
          <Typography.Text type="secondary">
            {expert?.accountUsername ?? '未关联'}（登录账号由本单位管理员关联）
          </Typography.Text>
          {/* Saving carries the admin's link back unchanged. */}
          <Form.Item name="accountUserId" hidden noStyle>
            <Input />
          </Form.Item>
        </Form.Item>
      )}
    </FormModal>
  );
}

function AffiliationRowFields({
  name,
  bureaus,
  onRemove,
}: {
  name: number;
  bureaus: { value: string; label: string }[];
  onRemove: () => void;
}) {
  const form = Form.useFormInstance<ExpertValues>();
  const kind = Form.useWatch<TieKind | undefined>(['affiliations', name, 'kind'], form);
  const label = Form.useWatch<string | undefined>(['affiliations', name, 'label'], form);
  return (
    <Flex gap={8} align="flex-start" wrap>
      <Form.Item name={[name, 'label']} hidden>
        <Input />
      </Form.Item>
      <Form.Item name={[name, 'kind']} noStyle>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'ORGANIZATION', label: '单位', disabled: Boolean(label) },
            { value: 'BUREAU', label: '科技局', disabled: Boolean(label) },
          ]}
        />
      </Form.Item>
      {kind === 'BUREAU' ? (
        <Form.Item
          name={[name, 'bureauTenantId']}
          style={{ margin: 0, flex: 1, minWidth: 220 }}
          rules={[{ required: true, message: '请选择科技局' }]}
        >
          <Select placeholder="选择科技局" options={bureaus} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
      ) : label ? (
        // An organization already on record stays as it is; remove the row to change it.
        <Typography.Text style={{ flex: 1, minWidth: 220, lineHeight: '32px' }}>
          {label}
          <Form.Item name={[name, 'organizationId']} hidden>
            <Input />
          </Form.Item>
        </Typography.Text>
      ) : (
        <Form.Item
          name={[name, 'organizationId']}
          style={{ margin: 0, flex: 1, minWidth: 220 }}
          rules={[{ required: true, message: '请选择单位' }]}
        >
          <OrganizationPicker />
        </Form.Item>
      )}
      <Form.Item name={[name, 'position']} style={{ margin: 0, width: 160 }}>
        <Input count={{ show: true, max: 60 }} placeholder="职务（可不填）" />
      </Form.Item>
      <Button type="text" icon={<DeleteOutlined />} aria-label="删除任职单位" onClick={onRemove} />
    </Flex>
  );
}
