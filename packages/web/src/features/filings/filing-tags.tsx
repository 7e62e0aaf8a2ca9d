import { FILING_ROUND_STATUS_LABELS, FILING_STATE_LABELS, type FilingState } from '@xiangmeng/domain';
import { Tag } from 'antd';
import { callPhase, type CallPhase } from '../calls/call-tags';
import { isFilingRoundStatus, isFilingState } from './filing-values';

const STATE_COLORS: Record<FilingState, string | undefined> = {
  DRAFT: undefined,
  SUBMITTED: 'processing',
  ACCEPTED: 'geekblue',
  RETURNED: 'warning',
  REFUSED: 'error',
  IN_REVIEW: 'purple',
  REVIEWED: 'cyan',
  PUBLICISED: 'gold',
  FILED: 'success',
  CHANGE_SUBMITTED: 'blue',
  SUSPENDED: 'volcano',
  WITHDRAWN: 'default',
  REVOKED: 'error',
};

/** A filing's state; a state this app does not know yet shows as the API wrote it. */
export function FilingStateTag({ state }: { state: string }) {
  return (
    <Tag color={isFilingState(state) ? STATE_COLORS[state] : undefined} data-testid="filing-state">
      {isFilingState(state) ? FILING_STATE_LABELS[state] : state}
    </Tag>
  );
}

const PHASE_LABELS: Record<CallPhase, { label: string; color?: string }> = {
  DRAFT: { label: FILING_ROUND_STATUS_LABELS.DRAFT },
  OPEN: { label: '受理中', color: 'success' },
  NOT_STARTED: { label: '未开始', color: 'processing' },
  CLOSED: { label: '已截止', color: 'default' },
};

/** A round's phase: a draft, or published and before, within or after its window. */
export function FilingRoundPhaseTag({
  round,
}: {
  round: { status: string; isOpen: boolean; opensAt: string };
}) {
  const status = isFilingRoundStatus(round.status) ? round.status : 'PUBLISHED';
  const { label, color } = PHASE_LABELS[callPhase({ ...round, status })];
  return (
    <Tag color={color} data-testid="filing-round-phase">
      {label}
    </Tag>
  );
}
