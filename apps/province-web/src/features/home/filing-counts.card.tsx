import { useQuery } from '@apollo/client/react';
import {
  FILING_STAGE_LABELS,
  FILING_STATE_LABELS,
  FilingStage,
  filingStageOf,
  type FilingState,
} from '@xiangmeng/domain';
import { LoadFailure, toApiError } from '@xiangmeng/web';
import { Card, Empty, Flex, Table, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { FilingCountsByCityQuery as FilingCountsResult } from '../../gql/graphql';
import { FilingCountsByCityQuery } from './filing-counts.operations';

type CityCounts = FilingCountsResult['filingCountsByCity'][number];
type StateCount = { state: string; count: number };

// The province reads a filing from its submission on: never a draft.
const STAGES = [FilingStage.IN_PROGRESS, FilingStage.IN_FORCE, FilingStage.ENDED] as const;

function isFilingState(state: string): state is FilingState {
  return Object.hasOwn(FILING_STATE_LABELS, state);
}

function stageOf(count: StateCount): FilingStage {
  return isFilingState(count.state) ? filingStageOf(count.state) : FilingStage.IN_PROGRESS;
}

/** The received filings in `state`, of one city or (without a code) of all. */
function filingsHref(state: string | null, cityCode?: string): string {
  const query = new URLSearchParams();
  if (state) query.set('state', state);
  if (cityCode) query.set('city', cityCode);
  const text = query.toString();
  return `/filings${text ? `?${text}` : ''}`;
}

/** Each state's count as a link into the received filings, or a dash when there is none. */
function StateCounts({ counts, cityCode }: { counts: readonly StateCount[]; cityCode?: string }) {
  if (counts.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Flex wrap gap="2px 12px">
      {counts.map(({ state, count }) => (
        <Link key={state} to={filingsHref(state, cityCode)} style={{ whiteSpace: 'nowrap' }}>
          {isFilingState(state) ? FILING_STATE_LABELS[state] : state} {count}
        </Link>
      ))}
    </Flex>
  );
}

const STATE_ORDER: readonly string[] = Object.keys(FILING_STATE_LABELS);

/** The sum of each state's count over the cities, in the workflow's order of the states. */
function provinceTotals(cities: readonly CityCounts[]): StateCount[] {
  const totals = new Map<string, number>();
  for (const city of cities)
    for (const { state, count } of city.byState) totals.set(state, (totals.get(state) ?? 0) + count);
  return [...totals]
    .map(([state, count]) => ({ state, count }))
    .sort((a, b) => STATE_ORDER.indexOf(a.state) - STATE_ORDER.indexOf(b.state));
}

/**
 * 各市州备案情况: the filings each city sent to the province (Art. 21), by stage and state, each
 * count a link into 收到的备案 filtered by that state (and city).
 */
export function FilingCountsCard() {
  const { data, loading, error, refetch } = useQuery(FilingCountsByCityQuery, {
    fetchPolicy: 'cache-and-network',
  });
  // Only the cities that sent something: the divisions table above lists all fourteen.
  const cities = (data?.filingCountsByCity ?? []).filter((c) => c.total > 0);

  const columns: TableColumnsType<CityCounts> = [
    { title: '市州', key: 'city', width: 160, render: (_: unknown, c) => c.city.name },
    ...STAGES.map((stage) => ({
      title: FILING_STAGE_LABELS[stage],
      key: stage,
      render: (_: unknown, c: CityCounts) => (
        <StateCounts counts={c.byState.filter((s) => stageOf(s) === stage)} cityCode={c.city.code} />
      ),
    })),
    {
      title: '合计',
      key: 'total',
      width: 80,
      align: 'right',
      render: (_: unknown, c) => (c.total ? <Link to={filingsHref(null, c.city.code)}>{c.total}</Link> : 0),
    },
  ];

  return (
    <Card title="各市州备案情况" extra={<Link to="/filings">收到的备案</Link>}>
      {error && !data ? (
        <LoadFailure error={toApiError(error)} onRetry={() => void refetch().catch(() => undefined)} />
      ) : (
        <Table<CityCounts>
          rowKey={(c) => c.city.id}
          columns={columns}
          dataSource={cities}
          loading={loading && !data}
          pagination={false}
          size="small"
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无市州报送的备案" />,
          }}
          summary={(rows) => {
            if (rows.length === 0) return null;
            const totals = provinceTotals(rows);
            return (
              <Table.Summary.Row style={{ fontWeight: 600 }}>
                <Table.Summary.Cell index={0}>全省合计</Table.Summary.Cell>
                {STAGES.map((stage, i) => (
                  <Table.Summary.Cell key={stage} index={1 + i}>
                    <StateCounts counts={totals.filter((s) => stageOf(s) === stage)} />
                  </Table.Summary.Cell>
                ))}
                <Table.Summary.Cell index={1 + STAGES.length} align="right">
                  <Link to={filingsHref(null)}>{rows.reduce((sum, c) => sum + c.total, 0)}</Link>
                </Table.Summary.Cell>
              </Table.Summary.Row>
            );
          }}
        />
      )}
    </Card>
  );
}
