import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  availablePilotActions,
  decidePilotTransition,
  FINAL_PILOT_STATES,
  PILOT_TRANSITIONS,
  PilotAction,
  PilotActor,
  type PilotGuard,
  PilotState,
} from './pilot-transitions.js';

const states = Object.values(PilotState);
const actions = Object.values(PilotAction);
const actors = Object.values(PilotActor);
const all = () => true;

describe('pilot application transitions', () => {
  const cells = states.flatMap((s) => actions.flatMap((a) => actors.map((r) => [s, a, r] as const)));

  it.each(cells)('%s × %s × %s follows the table', (state, action, actor) => {
    const decision = decidePilotTransition(state, action, [actor], all);
    const row = PILOT_TRANSITIONS.find((x) => x.from === state && x.action === action);
    if (!row) expect(decision).toEqual({ allowed: false, reason: 'NOT_ALLOWED_IN_STATE' });
    else if (!row.actors.includes(actor))
      expect(decision).toEqual({ allowed: false, reason: 'ACTOR_NOT_ALLOWED' });
    else expect(decision).toEqual({ allowed: true, to: row.to });
  });

  it('has one row per state and action', () => {
    const keys = PILOT_TRANSITIONS.map((x) => `${x.from}/${x.action}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('leaves final states for good', () => {
    for (const state of FINAL_PILOT_STATES)
      expect(PILOT_TRANSITIONS.filter((x) => x.from === state)).toEqual([]);
  });

  it('reaches a final state from every state', () => {
    for (const start of states) {
      const seen = new Set<string>([start]);
      const queue: string[] = [start];
      while (queue.length) {
        const s = queue.shift()!;
        for (const x of PILOT_TRANSITIONS.filter((row) => row.from === s)) {
          if (!seen.has(x.to)) {
            seen.add(x.to);
            queue.push(x.to);
          }
        }
      }
      expect([...seen].some((s) => (FINAL_PILOT_STATES as readonly string[]).includes(s))).toBe(true);
    }
  });

  it('refuses submission while an Art. 8 condition fails, naming the guard', () => {
    const guards = (g: PilotGuard) => g !== 'FOUNDING_CONDITIONS_HOLD';
    expect(decidePilotTransition('DRAFT', 'SUBMIT', ['APPLICANT_SIDE'], guards)).toEqual({
      allowed: false,
      reason: 'GUARD_FAILED',
      failedGuards: ['FOUNDING_CONDITIONS_HOLD'],
    });
  });

  it('lets only the recommending unit recommend, and not the one who submitted', () => {
    expect(decidePilotTransition('SUBMITTED', 'RECOMMEND', ['APPLICANT_SIDE'], all).allowed).toBe(false);
    const sameUser = (g: PilotGuard) => g !== 'RECOMMENDER_IS_NOT_SUBMITTER';
    expect(decidePilotTransition('SUBMITTED', 'RECOMMEND', ['RECOMMENDER'], sameUser)).toMatchObject({
      failedGuards: ['RECOMMENDER_IS_NOT_SUBMITTER'],
    });
  });

  it('lets the authority decide with or without public notice, and publicise only when the measures set a period', () => {
    expect(decidePilotTransition('REVIEWED', 'APPROVE', ['AUTHORITY_ADMIN'], all)).toEqual({
      allowed: true,
      to: 'APPROVED',
    });
    expect(decidePilotTransition('REVIEWED', 'PUBLICISE', ['AUTHORITY'], all).allowed).toBe(true);
    const noPeriod = (g: PilotGuard) => g !== 'NOTICE_PERIOD_SET';
    expect(decidePilotTransition('REVIEWED', 'PUBLICISE', ['AUTHORITY'], noPeriod)).toMatchObject({
      failedGuards: ['NOTICE_PERIOD_SET'],
    });
    const noticeRunning = (g: PilotGuard) => g !== 'NOTICE_PERIOD_OVER';
    expect(decidePilotTransition('PUBLICISED', 'APPROVE', ['AUTHORITY_ADMIN'], noticeRunning)).toMatchObject({
      failedGuards: ['NOTICE_PERIOD_OVER'],
    });
  });

  it('allows withdrawal only before review', () => {
    const withdrawable = states.filter(
      (s) => decidePilotTransition(s, 'WITHDRAW', ['APPLICANT_SIDE'], all).allowed,
    );
    expect(withdrawable.sort()).toEqual(['ACCEPTED', 'DRAFT', 'RECOMMENDED', 'RETURNED', 'SUBMITTED']);
  });

  it('offers exactly the actions the table allows', () => {
    fc.assert(
      fc.property(fc.constantFrom(...states), fc.subarray(actors), (state, who) => {
        const offered = availablePilotActions(state, who);
        for (const action of actions) {
          const allowed = decidePilotTransition(state, action, who, all).allowed;
          expect(offered.includes(action)).toBe(allowed);
        }
      }),
    );
  });
});

describe('availablePilotActions with a guard known to fail', () => {
  it('does not offer RECOMMEND to the admin who submitted, and offers the rest', () => {
    const submitter = (g: PilotGuard) => g === 'RECOMMENDER_IS_NOT_SUBMITTER';
    expect(availablePilotActions('SUBMITTED', ['APPLICANT_SIDE', 'RECOMMENDER'], submitter).sort()).toEqual([
      'NOT_RECOMMEND',
      'RETURN',
      'WITHDRAW',
    ]);
    expect(availablePilotActions('SUBMITTED', ['APPLICANT_SIDE', 'RECOMMENDER']).sort()).toEqual([
      'NOT_RECOMMEND',
      'RECOMMEND',
      'RETURN',
      'WITHDRAW',
    ]);
  });
});
