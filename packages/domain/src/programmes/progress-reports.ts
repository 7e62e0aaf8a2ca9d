import { addCalendarDays, isCalendarDate } from '../calendar/calendar-date.js';
import { checkControlCharacters } from '../text/control-characters.js';
import { ART_19, programmeRefusal, type ProgrammeViolation } from './programme-violation.js';
import { milestonesDueBy, type TaskContract } from './task-contract.js';

// Progress reports against the task contract's milestones: one for each calendar year the project
// runs through (the year it ends is covered by the final report at acceptance) and one at mid-term.
// A report accounts for every milestone due by the day it is sent; a late one says why.

export const ProgressReportKind = { ANNUAL: 'ANNUAL', MIDTERM: 'MIDTERM' } as const;
export type ProgressReportKind = (typeof ProgressReportKind)[keyof typeof ProgressReportKind];

export const MilestoneStatus = { DONE: 'DONE', ON_TRACK: 'ON_TRACK', DELAYED: 'DELAYED' } as const;
export type MilestoneStatus = (typeof MilestoneStatus)[keyof typeof MilestoneStatus];

export const PROGRESS_REPORT_KIND_LABELS: Record<ProgressReportKind, string> = {
  ANNUAL: '年度进展报告',
  MIDTERM: '中期报告',
};

export const MILESTONE_STATUS_LABELS: Record<MilestoneStatus, string> = {
  DONE: '已完成',
  ON_TRACK: '按计划推进',
  DELAYED: '滞后',
};

export type MilestoneProgress = { title: string; status: MilestoneStatus; note: string };

export type ProgressReport = {
  kind: ProgressReportKind;
  /** The calendar year an annual report covers; null for the mid-term report. */
  year: number | null;
  submittedOn: string;
  summary: string;
  milestones: MilestoneProgress[];
};

export type ReportDue = { kind: ProgressReportKind; year: number | null };

type Period = Pick<TaskContract, 'startOn' | 'endOn'>;

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/** The mid-term: the day halfway through the period, rounded down. */
export function midtermDateOf(period: Period): string {
  return addCalendarDays(
    period.startOn,
    Math.floor((dayNumber(period.endOn) - dayNumber(period.startOn)) / 2),
  );
}

/** The years an annual report covers: from the start year up to, not including, the end year. */
export function annualReportYears(period: Period): number[] {
  const years: number[] = [];
  for (let y = Number(period.startOn.slice(0, 4)); y < Number(period.endOn.slice(0, 4)); y += 1)
    years.push(y);
  return years;
}

const sameReport = (a: ReportDue, b: ReportDue) => a.kind === b.kind && a.year === b.year;

/** The reports owed by `today` and not yet sent: each year that has ended, and the mid-term once reached. */
export function reportsDue(period: Period, sent: readonly ReportDue[], today: string): ReportDue[] {
  const owed: ReportDue[] = [
    ...annualReportYears(period)
      .filter((y) => `${y}-12-31` < today)
      .map((year) => ({ kind: 'ANNUAL' as const, year })),
    ...(midtermDateOf(period) <= today ? [{ kind: 'MIDTERM' as const, year: null }] : []),
  ];
  return owed.filter((due) => !sent.some((s) => sameReport(s, due)));
}

/** Whether the report may be sent today (the REPORT_COMPLETE guard); empty when it may. */
export function progressReportViolations(
  report: ProgressReport,
  contract: Pick<TaskContract, 'startOn' | 'endOn' | 'milestones'>,
  sent: readonly ReportDue[],
): ProgrammeViolation[] {
  const v: ProgrammeViolation[] = [];
  const today = report.submittedOn;
  if (!isCalendarDate(today)) return [programmeRefusal('submittedOn', 'DATE', '报送日期无效', ART_19)];
  const summary = report.summary.trim();
  if (summary === '') v.push(programmeRefusal('summary', 'REQUIRED', '请填写进展情况', ART_19));
  else if ([...summary].length > 5000)
    v.push(programmeRefusal('summary', 'TOO_LONG', '进展情况不超过 5000 字', ART_19));
  else if (checkControlCharacters(summary))
    v.push(programmeRefusal('summary', 'CONTROL_CHARACTER', '进展情况不能包含控制字符', ART_19));

  if (report.kind === 'ANNUAL') {
    const year = report.year;
    if (year === null || !annualReportYears(contract).includes(year))
      v.push(
        programmeRefusal(
          'year',
          'NOT_A_REPORT_YEAR',
          '该年度不在项目执行期内，或已由验收总结报告涵盖',
          ART_19,
        ),
      );
    else if (String(year) > today.slice(0, 4))
      v.push(programmeRefusal('year', 'YEAR_NOT_REACHED', `${year} 年度尚未开始`, ART_19));
  } else {
    const midterm = midtermDateOf(contract);
    if (report.year !== null) v.push(programmeRefusal('year', 'NO_YEAR', '中期报告不分年度', ART_19));
    else if (today < midterm)
      v.push(programmeRefusal('submittedOn', 'BEFORE_MIDTERM', `项目中期（${midterm}）尚未到达`, ART_19));
  }
  if (sent.some((s) => sameReport(s, report)))
    v.push(programmeRefusal('kind', 'ALREADY_REPORTED', '该期报告已报送', ART_19));

  for (const milestone of milestonesDueBy(contract, today)) {
    const progress = report.milestones.find((m) => m.title === milestone.title);
    if (!progress)
      v.push(
        programmeRefusal(
          'milestones',
          'MILESTONE_UNREPORTED',
          `请报告已到期节点「${milestone.title}」（${milestone.dueOn}）的完成情况`,
          ART_19,
        ),
      );
    else if (progress.status !== 'DONE' && progress.note.trim() === '')
      v.push(
        programmeRefusal(
          'milestones',
          'DELAY_UNEXPLAINED',
          `节点「${milestone.title}」已于 ${milestone.dueOn} 到期未完成，请说明原因和措施`,
          ART_19,
        ),
      );
  }
  return v;
}
