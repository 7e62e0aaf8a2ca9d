import { useQuery } from '@apollo/client/react';
import { REVIEW_SHEET_STATUS_LABELS } from '@xiangmeng/domain';
import { Card, Empty, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { LoadFailure, PageLoading } from '../../shared/page-states';
import { toApiError } from '../../shared/api-error';
import type { MyReviewsQuery as MyReviewsResult } from '../../gql/graphql';
import { chinaDateTime } from '../../shared/format';
import { MyReviewsQuery } from './review-sheets.operations';

type Assignment = MyReviewsResult['myReviewAssignments'][number];

const COLUMNS: TableColumnsType<Assignment> = [
  {
    title: '联盟',
    key: 'alliance',
    render: (_: unknown, a) => (
      <Link to={`/reviews/mine/${a.id}`} data-testid={`my-review-${a.id}`}>
        {a.application.allianceName}
      </Link>
    ),
  },
  { title: '申报通知', key: 'call', render: (_: unknown, a) => a.application.call.title },
  {
    title: '评分表',
    key: 'status',
    width: 120,
    render: (_: unknown, a) => (
      <Tag color={a.sheet.status === 'SUBMITTED' ? 'green' : 'orange'}>
        {REVIEW_SHEET_STATUS_LABELS[a.sheet.status]}
      </Tag>
    ),
  },
  {
    title: '分配时间',
    key: 'assignedAt',
    width: 170,
    render: (_: unknown, a) => chinaDateTime(a.assignedAt),
  },
  {
    title: '评审截止',
    key: 'decideBy',
    width: 170,
    render: (_: unknown, a) => chinaDateTime(a.application.call.decideBy),
  },
];

/** 评审任务: the signed-in expert's current assignments; each opens its dossier and score sheet. */
export function MyReviewsPage() {
  const { data, loading, error, refetch } = useQuery(MyReviewsQuery, { fetchPolicy: 'cache-and-network' });
  if (loading && !data) return <PageLoading />;
  if (!data)
    return <LoadFailure error={toApiError(error)} onRetry={() => void refetch().catch(() => undefined)} />;

  return (
    <Card title={<Typography.Text strong>评审任务</Typography.Text>}>
      <Table<Assignment>
        rowKey="id"
        size="middle"
        columns={COLUMNS}
        dataSource={data.myReviewAssignments}
        pagination={false}
        locale={{ emptyText: <Empty description="目前没有分配给您的评审任务" /> }}
      />
    </Card>
  );
}
