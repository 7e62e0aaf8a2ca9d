import { useQuery } from '@apollo/client/react';
import { REVIEW_SHEET_STATUS_LABELS } from '@xiangmeng/domain';
import { Card, Empty, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { LoadFailure } from '../../shared/page-states';
import { PageLoading } from '../../shared/page-loading';
import { toApiError } from '../../shared/api-error';
import type { MyReviewsQuery as MyReviewsResult } from '../../gql/graphql';
import { chinaDateTime } from '../../shared/format';
import { byText } from '../../shared/sorters';
import { roundLabel } from '../filings/filing-values';
import { MyReviewsQuery } from './review-sheets.operations';
import { ListTable } from '../../shared/list-table';
import { PlatformEvaluationTasksSection } from './platform-evaluation-tasks.section';

type Assignment = MyReviewsResult['myReviewAssignments'][number];

/** The alliance and what it came in with: a pilot or programme call, a filing round (备案), or a project's acceptance (验收). */
function reviewed(a: Assignment): { allianceName: string; batch: string; decideBy: string | null } {
  if (a.project)
    return {
      allianceName: a.project.title,
      batch: `项目验收 · ${a.project.acceptance?.requestedOn ?? ''} 申请`,
      decideBy: null,
    };
  if (a.filing)
    return {
      allianceName: a.filing.allianceName,
      batch: `备案 · ${a.filing.cityName} · ${roundLabel(a.filing.round)}`,
      decideBy: null,
    };
  if (a.programmeApplication)
    return {
      allianceName: a.programmeApplication.allianceName ?? '—',
      batch: a.programmeApplication.callTitle ?? '—',
      decideBy: null,
    };
  return {
    allianceName: a.application?.allianceName ?? '—',
    batch: a.application?.call.title ?? '—',
    decideBy: a.application?.call.decideBy ?? null,
  };
}

const COLUMNS: TableColumnsType<Assignment> = [
  {
    title: '联盟',
    key: 'alliance',
    render: (_: unknown, a) => (
      <Link to={`/reviews/mine/${a.id}`} data-testid={`my-review-${a.id}`}>
        {reviewed(a).allianceName}
      </Link>
    ),
  },
  { title: '评审事项', key: 'batch', render: (_: unknown, a) => reviewed(a).batch },
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
    sorter: byText((a) => a.assignedAt),
    render: (_: unknown, a) => chinaDateTime(a.assignedAt),
  },
  {
    title: '评审截止',
    key: 'decideBy',
    width: 170,
    sorter: byText((a) => reviewed(a).decideBy),
    render: (_: unknown, a) => {
      const decideBy = reviewed(a).decideBy;
      return decideBy ? chinaDateTime(decideBy) : '—';
    },
  },
];

/** 评审任务: the signed-in expert's current assignments; each opens its dossier and score sheet. */
export function MyReviewsPage() {
  const { data, loading, error, refetch } = useQuery(MyReviewsQuery, { fetchPolicy: 'cache-and-network' });
  if (loading && !data) return <PageLoading />;
  if (!data)
    return <LoadFailure error={toApiError(error)} onRetry={() => void refetch().catch(() => undefined)} />;

  return (
    <>
      <Card title={<Typography.Text strong>评审任务</Typography.Text>}>
        <ListTable<Assignment>
          rowKey="id"
          size="middle"
          columns={COLUMNS}
          dataSource={data.myReviewAssignments}
          pagination={false}
          locale={{ emptyText: <Empty description="目前没有分配给您的评审任务" /> }}
        />
      </Card>
      <PlatformEvaluationTasksSection />
    </>
  );
}
