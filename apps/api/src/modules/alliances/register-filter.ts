import {
  ALLIANCE_STATUS_LABELS,
  type AllianceStatus,
  type FieldViolation,
  isRegisterFilingFilter,
  PILOT_STATUS_LABELS,
  type PilotStatus,
  type RegisterFilingFilter,
} from '@xiangmeng/domain';
import { violation } from '../../common/errors/app-error';
import type { AllianceFilterInput } from './dto/alliance.input';

/** The register's filter once checked: the tenant resolved from its code. */
export type RegisterFilter = {
  industryCode?: string;
  status?: AllianceStatus;
  pilotStatus?: PilotStatus;
  search?: string;
  tenantId?: string;
  filingState?: RegisterFilingFilter;
};

const DIVISION_CODE = /^\d{6}$/;

/**
 * What is wrong with a register filter, field by field. GraphQL checks its enums itself; the Excel
 * export reads the same filter from a query string, so every field is checked here once for both.
 */
export function registerFilterViolations(input: AllianceFilterInput): FieldViolation[] {
  const violations: FieldViolation[] = [];
  if (input.status && !Object.hasOwn(ALLIANCE_STATUS_LABELS, input.status))
    violations.push(violation('filter.status', 'ONE_OF', '联盟状态只能是筹建中、已成立或已解散'));
  if (input.pilotStatus && !Object.hasOwn(PILOT_STATUS_LABELS, input.pilotStatus))
    violations.push(violation('filter.pilotStatus', 'ONE_OF', '试点状态只能是非试点、市级试点或省级试点'));
  if (input.tenantCode && !DIVISION_CODE.test(input.tenantCode.trim()))
    violations.push(
      violation('filter.tenantCode', 'DIVISION_CODE', '登记单位应为 6 位行政区划代码，如 430200'),
    );
  if (input.filingState && !isRegisterFilingFilter(input.filingState))
    violations.push(violation('filter.filingState', 'ONE_OF', '没有这一备案状态（未备案为 NONE）'));
  return violations;
}
