import { describe, expect, it } from 'vitest';
import { ALL_ROLES, type Role } from '../auth/roles.js';
import {
  ALLIANCE_TRANSITIONS,
  AllianceAction,
  AllianceStatus,
  availableAllianceActions,
  decideAllianceTransition,
} from './alliance-lifecycle.js';
import type { FoundingCheck } from './founding-conditions.js';

const passing: FoundingCheck = {
  asOf: '2026-11-29',
  allHold: true,
  agreementVersionInEffect: 1,
  conditions: [],
  rootCauses: [],
};
const failing: FoundingCheck = {
  asOf: '2026-11-29',
  allHold: false,
  agreementVersionInEffect: null,
  conditions: [
    {
      condition: 'AGREEMENT',
      article: '第八条第（二）项',
      title: '',
      holds: false,
      reasons: [{ code: 'NO_AGREEMENT', message: '' }],
      dependsOn: null,
    },
  ],
  rootCauses: [],
};

const cells = Object.values(AllianceStatus).flatMap((from) =>
  Object.values(AllianceAction).flatMap((action) => ALL_ROLES.map((role) => [from, action, role] as const)),
);

describe('alliance lifecycle', () => {
  it.each(cells)('%s × %s × %s follows the table', (from, action, role) => {
    const decision = decideAllianceTransition(from, action, [role], passing);
    const transition = ALLIANCE_TRANSITIONS.find((t) => t.from === from && t.action === action);
    if (!transition) expect(decision).toEqual({ allowed: false, reason: 'NOT_ALLOWED_IN_STATE' });
    else if (!transition.roles.includes(role))
      expect(decision).toEqual({ allowed: false, reason: 'ROLE_NOT_ALLOWED' });
    else expect(decision).toEqual({ allowed: true, to: transition.to });
  });

  it('refuses to establish while a founding condition fails, naming it', () => {
    expect(decideAllianceTransition('FORMING', 'ESTABLISH', ['CITY_OFFICER'], failing)).toEqual({
      allowed: false,
      reason: 'FOUNDING_CONDITIONS_FAIL',
      failing: ['AGREEMENT'],
    });
  });

  it('never reopens a dissolved alliance', () => {
    for (const action of Object.values(AllianceAction)) {
      expect(decideAllianceTransition('DISSOLVED', action, ['CITY_ADMIN'], passing).allowed).toBe(false);
    }
  });

  it.each<[AllianceStatus, Role[], AllianceAction[]]>([
    ['FORMING', ['CITY_OFFICER'], ['ESTABLISH', 'DISSOLVE']],
    ['ESTABLISHED', ['CITY_ADMIN'], ['DISSOLVE']],
    ['FORMING', ['EXPERT'], []],
    ['DISSOLVED', ['CITY_ADMIN'], []],
  ])('offers %s to %j: %j', (from, roles, actions) => {
    expect(availableAllianceActions(from, roles)).toEqual(actions);
  });
});
