import { describe, expect, it } from 'vitest';
import { Role } from '../auth/roles.js';
import { filingActorsOf } from './filing-actors.js';
import { decide } from '../applications/workflow.js';
import { FILING_WORKFLOW, FilingAction, FilingState } from './filing-workflow.js';

// Every state × action × role × tier, against who Art. 21's procedure says may act — written out
// here independently of the transition table. SYSTEM actions are nobody's: no viewer may take them.

const PROVINCE = 'province';
const ZHUZHOU = 'zhuzhou';
const CHANGSHA = 'changsha';
const parties = { tenantId: ZHUZHOU, authorityTenantId: PROVINCE };

type Seat = 'CITY_STAFF' | 'PROVINCE_STAFF' | 'PROVINCE_ADMIN' | 'NOBODY';

const each = <S extends FilingState>(from: readonly S[], seat: Seat) =>
  Object.fromEntries(from.map((s) => [s, seat])) as Partial<Record<FilingState, Seat>>;

/** Who may take each action, in each state it leaves. */
const WHO: Partial<Record<FilingAction, Partial<Record<FilingState, Seat>>>> = {
  SUBMIT: each(['DRAFT', 'RETURNED'], 'CITY_STAFF'),
  ACCEPT: { SUBMITTED: 'PROVINCE_STAFF' },
  RETURN: { SUBMITTED: 'PROVINCE_STAFF' },
  REFUSE: { SUBMITTED: 'PROVINCE_STAFF', ...each(['ACCEPTED', 'REVIEWED', 'PUBLICISED'], 'PROVINCE_ADMIN') },
  LAPSE: { RETURNED: 'NOBODY' },
  START_REVIEW: { ACCEPTED: 'PROVINCE_STAFF' },
  FINISH_REVIEW: { IN_REVIEW: 'PROVINCE_STAFF' },
  PUBLICISE: each(['ACCEPTED', 'REVIEWED'], 'PROVINCE_STAFF'),
  FILE: each(['ACCEPTED', 'REVIEWED', 'PUBLICISED'], 'PROVINCE_ADMIN'),
  SUBMIT_CHANGE: { FILED: 'CITY_STAFF' },
  ACCEPT_CHANGE: { CHANGE_SUBMITTED: 'PROVINCE_STAFF' },
  RETURN_CHANGE: { CHANGE_SUBMITTED: 'PROVINCE_STAFF' },
  SUSPEND: { FILED: 'PROVINCE_ADMIN' },
  REINSTATE: { SUSPENDED: 'PROVINCE_ADMIN' },
  REVOKE: each(['FILED', 'CHANGE_SUBMITTED', 'SUSPENDED'], 'PROVINCE_ADMIN'),
  REVOKE_ON_DISSOLUTION: each(['FILED', 'CHANGE_SUBMITTED', 'SUSPENDED'], 'NOBODY'),
  WITHDRAW: each(
    [
      'DRAFT',
      'SUBMITTED',
      'ACCEPTED',
      'RETURNED',
      'IN_REVIEW',
      'REVIEWED',
      'PUBLICISED',
      'FILED',
      'CHANGE_SUBMITTED',
    ],
    'CITY_STAFF',
  ),
};

const SEATED: Record<Seat, (tenantId: string, role: Role) => boolean> = {
  CITY_STAFF: (t, r) => t === ZHUZHOU && (r === Role.CITY_ADMIN || r === Role.CITY_OFFICER),
  PROVINCE_STAFF: (t, r) => t === PROVINCE && (r === Role.PROVINCE_ADMIN || r === Role.PROVINCE_OFFICER),
  PROVINCE_ADMIN: (t, r) => t === PROVINCE && r === Role.PROVINCE_ADMIN,
  NOBODY: () => false,
};

const VIEWERS = [
  ...[Role.PROVINCE_ADMIN, Role.PROVINCE_OFFICER, Role.EXPERT].map((role) => ({ tenantId: PROVINCE, role })),
  ...[ZHUZHOU, CHANGSHA].flatMap((tenantId) =>
    [Role.CITY_ADMIN, Role.CITY_OFFICER, Role.EXPERT].map((role) => ({ tenantId, role })),
  ),
];

const cells = VIEWERS.flatMap((viewer) =>
  Object.values(FilingState).flatMap((state) =>
    Object.values(FilingAction).map((action) => ({ ...viewer, state, action })),
  ),
);

describe('who may act on a filing (state × action × role × tier)', () => {
  it(`covers ${cells.length} cells`, () => {
    expect(cells).toHaveLength(9 * 13 * 17);
  });

  it.each(cells)('$role of $tenantId, $action in $state', ({ tenantId, role, state, action }) => {
    const seat = WHO[action]?.[state];
    const expected = seat !== undefined && SEATED[seat](tenantId, role);
    const actors = filingActorsOf({ tenantId, roles: [role] }, parties);
    expect(decide(FILING_WORKFLOW, state, action, actors, () => true).allowed).toBe(expected);
  });

  it.each([
    [PROVINCE, Role.PROVINCE_ADMIN, ['PROVINCE', 'PROVINCE_ADMIN']],
    [PROVINCE, Role.PROVINCE_OFFICER, ['PROVINCE']],
    [ZHUZHOU, Role.CITY_ADMIN, ['FILING_CITY']],
    [ZHUZHOU, Role.CITY_OFFICER, ['FILING_CITY']],
    [CHANGSHA, Role.CITY_ADMIN, []],
    [PROVINCE, Role.EXPERT, []],
    [ZHUZHOU, Role.EXPERT, []],
  ] as const)('gives %s %s the parts %j, never SYSTEM', (tenantId, role, expected) => {
    expect(filingActorsOf({ tenantId, roles: [role] }, parties)).toEqual(expected);
  });
});
