import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Card, Empty, Form, InputNumber, Select, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { EvaluationRoundFieldsFragment } from '../../gql/graphql';
import { toApiError } from '../../shared/api-error';
import { todayInChina } from '../../shared/calendar-dates';
import { chinaDateTime } from '../../shared/format';
import { FormModal } from '../../shared/form-modal';
import { ListTable } from '../../shared/list-table';
import { LoadFailure } from '../../shared/page-states';
import { IndustriesQuery } from '../industries/industries.operations';
import { EvaluationRoundsQuery, OpenEvaluationRoundMutation } from './evaluation-rounds.operations';

export const ROUND_STATUS_COLORS: Record<string, string> = { OPEN: 'processing', CLOSED: 'default' };

const columns: TableColumnsType<EvaluationRoundFieldsFragment> = [
  {
    title: '评估批次',
    key: 'title',
    render: (_: unknown, r) => (
      <Link to={`/platforms/evaluation-rounds/${r.id}`} data-testid={`evaluation-round-${r.id}`}>
        {r.year} 年度「{r.fieldName}」领域平台评估
      </Link>
    ),
  },
  {
    title: '状态',
    dataIndex: 'status',
    width: 100,
    render: (_: string, r) => <Tag color={ROUND_STATUS_COLORS[r.status]}>{r.statusLabel}</Tag>,
  },
  { title: '开启时间', key: 'openedAt', width: 170, render: (_: unknown, r) => chinaDateTime(r.openedAt) },
  { title: '评估日期', dataIndex: 'evaluatedOn', width: 110, render: (d: string | null) => d ?? '—' },
];

type OpenValues = { year: number; field: string };

/** 开启评估批次: a year and a field; the API takes the field's platforms due and says why if none. */
function OpenRoundModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<OpenValues>();
  const navigate = useNavigate();
  const industries = useQuery(IndustriesQuery, { fetchPolicy: 'cache-first' });
  const [open, { loading }] = useMutation(OpenEvaluationRoundMutation, {
    refetchQueries: [EvaluationRoundsQuery],
  });
  const thisYear = Number(todayInChina().slice(0, 4));
  return (
    <FormModal<OpenValues>
      open
      title="开启评估批次"
      okText="开启"
      loading={loading}
      onCancel={onClose}
      form={form}
      name="platform-evaluation-round"
      initialValues={{ year: thisYear }}
      errorTestId="evaluation-round-error"
      onSubmit={async (values) => {
        const result = await open({ variables: { input: values } });
        const id = result.data?.openPlatformEvaluationRound.id;
        onClose();
        if (id) void navigate(`/platforms/evaluation-rounds/${id}`);
      }}
      intro="按领域组织评估：本单位认定的该领域平台中，本年度到期应定期评估的，和整改期届满应复评的，纳入本批次。"
    >
      <Form.Item label="评估年度" name="year" rules={[{ required: true, message: '请填写评估年度' }]}>
        <InputNumber min={2016} max={thisYear} precision={0} style={{ width: 120 }} />
      </Form.Item>
      <Form.Item label="评估领域" name="field" rules={[{ required: true, message: '请选择评估领域' }]}>
        <Select
          showSearch
          optionFilterProp="label"
          loading={industries.loading}
          options={(industries.data?.industries ?? []).map((i) => ({ value: i.code, label: i.name }))}
          data-testid="evaluation-round-field"
        />
      </Form.Item>
    </FormModal>
  );
}

/** 平台评估批次 (Art. 15): the authority's rounds of evaluation by field and year. */
export function EvaluationRoundsPage() {
  const [opening, setOpening] = useState(false);
  const { data, loading, error, refetch } = useQuery(EvaluationRoundsQuery, {
    fetchPolicy: 'cache-and-network',
  });
  if (error && !data)
    return <LoadFailure error={toApiError(error)} onRetry={() => void refetch().catch(() => undefined)} />;
  return (
    <Card
      title="平台评估批次"
      extra={
        <Button type="primary" onClick={() => setOpening(true)} data-testid="evaluation-round-open">
          开启评估批次
        </Button>
      }
    >
      <ListTable<EvaluationRoundFieldsFragment>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={data?.platformEvaluationRounds ?? []}
        pagination={false}
        locale={{
          emptyText: <Empty description="尚未开启评估批次：按年度和领域开启，选定专家评分后结束评估" />,
        }}
      />
      {opening && <OpenRoundModal onClose={() => setOpening(false)} />}
    </Card>
  );
}
