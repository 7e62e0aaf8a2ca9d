import { useQuery } from '@apollo/client/react';
import { Card, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { MyPlatformEvaluationTasksQuery as TasksResult } from '../../gql/graphql';
import { chinaDateTime } from '../../shared/format';
import { ListTable } from '../../shared/list-table';
import { MyEvaluationTasksQuery } from '../platforms/evaluation-rounds.operations';

type Task = TasksResult['myPlatformEvaluationTasks'][number];

const COLUMNS: TableColumnsType<Task> = [
  {
    title: '评估批次',
    key: 'round',
    render: (_: unknown, t) => (
      <Link to={`/reviews/mine/platform-evaluations/${t.id}`} data-testid={`my-platform-evaluation-${t.id}`}>
        {t.round.year} 年度「{t.round.fieldName}」领域创新平台评估
      </Link>
    ),
  },
  {
    title: '评分表',
    key: 'sheets',
    width: 140,
    render: (_: unknown, t) => (
      <Tag color={t.sheetsSubmitted === t.sheetsTotal ? 'green' : 'orange'}>
        已提交 {t.sheetsSubmitted} / {t.sheetsTotal}
      </Tag>
    ),
  },
  { title: '状态', key: 'status', width: 100, render: (_: unknown, t) => t.round.statusLabel },
  { title: '选定时间', key: 'seatedAt', width: 170, render: (_: unknown, t) => chinaDateTime(t.seatedAt) },
];

/** 平台评估任务: the rounds of platform evaluation (Art. 15) the expert is seated on; shown when there are any. */
export function PlatformEvaluationTasksSection() {
  const { data } = useQuery(MyEvaluationTasksQuery, { fetchPolicy: 'cache-and-network' });
  const tasks = data?.myPlatformEvaluationTasks ?? [];
  if (!tasks.length) return null;
  return (
    <Card title={<Typography.Text strong>平台评估任务</Typography.Text>} style={{ marginTop: 16 }}>
      <ListTable<Task> rowKey="id" size="middle" columns={COLUMNS} dataSource={tasks} pagination={false} />
    </Card>
  );
}
