import { PILOT_LEVEL_LABELS, PILOT_STATE_LABELS, type PilotLevel, type PilotState } from '@xiangmeng/domain';
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

export function PilotLevelTag({ level }: { level: PilotLevel }) {
  return <Tag color={level === 'PROVINCIAL' ? 'purple' : 'cyan'}>{PILOT_LEVEL_LABELS[level]}</Tag>;
}

export type CallPhase = 'DRAFT' | 'OPEN' | 'NOT_STARTED' | 'CLOSED';

const PHASE_LABELS: Record<CallPhase, { label: string; color?: string }> = {
  DRAFT: { label: '草稿' },
  OPEN: { label: '申报中', color: 'success' },
  NOT_STARTED: { label: '未开始', color: 'processing' },
  CLOSED: { label: '已截止', color: 'default' },
};

/** A call's phase: the API says whether it is open; otherwise the window tells before from after. */
export function callPhase(call: {
  status: 'DRAFT' | 'PUBLISHED';
  isOpen: boolean;
  opensAt: string;
}): CallPhase {
  if (call.status === 'DRAFT') return 'DRAFT';
  if (call.isOpen) return 'OPEN';
  return Date.now() < Date.parse(call.opensAt) ? 'NOT_STARTED' : 'CLOSED';
}

export function CallPhaseTag({ phase }: { phase: CallPhase }) {
  const { label, color } = PHASE_LABELS[phase];
  return (
    <Tag color={color} data-testid="pilot-call-phase">
      {label}
    </Tag>
  );
}
