import { useQuery } from '@apollo/client/react';
import { PROGRAMME_APPLICATION_STATE_LABELS, type ProgrammeApplicationState } from '@xiangmeng/domain';
import { Card, Empty, Flex, Select, Space, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ProgrammeApplicationsQuery as Result } from '../../gql/graphql';
import { toApiError } from '../../shared/api-error';
import { chinaDateTime, formatFen } from '../../shared/format';
import { LoadFailure } from '../../shared/page-states';
import { useSignedInViewer } from '../auth/viewer.provider';
import { ProgrammeApplicationsQuery } from './programme-applications.operations';
import { ExportButton } from '../../shared/export-button';
import { ListTable } from '../../shared/list-table';

type Item = Result['programmeApplications']['items'][number];
type Scope = 'OWN' | 'RECEIVED' | 'ALL';
const PAGE = 20;
const STATES = Object.keys(PROGRAMME_APPLICATION_STATE_LABELS) as ProgrammeApplicationState[];

/** 项目申报: the tier's own alliances' applications, those sent up to it, or both; filtered, paged. */
export function ProgrammeApplicationsPage() {
  const viewer = useSignedInViewer();
  const province = viewer.tenant.level === 'PROVINCE';
  const [scope, setScope] = useState<Scope>(province ? 'RECEIVED' : 'ALL');
  const [states, setStates] = useState<ProgrammeApplicationState[]>([]);
  const [page, setPage] = useState(1);
  const { data, loading, error, refetch } = useQuery(ProgrammeApplicationsQuery, {
    variables: {
      filter: { scope, states: states.length ? states : null, first: PAGE, offset: (page - 1) * PAGE },
    },
    fetchPolicy: 'cache-and-network',
  });

  const columns: TableColumnsType<Item> = [
    {
      title: '项目名称',
      key: 'title',
      ellipsis: true,
      render: (_: unknown, a) => (
        <Link to={`/programmes/applications/${a.id}`}>{a.form.title || '（未填写项目名称）'}</Link>
      ),
    },
    {
      title: '联盟',
      key: 'alliance',
      width: 200,
      ellipsis: true,
      render: (_: unknown, a) => a.allianceName ?? '—',
    },
    {
      title: '申请支持',
      key: 'requested',
      width: 150,
      align: 'right',
      render: (_: unknown, a) => formatFen(a.requestedSupportFen),
    },
    {
      title: '立项支持',
      key: 'award',
      width: 150,
      align: 'right',
      render: (_: unknown, a) => (a.awardFen ? formatFen(a.awardFen) : '—'),
    },
    { title: '状态', key: 'state', width: 130, render: (_: unknown, a) => <Tag>{a.stateLabel}</Tag> },
    {
      title: '提交时间',
      key: 'submittedAt',
      width: 170,
      render: (_: unknown, a) => (a.submittedAt ? chinaDateTime(a.submittedAt) : '未提交'),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Card
        title="支持计划项目申报"
        extra={
          <Space wrap>
            <ExportButton list="programme-applications" filter={{ scope, states }} />
            {
              <Space wrap>
                <Select<Scope>
                  value={scope}
                  style={{ width: 160 }}
                  onChange={(v) => {
                    setScope(v);
                    setPage(1);
                  }}
                  options={[
                    { value: 'ALL', label: '全部' },
                    { value: 'OWN', label: '本级联盟的申报' },
                    { value: 'RECEIVED', label: '报送本级的申报' },
                  ]}
                />
                <Select<ProgrammeApplicationState[]>
                  mode="multiple"
                  allowClear
                  placeholder="按状态筛选"
                  style={{ minWidth: 220 }}
                  value={states}
                  onChange={(v) => {
                    setStates(v);
                    setPage(1);
                  }}
                  options={STATES.map((s) => ({ value: s, label: PROGRAMME_APPLICATION_STATE_LABELS[s] }))}
                />
              </Space>
            }
          </Space>
        }
      >
        {error && !data ? (
          <LoadFailure error={toApiError(error)} onRetry={() => void refetch().catch(() => undefined)} />
        ) : (
          <ListTable<Item>
            rowKey="id"
            columns={columns}
            dataSource={data?.programmeApplications.items ?? []}
            loading={loading && !data}
            scroll={{ x: 1000 }}
            pagination={{
              current: page,
              pageSize: PAGE,
              total: data?.programmeApplications.totalCount ?? 0,
              showTotal: (total) => `共 ${total} 份`,
              onChange: setPage,
            }}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无项目申报" /> }}
          />
        )}
      </Card>
    </Flex>
  );
}
