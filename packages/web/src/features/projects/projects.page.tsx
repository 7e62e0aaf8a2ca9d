import { useQuery } from '@apollo/client/react';
import { PROJECT_STATE_LABELS, type ProjectState } from '@xiangmeng/domain';
import { Card, Empty, Flex, InputNumber, Select, Space, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ProjectSummaryFieldsFragment } from '../../gql/graphql';
import { toApiError } from '../../shared/api-error';
import { formatFen } from '../../shared/format';
import { LoadFailure } from '../../shared/page-states';
import { ProjectsQuery } from './projects.operations';
import { ExportButton } from '../../shared/export-button';

const PAGE_SIZE = 20;

const STATE_COLORS: Partial<Record<ProjectState, string>> = {
  IN_PROGRESS: 'processing',
  CHANGE_REQUESTED: 'gold',
  ACCEPTANCE_REQUESTED: 'cyan',
  FROZEN: 'red',
  COMPLETED: 'success',
  FAILED: 'error',
  TERMINATED: 'default',
  REVOKED: 'error',
};

export function ProjectStateTag({ state, label }: { state: string; label: string }) {
  return <Tag color={STATE_COLORS[state as ProjectState] ?? 'default'}>{label}</Tag>;
}

/**
 * 项目 (立项, Art. 14): the projects the tier awarded, and those its alliances bear; filtered by
 * state and award year, each with what the ledger says was paid.
 */
export function ProjectsPage() {
  const [state, setState] = useState<string | null>(null);
  const [year, setYear] = useState<number | null>(null);
  const [page, setPage] = useState(1);
  const { data, loading, error, refetch } = useQuery(ProjectsQuery, {
    variables: { filter: { state, year, first: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE } },
    fetchPolicy: 'cache-and-network',
  });

  const columns: TableColumnsType<ProjectSummaryFieldsFragment> = [
    {
      title: '项目名称',
      key: 'title',
      width: 260,
      render: (_: unknown, p) => <Link to={`/projects/${p.id}`}>{p.title}</Link>,
    },
    { title: '主管部门', key: 'authority', width: 140, render: (_: unknown, p) => p.authority.name },
    { title: '联盟所在市州', key: 'city', width: 120, render: (_: unknown, p) => p.city.name },
    { title: '立项日期', dataIndex: 'awardedOn', key: 'awardedOn', width: 110 },
    {
      title: '立项金额',
      key: 'award',
      width: 140,
      align: 'right',
      render: (_: unknown, p) => formatFen(p.awardFen),
    },
    {
      title: '已拨付净额',
      key: 'net',
      width: 140,
      align: 'right',
      render: (_: unknown, p) => formatFen(p.totals.netFen),
    },
    {
      title: '状态',
      key: 'state',
      width: 150,
      render: (_: unknown, p) => <ProjectStateTag state={p.state} label={p.stateLabel} />,
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Card
        title="项目"
        extra={
          <Space wrap>
            <ExportButton list="projects" filter={{ state, year }} />
            {
              <Flex gap={8} wrap>
                <Select<string>
                  allowClear
                  placeholder="全部状态"
                  style={{ width: 180 }}
                  value={state ?? undefined}
                  onChange={(v) => {
                    setState(v ?? null);
                    setPage(1);
                  }}
                  options={Object.entries(PROJECT_STATE_LABELS).map(([value, label]) => ({ value, label }))}
                  data-testid="projects-state-filter"
                />
                <InputNumber<number>
                  placeholder="立项年度"
                  min={2016}
                  max={2100}
                  style={{ width: 120 }}
                  value={year}
                  onChange={(v) => {
                    setYear(v ?? null);
                    setPage(1);
                  }}
                />
              </Flex>
            }
          </Space>
        }
      >
        {error && !data ? (
          <LoadFailure error={toApiError(error)} onRetry={() => void refetch().catch(() => undefined)} />
        ) : (
          <Table<ProjectSummaryFieldsFragment>
            rowKey="id"
            columns={columns}
            dataSource={data?.projects.items ?? []}
            loading={loading && !data}
            scroll={{ x: 1060 }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: data?.projects.totalCount ?? 0,
              showTotal: (total) => `共 ${total} 项`,
              onChange: setPage,
            }}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无项目" /> }}
          />
        )}
      </Card>
    </Flex>
  );
}
