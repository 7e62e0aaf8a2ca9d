import {
  ALLIANCE_STATUS_LABELS,
  FILING_STATE_LABELS,
  IN_FORCE_FILING_STATES,
  isRegisterFilingFilter,
  NO_FILING,
  PILOT_STATUS_LABELS,
  REGISTER_FILING_FILTER_LABELS,
  type AllianceStatus,
  type FilingState,
  type PilotStatus,
  type RegisterFilingFilter,
} from '@xiangmeng/domain';
import type { AllianceFilterInput, AllianceOrder } from '../../gql/graphql';

// The register's filters live in the address under the API's own names, so a filtered register
// can be bookmarked, shared (全省市州 links to a city's) and exported with the same query string.

export const FILTER_KEYS = [
  'tenantCode',
  'industryCode',
  'status',
  'pilotStatus',
  'filingState',
  'search',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

const DIVISION_CODE = /^\d{6}$/;

/** The filter in the address; a value this app does not know is left out, not sent. */
export function readRegisterFilter(params: URLSearchParams): AllianceFilterInput {
  const filter: AllianceFilterInput = {};
  const tenantCode = params.get('tenantCode');
  const industryCode = params.get('industryCode');
  const status = params.get('status');
  const pilotStatus = params.get('pilotStatus');
  const filingState = params.get('filingState');
  const search = params.get('search');
  if (tenantCode && DIVISION_CODE.test(tenantCode)) filter.tenantCode = tenantCode;
  if (industryCode) filter.industryCode = industryCode;
  if (status && Object.hasOwn(ALLIANCE_STATUS_LABELS, status)) filter.status = status as AllianceStatus;
  if (pilotStatus && Object.hasOwn(PILOT_STATUS_LABELS, pilotStatus))
    filter.pilotStatus = pilotStatus as PilotStatus;
  if (isRegisterFilingFilter(filingState)) filter.filingState = filingState;
  if (search?.trim()) filter.search = search.trim();
  return filter;
}

/**
 * The filing states worth offering as a filter: the province reads a city's alliance only while
 * its filing is in force, and has none of its own (未备案); a city sees every state of its own.
 */
export function filingFilterOptions(province: boolean): { value: RegisterFilingFilter; label: string }[] {
  const states: readonly RegisterFilingFilter[] = province
    ? [...IN_FORCE_FILING_STATES, NO_FILING]
    : (Object.keys(REGISTER_FILING_FILTER_LABELS) as RegisterFilingFilter[]);
  return states.map((value) => ({ value, label: REGISTER_FILING_FILTER_LABELS[value] }));
}

export function isFilingState(state: string): state is FilingState {
  return Object.hasOwn(FILING_STATE_LABELS, state);
}

/** A filing state in Chinese; one this app does not know yet shows as the API wrote it. */
export function filingStateLabel(state: string): string {
  return isFilingState(state) ? FILING_STATE_LABELS[state] : state;
}

const ORDERS: readonly AllianceOrder[] = ['NEWEST', 'NAME', 'FOUNDED_NEWEST', 'FOUNDED_OLDEST'];

/** The register's order in the address (`sort`); registration, newest first, unless it names another. */
export function readRegisterOrder(params: URLSearchParams): AllianceOrder {
  const sort = params.get('sort');
  return ORDERS.find((order) => order === sort) ?? 'NEWEST';
}

/** The order a click on a column's sorter asks for; clearing it returns to registration order. */
export function orderOfColumn(
  columnKey: unknown,
  direction: 'ascend' | 'descend' | null | undefined,
): AllianceOrder {
  if (columnKey === 'name' && direction) return 'NAME';
  if (columnKey === 'foundedOn' && direction === 'ascend') return 'FOUNDED_OLDEST';
  if (columnKey === 'foundedOn' && direction === 'descend') return 'FOUNDED_NEWEST';
  return 'NEWEST';
}
