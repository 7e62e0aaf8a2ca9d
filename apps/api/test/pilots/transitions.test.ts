import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminDb } from '../support/admin-db';
import {
  type GraphqlAgent,
  signedInAgent,
  startTestApi,
  tenantId,
  type TestApi,
  type TestUser,
} from '../support/harness';
import { dataOf, expectBadInput, expectRefused, violationsOf } from '../support/register-client';
import { TestClock } from '../support/test-clock';
import {
  act,
  completeDossier,
  type ApplicationView,
  callInput,
  type CallView,
  establishedAlliance,
  expectNotAllowed,
  P,
  PROVINCE,
  publishedCall,
  read,
  scoreAll,
  seatPanel,
  staff,
  transition,
  ZHUZHOU,
} from './pilot-client';

// The transition engine's edges: calls' own rules, exactly-once state changes under concurrency,
// stale versions, refusal of every party but the right one, and the work list's deadlines.

const DAY = 86_400_000;

type WorkList = {
  total: number;
  overdue: number;
  counts: { kind: string; count: number; overdue: number }[];
  items: { kind: string; applicationId: string; dueAt: string | null; overdue: boolean; callTitle: string }[];
};

describe('pilot transitions', () => {
  const clock = new TestClock();
  let api: TestApi;
  let db: AdminDb;
  const agents: Record<string, GraphqlAgent> = {};
  const users: Record<string, TestUser> = {};
  let call: CallView;
  const as = (key: string) => agents[key]!;

  async function recommended(industry: string): Promise<ApplicationView> {
    const formed = await establishedAlliance(as('zzOfficer'), industry);
    let app = dataOf(
      await as('zzOfficer').send<{ createPilotApplication: ApplicationView }>(P.create, {
        input: { callId: call.id, allianceId: formed.alliance.id },
      }),
    ).createPilotApplication;
    app = await act(as('zzOfficer'), await completeDossier(as('zzOfficer'), app), 'SUBMIT');
    return act(as('zzAdmin'), app, 'RECOMMEND', { opinion: '同意推荐' });
  }

  beforeAll(async () => {
    api = await startTestApi({ clock, poolSize: 20 });
    db = await AdminDb.open();
    for (const [key, code, roles] of [
      ['provOfficer', PROVINCE, ['PROVINCE_OFFICER']],
      ['provAdmin', PROVINCE, ['PROVINCE_ADMIN']],
      ['zzOfficer', ZHUZHOU, ['CITY_OFFICER']],
      ['zzAdmin', ZHUZHOU, ['CITY_ADMIN']],
    ] as const) {
      const s = await staff(api, code, [...roles]);
      users[key] = s.user;
      agents[key] = s.agent;
    }
    call = await publishedCall(as('provOfficer'), as('provAdmin'), clock.now());
  });

  afterAll(async () => {
    await db?.close();
    await api?.close();
  });

  it('refuses a call’s bad fields in Chinese, field by field, and writes nothing', async () => {
    const now = clock.now();
    const res = await as('provOfficer').send(P.createCall, {
      input: callInput(now, {
        title: '通知',
        closesAt: new Date(now.getTime() - 2 * DAY).toISOString(),
        recommendBy: new Date(now.getTime() - 3 * DAY).toISOString(),
        decideBy: new Date(now.getTime() - 4 * DAY).toISOString(),
      }),
    });
    expectBadInput(res, 'title', 'LENGTH');
    expect(violationsOf(res).map((v) => v.field)).toEqual(['title', 'closesAt', 'recommendBy', 'decideBy']);
    expect(violationsOf(res).every((v) => /[\u4e00-\u9fa5]/.test(v.message))).toBe(true);
    expect(await db.count(`SELECT count(*) FROM pilot_call WHERE title = '通知'`)).toBe(0);
  });

  it('keeps a published call final and a stale version out', async () => {
    const draft = dataOf(
      await as('provOfficer').send<{ createPilotCall: CallView }>(P.createCall, {
        input: callInput(clock.now()),
      }),
    ).createPilotCall;
    const updated = dataOf(
      await as('provOfficer').send<{ updatePilotCall: CallView }>(P.updateCall, {
        id: draft.id,
        version: draft.version,
        input: callInput(clock.now(), { title: '修改后的申报通知标题' }),
      }),
    ).updatePilotCall;
    expect(updated).toMatchObject({ title: '修改后的申报通知标题', version: 2 });
    expectRefused(
      await as('provOfficer').send(P.updateCall, { id: draft.id, version: 1, input: callInput(clock.now()) }),
      'CONFLICT',
    );
    expectRefused(await as('provOfficer').send(P.publishCall, { id: draft.id, version: 2 }), 'FORBIDDEN');
    dataOf(await as('provAdmin').send(P.publishCall, { id: draft.id, version: 2 }));
    expectRefused(
      await as('provOfficer').send(P.updateCall, { id: draft.id, version: 3, input: callInput(clock.now()) }),
      'CALL_PUBLISHED',
    );
    expectRefused(
      await as('zzAdmin').send(P.updateCall, { id: draft.id, version: 3, input: callInput(clock.now()) }),
      'NOT_FOUND',
    );
  });

  it('lets the formal check refuse outright (不予受理) with a reason: final, and the alliance may apply again', async () => {
    const app = await recommended('SE0703');
    const bare = await transition(as('provOfficer'), app, 'REFUSE');
    expectRefused(bare, 'PILOT_TRANSITION_REFUSED');
    expect(violationsOf(bare).map((v) => v.rule)).toEqual(['REASON_GIVEN']);
    const refused = await act(as('provOfficer'), app, 'REFUSE', { reason: '申报材料不符合申报通知要求' });
    expect(refused.state).toBe('REFUSED');
    expect(refused.availableActions).toEqual([]);
    expectRefused(await transition(as('provOfficer'), refused, 'ACCEPT'), 'PILOT_TRANSITION_REFUSED');
    const [row] = await db.rows<{ last_reason: string }>(
      'SELECT last_reason FROM pilot_application WHERE id = $1',
      [app.id],
    );
    expect(row?.last_reason).toBe('申报材料不符合申报通知要求');
    const again = await as('zzOfficer').send<{ createPilotApplication: ApplicationView }>(P.create, {
      input: { callId: call.id, allianceId: app.allianceId },
    });
    expect(again.errors).toBeUndefined();
  });

  it('returns or declines an accepted application only when no valid panel can be formed', async () => {
    const returning = await act(as('provOfficer'), await recommended('SE0703'), 'ACCEPT');
    const declining = await act(as('provOfficer'), await recommended('SE0703'), 'ACCEPT');
    const province = await tenantId(PROVINCE);
    const pool = await db.rows<{ id: string; available: boolean }>(
      'SELECT id, available FROM expert WHERE tenant_id = $1',
      [province],
    );
    // With every expert of the pool unavailable, no panel can be formed.
    await db.rows('UPDATE expert SET available = false WHERE tenant_id = $1', [province]);
    try {
      const returned = await act(as('provOfficer'), returning, 'RETURN', {
        reason: '无法组成评审专家组，请补充材料后再报',
      });
      expect(returned.state).toBe('RETURNED');
      const declined = await act(as('provAdmin'), declining, 'DECLINE', {
        reason: '本领域无可回避的评审专家',
      });
      expect(declined.state).toBe('DECLINED');
    } finally {
      for (const expert of pool)
        await db.rows('UPDATE expert SET available = $2 WHERE id = $1', [expert.id, expert.available]);
    }
  });

  it('lets exactly one of 50 concurrent identical ACCEPTs through; the others are APPLICATION_CHANGED', async () => {
    const app = await recommended('SE0703');
    const results = await Promise.all(
      Array.from({ length: 50 }, () => transition(as('provOfficer'), app, 'ACCEPT')),
    );
    const codes = results.map((r) => (r.errors ? String(r.errors[0]?.extensions?.code) : 'OK'));
    expect(codes.filter((c) => c === 'OK')).toHaveLength(1);
    expect(codes.filter((c) => c === 'APPLICATION_CHANGED')).toHaveLength(49);
    expect(
      await db.count(
        `SELECT count(*) FROM audit_event WHERE subject_id = $1 AND action = 'pilot_application.accept'`,
        [app.id],
      ),
    ).toBe(1);
    const [row] = await db.rows<{ state: string; version: number }>(
      'SELECT state, version FROM pilot_application WHERE id = $1',
      [app.id],
    );
    expect(row).toEqual({ state: 'ACCEPTED', version: app.version + 1 });
    // The same version again is stale.
    expectRefused(await transition(as('provOfficer'), app, 'ACCEPT'), 'APPLICATION_CHANGED');
  });

  it('lets exactly one of 50 concurrent identical decisions through: one approval, one audit row, one listing', async () => {
    let app = await act(as('provOfficer'), await recommended('SE0703'), 'ACCEPT');
    const experts = await seatPanel(api, as('provOfficer'), PROVINCE, app, 'SE0703', 5);
    app = await act(as('provOfficer'), app, 'START_REVIEW');
    await scoreAll(experts, app.id);
    app = await act(as('provOfficer'), app, 'CLOSE_REVIEW');
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        transition(as('provAdmin'), app, 'APPROVE', { reason: '依据专家评审意见，确认为省级试点联盟' }),
      ),
    );
    const codes = results.map((r) => (r.errors ? String(r.errors[0]?.extensions?.code) : 'OK'));
    expect(codes.filter((c) => c === 'OK')).toHaveLength(1);
    expect(codes.filter((c) => c === 'APPLICATION_CHANGED')).toHaveLength(49);
    expect(
      await db.count(
        `SELECT count(*) FROM audit_event WHERE subject_id = $1 AND action = 'pilot_application.approve'`,
        [app.id],
      ),
    ).toBe(1);
    expect(await db.count('SELECT count(*) FROM confirmed_pilot WHERE application_id = $1', [app.id])).toBe(
      1,
    );
    const [alliance] = await db.rows<{ pilot_status: string }>(
      'SELECT pilot_status FROM alliance WHERE id = $1',
      [app.allianceId],
    );
    expect(alliance!.pilot_status).toBe('PROVINCIAL_PILOT');
  });

  it('lets exactly one of 50 concurrent WITHDRAWs through', async () => {
    const formed = await establishedAlliance(as('zzOfficer'), 'SE0703');
    const app = dataOf(
      await as('zzOfficer').send<{ createPilotApplication: ApplicationView }>(P.create, {
        input: { callId: call.id, allianceId: formed.alliance.id },
      }),
    ).createPilotApplication;
    const results = await Promise.all(
      Array.from({ length: 50 }, () => transition(as('zzOfficer'), app, 'WITHDRAW', { reason: '不再申报' })),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors?.[0]?.extensions?.code === 'APPLICATION_CHANGED')).toHaveLength(49);
    expect(
      await db.count(
        `SELECT count(*) FROM audit_event WHERE subject_id = $1 AND action = 'pilot_application.withdraw'`,
        [app.id],
      ),
    ).toBe(1);
    // A withdrawn application is no longer live: the alliance may apply again to the same call.
    dataOf(
      await as('zzOfficer').send(P.create, { input: { callId: call.id, allianceId: formed.alliance.id } }),
    );
  });

  it('refuses RETURN, NOT_RECOMMEND and WITHDRAW to the wrong parties', async () => {
    const formed = await establishedAlliance(as('zzOfficer'), 'SE0703');
    let app = dataOf(
      await as('zzOfficer').send<{ createPilotApplication: ApplicationView }>(P.create, {
        input: { callId: call.id, allianceId: formed.alliance.id },
      }),
    ).createPilotApplication;
    await expectNotAllowed([as('provOfficer'), as('provAdmin')], app, 'WITHDRAW');
    app = await act(as('zzOfficer'), await completeDossier(as('zzOfficer'), app), 'SUBMIT');
    await expectNotAllowed([as('zzOfficer'), as('provOfficer')], app, 'RETURN');
    await expectNotAllowed([as('zzOfficer'), as('provAdmin')], app, 'NOT_RECOMMEND');
    app = await act(as('zzAdmin'), app, 'RECOMMEND', { opinion: '同意推荐' });
    await expectNotAllowed([as('provOfficer'), as('provAdmin')], app, 'WITHDRAW');
    await expectNotAllowed([as('zzAdmin')], app, 'RETURN');
    app = await act(as('zzOfficer'), app, 'WITHDRAW', { reason: '联盟决定下一批次再报' });
    expect(app).toMatchObject({ state: 'WITHDRAWN', lastReason: '联盟决定下一批次再报' });
    // The province still reads what was sent to it, with the reason.
    expect(dataOf(await read(as('provOfficer'), app.id)).pilotApplication.state).toBe('WITHDRAWN');
  });

  it('refuses to recommend with a reason longer than 2000 characters, and records NOT_RECOMMEND with its reason', async () => {
    const formed = await establishedAlliance(as('zzOfficer'), 'SE0703');
    let app = dataOf(
      await as('zzOfficer').send<{ createPilotApplication: ApplicationView }>(P.create, {
        input: { callId: call.id, allianceId: formed.alliance.id },
      }),
    ).createPilotApplication;
    app = await act(as('zzOfficer'), await completeDossier(as('zzOfficer'), app), 'SUBMIT');
    const long = await transition(as('zzAdmin'), app, 'NOT_RECOMMEND', { reason: '长'.repeat(2001) });
    expect(violationsOf(long).map((v) => v.field)).toEqual(['guard.REASON_GIVEN']);
    app = await act(as('zzAdmin'), app, 'NOT_RECOMMEND', { reason: '联盟运行不足一年' });
    expect(app).toMatchObject({
      state: 'NOT_RECOMMENDED',
      lastReason: '联盟运行不足一年',
      availableActions: [],
    });
    expectRefused(await read(as('provOfficer'), app.id), 'NOT_FOUND');
  });

  it('lists what waits for each user with the call’s deadlines, overdue once they pass', async () => {
    const formed = await establishedAlliance(as('zzOfficer'), 'SE0703');
    const draft = dataOf(
      await as('zzOfficer').send<{ createPilotApplication: ApplicationView }>(P.create, {
        input: { callId: call.id, allianceId: formed.alliance.id },
      }),
    ).createPilotApplication;
    const work = async (key: string) =>
      dataOf(await as(key).send<{ workList: WorkList }>(P.workList)).workList;
    const revise = (await work('zzOfficer')).items.find((i) => i.applicationId === draft.id);
    expect(revise).toMatchObject({ kind: 'REVISE', overdue: false, callTitle: call.title });
    expect(new Date(revise!.dueAt!).getTime()).toBe(
      new Date((call as CallView & { closesAt: string }).closesAt).getTime(),
    );
    // The application accepted above waits for its panel, due by the call's decideBy.
    // (Other files' 株洲-local applications may wait for 株洲's own panels: look at this call only.)
    const assignHere = (w: WorkList) =>
      w.items.filter((i) => i.kind === 'ASSIGN_PANEL' && i.callTitle === call.title);
    expect(assignHere(await work('provOfficer')).length).toBeGreaterThan(0);
    expect(assignHere(await work('zzOfficer'))).toEqual([]);
    clock.advance(11 * DAY);
    // Sessions have idled out over those days.
    for (const key of Object.keys(users)) agents[key] = await signedInAgent(api, users[key]!);
    const later = await work('zzOfficer');
    expect(later.items.find((i) => i.applicationId === draft.id)).toMatchObject({
      kind: 'REVISE',
      overdue: true,
    });
    expect(later.overdue).toBeGreaterThan(0);
    expect(later.counts.find((c) => c.kind === 'REVISE')!.overdue).toBeGreaterThan(0);
    // The call has closed: submitting is refused, naming the window.
    const late = await transition(as('zzOfficer'), draft, 'SUBMIT');
    expect(late.errors?.[0]?.extensions?.code).toBe('PILOT_CALL_CLOSED');
  });
});
