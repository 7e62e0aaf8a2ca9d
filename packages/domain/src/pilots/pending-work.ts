import type { WorkItemKind } from '../work-list/work-items.js';
import {
  decidePilotTransition,
  type PilotAction,
  type PilotActor,
  type PilotGuard,
  type PilotState,
} from './pilot-transitions.js';

// What waits for a user on an application: the forward step of the transition table they may take
// now. The work list, its counts and its deadlines all follow from the table, not a second copy.

const WORK_BY_ACTION: readonly (readonly [PilotAction, WorkItemKind])[] = [
  ['SUBMIT', 'REVISE'],
  ['RECOMMEND', 'RECOMMEND'],
  ['ACCEPT', 'CHECK'],
  ['START_REVIEW', 'ASSIGN_PANEL'],
  ['CLOSE_REVIEW', 'CLOSE_REVIEW'],
  ['APPROVE', 'DECIDE'],
  ['PUBLICISE', 'PUBLICISE'],
];

// Guards the user satisfies by doing the work (a reason, the dossier, the panel) do not keep the
// item off their list; the facts of the case (sheets in, notice over, another submitter) do.
const MET_BY_DOING_THE_WORK: readonly PilotGuard[] = [
  'REASON_GIVEN',
  'OPINION_GIVEN',
  'FOUNDING_CONDITIONS_HOLD',
  'DOSSIER_COMPLETE',
  'CALL_OPEN',
  'PANEL_COMPLETE',
];

export function pendingWork(
  state: PilotState,
  actors: readonly PilotActor[],
  factHolds: (guard: PilotGuard) => boolean,
): WorkItemKind | null {
  for (const [action, kind] of WORK_BY_ACTION) {
    const holds = (g: PilotGuard) => MET_BY_DOING_THE_WORK.includes(g) || factHolds(g);
    if (decidePilotTransition(state, action, actors, holds).allowed) return kind;
  }
  return null;
}
