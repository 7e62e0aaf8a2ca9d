import { describe, expect, it } from 'vitest';
import {
  firstReportYear,
  type PlatformRecord,
  platformRecordViolations,
  type PlatformReportFigures,
  platformReportViolations,
  reportDueOn,
  reportOverdue,
} from './platform.js';

const base: PlatformRecord = {
  kind: 'ENGINEERING_RESEARCH_CENTRE',
  level: 'PROVINCIAL',
  name: '湖南省先进储能材料工程技术研究中心',
  hostOrganizationId: 'host',
  coBuilderOrganizationIds: ['b'],
  allianceMemberIds: ['host', 'b', 'c'],
  field: 'NEW_MATERIALS',
  recognitionDocument: '湘科计〔2026〕12号',
  recognisedOn: '2026-06-01',
  director: '李明',
};
const rules = (p: Partial<PlatformRecord>, tier: 'PROVINCE' | 'CITY' = 'PROVINCE') =>
  platformRecordViolations({ ...base, ...p }, tier, '2026-12-06').map((x) => `${x.field}:${x.rule}`);

describe('a register entry', () => {
  it.each([
    ['valid', {}, 'PROVINCE', []],
    [
      'a national key laboratory by the province',
      { kind: 'KEY_LABORATORY', level: 'NATIONAL' },
      'PROVINCE',
      [],
    ],
    ['an unknown kind', { kind: 'LAB' }, 'PROVINCE', ['kind:ONE_OF']],
    ['a provincial one entered by a city', {}, 'CITY', ['level:AUTHORITY_LEVEL']],
    [
      'a level the kind does not have',
      { kind: 'INDUSTRY_INNOVATION_CENTRE', level: 'CITY' },
      'CITY',
      ['level:KIND_LEVEL'],
    ],
    ['no name', { name: '  ' }, 'PROVINCE', ['name:REQUIRED']],
    ['a name too long', { name: '中'.repeat(101) }, 'PROVINCE', ['name:TOO_LONG']],
    ['a control character', { director: '李\u0000明' }, 'PROVINCE', ['director:CONTROL_CHARACTER']],
    ['a recognition in the future', { recognisedOn: '2026-12-07' }, 'PROVINCE', ['recognisedOn:NOT_FUTURE']],
    ['not a date', { recognisedOn: '2026-02-30' }, 'PROVINCE', ['recognisedOn:DATE']],
    [
      'a host outside the alliance',
      { hostOrganizationId: 'x' },
      'PROVINCE',
      ['hostOrganizationId:ALLIANCE_MEMBER'],
    ],
    [
      'a co-builder outside the alliance',
      { coBuilderOrganizationIds: ['x'] },
      'PROVINCE',
      ['coBuilderOrganizationIds.0:ALLIANCE_MEMBER'],
    ],
    [
      'the host as co-builder',
      { coBuilderOrganizationIds: ['host'] },
      'PROVINCE',
      ['coBuilderOrganizationIds.0:DUPLICATE'],
    ],
    ['no field', { field: '' }, 'PROVINCE', ['field:REQUIRED']],
  ] as const)('%s', (_case, p, tier, expected) => {
    expect(rules(p as Partial<PlatformRecord>, tier)).toEqual(expected);
  });
});

const report: PlatformReportFigures = {
  year: 2026,
  staff: 45,
  rdSpendingFen: '1250000000',
  projects: 12,
  papers: 30,
  patents: 8,
  standards: 2,
  industryServices: 60,
};

describe('an annual report', () => {
  it.each([
    ['valid', {}, []],
    ['a year before recognition', { year: 2025 }, ['year:INTEGER_RANGE']],
    ['a year not begun', { year: 2027 }, ['year:INTEGER_RANGE']],
    ['negative staff', { staff: -1 }, ['staff:INTEGER_RANGE']],
    ['fractional papers', { papers: 1.5 }, ['papers:INTEGER_RANGE']],
    ['spending in yuan with a point', { rdSpendingFen: '12.50' }, ['rdSpendingFen:FEN']],
    ['negative spending', { rdSpendingFen: '-1' }, ['rdSpendingFen:FEN']],
  ] as const)('%s', (_case, r, expected) => {
    expect(
      platformReportViolations({ ...report, ...r }, { recognisedOn: '2026-06-01' }, '2026-12-06').map(
        (x) => `${x.field}:${x.rule}`,
      ),
    ).toEqual(expected);
  });
});

describe('report deadlines (China calendar)', () => {
  it.each([
    ['ENGINEERING_RESEARCH_CENTRE', 2026, '2027-03-31'],
    ['ENTERPRISE_TECHNOLOGY_CENTRE', 2026, '2027-04-30'],
    ['KEY_LABORATORY', 2027, '2028-03-31'],
  ] as const)('%s of %s is due by %s', (kind, year, due) => {
    expect(reportDueOn(kind, year)).toBe(due);
  });
  it.each([
    ['on the due day', false, '2027-03-31', false],
    ['the day after, missing', false, '2027-04-01', true],
    ['the day after, filed', true, '2027-04-01', false],
  ] as const)('%s', (_case, filed, today, overdue) => {
    expect(reportOverdue('ENGINEERING_RESEARCH_CENTRE', 2026, filed, today)).toBe(overdue);
  });
  it('the first report is of the year of recognition', () => {
    expect(firstReportYear('2026-06-01')).toBe(2026);
  });
});
