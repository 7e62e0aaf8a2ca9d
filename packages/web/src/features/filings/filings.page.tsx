import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import {
  FILING_STATE_LABELS,
  FILING_WORKFLOW,
  findDivision,
  Role,
  statesWhere,
  type FilingState,
} from '@xiangmeng/domain';
import {
  Button,
  Card,
  Empty,
  Flex,
  Select,
  Space,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { FilingFilterInput, FilingsQuery as FilingsResult } from '../../gql/graphql';
import { toApiError } from '../../shared/api-error';
import { chinaDateTime } from '../../shared/format';
import { byText } from '../../shared/sorters';
import { LoadFailure } from '../../shared/page-states';
import { useSignedInViewer } from '../auth/viewer.provider';
import { FilingStateTag } from './filing-tags';
import { isFilingState, roundLabel } from './filing-values';
import { FilingRoundsQuery, FilingsQuery } from './filings.operations';
import { NewFilingModal } from './new-filing.modal';
import { ExportButton } from '../../shared/export-button';
import { ListTable } from '../../shared/list-table';

type FilingRow = FilingsResult['filings'][number];

const CITY_STAFF: readonly Role[] = [Role.CITY_ADMIN, Role.CITY_OFFICER];
const ALL_STATES = Object.keys(FILING_STATE_LABELS) as FilingState[];
// The province sees a filing from its submission on, never a city's draft.
const RECEIVED_STATES: readonly FilingState[] = statesWhere(FILING_WORKFLOW, 'sentUpward');

/**
 * 收到的备案 (the province: every filing sent to it) and 联盟备案 (a city: its own). The state and
 * round filters live in the address, so a filtered list can be linked to.
 */
export function FilingsPage() {
  const viewer = useSignedInViewer();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(0);
  const province = viewer.tenant.level === 'PROVINCE';
  const mayFile = !province && viewer.roles.some((r) => CITY_STAFF.includes(r));
  const states = province ? RECEIVED_STATES : ALL_STATES;
  const stateParam = params.get('state');
  const state = isFilingState(stateParam) && states.includes(stateParam) ? stateParam : null;
  const roundId = params.get('roundId');
  // The province's filings of one city (from 各市州备案情况 and the statistics), by its division code.
  const city = province ? findDivision(params.get('city') ?? '') : undefined;
  const filter: FilingFilterInput = { scope: province ? 'RECEIVED' : 'OWN' };
  if (state) filter.state = state;
  if (roundId) filter.roundId = roundId;

  const rounds = useQuery(FilingRoundsQuery, { fetchPolicy: 'cache-and-network' });
  const { data, previousData, loading, error, refetch } = useQuery(FilingsQuery, {
    variables: { filter },
    fetchPolicy: 'cache-and-network',
  });
  const allRows = (data ?? previousData)?.filings;
  const rows = city ? allRows?.filter((f) => f.cityName === city.name) : allRows;

  function setParam(key: string, value: string | null | undefined) {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  }

  const columns: TableColumnsType<FilingRow> = [
    {
      title: '联盟',
      key: 'alliance',
      width: province ? 240 : 340,
      sorter: byText((f) => f.allianceName),
      ellipsis: { showTitle: false },
      render: (_: unknown, f) => (
        <Tooltip title={f.allianceName} placement="topLeft">
          <Link to={`/filings/${f.id}`} data-testid="filing-open">
            {f.allianceName}
          </Link>
        </Tooltip>
      ),
    },
    ...(province
      ? [
          {
            title: '市州',
            key: 'city',
            width: 100,
            ellipsis: true,
            render: (_: unknown, f: FilingRow) => f.cityName,
          },
        ]
      : []),
    {
      title: '批次',
      key: 'round',
      width: 180,
      ellipsis: { showTitle: false },
      render: (_: unknown, f) => (
        <Tooltip title={roundLabel(f.round)} placement="topLeft">
          {f.round.documentNumber}
        </Tooltip>
      ),
    },
    {
      title: '状态',
      key: 'state',
      width: 120,
      sorter: byText((f) => f.state),
      render: (_: unknown, f) => <FilingStateTag state={f.state} />,
    },
    {
      title: '提交时间',
      key: 'submittedAt',
      width: 150,
      sorter: byText((f) => f.submittedAt),
      render: (_: unknown, f) => chinaDateTime(f.submittedAt),
    },
    {
      title: '备案号',
      key: 'filingNumber',
      width: 170,
      sorter: byText((f) => f.filingNumber),
      render: (_: unknown, f) => f.filingNumber ?? '—',
    },
  ];

  const emptyText =
    state || roundId || city ? '没有符合筛选条件的备案' : province ? '暂无收到的备案' : '本市州暂无联盟备案';

  return (
    <Card
      title={province ? '收到的备案' : '联盟备案'}
      extra={
        <Space wrap>
          <ExportButton list="filings" filter={filter} />
          {mayFile && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              data-testid="filing-new"
              onClick={() => setCreating(creating + 1)}
            >
              新建备案
            </Button>
          )}
        </Space>
      }
    >
      <Flex vertical gap={12} style={{ marginBottom: 16 }} role="search" aria-label="筛选备案">
        <Flex wrap gap={4} align="center" data-testid="filing-state-filter">
          <Typography.Text type="secondary" style={{ marginInlineEnd: 8 }}>
            状态
          </Typography.Text>
          <Tag.CheckableTag checked={state === null} onChange={() => setParam('state', null)}>
            全部
          </Tag.CheckableTag>
          {states.map((s) => (
            <Tag.CheckableTag
              key={s}
              checked={state === s}
              onChange={(checked) => setParam('state', checked ? s : null)}
            >
              {FILING_STATE_LABELS[s]}
            </Tag.CheckableTag>
          ))}
        </Flex>
        {city && (
          <Flex align="center" gap={8}>
            <Typography.Text type="secondary">市州</Typography.Text>
            <Tag closable onClose={() => setParam('city', null)} data-testid="filing-city-filter">
              {city.name}
            </Tag>
          </Flex>
        )}
        <Select<string>
          aria-label="备案批次"
          value={roundId ?? undefined}
          onChange={(value) => setParam('roundId', value)}
          placeholder="备案批次：全部"
          allowClear
          style={{ width: 360, maxWidth: '100%' }}
          options={(rounds.data?.filingRounds ?? [])
            .filter((r) => r.status === 'PUBLISHED')
            .map((r) => ({ value: r.id, label: roundLabel(r) }))}
        />
      </Flex>
      {error && !rows ? (
        <LoadFailure error={toApiError(error)} onRetry={() => void refetch().catch(() => undefined)} />
      ) : (
        <ListTable<FilingRow>
          rowKey="id"
          columns={columns}
          dataSource={rows ?? []}
          loading={loading && !data}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 960 }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} /> }}
        />
      )}
      {creating > 0 && <NewFilingModal key={creating} onClose={() => setCreating(0)} />}
    </Card>
  );
}
