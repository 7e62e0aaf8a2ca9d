import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { availableActions, decide, statesWhere, workflowProblems } from '../applications/workflow.js';
import {
  acceptanceRoute,
  DISBURSABLE_PROJECT_STATES,
  FINAL_PROJECT_STATES,
  OPEN_PROJECT_STATES,
  PROJECT_ACTION_LABELS,
  PROJECT_ACTOR_LABELS,
  PROJECT_GUARD_LABELS,
  PROJECT_STATE_LABELS,
  PROJECT_WORKFLOW as W,
  ProjectAction,
  ProjectActor,
  type ProjectGuard,
  projectRouteHolds,
  ProjectState,
} from './project-lifecycle.js';

const states = Object.values(ProjectState);
const actions = Object.values(ProjectAction);
const actors = Object.values(ProjectActor);
const all = () => true;

type Settings = { acceptanceNoticeDays: number };
const PLAIN: Settings = { acceptanceNoticeDays: 0 };
const NOTICE: Settings = { acceptanceNoticeDays: 5 };

const holds =
  (programme: Settings, failing: readonly ProjectGuard[] = []) =>
  (guard: ProjectGuard) =>
    !failing.includes(guard) && (projectRouteHolds(guard, programme) ?? true);

/** The table written out a second time, cell by cell, from the text: state → action → [to, actors]. */
const EXPECTED: Record<ProjectState, Partial<Record<ProjectAction, [ProjectState, ProjectActor[]]>>> = {
  IN_PROGRESS: {
    SUBMIT_ANNUAL_REPORT: ['IN_PROGRESS', ['PROJECT_SIDE']],
    SUBMIT_MIDTERM_REPORT: ['IN_PROGRESS', ['PROJECT_SIDE']],
    REQUEST_CHANGE: ['CHANGE_REQUESTED', ['PROJECT_SIDE']],
    REQUEST_ACCEPTANCE: ['ACCEPTANCE_REQUESTED', ['PROJECT_SIDE']],
    TERMINATE: ['TERMINATED', ['AUTHORITY_ADMIN']],
    REVOKE: ['REVOKED', ['AUTHORITY_ADMIN']],
    FREEZE_ON_DISSOLUTION: ['FROZEN', ['SYSTEM']],
  },
  CHANGE_REQUESTED: {
    SUBMIT_ANNUAL_REPORT: ['CHANGE_REQUESTED', ['PROJECT_SIDE']],
    SUBMIT_MIDTERM_REPORT: ['CHANGE_REQUESTED', ['PROJECT_SIDE']],
    APPROVE_CHANGE: ['IN_PROGRESS', ['AUTHORITY_ADMIN']],
    REFUSE_CHANGE: ['IN_PROGRESS', ['AUTHORITY_ADMIN']],
    WITHDRAW_CHANGE: ['IN_PROGRESS', ['PROJECT_SIDE']],
    TERMINATE: ['TERMINATED', ['AUTHORITY_ADMIN']],
    REVOKE: ['REVOKED', ['AUTHORITY_ADMIN']],
    FREEZE_ON_DISSOLUTION: ['FROZEN', ['SYSTEM']],
  },
  ACCEPTANCE_REQUESTED: {
    RETURN_ACCEPTANCE: ['IN_PROGRESS', ['AUTHORITY', 'AUTHORITY_ADMIN']],
    START_ACCEPTANCE_REVIEW: ['ACCEPTANCE_REVIEW', ['AUTHORITY', 'AUTHORITY_ADMIN']],
    TERMINATE: ['TERMINATED', ['AUTHORITY_ADMIN']],
    REVOKE: ['REVOKED', ['AUTHORITY_ADMIN']],
    FREEZE_ON_DISSOLUTION: ['FROZEN', ['SYSTEM']],
  },
  ACCEPTANCE_REVIEW: {
    FINISH_ACCEPTANCE_REVIEW: ['ACCEPTANCE_REVIEWED', ['AUTHORITY', 'AUTHORITY_ADMIN']],
    TERMINATE: ['TERMINATED', ['AUTHORITY_ADMIN']],
    REVOKE: ['REVOKED', ['AUTHORITY_ADMIN']],
    FREEZE_ON_DISSOLUTION: ['FROZEN', ['SYSTEM']],
  },
  ACCEPTANCE_REVIEWED: {
    PUBLICISE_ACCEPTANCE: ['ACCEPTANCE_PUBLICISED', ['AUTHORITY', 'AUTHORITY_ADMIN']],
    PASS_ACCEPTANCE: ['COMPLETED', ['AUTHORITY_ADMIN']],
    FAIL_ACCEPTANCE: ['FAILED', ['AUTHORITY_ADMIN']],
    TERMINATE: ['TERMINATED', ['AUTHORITY_ADMIN']],
    REVOKE: ['REVOKED', ['AUTHORITY_ADMIN']],
    FREEZE_ON_DISSOLUTION: ['FROZEN', ['SYSTEM']],
  },
  ACCEPTANCE_PUBLICISED: {
    PASS_ACCEPTANCE: ['COMPLETED', ['AUTHORITY_ADMIN']],
    FAIL_ACCEPTANCE: ['FAILED', ['AUTHORITY_ADMIN']],
    TERMINATE: ['TERMINATED', ['AUTHORITY_ADMIN']],
    REVOKE: ['REVOKED', ['AUTHORITY_ADMIN']],
    FREEZE_ON_DISSOLUTION: ['FROZEN', ['SYSTEM']],
  },
  FROZEN: {
    CONTINUE_UNDER_UNIT: ['IN_PROGRESS', ['AUTHORITY_ADMIN']],
    ADJUST: ['IN_PROGRESS', ['AUTHORITY_ADMIN']],
    TERMINATE: ['TERMINATED', ['AUTHORITY_ADMIN']],
    REVOKE: ['REVOKED', ['AUTHORITY_ADMIN']],
  },
  COMPLETED: {},
  FAILED: {},
  TERMINATED: {},
  REVOKED: {},
};

describe('the project table', () => {
  it('is a coherent kind of the application engine', () => {
    expect(workflowProblems(W)).toEqual([]);
    expect(W.name).toBe('project');
  });

  it('has a Chinese label for every state, action, actor and guard', () => {
    for (const label of [
      ...Object.values(PROJECT_STATE_LABELS),
      ...Object.values(PROJECT_ACTION_LABELS),
      ...Object.values(PROJECT_ACTOR_LABELS),
      ...Object.values(PROJECT_GUARD_LABELS),
    ])
      expect(label).toMatch(/[\u4e00-\u9fa5]/);
    expect(PROJECT_STATE_LABELS).toMatchObject({
      IN_PROGRESS: '实施中',
      COMPLETED: '通过验收',
      FAILED: '未通过验收',
      TERMINATED: '已终止',
      REVOKED: '已撤销',
    });
  });

  it.each([
    ['final', ['COMPLETED', 'FAILED', 'TERMINATED', 'REVOKED']],
    ['lapsed', []],
    ['editable', []],
    ['sentUpward', states],
    ['open', [...OPEN_PROJECT_STATES, 'FROZEN']],
  ] as const)('marks the %s states', (trait, expected) => {
    expect(statesWhere(W, trait)).toEqual(expected);
  });

  const cells = states.flatMap((s) => actions.flatMap((a) => actors.map((r) => [s, a, r] as const)));

  it(`covers ${cells.length} cells`, () => {
    expect(cells).toHaveLength(11 * 18 * 4);
  });

  it.each(cells)('%s × %s × %s is as the issue says', (state, action, actor) => {
    const expected = EXPECTED[state][action];
    const decision = decide(W, state, action, [actor], all);
    if (!expected) expect(decision).toEqual({ allowed: false, reason: 'NOT_ALLOWED_IN_STATE' });
    else if (!expected[1].includes(actor))
      expect(decision).toEqual({ allowed: false, reason: 'ACTOR_NOT_ALLOWED' });
    else expect(decision).toEqual({ allowed: true, to: expected[0] });
  });

  it('has no row the written-out table lacks', () => {
    for (const row of W.transitions) expect(EXPECTED[row.from][row.action]?.[0]).toBe(row.to);
  });

  it('leaves final states for good and reaches one from every state', () => {
    for (const state of FINAL_PROJECT_STATES)
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
      expect([...seen].some((s) => (FINAL_PROJECT_STATES as readonly string[]).includes(s))).toBe(true);
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

  it('pays tranches while the project runs and after acceptance, never while frozen or once ended otherwise', () => {
    expect(DISBURSABLE_PROJECT_STATES).toEqual([
      'IN_PROGRESS',
      'CHANGE_REQUESTED',
      'ACCEPTANCE_REQUESTED',
      'ACCEPTANCE_REVIEW',
      'ACCEPTANCE_REVIEWED',
      'ACCEPTANCE_PUBLICISED',
      'COMPLETED',
    ]);
  });
});

type Step = readonly [ProjectAction, ProjectActor];
const side = (a: ProjectAction): Step => [a, 'PROJECT_SIDE'];
const authority = (a: ProjectAction): Step => [a, 'AUTHORITY'];
const admin = (a: ProjectAction): Step => [a, 'AUTHORITY_ADMIN'];
const system = (a: ProjectAction): Step => [a, 'SYSTEM'];

function walk(
  programme: Settings,
  steps: readonly Step[],
  from: ProjectState = 'IN_PROGRESS',
): ProjectState[] {
  const visited: ProjectState[] = [from];
  for (const [action, actor] of steps) {
    const decision = decide(W, visited.at(-1)!, action, [actor], holds(programme));
    if (!decision.allowed)
      throw new Error(`${action} by ${actor} from ${visited.at(-1)}: ${decision.reason}`);
    visited.push(decision.to);
  }
  return visited;
}

const TO_REVIEWED: Step[] = [
  side('REQUEST_ACCEPTANCE'),
  authority('START_ACCEPTANCE_REVIEW'),
  authority('FINISH_ACCEPTANCE_REVIEW'),
];

describe('every path of the issue text', () => {
  it.each<[string, Settings, Step[]]>([
    ['without notice', PLAIN, [...TO_REVIEWED, admin('PASS_ACCEPTANCE')]],
    ['with notice', NOTICE, [...TO_REVIEWED, authority('PUBLICISE_ACCEPTANCE'), admin('PASS_ACCEPTANCE')]],
  ])('completes %s along the programme’s route', (_name, programme, steps) => {
    expect(walk(programme, steps)).toEqual(acceptanceRoute(programme));
  });

  it.each<[string, Settings, Step[], ProjectState]>([
    [
      'reports, a change approved, acceptance passed',
      PLAIN,
      [
        side('SUBMIT_ANNUAL_REPORT'),
        side('SUBMIT_MIDTERM_REPORT'),
        side('REQUEST_CHANGE'),
        side('SUBMIT_ANNUAL_REPORT'),
        admin('APPROVE_CHANGE'),
        ...TO_REVIEWED,
        admin('PASS_ACCEPTANCE'),
      ],
      'COMPLETED',
    ],
    ['a change refused', PLAIN, [side('REQUEST_CHANGE'), admin('REFUSE_CHANGE')], 'IN_PROGRESS'],
    ['a change withdrawn', PLAIN, [side('REQUEST_CHANGE'), side('WITHDRAW_CHANGE')], 'IN_PROGRESS'],
    ['acceptance failed', PLAIN, [...TO_REVIEWED, admin('FAIL_ACCEPTANCE')], 'FAILED'],
    [
      'acceptance failed after notice (an objection upheld)',
      NOTICE,
      [...TO_REVIEWED, authority('PUBLICISE_ACCEPTANCE'), admin('FAIL_ACCEPTANCE')],
      'FAILED',
    ],
    [
      'an acceptance request returned',
      PLAIN,
      [side('REQUEST_ACCEPTANCE'), authority('RETURN_ACCEPTANCE')],
      'IN_PROGRESS',
    ],
    ['terminated without fault', PLAIN, [admin('TERMINATE')], 'TERMINATED'],
    ['revoked for fault', PLAIN, [admin('REVOKE')], 'REVOKED'],
    ['revoked during acceptance', PLAIN, [...TO_REVIEWED, admin('REVOKE')], 'REVOKED'],
    // The story: the alliance dissolves, the province revokes with a recovery.
    [
      'frozen on dissolution, then revoked',
      PLAIN,
      [system('FREEZE_ON_DISSOLUTION'), admin('REVOKE')],
      'REVOKED',
    ],
    ['frozen, then terminated', PLAIN, [system('FREEZE_ON_DISSOLUTION'), admin('TERMINATE')], 'TERMINATED'],
    [
      'frozen, continued under a named unit, completed',
      PLAIN,
      [
        system('FREEZE_ON_DISSOLUTION'),
        admin('CONTINUE_UNDER_UNIT'),
        ...TO_REVIEWED,
        admin('PASS_ACCEPTANCE'),
      ],
      'COMPLETED',
    ],
    [
      'frozen while a change waits, adjusted',
      PLAIN,
      [side('REQUEST_CHANGE'), system('FREEZE_ON_DISSOLUTION'), admin('ADJUST')],
      'IN_PROGRESS',
    ],
    [
      'frozen during acceptance review',
      PLAIN,
      [side('REQUEST_ACCEPTANCE'), authority('START_ACCEPTANCE_REVIEW'), system('FREEZE_ON_DISSOLUTION')],
      'FROZEN',
    ],
  ])('%s', (_name, programme, steps, end) => {
    expect(walk(programme, steps).at(-1)).toBe(end);
  });

  it('freezes every open project on dissolution and nothing else', () => {
    const freezable = states.filter((s) => decide(W, s, 'FREEZE_ON_DISSOLUTION', ['SYSTEM'], all).allowed);
    expect(freezable).toEqual(OPEN_PROJECT_STATES);
  });

  it('lets the authority end any project still open or frozen, and nothing ended', () => {
    for (const action of ['TERMINATE', 'REVOKE'] as const)
      expect(states.filter((s) => decide(W, s, action, ['AUTHORITY_ADMIN'], all).allowed)).toEqual([
        ...OPEN_PROJECT_STATES,
        'FROZEN',
      ]);
  });
});

describe('refusals', () => {
  it.each<[string, ProjectState, ProjectAction, ProjectActor]>([
    ['the project side approving its own change', 'CHANGE_REQUESTED', 'APPROVE_CHANGE', 'PROJECT_SIDE'],
    [
      'an officer approving a change (Art. 19: the department approves)',
      'CHANGE_REQUESTED',
      'APPROVE_CHANGE',
      'AUTHORITY',
    ],
    ['the authority reporting for the project', 'IN_PROGRESS', 'SUBMIT_ANNUAL_REPORT', 'AUTHORITY_ADMIN'],
    ['an officer passing acceptance', 'ACCEPTANCE_REVIEWED', 'PASS_ACCEPTANCE', 'AUTHORITY'],
    ['an officer revoking', 'IN_PROGRESS', 'REVOKE', 'AUTHORITY'],
    ['the project side terminating', 'IN_PROGRESS', 'TERMINATE', 'PROJECT_SIDE'],
    ['a person freezing as if on dissolution', 'IN_PROGRESS', 'FREEZE_ON_DISSOLUTION', 'AUTHORITY_ADMIN'],
    ['the system deciding a frozen project', 'FROZEN', 'CONTINUE_UNDER_UNIT', 'SYSTEM'],
    ['the project side continuing itself', 'FROZEN', 'CONTINUE_UNDER_UNIT', 'PROJECT_SIDE'],
  ])('wrong actor: %s', (_name, state, action, actor) => {
    expect(decide(W, state, action, [actor], all)).toEqual({ allowed: false, reason: 'ACTOR_NOT_ALLOWED' });
  });

  it.each<[string, ProjectState, ProjectAction]>([
    ['a second change while one waits', 'CHANGE_REQUESTED', 'REQUEST_CHANGE'],
    ['acceptance while a change waits', 'CHANGE_REQUESTED', 'REQUEST_ACCEPTANCE'],
    ['reports while frozen', 'FROZEN', 'SUBMIT_ANNUAL_REPORT'],
    ['a change while frozen', 'FROZEN', 'REQUEST_CHANGE'],
    ['acceptance while frozen', 'FROZEN', 'REQUEST_ACCEPTANCE'],
    ['freezing twice', 'FROZEN', 'FREEZE_ON_DISSOLUTION'],
    ['continuing what is not frozen', 'IN_PROGRESS', 'CONTINUE_UNDER_UNIT'],
    ['passing acceptance before review', 'ACCEPTANCE_REQUESTED', 'PASS_ACCEPTANCE'],
    ['revoking a completed project', 'COMPLETED', 'REVOKE'],
    ['reopening a terminated project', 'TERMINATED', 'ADJUST'],
    ['freezing a revoked project', 'REVOKED', 'FREEZE_ON_DISSOLUTION'],
  ])('wrong state: %s', (_name, state, action) => {
    expect(decide(W, state, action, actors, all)).toEqual({ allowed: false, reason: 'NOT_ALLOWED_IN_STATE' });
  });

  it.each<[string, Settings, ProjectState, ProjectAction, ProjectActor, ProjectGuard[], ProjectGuard[]]>([
    [
      'an incomplete report',
      PLAIN,
      'IN_PROGRESS',
      'SUBMIT_ANNUAL_REPORT',
      'PROJECT_SIDE',
      ['REPORT_COMPLETE'],
      ['REPORT_COMPLETE'],
    ],
    [
      'a change without reason',
      PLAIN,
      'IN_PROGRESS',
      'REQUEST_CHANGE',
      'PROJECT_SIDE',
      ['REASON_GIVEN'],
      ['REASON_GIVEN'],
    ],
    [
      'a malformed change',
      PLAIN,
      'IN_PROGRESS',
      'REQUEST_CHANGE',
      'PROJECT_SIDE',
      ['CHANGE_WELL_FORMED'],
      ['CHANGE_WELL_FORMED'],
    ],
    [
      'a change bringing in a debarred unit',
      PLAIN,
      'CHANGE_REQUESTED',
      'APPROVE_CHANGE',
      'AUTHORITY_ADMIN',
      ['NO_PARTICIPANT_DEBARRED'],
      ['NO_PARTICIPANT_DEBARRED'],
    ],
    [
      'a change approved by its requester',
      PLAIN,
      'CHANGE_REQUESTED',
      'APPROVE_CHANGE',
      'AUTHORITY_ADMIN',
      ['APPROVER_IS_NOT_REQUESTER'],
      ['APPROVER_IS_NOT_REQUESTER'],
    ],
    [
      'a refusal without reason',
      PLAIN,
      'CHANGE_REQUESTED',
      'REFUSE_CHANGE',
      'AUTHORITY_ADMIN',
      ['REASON_GIVEN'],
      ['REASON_GIVEN'],
    ],
    [
      'acceptance with reports missing',
      PLAIN,
      'IN_PROGRESS',
      'REQUEST_ACCEPTANCE',
      'PROJECT_SIDE',
      ['REPORTS_UP_TO_DATE', 'FINAL_REPORT_ATTACHED'],
      ['REPORTS_UP_TO_DATE', 'FINAL_REPORT_ATTACHED'],
    ],
    [
      'review without a full panel',
      PLAIN,
      'ACCEPTANCE_REQUESTED',
      'START_ACCEPTANCE_REVIEW',
      'AUTHORITY',
      ['PANEL_COMPLETE'],
      ['PANEL_COMPLETE'],
    ],
    [
      'closing review with opinions out',
      PLAIN,
      'ACCEPTANCE_REVIEW',
      'FINISH_ACCEPTANCE_REVIEW',
      'AUTHORITY',
      ['ALL_SHEETS_SUBMITTED'],
      ['ALL_SHEETS_SUBMITTED'],
    ],
    [
      'passing without the notice the programme sets',
      NOTICE,
      'ACCEPTANCE_REVIEWED',
      'PASS_ACCEPTANCE',
      'AUTHORITY_ADMIN',
      [],
      ['NO_NOTICE_ASKED'],
    ],
    [
      'a notice the programme does not set',
      PLAIN,
      'ACCEPTANCE_REVIEWED',
      'PUBLICISE_ACCEPTANCE',
      'AUTHORITY',
      [],
      ['NOTICE_ASKED'],
    ],
    [
      'passing during the notice',
      NOTICE,
      'ACCEPTANCE_PUBLICISED',
      'PASS_ACCEPTANCE',
      'AUTHORITY_ADMIN',
      ['NOTICE_PERIOD_OVER'],
      ['NOTICE_PERIOD_OVER'],
    ],
    [
      'passing after an objection was sustained',
      NOTICE,
      'ACCEPTANCE_PUBLICISED',
      'PASS_ACCEPTANCE',
      'AUTHORITY_ADMIN',
      ['NO_OBJECTION_SUSTAINED'],
      ['NO_OBJECTION_SUSTAINED'],
    ],
    [
      'failing with an objection unanswered',
      NOTICE,
      'ACCEPTANCE_PUBLICISED',
      'FAIL_ACCEPTANCE',
      'AUTHORITY_ADMIN',
      ['OBJECTIONS_ANSWERED', 'NO_OBJECTION_SUSTAINED'],
      ['OBJECTIONS_ANSWERED'],
    ],
    [
      'a revocation without recovery stated',
      PLAIN,
      'FROZEN',
      'REVOKE',
      'AUTHORITY_ADMIN',
      ['RECOVERY_SET'],
      ['RECOVERY_SET'],
    ],
    [
      'a termination without reason',
      PLAIN,
      'IN_PROGRESS',
      'TERMINATE',
      'AUTHORITY_ADMIN',
      ['REASON_GIVEN'],
      ['REASON_GIVEN'],
    ],
    [
      'freezing an alliance that has not dissolved',
      PLAIN,
      'IN_PROGRESS',
      'FREEZE_ON_DISSOLUTION',
      'SYSTEM',
      ['ALLIANCE_DISSOLVED'],
      ['ALLIANCE_DISSOLVED'],
    ],
    [
      'continuing under no unit',
      PLAIN,
      'FROZEN',
      'CONTINUE_UNDER_UNIT',
      'AUTHORITY_ADMIN',
      ['SUCCESSOR_UNIT_NAMED'],
      ['SUCCESSOR_UNIT_NAMED'],
    ],
    [
      'continuing under a debarred unit',
      PLAIN,
      'FROZEN',
      'CONTINUE_UNDER_UNIT',
      'AUTHORITY_ADMIN',
      ['NO_PARTICIPANT_DEBARRED'],
      ['NO_PARTICIPANT_DEBARRED'],
    ],
    [
      'adjusting with a malformed change',
      PLAIN,
      'FROZEN',
      'ADJUST',
      'AUTHORITY_ADMIN',
      ['CHANGE_WELL_FORMED'],
      ['CHANGE_WELL_FORMED'],
    ],
  ])('guard: %s', (_name, programme, state, action, actor, failing, failedGuards) => {
    expect(decide(W, state, action, [actor], holds(programme, failing))).toEqual({
      allowed: false,
      reason: 'GUARD_FAILED',
      failedGuards,
    });
  });

  it('keeps route actions the programme rules out off the offer', () => {
    const known = (programme: Settings) => (g: ProjectGuard) => projectRouteHolds(g, programme) === false;
    const deciders: ProjectActor[] = ['AUTHORITY', 'AUTHORITY_ADMIN'];
    expect(availableActions(W, 'ACCEPTANCE_REVIEWED', deciders, known(PLAIN))).toEqual([
      'PASS_ACCEPTANCE',
      'FAIL_ACCEPTANCE',
      'TERMINATE',
      'REVOKE',
    ]);
    expect(availableActions(W, 'ACCEPTANCE_REVIEWED', deciders, known(NOTICE))).toEqual([
      'PUBLICISE_ACCEPTANCE',
      'FAIL_ACCEPTANCE',
      'TERMINATE',
      'REVOKE',
    ]);
    expect(projectRouteHolds('REASON_GIVEN', NOTICE)).toBeNull();
  });
});
