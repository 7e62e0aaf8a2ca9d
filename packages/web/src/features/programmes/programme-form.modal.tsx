import { useApolloClient, useMutation } from '@apollo/client/react';
import { App, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import type { ProgrammeDefaultsQuery, ProgrammeFieldsFragment, ProgrammeInput } from '../../gql/graphql';
import { todayInChina } from '../../shared/calendar-dates';
import { FormModal } from '../../shared/form-modal';
import { showViolationsOnForm } from '../../shared/form-violations';
import { fenToYuan, isYuanAmount, yuanToFen } from '../../shared/format';
import { YuanInput } from '../../shared/yuan-input';
import { CreateProgrammeMutation, ProgrammesQuery, UpdateProgrammeMutation } from './programmes.operations';
import { ListTable } from '../../shared/list-table';

export type ProgrammeDefaults = ProgrammeDefaultsQuery['programmeDefaults'];

type ProgrammeValues = {
  name: string;
  kind: string;
  year: number;
  totalBudgetYuan: string;
  perProjectCapYuan: string;
  awardNoticeDays: number;
  acceptanceNoticeDays: number;
};

// The API names amounts in fen; the form takes 元.
function toPath(field: string): (string | number)[] | null {
  const name = field.replace(/^input\./, '').split('.')[0] ?? field;
  if (name === 'totalBudgetFen') return ['totalBudgetYuan'];
  if (name === 'perProjectCapFen') return ['perProjectCapYuan'];
  return [name];
}

function initialValues(
  programme: ProgrammeFieldsFragment | null,
  defaults: ProgrammeDefaults | null,
): Partial<ProgrammeValues> {
  if (!programme)
    return {
      year: Number(todayInChina().slice(0, 4)) + 1,
      kind: defaults?.kinds[0]?.kind,
      perProjectCapYuan: '',
      awardNoticeDays: defaults?.awardNoticeDays ?? 0,
      acceptanceNoticeDays: defaults?.acceptanceNoticeDays ?? 0,
    };
  return {
    name: programme.name,
    kind: programme.kind,
    year: programme.year,
    totalBudgetYuan: fenToYuan(programme.totalBudgetFen),
    perProjectCapYuan: programme.perProjectCapFen ? fenToYuan(programme.perProjectCapFen) : '',
    awardNoticeDays: programme.awardNoticeDays,
    acceptanceNoticeDays: programme.acceptanceNoticeDays,
  };
}

const amountRule = (label: string, required: boolean) => ({
  validator: (_rule: unknown, value: string | undefined) => {
    const text = (value ?? '').trim();
    if (!text) return required ? Promise.reject(new Error(`请填写${label}`)) : Promise.resolve();
    return isYuanAmount(text) && text !== '0'
      ? Promise.resolve()
      : Promise.reject(new Error(`${label}应为大于 0 的金额（元，至多两位小数）`));
  },
});

/**
 * 新建 / 编辑支持计划 (a draft only; a published programme never changes). Review criteria and
 * notice days start from the measures in force; amounts are entered in 元 and kept in 分.
 */
export function ProgrammeFormModal({
  programme,
  defaults,
  onClose,
}: {
  /** null for a new programme */
  programme: ProgrammeFieldsFragment | null;
  defaults: ProgrammeDefaults | null;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const client = useApolloClient();
  const [form] = Form.useForm<ProgrammeValues>();
  const [base, setBase] = useState(programme);
  const [create, { loading: creating }] = useMutation(CreateProgrammeMutation, {
    refetchQueries: [ProgrammesQuery],
    awaitRefetchQueries: true,
  });
  const [update, { loading: updating }] = useMutation(UpdateProgrammeMutation);
  const criteria = base?.criteria ?? defaults?.criteria ?? [];

  async function save(values: ProgrammeValues) {
    const cap = values.perProjectCapYuan.trim();
    const input: ProgrammeInput = {
      name: values.name.trim(),
      kind: values.kind,
      year: values.year,
      totalBudgetFen: yuanToFen(values.totalBudgetYuan.trim()),
      perProjectCapFen: cap ? yuanToFen(cap) : null,
      awardNoticeDays: values.awardNoticeDays,
      acceptanceNoticeDays: values.acceptanceNoticeDays,
    };
    if (base) {
      await update({ variables: { id: base.id, version: base.version, input } });
      void message.success('支持计划已保存');
    } else {
      await create({ variables: { input } });
      void message.success('支持计划草稿已创建');
    }
    onClose();
  }

  async function reload() {
    if (!base) return;
    const { data } = await client.query({ query: ProgrammesQuery, fetchPolicy: 'network-only' });
    const stored = data?.programmes.find((p) => p.id === base.id);
    if (!stored) return;
    setBase(stored);
    form.setFieldsValue(initialValues(stored, defaults));
  }

  return (
    <FormModal<ProgrammeValues>
      open
      title={programme ? '编辑支持计划' : '新建支持计划'}
      okText="保存草稿"
      loading={creating || updating}
      onCancel={onClose}
      width={720}
      form={form}
      name="programme"
      initialValues={initialValues(programme, defaults)}
      onSubmit={save}
      onReload={programme ? reload : undefined}
      placeError={(f, error) => showViolationsOnForm(f, error, toPath)}
      errorTestId="programme-error"
      intro={
        <Typography.Paragraph type="secondary">
          评审指标、权重和公示天数取自现行实施办法（第{' '}
          {base?.measuresVersionNo ?? defaults?.measuresVersionNo ?? '—'}{' '}
          版）。支持额度不超过经核实先行投入的配套比例，并不超过单项上限（第十四条）。
        </Typography.Paragraph>
      }
    >
      <Form.Item
        label="计划名称"
        name="name"
        rules={[{ required: true, whitespace: true, message: '请填写计划名称' }]}
      >
        <Input
          count={{ show: true, max: 200 }}
          placeholder="如：2027年度湖南省产业技术创新战略联盟重大创新活动支持计划"
        />
      </Form.Item>
      <Space size={16} align="start" wrap>
        <Form.Item label="计划类别" name="kind" rules={[{ required: true, message: '请选择计划类别' }]}>
          <Select
            style={{ width: 260 }}
            options={(defaults?.kinds ?? []).map((k) => ({
              value: k.kind,
              label: `${k.label}（${k.article}）`,
            }))}
          />
        </Form.Item>
        <Form.Item label="年度" name="year" rules={[{ required: true, message: '请填写年度' }]}>
          <InputNumber precision={0} style={{ width: 120 }} />
        </Form.Item>
      </Space>
      <Space size={16} align="start" wrap>
        <Form.Item label="总预算（元）" name="totalBudgetYuan" rules={[amountRule('总预算', true)]}>
          <YuanInput style={{ width: 220 }} placeholder="如 50000000" />
        </Form.Item>
        <Form.Item
          label="单个项目支持上限（元）"
          name="perProjectCapYuan"
          extra="留空表示不设上限"
          rules={[amountRule('单个项目支持上限', false)]}
        >
          <YuanInput style={{ width: 220 }} placeholder="不设上限" />
        </Form.Item>
      </Space>
      <Space size={16} align="start" wrap>
        <Form.Item label="立项前公示天数" name="awardNoticeDays" extra="0 表示不公示">
          <InputNumber precision={0} min={0} style={{ width: 140 }} suffix="天" />
        </Form.Item>
        <Form.Item label="验收前公示天数" name="acceptanceNoticeDays" extra="0 表示不公示">
          <InputNumber precision={0} min={0} style={{ width: 140 }} suffix="天" />
        </Form.Item>
      </Space>
      <Typography.Text strong>评审指标及权重（第十一条）</Typography.Text>
      <ListTable
        size="small"
        rowKey="key"
        pagination={false}
        style={{ marginTop: 8 }}
        dataSource={criteria}
        columns={[
          { title: '评审指标', dataIndex: 'label', key: 'label' },
          { title: '权重', key: 'weight', width: 100, render: (_: unknown, c) => `${c.weight}%` },
        ]}
      />
    </FormModal>
  );
}
