import { decide } from '../applications/workflow.js';
import type { WorkItemKind } from '../work-list/work-items.js';
import {
  PROGRAMME_APPLICATION_WORKFLOW,
  type ProgrammeActor,
  type ProgrammeApplicationAction,
  type ProgrammeApplicationState,
  type ProgrammeGuard,
} from './programme-application-workflow.js';
import {
  PROJECT_WORKFLOW,
  type ProjectAction,
  type ProjectActor,
  type ProjectGuard,
  type ProjectState,
} from './project-lifecycle.js';

// What waits for a user on a programme application or a project: the forward step of the kind's
// transition table they may take now, as pilots/pending-work.ts does for pilot applications.

const APPLICATION_WORK: readonly (readonly [ProgrammeApplicationAction, WorkItemKind])[] = [
  ['SUBMIT', 'REVISE'],
  ['RECOMMEND', 'RECOMMEND'],
  ['ACCEPT', 'CHECK'],
  ['START_REVIEW', 'ASSIGN_PANEL'],
  ['FINISH_REVIEW', 'CLOSE_REVIEW'],
  ['PUBLICISE', 'PUBLICISE'],
  ['AWARD', 'DECIDE'],
];

// Guards the user satisfies by doing the work (a reason, the dossier, the panel, the amount) do
// not keep the item off their list; the facts of the case (sheets in, the notice, the submitter) do.
const APPLICATION_MET_BY_DOING: readonly ProgrammeGuard[] = [
  'REASON_GIVEN',
  'OPINION_GIVEN',
  'ELIGIBLE',
  'DOSSIER_COMPLETE',
  'CALL_OPEN',
  'PANEL_COMPLETE',
  'AWARD_AMOUNT_SET',
  'WITHIN_PROGRAMME_BUDGET',
];

export function pendingProgrammeApplicationWork(
  state: ProgrammeApplicationState,
  actors: readonly ProgrammeActor[],
  factHolds: (guard: ProgrammeGuard) => boolean,
): WorkItemKind | null {
  const holds = (g: ProgrammeGuard) => APPLICATION_MET_BY_DOING.includes(g) || factHolds(g);
  for (const [action, kind] of APPLICATION_WORK)
    if (decide(PROGRAMME_APPLICATION_WORKFLOW, state, action, actors, holds).allowed) return kind;
  return null;
}

// A project's work for the authority: a change request to approve, a frozen project to dispose
// of (continuing or adjusting leave FROZEN only; terminating and revoking are open from any state,
// so they do not make a running project work).
const PROJECT_WORK: readonly (readonly [ProjectAction, WorkItemKind])[] = [
  ['APPROVE_CHANGE', 'APPROVE_CHANGE'],
  ['CONTINUE_UNDER_UNIT', 'DISPOSE_FROZEN'],
  ['ADJUST', 'DISPOSE_FROZEN'],
];

const PROJECT_MET_BY_DOING: readonly ProjectGuard[] = [
  'REASON_GIVEN',
  'CHANGE_WELL_FORMED',
  'NO_PARTICIPANT_DEBARRED',
  'SUCCESSOR_UNIT_NAMED',
];

export function pendingProjectWork(
  state: ProjectState,
  actors: readonly ProjectActor[],
  factHolds: (guard: ProjectGuard) => boolean,
): WorkItemKind | null {
  const holds = (g: ProjectGuard) => PROJECT_MET_BY_DOING.includes(g) || factHolds(g);
  for (const [action, kind] of PROJECT_WORK)
    if (decide(PROJECT_WORKFLOW, state, action, actors, holds).allowed) return kind;
  return null;
}

/** The states in which a project may be work for someone, for the work list's read. */
export const PROJECT_WORK_STATES: readonly ProjectState[] = PROJECT_WORKFLOW.transitions
  .filter((t) => PROJECT_WORK.some(([action]) => action === t.action))
  .map((t) => t.from);
