import { describe, expect, it } from 'vitest';
import { exportHref } from './export-button';

describe('exportHref', () => {
  it.each([
    ['no filter', 'filings', {}, undefined, '/api/exports/filings.xlsx'],
    [
      'empty values left out',
      'filings',
      { scope: 'OWN', state: null, roundId: '' },
      undefined,
      '/api/exports/filings.xlsx?scope=OWN',
    ],
    [
      'lists joined by commas',
      'pilot-applications',
      { states: ['SUBMITTED', 'RECOMMENDED'] },
      undefined,
      '/api/exports/pilot-applications.xlsx?states=SUBMITTED%2CRECOMMENDED',
    ],
    [
      'an empty list left out',
      'pilot-applications',
      { states: [] },
      undefined,
      '/api/exports/pilot-applications.xlsx',
    ],
    [
      'numbers and flags',
      'projects',
      { year: 2024, unverifiedOnly: true },
      undefined,
      '/api/exports/projects.xlsx?year=2024&unverifiedOnly=true',
    ],
    ['visible columns', 'experts', {}, ['name', 'title'], '/api/exports/experts.xlsx?columns=name%2Ctitle'],
    [
      'Chinese search text encoded',
      'alliances',
      { search: '轨道 交通' },
      undefined,
      '/api/exports/alliances.xlsx?search=%E8%BD%A8%E9%81%93+%E4%BA%A4%E9%80%9A',
    ],
  ] as const)('%s', (_name, list, filter, columns, href) => {
    expect(exportHref(list, filter, columns)).toBe(href);
  });
});
