import type { StateTraits } from './workflow.js';

// Where a record stands on its kind's main route, for a progress bar beside its timeline: the
// route's steps in order, the one it is at, and how it left the route when it did (returned for
// revision, or ended without effect).

export type ProgressStep<S extends string> = { state: S; label: string };

export type WorkflowProgress<S extends string> = {
  steps: ProgressStep<S>[];
  /** Index of the step the record is at (for an ended record, the step it did not pass). */
  current: number;
  /** `finish` at the route's end; `error` when it ended off the route; `process` otherwise. */
  status: 'process' | 'finish' | 'error';
};

/**
 * The progress of a record in `state` along `route` (the states it goes through when all goes
 * well; `optional` ones are shown only once reached). `reached` are the states its history went
 * through, oldest first; a state off the route takes the place of the step it stopped before.
 */
export function workflowProgress<S extends string>(
  kind: { states: Record<S, StateTraits> },
  route: readonly S[],
  state: S,
  reached: readonly S[],
  optional: readonly S[] = [],
): WorkflowProgress<S> {
  const seen = new Set<S>([...reached, state]);
  const shown = route.filter((s) => !optional.includes(s) || seen.has(s));
  const steps = shown.map((s) => ({ state: s, label: kind.states[s].label }));
  const at = shown.indexOf(state);
  if (at >= 0) return { steps, current: at, status: at === shown.length - 1 ? 'finish' : 'process' };
  // Off the route: after the furthest step its history reached.
  const furthest = Math.max(0, ...reached.map((s) => shown.indexOf(s)));
  const traits = kind.states[state];
  if (traits.editable) {
    // Back on the applicant's side (e.g. 退回修改): at the first step again, under its own name.
    steps[0] = { state, label: traits.label };
    return { steps, current: 0, status: 'process' };
  }
  const current = Math.min(furthest + 1, steps.length - 1);
  steps[current] = { state, label: traits.label };
  return { steps, current, status: traits.lapsed || traits.final ? 'error' : 'process' };
}
