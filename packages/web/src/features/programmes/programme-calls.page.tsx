import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  isAdmin,
  isStaff,
  PROGRAMME_DOCUMENT_KIND_LABELS,
  type ProgrammeDocumentKind,
} from '@xiangmeng/domain';
import {
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Empty,
  Flex,
  Form,
  Input,
  Select,
  Space,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { ProgrammeCallFieldsFragment } from '../../gql/graphql';
import { toApiError } from '../../shared/api-error';
import { FormModal } from '../../shared/form-modal';
import { showViolationsOnForm } from '../../shared/form-violations';
import { chinaDateTime, instantFromChinaPicker } from '../../shared/format';
import { LoadFailure } from '../../shared/page-states';
import { useSignedInViewer } from '../auth/viewer.provider';
import { CallGuide, guideChangeableNow } from '../calls/call-guide';
import { ApplicableAlliancesQuery } from '../pilots/pilots.operations';
import {
  CreateProgrammeApplicationMutation,
  CreateProgrammeCallMutation,
  ProgrammeCallsQuery,
  PublishProgrammeCallMutation,
} from './programme-applications.operations';
import { ExportButton } from '../../shared/export-button';
import { ListTable } from '../../shared/list-table';

const DOCUMENT_KINDS = Object.keys(PROGRAMME_DOCUMENT_KIND_LABELS) as ProgrammeDocumentKind[];
const TIME_FORMAT = 'YYYY-MM-DD HH:mm';

type CallValues = {
  programmeId: string;
  title: string;
  description: string;
  window: [Dayjs, Dayjs];
  recommendBy: Dayjs;
  decideBy: Dayjs;
  requiredDocuments: ProgrammeDocumentKind[];
};

const FIELD_PATHS: Record<string, string[]> = {
  programmeId: ['programmeId'],
  title: ['title'],
  description: ['description'],
  opensAt: ['window'],
  closesAt: ['window'],
  recommendBy: ['recommendBy'],
  decideBy: ['decideBy'],
  requiredDocuments: ['requiredDocuments'],
};

/**
 * 项目申报通知 (Art. 14): the calls of the tier's published programmes, and the province's for a
 * city; the authority's staff draft them, an admin publishes; a city's staff apply from here.
 */
export function ProgrammeCallsPage() {
  const viewer = useSignedInViewer();
  const navigate = useNavigate();
  const { modal, message } = App.useApp();
  const city = viewer.tenant.level === 'CITY';
  const mayEdit = isStaff(viewer.roles);
  const mayPublish = isAdmin(viewer.roles);
  const [creating, setCreating] = useState(false);
  const [applying, setApplying] = useState<ProgrammeCallFieldsFragment | null>(null);
  const { data, loading, error, refetch } = useQuery(ProgrammeCallsQuery, {
    fetchPolicy: 'cache-and-network',
  });
  const [publish] = useMutation(PublishProgrammeCallMutation);
  const programmes = new Map((data?.programmes ?? []).map((p) => [p.id, p] as const));
  const ownPublished = (data?.programmes ?? []).filter((p) => p.isMine && p.status === 'PUBLISHED');

  function confirmPublish(call: ProgrammeCallFieldsFragment) {
    void modal.confirm({
      title: `发布「${call.title}」？`,
      content: (
        <>
          <Typography.Paragraph>
            申报时间 {chinaDateTime(call.opensAt)} 至 {chinaDateTime(call.closesAt)}（北京时间）。
          </Typography.Paragraph>
          <Typography.Paragraph strong>发布后不可修改。</Typography.Paragraph>
        </>
      ),
      okText: '确认发布',
      cancelText: '取消',
      onOk: async () => {
        try {
          await publish({ variables: { id: call.id, version: call.version } });
          void message.success('申报通知已发布');
        } catch (failure) {
          void message.error(toApiError(failure).message);
        }
      },
    });
  }

  const columns: TableColumnsType<ProgrammeCallFieldsFragment> = [
    { title: '通知标题', dataIndex: 'title', key: 'title', width: 260, ellipsis: true },
    {
      title: '支持计划',
      key: 'programme',
      width: 180,
      ellipsis: true,
      render: (_: unknown, c) => programmes.get(c.programmeId)?.name ?? '上级支持计划',
    },
    {
      title: '申报时间（北京时间）',
      key: 'window',
      width: 170,
      // Two lines, so the title keeps its room at 1280 px.
      render: (_: unknown, c) => (
        <Flex vertical>
          <span>{chinaDateTime(c.opensAt)} 起</span>
          <span>{chinaDateTime(c.closesAt)} 止</span>
        </Flex>
      ),
    },
    {
      title: '状态',
      key: 'status',
      width: 80,
      render: (_: unknown, c) =>
        c.status === 'PUBLISHED' ? <Tag color="green">已发布</Tag> : <Tag>草稿</Tag>,
    },
    {
      title: '申报指南',
      key: 'guide',
      width: 180,
      render: (_: unknown, c) => (
        <CallGuide
          callId={c.id}
          guide={c.guide}
          changeable={guideChangeableNow(c, programmes.get(c.programmeId)?.isMine ?? false, mayEdit)}
          onChanged={() => refetch()}
        />
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 100,
      fixed: 'right',
      render: (_: unknown, c) => {
        const mine = programmes.get(c.programmeId)?.isMine ?? false;
        if (c.status === 'DRAFT' && mine && mayPublish)
          return (
            <Button size="small" type="primary" onClick={() => confirmPublish(c)}>
              发布
            </Button>
          );
        if (c.status === 'PUBLISHED' && city)
          return (
            <Button size="small" onClick={() => setApplying(c)}>
              申报
            </Button>
          );
        return <Typography.Text type="secondary">—</Typography.Text>;
      },
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Card
        title="支持计划申报通知"
        extra={
          <Space wrap>
            <ExportButton list="programme-calls" />
            {mayEdit && ownPublished.length > 0 && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                新建申报通知
              </Button>
            )}
          </Space>
        }
      >
        {error && !data ? (
          <LoadFailure error={toApiError(error)} onRetry={() => void refetch().catch(() => undefined)} />
        ) : (
          <ListTable<ProgrammeCallFieldsFragment>
            rowKey="id"
            columns={columns}
            dataSource={data?.programmeCalls ?? []}
            loading={loading && !data}
            pagination={false}
            scroll={{ x: 970 }}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无申报通知" /> }}
          />
        )}
      </Card>
      {creating && (
        <ProgrammeCallFormModal
          programmes={ownPublished.map((p) => ({ id: p.id, label: `${p.year} ${p.name}` }))}
          onClose={() => setCreating(false)}
        />
      )}
      {applying && (
        <ApplyModal
          call={applying}
          onClose={() => setApplying(null)}
          onCreated={(id) => void navigate(`/programmes/applications/${id}`)}
        />
      )}
    </Flex>
  );
}

function ProgrammeCallFormModal({
  programmes,
  onClose,
}: {
  programmes: { id: string; label: string }[];
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<CallValues>();
  const [create, { loading }] = useMutation(CreateProgrammeCallMutation, {
    refetchQueries: [ProgrammeCallsQuery],
    awaitRefetchQueries: true,
  });

  async function save(values: CallValues) {
    await create({
      variables: {
        programmeId: values.programmeId,
        input: {
          title: values.title.trim(),
          description: (values.description ?? '').trim(),
          opensAt: instantFromChinaPicker(values.window[0]),
          closesAt: instantFromChinaPicker(values.window[1]),
          recommendBy: instantFromChinaPicker(values.recommendBy),
          decideBy: instantFromChinaPicker(values.decideBy),
          requiredDocuments: values.requiredDocuments,
        },
      },
    });
    void message.success('申报通知草稿已创建');
    onClose();
  }

  return (
    <FormModal<CallValues>
      open
      title="新建支持计划申报通知"
      okText="保存草稿"
      loading={loading}
      onCancel={onClose}
      width={640}
      form={form}
      name="programme-call"
      initialValues={{
        programmeId: programmes[0]?.id,
        description: '',
        requiredDocuments: ['APPLICATION_FORM', 'ALLIANCE_AGREEMENT', 'BUDGET_STATEMENT'],
      }}
      onSubmit={save}
      placeError={(f, e) =>
        showViolationsOnForm(f, e, (field) => FIELD_PATHS[field.replace(/^input\./, '')] ?? null)
      }
    >
      <Form.Item label="支持计划" name="programmeId" rules={[{ required: true, message: '请选择支持计划' }]}>
        <Select options={programmes.map((p) => ({ value: p.id, label: p.label }))} />
      </Form.Item>
      <Form.Item
        label="通知标题"
        name="title"
        rules={[
          { required: true, whitespace: true, message: '请填写通知标题' },
          { max: 200, message: '通知标题不能超过 200 个字' },
        ]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item label="通知内容" name="description" rules={[{ max: 5000, message: '不能超过 5000 个字' }]}>
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
      <Form.Item
        label="申报时间（北京时间）"
        name="window"
        rules={[{ required: true, message: '请选择申报时间' }]}
      >
        <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format={TIME_FORMAT} />
      </Form.Item>
      <Form.Item
        label="推荐截止时间"
        name="recommendBy"
        rules={[{ required: true, message: '请选择推荐截止时间' }]}
      >
        <DatePicker showTime={{ format: 'HH:mm' }} format={TIME_FORMAT} />
      </Form.Item>
      <Form.Item
        label="审查决定截止时间"
        name="decideBy"
        rules={[{ required: true, message: '请选择审查决定截止时间' }]}
      >
        <DatePicker showTime={{ format: 'HH:mm' }} format={TIME_FORMAT} />
      </Form.Item>
      <Form.Item
        label="所需材料"
        name="requiredDocuments"
        extra="理事长单位承诺书由第十八条要求，无需在此勾选"
      >
        <Checkbox.Group
          options={DOCUMENT_KINDS.map((kind) => ({
            value: kind,
            label: PROGRAMME_DOCUMENT_KIND_LABELS[kind],
          }))}
        />
      </Form.Item>
    </FormModal>
  );
}

/** A city's staff pick one of the city's established alliances to apply to the call. */
function ApplyModal({
  call,
  onClose,
  onCreated,
}: {
  call: ProgrammeCallFieldsFragment;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const [form] = Form.useForm<{ allianceId: string }>();
  const alliances = useQuery(ApplicableAlliancesQuery, { fetchPolicy: 'cache-and-network' });
  const [create, { loading }] = useMutation(CreateProgrammeApplicationMutation);

  async function submit(values: { allianceId: string }) {
    const result = await create({ variables: { input: { callId: call.id, allianceId: values.allianceId } } });
    const id = result.data?.createProgrammeApplication.id;
    if (id) onCreated(id);
  }

  return (
    <FormModal<{ allianceId: string }>
      open
      title={`申报：${call.title}`}
      okText="创建申请书"
      loading={loading}
      onCancel={onClose}
      form={form}
      name="programme-apply"
      onSubmit={submit}
      intro={
        <Typography.Paragraph type="secondary">
          创建项目申请书草稿后，在申报详情中填写申请书、选择申报材料，再提交推荐单位。
          {call.guide && (
            <>
              <br />
              申报指南：
              <CallGuide callId={call.id} guide={call.guide} changeable={false} />
            </>
          )}
        </Typography.Paragraph>
      }
    >
      <Form.Item label="申报联盟" name="allianceId" rules={[{ required: true, message: '请选择申报联盟' }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={alliances.loading && !alliances.data}
          options={(alliances.data?.alliances.nodes ?? []).map((a) => ({ value: a.id, label: a.name }))}
        />
      </Form.Item>
      <Space />
    </FormModal>
  );
}
