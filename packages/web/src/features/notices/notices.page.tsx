import { useMutation, useQuery } from '@apollo/client/react';
import { isStaff, type NoticeState, type TenantLevel } from '@xiangmeng/domain';
import { App, Button, Card, Empty, Space, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { NoticesForMeQuery as ForMeResult, OwnNoticesQuery as OwnResult } from '../../gql/graphql';
import { toApiError } from '../../shared/api-error';
import { chinaDateTime } from '../../shared/format';
import { LoadFailure } from '../../shared/page-states';
import { useViewer } from '../auth/viewer.provider';
import { NoticeFormModal } from './notice-form.modal';
import { NoticesForMeQuery, OwnNoticesQuery, PublishNoticeMutation } from './notices.operations';
import { WithdrawNoticeModal } from './withdraw-notice.modal';
import { ListTable } from '../../shared/list-table';

type ForMeRow = ForMeResult['noticesForMe'][number];
type OwnRow = OwnResult['notices'][number];

const STATE_COLORS: Record<NoticeState, string> = {
  DRAFT: 'orange',
  PUBLISHED: 'green',
  WITHDRAWN: 'default',
};

/** 通知公告: the notices sent to the viewer and, for staff, the ones their tier publishes. */
export function NoticesPage() {
  const { viewer } = useViewer();
  const staff = viewer ? isStaff(viewer.roles) : false;
  const [tab, setTab] = useState('received');
  return (
    <Card title="通知公告">
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'received', label: '收到的通知', children: <ReceivedNotices /> },
          ...(staff && viewer
            ? [{ key: 'own', label: '本级发布', children: <OwnNotices level={viewer.tenant.level} /> }]
            : []),
        ]}
      />
    </Card>
  );
}

function ReceivedNotices() {
  const { data, loading, error, refetch } = useQuery(NoticesForMeQuery, {
    variables: { first: 100 },
    fetchPolicy: 'cache-and-network',
  });
  if (error && !data)
    return <LoadFailure error={toApiError(error)} onRetry={() => void refetch().catch(() => undefined)} />;
  const columns: TableColumnsType<ForMeRow> = [
    {
      title: '标题',
      key: 'title',
      ellipsis: true,
      render: (_: unknown, row) => (
        <Space size={4}>
          {row.pinned && <Tag color="red">置顶</Tag>}
          <Link to={`/notices/${row.id}`}>{row.title}</Link>
        </Space>
      ),
    },
    { title: '发布单位', dataIndex: 'publisherName', width: 160, ellipsis: true },
    {
      title: '发布时间',
      dataIndex: 'publishedAt',
      width: 170,
      sorter: (a, b) => (a.publishedAt ?? '').localeCompare(b.publishedAt ?? ''),
      render: (value: string | null) => chinaDateTime(value),
    },
  ];
  return (
    <ListTable<ForMeRow>
      rowKey="id"
      columns={columns}
      dataSource={data?.noticesForMe ?? []}
      loading={loading && !data}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      data-testid="notices-received"
      locale={{
        emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无发给您的通知公告" />,
      }}
    />
  );
}

function OwnNotices({ level }: { level: TenantLevel }) {
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const [withdrawing, setWithdrawing] = useState<OwnRow | null>(null);
  const { data, loading, error, refetch } = useQuery(OwnNoticesQuery, { fetchPolicy: 'cache-and-network' });
  const [publish] = useMutation(PublishNoticeMutation, {
    refetchQueries: [OwnNoticesQuery, NoticesForMeQuery],
  });

  const confirmPublish = (row: OwnRow) =>
    void modal.confirm({
      title: '发布通知',
      content: `发布后《${row.title}》将发送给：${row.audienceLabels.join('、')}；发布后不能修改，只能撤回。`,
      okText: '发布',
      cancelText: '取消',
      onOk: async () => {
        try {
          await publish({ variables: { id: row.id, version: row.version } });
          void message.success('通知已发布');
        } catch (failure) {
          void message.error(toApiError(failure).message);
        }
      },
    });

  if (error && !data)
    return <LoadFailure error={toApiError(error)} onRetry={() => void refetch().catch(() => undefined)} />;
  const columns: TableColumnsType<OwnRow> = [
    {
      title: '标题',
      key: 'title',
      ellipsis: true,
      render: (_: unknown, row) => (
        <Space size={4}>
          {row.pinned && <Tag color="red">置顶</Tag>}
          <Link to={`/notices/${row.id}`}>{row.title}</Link>
        </Space>
      ),
    },
    {
      title: '发送范围',
      key: 'audiences',
      width: 220,
      ellipsis: true,
      render: (_: unknown, row) => row.audienceLabels.join('、'),
    },
    {
      title: '状态',
      key: 'state',
      width: 90,
      render: (_: unknown, row) => (
        <Tag color={STATE_COLORS[row.state as NoticeState] ?? 'default'}>{row.stateLabel}</Tag>
      ),
    },
    {
      title: '发布时间',
      dataIndex: 'publishedAt',
      width: 170,
      sorter: (a, b) => (a.publishedAt ?? '').localeCompare(b.publishedAt ?? ''),
      render: (value: string | null) => chinaDateTime(value),
    },
    {
      title: '操作',
      key: 'actions',
      width: 130,
      render: (_: unknown, row) =>
        row.state === 'DRAFT' ? (
          <Button
            type="link"
            size="small"
            onClick={() => confirmPublish(row)}
            data-testid={`notice-publish-${row.id}`}
          >
            发布
          </Button>
        ) : row.state === 'PUBLISHED' ? (
          <Button type="link" size="small" danger onClick={() => setWithdrawing(row)}>
            撤回
          </Button>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
  ];
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" onClick={() => setCreating(true)} data-testid="notice-new">
          新建通知
        </Button>
      </Space>
      <ListTable<OwnRow>
        rowKey="id"
        columns={columns}
        dataSource={data?.notices ?? []}
        loading={loading && !data}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        data-testid="notices-own"
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本级尚未发布通知公告" />,
        }}
      />
      <NoticeFormModal
        open={creating}
        level={level}
        draft={null}
        onClose={() => setCreating(false)}
        onSaved={(id) => {
          setCreating(false);
          void message.success('通知草稿已保存，可上传附件后发布');
          void navigate(`/notices/${id}`);
        }}
      />
      <WithdrawNoticeModal
        notice={withdrawing}
        onClose={() => setWithdrawing(null)}
        onDone={() => {
          setWithdrawing(null);
          void refetch();
        }}
      />
    </>
  );
}
