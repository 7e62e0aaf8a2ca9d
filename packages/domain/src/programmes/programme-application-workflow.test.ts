import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { availableActions, decide, statesWhere, workflowProblems } from '../applications/workflow.js';
import {
  FINAL_PROGRAMME_APPLICATION_STATES,
  PROGRAMME_ACTOR_LABELS,
  PROGRAMME_APPLICATION_ACTION_LABELS,
  PROGRAMME_APPLICATION_STATE_LABELS,
  PROGRAMME_APPLICATION_WORKFLOW as W,
  PROGRAMME_GUARD_LABELS,
  ProgrammeActor,
  ProgrammeApplicationAction,
  ProgrammeApplicationState,
  programmeApplicationRoute,
  type ProgrammeGuard,
  programmeRouteHolds,
} from './programme-application-workflow.js';

const states = Object.values(ProgrammeApplicationState);
const actions = Object.values(ProgrammeApplicationAction);
const actors = Object.values(ProgrammeActor);
const all = () => true;

type Settings = { awardNoticeDays: number };
const PLAIN: Settings = { awardNoticeDays: 0 };
const NOTICE: Settings = { awardNoticeDays: 5 };

const holds =
  (programme: Settings, failing: readonly ProgrammeGuard[] = []) =>
  (guard: ProgrammeGuard) =>
    !failing.includes(guard) && (programmeRouteHolds(guard, programme) ?? true);

describe('the programme application table', () => {
  it('is a coherent kind of the application engine', () => {
    expect(workflowProblems(W)).toEqual([]);
    expect(W.name).toBe('programme_application');
  });

  it('has a Chinese label for every state, action, actor and guard', () => {
    for (const label of [
      ...Object.values(PROGRAMME_APPLICATION_STATE_LABELS),
      ...Object.values(PROGRAMME_APPLICATION_ACTION_LABELS),
      ...Object.values(PROGRAMME_ACTOR_LABELS),
      ...Object.values(PROGRAMME_GUARD_LABELS),
    ])
      expect(label).toMatch(/[\u4e00-\u9fa5]/);
  });

  it.each([
    ['final', ['AWARDED', 'DECLINED', 'NOT_RECOMMENDED', 'REFUSED', 'WITHDRAWN']],
    ['lapsed', ['DECLINED', 'NOT_RECOMMENDED', 'REFUSED', 'WITHDRAWN']],
    ['editable', ['DRAFT', 'RETURNED']],
    ['decided', ['AWARDED', 'DECLINED']],
    // The authority never sees a draft, nor what the recommending unit has not sent on.
    [
      'sentUpward',
      ['RECOMMENDED', 'ACCEPTED', 'IN_REVIEW', 'REVIEWED', 'PUBLICISED', 'AWARDED', 'DECLINED', 'REFUSED'],
    ],
  ] as const)('marks the %s states', (trait, expected) => {
    expect(statesWhere(W, trait)).toEqual(expected);
  });

  const cells = states.flatMap((s) => actions.flatMap((a) => actors.map((r) => [s, a, r] as const)));

  it.each(cells)('%s × %s × %s follows the table', (state, action, actor) => {
    const decision = decide(W, state, action, [actor], all);
    const row = W.transitions.find((x) => x.from === state && x.action === action);
    if (!row) expect(decision).toEqual({ allowed: false, reason: 'NOT_ALLOWED_IN_STATE' });
    else if (!row.actors.includes(actor))
      expect(decision).toEqual({ allowed: false, reason: 'ACTOR_NOT_ALLOWED' });
    else expect(decision).toEqual({ allowed: true, to: row.to });
  });

  it('leaves final states for good and reaches one from every state', () => {
    for (const state of FINAL_PROGRAMME_APPLICATION_STATES)
      expect(W.transitions.filter((x) => x.from === state)).toEqual([]);
    for (const start of states) {
      const seen = new Set<string>([start]);
      const queue: string[] = [start];
      while (queue.length) {
        const s = queue.shift()!;
        for (const x of W.transitions.filter((row) => row.from === s))
          if (!seen.has(x.to)) {
            seen.add(x.to);
            queue.push(x.to);
          }
      }
      expect(
        [...seen].some((s) => (FINAL_PROGRAMME_APPLICATION_STATES as readonly string[]).includes(s)),
      ).toBe(true);
    }
  });

  it('offers exactly the actions the table allows', () => {
    fc.assert(
      fc.property(fc.constantFrom(...states), fc.subarray(actors), (state, who) => {
        const offered = availableActions(W, state, who);
        for (const action of actions)
          expect(offered.includes(action)).toBe(decide(W, state, action, who, all).allowed);
      }),
    );
  });

  it('checks eligibility at submission and again at award', () => {
    const eligibleAt = W.transitions
      .filter((x) => x.guards.includes('ELIGIBLE'))
      .map((x) => `${x.from}/${x.action}`);
    expect(eligibleAt).toEqual(['DRAFT/SUBMIT', 'RETURNED/SUBMIT', 'REVIEWED/AWARD', 'PUBLICISED/AWARD']);
  });
});

type Step = readonly [ProgrammeApplicationAction, ProgrammeActor];
const applicant = (a: ProgrammeApplicationAction): Step => [a, 'APPLICANT_SIDE'];
const recommender = (a: ProgrammeApplicationAction): Step => [a, 'RECOMMENDER'];
const authority = (a: ProgrammeApplicationAction): Step => [a, 'AUTHORITY'];
const admin = (a: ProgrammeApplicationAction): Step => [a, 'AUTHORITY_ADMIN'];

function walk(
  programme: Settings,
  steps: readonly Step[],
  from: ProgrammeApplicationState = 'DRAFT',
): ProgrammeApplicationState[] {
  const visited: ProgrammeApplicationState[] = [from];
  for (const [action, actor] of steps) {
    const decision = decide(W, visited.at(-1)!, action, [actor], holds(programme));
    if (!decision.allowed)
      throw new Error(`${action} by ${actor} from ${visited.at(-1)}: ${decision.reason}`);
    visited.push(decision.to);
  }
  return visited;
}

const TO_REVIEWED: Step[] = [
  applicant('SUBMIT'),
  recommender('RECOMMEND'),
  authority('ACCEPT'),
  authority('START_REVIEW'),
  authority('FINISH_REVIEW'),
];

describe('every path of the issue text', () => {
  it.each<[string, Settings, Step[]]>([
    ['without notice', PLAIN, [...TO_REVIEWED, admin('AWARD')]],
    ['with notice', NOTICE, [...TO_REVIEWED, authority('PUBLICISE'), admin('AWARD')]],
  ])('awards %s along the programme’s route', (_name, programme, steps) => {
    expect(walk(programme, steps)).toEqual(programmeApplicationRoute(programme));
  });

  it.each<[string, Step[], ProgrammeApplicationState]>([
    ['not recommended', [applicant('SUBMIT'), recommender('NOT_RECOMMEND')], 'NOT_RECOMMENDED'],
    [
      'returned by the recommending unit, resubmitted',
      [applicant('SUBMIT'), recommender('RETURN'), applicant('SUBMIT')],
      'SUBMITTED',
    ],
    [
      'returned at the formal check',
      [applicant('SUBMIT'), recommender('RECOMMEND'), authority('RETURN')],
      'RETURNED',
    ],
    [
      'refused at the formal check',
      [applicant('SUBMIT'), recommender('RECOMMEND'), authority('REFUSE')],
      'REFUSED',
    ],
    ['declined after review', [...TO_REVIEWED, admin('DECLINE')], 'DECLINED'],
    [
      'declined when no panel can be formed',
      [applicant('SUBMIT'), recommender('RECOMMEND'), authority('ACCEPT'), admin('DECLINE')],
      'DECLINED',
    ],
    ['withdrawn as a draft', [applicant('WITHDRAW')], 'WITHDRAWN'],
    [
      'withdrawn after acceptance',
      [applicant('SUBMIT'), recommender('RECOMMEND'), authority('ACCEPT'), applicant('WITHDRAW')],
      'WITHDRAWN',
    ],
  ])('%s', (_name, steps, end) => {
    expect(walk(PLAIN, steps).at(-1)).toBe(end);
  });

  it('declines after a notice, when an objection is upheld', () => {
    expect(walk(NOTICE, [...TO_REVIEWED, authority('PUBLICISE'), admin('DECLINE')]).at(-1)).toBe('DECLINED');
  });

  it('lets a sustained objection stop the award but not the decline', () => {
    const sustained = (g: ProgrammeGuard) => g !== 'NO_OBJECTION_SUSTAINED';
    expect(decide(W, 'PUBLICISED', 'AWARD', ['AUTHORITY_ADMIN'], sustained)).toEqual({
      allowed: false,
      reason: 'GUARD_FAILED',
      failedGuards: ['NO_OBJECTION_SUSTAINED'],
    });
    expect(decide(W, 'PUBLICISED', 'DECLINE', ['AUTHORITY_ADMIN'], sustained)).toEqual({
      allowed: true,
      to: 'DECLINED',
    });
  });

  it('lets the applicant withdraw only before review', () => {
    const withdrawable = states.filter((s) => decide(W, s, 'WITHDRAW', ['APPLICANT_SIDE'], all).allowed);
    expect(withdrawable).toEqual(['DRAFT', 'SUBMITTED', 'RECOMMENDED', 'ACCEPTED', 'RETURNED']);
  });
});

describe('refusals', () => {
  it.each<[string, ProgrammeApplicationState, ProgrammeApplicationAction, ProgrammeActor]>([
    ['the authority submitting for the applicant', 'DRAFT', 'SUBMIT', 'AUTHORITY_ADMIN'],
    ['the applicant recommending itself', 'SUBMITTED', 'RECOMMEND', 'APPLICANT_SIDE'],
    ['the authority recommending', 'SUBMITTED', 'RECOMMEND', 'AUTHORITY_ADMIN'],
    ['the recommender accepting', 'RECOMMENDED', 'ACCEPT', 'RECOMMENDER'],
    ['an officer awarding (admins decide)', 'REVIEWED', 'AWARD', 'AUTHORITY'],
    ['an officer declining', 'REVIEWED', 'DECLINE', 'AUTHORITY'],
    ['the applicant awarding', 'PUBLICISED', 'AWARD', 'APPLICANT_SIDE'],
    ['the recommender withdrawing', 'SUBMITTED', 'WITHDRAW', 'RECOMMENDER'],
  ])('wrong actor: %s', (_name, state, action, actor) => {
    expect(decide(W, state, action, [actor], all)).toEqual({ allowed: false, reason: 'ACTOR_NOT_ALLOWED' });
  });

  it.each<[string, ProgrammeApplicationState, ProgrammeApplicationAction]>([
    ['awarding before review', 'ACCEPTED', 'AWARD'],
    ['awarding during review', 'IN_REVIEW', 'AWARD'],
    ['reviewing before acceptance', 'RECOMMENDED', 'START_REVIEW'],
    ['withdrawing during review', 'IN_REVIEW', 'WITHDRAW'],
    ['withdrawing an award', 'AWARDED', 'WITHDRAW'],
    ['resubmitting a refusal', 'REFUSED', 'SUBMIT'],
    ['publicising before review', 'ACCEPTED', 'PUBLICISE'],
    ['refusing after acceptance', 'ACCEPTED', 'REFUSE'],
  ])('wrong state: %s', (_name, state, action) => {
    expect(decide(W, state, action, actors, all)).toEqual({ allowed: false, reason: 'NOT_ALLOWED_IN_STATE' });
  });

  it.each<
    [
      string,
      Settings,
      ProgrammeApplicationState,
      ProgrammeApplicationAction,
      ProgrammeActor,
      ProgrammeGuard[],
      ProgrammeGuard[],
    ]
  >([
    [
      'a submission after the call closed',
      PLAIN,
      'DRAFT',
      'SUBMIT',
      'APPLICANT_SIDE',
      ['CALL_OPEN'],
      ['CALL_OPEN'],
    ],
    [
      'a submission of an ineligible alliance',
      PLAIN,
      'DRAFT',
      'SUBMIT',
      'APPLICANT_SIDE',
      ['ELIGIBLE'],
      ['ELIGIBLE'],
    ],
    [
      'an incomplete dossier',
      PLAIN,
      'RETURNED',
      'SUBMIT',
      'APPLICANT_SIDE',
      ['DOSSIER_COMPLETE'],
      ['DOSSIER_COMPLETE'],
    ],
    [
      'a recommendation without opinion',
      PLAIN,
      'SUBMITTED',
      'RECOMMEND',
      'RECOMMENDER',
      ['OPINION_GIVEN'],
      ['OPINION_GIVEN'],
    ],
    [
      'a recommendation by the submitter',
      PLAIN,
      'SUBMITTED',
      'RECOMMEND',
      'RECOMMENDER',
      ['RECOMMENDER_IS_NOT_SUBMITTER'],
      ['RECOMMENDER_IS_NOT_SUBMITTER'],
    ],
    [
      'a refusal without reason',
      PLAIN,
      'RECOMMENDED',
      'REFUSE',
      'AUTHORITY',
      ['REASON_GIVEN'],
      ['REASON_GIVEN'],
    ],
    [
      'a review without full panel',
      PLAIN,
      'ACCEPTED',
      'START_REVIEW',
      'AUTHORITY',
      ['PANEL_COMPLETE'],
      ['PANEL_COMPLETE'],
    ],
    [
      'closing a review with sheets out',
      PLAIN,
      'IN_REVIEW',
      'FINISH_REVIEW',
      'AUTHORITY',
      ['ALL_SHEETS_SUBMITTED'],
      ['ALL_SHEETS_SUBMITTED'],
    ],
    [
      'declining unreviewed while a panel can be formed',
      PLAIN,
      'ACCEPTED',
      'DECLINE',
      'AUTHORITY_ADMIN',
      ['NO_VALID_PANEL'],
      ['NO_VALID_PANEL'],
    ],
    [
      'an award without the notice the programme sets',
      NOTICE,
      'REVIEWED',
      'AWARD',
      'AUTHORITY_ADMIN',
      [],
      ['NO_NOTICE_ASKED'],
    ],
    [
      'a notice the programme does not set',
      PLAIN,
      'REVIEWED',
      'PUBLICISE',
      'AUTHORITY',
      [],
      ['NOTICE_ASKED'],
    ],
    [
      'an award during the notice',
      NOTICE,
      'PUBLICISED',
      'AWARD',
      'AUTHORITY_ADMIN',
      ['NOTICE_PERIOD_OVER'],
      ['NOTICE_PERIOD_OVER'],
    ],
    [
      'an award with an objection unanswered',
      NOTICE,
      'PUBLICISED',
      'AWARD',
      'AUTHORITY_ADMIN',
      ['OBJECTIONS_ANSWERED'],
      ['OBJECTIONS_ANSWERED'],
    ],
    [
      'an award after an objection was sustained',
      NOTICE,
      'PUBLICISED',
      'AWARD',
      'AUTHORITY_ADMIN',
      ['NO_OBJECTION_SUSTAINED'],
      ['NO_OBJECTION_SUSTAINED'],
    ],
    [
      'an award no longer eligible',
      PLAIN,
      'REVIEWED',
      'AWARD',
      'AUTHORITY_ADMIN',
      ['ELIGIBLE'],
      ['ELIGIBLE'],
    ],
    [
      'an award of no amount',
      PLAIN,
      'REVIEWED',
      'AWARD',
      'AUTHORITY_ADMIN',
      ['AWARD_AMOUNT_SET'],
      ['AWARD_AMOUNT_SET'],
    ],
    [
      'an award past the budget',
      NOTICE,
      'PUBLICISED',
      'AWARD',
      'AUTHORITY_ADMIN',
      ['WITHIN_PROGRAMME_BUDGET'],
      ['WITHIN_PROGRAMME_BUDGET'],
    ],
    [
      'an award without opinion',
      PLAIN,
      'REVIEWED',
      'AWARD',
      'AUTHORITY_ADMIN',
      ['REASON_GIVEN'],
      ['REASON_GIVEN'],
    ],
    [
      'a withdrawal without reason',
      PLAIN,
      'DRAFT',
      'WITHDRAW',
      'APPLICANT_SIDE',
      ['REASON_GIVEN'],
      ['REASON_GIVEN'],
    ],
  ])('guard: %s', (_name, programme, state, action, actor, failing, failedGuards) => {
    expect(decide(W, state, action, [actor], holds(programme, failing))).toEqual({
      allowed: false,
      reason: 'GUARD_FAILED',
      failedGuards,
    });
  });

  it('keeps route actions the programme rules out off the offer', () => {
    const known = (programme: Settings) => (g: ProgrammeGuard) => programmeRouteHolds(g, programme) === false;
    const deciders: ProgrammeActor[] = ['AUTHORITY', 'AUTHORITY_ADMIN'];
    expect(availableActions(W, 'REVIEWED', deciders, known(PLAIN))).toEqual(['AWARD', 'DECLINE']);
    expect(availableActions(W, 'REVIEWED', deciders, known(NOTICE))).toEqual(['PUBLICISE', 'DECLINE']);
  });

  it('leaves guards the programme does not decide to the facts', () => {
    expect(programmeRouteHolds('ELIGIBLE', NOTICE)).toBeNull();
    expect(programmeRouteHolds('NOTICE_PERIOD_OVER', NOTICE)).toBeNull();
  });
});

describe('what the kind stores', () => {
  it('reads a dossier of any shape without throwing', () => {
    fc.assert(
      fc.property(fc.anything(), (stored) => {
        const dossier = W.parseDossier(stored);
        expect(Array.isArray(dossier.form.participants)).toBe(true);
        W.parseDecisionBasis(stored);
      }),
    );
  });
});
