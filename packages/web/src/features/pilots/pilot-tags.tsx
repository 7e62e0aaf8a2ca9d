import { PILOT_STATE_LABELS, type PilotState } from '@xiangmeng/domain';
import { Tag } from 'antd';

const STATE_COLORS: Record<PilotState, string | undefined> = {
  DRAFT: undefined,
  SUBMITTED: 'processing',
  RECOMMENDED: 'blue',
  ACCEPTED: 'geekblue',
  IN_REVIEW: 'purple',
  REVIEWED: 'cyan',
  PUBLICISED: 'gold',
  APPROVED: 'success',
  DECLINED: 'error',
  RETURNED: 'warning',
  NOT_RECOMMENDED: 'error',
  WITHDRAWN: 'default',
  REFUSED: 'error',
};

export function PilotStateTag({ state }: { state: PilotState }) {
  return (
    <Tag color={STATE_COLORS[state]} data-testid="pilot-state">
      {PILOT_STATE_LABELS[state]}
    </Tag>
  );
}
