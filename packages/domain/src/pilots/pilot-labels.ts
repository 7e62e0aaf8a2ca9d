import { labelsOf } from '../applications/workflow.js';
import { PILOT_WORKFLOW, type PilotGuard } from './pilot-transitions.js';

// Chinese wording for the pilot workflow, shared by the API's refusals and the apps' pages.

export const PilotLevel = { PROVINCIAL: 'PROVINCIAL', CITY: 'CITY' } as const;
export type PilotLevel = (typeof PilotLevel)[keyof typeof PilotLevel];

export const PILOT_LEVEL_LABELS: Record<PilotLevel, string> = {
  PROVINCIAL: '省级试点',
  CITY: '市级试点',
};

/** Why an action was refused, one line per failing guard. */
export const PILOT_GUARD_LABELS: Record<PilotGuard, string> = labelsOf(PILOT_WORKFLOW.guards);
