import {
  listOf,
  numberOrNull,
  objectOf,
  objectOrNull,
  oneOf,
  textOrNull,
} from '../applications/stored-json.js';
import { BUDGET_SOURCES, type ProjectBudget } from './project-budget.js';
import { PROJECT_CHANGE_KIND_LABELS, type ProjectChange, type ProjectChangeKind } from './project-changes.js';
import {
  MILESTONE_STATUS_LABELS,
  type MilestoneStatus,
  PROGRESS_REPORT_KIND_LABELS,
  type ProgressReport,
  type ProgressReportKind,
} from './progress-reports.js';
import { fenOrNull, parseIpTerms, parseParticipants } from './programme-records.js';

// A project's records as stored (and as a client sends them in an action's details): the budget,
// a change request and the progress reports. Whatever is malformed reads as absent or empty, so
// the domain's rules name what is missing.

const text = (value: unknown) => textOrNull(value) ?? '';
const CHANGE_KINDS = Object.keys(PROJECT_CHANGE_KIND_LABELS) as ProjectChangeKind[];
const REPORT_KINDS = Object.keys(PROGRESS_REPORT_KIND_LABELS) as ProgressReportKind[];
const MILESTONE_STATUSES = Object.keys(MILESTONE_STATUS_LABELS) as MilestoneStatus[];

/** A budget by source; lines of an unknown source or with an amount that is no fen are dropped. */
export function parseProjectBudget(value: unknown): ProjectBudget {
  const budget = objectOf(value);
  return {
    totalFen: fenOrNull(budget.totalFen) ?? '0',
    lines: listOf(budget.lines).flatMap((l) => {
      const line = objectOf(l);
      const source = BUDGET_SOURCES.find((s) => s === line.source);
      const amountFen = fenOrNull(line.amountFen);
      return source && amountFen !== null ? [{ source, amountFen, purpose: text(line.purpose) }] : [];
    }),
  };
}

/** A change request, or null when it names no kind of change. */
export function parseProjectChange(value: unknown): ProjectChange | null {
  const c = objectOrNull(value);
  const kind = c ? oneOf(CHANGE_KINDS, c.kind) : null;
  if (!c || !kind) return null;
  switch (kind) {
    case 'EXTENSION':
      return { kind, newEndOn: text(c.newEndOn) };
    case 'BUDGET_REALLOCATION':
      return { kind, budget: parseProjectBudget(c.budget) };
    case 'PARTICIPANT_CHANGE':
      return {
        kind,
        added: parseParticipants(c.added),
        removedOrganizationIds: listOf(c.removedOrganizationIds).flatMap((id) =>
          typeof id === 'string' ? [id] : [],
        ),
        benefitShares: parseIpTerms({ benefitShares: c.benefitShares }).benefitShares,
      };
    case 'RESPONSIBLE_PERSON':
      return { kind, responsiblePerson: text(c.responsiblePerson) };
  }
}

/** One progress report, or null when it names no kind of report. */
export function parseProgressReport(value: unknown): ProgressReport | null {
  const r = objectOrNull(value);
  const kind = r ? oneOf(REPORT_KINDS, r.kind) : null;
  if (!r || !kind) return null;
  const year = numberOrNull(r.year);
  return {
    kind,
    year: year !== null && Number.isInteger(year) ? year : null,
    submittedOn: text(r.submittedOn),
    summary: text(r.summary),
    milestones: listOf(r.milestones).flatMap((m) => {
      const o = objectOf(m);
      const status = oneOf(MILESTONE_STATUSES, o.status);
      return status ? [{ title: text(o.title), status, note: text(o.note) }] : [];
    }),
  };
}

export function parseProgressReports(value: unknown): ProgressReport[] {
  return listOf(value).flatMap((r) => {
    const report = parseProgressReport(r);
    return report ? [report] : [];
  });
}
