import { useQuery } from '@apollo/client/react';
import { WORK_ITEM_KIND_LABELS, WORK_SUBJECT_LABELS, WorkItemKind } from '@xiangmeng/domain';
import { Badge, Card, Empty, Flex, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { LoadFailure } from '../../shared/page-states';
import { PageLoading } from '../../shared/page-loading';
import { toApiError } from '../../shared/api-error';
import type { WorkListQuery as WorkListResult } from '../../gql/graphql';
import { chinaDateTime } from '../../shared/format';
import { WorkListQuery } from './work-list.operations';
import { ExportButton } from '../../shared/export-button';
import { ListTable } from '../../shared/list-table';

type WorkItem = WorkListResult['workList']['items'][number];

const KIND_ORDER = Object.values(WorkItemKind);

const COLUMNS: TableColumnsType<WorkItem> = [
  {
    title: '联盟',
    key: 'alliance',
    width: 260,
    ellipsis: true,
    render: (_: unknown, item) => <Link to={item.href}>{item.allianceName || '—'}</Link>,
  },
  {
    title: '类别',
    key: 'subject',
    width: 110,
    render: (_: unknown, item) => <Tag>{WORK_SUBJECT_LABELS[item.subject]}</Tag>,
  },
  { title: '申报通知 / 项目', dataIndex: 'callTitle', key: 'call', ellipsis: true },
  {
    title: '办理期限',
    key: 'due',
    width: 220,
    render: (_: unknown, item) => (
      <Flex gap={8} align="center">
        <Typography.Text type={item.overdue ? 'danger' : undefined}>
          {item.dueAt ? chinaDateTime(item.dueAt) : '无期限'}
        </Typography.Text>
        {item.overdue && (
          <Tag color="red" data-testid="work-item-overdue">
            逾期
          </Tag>
        )}
      </Flex>
    ),
  },
];

/** 待办: what waits for the signed-in user's action, grouped by kind, overdue items in red. */
export function WorkListPage() {
  const { data, loading, error, refetch } = useQuery(WorkListQuery, { fetchPolicy: 'cache-and-network' });

  if (loading && !data) return <PageLoading />;
  if (!data)
    return <LoadFailure error={toApiError(error)} onRetry={() => void refetch().catch(() => undefined)} />;

  const { items, total, overdue } = data.workList;
  const groups = KIND_ORDER.map((kind) => ({ kind, items: items.filter((i) => i.kind === kind) })).filter(
    (g) => g.items.length > 0,
  );

  return (
    <Flex vertical gap={16}>
      <Flex align="baseline" gap={12}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          待办
        </Typography.Title>
        <Typography.Text type="secondary" data-testid="work-total">
          共 {total} 项{overdue > 0 ? `，其中逾期 ${overdue} 项` : ''}
        </Typography.Text>
        <ExportButton list="work-list" disabled={total === 0} />
      </Flex>
      {groups.length === 0 ? (
        <Card>
          <Empty description="暂无待办事项" />
        </Card>
      ) : (
        groups.map((group) => {
          const late = group.items.filter((i) => i.overdue).length;
          return (
            <Card
              key={group.kind}
              data-testid={`work-group-${group.kind}`}
              title={
                <Flex gap={8} align="center">
                  <span>{WORK_ITEM_KIND_LABELS[group.kind]}</span>
                  <Badge
                    count={group.items.length}
                    color={late > 0 ? 'red' : 'blue'}
                    data-testid={`work-count-${group.kind}`}
                  />
                </Flex>
              }
            >
              <ListTable<WorkItem>
                size="small"
                rowKey={(item) => `${item.kind}-${item.subjectId}-${item.assignmentId ?? ''}`}
                columns={COLUMNS}
                dataSource={group.items}
                pagination={false}
                onRow={(item) =>
                  ({
                    'data-testid': `work-item-${item.kind}-${item.subjectId}`,
                  }) as React.HTMLAttributes<HTMLElement>
                }
              />
            </Card>
          );
        })
      )}
    </Flex>
  );
}
