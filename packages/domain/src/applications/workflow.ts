// The one application engine's vocabulary. A workflow kind (pilot applications, filings,
// programme applications…) declares its states with what each means for the other parts of the
// system, its actions, the parts users play, the guards checked when acting, and its transition
// table. The API runs every kind with one engine; the apps offer only what the table allows.

/** What a state means beyond its name; the database's rules and the work list read these flags. */
export type StateTraits = {
  label: string;
  /** Nothing follows: no action leaves it, no field changes. */
  final?: boolean;
  /** The record is still under way: one such record per subject at a time. */
  open?: boolean;
  /** The applicant side may edit the form. */
  editable?: boolean;
  /** The record has been sent to the authority's tier, which reads it from then on. */
  sentUpward?: boolean;
  /** A decision (with its reason and basis) has been taken. */
  decided?: boolean;
  /** Ended without effect: the subject may apply again (it no longer counts as its one record). */
  lapsed?: boolean;
};

export type Transition<S extends string, A extends string, R extends string, G extends string> = {
  from: S;
  action: A;
  to: S;
  actors: readonly R[];
  guards: readonly G[];
};

/**
 * A kind of the engine: its transition table, and the two records it keeps as JSON — the dossier
 * frozen when a record is sent on (`D`) and the basis a decision records (`B`) — each with the
 * one function that reads it from storage (tolerant of rows older versions wrote).
 */
export type WorkflowKind<
  S extends string,
  A extends string,
  R extends string,
  G extends string,
  D = unknown,
  B = unknown,
> = {
  /** The table and audit subject the kind's records live in, e.g. `pilot_application`. */
  name: string;
  states: Record<S, StateTraits>;
  actions: Record<A, { label: string }>;
  actors: Record<R, { label: string }>;
  guards: Record<G, { label: string }>;
  transitions: readonly Transition<S, A, R, G>[];
  parseDossier: (stored: unknown) => D;
  parseDecisionBasis: (stored: unknown) => B;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a kind of any shape
export type AnyWorkflow = WorkflowKind<any, any, any, any, any, any>;
export type StateOf<W> = W extends WorkflowKind<infer S, string, string, string> ? S : never;
export type ActionOf<W> = W extends WorkflowKind<string, infer A, string, string> ? A : never;
export type ActorOf<W> = W extends WorkflowKind<string, string, infer R, string> ? R : never;
export type GuardOf<W> = W extends WorkflowKind<string, string, string, infer G> ? G : never;
export type DossierOf<W> = W extends { parseDossier: (stored: unknown) => infer D } ? D : never;
export type DecisionBasisOf<W> = W extends { parseDecisionBasis: (stored: unknown) => infer B } ? B : never;

export type Decision<S extends string, G extends string> =
  | { allowed: true; to: S }
  | { allowed: false; reason: 'NOT_ALLOWED_IN_STATE' | 'ACTOR_NOT_ALLOWED' }
  | { allowed: false; reason: 'GUARD_FAILED'; failedGuards: G[] };

/**
 * Declares a kind after checking its table is coherent: every transition joins declared states,
 * no action leaves a final state, and no state is a dead end unless it is final.
 */
export function defineWorkflow<
  S extends string,
  A extends string,
  R extends string,
  G extends string,
  D = unknown,
  B = unknown,
>(kind: WorkflowKind<S, A, R, G, D, B>): WorkflowKind<S, A, R, G, D, B> {
  const problems = workflowProblems(kind);
  if (problems.length) throw new Error(`workflow ${kind.name}: ${problems.join('; ')}`);
  return kind;
}

export function workflowProblems<S extends string, A extends string, R extends string, G extends string>(
  kind: WorkflowKind<S, A, R, G>,
): string[] {
  const problems: string[] = [];
  const states = Object.keys(kind.states) as S[];
  const seen = new Set<string>();
  for (const t of kind.transitions) {
    if (!(t.from in kind.states)) problems.push(`unknown state ${t.from}`);
    if (!(t.to in kind.states)) problems.push(`unknown state ${t.to}`);
    if (!(t.action in kind.actions)) problems.push(`unknown action ${t.action}`);
    for (const a of t.actors) if (!(a in kind.actors)) problems.push(`unknown actor ${a}`);
    for (const g of t.guards) if (!(g in kind.guards)) problems.push(`unknown guard ${g}`);
    if (kind.states[t.from]?.final) problems.push(`${t.action} leaves final state ${t.from}`);
    const key = `${t.from}/${t.action}`;
    if (seen.has(key)) problems.push(`${t.action} from ${t.from} is declared twice`);
    seen.add(key);
  }
  for (const s of states) {
    const leaves = kind.transitions.some((t) => t.from === s);
    if (!leaves && !kind.states[s].final) problems.push(`state ${s} is a dead end but not final`);
  }
  return problems;
}

export function transitionOf<S extends string, A extends string, R extends string, G extends string>(
  kind: WorkflowKind<S, A, R, G>,
  from: S,
  action: A,
): Transition<S, A, R, G> | undefined {
  return kind.transitions.find((t) => t.from === from && t.action === action);
}

/** State first, then who acts, then the guards: a user who may not act learns nothing from them. */
export function decide<S extends string, A extends string, R extends string, G extends string>(
  kind: WorkflowKind<S, A, R, G>,
  from: S,
  action: A,
  actors: readonly R[],
  guardHolds: (guard: G) => boolean,
): Decision<S, G> {
  const transition = transitionOf(kind, from, action);
  if (!transition) return { allowed: false, reason: 'NOT_ALLOWED_IN_STATE' };
  if (!transition.actors.some((a) => actors.includes(a)))
    return { allowed: false, reason: 'ACTOR_NOT_ALLOWED' };
  const failedGuards = transition.guards.filter((g) => !guardHolds(g));
  if (failedGuards.length) return { allowed: false, reason: 'GUARD_FAILED', failedGuards };
  return { allowed: true, to: transition.to };
}

/** The actions a user may offer in a state; a guard already known to fail keeps its action off. */
export function availableActions<S extends string, A extends string, R extends string, G extends string>(
  kind: WorkflowKind<S, A, R, G>,
  from: S,
  actors: readonly R[],
  knownToFail: (guard: G) => boolean = () => false,
): A[] {
  return kind.transitions
    .filter((t) => t.from === from && t.actors.some((a) => actors.includes(a)) && !t.guards.some(knownToFail))
    .map((t) => t.action);
}

/** The states carrying a trait, in declaration order (what the database's rules must list). */
export function statesWhere<S extends string>(
  kind: { states: Record<S, StateTraits> },
  trait: Exclude<keyof StateTraits, 'label'>,
): S[] {
  return (Object.keys(kind.states) as S[]).filter((s) => kind.states[s][trait] === true);
}

export function stateLabels<S extends string>(kind: { states: Record<S, StateTraits> }): Record<S, string> {
  return Object.fromEntries(Object.entries<StateTraits>(kind.states).map(([s, t]) => [s, t.label])) as Record<
    S,
    string
  >;
}

export function labelsOf<K extends string>(entries: Record<K, { label: string }>): Record<K, string> {
  return Object.fromEntries(
    Object.entries<{ label: string }>(entries).map(([k, v]) => [k, v.label]),
  ) as Record<K, string>;
}
