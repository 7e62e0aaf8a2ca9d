import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { PILOT_STATE_LABELS, Role, type PilotState } from '@xiangmeng/domain';
import { Button, Card, Empty, Flex, Select, Space, type TableColumnsType, Tabs } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { LoadFailure } from '../../shared/page-states';
import { useSignedInViewer } from '../auth/viewer.provider';
import { toApiError } from '../../shared/api-error';
import type {
  PilotApplicationFilterInput,
  PilotApplicationOrder,
  PilotApplicationPageQuery as PilotApplicationPageResult,
  PilotApplicationScope,
} from '../../gql/graphql';
import { chinaDateTime } from '../../shared/format';
import { PilotLevelTag } from '../calls/call-tags';
import { PilotStateTag } from './pilot-tags';
import { PilotCallsQuery } from '../calls/calls.operations';
import { PilotApplicationPageQuery } from './pilots.operations';
import { ExportButton } from '../../shared/export-button';
import { ListTable } from '../../shared/list-table';

type ApplicationRow = PilotApplicationPageResult['pilotApplicationPage']['items'][number];
type ListScope = Extract<PilotApplicationScope, 'OWN' | 'RECEIVED'>;
type Direction = 'ascend' | 'descend';

const CITY_STAFF: readonly Role[] = [Role.CITY_ADMIN, Role.CITY_OFFICER];
const PAGE_SIZE = 20;

// The columns the server sorts by (the list is paged), by column key.
const ORDER_OF_COLUMN: Record<string, PilotApplicationOrder> = {
  alliance: 'ALLIANCE_NAME',
  city: 'CITY',
  state: 'STATE',
  submittedAt: 'SUBMITTED_AT',
  recommendedAt: 'RECOMMENDED_AT',
};

function isDirection(value: string | null): value is Direction {
  return value === 'ascend' || value === 'descend';
}

function isState(value: string | null): value is PilotState {
  return value !== null && Object.hasOwn(PILOT_STATE_LABELS, value);
}

/**
 * 试点申报: this bureau's own applications and, for a tier that publishes calls (the province, or a
 * city with its own calls), the applications recommended to it. Filters live in the address.
 */
export function PilotApplicationsPage() {
  const viewer = useSignedInViewer();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const calls = useQuery(PilotCallsQuery, { fetchPolicy: 'cache-and-network' });
  const publishesCalls =
    viewer.tenant.level === 'PROVINCE' || (calls.data?.pilotCalls.some((c) => c.isMine) ?? false);
  const requestedTab = params.get('tab');
  const scope: ListScope =
    publishesCalls && (requestedTab === 'RECEIVED' || (!requestedTab && viewer.tenant.level === 'PROVINCE'))
      ? 'RECEIVED'
      : 'OWN';
  const callId = params.get('callId');
  const stateParam = params.get('state');
  const state = isState(stateParam) ? stateParam : null;
  const filter: PilotApplicationFilterInput = { scope };
  if (callId) filter.callId = callId;
  if (state) filter.states = [state];

  // Page and order live in the address too: a link or a reload shows the same rows.
  const sortParam = params.get('sort');
  const sortKey = sortParam && Object.hasOwn(ORDER_OF_COLUMN, sortParam) ? sortParam : null;
  const orderParam = params.get('order');
  const direction: Direction | null = sortKey && isDirection(orderParam) ? orderParam : null;
  const pageNumber = Math.max(1, Math.floor(Number(params.get('page')) || 1));

  const { data, previousData, loading, error, refetch } = useQuery(PilotApplicationPageQuery, {
    variables: {
      filter,
      page: {
        first: PAGE_SIZE,
        offset: (pageNumber - 1) * PAGE_SIZE,
        orderBy: sortKey && direction ? ORDER_OF_COLUMN[sortKey]! : 'CREATED_AT',
        descending: direction ? direction === 'descend' : true,
      },
    },
    fetchPolicy: 'cache-and-network',
  });
  const page = (data ?? previousData)?.pilotApplicationPage;
  const rows = page?.items;
  const mayApply = viewer.tenant.level === 'CITY' && viewer.roles.some((r) => CITY_STAFF.includes(r));

  // A new filter starts at page one.
  function setParam(key: string, value: string | undefined) {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete('page');
    setParams(next, { replace: true });
  }

  function setPageAndOrder(nextPage: number, column: string | null, nextDirection: Direction | null) {
    const next = new URLSearchParams(params);
    const sorted = column && nextDirection && Object.hasOwn(ORDER_OF_COLUMN, column);
    if (sorted) {
      next.set('sort', column);
      next.set('order', nextDirection);
    } else {
      next.delete('sort');
      next.delete('order');
    }
    // Another order starts at page one.
    const samePage = (sorted ? column : null) === sortKey && (sorted ? nextDirection : null) === direction;
    if (samePage && nextPage > 1) next.set('page', String(nextPage));
    else next.delete('page');
    setParams(next, { replace: true });
  }

  const sortOrder = (key: string) => (sortKey === key ? direction : null);

  const columns: TableColumnsType<ApplicationRow> = [
    {
      title: '联盟',
      key: 'alliance',
      sorter: true,
      sortOrder: sortOrder('alliance'),
      render: (_: unknown, a) => <Link to={`/pilots/applications/${a.id}`}>{a.allianceName}</Link>,
    },
    {
      title: '所属市州',
      key: 'city',
      width: 130,
      sorter: true,
      sortOrder: sortOrder('city'),
      render: (_: unknown, a) => a.homeTenant.name,
    },
    { title: '申报通知', key: 'call', render: (_: unknown, a) => a.call.title },
    { title: '级别', key: 'level', width: 100, render: (_: unknown, a) => <PilotLevelTag level={a.level} /> },
    {
      title: '状态',
      key: 'state',
      width: 130,
      sorter: true,
      sortOrder: sortOrder('state'),
      render: (_: unknown, a) => <PilotStateTag state={a.state} />,
    },
    {
      title: '提交时间',
      key: 'submittedAt',
      width: 145,
      sorter: true,
      sortOrder: sortOrder('submittedAt'),
      render: (_: unknown, a) => chinaDateTime(a.submittedAt),
    },
    {
      title: '推荐时间',
      key: 'recommendedAt',
      width: 145,
      sorter: true,
      sortOrder: sortOrder('recommendedAt'),
      render: (_: unknown, a) => chinaDateTime(a.recommendedAt),
    },
    {
      title: '操作',
      key: 'open',
      width: 70,
      render: (_: unknown, a) => (
        <Link to={`/pilots/applications/${a.id}`} data-testid="pilot-application-open">
          查看
        </Link>
      ),
    },
  ];

  const list =
    error && !rows ? (
      <LoadFailure error={toApiError(error)} onRetry={() => void refetch().catch(() => undefined)} />
    ) : (
      <ListTable<ApplicationRow>
        rowKey="id"
        columns={columns}
        dataSource={rows ?? []}
        loading={loading && !data}
        pagination={{
          current: pageNumber,
          pageSize: PAGE_SIZE,
          total: page?.totalCount ?? 0,
          showSizeChanger: false,
          hideOnSinglePage: true,
          showTotal: (total) => `共 ${total} 份`,
        }}
        onChange={(pagination, _filters, sorter) => {
          const sorted = Array.isArray(sorter) ? sorter[0] : sorter;
          setPageAndOrder(
            pagination.current ?? 1,
            typeof sorted?.columnKey === 'string' ? sorted.columnKey : null,
            sorted?.order ?? null,
          );
        }}
        scroll={{ x: 1000 }}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={scope === 'RECEIVED' ? '暂无收到的推荐' : '本单位暂无试点申报'}
            />
          ),
        }}
      />
    );

  const tabs: { key: ListScope; label: string }[] = [
    { key: 'OWN', label: '本单位申报' },
    ...(publishesCalls ? [{ key: 'RECEIVED' as const, label: '收到的推荐' }] : []),
  ];

  return (
    <Card
      // The province's menu names the page by what it does there.
      title={viewer.tenant.level === 'PROVINCE' ? '收到的申报' : '试点申报'}
      extra={
        <Space wrap>
          <ExportButton list="pilot-applications" filter={{ scope }} />
          {mayApply && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => void navigate('/pilots/applications/new')}
            >
              新建申报
            </Button>
          )}
        </Space>
      }
    >
      <Tabs
        activeKey={scope}
        onChange={(key) => setParam('tab', key)}
        items={tabs.map((tab) => ({
          key: tab.key,
          label: <span data-testid={`pilot-tab-${tab.key}`}>{tab.label}</span>,
        }))}
      />
      <Flex wrap gap={12} style={{ marginBottom: 16 }} role="search" aria-label="筛选申报">
        <Select<string>
          aria-label="申报通知"
          value={callId ?? undefined}
          onChange={(value) => setParam('callId', value)}
          placeholder="申报通知：全部"
          allowClear
          style={{ width: 320 }}
          options={(calls.data?.pilotCalls ?? [])
            .filter((c) => c.status === 'PUBLISHED')
            .map((c) => ({ value: c.id, label: c.title }))}
        />
        <Select<PilotState>
          aria-label="状态"
          value={state ?? undefined}
          onChange={(value) => setParam('state', value)}
          placeholder="状态：全部"
          allowClear
          style={{ width: 180 }}
          options={(Object.keys(PILOT_STATE_LABELS) as PilotState[]).map((value) => ({
            value,
            label: PILOT_STATE_LABELS[value],
          }))}
        />
      </Flex>
      {list}
    </Card>
  );
}
