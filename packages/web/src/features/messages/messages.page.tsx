import { useMutation, useQuery } from '@apollo/client/react';
import { chinaDateTime } from '@xiangmeng/domain';
import { App, Button, Card, Empty, Flex, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { MyMessagesQuery as MyMessagesResult } from '../../gql/graphql';
import { toApiError } from '../../shared/api-error';
import { LoadFailure } from '../../shared/page-states';
import {
  MarkAllMessagesReadMutation,
  MarkMessageReadMutation,
  MyMessagesQuery,
  UnreadMessageCountQuery,
} from './messages.operations';
import { ListTable } from '../../shared/list-table';

type MessageRow = MyMessagesResult['myMessages'][number];

const PAGE = 50;

/** 消息中心: what the platform told the signed-in user, newest first; opening one marks it read. */
export function MessagesPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const { data, loading, error, refetch } = useQuery(MyMessagesQuery, {
    variables: { unreadOnly, first: PAGE },
    fetchPolicy: 'cache-and-network',
  });
  const refetchQueries = [{ query: UnreadMessageCountQuery }];
  const [markRead] = useMutation(MarkMessageReadMutation, { refetchQueries });
  const [markAll, markingAll] = useMutation(MarkAllMessagesReadMutation, { refetchQueries });

  const open = async (row: MessageRow) => {
    if (!row.readAt) await markRead({ variables: { id: row.id } }).catch(() => undefined);
    if (row.link) void navigate(row.link);
  };

  const columns: TableColumnsType<MessageRow> = [
    {
      title: '时间',
      dataIndex: 'createdAt',
      width: 170,
      render: (value: string) => chinaDateTime(new Date(value)),
    },
    {
      title: '类别',
      dataIndex: 'kindLabel',
      width: 140,
      render: (label: string, row) => <Tag color={row.readAt ? 'default' : 'blue'}>{label}</Tag>,
    },
    {
      title: '内容',
      key: 'content',
      render: (_: unknown, row) => (
        <Flex vertical gap={2}>
          <Typography.Text strong={!row.readAt}>{row.title}</Typography.Text>
          <Typography.Text type="secondary">{row.body}</Typography.Text>
        </Flex>
      ),
    },
    {
      title: '状态',
      key: 'state',
      width: 90,
      render: (_: unknown, row) =>
        row.readAt ? '已读' : <Typography.Text type="danger">未读</Typography.Text>,
    },
    {
      title: '操作',
      key: 'actions',
      width: 120,
      render: (_: unknown, row) => (
        <Button type="link" size="small" onClick={() => void open(row)}>
          {row.link ? '查看' : row.readAt ? '' : '标为已读'}
        </Button>
      ),
    },
  ];

  const unread = data?.unreadMessageCount ?? 0;
  const markAllRead = async () => {
    try {
      const result = await markAll();
      message.success(`已将 ${result.data?.markAllMessagesRead ?? 0} 条消息标为已读`);
      await refetch();
    } catch (failure) {
      message.error(toApiError(failure).message);
    }
  };

  return (
    <Card
      title="消息中心"
      extra={
        <Button disabled={!unread} loading={markingAll.loading} onClick={() => void markAllRead()}>
          全部标为已读
        </Button>
      }
    >
      <Tabs
        activeKey={unreadOnly ? 'unread' : 'all'}
        onChange={(key) => setUnreadOnly(key === 'unread')}
        items={[
          { key: 'all', label: '全部消息' },
          { key: 'unread', label: `未读（${unread}）` },
        ]}
      />
      {error && !data ? (
        <LoadFailure error={toApiError(error)} onRetry={() => void refetch().catch(() => undefined)} />
      ) : (
        <ListTable<MessageRow>
          rowKey="id"
          columns={columns}
          dataSource={data?.myMessages ?? []}
          loading={loading && !data}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 900 }}
          data-testid="messages"
          locale={{
            emptyText: (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={
                  unreadOnly ? '没有未读消息' : '暂无消息：申报被退回、批准、备案等进展会在这里通知您'
                }
              />
            ),
          }}
        />
      )}
    </Card>
  );
}
