import {
  ALLIANCE_STATUS_LABELS,
  NATIONAL_PILOT_LABEL,
  PILOT_STATUS_LABELS,
  type AllianceStatus,
  type FilingState,
  type PilotStatus,
} from '@xiangmeng/domain';
import { Flex, Tag, Tooltip, Typography } from 'antd';
import { filingStateLabel, isFilingState } from './register-filter';

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

/** 国家级试点 with the Ministry's document number and date, beside the tier's pilot status. */
export function NationalPilotTag({
  designation,
  compact = false,
}: {
  designation: { documentNumber: string; designatedOn: string } | null | undefined;
  /** In a table: the tag alone, the document and date on hover. */
  compact?: boolean;
}) {
  if (!designation) return null;
  const basis = `${designation.documentNumber}，${designation.designatedOn}认定`;
  return (
    <Tooltip title={`科技部认定：${basis}`}>
      <Tag color="gold" data-testid="national-pilot-tag">
        {compact ? NATIONAL_PILOT_LABEL : `${NATIONAL_PILOT_LABEL}（${basis}）`}
      </Tag>
    </Tooltip>
  );
}

const FILING_COLORS: Record<FilingState, string | undefined> = {
  DRAFT: undefined,
  SUBMITTED: 'processing',
  ACCEPTED: 'processing',
  RETURNED: 'warning',
  REFUSED: 'error',
  IN_REVIEW: 'processing',
  REVIEWED: 'processing',
  PUBLICISED: 'processing',
  FILED: 'success',
  CHANGE_SUBMITTED: 'blue',
  SUSPENDED: 'volcano',
  WITHDRAWN: 'default',
  REVOKED: 'error',
};

/**
 * 备案: the state of the alliance's filing and, once filed, its number (below it in a table's
 * narrow column, beside it inline); 未备案 without one.
 */
export function AllianceFilingTag({
  filing,
  inline = false,
}: {
  filing: { state: string; filingNumber?: string | null } | null | undefined;
  inline?: boolean;
}) {
  if (!filing) return <Typography.Text type="secondary">未备案</Typography.Text>;
  const { state } = filing;
  return (
    <Flex
      vertical={!inline}
      gap={inline ? 4 : 2}
      align={inline ? 'center' : 'start'}
      data-testid="alliance-filing"
    >
      <Tag color={isFilingState(state) ? FILING_COLORS[state] : undefined}>{filingStateLabel(state)}</Tag>
      {filing.filingNumber && (
        <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
          {filing.filingNumber}
        </Typography.Text>
      )}
    </Flex>
  );
}
