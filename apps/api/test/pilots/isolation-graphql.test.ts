import { REVIEW_CRITERIA } from '@xiangmeng/domain';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { AdminDb } from '../support/admin-db';
import {
  createUser,
  type GraphqlAgent,
  type GraphqlResponse,
  signedInAgent,
  startTestApi,
  type TestApi,
  type TestUser,
} from '../support/harness';
import { binaryBody, dataOf, errorShape, FILES } from '../support/register-client';
import { cellTally } from '../support/tenancy-fixtures';
import { TestClock } from '../support/test-clock';
import { createExpert, declareSeat, expertName, OPS, organization } from '../reviews/review-fixtures';
import {
  act,
  type ApplicationView,
  callInput,
  type CallView,
  CHANGSHA,
  establishedAlliance,
  P,
  PROVINCE,
  read,
  staff,
  transition,
  ZHUZHOU,
} from './pilot-client';

// Pilot selection isolation through the real API, with applications driven into each state by the
// users who may move them. For every viewer × application: the application is read exactly when the
// viewer may (otherwise NOT_FOUND, answered exactly like a random id), listed likewise, never moved
// by a viewer who cannot see it, and its feasibility report downloads on the same terms. Then the
// calls, pools, confirmed lists, expert seats and work lists of each tier.

const PROVINCIAL_INDUSTRY = 'SE0701';
const CITY_INDUSTRY = 'SE0702';

type Tier = 'province' | 'zhuzhou' | 'changsha';
type ViewerKey =
  | 'provOfficer'
  | 'provAdmin'
  | 'provExpertSeated'
  | 'provExpertReplacement'
  | 'provExpertSwappedOut'
  | 'provExpertIdle'
  | 'zzOfficer'
  | 'zzAdmin'
  | 'zzExpertSeated'
  | 'zzExpertIdle'
  | 'csOfficer'
  | 'csAdmin';

type Viewer = { key: ViewerKey; label: string; tier: Tier; expert: boolean };

const VIEWERS: readonly Viewer[] = [
  { key: 'provOfficer', label: '湖南省 officer', tier: 'province', expert: false },
  { key: 'provAdmin', label: '湖南省 admin', tier: 'province', expert: false },
  { key: 'provExpertSeated', label: '湖南省 EXPERT seated', tier: 'province', expert: true },
  { key: 'provExpertReplacement', label: '湖南省 EXPERT seated by a swap', tier: 'province', expert: true },
  { key: 'provExpertSwappedOut', label: '湖南省 EXPERT swapped out', tier: 'province', expert: true },
  { key: 'provExpertIdle', label: '湖南省 EXPERT without a seat', tier: 'province', expert: true },
  { key: 'zzOfficer', label: '株洲 officer', tier: 'zhuzhou', expert: false },
  { key: 'zzAdmin', label: '株洲 admin', tier: 'zhuzhou', expert: false },
  { key: 'zzExpertSeated', label: '株洲 EXPERT seated', tier: 'zhuzhou', expert: true },
  { key: 'zzExpertIdle', label: '株洲 EXPERT without a seat', tier: 'zhuzhou', expert: true },
  { key: 'csOfficer', label: '长沙 officer', tier: 'changsha', expert: false },
  { key: 'csAdmin', label: '长沙 admin', tier: 'changsha', expert: false },
];

// 株洲's applications to the province's calls, and to 株洲's own calls (city level), by state.
const PROVINCIAL_KEYS = [
  'DRAFT',
  'SUBMITTED',
  'RETURNED by 株洲',
  'NOT_RECOMMENDED',
  'RECOMMENDED',
  'RETURNED by the province',
  'ACCEPTED',
  'IN_REVIEW',
  'APPROVED',
] as const;
const CITY_KEYS = [
  'DRAFT',
  'SUBMITTED',
  'RETURNED',
  'NOT_RECOMMENDED',
  'WITHDRAWN',
  'RECOMMENDED',
  'ACCEPTED',
  'IN_REVIEW',
  'REVIEWED',
  'PUBLICISED',
  'DECLINED',
  'APPROVED',
] as const;

type AppKey = `provincial ${(typeof PROVINCIAL_KEYS)[number]}` | `city-level ${(typeof CITY_KEYS)[number]}`;
const APP_KEYS: readonly AppKey[] = [
  ...PROVINCIAL_KEYS.map((k) => `provincial ${k}` as const),
  ...CITY_KEYS.map((k) => `city-level ${k}` as const),
];

type Built = { id: string; version: number; state: string; documentId: string };

// Who reads which application (the rules under test, written out).
const PROVINCE_SEES: readonly AppKey[] = [
  'provincial RECOMMENDED',
  'provincial RETURNED by the province',
  'provincial ACCEPTED',
  'provincial IN_REVIEW',
  'provincial APPROVED',
];
const SEATED: Record<ViewerKey, readonly AppKey[]> = {
  provOfficer: PROVINCE_SEES,
  provAdmin: PROVINCE_SEES,
  provExpertSeated: ['provincial IN_REVIEW', 'provincial APPROVED'],
  provExpertReplacement: ['provincial IN_REVIEW'],
  provExpertSwappedOut: [],
  provExpertIdle: [],
  zzOfficer: APP_KEYS,
  zzAdmin: APP_KEYS,
  zzExpertSeated: [
    'city-level IN_REVIEW',
    'city-level REVIEWED',
    'city-level PUBLICISED',
    'city-level DECLINED',
    'city-level APPROVED',
  ],
  zzExpertIdle: [],
  csOfficer: [],
  csAdmin: [],
};
const sees = (viewer: ViewerKey, app: AppKey) => SEATED[viewer].includes(app);
// Sent to the viewer's tier as authority (scope RECEIVED): recommended ones only.
const RECEIVED: Record<Tier, readonly AppKey[]> = {
  province: PROVINCE_SEES,
  zhuzhou: [
    'city-level RECOMMENDED',
    'city-level ACCEPTED',
    'city-level IN_REVIEW',
    'city-level REVIEWED',
    'city-level PUBLICISED',
    'city-level DECLINED',
    'city-level APPROVED',
  ],
  changsha: [],
};

const APPLICATION_IDS = `query ($filter: PilotApplicationFilterInput!) { pilotApplications(filter: $filter) { id } }`;
const EXPERT_VIEW = `query ($id: ID!) { pilotApplication(id: $id) { id state dossier call { id title } panel { size }
  timeline { action } objections { id } availableActions } }`;
const MINE = `{ myReviewAssignments { id application { id } sheet { id expertName } } }`;
const CALL = `query ($id: ID!) { pilotCall(id: $id) { id } }`;
const CALL_IDS = `{ pilotCalls { id } }`;
const EXPERT_IDS = `{ experts { id } }`;
const CONFIRMED_IDS = `{ confirmedPilots { applicationId } }`;
const WORK_ITEMS = `{ workList { items { kind applicationId } } }`;
const PROPOSE = `query ($id: ID!) { proposePanel(applicationId: $id) { explanation } }`;
const RANKING = `query ($id: ID!) { callRanking(callId: $id) { application { id } } }`;

const clock = new TestClock();
let api: TestApi;
let db: AdminDb;
const agents = {} as Record<ViewerKey, GraphqlAgent>;
const accounts = {} as Record<ViewerKey, TestUser>;
const apps = new Map<AppKey, Built>();
const calls = {
  provincePublished: [] as string[],
  provinceDraft: '',
  zhuzhou: [] as string[],
  zhuzhouDraft: '',
  changsha: '',
};
let zzAdmin2: GraphqlAgent;
let csAdminAgent: GraphqlAgent;
let replacementSeatId = '';

const as = (key: ViewerKey) => agents[key];
const app = (key: AppKey) => {
  const found = apps.get(key);
  if (!found) throw new Error(`no application ${key}`);
  return found;
};

function download(agent: GraphqlAgent, documentId: string) {
  return agent.raw().get(`/api/documents/${documentId}`).buffer(true).parse(binaryBody);
}

/** What a client learns from a REST answer. */
async function restShape(agent: GraphqlAgent, documentId: string) {
  const res = await download(agent, documentId);
  const body = Buffer.from(res.body as Buffer);
  return { status: res.status, type: String(res.headers['content-type']), body: body.toString('utf8') };
}

/** A fresh call of `tier`, published unless asked not to; each application gets its own. */
async function newCall(tier: Tier, publish = true): Promise<string> {
  const [writer, admin] =
    tier === 'province'
      ? [as('provOfficer'), as('provAdmin')]
      : tier === 'zhuzhou'
        ? [as('zzOfficer'), as('zzAdmin')]
        : [as('csOfficer'), csAdminAgent];
  const draft = dataOf(
    await writer.send<{ createPilotCall: CallView }>(P.createCall, { input: callInput(clock.now()) }),
  ).createPilotCall;
  if (!publish) return draft.id;
  dataOf(await admin.send(P.publishCall, { id: draft.id, version: draft.version }));
  return draft.id;
}

/** A draft of `allianceId` under `callId`, its form filled and a feasibility report attached. */
async function draftWithReport(callId: string, allianceId: string): Promise<Built> {
  const officer = as('zzOfficer');
  const created = dataOf(
    await officer.send<{ createPilotApplication: ApplicationView }>(P.create, {
      input: { callId, allianceId },
    }),
  ).createPilotApplication;
  const upload = await officer
    .raw()
    .post('/api/documents')
    .set('x-xiangmeng-request', '1')
    .field('allianceId', allianceId)
    .field('kind', 'FEASIBILITY_REPORT')
    .attach('file', FILES.pdf(), '组建可行性报告.pdf');
  if (upload.status !== 201) throw new Error(`upload failed: ${JSON.stringify(upload.body)}`);
  const documentId = (upload.body as { id: string }).id;
  const filled = dataOf(
    await officer.send<{ updatePilotApplication: ApplicationView }>(P.update, {
      input: {
        id: created.id,
        version: created.version,
        goals: '建成行业共性技术平台',
        workPlan: '三年分两期实施',
        budgetFen: '100000000',
        ownInvestmentFen: '200000000',
        expectedResults: '标准两项、专利十项',
        contactName: '王五',
        contactPhone: '0731-22222222',
        feasibilityDocumentId: documentId,
        attachmentIds: [],
      },
    }),
  ).updatePilotApplication;
  return { id: filled.id, version: filled.version, state: filled.state, documentId };
}

/** One step of the workflow, by the user who may take it. */
async function step(
  agent: GraphqlAgent,
  built: Built,
  action: string,
  text: { reason?: string; opinion?: string } = {},
): Promise<Built> {
  const moved = await act(agent, built, action, text);
  return { ...built, version: moved.version, state: moved.state };
}

type Pool = { ids: string[]; accounts: TestUser[] };

/** `n` experts of the tier's pool, each with its own account and organization, in both industries. */
async function pool(agent: GraphqlAgent, code: string, n: number): Promise<Pool> {
  const result: Pool = { ids: [], accounts: [] };
  for (let i = 0; i < n; i++) {
    const account = await createUser(code, ['EXPERT'], 'ix');
    const affiliation = await organization('隔离测试专家单位', code);
    const expert = await createExpert(agent, {
      name: expertName(`隔离专家${i}`),
      title: '研究员',
      domainCodes: [PROVINCIAL_INDUSTRY, CITY_INDUSTRY],
      affiliations: [{ organizationId: affiliation.id }],
      accountUserId: account.id,
    });
    result.ids.push(expert.id);
    result.accounts.push(account);
  }
  return result;
}

type Seat = { id: string; application: { id: string }; sheet: { version: number } };

async function submitSheets(experts: GraphqlAgent[], applicationId: string, submit: boolean): Promise<void> {
  for (const expert of experts) {
    const mine = dataOf(await expert.send<{ myReviewAssignments: Seat[] }>(OPS.mine)).myReviewAssignments;
    const seat = mine.find((s) => s.application.id === applicationId)!;
    await declareSeat(expert, seat.id);
    dataOf(
      await expert.send(OPS.save, {
        input: {
          assignmentId: seat.id,
          version: seat.sheet.version,
          scores: REVIEW_CRITERIA.map((key) => ({ key, score: 86, comment: '' })),
          overallOpinion: '同意',
          recommendation: 'SUPPORT',
          submit,
        },
      }),
    );
  }
}

/** Accepted, a panel seated and review started; optionally scored and closed. */
async function reviewed(
  authority: GraphqlAgent,
  built: Built,
  expertIds: string[],
  experts: GraphqlAgent[],
  close: boolean,
): Promise<Built> {
  let next = await step(authority, built, 'ACCEPT');
  dataOf(await authority.send(OPS.assign, { input: { applicationId: next.id, expertIds } }));
  next = await step(authority, next, 'START_REVIEW');
  if (!close) return next;
  await submitSheets(experts, next.id, true);
  return step(authority, next, 'CLOSE_REVIEW');
}

beforeAll(async () => {
  api = await startTestApi({ clock });
  db = await AdminDb.open();
  for (const [key, code, roles] of [
    ['provOfficer', PROVINCE, ['PROVINCE_OFFICER']],
    ['provAdmin', PROVINCE, ['PROVINCE_ADMIN']],
    ['zzOfficer', ZHUZHOU, ['CITY_OFFICER']],
    ['zzAdmin', ZHUZHOU, ['CITY_ADMIN']],
    ['csOfficer', CHANGSHA, ['CITY_OFFICER']],
    ['csAdmin', CHANGSHA, ['CITY_ADMIN']],
  ] as const) {
    const s = await staff(api, code, [...roles]);
    accounts[key] = s.user;
    agents[key] = s.agent;
  }
  csAdminAgent = as('csAdmin');
  zzAdmin2 = (await staff(api, ZHUZHOU, ['CITY_ADMIN'])).agent;

  // The pools: the province's 5 + one brought in by a swap + one swapped out + one never seated;
  // 株洲's 5 (one of them the seated viewer) + one never seated.
  const provincePool = await pool(as('provOfficer'), PROVINCE, 8);
  const zhuzhouPool = await pool(as('zzOfficer'), ZHUZHOU, 6);
  const signIn = (u: TestUser) => signedInAgent(api, u);
  const provExperts = await Promise.all(provincePool.accounts.map(signIn));
  const zzExperts = await Promise.all(zhuzhouPool.accounts.map(signIn));
  // The eighth (index 7) stays in the pool, never seated.
  const [e1, e2, e3, e4, e5, swappedOut, replacement] = provincePool.ids as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  for (const [key, i] of [
    ['provExpertSeated', 0],
    ['provExpertSwappedOut', 5],
    ['provExpertReplacement', 6],
    ['provExpertIdle', 7],
  ] as const) {
    agents[key] = provExperts[i]!;
    accounts[key] = provincePool.accounts[i]!;
  }
  agents.zzExpertSeated = zzExperts[0]!;
  accounts.zzExpertSeated = zhuzhouPool.accounts[0]!;
  agents.zzExpertIdle = zzExperts[5]!;
  accounts.zzExpertIdle = zhuzhouPool.accounts[5]!;

  const provincial = await establishedAlliance(as('zzOfficer'), PROVINCIAL_INDUSTRY);
  const city = await establishedAlliance(as('zzOfficer'), CITY_INDUSTRY);
  const zo = as('zzOfficer');
  const za = as('zzAdmin');
  const po = as('provOfficer');
  const pa = as('provAdmin');

  // ---- 株洲 → the province ----
  const provincialDraft = async () => {
    const callId = await newCall('province');
    calls.provincePublished.push(callId);
    return draftWithReport(callId, provincial.alliance.id);
  };
  const sent = async () =>
    step(za, await step(zo, await provincialDraft(), 'SUBMIT'), 'RECOMMEND', { opinion: '同意推荐' });
  apps.set('provincial DRAFT', await provincialDraft());
  apps.set('provincial SUBMITTED', await step(zo, await provincialDraft(), 'SUBMIT'));
  apps.set(
    'provincial RETURNED by 株洲',
    await step(za, await step(zo, await provincialDraft(), 'SUBMIT'), 'RETURN', { reason: '请补充材料' }),
  );
  apps.set(
    'provincial NOT_RECOMMENDED',
    await step(za, await step(zo, await provincialDraft(), 'SUBMIT'), 'NOT_RECOMMEND', {
      reason: '暂不推荐',
    }),
  );
  apps.set('provincial RECOMMENDED', await sent());
  apps.set(
    'provincial RETURNED by the province',
    await step(po, await sent(), 'RETURN', { reason: '请补充预算' }),
  );
  apps.set('provincial ACCEPTED', await step(po, await sent(), 'ACCEPT'));
  // In review: seated with the one to be swapped out, who is then replaced; two drafts written.
  const inReview = await reviewed(po, await sent(), [e1, e2, e3, e4, swappedOut], [], false);
  const panel = dataOf(
    await po.send<{
      pilotApplication: { panel: { seats: { assignmentId: string; expert: { id: string } }[] } };
    }>(`query ($id: ID!) { pilotApplication(id: $id) { panel { seats { assignmentId expert { id } } } } }`, {
      id: inReview.id,
    }),
  ).pilotApplication.panel;
  const outgoing = panel.seats.find((s) => s.expert.id === swappedOut)!;
  const swapped = dataOf(
    await po.send<{ swapPanelMember: { seats: { assignmentId: string; expert: { id: string } }[] } }>(
      OPS.swap,
      {
        input: { assignmentId: outgoing.assignmentId, expertId: replacement, reason: '专家因公出差' },
      },
    ),
  ).swapPanelMember;
  replacementSeatId = swapped.seats.find((s) => s.expert.id === replacement)!.assignmentId;
  await submitSheets([provExperts[0]!, provExperts[6]!], inReview.id, false);
  apps.set('provincial IN_REVIEW', inReview);

  // ---- 株洲's own calls ----
  const cityDraft = async () => {
    const callId = await newCall('zhuzhou');
    calls.zhuzhou.push(callId);
    return draftWithReport(callId, city.alliance.id);
  };
  // The submitter is 株洲's officer; the recommender one of its admins.
  const citySent = async () =>
    step(za, await step(zo, await cityDraft(), 'SUBMIT'), 'RECOMMEND', { opinion: '同意推荐' });
  const cityPanel = zhuzhouPool.ids.slice(0, 5);
  const cityExperts = zzExperts.slice(0, 5);
  apps.set('city-level DRAFT', await cityDraft());
  apps.set('city-level SUBMITTED', await step(zo, await cityDraft(), 'SUBMIT'));
  apps.set(
    'city-level RETURNED',
    await step(za, await step(zo, await cityDraft(), 'SUBMIT'), 'RETURN', { reason: '请补充材料' }),
  );
  apps.set(
    'city-level NOT_RECOMMENDED',
    await step(za, await step(zo, await cityDraft(), 'SUBMIT'), 'NOT_RECOMMEND', { reason: '暂不推荐' }),
  );
  apps.set('city-level WITHDRAWN', await step(zo, await cityDraft(), 'WITHDRAW', { reason: '改报下一批次' }));
  apps.set('city-level RECOMMENDED', await citySent());
  apps.set('city-level ACCEPTED', await step(zo, await citySent(), 'ACCEPT'));
  apps.set('city-level IN_REVIEW', await reviewed(zo, await citySent(), cityPanel, cityExperts, false));
  apps.set('city-level REVIEWED', await reviewed(zo, await citySent(), cityPanel, cityExperts, true));
  apps.set(
    'city-level PUBLICISED',
    await step(zo, await reviewed(zo, await citySent(), cityPanel, cityExperts, true), 'PUBLICISE'),
  );
  apps.set(
    'city-level DECLINED',
    await step(zzAdmin2, await reviewed(zo, await citySent(), cityPanel, cityExperts, true), 'DECLINE', {
      reason: '评审未达要求',
    }),
  );
  // Decisions last: the alliances' pilot status changes with them.
  apps.set(
    'city-level APPROVED',
    await step(zzAdmin2, await reviewed(zo, await citySent(), cityPanel, cityExperts, true), 'APPROVE', {
      reason: '同意确认为市级试点联盟',
    }),
  );
  apps.set(
    'provincial APPROVED',
    await step(
      pa,
      await reviewed(po, await sent(), [e1, e2, e3, e4, e5], provExperts.slice(0, 5), true),
      'APPROVE',
      { reason: '同意确认为省级试点联盟' },
    ),
  );

  calls.provinceDraft = await newCall('province', false);
  calls.zhuzhouDraft = await newCall('zhuzhou', false);
  calls.changsha = await newCall('changsha');
}, 300_000);

afterAll(async () => {
  await db?.close();
  await api?.close();
});

const { cells } = cellTally('pilot selection GraphQL isolation');

/** Fails with what the applications' states actually are, when the fixture did not get there. */
describe('the fixture reached every state', () => {
  cells(
    APP_KEYS,
    (key) => `${key} is in state ${key.split(' ')[1]}`,
    async (key) => {
      const seen = dataOf(await read(as('zzOfficer'), app(key).id)).pilotApplication;
      expect(seen.state).toBe(key.split(' ')[1]);
    },
  );
});

const matrix = VIEWERS.flatMap((viewer) => APP_KEYS.map((appKey) => ({ viewer, appKey })));
const cellName = (verb: string) => (c: { viewer: Viewer; appKey: AppKey }) =>
  `${c.viewer.label} → 株洲 ${c.appKey}: ${verb} ${sees(c.viewer.key, c.appKey) ? 'visible' : 'NOT_FOUND, like a random id'}`;

describe('pilotApplication(id): visible exactly when the viewer may see it; otherwise NOT_FOUND like a random id', () => {
  cells(matrix, cellName('reads'), async ({ viewer, appKey }) => {
    const target = app(appKey);
    const res = await read(as(viewer.key), target.id);
    if (sees(viewer.key, appKey)) {
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      expect(res.data?.pilotApplication).toMatchObject({ id: target.id, state: target.state });
      return;
    }
    const random = await read(as(viewer.key), randomUUID());
    expect(errorShape(res)).toEqual(errorShape(random));
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('transitionPilotApplication on an application the viewer cannot see: refused like a random id, nothing moves', () => {
  cells(
    matrix.filter((c) => !sees(c.viewer.key, c.appKey)),
    (c) => `${c.viewer.label} → 株洲 ${c.appKey}: every action answered like a random id`,
    async ({ viewer, appKey }) => {
      const target = app(appKey);
      for (const action of ['ACCEPT', 'RECOMMEND', 'RETURN', 'WITHDRAW', 'APPROVE']) {
        const text = { reason: '越权操作', opinion: '越权意见' };
        const named = await transition(as(viewer.key), target, action, text);
        const random = await transition(
          as(viewer.key),
          { id: randomUUID(), version: target.version },
          action,
          text,
        );
        expect(errorShape(named), action).toEqual(errorShape(random));
        expect(['NOT_FOUND', 'FORBIDDEN']).toContain(named.errors?.[0]?.extensions?.code);
      }
      const after = dataOf(await read(as('zzOfficer'), target.id)).pilotApplication;
      expect({ state: after.state, version: after.version }).toEqual({
        state: target.state,
        version: target.version,
      });
    },
  );
});

describe('pilotApplications(scope ALL / RECEIVED) list exactly what the viewer may see', () => {
  const ours = () => new Set([...apps.values()].map((a) => a.id));
  const listed = async (agent: GraphqlAgent, scope: string) => {
    const res = await agent.send<{ pilotApplications: { id: string }[] }>(APPLICATION_IDS, {
      filter: { scope },
    });
    return dataOf(res)
      .pilotApplications.map((a) => a.id)
      .filter((id) => ours().has(id))
      .sort();
  };
  const idsOf = (keys: readonly AppKey[]) => keys.map((k) => app(k).id).sort();
  cells(
    VIEWERS.flatMap((viewer) => (['ALL', 'RECEIVED'] as const).map((scope) => ({ viewer, scope }))),
    ({ viewer, scope }) => `${viewer.label}: pilotApplications(${scope})`,
    async ({ viewer, scope }) => {
      const expected =
        scope === 'ALL' || viewer.expert
          ? SEATED[viewer.key]
          : RECEIVED[viewer.tier].filter((k) => sees(viewer.key, k));
      expect(await listed(as(viewer.key), scope)).toEqual(idsOf(expected));
    },
  );
});

describe('the feasibility report downloads on the application’s terms; otherwise like a random id', () => {
  cells(
    matrix.filter((c) => !c.viewer.expert),
    cellName('downloads the report'),
    async ({ viewer, appKey }) => {
      const target = app(appKey);
      const named = await restShape(as(viewer.key), target.documentId);
      if (sees(viewer.key, appKey)) {
        expect(named.status).toBe(200);
        expect(named.body.startsWith('%PDF')).toBe(true);
        return;
      }
      expect(named).toEqual(await restShape(as(viewer.key), randomUUID()));
      expect(named.status).toBe(404);
    },
  );
  // An expert downloads the report of the application it is seated on, and no other.
  cells(
    matrix.filter((c) => c.viewer.expert),
    cellName('downloads the report'),
    async ({ viewer, appKey }) => {
      const target = app(appKey);
      const named = await restShape(as(viewer.key), target.documentId);
      if (sees(viewer.key, appKey)) {
        expect(named.status, named.body).toBe(200);
        expect(named.body.startsWith('%PDF')).toBe(true);
        return;
      }
      expect(named).toEqual(await restShape(as(viewer.key), randomUUID()));
      expect(named.body).not.toContain('%PDF');
    },
  );
});

describe('calls: own tier’s and the parent’s published ones, never another city’s', () => {
  type CallCase = { viewer: Viewer; call: () => string; label: string; seen: boolean };
  const staffViewers = VIEWERS.filter((v) => !v.expert);
  const cases: CallCase[] = staffViewers.flatMap((viewer): CallCase[] => [
    {
      viewer,
      label: 'the province’s published call',
      call: () => calls.provincePublished[0]!,
      seen: true,
    },
    {
      viewer,
      label: 'the province’s draft call',
      call: () => calls.provinceDraft,
      seen: viewer.tier === 'province',
    },
    {
      viewer,
      label: '株洲’s published call',
      call: () => calls.zhuzhou[0]!,
      seen: viewer.tier === 'zhuzhou',
    },
    { viewer, label: '株洲’s draft call', call: () => calls.zhuzhouDraft, seen: viewer.tier === 'zhuzhou' },
    { viewer, label: '长沙’s published call', call: () => calls.changsha, seen: viewer.tier === 'changsha' },
  ]);
  cells(
    cases,
    (c) =>
      `${c.viewer.label}: ${c.label} ${c.seen ? 'is listed and read' : 'is neither listed nor read (like a random id)'}`,
    async (c) => {
      const agent = as(c.viewer.key);
      const listed = dataOf(await agent.send<{ pilotCalls: { id: string }[] }>(CALL_IDS)).pilotCalls.map(
        (x) => x.id,
      );
      const one = await agent.send(CALL, { id: c.call() });
      if (c.seen) {
        expect(listed).toContain(c.call());
        expect(one.errors).toBeUndefined();
        return;
      }
      expect(listed).not.toContain(c.call());
      expect(errorShape(one)).toEqual(errorShape(await agent.send(CALL, { id: randomUUID() })));
      expect(one.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    },
  );
  cells(
    VIEWERS.filter((v) => v.expert),
    (v) => `${v.label}: pilotCalls and pilotCall are FORBIDDEN`,
    async (v) => {
      for (const res of [
        await as(v.key).send(CALL_IDS),
        await as(v.key).send(CALL, { id: calls.provincePublished[0]! }),
      ]) {
        expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        expect(res.data ?? null).toBeNull();
      }
    },
  );
  cells(
    staffViewers,
    (v) => `${v.label}: callRanking of another tier’s call is NOT_FOUND like a random id`,
    async (v) => {
      const foreign = v.tier === 'zhuzhou' ? calls.changsha : calls.zhuzhou[0]!;
      const named = await as(v.key).send(RANKING, { id: foreign });
      expect(errorShape(named)).toEqual(errorShape(await as(v.key).send(RANKING, { id: randomUUID() })));
    },
  );
});

describe('experts(): a tier’s staff see exactly their own pool; an EXPERT is FORBIDDEN', () => {
  cells(
    VIEWERS,
    (v) =>
      v.expert ? `${v.label}: experts() FORBIDDEN` : `${v.label}: experts() is exactly its tier’s pool`,
    async (v) => {
      const res = await as(v.key).send<{ experts: { id: string }[] }>(EXPERT_IDS);
      if (v.expert) {
        expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        expect(res.data ?? null).toBeNull();
        return;
      }
      const own = await db.rows<{ id: string }>('SELECT id FROM expert WHERE tenant_id = $1', [
        accounts[v.key].tenantId,
      ]);
      expect(
        dataOf(res)
          .experts.map((e) => e.id)
          .sort(),
      ).toEqual(own.map((r) => r.id).sort());
    },
  );
});

describe('proposePanel: only the authority, for applications it received', () => {
  cells(
    VIEWERS.filter((v) => !v.expert && v.tier !== 'zhuzhou').flatMap((viewer) =>
      (['provincial SUBMITTED', 'city-level ACCEPTED', 'city-level IN_REVIEW'] as const).map((appKey) => ({
        viewer,
        appKey,
      })),
    ),
    (c) => `${c.viewer.label}: proposePanel(株洲 ${c.appKey}) like a random id`,
    async ({ viewer, appKey }) => {
      const named = await as(viewer.key).send(PROPOSE, { id: app(appKey).id });
      expect(errorShape(named)).toEqual(errorShape(await as(viewer.key).send(PROPOSE, { id: randomUUID() })));
      expect(named.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    },
  );
});

describe('confirmed lists: the province’s reaches every city; a city’s own stays with it', () => {
  type ListCase = { viewer: Viewer; appKey: AppKey; listed: boolean };
  const cases: ListCase[] = VIEWERS.filter((v) => !v.expert).flatMap((viewer): ListCase[] => [
    { viewer, appKey: 'provincial APPROVED', listed: true },
    { viewer, appKey: 'city-level APPROVED', listed: viewer.tier === 'zhuzhou' },
  ]);
  cells(
    cases,
    (c) => `${c.viewer.label}: confirmedPilots ${c.listed ? 'lists' : 'does not list'} 株洲’s ${c.appKey}`,
    async (c) => {
      const list = dataOf(
        await as(c.viewer.key).send<{ confirmedPilots: { applicationId: string }[] }>(CONFIRMED_IDS),
      ).confirmedPilots.map((p) => p.applicationId);
      if (c.listed) expect(list).toContain(app(c.appKey).id);
      else expect(list).not.toContain(app(c.appKey).id);
    },
  );
});

describe('experts read their seats only', () => {
  type ExpertRead = {
    pilotApplication: {
      id: string;
      dossier: Record<string, unknown> | null;
      call: { id: string; title: string };
      panel: { size: number } | null;
      timeline: unknown[];
      objections: unknown[];
      availableActions: string[];
    };
  };
  cells(
    (['provExpertSeated', 'provExpertReplacement', 'zzExpertSeated'] as const).flatMap((key) =>
      SEATED[key].map((appKey) => ({ key, appKey })),
    ),
    (c) =>
      `${VIEWERS.find((v) => v.key === c.key)!.label} → ${c.appKey}: dossier and call, no panel, timeline or objections`,
    async ({ key, appKey }) => {
      const res = await as(key).send<ExpertRead>(EXPERT_VIEW, { id: app(appKey).id });
      const seen = dataOf(res).pilotApplication;
      expect(seen.dossier).not.toBeNull();
      expect(seen.call.id).toBe(
        (
          await db.rows<{ call_id: string }>('SELECT call_id FROM pilot_application WHERE id = $1', [
            app(appKey).id,
          ])
        )[0]!.call_id,
      );
      expect({ panel: seen.panel, timeline: seen.timeline, objections: seen.objections }).toEqual({
        panel: null,
        timeline: [],
        objections: [],
      });
    },
  );

  type Mine = {
    myReviewAssignments: {
      id: string;
      application: { id: string };
      sheet: { id: string; expertName: string };
    }[];
  };
  cells(
    VIEWERS.filter((v) => v.expert),
    (v) => `${v.label}: myReviewAssignments holds its own standing seats only, with its own sheets`,
    async (v) => {
      const mine = dataOf(await as(v.key).send<Mine>(MINE)).myReviewAssignments;
      expect(mine.map((s) => s.application.id).sort()).toEqual(SEATED[v.key].map((k) => app(k).id).sort());
      const own = await db.rows<{ id: string }>(
        `SELECT s.id FROM review_sheet s JOIN expert_assignment x ON x.id = s.assignment_id
          WHERE x.expert_user_id = $1 AND x.withdrawn_at IS NULL`,
        [accounts[v.key].id],
      );
      expect(mine.map((s) => s.sheet.id).sort()).toEqual(own.map((r) => r.id).sort());
      const names = await db.rows<{ name: string }>('SELECT name FROM expert WHERE user_id = $1', [
        accounts[v.key].id,
      ]);
      for (const seat of mine) expect(seat.sheet.expertName).toBe(names[0]!.name);
    },
  );

  cells(
    [
      {
        label: 'swapped-out expert saves its old sheet',
        key: 'provExpertSwappedOut' as const,
        seat: 'withdrawn',
      },
      {
        label: 'seated expert saves the replacement’s sheet',
        key: 'provExpertSeated' as const,
        seat: 'replacement',
      },
    ],
    (c) => `${c.label}: NOT_FOUND like a random seat, nothing written`,
    async (c) => {
      const [row] =
        c.seat === 'withdrawn'
          ? await db.rows<{ id: string }>(
              'SELECT id FROM expert_assignment WHERE expert_user_id = $1 AND withdrawn_at IS NOT NULL',
              [accounts.provExpertSwappedOut.id],
            )
          : [{ id: replacementSeatId }];
      const before = await db.rows('SELECT * FROM review_sheet WHERE assignment_id = $1', [row!.id]);
      const save = (assignmentId: string) =>
        as(c.key).send(OPS.save, {
          input: {
            assignmentId,
            version: 1,
            scores: REVIEW_CRITERIA.map((key) => ({ key, score: 10, comment: '' })),
            overallOpinion: '代为评分',
            recommendation: 'OPPOSE',
            submit: false,
          },
        });
      const named = await save(row!.id);
      if (c.seat === 'withdrawn') {
        // A withdrawn seat is the expert's own: it learns only that it no longer sits there.
        expect(named.errors?.[0]?.extensions?.code).toMatch(/^(NOT_FOUND|SEAT_WITHDRAWN)$/);
      } else {
        expect(errorShape(named)).toEqual(errorShape(await save(randomUUID())));
      }
      expect(named.data ?? null).toBeNull();
      expect(await db.rows('SELECT * FROM review_sheet WHERE assignment_id = $1', [row!.id])).toEqual(before);
    },
  );
});

describe('workList mentions only applications the viewer may read', () => {
  cells(
    VIEWERS,
    (v) => `${v.label}: every work item names an application it reads; none it may not`,
    async (v) => {
      const items = dataOf(
        await as(v.key).send<{ workList: { items: { kind: string; applicationId: string }[] } }>(WORK_ITEMS),
      ).workList.items;
      const hidden = APP_KEYS.filter((k) => !sees(v.key, k)).map((k) => app(k).id);
      expect(items.filter((i) => hidden.includes(i.applicationId))).toEqual([]);
      for (const id of new Set(items.map((i) => i.applicationId))) {
        const res: GraphqlResponse = await read(as(v.key), id);
        expect(res.errors, `${id}: ${JSON.stringify(res.errors)}`).toBeUndefined();
      }
    },
  );
});
