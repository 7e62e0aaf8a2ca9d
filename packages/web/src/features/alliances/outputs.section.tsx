import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  App,
  Button,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { LoadFailure } from '../../shared/page-states';
import { PageLoading } from '../../shared/page-loading';
import { toApiError } from '../../shared/api-error';
import type { AllianceOutputKind, AllianceOutputsQuery as AllianceOutputsResult } from '../../gql/graphql';
import { ALLIANCE_OUTPUT_KIND_LABELS as OUTPUT_KIND_LABELS } from '@xiangmeng/domain';
import { todayInChina } from '../../shared/calendar-dates';
import { showViolationsOnForm } from '../../shared/form-violations';
import { AddAllianceOutputMutation, AllianceOutputsQuery } from './alliances.operations';
import { ListTable } from '../../shared/list-table';

type OutputRow = AllianceOutputsResult['alliance']['outputs'][number];
type OutputValues = { year: number; kind: AllianceOutputKind; quantity: number; description?: string };

const KINDS = Object.keys(OUTPUT_KIND_LABELS) as AllianceOutputKind[];

/** 产出 (Art. 4): standards, patents, platforms, transfers and people trained, year by year. */
export function OutputsSection({ allianceId, editable }: { allianceId: string; editable: boolean }) {
  const { data, loading, error, refetch } = useQuery(AllianceOutputsQuery, {
    variables: { id: allianceId },
    fetchPolicy: 'cache-and-network',
  });
  if (loading && !data) return <PageLoading />;
  if (!data)
    return <LoadFailure error={toApiError(error)} onRetry={() => void refetch().catch(() => undefined)} />;

  const columns: TableColumnsType<OutputRow> = [
    { title: '年度', dataIndex: 'year', width: 90 },
    { title: '类别', key: 'kind', width: 120, render: (_: unknown, o) => OUTPUT_KIND_LABELS[o.kind].label },
    {
      title: '数量',
      key: 'quantity',
      width: 100,
      align: 'right',
      render: (_: unknown, o) => `${o.quantity} ${OUTPUT_KIND_LABELS[o.kind].unit}`,
    },
    { title: '说明', dataIndex: 'description' },
  ];

  return (
    <Flex vertical gap={16}>
      {editable && <AddOutputForm allianceId={allianceId} />}
      <ListTable<OutputRow>
        rowKey="id"
        columns={columns}
        dataSource={data.alliance.outputs}
        pagination={false}
        size="middle"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未登记产出" /> }}
      />
    </Flex>
  );
}

function AddOutputForm({ allianceId }: { allianceId: string }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<OutputValues>();
  const [formError, setFormError] = useState<string | null>(null);
  const [addOutput, { loading }] = useMutation(AddAllianceOutputMutation);
  const thisYear = Number(todayInChina().slice(0, 4));

  async function add(values: OutputValues) {
    setFormError(null);
    try {
      await addOutput({
        variables: {
          input: {
            allianceId,
            year: values.year,
            kind: values.kind,
            quantity: values.quantity,
            description: (values.description ?? '').trim(),
          },
        },
        refetchQueries: 'active',
        awaitRefetchQueries: true,
      });
      void message.success('已登记产出');
      form.resetFields(['quantity', 'description']);
    } catch (error) {
      setFormError(showViolationsOnForm(form, toApiError(error)));
    }
  }

  return (
    <Form<OutputValues>
      form={form}
      name="add-output"
      layout="inline"
      initialValues={{ year: thisYear, kind: 'PATENT' }}
      onFinish={(values) => void add(values)}
      style={{ rowGap: 8 }}
    >
      <Form.Item label="年度" name="year" rules={[{ required: true, message: '请填写年度' }]}>
        <InputNumber min={2000} max={thisYear} precision={0} style={{ width: 100 }} />
      </Form.Item>
      <Form.Item label="类别" name="kind" rules={[{ required: true, message: '请选择类别' }]}>
        <Select
          style={{ width: 130 }}
          options={KINDS.map((kind) => ({ value: kind, label: OUTPUT_KIND_LABELS[kind].label }))}
        />
      </Form.Item>
      <Form.Item label="数量" name="quantity" rules={[{ required: true, message: '请填写数量' }]}>
        <InputNumber min={1} max={1_000_000} precision={0} style={{ width: 110 }} />
      </Form.Item>
      <Form.Item label="说明" name="description" rules={[{ max: 1000, message: '说明不能超过 1000 个字' }]}>
        <Input
          style={{ width: 280 }}
          count={{ show: true, max: 1000 }}
          placeholder="如：牵头制定行业标准名称"
        />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={loading}>
          登记产出
        </Button>
      </Form.Item>
      {formError && <Alert type="error" showIcon title={formError} style={{ width: '100%', marginTop: 8 }} />}
    </Form>
  );
}
