import { useQuery } from '@apollo/client/react';
import { findDivision, PROJECT_STATE_LABELS, type ProjectState } from '@xiangmeng/domain';
import { Card, Empty, Flex, InputNumber, Select, Space, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { ProjectSummaryFieldsFragment } from '../../gql/graphql';
import { toApiError } from '../../shared/api-error';
import { formatFen } from '../../shared/format';
import { LoadFailure } from '../../shared/page-states';
import { ProjectsQuery } from './projects.operations';
import { ExportButton } from '../../shared/export-button';
import { ListTable } from '../../shared/list-table';

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

const DIVISION_CODE = /^\d{6}$/;

/**
 * 项目 (立项, Art. 14): the projects the tier awarded, and those its alliances bear; filtered by
 * state and award year (and, from the statistics, by programme or the alliance's city), each with
 * what the ledger says was paid. The filters live in the address, so a filtered list can be linked to.
 */
export function ProjectsPage() {
  const [params, setParams] = useSearchParams();
  const stateParam = params.get('state');
  const state = stateParam && Object.hasOwn(PROJECT_STATE_LABELS, stateParam) ? stateParam : null;
  const yearParam = Number(params.get('year'));
  const year = Number.isInteger(yearParam) && yearParam >= 2016 && yearParam <= 2100 ? yearParam : null;
  const programmeId = params.get('programmeId') || null;
  const cityParam = params.get('cityCode');
  const cityCode = cityParam && DIVISION_CODE.test(cityParam) ? cityParam : null;
  const [page, setPage] = useState(1);
  const { data, loading, error, refetch } = useQuery(ProjectsQuery, {
    variables: {
      filter: { state, year, programmeId, cityCode, first: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE },
    },
    fetchPolicy: 'cache-and-network',
  });

  function setParam(key: string, value: string | number | null | undefined) {
    const next = new URLSearchParams(params);
    if (value !== null && value !== undefined && value !== '') next.set(key, String(value));
    else next.delete(key);
    setParams(next, { replace: true });
    setPage(1);
  }

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
            <Flex gap={8} wrap align="center">
              {programmeId && (
                <Tag
                  closable
                  onClose={() => setParam('programmeId', null)}
                  data-testid="projects-programme-filter"
                >
                  指定支持计划
                </Tag>
              )}
              {cityCode && (
                <Tag closable onClose={() => setParam('cityCode', null)} data-testid="projects-city-filter">
                  {findDivision(cityCode)?.name ?? cityCode}
                </Tag>
              )}
              <Select<string>
                allowClear
                placeholder="全部状态"
                style={{ width: 180 }}
                value={state ?? undefined}
                onChange={(v) => setParam('state', v)}
                options={Object.entries(PROJECT_STATE_LABELS).map(([value, label]) => ({ value, label }))}
                data-testid="projects-state-filter"
              />
              <InputNumber<number>
                placeholder="立项年度"
                min={2016}
                max={2100}
                style={{ width: 120 }}
                value={year}
                onChange={(v) => setParam('year', v)}
              />
            </Flex>
          </Space>
        }
      >
        {error && !data ? (
          <LoadFailure error={toApiError(error)} onRetry={() => void refetch().catch(() => undefined)} />
        ) : (
          <ListTable<ProjectSummaryFieldsFragment>
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
