import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { availableActions, decide, statesWhere, workflowProblems } from '../applications/workflow.js';
import {
  FILING_ACTION_LABELS,
  FILING_GUARD_LABELS,
  FILING_STATE_LABELS,
  FILING_WORKFLOW,
  FilingAction,
  FilingActor,
  type FilingGuard,
  FilingState,
  filingRoute,
  FINAL_FILING_STATES,
  roundRouteHolds,
} from './filing-workflow.js';

const states = Object.values(FilingState);
const actions = Object.values(FilingAction);
const actors = Object.values(FilingActor);
const all = () => true;

type Round = { reviewRequired: boolean; noticeDays: number };
const PLAIN: Round = { reviewRequired: false, noticeDays: 0 };
const REVIEW: Round = { reviewRequired: true, noticeDays: 0 };
const NOTICE: Round = { reviewRequired: false, noticeDays: 5 };
const BOTH: Round = { reviewRequired: true, noticeDays: 5 };

/** The round decides its route guards; every other guard holds unless named as failing. */
const holds =
  (round: Round, failing: readonly FilingGuard[] = []) =>
  (guard: FilingGuard) =>
    !failing.includes(guard) && (roundRouteHolds(guard, round) ?? true);

describe('the filing table', () => {
  it('is a coherent kind of the application engine', () => {
    expect(workflowProblems(FILING_WORKFLOW)).toEqual([]);
  });

  it('has a Chinese label for every state, action and guard', () => {
    for (const label of [
      ...Object.values(FILING_STATE_LABELS),
      ...Object.values(FILING_ACTION_LABELS),
      ...Object.values(FILING_GUARD_LABELS),
    ])
      expect(label).toMatch(/[\u4e00-\u9fa5]/);
    expect(FILING_STATE_LABELS).toMatchObject({
      DRAFT: '草稿',
      SUBMITTED: '已提交',
      ACCEPTED: '已受理',
      RETURNED: '退回修改',
      REFUSED: '不予备案',
      IN_REVIEW: '专家评审中',
      REVIEWED: '评审完成',
      PUBLICISED: '公示中',
      FILED: '已备案',
      CHANGE_SUBMITTED: '变更备案待审',
      SUSPENDED: '暂停',
      WITHDRAWN: '已撤回',
      REVOKED: '已撤销',
    });
  });

  it.each([
    ['final', ['REFUSED', 'WITHDRAWN', 'REVOKED']],
    ['lapsed', ['REFUSED', 'WITHDRAWN', 'REVOKED']],
    ['editable', ['DRAFT', 'RETURNED']],
    ['decided', ['REFUSED', 'FILED', 'CHANGE_SUBMITTED', 'SUSPENDED', 'REVOKED']],
    // The province never sees a draft, nor a filing withdrawn before it was sent.
    ['sentUpward', states.filter((s) => s !== 'DRAFT' && s !== 'WITHDRAWN')],
  ] as const)('marks the %s states', (trait, expected) => {
    expect(statesWhere(FILING_WORKFLOW, trait)).toEqual(expected);
  });

  const cells = states.flatMap((s) => actions.flatMap((a) => actors.map((r) => [s, a, r] as const)));

  it.each(cells)('%s × %s × %s follows the table', (state, action, actor) => {
    const decision = decide(FILING_WORKFLOW, state, action, [actor], all);
    const row = FILING_WORKFLOW.transitions.find((x) => x.from === state && x.action === action);
    if (!row) expect(decision).toEqual({ allowed: false, reason: 'NOT_ALLOWED_IN_STATE' });
    else if (!row.actors.includes(actor))
      expect(decision).toEqual({ allowed: false, reason: 'ACTOR_NOT_ALLOWED' });
    else expect(decision).toEqual({ allowed: true, to: row.to });
  });

  it('leaves final states for good and reaches one from every state', () => {
    for (const state of FINAL_FILING_STATES)
      expect(FILING_WORKFLOW.transitions.filter((x) => x.from === state)).toEqual([]);
    for (const start of states) {
      const seen = new Set<string>([start]);
      const queue: string[] = [start];
      while (queue.length) {
        const s = queue.shift()!;
        for (const x of FILING_WORKFLOW.transitions.filter((row) => row.from === s))
          if (!seen.has(x.to)) {
            seen.add(x.to);
            queue.push(x.to);
          }
      }
      expect([...seen].some((s) => (FINAL_FILING_STATES as readonly string[]).includes(s))).toBe(true);
    }
  });

  it('offers exactly the actions the table allows', () => {
    fc.assert(
      fc.property(fc.constantFrom(...states), fc.subarray(actors), (state, who) => {
        const offered = availableActions(FILING_WORKFLOW, state, who);
        for (const action of actions)
          expect(offered.includes(action)).toBe(decide(FILING_WORKFLOW, state, action, who, all).allowed);
      }),
    );
  });
});

type Step = readonly [FilingAction, FilingActor];
const city = (a: FilingAction): Step => [a, 'FILING_CITY'];
const province = (a: FilingAction): Step => [a, 'PROVINCE'];
const admin = (a: FilingAction): Step => [a, 'PROVINCE_ADMIN'];
const system = (a: FilingAction): Step => [a, 'SYSTEM'];

const TO_FILED: Record<string, { round: Round; steps: Step[] }> = {
  plain: { round: PLAIN, steps: [city('SUBMIT'), province('ACCEPT'), admin('FILE')] },
  review: {
    round: REVIEW,
    steps: [
      city('SUBMIT'),
      province('ACCEPT'),
      province('START_REVIEW'),
      province('FINISH_REVIEW'),
      admin('FILE'),
    ],
  },
  notice: {
    round: NOTICE,
    steps: [city('SUBMIT'), province('ACCEPT'), province('PUBLICISE'), admin('FILE')],
  },
  'review and notice': {
    round: BOTH,
    steps: [
      city('SUBMIT'),
      province('ACCEPT'),
      province('START_REVIEW'),
      province('FINISH_REVIEW'),
      province('PUBLICISE'),
      admin('FILE'),
    ],
  },
};

function walk(round: Round, steps: readonly Step[], from: FilingState = 'DRAFT'): FilingState[] {
  const visited: FilingState[] = [from];
  for (const [action, actor] of steps) {
    const decision = decide(FILING_WORKFLOW, visited.at(-1)!, action, [actor], holds(round));
    if (!decision.allowed)
      throw new Error(`${action} by ${actor} from ${visited.at(-1)}: ${decision.reason}`);
    visited.push(decision.to);
  }
  return visited;
}

describe('every path of the issue text', () => {
  it.each(Object.entries(TO_FILED))(
    'files through the route of a round with %s',
    (_name, { round, steps }) => {
      expect(walk(round, steps)).toEqual(filingRoute(round));
    },
  );

  it.each<[string, Round, Step[], FilingState, FilingState[]?]>([
    ['refused at the formal check', PLAIN, [city('SUBMIT'), province('REFUSE')], 'REFUSED'],
    [
      'returned, corrected and resubmitted',
      PLAIN,
      [city('SUBMIT'), province('RETURN'), city('SUBMIT'), province('ACCEPT'), admin('FILE')],
      'FILED',
      ['DRAFT', 'SUBMITTED', 'RETURNED', 'SUBMITTED', 'ACCEPTED', 'FILED'],
    ],
    [
      'returned twice',
      PLAIN,
      [city('SUBMIT'), province('RETURN'), city('SUBMIT'), province('RETURN'), city('SUBMIT')],
      'SUBMITTED',
    ],
    [
      'returned and left past its deadline',
      PLAIN,
      [city('SUBMIT'), province('RETURN'), system('LAPSE')],
      'REFUSED',
    ],
    [
      'refused after acceptance, no review asked',
      PLAIN,
      [city('SUBMIT'), province('ACCEPT'), admin('REFUSE')],
      'REFUSED',
    ],
    [
      'refused after review',
      REVIEW,
      [
        city('SUBMIT'),
        province('ACCEPT'),
        province('START_REVIEW'),
        province('FINISH_REVIEW'),
        admin('REFUSE'),
      ],
      'REFUSED',
    ],
    [
      'refused after review without waiting for a notice',
      BOTH,
      [
        city('SUBMIT'),
        province('ACCEPT'),
        province('START_REVIEW'),
        province('FINISH_REVIEW'),
        admin('REFUSE'),
      ],
      'REFUSED',
    ],
    [
      'refused after the notice (an objection upheld)',
      NOTICE,
      [city('SUBMIT'), province('ACCEPT'), province('PUBLICISE'), admin('REFUSE')],
      'REFUSED',
    ],
  ])('%s', (_name, round, steps, end, visited) => {
    const path = walk(round, steps);
    expect(path.at(-1)).toBe(end);
    if (visited) expect(path).toEqual(visited);
  });

  it.each<[string, Step[], FilingState]>([
    ['a change taken', [city('SUBMIT_CHANGE'), province('ACCEPT_CHANGE')], 'FILED'],
    ['a change returned', [city('SUBMIT_CHANGE'), province('RETURN_CHANGE')], 'FILED'],
    [
      'two changes in turn',
      [city('SUBMIT_CHANGE'), province('ACCEPT_CHANGE'), city('SUBMIT_CHANGE')],
      'CHANGE_SUBMITTED',
    ],
    ['suspended and reinstated', [admin('SUSPEND'), admin('REINSTATE')], 'FILED'],
    ['suspended and revoked', [admin('SUSPEND'), admin('REVOKE')], 'REVOKED'],
    ['revoked by decision', [admin('REVOKE')], 'REVOKED'],
    ['revoked by decision while a change waits', [city('SUBMIT_CHANGE'), admin('REVOKE')], 'REVOKED'],
    ['revoked as the alliance dissolves', [system('REVOKE_ON_DISSOLUTION')], 'REVOKED'],
    [
      'revoked as a suspended alliance dissolves',
      [admin('SUSPEND'), system('REVOKE_ON_DISSOLUTION')],
      'REVOKED',
    ],
    ['withdrawn at the city’s request', [city('WITHDRAW')], 'WITHDRAWN'],
    ['withdrawn while a change waits', [city('SUBMIT_CHANGE'), city('WITHDRAW')], 'WITHDRAWN'],
  ])('after filing: %s', (_name, steps, end) => {
    expect(walk(PLAIN, steps, 'FILED').at(-1)).toBe(end);
  });

  it('lets the city withdraw anywhere before a final state but while suspended', () => {
    const withdrawable = states.filter(
      (s) => decide(FILING_WORKFLOW, s, 'WITHDRAW', ['FILING_CITY'], all).allowed,
    );
    expect(withdrawable).toEqual(
      states.filter((s) => !(FINAL_FILING_STATES as readonly string[]).includes(s) && s !== 'SUSPENDED'),
    );
  });
});

describe('refusals', () => {
  it.each<[string, FilingState, FilingAction, FilingActor]>([
    ['the province submitting for the city', 'DRAFT', 'SUBMIT', 'PROVINCE_ADMIN'],
    ['the city accepting its own filing', 'SUBMITTED', 'ACCEPT', 'FILING_CITY'],
    ['the city filing its own filing', 'ACCEPTED', 'FILE', 'FILING_CITY'],
    ['an officer filing (admins decide)', 'ACCEPTED', 'FILE', 'PROVINCE'],
    ['an officer refusing after review', 'REVIEWED', 'REFUSE', 'PROVINCE'],
    ['an officer suspending', 'FILED', 'SUSPEND', 'PROVINCE'],
    ['an officer revoking', 'FILED', 'REVOKE', 'PROVINCE'],
    ['the city reinstating', 'SUSPENDED', 'REINSTATE', 'FILING_CITY'],
    ['the province lapsing a return by hand', 'RETURNED', 'LAPSE', 'PROVINCE_ADMIN'],
    ['the province revoking as if on dissolution', 'FILED', 'REVOKE_ON_DISSOLUTION', 'PROVINCE_ADMIN'],
    ['the system filing', 'ACCEPTED', 'FILE', 'SYSTEM'],
    ['the province withdrawing for the city', 'FILED', 'WITHDRAW', 'PROVINCE_ADMIN'],
    ['the province submitting a change', 'FILED', 'SUBMIT_CHANGE', 'PROVINCE'],
    ['the city taking its own change', 'CHANGE_SUBMITTED', 'ACCEPT_CHANGE', 'FILING_CITY'],
  ])('wrong actor: %s', (_name, state, action, actor) => {
    expect(decide(FILING_WORKFLOW, state, action, [actor], all)).toEqual({
      allowed: false,
      reason: 'ACTOR_NOT_ALLOWED',
    });
  });

  it.each<[string, FilingState, FilingAction, FilingActor]>([
    ['filing what was not accepted', 'SUBMITTED', 'FILE', 'PROVINCE_ADMIN'],
    ['filing a draft', 'DRAFT', 'FILE', 'PROVINCE_ADMIN'],
    ['reviewing before acceptance', 'SUBMITTED', 'START_REVIEW', 'PROVINCE'],
    ['filing during review', 'IN_REVIEW', 'FILE', 'PROVINCE_ADMIN'],
    ['submitting twice', 'SUBMITTED', 'SUBMIT', 'FILING_CITY'],
    ['a change before filing', 'ACCEPTED', 'SUBMIT_CHANGE', 'FILING_CITY'],
    ['a second change while one waits', 'CHANGE_SUBMITTED', 'SUBMIT_CHANGE', 'FILING_CITY'],
    ['reinstating what is not suspended', 'FILED', 'REINSTATE', 'PROVINCE_ADMIN'],
    ['suspending twice', 'SUSPENDED', 'SUSPEND', 'PROVINCE_ADMIN'],
    ['withdrawing while suspended', 'SUSPENDED', 'WITHDRAW', 'FILING_CITY'],
    ['revoking before filing', 'PUBLICISED', 'REVOKE', 'PROVINCE_ADMIN'],
    ['lapsing what was not returned', 'SUBMITTED', 'LAPSE', 'SYSTEM'],
    ['returning after acceptance', 'ACCEPTED', 'RETURN', 'PROVINCE'],
    ['resubmitting a refusal', 'REFUSED', 'SUBMIT', 'FILING_CITY'],
    ['reinstating a revocation', 'REVOKED', 'REINSTATE', 'PROVINCE_ADMIN'],
    ['resubmitting a withdrawal', 'WITHDRAWN', 'SUBMIT', 'FILING_CITY'],
  ])('wrong state: %s', (_name, state, action, actor) => {
    expect(decide(FILING_WORKFLOW, state, action, [actor], all)).toEqual({
      allowed: false,
      reason: 'NOT_ALLOWED_IN_STATE',
    });
  });

  it.each<[string, Round, FilingState, FilingAction, FilingActor, FilingGuard[], FilingGuard[]]>([
    // The round decides the route.
    [
      'filing without the review the round asks for',
      REVIEW,
      'ACCEPTED',
      'FILE',
      'PROVINCE_ADMIN',
      [],
      ['ROUND_WITHOUT_REVIEW'],
    ],
    [
      'publicising without the review',
      BOTH,
      'ACCEPTED',
      'PUBLICISE',
      'PROVINCE',
      [],
      ['ROUND_WITHOUT_REVIEW'],
    ],
    [
      'refusing without the review',
      REVIEW,
      'ACCEPTED',
      'REFUSE',
      'PROVINCE_ADMIN',
      [],
      ['ROUND_WITHOUT_REVIEW'],
    ],
    [
      'filing without review or notice',
      BOTH,
      'ACCEPTED',
      'FILE',
      'PROVINCE_ADMIN',
      [],
      ['ROUND_WITHOUT_REVIEW', 'ROUND_WITHOUT_NOTICE'],
    ],
    [
      'filing without the notice the round sets',
      NOTICE,
      'ACCEPTED',
      'FILE',
      'PROVINCE_ADMIN',
      [],
      ['ROUND_WITHOUT_NOTICE'],
    ],
    [
      'filing after review without the notice',
      BOTH,
      'REVIEWED',
      'FILE',
      'PROVINCE_ADMIN',
      [],
      ['ROUND_WITHOUT_NOTICE'],
    ],
    [
      'a review the round does not ask for',
      NOTICE,
      'ACCEPTED',
      'START_REVIEW',
      'PROVINCE',
      [],
      ['ROUND_ASKS_REVIEW'],
    ],
    [
      'a notice the round does not set',
      PLAIN,
      'ACCEPTED',
      'PUBLICISE',
      'PROVINCE',
      [],
      ['ROUND_ASKS_NOTICE'],
    ],
    [
      'a notice after review the round does not set',
      REVIEW,
      'REVIEWED',
      'PUBLICISE',
      'PROVINCE',
      [],
      ['ROUND_ASKS_NOTICE'],
    ],
    // Missing reasons.
    ['a return without reason', PLAIN, 'SUBMITTED', 'RETURN', 'PROVINCE', ['REASON_GIVEN'], ['REASON_GIVEN']],
    [
      'a return without deadline',
      PLAIN,
      'SUBMITTED',
      'RETURN',
      'PROVINCE',
      ['CORRECTION_DEADLINE_SET'],
      ['CORRECTION_DEADLINE_SET'],
    ],
    [
      'a formal refusal without reason',
      PLAIN,
      'SUBMITTED',
      'REFUSE',
      'PROVINCE',
      ['REASON_GIVEN'],
      ['REASON_GIVEN'],
    ],
    [
      'a refusal after review without reason',
      REVIEW,
      'REVIEWED',
      'REFUSE',
      'PROVINCE_ADMIN',
      ['REASON_GIVEN'],
      ['REASON_GIVEN'],
    ],
    [
      'a suspension without reason',
      PLAIN,
      'FILED',
      'SUSPEND',
      'PROVINCE_ADMIN',
      ['REASON_GIVEN'],
      ['REASON_GIVEN'],
    ],
    [
      'a reinstatement without reason',
      PLAIN,
      'SUSPENDED',
      'REINSTATE',
      'PROVINCE_ADMIN',
      ['REASON_GIVEN'],
      ['REASON_GIVEN'],
    ],
    [
      'a revocation without reason',
      PLAIN,
      'SUSPENDED',
      'REVOKE',
      'PROVINCE_ADMIN',
      ['REASON_GIVEN'],
      ['REASON_GIVEN'],
    ],
    [
      'a withdrawal without reason',
      PLAIN,
      'FILED',
      'WITHDRAW',
      'FILING_CITY',
      ['REASON_GIVEN'],
      ['REASON_GIVEN'],
    ],
    [
      'a draft withdrawn without reason',
      PLAIN,
      'DRAFT',
      'WITHDRAW',
      'FILING_CITY',
      ['REASON_GIVEN'],
      ['REASON_GIVEN'],
    ],
    [
      'a change returned without reason',
      PLAIN,
      'CHANGE_SUBMITTED',
      'RETURN_CHANGE',
      'PROVINCE',
      ['REASON_GIVEN'],
      ['REASON_GIVEN'],
    ],
    [
      'a change unexplained',
      PLAIN,
      'FILED',
      'SUBMIT_CHANGE',
      'FILING_CITY',
      ['REASON_GIVEN'],
      ['REASON_GIVEN'],
    ],
    // The facts of the case.
    [
      'a submission after the round closed',
      PLAIN,
      'DRAFT',
      'SUBMIT',
      'FILING_CITY',
      ['ROUND_OPEN'],
      ['ROUND_OPEN'],
    ],
    [
      'a submission of an ineligible alliance',
      PLAIN,
      'DRAFT',
      'SUBMIT',
      'FILING_CITY',
      ['ELIGIBLE'],
      ['ELIGIBLE'],
    ],
    [
      'a submission without the documents',
      PLAIN,
      'DRAFT',
      'SUBMIT',
      'FILING_CITY',
      ['DOSSIER_COMPLETE'],
      ['DOSSIER_COMPLETE'],
    ],
    [
      'a submission over the quota',
      PLAIN,
      'DRAFT',
      'SUBMIT',
      'FILING_CITY',
      ['WITHIN_QUOTA'],
      ['WITHIN_QUOTA'],
    ],
    [
      'a resubmission past the deadline',
      PLAIN,
      'RETURNED',
      'SUBMIT',
      'FILING_CITY',
      ['CORRECTION_DEADLINE_NOT_PASSED'],
      ['CORRECTION_DEADLINE_NOT_PASSED'],
    ],
    [
      'a resubmission still incomplete',
      PLAIN,
      'RETURNED',
      'SUBMIT',
      'FILING_CITY',
      ['DOSSIER_COMPLETE'],
      ['DOSSIER_COMPLETE'],
    ],
    [
      'a lapse before the deadline',
      PLAIN,
      'RETURNED',
      'LAPSE',
      'SYSTEM',
      ['CORRECTION_DEADLINE_PASSED'],
      ['CORRECTION_DEADLINE_PASSED'],
    ],
    [
      'a review without a full panel',
      REVIEW,
      'ACCEPTED',
      'START_REVIEW',
      'PROVINCE',
      ['PANEL_COMPLETE'],
      ['PANEL_COMPLETE'],
    ],
    [
      'closing a review with sheets out',
      REVIEW,
      'IN_REVIEW',
      'FINISH_REVIEW',
      'PROVINCE',
      ['ALL_SHEETS_SUBMITTED'],
      ['ALL_SHEETS_SUBMITTED'],
    ],
    [
      'filing during the notice',
      NOTICE,
      'PUBLICISED',
      'FILE',
      'PROVINCE_ADMIN',
      ['NOTICE_PERIOD_OVER'],
      ['NOTICE_PERIOD_OVER'],
    ],
    [
      'filing with an objection unanswered',
      NOTICE,
      'PUBLICISED',
      'FILE',
      'PROVINCE_ADMIN',
      ['OBJECTIONS_ANSWERED'],
      ['OBJECTIONS_ANSWERED'],
    ],
    [
      'filing a dissolved alliance',
      PLAIN,
      'ACCEPTED',
      'FILE',
      'PROVINCE_ADMIN',
      ['ALLIANCE_ACTIVE'],
      ['ALLIANCE_ACTIVE'],
    ],
    [
      'reinstating a dissolved alliance',
      PLAIN,
      'SUSPENDED',
      'REINSTATE',
      'PROVINCE_ADMIN',
      ['ALLIANCE_ACTIVE'],
      ['ALLIANCE_ACTIVE'],
    ],
    [
      'revoking on dissolution what has not dissolved',
      PLAIN,
      'FILED',
      'REVOKE_ON_DISSOLUTION',
      'SYSTEM',
      ['ALLIANCE_DISSOLVED'],
      ['ALLIANCE_DISSOLVED'],
    ],
    [
      'a change that changes nothing',
      PLAIN,
      'FILED',
      'SUBMIT_CHANGE',
      'FILING_CITY',
      ['CHANGE_DIFFERS'],
      ['CHANGE_DIFFERS'],
    ],
  ])('guard: %s', (_name, round, state, action, actor, failing, failedGuards) => {
    expect(decide(FILING_WORKFLOW, state, action, [actor], holds(round, failing))).toEqual({
      allowed: false,
      reason: 'GUARD_FAILED',
      failedGuards,
    });
  });

  it('names every failing guard of a submission at once', () => {
    const failing: FilingGuard[] = ['ROUND_OPEN', 'DOSSIER_COMPLETE'];
    expect(decide(FILING_WORKFLOW, 'DRAFT', 'SUBMIT', ['FILING_CITY'], holds(PLAIN, failing))).toMatchObject({
      failedGuards: ['ROUND_OPEN', 'DOSSIER_COMPLETE'],
    });
  });

  it('keeps route actions the round rules out off the offer', () => {
    const known = (round: Round) => (g: FilingGuard) => roundRouteHolds(g, round) === false;
    const admins: FilingActor[] = ['PROVINCE', 'PROVINCE_ADMIN'];
    expect(availableActions(FILING_WORKFLOW, 'ACCEPTED', admins, known(REVIEW))).toEqual(['START_REVIEW']);
    expect(availableActions(FILING_WORKFLOW, 'ACCEPTED', admins, known(NOTICE))).toEqual([
      'PUBLICISE',
      'REFUSE',
    ]);
    expect(availableActions(FILING_WORKFLOW, 'ACCEPTED', admins, known(PLAIN))).toEqual(['FILE', 'REFUSE']);
    expect(availableActions(FILING_WORKFLOW, 'REVIEWED', admins, known(BOTH))).toEqual([
      'PUBLICISE',
      'REFUSE',
    ]);
  });
});

describe('the route of a round', () => {
  it.each([
    [PLAIN, ['DRAFT', 'SUBMITTED', 'ACCEPTED', 'FILED']],
    [REVIEW, ['DRAFT', 'SUBMITTED', 'ACCEPTED', 'IN_REVIEW', 'REVIEWED', 'FILED']],
    [NOTICE, ['DRAFT', 'SUBMITTED', 'ACCEPTED', 'PUBLICISED', 'FILED']],
    [BOTH, ['DRAFT', 'SUBMITTED', 'ACCEPTED', 'IN_REVIEW', 'REVIEWED', 'PUBLICISED', 'FILED']],
  ])('%j passes %j', (round, route) => {
    expect(filingRoute(round)).toEqual(route);
  });

  it('leaves guards the round does not decide to the facts', () => {
    expect(roundRouteHolds('REASON_GIVEN', BOTH)).toBeNull();
    expect(roundRouteHolds('NOTICE_PERIOD_OVER', BOTH)).toBeNull();
  });
});
