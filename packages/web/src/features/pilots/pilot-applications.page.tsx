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
  PilotApplicationScope,
  PilotApplicationsQuery as PilotApplicationsResult,
} from '../../gql/graphql';
import { chinaDateTime } from '../../shared/format';
import { byOrder, byText } from '../../shared/sorters';
import { PilotLevelTag } from '../calls/call-tags';
import { PilotStateTag } from './pilot-tags';
import { PilotCallsQuery } from '../calls/calls.operations';
import { PilotApplicationsQuery } from './pilots.operations';
import { ExportButton } from '../../shared/export-button';
import { ListTable } from '../../shared/list-table';

type ApplicationRow = PilotApplicationsResult['pilotApplications'][number];
type ListScope = Extract<PilotApplicationScope, 'OWN' | 'RECEIVED'>;

const CITY_STAFF: readonly Role[] = [Role.CITY_ADMIN, Role.CITY_OFFICER];

const PILOT_STATES = Object.keys(PILOT_STATE_LABELS) as PilotState[];

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

  const { data, previousData, loading, error, refetch } = useQuery(PilotApplicationsQuery, {
    variables: { filter },
    fetchPolicy: 'cache-and-network',
  });
  const rows = (data ?? previousData)?.pilotApplications;
  const mayApply = viewer.tenant.level === 'CITY' && viewer.roles.some((r) => CITY_STAFF.includes(r));

  function setParam(key: string, value: string | undefined) {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  }

  const columns: TableColumnsType<ApplicationRow> = [
    {
      title: '联盟',
      key: 'alliance',
      sorter: byText((a) => a.allianceName),
      render: (_: unknown, a) => <Link to={`/pilots/applications/${a.id}`}>{a.allianceName}</Link>,
    },
    {
      title: '所属市州',
      key: 'city',
      width: 130,
      sorter: byText((a) => a.homeTenant.name),
      render: (_: unknown, a) => a.homeTenant.name,
    },
    { title: '申报通知', key: 'call', render: (_: unknown, a) => a.call.title },
    { title: '级别', key: 'level', width: 100, render: (_: unknown, a) => <PilotLevelTag level={a.level} /> },
    {
      title: '状态',
      key: 'state',
      width: 130,
      sorter: byOrder(PILOT_STATES, (a) => a.state),
      render: (_: unknown, a) => <PilotStateTag state={a.state} />,
    },
    {
      title: '提交时间',
      key: 'submittedAt',
      width: 145,
      sorter: byText((a) => a.submittedAt),
      render: (_: unknown, a) => chinaDateTime(a.submittedAt),
    },
    {
      title: '推荐时间',
      key: 'recommendedAt',
      width: 145,
      sorter: byText((a) => a.recommendedAt),
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
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
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
