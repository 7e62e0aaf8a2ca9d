import {
  PILOT_ACTION_LABELS,
  PILOT_STATE_LABELS,
  type PilotAction,
  type PilotState,
} from '@xiangmeng/domain';
import { Empty, Flex, Tag, Timeline, Typography } from 'antd';
import { chinaDateTime } from '../../shared/format';

export type PilotTimelineEntry = {
  at: string;
  action: string;
  toState: PilotState | null;
  actorName: string | null;
  tierName: string;
  opinion: string | null;
};

// Audit actions besides the transitions (`pilot_application.<action lower-case>`).
const OTHER_ACTION_LABELS: Record<string, string> = {
  CREATE: '创建申报书',
  UPDATE: '修改申报书',
};

function isPilotAction(value: string): value is PilotAction {
  return Object.hasOwn(PILOT_ACTION_LABELS, value);
}

export function timelineActionLabel(action: string): string {
  const suffix = (action.split('.').pop() ?? action).toUpperCase();
  if (isPilotAction(suffix)) return PILOT_ACTION_LABELS[suffix];
  return OTHER_ACTION_LABELS[suffix] ?? '其他操作';
}

const ACTION_COLORS: Partial<Record<string, string>> = {
  RETURN: 'orange',
  NOT_RECOMMEND: 'red',
  REFUSE: 'red',
  DECLINE: 'red',
  WITHDRAW: 'gray',
  APPROVE: 'green',
};

/** 办理记录: who did what and when (China time), for which tier, with the opinion given. */
export function PilotTimelineSection({ entries }: { entries: readonly PilotTimelineEntry[] }) {
  if (entries.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无办理记录" />;
  }
  return (
    <div data-testid="pilot-timeline">
      <Timeline
        items={entries.map((entry, index) => {
          const suffix = (entry.action.split('.').pop() ?? '').toUpperCase();
          return {
            key: `${entry.at}-${index}`,
            color: ACTION_COLORS[suffix] ?? 'blue',
            title: chinaDateTime(entry.at),
            content: (
              <Flex vertical gap={2} data-testid="pilot-timeline-entry">
                <span>
                  <Typography.Text strong>{timelineActionLabel(entry.action)}</Typography.Text>
                  {entry.toState && (
                    <Tag style={{ marginInlineStart: 8 }}>{PILOT_STATE_LABELS[entry.toState]}</Tag>
                  )}
                </span>
                <Typography.Text type="secondary">
                  {entry.tierName}
                  {entry.actorName ? ` · ${entry.actorName}` : ''}
                </Typography.Text>
                {entry.opinion && (
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                    {entry.opinion}
                  </Typography.Paragraph>
                )}
              </Flex>
            ),
          };
        })}
      />
    </div>
  );
}
