import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { createUser, type TestUser } from '../support/harness';
import { attempt, cellTally, openRuntimeSession, type RuntimeSession } from '../support/tenancy-fixtures';
import {
  CHANGSHA,
  CLOSED_STATES,
  committedAs,
  Fixtures,
  identityOf,
  party,
  type Party,
  type PilotApplication,
  type PilotExpert,
  type PilotState,
  PROVINCE,
  run,
  ZHUZHOU,
} from './db-fixtures';

// The rules the pilot migration enforces in the database whoever calls: conflicts of interest on
// panel seats, locked score sheets, the application's frozen form and final states, and approval
// making the alliance a pilot (triggers of migration 1764400000000), as the runtime role.

type World = {
  province: Party;
  zhuzhou: Party;
  changsha: Party;
  provinceCall: string;
  zhuzhouCall: string;
  target: PilotApplication;
  otherPanel: PilotApplication;
  unrecommended: PilotApplication;
  cityLevel: PilotApplication;
  dossierOrg: string;
  sameOrg: string;
  experts: Record<string, PilotExpert>;
  changshaExpert: PilotExpert;
  changshaSeatTarget: PilotApplication;
  /** Score sheets on the target's panel: one submitted, one draft, by experts with accounts. */
  submitted: { expert: PilotExpert; sheet: string };
  draft: { expert: PilotExpert; sheet: string };
  byState: Map<string, PilotApplication>;
};

const w = {} as World;
let fx: Fixtures;
let session: RuntimeSession;

const GUARD_VARIANTS: { key: string; state: PilotState; recommended: boolean }[] = [
  { key: 'DRAFT', state: 'DRAFT', recommended: false },
  { key: 'SUBMITTED', state: 'SUBMITTED', recommended: false },
  { key: 'RETURNED before recommendation', state: 'RETURNED', recommended: false },
  { key: 'NOT_RECOMMENDED', state: 'NOT_RECOMMENDED', recommended: false },
  { key: 'WITHDRAWN', state: 'WITHDRAWN', recommended: false },
  { key: 'RECOMMENDED', state: 'RECOMMENDED', recommended: true },
  { key: 'ACCEPTED', state: 'ACCEPTED', recommended: true },
  { key: 'IN_REVIEW', state: 'IN_REVIEW', recommended: true },
  { key: 'REVIEWED', state: 'REVIEWED', recommended: true },
  { key: 'PUBLICISED', state: 'PUBLICISED', recommended: true },
  { key: 'APPROVED', state: 'APPROVED', recommended: true },
  { key: 'DECLINED', state: 'DECLINED', recommended: true },
  { key: 'RETURNED after recommendation', state: 'RETURNED', recommended: true },
];

beforeAll(async () => {
  fx = await Fixtures.open();
  session = await openRuntimeSession();
  w.province = await party(PROVINCE);
  w.zhuzhou = await party(ZHUZHOU);
  w.changsha = await party(CHANGSHA);
  const P = w.province.tenantId;
  const Z = w.zhuzhou.tenantId;
  const C = w.changsha.tenantId;
  w.provinceCall = await fx.call(P, true);
  w.zhuzhouCall = await fx.call(Z, true);
  const provincial = (state: PilotState, extra: Partial<{ recommended: boolean; extraMemberOrgIds: string[] }> = {}) =>
    fx.application({ tenantId: Z, callId: w.provinceCall, authorityTenantId: P, state, ...extra });
  w.dossierOrg = await fx.organization(Z);
  w.target = await provincial('IN_REVIEW', { extraMemberOrgIds: [w.dossierOrg] });
  w.otherPanel = await provincial('IN_REVIEW');
  w.unrecommended = await provincial('SUBMITTED');
  w.cityLevel = await fx.application({ tenantId: Z, callId: w.zhuzhouCall, authorityTenantId: Z, state: 'IN_REVIEW' });
  w.sameOrg = await fx.organization(P);
  const t = w.target.alliance;
  w.experts = {
    memberTie: await fx.expert(P, null, { organizations: [t.memberOrgId] }),
    dossierTie: await fx.expert(P, null, { organizations: [w.dossierOrg] }),
    bureauTie: await fx.expert(P, null, { bureaus: [Z] }),
    declaredMember: await fx.expert(P, null, { declared: [{ organization: t.memberOrgId }] }),
    declaredBureau: await fx.expert(P, null, { declared: [{ bureau: Z }] }),
    exitedTie: await fx.expert(P, null, { organizations: [t.exitedOrgId] }),
    otherBureau: await fx.expert(P, null, { bureaus: [C] }),
    sameOrgA: await fx.expert(P, null, { organizations: [w.sameOrg] }),
    sameOrgB: await fx.expert(P, null, { organizations: [w.sameOrg] }),
    clean: await fx.expert(P, null),
  };
  w.changshaExpert = await fx.expert(C, null);
  w.changshaSeatTarget = await fx.application({
    tenantId: C,
    callId: await fx.call(C, true),
    authorityTenantId: C,
    state: 'IN_REVIEW',
  });

  const sheetOf = async (submitted: boolean) => {
    const expert = await fx.expert(P, await createUser(PROVINCE, ['EXPERT'], 'rex'));
    const seat = await fx.seat(w.province.officer, w.target, expert);
    return { expert, sheet: await fx.sheet(seat, w.target, expert, submitted) };
  };
  w.submitted = await sheetOf(true);
  w.draft = await sheetOf(false);

  w.byState = new Map();
  for (const v of GUARD_VARIANTS) w.byState.set(v.key, await provincial(v.state, { recommended: v.recommended }));
});

afterAll(async () => {
  await session?.close();
  await fx?.close();
});

const { cells } = cellTally('pilot selection database rules');
const as = <T>(user: TestUser, fn: (db: Client) => Promise<T>) => session.as(identityOf(user), fn);

/** Switches the transaction's identity (set_config(…, true) lasts until the transaction ends). */
const become = (db: Client, user: TestUser) =>
  db.query(`SELECT set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true), set_config('app.roles', $3, true)`, [
    user.tenantId,
    user.id,
    user.roles.join(','),
  ]);

/** Seats an expert as the transaction's user: `rows:1`, or SQLSTATE and constraint. */
async function seat(
  db: Client,
  staff: TestUser,
  application: { id: string; tenantId: string },
  expert: PilotExpert,
  expertUserId: string | null = expert.user?.id ?? null,
): Promise<string> {
  const outcome = await attempt(
    db,
    `INSERT INTO expert_assignment (tenant_id, application_id, application_tenant_id, expert_id, expert_user_id,
                                    review_year, assigned_by)
     VALUES ($1, $2, $3, $4, $5, 2026, $6) RETURNING id`,
    [staff.tenantId, application.id, application.tenantId, expert.id, expertUserId, staff.id],
  );
  return outcome.ok ? `rows:${outcome.rowCount}` : `${outcome.code}${outcome.constraint ? ` ${outcome.constraint}` : ''}`;
}

const CONFLICT = '23514 expert_assignment_conflict_of_interest';
const ONE_PER_ORGANIZATION = '23514 expert_assignment_one_per_organization';

describe('expert_assignment_conflicts: seats on a panel (as 湖南省 officer)', () => {
  const single: { name: string; expert: string; expected: string }[] = [
    { name: 'an expert affiliated with a current member of the alliance', expert: 'memberTie', expected: CONFLICT },
    { name: 'an expert affiliated with a member named in the dossier', expert: 'dossierTie', expected: CONFLICT },
    { name: 'an expert tied to the recommending bureau (株洲)', expert: 'bureauTie', expected: CONFLICT },
    { name: 'an expert who declared a conflict with a member', expert: 'declaredMember', expected: CONFLICT },
    { name: 'an expert who declared a conflict with the recommending bureau', expert: 'declaredBureau', expected: CONFLICT },
    { name: 'an expert tied to an organization that left the alliance before', expert: 'exitedTie', expected: 'rows:1' },
    { name: 'an expert tied to another bureau (长沙)', expert: 'otherBureau', expected: 'rows:1' },
    { name: 'a clean expert', expert: 'clean', expected: 'rows:1' },
  ];
  cells(
    single,
    (c) => `${c.name}: ${c.expected}`,
    async (c) => {
      expect(await as(w.province.officer, (db) => seat(db, w.province.officer, w.target, w.experts[c.expert]!))).toBe(
        c.expected,
      );
    },
  );

  cells(
    [
      {
        name: 'a second expert of the same organization on one panel is refused',
        steps: ['sameOrgA:target', 'sameOrgB:target'],
        expected: ['rows:1', ONE_PER_ORGANIZATION],
      },
      {
        name: 'two experts of one organization on different panels are fine',
        steps: ['sameOrgA:target', 'sameOrgB:otherPanel'],
        expected: ['rows:1', 'rows:1'],
      },
      {
        name: 'a withdrawn seat does not count against the organization',
        steps: ['sameOrgA:target', 'withdraw', 'sameOrgB:target'],
        expected: ['rows:1', 'rows:1', 'rows:1'],
      },
    ],
    (c) => c.name,
    async (c) => {
      const observed = await as(w.province.officer, async (db) => {
        const out: string[] = [];
        for (const step of c.steps) {
          if (step === 'withdraw') {
            out.push(
              await run(
                db,
                `UPDATE expert_assignment SET withdrawn_at = now(), withdrawal_reason = '回避'
                  WHERE expert_id = $1 AND withdrawn_at IS NULL`,
                [w.experts.sameOrgA!.id],
              ),
            );
            continue;
          }
          const [expert, app] = step.split(':') as [string, 'target' | 'otherPanel'];
          out.push(await seat(db, w.province.officer, w[app], w.experts[expert]!));
        }
        return out;
      });
      expect(observed).toEqual(c.expected);
    },
  );

  cells(
    [{ name: 'a seat naming an account other than the expert’s own is refused' }],
    (c) => c.name,
    async () => {
      expect(
        await as(w.province.officer, (db) => seat(db, w.province.officer, w.target, w.experts.clean!, w.province.admin.id)),
      ).toBe('23514');
    },
  );

  // Naming an application that is not recommended to the caller's tenant fails exactly like a random id.
  const shape = (outcome: Awaited<ReturnType<typeof attempt>>, id: string) =>
    outcome.ok ? 'accepted' : `${outcome.code}: ${outcome.message.replaceAll(id, '<id>')}`;
  const strangers: {
    name: string;
    staff: () => TestUser;
    expert: () => PilotExpert;
    application: () => { id: string; tenantId: string };
  }[] = [
    {
      name: '湖南省 names 株洲’s SUBMITTED (not yet recommended) application',
      staff: () => w.province.officer,
      expert: () => w.experts.clean!,
      application: () => w.unrecommended,
    },
    {
      name: '湖南省 names 株洲’s city-level application',
      staff: () => w.province.officer,
      expert: () => w.experts.clean!,
      application: () => w.cityLevel,
    },
    {
      name: '湖南省 names 株洲’s recommended application under another tenant (长沙)',
      staff: () => w.province.officer,
      expert: () => w.experts.clean!,
      application: () => ({ id: w.target.id, tenantId: w.changsha.tenantId }),
    },
    {
      name: '长沙 names 株洲’s application recommended to the province',
      staff: () => w.changsha.officer,
      expert: () => w.changshaExpert,
      application: () => w.target,
    },
    {
      name: '湖南省 names 长沙’s own city-level application',
      staff: () => w.province.officer,
      expert: () => w.experts.clean!,
      application: () => w.changshaSeatTarget,
    },
  ];
  cells(
    strangers,
    (c) => `${c.name}: refused like a random id`,
    async (c) => {
      const staff = c.staff();
      const observed = await as(staff, async (db) => {
        const tryApp = async (app: { id: string; tenantId: string }) =>
          shape(
            await attempt(
              db,
              `INSERT INTO expert_assignment (tenant_id, application_id, application_tenant_id, expert_id, review_year)
               VALUES ($1, $2, $3, $4, 2026)`,
              [staff.tenantId, app.id, app.tenantId, c.expert().id],
            ),
            app.id,
          );
        const app = c.application();
        return { named: await tryApp(app), random: await tryApp({ id: randomUUID(), tenantId: app.tenantId }) };
      });
      expect(observed.random).toMatch(/^23503: /);
      expect(observed.named).toBe(observed.random);
    },
  );
});

describe('review_sheet_lock: a submitted sheet is locked', () => {
  const reopen = (user: TestUser, extra = '') =>
    `UPDATE review_sheet SET status = 'DRAFT', submitted_at = NULL, reopened_at = now(), reopened_by = '${user.id}'${extra}
      WHERE id = $1`;
  const submittedSheet = () => w.submitted.sheet;
  const draftSheet = () => w.draft.sheet;
  const expertOf = (s: { expert: PilotExpert }) => s.expert.user!;
  const cases: { name: string; as: () => TestUser; steps: (db: Client) => Promise<string[]>; expected: string[] }[] = [
    {
      name: 'its expert changes the scores of the submitted sheet',
      as: () => expertOf(w.submitted),
      steps: async (db) => [
        await run(db, `UPDATE review_sheet SET scores = '{"INNOVATION": 10}' WHERE id = $1`, [submittedSheet()]),
      ],
      expected: ['error:55000'],
    },
    {
      name: 'its expert takes the submitted sheet back to draft',
      as: () => expertOf(w.submitted),
      steps: async (db) => [
        await run(db, `UPDATE review_sheet SET status = 'DRAFT', submitted_at = NULL WHERE id = $1`, [submittedSheet()]),
      ],
      expected: ['error:55000'],
    },
    {
      name: '湖南省 officer reopens it with a reason, then its expert rescores it',
      as: () => w.province.officer,
      steps: async (db) => {
        const reopened = await run(db, reopen(w.province.officer, `, reopen_reason = '评分依据不足，请补充'`), [
          submittedSheet(),
        ]);
        await become(db, expertOf(w.submitted));
        const rescored = await run(db, `UPDATE review_sheet SET scores = '{"INNOVATION": 85}' WHERE id = $1`, [
          submittedSheet(),
        ]);
        return [reopened, rescored];
      },
      expected: ['rows:1', 'rows:1'],
    },
    {
      name: '湖南省 admin reopens it with a reason',
      as: () => w.province.admin,
      steps: async (db) => [await run(db, reopen(w.province.admin, `, reopen_reason = '复核'`), [submittedSheet()])],
      expected: ['rows:1'],
    },
    {
      name: '湖南省 officer reopens it without a reason',
      as: () => w.province.officer,
      steps: async (db) => [await run(db, reopen(w.province.officer), [submittedSheet()])],
      expected: ['error:55000'],
    },
    {
      name: '湖南省 officer reopens it and changes a score',
      as: () => w.province.officer,
      steps: async (db) => [
        await run(db, reopen(w.province.officer, `, reopen_reason = '复核', scores = '{"INNOVATION": 99}'`), [
          submittedSheet(),
        ]),
      ],
      expected: ['error:55000'],
    },
    {
      name: '湖南省 officer reopens it and changes the opinion',
      as: () => w.province.officer,
      steps: async (db) => [
        await run(db, reopen(w.province.officer, `, reopen_reason = '复核', overall_opinion = '代写意见'`), [
          submittedSheet(),
        ]),
      ],
      expected: ['error:55000'],
    },
    {
      name: '湖南省 officer changes the scores of a draft sheet',
      as: () => w.province.officer,
      steps: async (db) => [await run(db, `UPDATE review_sheet SET scores = '{"INNOVATION": 1}' WHERE id = $1`, [draftSheet()])],
      expected: ['denied'],
    },
    {
      name: '湖南省 admin changes the recommendation of a draft sheet',
      as: () => w.province.admin,
      steps: async (db) => [await run(db, `UPDATE review_sheet SET recommendation = 'OPPOSE' WHERE id = $1`, [draftSheet()])],
      expected: ['denied'],
    },
    {
      name: 'its expert scores and submits the draft sheet',
      as: () => expertOf(w.draft),
      steps: async (db) => [
        await run(db, `UPDATE review_sheet SET scores = '{"INNOVATION": 75}', overall_opinion = '同意' WHERE id = $1`, [
          draftSheet(),
        ]),
        await run(
          db,
          `UPDATE review_sheet SET status = 'SUBMITTED', submitted_at = now(), recommendation = 'SUPPORT' WHERE id = $1`,
          [draftSheet()],
        ),
        await run(db, `UPDATE review_sheet SET scores = '{"INNOVATION": 76}' WHERE id = $1`, [draftSheet()]),
      ],
      expected: ['rows:1', 'rows:1', 'error:55000'],
    },
  ];
  cells(
    cases,
    (c) => `${c.name}: ${c.expected.join(', ')}`,
    async (c) => {
      expect(await as(c.as(), c.steps)).toEqual(c.expected);
    },
  );
});

describe('pilot_application_guard: the form, the moment it was sent up, closed states', () => {
  const app = (key: string) => w.byState.get(key)!;
  const formOpen = (v: { state: PilotState }) => v.state === 'DRAFT' || v.state === 'RETURNED';
  cells(
    GUARD_VARIANTS,
    (v) => `株洲 officer (home) edits the form in ${v.key}`,
    async (v) => {
      const closed = CLOSED_STATES.includes(v.state);
      const observed = await as(w.zhuzhou.officer, async (db) => ({
        form: await run(db, `UPDATE pilot_application SET goals = '新目标', budget_fen = 1000000 WHERE id = $1`, [app(v.key).id]),
        workflow: await run(db, `UPDATE pilot_application SET last_reason = '补充材料' WHERE id = $1`, [app(v.key).id]),
      }));
      expect(observed).toEqual({
        form: formOpen(v) ? 'rows:1' : 'error:55000',
        workflow: closed ? 'error:55000' : 'rows:1',
      });
    },
  );
  cells(
    GUARD_VARIANTS.filter((v) => v.recommended),
    (v) => `recommended_at of ${v.key} cannot be cleared (by 株洲 or 湖南省)`,
    async (v) => {
      const clear = (db: Client) =>
        run(db, 'UPDATE pilot_application SET recommended_at = NULL WHERE id = $1', [app(v.key).id]);
      expect({
        home: await as(w.zhuzhou.officer, clear),
        authority: await as(w.province.officer, clear),
      }).toEqual({ home: 'error:55000', authority: 'error:55000' });
    },
  );
  cells(
    [
      { name: 'call', sql: 'call_id = $2', value: () => w.provinceCall },
      { name: 'alliance', sql: 'alliance_id = $2', value: () => app('SUBMITTED').alliance.id },
      { name: 'authority', sql: 'authority_tenant_id = $2', value: () => w.changsha.tenantId },
      { name: 'recommending unit', sql: 'recommending_tenant_id = $2', value: () => w.changsha.tenantId },
    ],
    (c) => `a DRAFT application’s ${c.name} cannot change`,
    async (c) => {
      const draft = app('DRAFT');
      const value = c.name === 'call' ? randomUUID() : c.value();
      expect(
        await as(w.zhuzhou.officer, (db) => run(db, `UPDATE pilot_application SET ${c.sql} WHERE id = $1`, [draft.id, value])),
      ).toBe('error:55000');
    },
  );
  cells(
    GUARD_VARIANTS.filter((v) => v.recommended && CLOSED_STATES.includes(v.state)),
    (v) => `${v.key} is final for the authority too (state back to PUBLICISED)`,
    async (v) => {
      expect(
        await as(w.province.officer, (db) =>
          run(db, `UPDATE pilot_application SET state = 'PUBLICISED' WHERE id = $1`, [app(v.key).id]),
        ),
      ).toBe('error:55000');
    },
  );
});

describe('pilot_application_confirm: approval makes the alliance a pilot and lists it', () => {
  const approve = (user: TestUser, id: string, decidedAt: string, reason: string | null = '专家评审通过，公示无异议') =>
    committedAs(identityOf(user), (db) =>
      run(
        db,
        `UPDATE pilot_application SET state = 'APPROVED', decided_at = $2, decided_by = $3, decision_reason = $4,
                version = version + 1
          WHERE id = $1 AND state = 'PUBLICISED'`,
        [id, decidedAt, user.id, reason],
      ),
    );
  const allianceOf = async (id: string) =>
    (
      await fx.query<{ pilot_status: string; pilot_since: string | null; pilot_call_id: string | null; pilot_application_id: string | null; version: number }>(
        `SELECT pilot_status, to_char(pilot_since, 'YYYY-MM-DD') AS pilot_since, pilot_call_id, pilot_application_id, version
           FROM alliance WHERE id = $1`,
        [id],
      )
    )[0]!;
  const listed = (applicationId: string) =>
    fx.query(
      `SELECT tenant_id, alliance_id, alliance_tenant_id, call_id, level, to_char(confirmed_on, 'YYYY-MM-DD') AS confirmed_on
         FROM confirmed_pilot WHERE application_id = $1`,
      [applicationId],
    );
  const reads = (user: TestUser, applicationId: string) =>
    as(user, (db) => run(db, 'SELECT 1 FROM confirmed_pilot WHERE application_id = $1', [applicationId]));

  cells(
    [{ name: '湖南省 officer approves 株洲’s PUBLICISED provincial application (SECURITY DEFINER trigger)' }],
    (c) => c.name,
    async () => {
      const application = await fx.application({
        tenantId: w.zhuzhou.tenantId,
        callId: w.provinceCall,
        authorityTenantId: w.province.tenantId,
        state: 'PUBLICISED',
      });
      // 16:30 UTC is the next day in China: the pilot's date is China time.
      expect(await approve(w.province.officer, application.id, '2026-03-01T16:30:00Z')).toBe('rows:1');
      expect(await allianceOf(application.alliance.id)).toEqual({
        pilot_status: 'PROVINCIAL_PILOT',
        pilot_since: '2026-03-02',
        pilot_call_id: w.provinceCall,
        pilot_application_id: application.id,
        version: 2,
      });
      expect(await listed(application.id)).toEqual([
        {
          tenant_id: w.province.tenantId,
          alliance_id: application.alliance.id,
          alliance_tenant_id: w.zhuzhou.tenantId,
          call_id: w.provinceCall,
          level: 'PROVINCIAL',
          confirmed_on: '2026-03-02',
        },
      ]);
      expect({
        zhuzhou: await reads(w.zhuzhou.officer, application.id),
        changsha: await reads(w.changsha.officer, application.id),
      }).toEqual({ zhuzhou: 'rows:1', changsha: 'rows:1' });
    },
  );

  cells(
    [{ name: '株洲 officer approves its own city-level application' }],
    (c) => c.name,
    async () => {
      const application = await fx.application({
        tenantId: w.zhuzhou.tenantId,
        callId: w.zhuzhouCall,
        authorityTenantId: w.zhuzhou.tenantId,
        state: 'PUBLICISED',
      });
      expect(await approve(w.zhuzhou.officer, application.id, '2026-04-10T02:00:00Z')).toBe('rows:1');
      expect(await allianceOf(application.alliance.id)).toMatchObject({
        pilot_status: 'CITY_PILOT',
        pilot_since: '2026-04-10',
        pilot_call_id: w.zhuzhouCall,
        pilot_application_id: application.id,
      });
      expect(await listed(application.id)).toMatchObject([{ tenant_id: w.zhuzhou.tenantId, level: 'CITY' }]);
      expect({
        zhuzhou: await reads(w.zhuzhou.officer, application.id),
        changsha: await reads(w.changsha.officer, application.id),
      }).toEqual({ zhuzhou: 'rows:1', changsha: 'rows:0' });
    },
  );

  cells(
    [{ name: 'a provincial pilot approved at city level stays a provincial pilot' }],
    (c) => c.name,
    async () => {
      const application = await fx.application({
        tenantId: w.zhuzhou.tenantId,
        callId: w.zhuzhouCall,
        authorityTenantId: w.zhuzhou.tenantId,
        state: 'PUBLICISED',
      });
      await fx.query(
        `UPDATE alliance SET pilot_status = 'PROVINCIAL_PILOT', pilot_since = DATE '2025-06-01' WHERE id = $1`,
        [application.alliance.id],
      );
      expect(await approve(w.zhuzhou.officer, application.id, '2026-04-10T02:00:00Z')).toBe('rows:1');
      expect(await allianceOf(application.alliance.id)).toMatchObject({
        pilot_status: 'PROVINCIAL_PILOT',
        pilot_since: '2025-06-01',
        pilot_call_id: null,
      });
    },
  );

  cells(
    [
      { name: 'a decline lists nothing and leaves the alliance as it was', decline: true },
      { name: 'an approval without a reason is refused and lists nothing', decline: false },
    ],
    (c) => c.name,
    async (c) => {
      const application = await fx.application({
        tenantId: w.zhuzhou.tenantId,
        callId: w.provinceCall,
        authorityTenantId: w.province.tenantId,
        state: 'PUBLICISED',
      });
      const outcome = c.decline
        ? await committedAs(identityOf(w.province.officer), (db) =>
            run(
              db,
              `UPDATE pilot_application SET state = 'DECLINED', decided_at = now(), decision_reason = '公示期异议成立'
                WHERE id = $1`,
              [application.id],
            ),
          )
        : await approve(w.province.officer, application.id, '2026-03-01T02:00:00Z', null);
      expect(outcome).toBe(c.decline ? 'rows:1' : 'error:23514');
      expect(await allianceOf(application.alliance.id)).toMatchObject({ pilot_status: 'NONE', pilot_since: null, version: 1 });
      expect(await listed(application.id)).toEqual([]);
    },
  );
});
