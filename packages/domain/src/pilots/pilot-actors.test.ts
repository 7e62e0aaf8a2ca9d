import { describe, expect, it } from 'vitest';
import { Role } from '../auth/roles.js';
import { pilotActorsOf } from './pilot-actors.js';
import { decidePilotTransition, PilotAction, PilotState } from './pilot-transitions.js';

// Every state × action × role × tier, against who the measures say may act — written out here
// independently of the transition table.

const PROVINCE = 'province';
const ZHUZHOU = 'zhuzhou';
const CHANGSHA = 'changsha';

const provincial = { tenantId: ZHUZHOU, recommendingTenantId: ZHUZHOU, authorityTenantId: PROVINCE };
const local = { tenantId: ZHUZHOU, recommendingTenantId: ZHUZHOU, authorityTenantId: ZHUZHOU };

type Seat = 'HOME_STAFF' | 'HOME_ADMIN' | 'AUTHORITY_STAFF' | 'AUTHORITY_ADMIN';

/** Who may take each action, in each state it leaves. */
const WHO: Partial<Record<PilotAction, Partial<Record<PilotState, Seat>>>> = {
  SUBMIT: { DRAFT: 'HOME_STAFF', RETURNED: 'HOME_STAFF' },
  RECOMMEND: { SUBMITTED: 'HOME_ADMIN' },
  NOT_RECOMMEND: { SUBMITTED: 'HOME_ADMIN' },
  RETURN: { SUBMITTED: 'HOME_ADMIN', RECOMMENDED: 'AUTHORITY_STAFF', ACCEPTED: 'AUTHORITY_STAFF' },
  REFUSE: { RECOMMENDED: 'AUTHORITY_STAFF' },
  ACCEPT: { RECOMMENDED: 'AUTHORITY_STAFF' },
  START_REVIEW: { ACCEPTED: 'AUTHORITY_STAFF' },
  CLOSE_REVIEW: { IN_REVIEW: 'AUTHORITY_STAFF' },
  PUBLICISE: { REVIEWED: 'AUTHORITY_STAFF' },
  APPROVE: { REVIEWED: 'AUTHORITY_ADMIN', PUBLICISED: 'AUTHORITY_ADMIN' },
  DECLINE: { ACCEPTED: 'AUTHORITY_ADMIN', REVIEWED: 'AUTHORITY_ADMIN', PUBLICISED: 'AUTHORITY_ADMIN' },
  WITHDRAW: {
    DRAFT: 'HOME_STAFF',
    SUBMITTED: 'HOME_STAFF',
    RECOMMENDED: 'HOME_STAFF',
    ACCEPTED: 'HOME_STAFF',
    RETURNED: 'HOME_STAFF',
  },
};

const SEATED: Record<Seat, (tenantId: string, role: Role, parties: typeof provincial) => boolean> = {
  HOME_STAFF: (t, r, p) => t === p.tenantId && (r === Role.CITY_ADMIN || r === Role.CITY_OFFICER),
  HOME_ADMIN: (t, r, p) => t === p.recommendingTenantId && r === Role.CITY_ADMIN,
  AUTHORITY_STAFF: (t, r, p) => t === p.authorityTenantId && r !== Role.EXPERT,
  AUTHORITY_ADMIN: (t, r, p) =>
    t === p.authorityTenantId && (r === Role.PROVINCE_ADMIN || r === Role.CITY_ADMIN),
};

const VIEWERS = [
  ...[Role.PROVINCE_ADMIN, Role.PROVINCE_OFFICER, Role.EXPERT].map((role) => ({ tenantId: PROVINCE, role })),
  ...[ZHUZHOU, CHANGSHA].flatMap((tenantId) =>
    [Role.CITY_ADMIN, Role.CITY_OFFICER, Role.EXPERT].map((role) => ({ tenantId, role })),
  ),
];

const cells = (['PROVINCIAL', 'CITY'] as const).flatMap((level) =>
  VIEWERS.flatMap((viewer) =>
    Object.values(PilotState).flatMap((state) =>
      Object.values(PilotAction).map((action) => ({ level, ...viewer, state, action })),
    ),
  ),
);

describe('who may act on a pilot application (state × action × role × tier)', () => {
  it(`covers ${cells.length} cells`, () => {
    expect(cells).toHaveLength(2 * 9 * 13 * 12);
  });

  it.each(cells)(
    '$level: $role of $tenantId, $action in $state',
    ({ level, tenantId, role, state, action }) => {
      const parties = level === 'PROVINCIAL' ? provincial : local;
      const seat = WHO[action]?.[state];
      const expected = seat !== undefined && SEATED[seat](tenantId, role, parties);
      const actors = pilotActorsOf({ tenantId, roles: [role] }, parties);
      expect(decidePilotTransition(state, action, actors, () => true).allowed).toBe(expected);
    },
  );

  it('gives an expert no part anywhere', () => {
    for (const parties of [provincial, local])
      for (const tenantId of [PROVINCE, ZHUZHOU])
        expect(pilotActorsOf({ tenantId, roles: [Role.EXPERT] }, parties)).toEqual([]);
  });
});
