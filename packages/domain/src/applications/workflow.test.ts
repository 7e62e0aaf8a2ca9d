import { describe, expect, it } from 'vitest';
import { PILOT_WORKFLOW } from '../pilots/pilot-transitions.js';
import {
  availableActions,
  decide,
  defineWorkflow,
  statesWhere,
  type WorkflowKind,
  workflowProblems,
} from './workflow.js';

type S = 'OPEN' | 'DONE' | 'STUCK';
type A = 'CLOSE' | 'REOPEN';
type R = 'CLERK' | 'CHIEF';
type G = 'SIGNED';

const kind: WorkflowKind<S, A, R, G, { subject: string }, { approved: boolean }> = {
  name: 'ticket',
  parseDossier: (stored) => {
    const subject = (stored as { subject?: unknown } | null)?.subject;
    return { subject: typeof subject === 'string' ? subject : '' };
  },
  parseDecisionBasis: (stored) => ({
    approved: (stored as { approved?: unknown } | null)?.approved === true,
  }),
  states: {
    OPEN: { label: '办理中', open: true },
    DONE: { label: '办结', final: true },
    STUCK: { label: '搁置' },
  },
  actions: { CLOSE: { label: '办结' }, REOPEN: { label: '重新办理' } },
  actors: { CLERK: { label: '经办人' }, CHIEF: { label: '负责人' } },
  guards: { SIGNED: { label: '须签字' } },
  transitions: [
    { from: 'OPEN', action: 'CLOSE', to: 'DONE', actors: ['CHIEF'], guards: ['SIGNED'] },
    { from: 'STUCK', action: 'REOPEN', to: 'OPEN', actors: ['CLERK', 'CHIEF'], guards: [] },
  ],
};

describe('a workflow kind', () => {
  it('accepts a coherent table', () => {
    expect(workflowProblems(kind)).toEqual([]);
    expect(workflowProblems(PILOT_WORKFLOW)).toEqual([]);
  });

  it.each([
    [
      'an action leaving a final state',
      { from: 'DONE', action: 'REOPEN', to: 'OPEN', actors: ['CHIEF'], guards: [] },
      'leaves final state DONE',
    ],
    [
      'an unknown state',
      { from: 'OPEN', action: 'REOPEN', to: 'LOST', actors: ['CHIEF'], guards: [] },
      'unknown state LOST',
    ],
    [
      'an unknown actor',
      { from: 'OPEN', action: 'REOPEN', to: 'STUCK', actors: ['MAYOR'], guards: [] },
      'unknown actor MAYOR',
    ],
    [
      'an unknown guard',
      { from: 'OPEN', action: 'REOPEN', to: 'STUCK', actors: ['CHIEF'], guards: ['SEALED'] },
      'unknown guard SEALED',
    ],
    [
      'the same action from a state twice',
      { from: 'OPEN', action: 'CLOSE', to: 'STUCK', actors: ['CHIEF'], guards: [] },
      'declared twice',
    ],
  ])('refuses %s', (_name, extra, problem) => {
    const broken = { ...kind, transitions: [...kind.transitions, extra] } as unknown as WorkflowKind<
      S,
      A,
      R,
      G
    >;
    expect(workflowProblems(broken).join('; ')).toContain(problem);
    expect(() => defineWorkflow(broken)).toThrow(problem);
  });

  it('refuses a state no action leaves unless it is final', () => {
    const broken = { ...kind, transitions: kind.transitions.slice(0, 1) };
    expect(workflowProblems(broken)).toEqual(['state STUCK is a dead end but not final']);
  });

  it.each([
    ['DONE', 'CLOSE', ['CHIEF'], true, { allowed: false, reason: 'NOT_ALLOWED_IN_STATE' }],
    ['OPEN', 'CLOSE', ['CLERK'], false, { allowed: false, reason: 'ACTOR_NOT_ALLOWED' }],
    ['OPEN', 'CLOSE', ['CHIEF'], false, { allowed: false, reason: 'GUARD_FAILED', failedGuards: ['SIGNED'] }],
    ['OPEN', 'CLOSE', ['CLERK', 'CHIEF'], true, { allowed: true, to: 'DONE' }],
  ] as const)('decides %s × %s by %j (signed: %s)', (from, action, actors, signed, decision) => {
    expect(decide(kind, from, action, actors, () => signed)).toEqual(decision);
  });

  it('offers only what the table allows the actor, less what is known to fail', () => {
    expect(availableActions(kind, 'OPEN', ['CHIEF'])).toEqual(['CLOSE']);
    expect(availableActions(kind, 'OPEN', ['CLERK'])).toEqual([]);
    expect(availableActions(kind, 'OPEN', ['CHIEF'], (g) => g === 'SIGNED')).toEqual([]);
  });

  it('lists the states with a trait in declaration order', () => {
    expect(statesWhere(kind, 'final')).toEqual(['DONE']);
    expect(statesWhere(PILOT_WORKFLOW, 'editable')).toEqual(['DRAFT', 'RETURNED']);
  });
});
