import { FilingState, NO_FILING } from '@xiangmeng/domain';
import { describe, expect, it } from 'vitest';
import { filingFilterOptions, filingStateLabel, readRegisterFilter } from './register-filter';
import { orderOfColumn, readRegisterOrder } from './register-filter';
import { exportHref } from '../../shared/export-button';

describe('readRegisterFilter', () => {
  it.each([
    ['nothing', '', {}],
    [
      'every filter',
      'tenantCode=430200&industryCode=SE01&status=ESTABLISHED&pilotStatus=CITY_PILOT&filingState=FILED&search=%20轨道%20',
      {
        tenantCode: '430200',
        industryCode: 'SE01',
        status: 'ESTABLISHED',
        pilotStatus: 'CITY_PILOT',
        filingState: 'FILED',
        search: '轨道',
      },
    ],
    ['alliances without a filing', 'filingState=NONE', { filingState: NO_FILING }],
    ['a city code that is not one', 'tenantCode=株洲', {}],
    ['values the API would refuse', 'status=CLOSED&pilotStatus=NATIONAL&filingState=filed', {}],
    ['a search of blanks', 'search=%20%20', {}],
    ['names it does not use', 'city=430200&page=3', {}],
  ])('reads %s', (_name, query, expected) => {
    expect(readRegisterFilter(new URLSearchParams(query))).toEqual(expected);
  });
});

describe('the register export address', () => {
  it('carries the same filter under the same names', () => {
    const href = exportHref('alliances', {
      tenantCode: '430200',
      filingState: 'SUSPENDED',
      search: '新材料',
    });
    expect(href.startsWith('/api/exports/alliances.xlsx?')).toBe(true);
    expect(readRegisterFilter(new URL(href, 'http://x').searchParams)).toEqual({
      tenantCode: '430200',
      filingState: 'SUSPENDED',
      search: '新材料',
    });
  });

  it('asks for the whole register without a filter', () => {
    expect(exportHref('alliances', {})).toBe('/api/exports/alliances.xlsx');
  });
});

describe('filingFilterOptions', () => {
  it('offers the province the states in which it reads a city’s alliance, and 未备案 for its own', () => {
    expect(filingFilterOptions(true)).toEqual([
      { value: 'FILED', label: '已备案' },
      { value: 'CHANGE_SUBMITTED', label: '变更备案待审' },
      { value: 'SUSPENDED', label: '暂停' },
      { value: 'NONE', label: '未备案' },
    ]);
  });

  it('offers a city every state of its own filings, and 未备案', () => {
    expect(filingFilterOptions(false).map((o) => o.value)).toEqual([
      ...Object.values(FilingState),
      NO_FILING,
    ]);
  });
});

describe('filingStateLabel', () => {
  it.each([
    ['FILED', '已备案'],
    ['CHANGE_SUBMITTED', '变更备案待审'],
    ['ARCHIVED', 'ARCHIVED'],
  ])('%s → %s', (state, label) => {
    expect(filingStateLabel(state)).toBe(label);
  });
});

describe('the register order in the address', () => {
  it.each([
    ['', 'NEWEST'],
    ['sort=NAME', 'NAME'],
    ['sort=FOUNDED_OLDEST', 'FOUNDED_OLDEST'],
    ['sort=FOUNDED_NEWEST', 'FOUNDED_NEWEST'],
    ['sort=name', 'NEWEST'],
    ['sort=DROP', 'NEWEST'],
  ])('%s reads as %s', (query, order) => {
    expect(readRegisterOrder(new URLSearchParams(query))).toBe(order);
  });

  it.each([
    ['name', 'ascend', 'NAME'],
    ['name', null, 'NEWEST'],
    ['foundedOn', 'ascend', 'FOUNDED_OLDEST'],
    ['foundedOn', 'descend', 'FOUNDED_NEWEST'],
    ['foundedOn', undefined, 'NEWEST'],
    ['status', 'ascend', 'NEWEST'],
  ] as const)('sorting %s %s asks for %s', (column, direction, order) => {
    expect(orderOfColumn(column, direction)).toBe(order);
  });
});
