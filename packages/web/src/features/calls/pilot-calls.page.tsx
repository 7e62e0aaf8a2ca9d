import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { DOCUMENT_KIND_LABELS, ErrorCode, isAdmin, Role } from '@xiangmeng/domain';
import { App, Button, Card, Empty, Flex, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { LoadFailure } from '../../shared/page-states';
import { useSignedInViewer } from '../auth/viewer.provider';
import { toApiError } from '../../shared/api-error';
import type { PilotCallFieldsFragment } from '../../gql/graphql';
import { CallGuide, guideChangeableNow } from './call-guide';
import { PilotCallFormModal } from './pilot-call-form.modal';
import { chinaDateTime } from '../../shared/format';
import { byText } from '../../shared/sorters';
import { measuresLabel } from '../measures/measures-label';
import { CallPhaseTag, callPhase, PilotLevelTag } from './call-tags';
import { PilotCallsQuery, PublishPilotCallMutation } from './calls.operations';
import { ExportButton } from '../../shared/export-button';
import { ListTable } from '../../shared/list-table';

const STAFF_ROLES: readonly Role[] = [
  Role.PROVINCE_ADMIN,
  Role.PROVINCE_OFFICER,
  Role.CITY_ADMIN,
  Role.CITY_OFFICER,
];
const CITY_STAFF: readonly Role[] = [Role.CITY_ADMIN, Role.CITY_OFFICER];

/** 申报通知: the province's published calls and this tier's own (drafts included for its staff). */
export function PilotCallsPage() {
  const viewer = useSignedInViewer();
  const navigate = useNavigate();
  const { modal, message } = App.useApp();
  const isStaff = viewer.roles.some((r) => STAFF_ROLES.includes(r));
  const admin = isAdmin(viewer.roles);
  const mayApply = viewer.tenant.level === 'CITY' && viewer.roles.some((r) => CITY_STAFF.includes(r));
  const [editing, setEditing] = useState<{ call: PilotCallFieldsFragment | null; opening: number } | null>(
    null,
  );
  const [openings, setOpenings] = useState(0);
  const { data, loading, error, refetch } = useQuery(PilotCallsQuery, { fetchPolicy: 'cache-and-network' });
  const [publish] = useMutation(PublishPilotCallMutation);

  function openForm(call: PilotCallFieldsFragment | null) {
    setOpenings(openings + 1);
    setEditing({ call, opening: openings + 1 });
  }

  function confirmPublish(call: PilotCallFieldsFragment) {
    void modal.confirm({
      title: `发布申报通知「${call.title}」？`,
      content: (
        <>
          <Typography.Paragraph>
            发布后，申报单位可在 {chinaDateTime(call.opensAt)} 至 {chinaDateTime(call.closesAt)}（北京时间）
            之间提交申报{call.level === 'PROVINCIAL' ? '，各市州均可看到本通知' : ''}。
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
          const apiError = toApiError(failure);
          void message.error(
            apiError.code !== ErrorCode.CALL_CHANGED &&
              apiError.code !== ErrorCode.CALL_PUBLISHED &&
              apiError.violations.length > 0
              ? `${apiError.message}：${apiError.violations.map((v) => v.message).join('；')}`
              : apiError.message,
          );
        }
      },
    });
  }

  const columns: TableColumnsType<PilotCallFieldsFragment> = [
    {
      title: '通知',
      key: 'title',
      width: 300,
      sorter: byText((c) => c.title),
      render: (_: unknown, c) => (
        <Flex vertical gap={2}>
          <Typography.Text strong>{c.title}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {c.authority.bureauName}
            {c.publishedAt ? ` · ${chinaDateTime(c.publishedAt)} 发布` : ''}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: '级别', key: 'level', width: 100, render: (_: unknown, c) => <PilotLevelTag level={c.level} /> },
    {
      title: '申报时间（北京时间）',
      key: 'window',
      // Wide enough for its header beside the sort arrows.
      width: 210,
      sorter: byText((c) => c.opensAt),
      defaultSortOrder: 'descend',
      render: (_: unknown, c) => (
        <Flex vertical>
          <span>{chinaDateTime(c.opensAt)} 起</span>
          <span>{chinaDateTime(c.closesAt)} 止</span>
        </Flex>
      ),
    },
    {
      title: '期限',
      key: 'deadlines',
      width: 210,
      render: (_: unknown, c) => (
        <Flex vertical>
          <span>推荐：{chinaDateTime(c.recommendBy)}</span>
          <span>决定：{chinaDateTime(c.decideBy)}</span>
        </Flex>
      ),
    },
    { title: '实施办法', key: 'measures', width: 220, render: (_: unknown, c) => measuresLabel(c.measures) },
    {
      title: '所需材料',
      key: 'requiredDocuments',
      width: 160,
      render: (_: unknown, c) =>
        c.requiredDocuments.length === 0 ? (
          '—'
        ) : (
          <Space size={[0, 4]} wrap>
            {c.requiredDocuments.map((kind) => (
              <Tag key={kind}>{DOCUMENT_KIND_LABELS[kind]}</Tag>
            ))}
          </Space>
        ),
    },
    {
      title: '状态',
      key: 'phase',
      width: 80,
      render: (_: unknown, c) => <CallPhaseTag phase={callPhase(c)} />,
    },
    {
      title: '申报指南',
      key: 'guide',
      width: 180,
      render: (_: unknown, c) => (
        <CallGuide
          callId={c.id}
          guide={c.guide}
          changeable={guideChangeableNow(c, c.isMine, isStaff)}
          onChanged={() => refetch()}
        />
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 170,
      render: (_: unknown, c) => (
        <Space size={4} wrap>
          {mayApply && c.isOpen && (
            <Button
              type="primary"
              size="small"
              data-testid="pilot-call-apply"
              onClick={() => void navigate(`/pilots/applications/new?callId=${encodeURIComponent(c.id)}`)}
            >
              新建申报
            </Button>
          )}
          {isStaff && c.isMine && c.status === 'DRAFT' && (
            <Button size="small" data-testid="pilot-call-edit" onClick={() => openForm(c)}>
              编辑
            </Button>
          )}
          {admin && c.isMine && c.status === 'DRAFT' && (
            <Button
              size="small"
              type="primary"
              data-testid="pilot-call-publish"
              onClick={() => confirmPublish(c)}
            >
              发布
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title="申报通知"
      extra={
        <Space wrap>
          <ExportButton list="pilot-calls" />
          {isStaff && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              data-testid="pilot-call-new"
              onClick={() => openForm(null)}
            >
              新建申报通知
            </Button>
          )}
        </Space>
      }
    >
      {error && !data ? (
        <LoadFailure error={toApiError(error)} onRetry={() => void refetch().catch(() => undefined)} />
      ) : (
        <ListTable<PilotCallFieldsFragment>
          rowKey="id"
          columns={columns}
          dataSource={data?.pilotCalls ?? []}
          loading={loading && !data}
          pagination={false}
          scroll={{ x: 'max-content' }}
          expandable={{
            rowExpandable: (c) => c.description.trim().length > 0,
            expandedRowRender: (c) => (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                {c.description}
              </Typography.Paragraph>
            ),
          }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无申报通知" /> }}
        />
      )}
      {editing && (
        <PilotCallFormModal key={editing.opening} call={editing.call} open onClose={() => setEditing(null)} />
      )}
    </Card>
  );
}
