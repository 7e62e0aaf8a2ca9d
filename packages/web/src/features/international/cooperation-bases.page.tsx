import { useMutation, useQuery } from '@apollo/client/react';
import {
  COOPERATION_BASE_LEVEL_LABELS,
  COOPERATION_BASE_STATUS_LABELS,
  COOPERATION_BASE_TYPES,
  type CooperationBaseLevel,
  type CooperationBaseStatus,
  cooperationBaseTypeLabel,
  COOPERATION_BASE_GRADE_LABELS,
  type CooperationBaseGrade,
} from '@xiangmeng/domain';
import {
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { CooperationBaseFieldsFragment } from '../../gql/graphql';
import { toApiError } from '../../shared/api-error';
import { ExportButton } from '../../shared/export-button';
import { toCalendarDate } from '../../shared/calendar-dates';
import { FormModal } from '../../shared/form-modal';
import { LoadFailure } from '../../shared/page-states';
import { AllianceMembersQuery } from '../alliances/alliances.operations';
import { useSignedInViewer } from '../auth/viewer.provider';
import { PilotAllianceDocumentsQuery } from '../pilots/pilots.operations';
import {
  CooperationBasesQuery,
  OwnAlliancesQuery,
  RecogniseCooperationBaseMutation,
  RecordCooperationBaseEvaluationMutation,
  RegisterCooperationBaseMutation,
  RevokeCooperationBaseMutation,
} from './international.operations';

type Base = CooperationBaseFieldsFragment;
const PAGE_SIZE = 20;
const STATUS_COLORS: Record<CooperationBaseStatus, string> = {
  INCUBATING: 'processing',
  RECOGNISED: 'success',
  REVOKED: 'default',
};
const GRADE_COLORS: Record<CooperationBaseGrade, string> = {
  EXCELLENT: 'green',
  QUALIFIED: 'blue',
  UNQUALIFIED: 'red',
};
const label = <T extends string>(labels: Record<T, string>, code: string) =>
  Object.hasOwn(labels, code) ? labels[code as T] : code;

type Dialog = { kind: 'register' } | { kind: 'recognise' | 'evaluate' | 'revoke'; base: Base } | null;

/**
 * 国际科技合作基地 (Art. 16): the bureau's register of the bases its alliances' member units host,
 * incubating or recognised, with their recognition document and periodic evaluations (优秀、合格、
 * 不合格). Revoking is final and asks for a reason.
 */
export function CooperationBasesPage() {
  const [status, setStatus] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [dialog, setDialog] = useState<Dialog>(null);
  const { data, loading, error, refetch } = useQuery(CooperationBasesQuery, {
    variables: { filter: { status, first: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE } },
    fetchPolicy: 'cache-and-network',
  });

  const columns: TableColumnsType<Base> = [
    { title: '基地名称', dataIndex: 'name', key: 'name', width: 240, ellipsis: true },
    {
      title: '类型',
      key: 'type',
      width: 180,
      ellipsis: true,
      render: (_: unknown, b) => cooperationBaseTypeLabel(b.type),
    },
    {
      title: '级别',
      key: 'level',
      width: 80,
      render: (_: unknown, b) => label(COOPERATION_BASE_LEVEL_LABELS, b.level),
    },
    { title: '依托单位', dataIndex: 'hostName', key: 'host', width: 200, ellipsis: true },
    {
      title: '状态',
      key: 'status',
      width: 90,
      render: (_: unknown, b) => (
        <Tag color={STATUS_COLORS[b.status as CooperationBaseStatus] ?? 'default'}>
          {label(COOPERATION_BASE_STATUS_LABELS, b.status)}
        </Tag>
      ),
    },
    { title: '认定日期', key: 'recognisedOn', width: 110, render: (_: unknown, b) => b.recognisedOn ?? '—' },
    {
      title: '最近评估',
      key: 'evaluation',
      width: 130,
      render: (_: unknown, b) => {
        const last = b.evaluations[0];
        return last ? (
          <Tag color={GRADE_COLORS[last.grade as CooperationBaseGrade] ?? 'default'}>
            {last.year} {label(COOPERATION_BASE_GRADE_LABELS, last.grade)}
          </Tag>
        ) : (
          '—'
        );
      },
    },
    {
      title: '操作',
      key: 'actions',
      width: 180,
      fixed: 'right',
      render: (_: unknown, b) => (
        <Space size={4}>
          {b.status === 'INCUBATING' && (
            <Button size="small" type="link" onClick={() => setDialog({ kind: 'recognise', base: b })}>
              认定
            </Button>
          )}
          {b.status === 'RECOGNISED' && (
            <Button size="small" type="link" onClick={() => setDialog({ kind: 'evaluate', base: b })}>
              评估
            </Button>
          )}
          {b.status !== 'REVOKED' && (
            <Button size="small" type="link" danger onClick={() => setDialog({ kind: 'revoke', base: b })}>
              撤销
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title="国际科技合作基地"
      extra={
        <Space wrap>
          <Select<string>
            allowClear
            placeholder="全部状态"
            style={{ width: 140 }}
            value={status ?? undefined}
            onChange={(v) => {
              setStatus(v ?? null);
              setPage(1);
            }}
            options={Object.entries(COOPERATION_BASE_STATUS_LABELS).map(([value, text]) => ({
              value,
              label: text,
            }))}
          />
          <ExportButton list="cooperation-bases" filter={{ status }} />
          <Button type="primary" onClick={() => setDialog({ kind: 'register' })} data-testid="register-base">
            登记基地
          </Button>
        </Space>
      }
    >
      {error && !data ? (
        <LoadFailure error={toApiError(error)} onRetry={() => void refetch().catch(() => undefined)} />
      ) : (
        <Table<Base>
          rowKey="id"
          columns={columns}
          dataSource={data?.cooperationBases.items ?? []}
          loading={loading && !data}
          scroll={{ x: 1210 }}
          expandable={{
            rowExpandable: (b) => b.evaluations.length > 0 || b.revokedOn !== null,
            expandedRowRender: (b) => <BaseHistory base={b} />,
          }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: data?.cooperationBases.totalCount ?? 0,
            showTotal: (total) => `共 ${total} 个`,
            onChange: setPage,
          }}
          locale={{
            emptyText: (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无登记的国际科技合作基地" />
            ),
          }}
        />
      )}
      {dialog?.kind === 'register' && <RegisterBaseModal onClose={() => setDialog(null)} />}
      {dialog?.kind === 'recognise' && (
        <RecogniseBaseModal base={dialog.base} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'evaluate' && (
        <EvaluateBaseModal base={dialog.base} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'revoke' && <RevokeBaseModal base={dialog.base} onClose={() => setDialog(null)} />}
    </Card>
  );
}

function BaseHistory({ base }: { base: Base }) {
  return (
    <Space direction="vertical">
      {base.recognitionDocumentName && (
        <Typography.Text type="secondary">认定文件：{base.recognitionDocumentName}</Typography.Text>
      )}
      {base.evaluations.map((e) => (
        <Typography.Text key={e.year}>
          {e.year} 年度评估（{e.evaluatedOn}）：{label(COOPERATION_BASE_GRADE_LABELS, e.grade)}
          {e.remarks ? `，${e.remarks}` : ''}
        </Typography.Text>
      ))}
      {base.revokedOn && (
        <Typography.Text type="danger">
          {base.revokedOn} 撤销：{base.revocationReason}
        </Typography.Text>
      )}
    </Space>
  );
}

const refetch = { refetchQueries: [CooperationBasesQuery], awaitRefetchQueries: true };

function AllianceDocumentSelect({ allianceId }: { allianceId: string | undefined }) {
  const documents = useQuery(PilotAllianceDocumentsQuery, {
    variables: { id: allianceId ?? '' },
    skip: !allianceId,
  });
  return (
    <Select
      showSearch
      optionFilterProp="label"
      placeholder="该联盟已上传的文件"
      options={(documents.data?.alliance.documents ?? []).map((d) => ({ value: d.id, label: d.fileName }))}
    />
  );
}

type RegisterValues = {
  allianceId: string;
  hostOrganizationId: string;
  name: string;
  type: string;
  level: CooperationBaseLevel;
  status: 'INCUBATING' | 'RECOGNISED';
  recognisedOn?: Dayjs;
  recognitionDocumentId?: string;
};

function RegisterBaseModal({ onClose }: { onClose: () => void }) {
  const { message } = App.useApp();
  const viewer = useSignedInViewer();
  const [form] = Form.useForm<RegisterValues>();
  const allianceId = Form.useWatch('allianceId', form);
  const status = Form.useWatch('status', form);
  const alliances = useQuery(OwnAlliancesQuery, {
    variables: { filter: { tenantCode: viewer.tenant.code } },
  });
  const members = useQuery(AllianceMembersQuery, { variables: { id: allianceId ?? '' }, skip: !allianceId });
  const [register, { loading }] = useMutation(RegisterCooperationBaseMutation, refetch);

  async function save(values: RegisterValues) {
    await register({
      variables: {
        input: {
          allianceId: values.allianceId,
          hostOrganizationId: values.hostOrganizationId,
          name: values.name.trim(),
          type: values.type,
          level: values.level,
          status: values.status,
          recognisedOn:
            values.status === 'RECOGNISED' && values.recognisedOn
              ? toCalendarDate(values.recognisedOn)
              : null,
          recognitionDocumentId:
            values.status === 'RECOGNISED' ? (values.recognitionDocumentId ?? null) : null,
        },
      },
    });
    void message.success('基地已登记');
    onClose();
  }

  return (
    <FormModal<RegisterValues>
      open
      title="登记国际科技合作基地"
      okText="登记"
      loading={loading}
      onCancel={onClose}
      width={640}
      form={form}
      name="cooperation-base"
      initialValues={{ level: 'PROVINCIAL', status: 'INCUBATING', type: COOPERATION_BASE_TYPES[0]!.code }}
      onSubmit={save}
      errorTestId="cooperation-base-error"
    >
      <Form.Item label="联盟" name="allianceId" rules={[{ required: true, message: '请选择联盟' }]}>
        <Select
          showSearch
          optionFilterProp="label"
          options={(alliances.data?.alliances.nodes ?? []).map((a) => ({ value: a.id, label: a.name }))}
          onChange={() => form.setFieldValue('hostOrganizationId', undefined)}
        />
      </Form.Item>
      <Form.Item
        label="依托单位（联盟成员单位）"
        name="hostOrganizationId"
        rules={[{ required: true, message: '请选择依托单位' }]}
      >
        <Select
          showSearch
          optionFilterProp="label"
          options={(members.data?.alliance.members ?? [])
            .filter((m) => !m.exitedOn)
            .map((m) => ({ value: m.organization.id, label: m.organization.name }))}
        />
      </Form.Item>
      <Form.Item
        label="基地名称"
        name="name"
        rules={[{ required: true, whitespace: true, message: '请填写基地名称' }]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Space wrap>
        <Form.Item label="类型" name="type">
          <Select
            style={{ width: 240 }}
            options={COOPERATION_BASE_TYPES.map((t) => ({ value: t.code, label: t.label }))}
          />
        </Form.Item>
        <Form.Item label="级别" name="level">
          <Radio.Group
            options={Object.entries(COOPERATION_BASE_LEVEL_LABELS).map(([value, text]) => ({
              value,
              label: text,
            }))}
          />
        </Form.Item>
      </Space>
      <Form.Item label="状态" name="status">
        <Radio.Group
          options={[
            { value: 'INCUBATING', label: '培育' },
            { value: 'RECOGNISED', label: '已认定' },
          ]}
        />
      </Form.Item>
      {status === 'RECOGNISED' && (
        <Space wrap>
          <Form.Item
            label="认定日期"
            name="recognisedOn"
            rules={[{ required: true, message: '请选择认定日期' }]}
          >
            <DatePicker />
          </Form.Item>
          <Form.Item
            label="认定文件"
            name="recognitionDocumentId"
            rules={[{ required: true, message: '请选择认定文件' }]}
            style={{ minWidth: 300 }}
          >
            <AllianceDocumentSelect allianceId={allianceId} />
          </Form.Item>
        </Space>
      )}
    </FormModal>
  );
}

function RecogniseBaseModal({ base, onClose }: { base: Base; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ recognisedOn: Dayjs; recognitionDocumentId: string }>();
  const [recognise, { loading }] = useMutation(RecogniseCooperationBaseMutation, refetch);
  return (
    <FormModal
      open
      title={`认定：${base.name}`}
      okText="认定"
      loading={loading}
      onCancel={onClose}
      form={form}
      name="recognise-base"
      onSubmit={async (v) => {
        await recognise({
          variables: {
            input: {
              id: base.id,
              version: base.version,
              recognisedOn: toCalendarDate(v.recognisedOn),
              recognitionDocumentId: v.recognitionDocumentId,
            },
          },
        });
        void message.success('基地已认定');
        onClose();
      }}
    >
      <Form.Item label="认定日期" name="recognisedOn" rules={[{ required: true, message: '请选择认定日期' }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item
        label="认定文件"
        name="recognitionDocumentId"
        rules={[{ required: true, message: '请选择认定文件' }]}
      >
        <AllianceDocumentSelect allianceId={base.allianceId} />
      </Form.Item>
    </FormModal>
  );
}

function EvaluateBaseModal({ base, onClose }: { base: Base; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{
    year: number;
    grade: CooperationBaseGrade;
    evaluatedOn: Dayjs;
    remarks?: string;
  }>();
  const [evaluate, { loading }] = useMutation(RecordCooperationBaseEvaluationMutation, refetch);
  return (
    <FormModal
      open
      title={`定期评估：${base.name}`}
      okText="记录评估"
      loading={loading}
      onCancel={onClose}
      form={form}
      name="evaluate-base"
      initialValues={{ year: new Date().getFullYear(), grade: 'QUALIFIED' }}
      intro={<Typography.Paragraph type="secondary">每个年度记录一次，记录后不能修改。</Typography.Paragraph>}
      onSubmit={async (v) => {
        await evaluate({
          variables: {
            input: {
              baseId: base.id,
              year: v.year,
              grade: v.grade,
              evaluatedOn: toCalendarDate(v.evaluatedOn),
              remarks: v.remarks ?? '',
            },
          },
        });
        void message.success('评估已记录');
        onClose();
      }}
    >
      <Space wrap>
        <Form.Item label="评估年度" name="year" rules={[{ required: true, message: '请填写评估年度' }]}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Form.Item
          label="评估日期"
          name="evaluatedOn"
          rules={[{ required: true, message: '请选择评估日期' }]}
        >
          <DatePicker />
        </Form.Item>
      </Space>
      <Form.Item label="评估结果" name="grade">
        <Radio.Group
          options={Object.entries(COOPERATION_BASE_GRADE_LABELS).map(([value, text]) => ({
            value,
            label: text,
          }))}
        />
      </Form.Item>
      <Form.Item label="评估意见（选填）" name="remarks">
        <Input.TextArea rows={3} maxLength={2000} showCount />
      </Form.Item>
    </FormModal>
  );
}

function RevokeBaseModal({ base, onClose }: { base: Base; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ revokedOn: Dayjs; reason: string }>();
  const [revoke, { loading }] = useMutation(RevokeCooperationBaseMutation, refetch);
  return (
    <FormModal
      open
      title={`撤销：${base.name}`}
      okText="确认撤销"
      okButtonProps={{ danger: true }}
      loading={loading}
      onCancel={onClose}
      form={form}
      name="revoke-base"
      intro={
        <Typography.Paragraph type="warning">撤销后不可恢复，基地的登记和评估记录保留。</Typography.Paragraph>
      }
      onSubmit={async (v) => {
        await revoke({
          variables: {
            input: {
              id: base.id,
              version: base.version,
              revokedOn: toCalendarDate(v.revokedOn),
              reason: v.reason.trim(),
            },
          },
        });
        void message.success('基地已撤销');
        onClose();
      }}
    >
      <Form.Item label="撤销日期" name="revokedOn" rules={[{ required: true, message: '请选择撤销日期' }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item
        label="撤销理由"
        name="reason"
        rules={[{ required: true, whitespace: true, message: '请填写撤销理由' }]}
      >
        <Input.TextArea rows={3} maxLength={2000} showCount />
      </Form.Item>
    </FormModal>
  );
}
