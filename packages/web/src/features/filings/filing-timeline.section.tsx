import { FILING_STATE_LABELS } from '@xiangmeng/domain';
import { Empty, Flex, Tag, Timeline, Typography } from 'antd';
import { chinaDateTime } from '../../shared/format';
import { filingTimelineLabel, isFilingState } from './filing-values';
import type { FilingDetail } from './filings.operations';

type Entry = FilingDetail['timeline'][number];

const ACTION_COLORS: Partial<Record<string, string>> = {
  RETURN: 'orange',
  RETURN_CHANGE: 'orange',
  REFUSE: 'red',
  LAPSE: 'red',
  SUSPEND: 'red',
  REVOKE: 'red',
  REVOKE_ON_DISSOLUTION: 'red',
  WITHDRAW: 'gray',
  FILE: 'green',
  ACCEPT_CHANGE: 'green',
};

const stateLabel = (state: string | null | undefined) =>
  isFilingState(state) ? FILING_STATE_LABELS[state] : (state ?? null);

/** 办理记录: who did what and when (China time), the state it moved to, and the reason given. */
export function FilingTimelineSection({ entries }: { entries: readonly Entry[] }) {
  if (entries.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无办理记录" />;
  }
  return (
    <Timeline
      data-testid="filing-timeline"
      items={entries.map((entry, index) => {
        const suffix = (entry.action.split('.').pop() ?? '').toUpperCase();
        const to = stateLabel(entry.toState);
        return {
          key: `${entry.at}-${index}`,
          color: ACTION_COLORS[suffix] ?? 'blue',
          title: chinaDateTime(entry.at),
          content: (
            <Flex vertical gap={2} data-testid="filing-timeline-entry">
              <span>
                <Typography.Text strong>{filingTimelineLabel(entry.action)}</Typography.Text>
                {to && <Tag style={{ marginInlineStart: 8 }}>{to}</Tag>}
              </span>
              {entry.actorName && <Typography.Text type="secondary">{entry.actorName}</Typography.Text>}
              {entry.reason && (
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                  {entry.reason}
                </Typography.Paragraph>
              )}
            </Flex>
          ),
        };
      })}
    />
  );
}
