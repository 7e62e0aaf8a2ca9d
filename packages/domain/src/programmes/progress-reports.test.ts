import { describe, expect, it } from 'vitest';
import {
  annualReportYears,
  midtermDateOf,
  type ProgressReport,
  progressReportViolations,
  reportsDue,
} from './progress-reports.js';

const contract = {
  startOn: '2027-07-01',
  endOn: '2029-06-30',
  milestones: [
    { title: '完成样机设计', dueOn: '2027-12-31' },
    { title: '完成样机试制', dueOn: '2028-09-30' },
    { title: '完成装车考核', dueOn: '2029-06-30' },
  ],
};

const annual2027: ProgressReport = {
  kind: 'ANNUAL',
  year: 2027,
  submittedOn: '2028-01-15',
  summary: '样机设计已完成，进入试制准备',
  milestones: [{ title: '完成样机设计', status: 'DONE', note: '' }],
};

describe('when reports are owed', () => {
  it.each([
    [{ startOn: '2027-07-01', endOn: '2029-06-30' }, [2027, 2028], '2028-06-30'],
    [{ startOn: '2027-01-01', endOn: '2027-12-31' }, [], '2027-07-02'],
    [{ startOn: '2027-03-01', endOn: '2030-02-28' }, [2027, 2028, 2029], '2028-08-29'],
  ])('%j: annual for %j, mid-term on %s', (period, years, midterm) => {
    expect(annualReportYears(period)).toEqual(years);
    expect(midtermDateOf(period)).toBe(midterm);
  });

  it.each<[string, string, { kind: 'ANNUAL' | 'MIDTERM'; year: number | null }[], string[]]>([
    ['nothing before the first year ends', '2027-12-31', [], []],
    ['the first year once ended', '2028-01-01', [], ['ANNUAL 2027']],
    ['nothing once sent', '2028-01-01', [{ kind: 'ANNUAL', year: 2027 }], []],
    ['the mid-term from its day', '2028-06-30', [{ kind: 'ANNUAL', year: 2027 }], ['MIDTERM null']],
    ['everything at the end', '2029-07-01', [], ['ANNUAL 2027', 'ANNUAL 2028', 'MIDTERM null']],
  ])('%s', (_name, today, sent, owed) => {
    expect(reportsDue(contract, sent, today).map((r) => `${r.kind} ${r.year}`)).toEqual(owed);
  });
});

describe('a progress report', () => {
  it('takes a report of a year ended, covering its milestones', () => {
    expect(progressReportViolations(annual2027, contract, [])).toEqual([]);
  });

  it('takes a late milestone explained', () => {
    const report: ProgressReport = {
      ...annual2027,
      milestones: [{ title: '完成样机设计', status: 'DELAYED', note: '关键芯片到货推迟，预计 2 月完成' }],
    };
    expect(progressReportViolations(report, contract, [])).toEqual([]);
  });

  it.each<[string, Partial<ProgressReport>, { kind: 'ANNUAL' | 'MIDTERM'; year: number | null }[], string[]]>(
    [
      ['no summary', { summary: '' }, [], ['summary REQUIRED']],
      ['a year outside the project', { year: 2026 }, [], ['year NOT_A_REPORT_YEAR']],
      [
        'the final year (covered at acceptance)',
        {
          year: 2029,
          submittedOn: '2029-06-01',
          milestones: [
            { title: '完成样机设计', status: 'DONE', note: '' },
            { title: '完成样机试制', status: 'DONE', note: '' },
          ],
        },
        [],
        ['year NOT_A_REPORT_YEAR'],
      ],
      [
        'a year not yet begun',
        { year: 2028, submittedOn: '2027-12-01', milestones: [] },
        [],
        ['year YEAR_NOT_REACHED'],
      ],
      ['a year sent twice', {}, [{ kind: 'ANNUAL', year: 2027 }], ['kind ALREADY_REPORTED']],
      ['a milestone due left out', { milestones: [] }, [], ['milestones MILESTONE_UNREPORTED']],
      [
        'a late milestone unexplained',
        { milestones: [{ title: '完成样机设计', status: 'DELAYED', note: ' ' }] },
        [],
        ['milestones DELAY_UNEXPLAINED'],
      ],
      ['no date', { submittedOn: '2028-13-01' }, [], ['submittedOn DATE']],
    ],
  )('refuses %s', (_name, change, sent, expected) => {
    expect(
      progressReportViolations({ ...annual2027, ...change }, contract, sent).map(
        (v) => `${v.field} ${v.rule}`,
      ),
    ).toEqual(expected);
  });

  it.each<[string, Partial<ProgressReport>, string[]]>([
    ['on the mid-term day', { submittedOn: '2028-06-30' }, []],
    ['before the mid-term', { submittedOn: '2028-06-29' }, ['submittedOn BEFORE_MIDTERM']],
    ['with a year', { year: 2028 }, ['year NO_YEAR']],
  ])('a mid-term report %s', (_name, change, expected) => {
    const midterm: ProgressReport = {
      kind: 'MIDTERM',
      year: null,
      submittedOn: '2028-07-10',
      summary: '中期进展',
      milestones: [{ title: '完成样机设计', status: 'DONE', note: '' }],
      ...change,
    };
    expect(progressReportViolations(midterm, contract, []).map((v) => `${v.field} ${v.rule}`)).toEqual(
      expected,
    );
  });
});
