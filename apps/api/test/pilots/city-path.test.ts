import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminDb } from '../support/admin-db';
import { type GraphqlAgent, startTestApi, type TestApi, type TestUser } from '../support/harness';
import { dataOf, expectRefused, violationsOf } from '../support/register-client';
import { TestClock } from '../support/test-clock';
import {
  act,
  completeDossier,
  type ApplicationView,
  CALL_FIELDS,
  type CallView,
  CHANGSHA,
  establishedAlliance,
  expectNotAllowed,
  P,
  PROVINCE,
  read,
  scoreAll,
  seatPanel,
  staff,
  transition,
  ZHUZHOU,
} from './pilot-client';

// A city's own pilot (Art. 21): 株洲 publishes a call under the rules in force for it, recommends
// its own alliance and decides as the authority, straight from the review without public notice.
// The province and 长沙 never see the application; the confirmed pilot is on 株洲's own list only.

const INDUSTRY = 'SE0702';

type MeasuresOfCall = CallView & {
  measures: CallView['measures'] & { parameters: { review: { expertsPerApplication: number } } };
};

describe('a city pilot application under the city’s own call', () => {
  const clock = new TestClock();
  let api: TestApi;
  let db: AdminDb;
  const users: Record<string, TestUser> = {};
  const agents: Record<string, GraphqlAgent> = {};
  let call: MeasuresOfCall;
  let formed: Awaited<ReturnType<typeof establishedAlliance>>;
  let app: ApplicationView;
  const as = (key: string) => agents[key]!;

  beforeAll(async () => {
    api = await startTestApi({ clock });
    db = await AdminDb.open();
    for (const [key, code, roles] of [
      ['provOfficer', PROVINCE, ['PROVINCE_OFFICER']],
      ['zzOfficer', ZHUZHOU, ['CITY_OFFICER']],
      ['zzAdmin1', ZHUZHOU, ['CITY_ADMIN']],
      ['zzAdmin2', ZHUZHOU, ['CITY_ADMIN']],
      ['csAdmin', CHANGSHA, ['CITY_ADMIN']],
    ] as const) {
      const s = await staff(api, code, [...roles]);
      users[key] = s.user;
      agents[key] = s.agent;
    }
    formed = await establishedAlliance(as('zzOfficer'), INDUSTRY);
  });

  afterAll(async () => {
    await db?.close();
    await api?.close();
  });

  it('drafts a city call applying the measures in force for 株洲; only an admin publishes it', async () => {
    const day = 86_400_000;
    const now = clock.now().getTime();
    const draft = dataOf(
      await as('zzOfficer').send<{ createPilotCall: CallView }>(P.createCall, {
        input: {
          title: '株洲市市级试点联盟申报通知',
          opensAt: new Date(now - day).toISOString(),
          closesAt: new Date(now + 10 * day).toISOString(),
          recommendBy: new Date(now + 15 * day).toISOString(),
          decideBy: new Date(now + 40 * day).toISOString(),
          requiredDocuments: [],
        },
      }),
    ).createPilotCall;
    const rules = dataOf(
      await as('zzOfficer').send<{
        measuresInForce: { province: { id: string }; local: { id: string } | null };
      }>(`{ measuresInForce { province { id } local { id } } }`),
    ).measuresInForce;
    expect(draft).toMatchObject({
      level: 'CITY',
      status: 'DRAFT',
      isMine: true,
      isOpen: false,
      authority: { code: ZHUZHOU },
    });
    expect(draft.measures.id).toBe(rules.local?.id ?? rules.province.id);
    expectRefused(
      await as('zzOfficer').send(P.publishCall, { id: draft.id, version: draft.version }),
      'FORBIDDEN',
    );
    expectRefused(
      await as('csAdmin').send(P.publishCall, { id: draft.id, version: draft.version }),
      'NOT_FOUND',
    );
    for (const key of ['provOfficer', 'csAdmin'])
      expectRefused(
        await as(key).send(`query ($id: ID!) { pilotCall(id: $id) { id } }`, { id: draft.id }),
        'NOT_FOUND',
      );
    const published = dataOf(
      await as('zzAdmin1').send<{ publishPilotCall: CallView }>(P.publishCall, {
        id: draft.id,
        version: draft.version,
      }),
    ).publishPilotCall;
    expect(published).toMatchObject({ status: 'PUBLISHED', isOpen: true });
    call = dataOf(
      await as('zzOfficer').send<{ pilotCall: MeasuresOfCall }>(
        `query ($id: ID!) { pilotCall(id: $id) { ${CALL_FIELDS} measures { parameters } } }`,
        { id: draft.id },
      ),
    ).pilotCall;
    // A child tier never sees another city's call, published or not.
    const seenByChangsha = dataOf(await as('csAdmin').send<{ pilotCalls: CallView[] }>(P.calls)).pilotCalls;
    expect(seenByChangsha.map((c) => c.id)).not.toContain(call.id);
  });

  it('creates a city-level application; the submitting admin cannot also recommend it', async () => {
    app = dataOf(
      await as('zzOfficer').send<{ createPilotApplication: ApplicationView }>(P.create, {
        input: { callId: call.id, allianceId: formed.alliance.id },
      }),
    ).createPilotApplication;
    expect(app).toMatchObject({
      level: 'CITY',
      authority: { code: ZHUZHOU },
      recommendingUnit: { code: ZHUZHOU },
    });
    app = await act(as('zzAdmin1'), await completeDossier(as('zzAdmin1'), app), 'SUBMIT');
    const own = dataOf(await read(as('zzAdmin1'), app.id)).pilotApplication;
    expect(own.availableActions).not.toContain('RECOMMEND');
    const self = await transition(as('zzAdmin1'), app, 'RECOMMEND', { opinion: '同意推荐' });
    expect(self.errors?.[0]?.extensions?.code).toBe('PILOT_TRANSITION_REFUSED');
    expect(violationsOf(self).map((v) => v.field)).toEqual(['guard.RECOMMENDER_IS_NOT_SUBMITTER']);
    const work = dataOf(
      await as('zzAdmin2').send<{ workList: { items: { kind: string; applicationId: string }[] } }>(
        P.workList,
      ),
    ).workList;
    expect(work.items).toContainEqual(expect.objectContaining({ kind: 'RECOMMEND', applicationId: app.id }));
    const mine = dataOf(
      await as('zzAdmin1').send<{ workList: { items: { kind: string; applicationId: string }[] } }>(
        P.workList,
      ),
    ).workList;
    expect(mine.items.filter((i) => i.kind === 'RECOMMEND' && i.applicationId === app.id)).toEqual([]);
    app = await act(as('zzAdmin2'), app, 'RECOMMEND', { opinion: '同意推荐' });
    expect(app.state).toBe('RECOMMENDED');
  });

  it('never shows the city’s application to the province or to 长沙', async () => {
    for (const key of ['provOfficer', 'csAdmin']) {
      expectRefused(await read(as(key), app.id), 'NOT_FOUND');
      const listed = dataOf(
        await as(key).send<{ pilotApplications: { id: string }[] }>(P.applications, {
          filter: { scope: 'ALL' },
        }),
      ).pilotApplications;
      expect(listed.map((a) => a.id)).not.toContain(app.id);
    }
    await expectNotAllowed([as('provOfficer'), as('csAdmin')], app, 'ACCEPT');
  });

  it('is checked, reviewed and decided by 株洲 itself, directly from the review', async () => {
    app = await act(as('zzOfficer'), app, 'ACCEPT');
    const size = call.measures.parameters.review.expertsPerApplication;
    const experts = await seatPanel(api, as('zzOfficer'), ZHUZHOU, app, INDUSTRY, size);
    app = await act(as('zzOfficer'), app, 'START_REVIEW');
    await scoreAll(experts, app.id, 90);
    app = await act(as('zzOfficer'), app, 'CLOSE_REVIEW');
    expect(app.state).toBe('REVIEWED');
    await expectNotAllowed([as('zzOfficer'), as('provOfficer')], app, 'APPROVE');
    await expectNotAllowed([as('zzOfficer'), as('provOfficer')], app, 'DECLINE');
    app = await act(as('zzAdmin2'), app, 'APPROVE', { reason: '同意确认为市级试点联盟' });
    expect(app).toMatchObject({
      state: 'APPROVED',
      decisionBasis: expect.objectContaining({ total: 90, passes: true }) as unknown,
    });
    const [alliance] = await db.rows<{ pilot_status: string }>(
      `SELECT pilot_status FROM alliance WHERE id = $1`,
      [formed.alliance.id],
    );
    expect(alliance!.pilot_status).toBe('CITY_PILOT');
  });

  it('lists the city pilot on 株洲’s own list only', async () => {
    const list = (key: string) =>
      as(key)
        .send<{ confirmedPilots: { applicationId: string; level: string; authority: { code: string } }[] }>(
          P.confirmed,
        )
        .then((r) => dataOf(r).confirmedPilots.filter((p) => p.applicationId === app.id));
    expect(await list('zzOfficer')).toEqual([
      expect.objectContaining({ level: 'CITY', authority: { code: ZHUZHOU } }),
    ]);
    expect(await list('provOfficer')).toEqual([]);
    expect(await list('csAdmin')).toEqual([]);
  });

  it('lists a pilot the register tags 市级试点 without a decision in the system, as 联盟名录 does', async () => {
    // As the demo's register seeding enters pilots confirmed before the system: the tag only.
    const older = await establishedAlliance(as('zzOfficer'), INDUSTRY);
    await db.rows(`UPDATE alliance SET pilot_status = 'CITY_PILOT' WHERE id = $1`, [older.alliance.id]);
    const listed = (key: string) =>
      as(key)
        .send<{
          confirmedPilots: {
            applicationId: string | null;
            allianceId: string;
            level: string;
            authority: { code: string };
            call: { id: string } | null;
          }[];
        }>(P.confirmed)
        .then((r) => dataOf(r).confirmedPilots.filter((p) => p.allianceId === older.alliance.id));
    expect(await listed('zzOfficer')).toEqual([
      expect.objectContaining({
        applicationId: null,
        level: 'CITY',
        authority: { code: ZHUZHOU },
        call: null,
      }),
    ]);
    expect(await listed('csAdmin')).toEqual([]);
    expect(await listed('provOfficer')).toEqual([]);
  });
});
