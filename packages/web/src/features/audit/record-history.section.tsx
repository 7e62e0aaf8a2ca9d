import { useQuery } from '@apollo/client/react';
import { Button, Empty, Flex, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { toApiError } from '../../shared/api-error';
import { chinaDateTime } from '../../shared/format';
import { LoadFailure } from '../../shared/page-states';
import { AuditChanges } from './audit-changes';
import { RecordHistoryQuery } from './audit.operations';

export type RecordHistorySubject = 'alliance' | 'pilot_application' | 'programme_application' | 'project' | 'filing';

const PAGE = 20;

/**
 * 办理记录 of one record from the audit chains: who (and which bureau), when (China time), what,
 * and the fields it changed, newest first, more on demand (keyset pages).
 */
export function RecordHistorySection({ subjectType, subjectId }: { subjectType: RecordHistorySubject; subjectId: string }) {
  const { data, loading, error, fetchMore, refetch } = useQuery(RecordHistoryQuery, {
    variables: { subjectType, subjectId, first: PAGE },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const [more, setMore] = useState(false);
  if (error && !data) {
    const failure = toApiError(error);
    // An expert's reduced view of a dossier carries no history: nothing to show, nothing failed.
    if (failure.code === 'FORBIDDEN') return null;
    return <LoadFailure error={failure} onRetry={() => void refetch()} />;
  }
  const page = data?.recordHistory;
  if (!page) return loading ? <Typography.Text type="secondary">加载中…</Typography.Text> : null;
  if (page.events.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无办理记录" />;

  async function loadMore() {
    if (!page?.endCursor) return;
    setMore(true);
    try {
      await fetchMore({
        variables: { after: page.endCursor },
        updateQuery: (previous, { fetchMoreResult }) => ({
          recordHistory: {
            ...fetchMoreResult.recordHistory,
            events: [...previous.recordHistory.events, ...fetchMoreResult.recordHistory.events],
          },
        }),
      });
    } finally {
      setMore(false);
    }
  }

  return (
    <Flex vertical gap={8} data-testid="record-history">
      <Timeline
        items={page.events.map((e) => ({
          key: `${e.occurredAt}-${e.seq}-${e.tenantName ?? ''}`,
          title: chinaDateTime(e.occurredAt),
          content: (
            <Flex vertical gap={2} data-testid="record-history-entry">
              <span>
                <Typography.Text strong>{e.actionLabel}</Typography.Text>
                <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                  {[e.tenantName, e.actorName ?? '系统'].filter(Boolean).join(' · ')}
                </Typography.Text>
              </span>
              <AuditChanges changes={e.changes} />
            </Flex>
          ),
        }))}
      />
      {page.hasNextPage && (
        <Button onClick={() => void loadMore()} loading={more} style={{ alignSelf: 'flex-start' }}>
          加载更早的记录
        </Button>
      )}
    </Flex>
  );
}
