import { PILOT_LEVEL_LABELS, type PilotLevel } from '@xiangmeng/domain';
import { Tag } from 'antd';

/** The level of pilot a call selects for, and so of the applications and pilots it leads to. */
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
