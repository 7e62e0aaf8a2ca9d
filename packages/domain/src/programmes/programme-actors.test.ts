import { describe, expect, it } from 'vitest';
import { decide } from '../applications/workflow.js';
import { Role } from '../auth/roles.js';
import { programmeActorsOf, projectActorsOf, recommendingTenantOf } from './programme-actors.js';
import {
  PROGRAMME_APPLICATION_WORKFLOW as W,
  ProgrammeApplicationAction,
  ProgrammeApplicationState,
} from './programme-application-workflow.js';
import { PROJECT_WORKFLOW } from './project-lifecycle.js';

// Every state × action × role × tier, against who the procedure says may act — written out here
// independently of the transition table.

const PROVINCE = '430000';
const ZHUZHOU = '430200';
const CHANGSHA = '430100';

const provincial = {
  tenantId: ZHUZHOU,
  recommendingTenantId: recommendingTenantOf({ tenantId: PROVINCE, level: 'PROVINCE' }, ZHUZHOU),
  authorityTenantId: PROVINCE,
};
const local = {
  tenantId: ZHUZHOU,
  recommendingTenantId: recommendingTenantOf({ tenantId: ZHUZHOU, level: 'CITY' }, ZHUZHOU),
  authorityTenantId: ZHUZHOU,
};

type Seat = 'HOME_STAFF' | 'RECOMMENDING_ADMIN' | 'AUTHORITY_STAFF' | 'AUTHORITY_ADMIN';
type S = ProgrammeApplicationState;

const WHO: Partial<Record<ProgrammeApplicationAction, Partial<Record<S, Seat>>>> = {
  SUBMIT: { DRAFT: 'HOME_STAFF', RETURNED: 'HOME_STAFF' },
  RECOMMEND: { SUBMITTED: 'RECOMMENDING_ADMIN' },
  NOT_RECOMMEND: { SUBMITTED: 'RECOMMENDING_ADMIN' },
  RETURN: { SUBMITTED: 'RECOMMENDING_ADMIN', RECOMMENDED: 'AUTHORITY_STAFF', ACCEPTED: 'AUTHORITY_STAFF' },
  ACCEPT: { RECOMMENDED: 'AUTHORITY_STAFF' },
  REFUSE: { RECOMMENDED: 'AUTHORITY_STAFF' },
  START_REVIEW: { ACCEPTED: 'AUTHORITY_STAFF' },
  FINISH_REVIEW: { IN_REVIEW: 'AUTHORITY_STAFF' },
  PUBLICISE: { REVIEWED: 'AUTHORITY_STAFF' },
  AWARD: { REVIEWED: 'AUTHORITY_ADMIN', PUBLICISED: 'AUTHORITY_ADMIN' },
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
  RECOMMENDING_ADMIN: (t, r, p) => t === p.recommendingTenantId && r === Role.CITY_ADMIN,
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
    Object.values(ProgrammeApplicationState).flatMap((state) =>
      Object.values(ProgrammeApplicationAction).map((action) => ({ level, ...viewer, state, action })),
    ),
  ),
);

describe('the recommending unit', () => {
  it('is the alliance’s home city for the province’s programmes and the city itself for its own', () => {
    expect(recommendingTenantOf({ tenantId: PROVINCE, level: 'PROVINCE' }, ZHUZHOU)).toBe(ZHUZHOU);
    expect(recommendingTenantOf({ tenantId: PROVINCE, level: 'PROVINCE' }, CHANGSHA)).toBe(CHANGSHA);
    expect(recommendingTenantOf({ tenantId: ZHUZHOU, level: 'CITY' }, ZHUZHOU)).toBe(ZHUZHOU);
  });
});

describe('who may act on a programme application (state × action × role × tier)', () => {
  it(`covers ${cells.length} cells`, () => {
    expect(cells).toHaveLength(2 * 9 * 13 * 12);
  });

  it.each(cells)(
    '$level: $role of $tenantId, $action in $state',
    ({ level, tenantId, role, state, action }) => {
      const parties = level === 'PROVINCIAL' ? provincial : local;
      const seat = WHO[action]?.[state];
      const expected = seat !== undefined && SEATED[seat](tenantId, role, parties);
      const actors = programmeActorsOf({ tenantId, roles: [role] }, parties);
      expect(decide(W, state, action, actors, () => true).allowed).toBe(expected);
    },
  );

  it('gives an expert no part anywhere', () => {
    for (const parties of [provincial, local])
      for (const tenantId of [PROVINCE, ZHUZHOU])
        expect(programmeActorsOf({ tenantId, roles: [Role.EXPERT] }, parties)).toEqual([]);
  });
});

describe('who may act on a project (state × action × role × tier)', () => {
  type Seat = 'HOME_STAFF' | 'AUTHORITY_STAFF' | 'AUTHORITY_ADMIN' | 'NOBODY';
  const seatOf = (actors: readonly string[]): Seat =>
    actors.includes('PROJECT_SIDE')
      ? 'HOME_STAFF'
      : actors.includes('AUTHORITY')
        ? 'AUTHORITY_STAFF'
        : actors.includes('AUTHORITY_ADMIN')
          ? 'AUTHORITY_ADMIN'
          : 'NOBODY';
  const seated: Record<
    Seat,
    (tenantId: string, role: Role, p: { tenantId: string; authorityTenantId: string }) => boolean
  > = {
    HOME_STAFF: (t, r, p) => t === p.tenantId && (r === Role.CITY_ADMIN || r === Role.CITY_OFFICER),
    AUTHORITY_STAFF: (t, r, p) => t === p.authorityTenantId && r !== Role.EXPERT,
    AUTHORITY_ADMIN: (t, r, p) =>
      t === p.authorityTenantId && (r === Role.PROVINCE_ADMIN || r === Role.CITY_ADMIN),
    NOBODY: () => false,
  };
  const projectCells = (['PROVINCIAL', 'CITY'] as const).flatMap((level) =>
    VIEWERS.flatMap((viewer) =>
      PROJECT_WORKFLOW.transitions.map((row) => ({
        level,
        ...viewer,
        state: row.from,
        action: row.action,
        seat: seatOf(row.actors),
      })),
    ),
  );

  it.each(projectCells)(
    '$level: $role of $tenantId, $action in $state',
    ({ level, tenantId, role, state, action, seat }) => {
      const parties = { tenantId: ZHUZHOU, authorityTenantId: level === 'PROVINCIAL' ? PROVINCE : ZHUZHOU };
      const actors = projectActorsOf({ tenantId, roles: [role] }, parties);
      expect(decide(PROJECT_WORKFLOW, state, action, actors, () => true).allowed).toBe(
        seated[seat](tenantId, role, parties),
      );
    },
  );

  it('gives an expert no part, and the system to nobody', () => {
    const parties = { tenantId: ZHUZHOU, authorityTenantId: PROVINCE };
    for (const tenantId of [PROVINCE, ZHUZHOU]) {
      expect(projectActorsOf({ tenantId, roles: [Role.EXPERT] }, parties)).toEqual([]);
      for (const role of [Role.PROVINCE_ADMIN, Role.CITY_ADMIN])
        expect(projectActorsOf({ tenantId, roles: [role] }, parties)).not.toContain('SYSTEM');
    }
  });
});
