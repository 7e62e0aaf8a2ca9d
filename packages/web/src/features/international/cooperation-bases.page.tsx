import { useMutation, useQuery } from '@apollo/client/react';
import {
  baseEvaluationOutcome,
  baseEvaluationScheme,
  COOPERATION_BASE_LEVEL_LABELS,
  COOPERATION_BASE_STATUS_LABELS,
  COOPERATION_BASE_TYPES,
  type CooperationBaseLevel,
  type CooperationBaseStatus,
  cooperationBaseTypeLabel,
  EVALUATION_GRADE_LABELS,
  type EvaluationGrade,
} from '@xiangmeng/domain';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { CooperationBaseFieldsFragment } from '../../gql/graphql';
import { toApiError } from '../../shared/api-error';
import { ExportButton } from '../../shared/export-button';
import {
  calendarDateRules,
  fromCalendarDate,
  isAfterToday,
  toCalendarDate,
  todayInChina,
} from '../../shared/calendar-dates';
import { FormModal } from '../../shared/form-modal';
import { LoadFailure } from '../../shared/page-states';
import { AllianceMembersQuery } from '../alliances/alliances.operations';
import { useSignedInViewer } from '../auth/viewer.provider';
import { PilotAllianceDocumentsQuery } from '../pilots/pilots.operations';
import {
  domainSheets,
  EMPTY_SHEETS,
  EvaluationSheetsList,
  type SheetValues,
  sheetsInput,
} from '../platforms/evaluation-sheets';
import {
  CooperationBasesQuery,
  OwnAlliancesQuery,
  RecogniseCooperationBaseMutation,
  RecordCooperationBaseEvaluationMutation,
  RegisterCooperationBaseMutation,
  RevokeCooperationBaseMutation,
} from './international.operations';
import { ListTable } from '../../shared/list-table';

type Base = CooperationBaseFieldsFragment;
const PAGE_SIZE = 20;
type Evaluation = Base['evaluations'][number];
const STATUS_COLORS: Record<CooperationBaseStatus, string> = {
  INCUBATING: 'processing',
  RECOGNISED: 'success',
  RECTIFYING: 'warning',
  REVOKED: 'default',
};
const GRADE_COLORS: Record<EvaluationGrade, string> = {
  EXCELLENT: 'green',
  PASS: 'blue',
  FAIL: 'red',
};
const label = <T extends string>(labels: Record<T, string>, code: string) =>
  Object.hasOwn(labels, code) ? labels[code as T] : code;

type Dialog = { kind: 'register' } | { kind: 'recognise' | 'evaluate' | 'revoke'; base: Base } | null;

/**
 * 国际科技合作基地 (Art. 16): the bureau's register of the bases its alliances' member units host,
 * incubating or recognised, with their recognition document and periodic evaluations scored by
 * experts on the type's scheme, as platforms are: 不合格 puts a base into rectification for a year,
 * a failed re-evaluation revokes it. Revoking is final and asks for a reason.
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
      width: 120,
      render: (_: unknown, b) => (
        <Flex vertical gap={2}>
          <span>
            <Tag color={STATUS_COLORS[b.status as CooperationBaseStatus] ?? 'default'}>{b.statusLabel}</Tag>
          </span>
          {b.rectificationDueOn && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              整改至 {b.rectificationDueOn}
            </Typography.Text>
          )}
        </Flex>
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
          <Tag color={GRADE_COLORS[last.grade as EvaluationGrade] ?? 'default'}>
            {last.year} {last.gradeLabel}
            {last.total === null ? '' : ` ${last.total}`}
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
          {(b.status === 'RECOGNISED' || b.status === 'RECTIFYING') && (
            <Button size="small" type="link" onClick={() => setDialog({ kind: 'evaluate', base: b })}>
              {b.status === 'RECTIFYING' ? '复评' : '评估'}
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
        <ListTable<Base>
          rowKey="id"
          columns={columns}
          dataSource={data?.cooperationBases.items ?? []}
          loading={loading && !data}
          scroll={{ x: 1240 }}
          expandable={{
            rowExpandable: (b) =>
              b.evaluations.length > 0 || b.revokedOn !== null || b.rectificationDueOn !== null,
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
  const criteria = baseEvaluationScheme(base.type).criteria;
  const statusText = (status: string) => label(COOPERATION_BASE_STATUS_LABELS, status);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {base.recognitionDocumentName && (
        <Typography.Text type="secondary">认定文件：{base.recognitionDocumentName}</Typography.Text>
      )}
      {base.evaluations.length > 0 && (
        <ListTable<Evaluation>
          rowKey="id"
          size="small"
          pagination={false}
          tableLayout="fixed"
          dataSource={base.evaluations}
          expandable={{
            rowExpandable: (e) => e.sheets.length > 0,
            expandedRowRender: (e) => (
              <ListTable
                rowKey="expertName"
                size="small"
                pagination={false}
                dataSource={e.sheets}
                columns={[
                  { title: '专家', dataIndex: 'expertName', width: 120 },
                  ...criteria.map((c) => ({
                    title: c.label,
                    key: c.key,
                    width: 130,
                    ellipsis: true,
                    render: (_: unknown, sheet: Evaluation['sheets'][number]) =>
                      sheet.scores.find((x) => x.key === c.key)?.score ?? '—',
                  })),
                ]}
              />
            ),
          }}
          columns={[
            { title: '年度', dataIndex: 'year', width: 70 },
            {
              title: '评估',
              key: 'kind',
              width: 100,
              render: (_: unknown, e) => (e.statusBefore === 'RECTIFYING' ? '整改后复评' : '定期评估'),
            },
            { title: '评估日期', dataIndex: 'evaluatedOn', width: 110 },
            { title: '总分', key: 'total', width: 80, render: (_: unknown, e) => e.total ?? '—' },
            {
              title: '等级',
              key: 'grade',
              width: 80,
              render: (_: unknown, e) => (
                <Tag color={GRADE_COLORS[e.grade as EvaluationGrade] ?? 'default'}>{e.gradeLabel}</Tag>
              ),
            },
            {
              title: '结果',
              key: 'result',
              width: 160,
              render: (_: unknown, e) => `${statusText(e.statusBefore)} → ${statusText(e.statusAfter)}`,
            },
            { title: '评估意见', dataIndex: 'remarks', ellipsis: true },
          ]}
        />
      )}
      {base.rectificationDueOn && (
        <Typography.Text type="warning">
          整改期限至 {base.rectificationDueOn}：期满后组织复评，复评仍不合格的撤销认定。
        </Typography.Text>
      )}
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

type EvaluationValues = { year: number; evaluatedOn: Dayjs; sheets: SheetValues[]; remarks?: string };

/** 录入评估 / 复评: the experts' scores on the type's scheme; the grade and its consequence follow. */
function EvaluateBaseModal({ base, onClose }: { base: Base; onClose: () => void }) {
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<EvaluationValues>();
  const [evaluate, { loading }] = useMutation(RecordCooperationBaseEvaluationMutation, refetch);
  const scheme = baseEvaluationScheme(base.type);
  const reevaluation = base.status === 'RECTIFYING';

  async function save(values: EvaluationValues) {
    const sheets = sheetsInput(scheme, values.sheets);
    const evaluatedOn = toCalendarDate(values.evaluatedOn);
    const outcome = baseEvaluationOutcome(
      { status: reevaluation ? 'RECTIFYING' : 'RECOGNISED', type: base.type },
      domainSheets(sheets),
      evaluatedOn,
    );
    const confirmed = await modal.confirm({
      title: `评估结果：${outcome.total} 分，${EVALUATION_GRADE_LABELS[outcome.grade]}`,
      content: `${outcome.reason}：基地将为「${COOPERATION_BASE_STATUS_LABELS[outcome.statusAfter]}」。评估录入后不能修改。`,
      okText: '确认录入',
      okButtonProps: { danger: outcome.grade === 'FAIL' },
    });
    if (!confirmed) throw new Error('已取消');
    await evaluate({
      variables: {
        input: {
          baseId: base.id,
          version: base.version,
          year: values.year,
          evaluatedOn,
          sheets,
          remarks: values.remarks?.trim() ?? '',
        },
      },
    });
    void message.success('评估已录入');
    onClose();
  }

  return (
    <FormModal<EvaluationValues>
      open
      title={`${reevaluation ? '整改后复评' : '定期评估'}：${base.name}`}
      okText="计算等级"
      loading={loading}
      onCancel={onClose}
      width={900}
      form={form}
      name="evaluate-base"
      initialValues={{
        year: Number(todayInChina().slice(0, 4)),
        evaluatedOn: fromCalendarDate(todayInChina()),
        sheets: EMPTY_SHEETS,
      }}
      onSubmit={save}
      errorTestId="base-evaluation-error"
      intro={
        <Alert
          type={reevaluation ? 'warning' : 'info'}
          style={{ marginBottom: 12 }}
          title={
            `按「${cooperationBaseTypeLabel(base.type)}」评估方案：` +
            scheme.criteria.map((c) => `${c.label} ${c.weight}%`).join('、') +
            `；${scheme.bands.map((b) => `${EVALUATION_GRADE_LABELS[b.grade]} ≥ ${b.minTotal}`).join('，')} 分。` +
            (reevaluation
              ? `整改期限至 ${base.rectificationDueOn}，复评仍不合格的撤销认定。`
              : `定期评估每年度一次；不合格的限期 ${scheme.rectificationMonths} 个月整改。`)
          }
        />
      }
    >
      <Flex gap={16}>
        <Form.Item label="评估年度" name="year" rules={[{ required: true, message: '请填写评估年度' }]}>
          <InputNumber min={2000} max={2100} precision={0} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item
          label="评估日期"
          name="evaluatedOn"
          rules={calendarDateRules('评估日期', {
            date: base.recognisedOn ?? '2000-01-01',
            label: '认定日期',
          })}
        >
          <DatePicker disabledDate={isAfterToday} />
        </Form.Item>
      </Flex>
      <EvaluationSheetsList scheme={scheme} />
      <Form.Item label="评估意见（选填）" name="remarks" style={{ marginTop: 12 }}>
        <Input.TextArea rows={2} maxLength={2000} showCount />
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
