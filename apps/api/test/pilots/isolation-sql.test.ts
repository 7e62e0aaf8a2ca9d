import { HUNAN_DIVISIONS } from '@xiangmeng/domain';
import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { createUser, type TestUser } from '../support/harness';
import { cellTally, openRuntimeSession, type RuntimeSession } from '../support/tenancy-fixtures';
import {
  CHANGSHA,
  CLOSED_STATES,
  Fixtures,
  FORM_OPEN_STATES,
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

// Pilot selection, as the runtime role in SQL: who reads and changes which application, attachment,
// call, pool row, panel seat, score sheet, objection and confirmed-pilot entry (migration
// 1764400000000). The province is 湖南省; 株洲 recommends; 长沙 is the bystander. One test per cell,
// each one transaction with the identity set and rolled back.

type Variant = { key: string; state: PilotState; recommended: boolean };

// 株洲's applications to the province's call, in every state (RETURNED and WITHDRAWN both before
// and after the recommendation).
const PROVINCIAL: readonly Variant[] = [
  { key: 'DRAFT', state: 'DRAFT', recommended: false },
  { key: 'SUBMITTED', state: 'SUBMITTED', recommended: false },
  { key: 'RETURNED before recommendation', state: 'RETURNED', recommended: false },
  { key: 'NOT_RECOMMENDED', state: 'NOT_RECOMMENDED', recommended: false },
  { key: 'WITHDRAWN before recommendation', state: 'WITHDRAWN', recommended: false },
  { key: 'RECOMMENDED', state: 'RECOMMENDED', recommended: true },
  { key: 'ACCEPTED', state: 'ACCEPTED', recommended: true },
  { key: 'IN_REVIEW', state: 'IN_REVIEW', recommended: true },
  { key: 'REVIEWED', state: 'REVIEWED', recommended: true },
  { key: 'PUBLICISED', state: 'PUBLICISED', recommended: true },
  { key: 'APPROVED', state: 'APPROVED', recommended: true },
  { key: 'DECLINED', state: 'DECLINED', recommended: true },
  { key: 'RETURNED after recommendation', state: 'RETURNED', recommended: true },
  { key: 'WITHDRAWN after recommendation', state: 'WITHDRAWN', recommended: true },
];

const CITY_STATES: readonly PilotState[] = [
  'DRAFT',
  'SUBMITTED',
  'RECOMMENDED',
  'ACCEPTED',
  'IN_REVIEW',
  'REVIEWED',
  'PUBLICISED',
  'APPROVED',
  'DECLINED',
  'RETURNED',
  'NOT_RECOMMENDED',
  'WITHDRAWN',
];

type World = {
  province: Party;
  zhuzhou: Party;
  changsha: Party;
  calls: { provincePublished: string; provinceDraft: string; zhuzhouPublished: string; zhuzhouDraft: string; changshaPublished: string };
  provincial: Map<string, PilotApplication>;
  city: Map<PilotState, PilotApplication>;
  changshaApproved: PilotApplication;
  /** Seated on the IN_REVIEW application; `other` shares its panel; `withdrawn` left it; `idle` has no seat. */
  seated: PilotExpert;
  other: PilotExpert;
  withdrawn: PilotExpert;
  idle: PilotExpert;
  seatedAssignment: string;
  otherAssignment: string;
  seatedSheet: string;
  otherSheet: string;
  /** A seat on the same panel with no sheet yet. */
  bareAssignment: string;
  provinceObjection: string;
  /** 株洲's own pool: one expert seated on its city-level IN_REVIEW application, one idle. */
  cityExpert: PilotExpert;
  cityIdleExpert: PilotExpert;
  cityAssignment: string;
  citySheet: string;
  cityObjection: string;
  cityOfficers: Map<string, TestUser>;
};

const w = {} as World;
let fx: Fixtures;
let session: RuntimeSession;

const provincial = (key: string) => w.provincial.get(key)!;
const inReview = () => provincial('IN_REVIEW');
const userOf = (expert: PilotExpert) => expert.user!;

beforeAll(async () => {
  fx = await Fixtures.open();
  session = await openRuntimeSession();
  w.province = await party(PROVINCE);
  w.zhuzhou = await party(ZHUZHOU);
  w.changsha = await party(CHANGSHA);
  const P = w.province.tenantId;
  const Z = w.zhuzhou.tenantId;
  const C = w.changsha.tenantId;
  w.calls = {
    provincePublished: await fx.call(P, true),
    provinceDraft: await fx.call(P, false),
    zhuzhouPublished: await fx.call(Z, true),
    zhuzhouDraft: await fx.call(Z, false),
    changshaPublished: await fx.call(C, true),
  };
  w.provincial = new Map();
  for (const v of PROVINCIAL) {
    w.provincial.set(
      v.key,
      await fx.application({
        tenantId: Z,
        callId: w.calls.provincePublished,
        authorityTenantId: P,
        state: v.state,
        recommended: v.recommended,
      }),
    );
  }
  w.city = new Map();
  for (const state of CITY_STATES) {
    w.city.set(state, await fx.application({ tenantId: Z, callId: w.calls.zhuzhouPublished, authorityTenantId: Z, state }));
  }
  w.changshaApproved = await fx.application({
    tenantId: C,
    callId: w.calls.changshaPublished,
    authorityTenantId: C,
    state: 'APPROVED',
  });

  const provinceExpert = async () => createUser(PROVINCE, ['EXPERT'], 'pex');
  const unrelated = await fx.organization(P);
  w.seated = await fx.expert(P, await provinceExpert(), {
    organizations: [unrelated],
    declared: [{ organization: await fx.organization(P) }],
  });
  w.other = await fx.expert(P, await provinceExpert());
  w.withdrawn = await fx.expert(P, await provinceExpert());
  w.idle = await fx.expert(P, await provinceExpert());
  const bare = await fx.expert(P, await provinceExpert());
  w.seatedAssignment = await fx.seat(w.province.officer, inReview(), w.seated);
  w.otherAssignment = await fx.seat(w.province.officer, inReview(), w.other);
  w.bareAssignment = await fx.seat(w.province.officer, inReview(), bare);
  await fx.withdraw(await fx.seat(w.province.officer, inReview(), w.withdrawn));
  w.seatedSheet = await fx.sheet(w.seatedAssignment, inReview(), w.seated);
  w.otherSheet = await fx.sheet(w.otherAssignment, inReview(), w.other);
  w.provinceObjection = await fx.objection(P, provincial('PUBLICISED'));

  const cityInReview = w.city.get('IN_REVIEW')!;
  w.cityExpert = await fx.expert(Z, await createUser(ZHUZHOU, ['EXPERT'], 'zex'), {
    organizations: [await fx.organization(Z)],
    declared: [{ bureau: C }],
  });
  w.cityIdleExpert = await fx.expert(Z, await createUser(ZHUZHOU, ['EXPERT'], 'zex'));
  w.cityAssignment = await fx.seat(w.zhuzhou.officer, cityInReview, w.cityExpert);
  w.citySheet = await fx.sheet(w.cityAssignment, cityInReview, w.cityExpert);
  w.cityObjection = await fx.objection(Z, w.city.get('PUBLICISED')!);

  await fx.confirmed(provincial('APPROVED'), w.calls.provincePublished);
  await fx.confirmed(w.city.get('APPROVED')!, w.calls.zhuzhouPublished);
  await fx.confirmed(w.changshaApproved, w.calls.changshaPublished);

  w.cityOfficers = new Map();
  for (const city of HUNAN_DIVISIONS.filter((d) => d.level === 'CITY')) {
    w.cityOfficers.set(city.code, await createUser(city.code, ['CITY_OFFICER'], 'pco'));
  }

  // Timeline events of the IN_REVIEW application in both chains, and of a SUBMITTED one in 株洲's.
  await fx.auditEvent(w.zhuzhou.officer, inReview(), 'pilot.submit');
  await fx.auditEvent(w.province.officer, inReview(), 'pilot.accept');
  await fx.auditEvent(w.zhuzhou.officer, provincial('SUBMITTED'), 'pilot.submit');
});

afterAll(async () => {
  await session?.close();
  await fx?.close();
});

type Cell = {
  name: string;
  as: () => TestUser;
  check: (db: Client) => Promise<unknown>;
  expected: () => unknown;
};

const { cells } = cellTally('pilot selection SQL isolation');

function cellsOf(list: Cell[]): void {
  cells(
    list,
    (c) => c.name,
    async (c) => {
      expect(await session.as(identityOf(c.as()), c.check)).toEqual(c.expected());
    },
  );
}

const byId = (table: string, id: () => string) => (db: Client) => run(db, `SELECT 1 FROM ${table} WHERE id = $1`, [id()]);
const count = async (db: Client, sql: string, params: unknown[] = []) =>
  Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM (${sql}) s`, params)).rows[0]!.n);
const refusedOrNone: unknown = expect.stringMatching(/^(denied|rows:0)$/);

type StaffKey = 'officer' | 'admin';
const STAFF: readonly StaffKey[] = ['officer', 'admin'];
const tierName = { province: '湖南省', zhuzhou: '株洲', changsha: '长沙' } as const;

// Statements on one application: a workflow column, a form column, a column of the applicant side.
const readApplication = (id: () => string) => (db: Client) => run(db, 'SELECT 1 FROM pilot_application WHERE id = $1', [id()]);
const touchWorkflow = (db: Client, id: string) =>
  run(db, 'UPDATE pilot_application SET version = version + 1 WHERE id = $1', [id]);
const touchForm = (db: Client, id: string) =>
  run(db, `UPDATE pilot_application SET goals = goals || '（改）' WHERE id = $1`, [id]);
const touchApplicantSide = (db: Client, id: string) =>
  run(db, `UPDATE pilot_application SET recommendation_opinion = '改写推荐意见' WHERE id = $1`, [id]);

describe('pilot_application', () => {
  describe('湖南省 staff × 株洲 applications to the province’s call, by state', () => {
    cellsOf(
      STAFF.flatMap((staff) =>
        PROVINCIAL.map(
          (v): Cell => ({
            name: `湖南省 ${staff} → 株洲 ${v.key}`,
            as: () => w.province[staff],
            check: async (db) => {
              const id = provincial(v.key).id;
              return {
                read: await readApplication(() => id)(db),
                workflow: await touchWorkflow(db, id),
                form: await touchForm(db, id),
                applicantSide: await touchApplicantSide(db, id),
              };
            },
            expected: () => {
              if (!v.recommended) return { read: 'rows:0', workflow: 'rows:0', form: 'rows:0', applicantSide: 'rows:0' };
              const closed = CLOSED_STATES.includes(v.state);
              return {
                read: 'rows:1',
                // Closed states are final (55000); otherwise the authority acts on workflow columns.
                workflow: closed ? 'error:55000' : 'rows:1',
                // The form is frozen outside DRAFT/RETURNED (55000), and never the authority's (42501).
                form: FORM_OPEN_STATES.includes(v.state) ? 'denied' : 'error:55000',
                applicantSide: 'denied',
              };
            },
          }),
        ),
      ),
    );
  });

  describe('湖南省 staff × 株洲 city-level applications (株洲’s own call), any state', () => {
    cellsOf(
      STAFF.flatMap((staff) =>
        CITY_STATES.map(
          (state): Cell => ({
            name: `湖南省 ${staff} → 株洲 city-level ${state}`,
            as: () => w.province[staff],
            check: async (db) => {
              const id = w.city.get(state)!.id;
              return { read: await readApplication(() => id)(db), workflow: await touchWorkflow(db, id) };
            },
            expected: () => ({ read: 'rows:0', workflow: 'rows:0' }),
          }),
        ),
      ),
    );
  });

  describe('长沙 staff × every 株洲 application', () => {
    const targets = [
      ...PROVINCIAL.map((v) => ({ label: `provincial ${v.key}`, id: () => provincial(v.key).id })),
      ...CITY_STATES.map((s) => ({ label: `city-level ${s}`, id: () => w.city.get(s)!.id })),
    ];
    cellsOf(
      STAFF.flatMap((staff) =>
        targets.map(
          (t): Cell => ({
            name: `长沙 ${staff} → 株洲 ${t.label}`,
            as: () => w.changsha[staff],
            check: async (db) => ({
              read: await readApplication(t.id)(db),
              workflow: await touchWorkflow(db, t.id()),
              form: await touchForm(db, t.id()),
            }),
            expected: () => ({ read: 'rows:0', workflow: 'rows:0', form: 'rows:0' }),
          }),
        ),
      ),
    );
    cellsOf([
      {
        name: '长沙 officer counts 株洲’s applications: none',
        as: () => w.changsha.officer,
        check: (db) => count(db, 'SELECT 1 FROM pilot_application WHERE tenant_id = $1', [w.zhuzhou.tenantId]),
        expected: () => 0,
      },
    ]);
  });

  describe('株洲 staff read every application of their own (so the cells above aim at rows that exist)', () => {
    cellsOf(
      STAFF.map(
        (staff): Cell => ({
          name: `株洲 ${staff} reads its ${PROVINCIAL.length + CITY_STATES.length} applications`,
          as: () => w.zhuzhou[staff],
          check: (db) =>
            count(db, 'SELECT 1 FROM pilot_application WHERE id = ANY($1)', [
              [...w.provincial.values(), ...w.city.values()].map((a) => a.id),
            ]),
          expected: () => PROVINCIAL.length + CITY_STATES.length,
        }),
      ),
    );
  });

  describe('EXPERT accounts read an application only while seated on its panel', () => {
    cellsOf([
      {
        name: '湖南省 EXPERT seated on 株洲 IN_REVIEW reads it, and nothing else',
        as: () => userOf(w.seated),
        check: async (db) => ({
          seatedOn: await readApplication(() => inReview().id)(db),
          all: await count(db, 'SELECT 1 FROM pilot_application'),
        }),
        expected: () => ({ seatedOn: 'rows:1', all: 1 }),
      },
      {
        name: '湖南省 EXPERT seated on 株洲 IN_REVIEW does not read 株洲 RECOMMENDED',
        as: () => userOf(w.seated),
        check: readApplication(() => provincial('RECOMMENDED').id),
        expected: () => 'rows:0',
      },
      {
        name: '湖南省 EXPERT seated cannot change the application (workflow or form)',
        as: () => userOf(w.seated),
        check: async (db) => ({
          workflow: await touchWorkflow(db, inReview().id),
          form: await touchForm(db, inReview().id),
        }),
        expected: () => ({ workflow: 'rows:0', form: 'rows:0' }),
      },
      {
        name: '湖南省 EXPERT whose seat was withdrawn reads nothing',
        as: () => userOf(w.withdrawn),
        check: (db) => count(db, 'SELECT 1 FROM pilot_application'),
        expected: () => 0,
      },
      {
        name: '湖南省 EXPERT without a seat reads nothing',
        as: () => userOf(w.idle),
        check: (db) => count(db, 'SELECT 1 FROM pilot_application'),
        expected: () => 0,
      },
      {
        name: '湖南省 EXPERT reads while seated, and not once the seat is withdrawn (same transaction)',
        as: () => userOf(w.seated),
        check: async (db) => {
          const before = await readApplication(() => inReview().id)(db);
          const set = (u: TestUser) =>
            db.query(`SELECT set_config('app.user_id', $1, true), set_config('app.roles', $2, true)`, [
              u.id,
              u.roles.join(','),
            ]);
          await set(w.province.officer);
          const withdrawal = await run(
            db,
            `UPDATE expert_assignment SET withdrawn_at = now(), withdrawal_reason = '回避' WHERE id = $1`,
            [w.seatedAssignment],
          );
          await set(userOf(w.seated));
          return { before, withdrawal, after: await readApplication(() => inReview().id)(db) };
        },
        expected: () => ({ before: 'rows:1', withdrawal: 'rows:1', after: 'rows:0' }),
      },
      {
        name: '株洲 EXPERT without a seat reads none of 株洲’s applications',
        as: () => userOf(w.cityIdleExpert),
        check: (db) => count(db, 'SELECT 1 FROM pilot_application'),
        expected: () => 0,
      },
      {
        name: '株洲 EXPERT seated on 株洲 city-level IN_REVIEW reads that one only',
        as: () => userOf(w.cityExpert),
        check: async (db) => ({
          seatedOn: await readApplication(() => w.city.get('IN_REVIEW')!.id)(db),
          all: await count(db, 'SELECT 1 FROM pilot_application'),
        }),
        expected: () => ({ seatedOn: 'rows:1', all: 1 }),
      },
    ]);
  });
});

describe('pilot_application_document and document', () => {
  const attachment = (app: () => PilotApplication) => (db: Client) =>
    run(db, 'SELECT 1 FROM pilot_application_document WHERE application_id = $1', [app().id]);
  const documentOf = (app: () => PilotApplication) => (db: Client) =>
    run(db, 'SELECT 1 FROM document WHERE id = $1', [app().documentId]);
  const both = (app: () => PilotApplication) => async (db: Client) => ({
    attachment: await attachment(app)(db),
    document: await documentOf(app)(db),
  });
  const seen = { attachment: 'rows:1', document: 'rows:1' };
  const unseen = { attachment: 'rows:0', document: 'rows:0' };

  cellsOf(
    STAFF.flatMap((staff) =>
      PROVINCIAL.map(
        (v): Cell => ({
          name: `湖南省 ${staff} → attachment of 株洲 ${v.key}`,
          as: () => w.province[staff],
          check: both(() => provincial(v.key)),
          expected: () => (v.recommended ? seen : unseen),
        }),
      ),
    ),
  );
  cellsOf([
    ...STAFF.map(
      (staff): Cell => ({
        name: `湖南省 ${staff} → other 株洲 documents (the recommended alliance’s agreement scan; city-level attachments): none`,
        as: () => w.province[staff],
        check: async (db) => ({
          scan: await run(db, 'SELECT 1 FROM document WHERE id = $1', [inReview().alliance.otherDocId]),
          cityLevel: await count(db, 'SELECT 1 FROM document WHERE id = ANY($1)', [
            [...w.city.values()].map((a) => a.documentId),
          ]),
          // Of all documents of the alliances applying here, exactly the recommended applications' reports.
          all: await count(db, 'SELECT 1 FROM document WHERE alliance_id = ANY($1)', [
            [...w.provincial.values(), ...w.city.values()].map((a) => a.alliance.id),
          ]),
        }),
        expected: () => ({
          scan: 'rows:0',
          cityLevel: 0,
          all: PROVINCIAL.filter((v) => v.recommended).length,
        }),
      }),
    ),
    {
      name: '湖南省 EXPERT seated → attachment of 株洲 IN_REVIEW',
      as: () => userOf(w.seated),
      check: both(inReview),
      expected: () => seen,
    },
    {
      name: '湖南省 EXPERT seated → attachment of 株洲 RECOMMENDED (not its panel): none',
      as: () => userOf(w.seated),
      check: both(() => provincial('RECOMMENDED')),
      expected: () => unseen,
    },
    {
      name: '湖南省 EXPERT without a seat → attachment of 株洲 IN_REVIEW: none',
      as: () => userOf(w.idle),
      check: both(inReview),
      expected: () => unseen,
    },
    {
      name: '湖南省 EXPERT whose seat was withdrawn → attachment of 株洲 IN_REVIEW: none',
      as: () => userOf(w.withdrawn),
      check: both(inReview),
      expected: () => unseen,
    },
    ...STAFF.map(
      (staff): Cell => ({
        name: `长沙 ${staff} → 株洲 attachments and documents: none`,
        as: () => w.changsha[staff],
        check: async (db) => ({
          attachments: await count(db, 'SELECT 1 FROM pilot_application_document WHERE tenant_id = $1', [
            w.zhuzhou.tenantId,
          ]),
          documents: await count(db, 'SELECT 1 FROM document WHERE tenant_id = $1', [w.zhuzhou.tenantId]),
        }),
        expected: () => ({ attachments: 0, documents: 0 }),
      }),
    ),
    {
      name: '株洲 officer → its own attachment of IN_REVIEW (control)',
      as: () => w.zhuzhou.officer,
      check: both(inReview),
      expected: () => seen,
    },
  ]);
});

describe('pilot_call', () => {
  type CallKey = keyof World['calls'];
  const readCall = (key: CallKey) => (db: Client) => run(db, 'SELECT 1 FROM pilot_call WHERE id = $1', [w.calls[key]]);
  const cases: { who: 'province' | 'zhuzhou' | 'changsha'; call: CallKey; expected: string }[] = [
    { who: 'zhuzhou', call: 'provincePublished', expected: 'rows:1' },
    { who: 'zhuzhou', call: 'provinceDraft', expected: 'rows:0' },
    { who: 'changsha', call: 'provincePublished', expected: 'rows:1' },
    { who: 'changsha', call: 'provinceDraft', expected: 'rows:0' },
    { who: 'province', call: 'zhuzhouPublished', expected: 'rows:0' },
    { who: 'province', call: 'zhuzhouDraft', expected: 'rows:0' },
    { who: 'province', call: 'changshaPublished', expected: 'rows:0' },
    { who: 'changsha', call: 'zhuzhouPublished', expected: 'rows:0' },
    { who: 'changsha', call: 'zhuzhouDraft', expected: 'rows:0' },
    { who: 'zhuzhou', call: 'changshaPublished', expected: 'rows:0' },
    { who: 'province', call: 'provinceDraft', expected: 'rows:1' },
    { who: 'zhuzhou', call: 'zhuzhouDraft', expected: 'rows:1' },
  ];
  cellsOf(
    STAFF.flatMap((staff) =>
      cases.map(
        (c): Cell => ({
          name: `${tierName[c.who]} ${staff} reads ${c.call}: ${c.expected}`,
          as: () => w[c.who][staff],
          check: readCall(c.call),
          expected: () => c.expected,
        }),
      ),
    ),
  );
  cellsOf([
    ...(['zhuzhou', 'changsha'] as const).map(
      (who): Cell => ({
        name: `${tierName[who]} officer cannot change the province’s calls`,
        as: () => w[who].officer,
        check: async (db) => ({
          published: await run(db, 'UPDATE pilot_call SET title = title WHERE id = $1', [w.calls.provincePublished]),
          draft: await run(db, 'UPDATE pilot_call SET title = title WHERE id = $1', [w.calls.provinceDraft]),
        }),
        expected: () => ({ published: 'rows:0', draft: 'rows:0' }),
      }),
    ),
    {
      name: '湖南省 EXPERT reads none of the province’s calls’ drafts',
      as: () => userOf(w.seated),
      check: readCall('provinceDraft'),
      expected: () => 'rows:0',
    },
  ]);

  // An expert reads the call of the application it is seated on (its measures and dates), and
  // no other: policy assigned_expert follows the seat.
  cellsOf([
    {
      name: '湖南省 EXPERT seated on a provincial application reads its call',
      as: () => userOf(w.seated),
      check: async (db) => ({
        own: await readCall('provincePublished')(db),
        all: await count(db, 'SELECT 1 FROM pilot_call'),
      }),
      expected: () => ({ own: 'rows:1', all: 1 }),
    },
    {
      name: '湖南省 EXPERT seated reads no city’s call (株洲’s, 长沙’s)',
      as: () => userOf(w.seated),
      check: async (db) => ({
        zhuzhou: await readCall('zhuzhouPublished')(db),
        changsha: await readCall('changshaPublished')(db),
      }),
      expected: () => ({ zhuzhou: 'rows:0', changsha: 'rows:0' }),
    },
    {
      name: '湖南省 EXPERT without a seat reads no call',
      as: () => userOf(w.idle),
      check: (db) => count(db, 'SELECT 1 FROM pilot_call'),
      expected: () => 0,
    },
    {
      name: '湖南省 EXPERT whose seat was withdrawn reads no call',
      as: () => userOf(w.withdrawn),
      check: (db) => count(db, 'SELECT 1 FROM pilot_call'),
      expected: () => 0,
    },
    // Of 株洲's own calls a city expert reads only its seat's; the province's published call is a
    // notice to every user of a child tier (policy parent_published), experts included.
    {
      name: '株洲 EXPERT seated on a city-level application reads that call of 株洲’s only',
      as: () => userOf(w.cityExpert),
      check: async (db) => ({
        own: await readCall('zhuzhouPublished')(db),
        zhuzhou: await count(db, 'SELECT 1 FROM pilot_call WHERE tenant_id = $1', [w.zhuzhou.tenantId]),
        changsha: await readCall('changshaPublished')(db),
      }),
      expected: () => ({ own: 'rows:1', zhuzhou: 1, changsha: 'rows:0' }),
    },
    {
      name: '株洲 EXPERT without a seat reads none of 株洲’s calls (nor 长沙’s)',
      as: () => userOf(w.cityIdleExpert),
      check: async (db) => ({
        zhuzhou: await count(db, 'SELECT 1 FROM pilot_call WHERE tenant_id = $1', [w.zhuzhou.tenantId]),
        changsha: await readCall('changshaPublished')(db),
        provinceDraft: await readCall('provinceDraft')(db),
      }),
      expected: () => ({ zhuzhou: 0, changsha: 'rows:0', provinceDraft: 'rows:0' }),
    },
    {
      name: '湖南省 EXPERT seated cannot change its call',
      as: () => userOf(w.seated),
      check: (db) => run(db, 'UPDATE pilot_call SET title = title WHERE id = $1', [w.calls.provincePublished]),
      expected: () => refusedOrNone,
    },
  ]);
});

describe('the pool, panels, sheets and objections', () => {
  type PoolRow = { table: string; id: () => string };
  const provinceRows: PoolRow[] = [
    { table: 'expert', id: () => w.seated.id },
    { table: 'expert_affiliation', id: () => w.seated.affiliations[0]! },
    { table: 'expert_conflict', id: () => w.seated.conflicts[0]! },
    { table: 'expert_assignment', id: () => w.seatedAssignment },
    { table: 'review_sheet', id: () => w.seatedSheet },
    { table: 'pilot_objection', id: () => w.provinceObjection },
  ];
  const zhuzhouRows: PoolRow[] = [
    { table: 'expert', id: () => w.cityExpert.id },
    { table: 'expert_affiliation', id: () => w.cityExpert.affiliations[0]! },
    { table: 'expert_conflict', id: () => w.cityExpert.conflicts[0]! },
    { table: 'expert_assignment', id: () => w.cityAssignment },
    { table: 'review_sheet', id: () => w.citySheet },
    { table: 'pilot_objection', id: () => w.cityObjection },
  ];
  const strangers: { label: string; as: () => TestUser; rows: PoolRow[]; owner: () => string }[] = [
    { label: '长沙 officer → 湖南省', as: () => w.changsha.officer, rows: provinceRows, owner: () => w.province.tenantId },
    { label: '长沙 admin → 湖南省', as: () => w.changsha.admin, rows: provinceRows, owner: () => w.province.tenantId },
    { label: '株洲 officer → 湖南省', as: () => w.zhuzhou.officer, rows: provinceRows, owner: () => w.province.tenantId },
    { label: '湖南省 officer → 株洲', as: () => w.province.officer, rows: zhuzhouRows, owner: () => w.zhuzhou.tenantId },
    { label: '长沙 officer → 株洲', as: () => w.changsha.officer, rows: zhuzhouRows, owner: () => w.zhuzhou.tenantId },
  ];
  cellsOf(
    strangers.flatMap((s) =>
      s.rows.map(
        (r): Cell => ({
          name: `${s.label} ${r.table}: reads, changes and deletes nothing`,
          as: s.as,
          check: async (db) => ({
            byId: await byId(r.table, r.id)(db),
            byTenant: await count(db, `SELECT 1 FROM ${r.table} WHERE tenant_id = $1`, [s.owner()]),
            update: await run(db, `UPDATE ${r.table} SET tenant_id = tenant_id WHERE id = $1`, [r.id()]),
            delete: await run(db, `DELETE FROM ${r.table} WHERE id = $1`, [r.id()]),
          }),
          expected: () => ({ byId: 'rows:0', byTenant: 0, update: refusedOrNone, delete: refusedOrNone }),
        }),
      ),
    ),
  );
  cellsOf(
    provinceRows.map(
      (r): Cell => ({
        name: `湖南省 officer reads its own ${r.table} row (control)`,
        as: () => w.province.officer,
        check: byId(r.table, r.id),
        expected: () => 'rows:1',
      }),
    ),
  );

  describe('an EXPERT reads its own expert row, seats and sheet only', () => {
    const reads: { name: string; table: string; id: () => string; expected: string }[] = [
      { name: 'its own expert row', table: 'expert', id: () => w.seated.id, expected: 'rows:1' },
      { name: 'another expert’s row', table: 'expert', id: () => w.other.id, expected: 'rows:0' },
      { name: 'its own affiliation', table: 'expert_affiliation', id: () => w.seated.affiliations[0]!, expected: 'rows:0' },
      { name: 'its own declared conflict', table: 'expert_conflict', id: () => w.seated.conflicts[0]!, expected: 'rows:0' },
      { name: 'its own seat', table: 'expert_assignment', id: () => w.seatedAssignment, expected: 'rows:1' },
      { name: 'another expert’s seat on its panel', table: 'expert_assignment', id: () => w.otherAssignment, expected: 'rows:0' },
      { name: 'its own sheet', table: 'review_sheet', id: () => w.seatedSheet, expected: 'rows:1' },
      { name: 'another expert’s sheet on its panel', table: 'review_sheet', id: () => w.otherSheet, expected: 'rows:0' },
      { name: 'an objection', table: 'pilot_objection', id: () => w.provinceObjection, expected: 'rows:0' },
    ];
    cellsOf(
      reads.map(
        (r): Cell => ({
          name: `湖南省 EXPERT reads ${r.name}: ${r.expected}`,
          as: () => userOf(w.seated),
          check: byId(r.table, r.id),
          expected: () => r.expected,
        }),
      ),
    );
    cellsOf([
      {
        name: '湖南省 EXPERT counts one expert row, one seat, one sheet',
        as: () => userOf(w.seated),
        check: async (db) => ({
          expert: await count(db, 'SELECT 1 FROM expert'),
          seats: await count(db, 'SELECT 1 FROM expert_assignment'),
          sheets: await count(db, 'SELECT 1 FROM review_sheet'),
        }),
        expected: () => ({ expert: 1, seats: 1, sheets: 1 }),
      },
    ]);
  });

  describe('an EXPERT writes nothing but its own sheet’s content', () => {
    const P = () => w.province.tenantId;
    const writes: { name: string; sql: () => [string, unknown[]]; expected: unknown }[] = [
      {
        name: 'adds an expert to the pool',
        sql: () => [`INSERT INTO expert (tenant_id, name, title, domains) VALUES ($1, '冒名专家', '教授', '{先进制造}')`, [P()]],
        expected: 'denied',
      },
      {
        name: 'renames its own expert row',
        sql: () => [`UPDATE expert SET name = '改名' WHERE id = $1`, [w.seated.id]],
        expected: 'rows:0',
      },
      {
        name: 'marks itself unavailable',
        sql: () => [`UPDATE expert SET available = false WHERE id = $1`, [w.seated.id]],
        expected: 'rows:0',
      },
      {
        name: 'adds an affiliation to itself',
        sql: () => [
          'INSERT INTO expert_affiliation (tenant_id, expert_id, bureau_tenant_id) VALUES ($1, $2, $3)',
          [P(), w.seated.id, w.changsha.tenantId],
        ],
        expected: 'denied',
      },
      {
        name: 'removes its affiliation',
        sql: () => ['DELETE FROM expert_affiliation WHERE id = $1', [w.seated.affiliations[0]]],
        expected: 'rows:0',
      },
      {
        name: 'declares a conflict',
        sql: () => [
          `INSERT INTO expert_conflict (tenant_id, expert_id, bureau_tenant_id, reason, declared_on)
           VALUES ($1, $2, $3, '回避', '2026-01-01')`,
          [P(), w.seated.id, w.changsha.tenantId],
        ],
        expected: 'denied',
      },
      {
        name: 'seats itself on another recommended application',
        sql: () => [
          `INSERT INTO expert_assignment (tenant_id, application_id, application_tenant_id, expert_id, expert_user_id, review_year)
           VALUES ($1, $2, $3, $4, $5, 2026)`,
          [P(), provincial('RECOMMENDED').id, w.zhuzhou.tenantId, w.seated.id, userOf(w.seated).id],
        ],
        expected: 'denied',
      },
      {
        name: 'withdraws its own seat',
        sql: () => [
          `UPDATE expert_assignment SET withdrawn_at = now(), withdrawal_reason = '不想评' WHERE id = $1`,
          [w.seatedAssignment],
        ],
        expected: 'rows:0',
      },
      {
        name: 'records an objection',
        sql: () => [
          `INSERT INTO pilot_objection (tenant_id, application_id, application_tenant_id, received_on, objector, content)
           VALUES ($1, $2, $3, '2026-02-02', '专家', '异议')`,
          [P(), inReview().id, w.zhuzhou.tenantId],
        ],
        expected: 'denied',
      },
      {
        name: 'answers an objection',
        sql: () => [`UPDATE pilot_objection SET answer = '答复', answered_at = now() WHERE id = $1`, [w.provinceObjection]],
        expected: 'rows:0',
      },
      {
        name: 'changes another expert’s sheet',
        sql: () => [`UPDATE review_sheet SET overall_opinion = '代评' WHERE id = $1`, [w.otherSheet]],
        expected: 'rows:0',
      },
      {
        name: 'writes a sheet for another expert’s seat, naming itself',
        sql: () => [
          `INSERT INTO review_sheet (tenant_id, expert_user_id, assignment_id, application_id, expert_id)
           VALUES ($1, $2, $3, $4, $5)`,
          [P(), userOf(w.seated).id, w.bareAssignment, inReview().id, w.seated.id],
        ],
        expected: 'denied',
      },
      {
        name: 'deletes its own sheet',
        sql: () => ['DELETE FROM review_sheet WHERE id = $1', [w.seatedSheet]],
        expected: 'denied',
      },
      {
        name: 'writes its own sheet’s content',
        sql: () => [
          `UPDATE review_sheet SET scores = '{"INNOVATION": 90}', overall_opinion = '基础扎实' WHERE id = $1`,
          [w.seatedSheet],
        ],
        expected: 'rows:1',
      },
    ];
    cellsOf(
      writes.map(
        (c): Cell => ({
          name: `湖南省 EXPERT ${c.name}: ${String(c.expected)}`,
          as: () => userOf(w.seated),
          check: (db) => run(db, ...c.sql()),
          expected: () => c.expected,
        }),
      ),
    );
  });

  describe('an EXPERT whose seat was withdrawn writes nothing on its old sheet', () => {
    // The withdrawn expert's draft sheet, left from its seat (own_sheet_update needs a standing seat).
    let withdrawnSheet = '';
    beforeAll(async () => {
      const [seat] = await fx.query<{ id: string }>(
        'SELECT id FROM expert_assignment WHERE expert_id = $1 AND withdrawn_at IS NOT NULL',
        [w.withdrawn.id],
      );
      withdrawnSheet = await fx.sheet(seat!.id, inReview(), w.withdrawn);
    });
    cellsOf([
      {
        name: '湖南省 EXPERT withdrawn updates its own draft sheet: rows:0',
        as: () => userOf(w.withdrawn),
        check: (db) =>
          run(db, `UPDATE review_sheet SET overall_opinion = '撤换后仍在评' WHERE id = $1`, [withdrawnSheet]),
        expected: () => 'rows:0',
      },
      {
        name: '湖南省 EXPERT withdrawn submits its own draft sheet: rows:0',
        as: () => userOf(w.withdrawn),
        check: (db) =>
          run(
            db,
            `UPDATE review_sheet SET status = 'SUBMITTED', submitted_at = now(), recommendation = 'SUPPORT' WHERE id = $1`,
            [withdrawnSheet],
          ),
        expected: () => 'rows:0',
      },
      {
        name: '湖南省 EXPERT withdrawn writes a new sheet on its old seat: denied',
        as: () => userOf(w.withdrawn),
        check: async (db) => {
          const [seat] = await fx.query<{ id: string }>(
            'SELECT id FROM expert_assignment WHERE expert_id = $1',
            [w.withdrawn.id],
          );
          return run(
            db,
            `INSERT INTO review_sheet (tenant_id, expert_user_id, assignment_id, application_id, expert_id)
             VALUES ($1, $2, $3, $4, $5)`,
            [w.province.tenantId, userOf(w.withdrawn).id, seat!.id, inReview().id, w.withdrawn.id],
          );
        },
        expected: () => 'denied',
      },
      {
        name: '湖南省 officer reads the withdrawn expert’s sheet, unchanged (control)',
        as: () => w.province.officer,
        check: (db) => run(db, 'SELECT 1 FROM review_sheet WHERE id = $1 AND overall_opinion = \'\'', [withdrawnSheet]),
        expected: () => 'rows:1',
      },
    ]);
  });
});

describe('confirmed_pilot', () => {
  const entry = (app: () => PilotApplication) => (db: Client) =>
    run(db, 'SELECT 1 FROM confirmed_pilot WHERE application_id = $1', [app().id]);
  const cities = HUNAN_DIVISIONS.filter((d) => d.level === 'CITY');
  cellsOf(
    cities.map(
      (city): Cell => ({
        name: `${city.name} officer reads the province’s list`,
        as: () => w.cityOfficers.get(city.code)!,
        check: entry(() => provincial('APPROVED')),
        expected: () => 'rows:1',
      }),
    ),
  );
  cellsOf([
    {
      name: '长沙 officer does not read 株洲’s list',
      as: () => w.changsha.officer,
      check: entry(() => w.city.get('APPROVED')!),
      expected: () => 'rows:0',
    },
    {
      name: '株洲 officer does not read 长沙’s list',
      as: () => w.zhuzhou.officer,
      check: entry(() => w.changshaApproved),
      expected: () => 'rows:0',
    },
    {
      name: '株洲 officer reads its own list (control)',
      as: () => w.zhuzhou.officer,
      check: entry(() => w.city.get('APPROVED')!),
      expected: () => 'rows:1',
    },
  ]);
  const writers: { label: string; as: () => TestUser }[] = [
    { label: '湖南省 officer', as: () => w.province.officer },
    { label: '湖南省 admin', as: () => w.province.admin },
    { label: '株洲 officer', as: () => w.zhuzhou.officer },
    { label: '株洲 admin', as: () => w.zhuzhou.admin },
    { label: '湖南省 EXPERT', as: () => userOf(w.seated) },
  ];
  cellsOf(
    writers.map(
      (s): Cell => ({
        name: `${s.label} cannot insert, update or delete list entries`,
        as: s.as,
        check: async (db) => {
          const me = s.as().tenantId;
          const source = provincial('APPROVED');
          return {
            insert: await run(
              db,
              `INSERT INTO confirmed_pilot (tenant_id, application_id, alliance_id, alliance_tenant_id, alliance_name,
                                            industry_code, call_id, level, confirmed_on)
               VALUES ($1, $2, $3, $4, '冒名联盟', (SELECT min(code) FROM industry), $5, 'PROVINCIAL', '2026-01-01')`,
              [me, randomUUID(), source.alliance.id, source.tenantId, w.calls.provincePublished],
            ),
            update: await run(db, `UPDATE confirmed_pilot SET alliance_name = '改名' WHERE tenant_id IN ($1, $2)`, [
              me,
              w.province.tenantId,
            ]),
            delete: await run(db, 'DELETE FROM confirmed_pilot WHERE tenant_id IN ($1, $2)', [me, w.province.tenantId]),
          };
        },
        expected: () => ({ insert: 'denied', update: 'denied', delete: 'denied' }),
      }),
    ),
  );
});

describe('pilot_application_timeline(uuid)', () => {
  const timeline = (app: () => PilotApplication) => async (db: Client) => {
    const outcome = await db.query<{ action: string }>('SELECT action FROM pilot_application_timeline($1)', [app().id]);
    return outcome.rows.map((r) => r.action);
  };
  const both = ['pilot.submit', 'pilot.accept'];
  const submitted = () => provincial('SUBMITTED');
  cellsOf([
    ...STAFF.flatMap((staff): Cell[] => [
      {
        name: `株洲 ${staff} (home) → recommended application: both chains’ events`,
        as: () => w.zhuzhou[staff],
        check: timeline(inReview),
        expected: () => both,
      },
      {
        name: `株洲 ${staff} (home) → SUBMITTED application: its event`,
        as: () => w.zhuzhou[staff],
        check: timeline(submitted),
        expected: () => ['pilot.submit'],
      },
      {
        name: `湖南省 ${staff} (authority) → recommended application: both chains’ events`,
        as: () => w.province[staff],
        check: timeline(inReview),
        expected: () => both,
      },
      {
        name: `湖南省 ${staff} → SUBMITTED application (before recommendation): nothing`,
        as: () => w.province[staff],
        check: timeline(submitted),
        expected: () => [],
      },
      {
        name: `长沙 ${staff} → 株洲’s applications: nothing`,
        as: () => w.changsha[staff],
        check: async (db) => [...(await timeline(inReview)(db)), ...(await timeline(submitted)(db))],
        expected: () => [],
      },
    ]),
    {
      name: '湖南省 EXPERT seated on the application → nothing',
      as: () => userOf(w.seated),
      check: timeline(inReview),
      expected: () => [],
    },
    {
      name: '株洲 EXPERT → 株洲’s application: nothing',
      as: () => userOf(w.cityExpert),
      check: timeline(inReview),
      expected: () => [],
    },
  ]);
});
