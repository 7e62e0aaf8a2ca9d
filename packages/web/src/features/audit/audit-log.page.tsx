import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useLazyQuery, useQuery } from '@apollo/client/react';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Flex,
  Select,
  Space,
  Typography,
  type TableColumnsType,
} from 'antd';
import { ListTable } from '../../shared/list-table';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { AuditChainStatusQuery as ChainStatus, AuditEventsQuery as EventsData } from '../../gql/graphql';
import { toApiError } from '../../shared/api-error';
import { ExportButton } from '../../shared/export-button';
import { toCalendarDate } from '../../shared/calendar-dates';
import { chinaDateTime } from '../../shared/format';
import { LoadFailure } from '../../shared/page-states';
import { AuditChanges } from './audit-changes';
import { AuditChainStatusQuery, AuditEventsQuery, AuditFilterOptionsQuery } from './audit.operations';

type Event = EventsData['auditEvents']['events'][number];
type Order = 'NEWEST_FIRST' | 'OLDEST_FIRST';

const PAGE = 50;

/** 审计日志: an admin's own tenant's audit chain, filtered, in pages, exported, and verified. */
export function AuditLogPage() {
  const [actorUserId, setActorUserId] = useState<string | undefined>();
  const [action, setAction] = useState<string | undefined>();
  const [dates, setDates] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [order, setOrder] = useState<Order>('NEWEST_FIRST');
  const filter = {
    actorUserId: actorUserId ?? null,
    action: action ?? null,
    fromDate: dates?.[0] ? toCalendarDate(dates[0]) : null,
    toDate: dates?.[1] ? toCalendarDate(dates[1]) : null,
    order,
  };
  const options = useQuery(AuditFilterOptionsQuery, { fetchPolicy: 'cache-and-network' });
  const { data, loading, error, fetchMore, refetch } = useQuery(AuditEventsQuery, {
    variables: { filter, first: PAGE },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const page = data?.auditEvents;

  async function loadMore() {
    if (!page?.endCursor) return;
    await fetchMore({
      variables: { after: page.endCursor },
      updateQuery: (previous, { fetchMoreResult }) => ({
        auditEvents: {
          ...fetchMoreResult.auditEvents,
          events: [...previous.auditEvents.events, ...fetchMoreResult.auditEvents.events],
        },
      }),
    });
  }

  const columns: TableColumnsType<Event> = [
    { title: '序号', dataIndex: 'seq', key: 'seq', width: 80 },
    {
      title: '时间',
      key: 'occurredAt',
      width: 150,
      render: (_, e) => chinaDateTime(e.occurredAt),
      sorter: true,
      sortOrder: order === 'NEWEST_FIRST' ? 'descend' : 'ascend',
      sortDirections: ['descend', 'ascend', 'descend'],
    },
    { title: '操作人', key: 'actorName', width: 140, render: (_, e) => e.actorName ?? '系统' },
    { title: '操作', dataIndex: 'actionLabel', key: 'actionLabel', width: 160 },
    { title: '对象', dataIndex: 'subjectLabel', key: 'subjectLabel', width: 110 },
    { title: '变更内容', key: 'changes', render: (_, e) => <AuditChanges changes={e.changes} /> },
  ];

  return (
    <Flex vertical gap={16}>
      <ChainStatusCard />
      <Card title="审计日志" extra={<ExportButton list="audit-events" filter={filter} />}>
        <Space wrap style={{ marginBottom: 16 }}>
          <Select
            allowClear
            showSearch
            placeholder="操作人"
            style={{ width: 200 }}
            optionFilterProp="label"
            value={actorUserId}
            onChange={setActorUserId}
            options={(options.data?.users ?? []).map((u) => ({
              value: u.id,
              label: `${u.displayName}（${u.username}）`,
            }))}
            data-testid="audit-filter-actor"
          />
          <Select
            allowClear
            showSearch
            placeholder="操作"
            style={{ width: 220 }}
            optionFilterProp="label"
            value={action}
            onChange={setAction}
            options={(options.data?.auditActions ?? []).map((a) => ({ value: a.action, label: a.label }))}
            data-testid="audit-filter-action"
          />
          <DatePicker.RangePicker
            value={dates}
            onChange={(value) => setDates(value)}
            placeholder={['起始日期', '截止日期']}
          />
          <Select<Order>
            value={order}
            onChange={setOrder}
            style={{ width: 130 }}
            options={[
              { value: 'NEWEST_FIRST', label: '最新在前' },
              { value: 'OLDEST_FIRST', label: '最早在前' },
            ]}
          />
        </Space>
        {error && !data ? (
          <LoadFailure error={toApiError(error)} onRetry={() => void refetch()} />
        ) : (
          <ListTable<Event>
            rowKey="seq"
            size="small"
            loading={loading}
            columns={columns}
            dataSource={page?.events ?? []}
            pagination={false}
            onChange={(_p, _f, sorter) => {
              const s = Array.isArray(sorter) ? sorter[0] : sorter;
              if (s?.order) setOrder(s.order === 'ascend' ? 'OLDEST_FIRST' : 'NEWEST_FIRST');
            }}
            data-testid="audit-log-table"
          />
        )}
        {page?.hasNextPage && (
          <Button style={{ marginTop: 12 }} onClick={() => void loadMore()} loading={loading}>
            加载更多
          </Button>
        )}
      </Card>
    </Flex>
  );
}

type Status = ChainStatus['auditChainStatus'];

/**
 * The chain's verification: the server recomputes at most `windowSize` events a request, so a
 * long chain is verified window by window (继续校验) without one request holding its connection.
 */
function ChainStatusCard() {
  const [check, { loading, error }] = useLazyQuery(AuditChainStatusQuery, { fetchPolicy: 'network-only' });
  const [status, setStatus] = useState<Status | null>(null);

  async function verify(fromSeq: string | null) {
    const res = await check({ variables: { fromSeq } });
    if (res.data) setStatus(res.data.auditChainStatus);
  }

  useEffect(() => {
    void verify(null);
    // Once, on opening the page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const next =
    status?.verdict === 'PARTIAL' && status.verifiedUpTo ? String(BigInt(status.verifiedUpTo) + 1n) : null;
  return (
    <Card
      title={
        <Space>
          <SafetyCertificateOutlined />
          审计链校验
        </Space>
      }
      size="small"
      extra={
        <Space>
          {next && (
            <Button onClick={() => void verify(next)} loading={loading}>
              继续校验
            </Button>
          )}
          <Button onClick={() => void verify(null)} loading={loading}>
            重新校验
          </Button>
        </Space>
      }
      data-testid="audit-chain-status"
    >
      {error && <Alert type="error" showIcon message={toApiError(error).message} />}
      {status && <ChainVerdict status={status} />}
      {!status && !error && <Typography.Text type="secondary">校验中…</Typography.Text>}
    </Card>
  );
}

function ChainVerdict({ status }: { status: Status }) {
  switch (status.verdict) {
    case 'EMPTY':
      return <Alert type="info" showIcon message="本单位尚无审计事件" />;
    case 'VERIFIED':
      return (
        <Alert type="success" showIcon message={`审计链完整：已校验至第 ${status.verifiedUpTo} 条（链头）`} />
      );
    case 'PARTIAL':
      return (
        <Alert
          type="info"
          showIcon
          message={`已校验至第 ${status.verifiedUpTo} 条，链头为第 ${status.headSeq} 条`}
          description={`每次最多校验 ${status.windowSize} 条，请点击“继续校验”。`}
        />
      );
    case 'BROKEN':
      return (
        <Alert
          type="error"
          showIcon
          message={`审计链在第 ${status.brokenSeq} 条断开`}
          description={[
            status.brokenReasonLabel,
            status.brokenActionLabel && `该条操作：${status.brokenActionLabel}`,
            status.brokenAt && `时间：${chinaDateTime(status.brokenAt)}`,
            status.verifiedUpTo ? `此前已校验至第 ${status.verifiedUpTo} 条` : null,
          ]
            .filter(Boolean)
            .join('；')}
        />
      );
  }
}
