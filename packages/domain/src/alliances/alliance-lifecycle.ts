import { Role, STAFF_ROLES } from '../auth/roles.js';
import type { FoundingCheck } from './founding-conditions.js';

export const AllianceStatus = {
  FORMING: 'FORMING',
  ESTABLISHED: 'ESTABLISHED',
  DISSOLVED: 'DISSOLVED',
} as const;
export type AllianceStatus = (typeof AllianceStatus)[keyof typeof AllianceStatus];

export const ALLIANCE_STATUS_LABELS: Record<AllianceStatus, string> = {
  FORMING: '筹建中',
  ESTABLISHED: '已成立',
  DISSOLVED: '已解散',
};

export const PilotStatus = {
  NONE: 'NONE',
  CITY_PILOT: 'CITY_PILOT',
  PROVINCIAL_PILOT: 'PROVINCIAL_PILOT',
} as const;
export type PilotStatus = (typeof PilotStatus)[keyof typeof PilotStatus];

export const PILOT_STATUS_LABELS: Record<PilotStatus, string> = {
  NONE: '非试点',
  CITY_PILOT: '市级试点',
  PROVINCIAL_PILOT: '省级试点',
};

export const AllianceAction = { ESTABLISH: 'ESTABLISH', DISSOLVE: 'DISSOLVE' } as const;
export type AllianceAction = (typeof AllianceAction)[keyof typeof AllianceAction];

export const ALLIANCE_ACTION_LABELS: Record<AllianceAction, string> = {
  ESTABLISH: '确认成立',
  DISSOLVE: '解散',
};

/** The officers and admins who keep an alliance register (their own tier's). */
/** Who keeps a tier's register: its staff. */
export const REGISTER_KEEPER_ROLES: readonly Role[] = STAFF_ROLES;

type Transition = {
  from: AllianceStatus;
  action: AllianceAction;
  to: AllianceStatus;
  roles: readonly Role[];
  /** Establishing needs every Art. 8 condition to hold, an agreement in effect among them. */
  needsFoundingConditions: boolean;
};

export const ALLIANCE_TRANSITIONS: readonly Transition[] = [
  {
    from: 'FORMING',
    action: 'ESTABLISH',
    to: 'ESTABLISHED',
    roles: REGISTER_KEEPER_ROLES,
    needsFoundingConditions: true,
  },
  {
    from: 'FORMING',
    action: 'DISSOLVE',
    to: 'DISSOLVED',
    roles: REGISTER_KEEPER_ROLES,
    needsFoundingConditions: false,
  },
  {
    from: 'ESTABLISHED',
    action: 'DISSOLVE',
    to: 'DISSOLVED',
    roles: REGISTER_KEEPER_ROLES,
    needsFoundingConditions: false,
  },
];

export type TransitionRefusal =
  | { reason: 'NOT_ALLOWED_IN_STATE' }
  | { reason: 'ROLE_NOT_ALLOWED' }
  | { reason: 'FOUNDING_CONDITIONS_FAIL'; failing: string[] };

export type TransitionDecision =
  { allowed: true; to: AllianceStatus } | ({ allowed: false } & TransitionRefusal);

export function decideAllianceTransition(
  from: AllianceStatus,
  action: AllianceAction,
  roles: readonly Role[],
  check: FoundingCheck | null,
): TransitionDecision {
  const transition = ALLIANCE_TRANSITIONS.find((t) => t.from === from && t.action === action);
  if (!transition) return { allowed: false, reason: 'NOT_ALLOWED_IN_STATE' };
  if (!transition.roles.some((r) => roles.includes(r))) return { allowed: false, reason: 'ROLE_NOT_ALLOWED' };
  if (transition.needsFoundingConditions) {
    const failing = check?.conditions.filter((c) => !c.holds).map((c) => c.condition) ?? ['AGREEMENT'];
    if (!check?.allHold || check.agreementVersionInEffect === null) {
      return { allowed: false, reason: 'FOUNDING_CONDITIONS_FAIL', failing };
    }
  }
  return { allowed: true, to: transition.to };
}

/** The actions to offer a user for an alliance in a state (the apps show only these). */
export function availableAllianceActions(from: AllianceStatus, roles: readonly Role[]): AllianceAction[] {
  return ALLIANCE_TRANSITIONS.filter((t) => t.from === from && t.roles.some((r) => roles.includes(r))).map(
    (t) => t.action,
  );
}
