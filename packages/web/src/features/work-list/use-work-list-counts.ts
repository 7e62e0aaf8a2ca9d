import { useQuery } from '@apollo/client/react';
import type { WorkItemKind } from '@xiangmeng/domain';
import { useEffect } from 'react';
import { WorkListQuery } from './work-list.operations';

const POLL_MS = 60_000;

export type WorkListCounts = {
  total: number;
  overdue: number;
  byKind: Partial<Record<WorkItemKind, { count: number; overdue: number }>>;
};

/** The signed-in user's work-list counts for the menu: polled every minute and on window focus. */
export function useWorkListCounts(): WorkListCounts | null {
  const { data, refetch } = useQuery(WorkListQuery, {
    pollInterval: POLL_MS,
    fetchPolicy: 'cache-and-network',
    nextFetchPolicy: 'cache-first',
  });

  useEffect(() => {
    // A user coming back to the tab sees what arrived meanwhile, without waiting for the poll.
    const onFocus = () => void refetch().catch(() => undefined);
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [refetch]);

  if (!data) return null;
  const { total, overdue, counts } = data.workList;
  return {
    total,
    overdue,
    byKind: Object.fromEntries(counts.map((c) => [c.kind, { count: c.count, overdue: c.overdue }])),
  };
}
