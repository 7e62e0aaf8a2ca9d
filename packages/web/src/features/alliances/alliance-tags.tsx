import {
  ALLIANCE_STATUS_LABELS,
  PILOT_STATUS_LABELS,
  type AllianceStatus,
  type PilotStatus,
} from '@xiangmeng/domain';
import { Tag } from 'antd';

const STATUS_COLORS: Record<AllianceStatus, string> = {
  FORMING: 'processing',
  ESTABLISHED: 'success',
  DISSOLVED: 'default',
};

const PILOT_COLORS: Record<PilotStatus, string | undefined> = {
  NONE: undefined,
  CITY_PILOT: 'cyan',
  PROVINCIAL_PILOT: 'purple',
};

export function AllianceStatusTag({ status }: { status: AllianceStatus }) {
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="alliance-status">
      {ALLIANCE_STATUS_LABELS[status]}
    </Tag>
  );
}

export function PilotStatusTag({ pilotStatus }: { pilotStatus: PilotStatus }) {
  return <Tag color={PILOT_COLORS[pilotStatus]}>{PILOT_STATUS_LABELS[pilotStatus]}</Tag>;
}
