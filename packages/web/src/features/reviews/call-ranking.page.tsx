import { useQuery } from '@apollo/client/react';
import { AGGREGATION_RULE_LABELS, ErrorCode } from '@xiangmeng/domain';
import { Breadcrumb, Card, Result, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { LoadFailure } from '../../shared/page-states';
import { PageLoading } from '../../shared/page-loading';
import { toApiError } from '../../shared/api-error';
import type { CallRankingQuery as CallRankingResult } from '../../gql/graphql';
import { PilotLevelTag } from '../calls/call-tags';
import { PilotStateTag } from '../pilots/pilot-tags';
import { PassTag, SpreadText } from './review-aggregate';
import { formatScore } from './review-format';
import { CallRankingQuery } from './reviews.operations';
import { ListTable } from '../../shared/list-table';

type Entry = CallRankingResult['callRanking'][number];
type Row = { kind: 'entry'; position: number; entry: Entry } | { kind: 'passMark'; passMark: number };

/** The ranked entries with the pass-mark line drawn between the last that reaches it and the first that does not. */
function rankingRows(entries: readonly Entry[]): Row[] {
  const sorted = [...entries].sort(
    (a, b) =>
      (a.aggregate.rank ?? Infinity) - (b.aggregate.rank ?? Infinity) ||
      b.aggregate.total - a.aggregate.total,
  );
  const rows: Row[] = [];
  let lineDrawn = false;
  sorted.forEach((entry, index) => {
    if (!lineDrawn && !entry.aggregate.passes) {
      rows.push({ kind: 'passMark', passMark: entry.aggregate.passMark });
      lineDrawn = true;
    }
    rows.push({ kind: 'entry', position: index + 1, entry });
  });
  const last = sorted.at(-1);
  if (!lineDrawn && last) rows.push({ kind: 'passMark', passMark: last.aggregate.passMark });
  return rows;
}

const COLUMNS = 8;

// The pass-mark row spans the whole table; every other cell of it is hidden.
function spanLine(row: Row, first = false) {
  if (row.kind === 'entry') return {};
  return { colSpan: first ? COLUMNS : 0 };
}

/** 评审排名: the reviewed applications of one call, ranked by the aggregate total, with the pass mark. */
export function CallRankingPage() {
  const { callId = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(CallRankingQuery, {
    variables: { callId },
    fetchPolicy: 'cache-and-network',
  });

  if (loading && !data) return <PageLoading />;
  if (!data) {
    const apiError = toApiError(error);
    if (apiError.code === ErrorCode.NOT_FOUND) {
      return <Result status="404" title="申报通知不存在" subTitle="该申报通知不存在，或本单位无权查看。" />;
    }
    return <LoadFailure error={apiError} onRetry={() => void refetch()} />;
  }

  const { pilotCall: call, callRanking } = data;
  const rule = callRanking[0]?.aggregate.rule;
  const rows = rankingRows(callRanking);

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 16 }}
        items={[
          { title: <Link to="/pilots/calls">申报通知</Link> },
          { title: call.title },
          { title: '评审排名' },
        ]}
      />
      <Card
        title={
          <span>
            评审排名 · {call.title} <PilotLevelTag level={call.level} />
          </span>
        }
      >
        <Typography.Paragraph type="secondary">
          {call.authority.bureauName}受理并已有评分结果的申报，按汇总总分排名
          {rule ? `（${AGGREGATION_RULE_LABELS[rule]}）` : ''}；虚线为实施办法规定的合格线。总分极差 ≥ 20
          分以橙色标出，提示专家意见分歧较大。
        </Typography.Paragraph>
        <ListTable<Row>
          rowKey={(row) => (row.kind === 'entry' ? row.entry.application.id : 'pass-mark')}
          pagination={false}
          dataSource={rows}
          locale={{ emptyText: '本批次尚无评分结果' }}
          onRow={(row) =>
            (row.kind === 'entry'
              ? { 'data-testid': 'ranking-row', 'data-application-id': row.entry.application.id }
              : { 'data-testid': 'ranking-pass-mark' }) as object
          }
          columns={[
            {
              title: '排名',
              key: 'rank',
              width: 64,
              onCell: (row) => spanLine(row, true),
              render: (_v, row) =>
                row.kind === 'entry' ? (
                  (row.entry.aggregate.rank ?? row.position)
                ) : (
                  <div style={{ borderTop: '2px dashed #cf1322', textAlign: 'center', lineHeight: '20px' }}>
                    <Typography.Text type="danger">合格线 {formatScore(row.passMark)} 分</Typography.Text>
                  </div>
                ),
            },
            {
              title: '联盟',
              key: 'alliance',
              onCell: (row) => spanLine(row),
              render: (_v, row) =>
                row.kind === 'entry' ? (
                  <Link to={`/pilots/applications/${row.entry.application.id}`}>
                    {row.entry.application.allianceName}
                  </Link>
                ) : null,
            },
            {
              title: '所在市州',
              key: 'home',
              onCell: (row) => spanLine(row),
              render: (_v, row) => (row.kind === 'entry' ? row.entry.application.homeTenant.name : null),
            },
            {
              title: '总分',
              key: 'total',
              align: 'right',
              onCell: (row) => spanLine(row),
              render: (_v, row) =>
                row.kind === 'entry' ? (
                  <Typography.Text strong data-testid="ranking-total">
                    {formatScore(row.entry.aggregate.total)}
                  </Typography.Text>
                ) : null,
            },
            {
              title: '结果',
              key: 'passes',
              onCell: (row) => spanLine(row),
              render: (_v, row) =>
                row.kind === 'entry' ? <PassTag passes={row.entry.aggregate.passes} /> : null,
            },
            {
              title: '极差 / 标准差',
              key: 'spread',
              align: 'right',
              onCell: (row) => spanLine(row),
              render: (_v, row) =>
                row.kind === 'entry' ? (
                  <span>
                    <SpreadText spread={row.entry.aggregate.totalSpread} /> /{' '}
                    {formatScore(row.entry.aggregate.totalStdDev)}
                  </span>
                ) : null,
            },
            {
              title: '评分表',
              key: 'sheets',
              align: 'right',
              onCell: (row) => spanLine(row),
              render: (_v, row) => (row.kind === 'entry' ? `${row.entry.aggregate.sheets} 份` : null),
            },
            {
              title: '状态',
              key: 'state',
              onCell: (row) => spanLine(row),
              render: (_v, row) =>
                row.kind === 'entry' ? <PilotStateTag state={row.entry.application.state} /> : null,
            },
          ]}
        />
      </Card>
    </>
  );
}
