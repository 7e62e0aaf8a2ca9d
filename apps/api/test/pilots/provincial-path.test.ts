import { chinaDate } from '@xiangmeng/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminDb } from '../support/admin-db';
import {
  type GraphqlAgent,
  signedInAgent,
  startTestApi,
  type TestApi,
  type TestUser,
} from '../support/harness';
import { dataOf, expectBadInput, expectRefused, violationsOf } from '../support/register-client';
import { TestClock } from '../support/test-clock';
import {
  act,
  completeDossier,
  type ApplicationView,
  type CallView,
  CHANGSHA,
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
  establishedAlliance,
} from './pilot-client';

// A provincial pilot (Art. 10–13) from the 株洲 bureau's draft to the province's decision: the
// Art. 8 check under the call's measures, the call's window, the recommendation by another
// admin, the province's check, an expert panel (seated and scored through the reviews API),
// public notice with an objection, and the approval that lists the pilot. At each step the
// wrong parties are refused and the province sees nothing before the recommendation.

const INDUSTRY = 'SE0701';
const DAY = 86_400_000;

describe('a provincial pilot application, end to end', () => {
  const clock = new TestClock();
  let api: TestApi;
  let db: AdminDb;
  const users: Record<string, TestUser> = {};
  const agents: Record<string, GraphqlAgent> = {};
  let call: CallView;
  let futureCall: CallView;
  let formed: Awaited<ReturnType<typeof establishedAlliance>>;
  let app: ApplicationView;
  let experts: GraphqlAgent[] = [];

  const as = (key: string) => agents[key]!;
  // Each action a minute after the last: the timeline orders events by their time.
  async function step(...args: Parameters<typeof act>): Promise<ApplicationView> {
    const result = await act(...args);
    clock.advance(60_000);
    return result;
  }
  async function relogin(): Promise<void> {
    for (const key of Object.keys(users)) agents[key] = await signedInAgent(api, users[key]!);
  }
  async function auditCount(action: string): Promise<number> {
    return db.count(`SELECT count(*) FROM audit_event WHERE subject_id = $1 AND action = $2`, [
      app.id,
      action,
    ]);
  }

  beforeAll(async () => {
    api = await startTestApi({ clock });
    db = await AdminDb.open();
    for (const [key, code, roles] of [
      ['provOfficer', PROVINCE, ['PROVINCE_OFFICER']],
      ['provAdmin', PROVINCE, ['PROVINCE_ADMIN']],
      ['zzOfficer', ZHUZHOU, ['CITY_OFFICER']],
      ['zzAdmin', ZHUZHOU, ['CITY_ADMIN']],
      ['csAdmin', CHANGSHA, ['CITY_ADMIN']],
      ['csOfficer', CHANGSHA, ['CITY_OFFICER']],
    ] as const) {
      const s = await staff(api, code, [...roles]);
      users[key] = s.user;
      agents[key] = s.agent;
    }
    call = await publishedCall(as('provOfficer'), as('provAdmin'), clock.now());
    futureCall = await publishedCall(as('provOfficer'), as('provAdmin'), clock.now(), {
      opensAt: new Date(clock.now().getTime() + 30 * DAY).toISOString(),
      closesAt: new Date(clock.now().getTime() + 40 * DAY).toISOString(),
      recommendBy: new Date(clock.now().getTime() + 50 * DAY).toISOString(),
      decideBy: new Date(clock.now().getTime() + 80 * DAY).toISOString(),
    });
    formed = await establishedAlliance(as('zzOfficer'), INDUSTRY);
  });

  afterAll(async () => {
    await db?.close();
    await api?.close();
  });

  it('shows the province’s published call to every city, as a provincial call that is open', async () => {
    for (const key of ['zzOfficer', 'csAdmin']) {
      const calls = dataOf(await as(key).send<{ pilotCalls: CallView[] }>(P.calls)).pilotCalls;
      expect(calls.find((c) => c.id === call.id)).toMatchObject({
        level: 'PROVINCIAL',
        status: 'PUBLISHED',
        isOpen: true,
        isMine: false,
        authority: { code: PROVINCE },
      });
      expect(calls.find((c) => c.id === futureCall.id)?.isOpen).toBe(false);
    }
  });

  it('creates a provincial draft for an established 株洲 alliance, once per call', async () => {
    app = dataOf(
      await as('zzOfficer').send<{ createPilotApplication: ApplicationView }>(P.create, {
        input: { callId: call.id, allianceId: formed.alliance.id },
      }),
    ).createPilotApplication;
    clock.advance(60_000);
    expect(app).toMatchObject({
      state: 'DRAFT',
      level: 'PROVINCIAL',
      homeTenant: { code: ZHUZHOU },
      authority: { code: PROVINCE },
      recommendingUnit: { code: ZHUZHOU },
      allianceName: formed.alliance.name,
      industry: { code: INDUSTRY },
      dossier: null,
    });
    expect(app.availableActions.sort()).toEqual(['SUBMIT', 'WITHDRAW']);
    expect(await auditCount('pilot_application.create')).toBe(1);
    const again = await as('zzAdmin').send(P.create, {
      input: { callId: call.id, allianceId: formed.alliance.id },
    });
    expectBadInput(again, 'allianceId', 'ALREADY_APPLIED');
  });

  it('fills the form with fen amounts and refuses bad amounts and foreign documents', async () => {
    const form = {
      id: app.id,
      version: app.version,
      goals: '建成先进轨道交通装备共性技术平台',
      workPlan: '三年分两期实施',
      budgetFen: '150000000',
      ownInvestmentFen: '300000000',
      expectedResults: '标准两项、专利十项',
      contactName: '王五',
      contactPhone: '0731-22222222',
      attachmentIds: [],
    };
    expectBadInput(
      await as('zzOfficer').send(P.update, { input: { ...form, budgetFen: '1.5' } }),
      'budgetFen',
      'FEN',
    );
    expectBadInput(
      await as('zzOfficer').send(P.update, { input: { ...form, ownInvestmentFen: '100000000000001' } }),
      'ownInvestmentFen',
      'FEN',
    );
    expectBadInput(
      await as('zzOfficer').send(P.update, {
        input: { ...form, attachmentIds: ['00000000-0000-4000-8000-000000000000'] },
      }),
      'attachmentIds',
      'NOT_ALLIANCE_DOCUMENT',
    );
    expectRefused(await as('provOfficer').send(P.update, { input: form }), 'FORBIDDEN');
    expectRefused(await as('csOfficer').send(P.update, { input: form }), 'NOT_FOUND');
    app = dataOf(
      await as('zzOfficer').send<{ updatePilotApplication: ApplicationView }>(P.update, { input: form }),
    ).updatePilotApplication;
    clock.advance(60_000);
    // The call requires a feasibility report: without it the dossier is incomplete.
    const incomplete = await transition(as('zzOfficer'), app, 'SUBMIT');
    expect(violationsOf(incomplete)).toEqual([
      {
        field: 'documents.FEASIBILITY_REPORT',
        rule: 'REQUIRED_DOCUMENT',
        message: '申报通知要求提交组建可行性报告，尚未附上',
      },
    ]);
    app = await completeDossier(as('zzOfficer'), app);
    expect(app.feasibilityReport).not.toBeNull();
    expect(app.form).toMatchObject({
      budgetFen: '100000000',
      ownInvestmentFen: '200000000',
      contactName: '王五',
    });
    expect(await auditCount('pilot_application.update')).toBe(2);
  });

  it('hides the draft from the province and from 长沙', async () => {
    for (const key of ['provOfficer', 'provAdmin', 'csAdmin'])
      expectRefused(await read(as(key), app.id), 'NOT_FOUND');
  });

  it('refuses submission while Art. 8 fails under the call’s measures, listing each failing condition', async () => {
    // A member joins; the agreement in effect is no longer signed by every current member.
    const newcomer = await formed.register.addOrganization({ type: 'ENTERPRISE' });
    await formed.register.addMember(formed.alliance.id, newcomer.id, 'MEMBER', '2026-11-01');
    const res = await transition(as('zzOfficer'), app, 'SUBMIT');
    expect(res.errors?.[0]?.extensions?.code, JSON.stringify(res.errors)).toBe('PILOT_TRANSITION_REFUSED');
    const fields = violationsOf(res).map((v) => v.field);
    expect(fields).toContain('foundingConditions.AGREEMENT');
    expect(fields.every((f) => f.startsWith('foundingConditions.'))).toBe(true);
    expect(violationsOf(res).find((v) => v.field === 'foundingConditions.AGREEMENT')!.message).toContain(
      '第八条第（二）项',
    );
    expect(dataOf(await read(as('zzOfficer'), app.id)).pilotApplication.state).toBe('DRAFT');
    expect(await auditCount('pilot_application.submit')).toBe(0);
    // Version 2 signed by all four puts the alliance back in order.
    const ids = [...formed.members.map((m) => m.id), newcomer.id];
    const agreement = await formed.register.createAgreement(formed.alliance.id, ids);
    for (const id of ids) await formed.register.sign(agreement.id, id, '2026-11-10');
  });

  it('refuses submission outside the call’s window, naming the window', async () => {
    const early = dataOf(
      await as('zzOfficer').send<{ createPilotApplication: ApplicationView }>(P.create, {
        input: { callId: futureCall.id, allianceId: formed.alliance.id },
      }),
    ).createPilotApplication;
    const res = await transition(as('zzOfficer'), early, 'SUBMIT');
    expect(res.errors?.[0]?.extensions?.code).toBe('PILOT_CALL_CLOSED');
    expect(res.errors?.[0]?.message).toContain('2026-12-29');
    expect(violationsOf(res).map((v) => v.field)).toEqual(['guard.CALL_OPEN']);
    await step(as('zzOfficer'), early, 'WITHDRAW', { reason: '改报下一批次' });
  });

  it('submits, freezing the dossier; the province and 长沙 still cannot see it', async () => {
    await expectNotAllowed([as('provOfficer'), as('csAdmin')], app, 'SUBMIT');
    app = await step(as('zzOfficer'), app, 'SUBMIT');
    expect(app.state).toBe('SUBMITTED');
    expect(app.submittedByName).toBe(`测试用户${users.zzOfficer!.username}`);
    const dossier = app.dossier as {
      alliance: { name: string; industryCode: string };
      members: { organizationId: string; creditCode: string; role: string }[];
      agreement: { version: number };
      foundingCheck: { allHold: boolean };
      measures: { id: string; versionNo: number };
    };
    expect(dossier.alliance).toMatchObject({ name: formed.alliance.name, industryCode: INDUSTRY });
    expect(dossier.members).toHaveLength(4);
    expect(dossier.members.every((m) => /^[0-9A-Z]{18}$/.test(m.creditCode))).toBe(true);
    expect(dossier.agreement.version).toBe(2);
    expect(dossier.foundingCheck.allHold).toBe(true);
    expect(dossier.measures).toMatchObject({ id: call.measures.id, versionNo: call.measures.versionNo });
    for (const key of ['provOfficer', 'provAdmin', 'csAdmin'])
      expectRefused(await read(as(key), app.id), 'NOT_FOUND');
    expect((await read(as('zzOfficer'), app.id)).data?.pilotApplication.availableActions).toEqual([
      'WITHDRAW',
    ]);
    expect((await read(as('zzAdmin'), app.id)).data?.pilotApplication.availableActions.sort()).toEqual([
      'NOT_RECOMMEND',
      'RECOMMEND',
      'RETURN',
      'WITHDRAW',
    ]);
  });

  it('lets only the home bureau’s admin recommend, with an opinion', async () => {
    await expectNotAllowed([as('zzOfficer'), as('provAdmin'), as('csAdmin')], app, 'RECOMMEND');
    await expectNotAllowed([as('zzOfficer'), as('provAdmin')], app, 'NOT_RECOMMEND');
    const bare = await transition(as('zzAdmin'), app, 'RECOMMEND', { opinion: '  ' });
    expect(bare.errors?.[0]?.extensions?.code).toBe('PILOT_TRANSITION_REFUSED');
    expect(violationsOf(bare).map((v) => v.field)).toEqual(['guard.OPINION_GIVEN']);
    app = await step(as('zzAdmin'), app, 'RECOMMEND', { opinion: '同意推荐，联盟运行规范' });
    expect(app).toMatchObject({ state: 'RECOMMENDED', recommendationOpinion: '同意推荐，联盟运行规范' });
    expect(app.recommendedByName).toBe(`测试用户${users.zzAdmin!.username}`);
  });

  it('shows it to the province once recommended, never to 长沙', async () => {
    const seen = dataOf(await read(as('provOfficer'), app.id)).pilotApplication;
    expect(seen).toMatchObject({
      state: 'RECOMMENDED',
      allianceName: formed.alliance.name,
      industry: { code: INDUSTRY },
    });
    expect(seen.availableActions.sort()).toEqual(['ACCEPT', 'REFUSE', 'RETURN']);
    expectRefused(await read(as('csAdmin'), app.id), 'NOT_FOUND');
    const received = dataOf(
      await as('provOfficer').send<{ pilotApplications: { id: string }[] }>(P.applications, {
        filter: { scope: 'RECEIVED', callId: call.id },
      }),
    ).pilotApplications;
    expect(received.map((a) => a.id)).toContain(app.id);
  });

  it('lists it from the frozen dossier, whether or not the list asks for the dossier itself', async () => {
    type Row = {
      id: string;
      allianceName: string;
      industry: { code: string };
      call: { title: string };
      dossier?: { members: unknown[] };
    };
    const fields = 'id allianceName industry { code } call { title }';
    const list = async (selection: string) =>
      dataOf(
        await as('provOfficer').send<{ pilotApplications: Row[] }>(
          `query ($filter: PilotApplicationFilterInput!) { pilotApplications(filter: $filter) { ${selection} } }`,
          { filter: { scope: 'RECEIVED', callId: call.id } },
        ),
      ).pilotApplications.find((a) => a.id === app.id)!;
    const shown = await list(fields);
    const whole = await list(`${fields} dossier`);
    // The province reads no city's register: the name and industry come from the dossier alone.
    expect(shown).toEqual({
      id: app.id,
      allianceName: formed.alliance.name,
      industry: { code: INDUSTRY },
      call: { title: call.title },
    });
    expect({ ...whole, dossier: undefined }).toEqual({ ...shown, dossier: undefined });
    expect(whole.dossier?.members.length).toBeGreaterThan(0);
  });

  it('returns it with a reason; the bureau revises, resubmits and recommends again', async () => {
    await expectNotAllowed([as('zzOfficer'), as('zzAdmin'), as('csAdmin')], app, 'ACCEPT');
    const bare = await transition(as('provOfficer'), app, 'RETURN');
    expect(violationsOf(bare).map((v) => v.field)).toEqual(['guard.REASON_GIVEN']);
    app = await step(as('provOfficer'), app, 'RETURN', { reason: '请补充经费预算说明' });
    expect(app).toMatchObject({ state: 'RETURNED', lastReason: '请补充经费预算说明' });
    const officerView = dataOf(await read(as('zzOfficer'), app.id)).pilotApplication;
    expect(officerView.availableActions.sort()).toEqual(['SUBMIT', 'WITHDRAW']);
    app = dataOf(
      await as('zzOfficer').send<{ updatePilotApplication: ApplicationView }>(P.update, {
        input: {
          id: app.id,
          version: app.version,
          ...app.form,
          budgetFen: '120000000',
          feasibilityDocumentId: app.feasibilityReport!.id,
          attachmentIds: [],
        },
      }),
    ).updatePilotApplication;
    clock.advance(60_000);
    app = await step(as('zzOfficer'), app, 'SUBMIT');
    app = await step(as('zzAdmin'), app, 'RECOMMEND', { opinion: '已补充，同意推荐' });
    expect(app.state).toBe('RECOMMENDED');
  });

  it('accepts it; a panel must be complete before review starts', async () => {
    app = await step(as('provOfficer'), app, 'ACCEPT');
    expect(app.state).toBe('ACCEPTED');
    await expectNotAllowed([as('zzOfficer'), as('zzAdmin'), as('csAdmin')], app, 'START_REVIEW');
    const early = await transition(as('provOfficer'), app, 'START_REVIEW');
    expect(violationsOf(early).map((v) => [v.field, v.message])).toEqual([
      ['guard.PANEL_COMPLETE', '评审专家组尚未配齐（需 5 人，已选 0 人）'],
    ]);
    experts = await seatPanel(api, as('provOfficer'), PROVINCE, app, INDUSTRY, 5);
    app = await step(as('provOfficer'), app, 'START_REVIEW');
    expect(app.state).toBe('IN_REVIEW');
  });

  it('lets experts read only what they are assigned, without timeline or objections', async () => {
    const seen = dataOf(await read(experts[0]!, app.id)).pilotApplication;
    expect(seen).toMatchObject({ state: 'IN_REVIEW', timeline: [], objections: [], availableActions: [] });
    expect(seen.call.id).toBe(call.id);
    const work = dataOf(
      await experts[0]!.send<{ workList: { items: { kind: string; applicationId: string }[] } }>(P.workList),
    ).workList;
    expect(work.items).toContainEqual(expect.objectContaining({ kind: 'SCORE', applicationId: app.id }));
    await expectNotAllowed([experts[0]!], app, 'CLOSE_REVIEW');
  });

  it('closes the review only once every sheet is in', async () => {
    const early = await transition(as('provOfficer'), app, 'CLOSE_REVIEW');
    expect(violationsOf(early).map((v) => v.field)).toEqual(['guard.ALL_SHEETS_SUBMITTED']);
    await scoreAll(experts, app.id, 85);
    const work = dataOf(
      await as('provOfficer').send<{ workList: { items: { kind: string; applicationId: string }[] } }>(
        P.workList,
      ),
    ).workList;
    expect(work.items).toContainEqual(
      expect.objectContaining({ kind: 'CLOSE_REVIEW', applicationId: app.id }),
    );
    await expectNotAllowed([as('zzAdmin'), as('csAdmin')], app, 'CLOSE_REVIEW');
    app = await step(as('provOfficer'), app, 'CLOSE_REVIEW');
    expect(app.state).toBe('REVIEWED');
  });

  it('publishes a notice of the measures’ period; only the province’s admin decides', async () => {
    await expectNotAllowed([as('provOfficer'), as('zzAdmin')], app, 'APPROVE');
    await expectNotAllowed([as('zzAdmin'), as('csAdmin')], app, 'PUBLICISE');
    app = await step(as('provOfficer'), app, 'PUBLICISE');
    expect(app).toMatchObject({
      state: 'PUBLICISED',
      noticeStartsOn: '2026-11-29',
      noticeEndsOn: '2026-12-04',
    });
    const early = await transition(as('provAdmin'), app, 'APPROVE', { reason: '同意确认为省级试点联盟' });
    expect(violationsOf(early).map((v) => v.field)).toEqual(['guard.NOTICE_PERIOD_OVER']);
  });

  it('records an objection, which must be answered before the decision', async () => {
    expectRefused(
      await as('zzAdmin').send(P.record, {
        id: app.id,
        on: chinaDate(clock.now()),
        who: '某企业',
        what: '成员单位资质存疑',
      }),
      'FORBIDDEN',
    );
    const objection = dataOf(
      await as('provOfficer').send<{ recordPilotObjection: { id: string } }>(P.record, {
        id: app.id,
        on: chinaDate(clock.now()),
        who: '某企业',
        what: '成员单位资质存疑',
      }),
    ).recordPilotObjection;
    clock.advance(6 * DAY);
    await relogin();
    const open = await transition(as('provAdmin'), app, 'APPROVE', { reason: '同意确认为省级试点联盟' });
    expect(violationsOf(open).map((v) => v.field)).toEqual(['guard.OBJECTIONS_ANSWERED']);
    const work = dataOf(
      await as('provOfficer').send<{ workList: { items: { kind: string; applicationId: string }[] } }>(
        P.workList,
      ),
    ).workList;
    expect(work.items).toContainEqual(
      expect.objectContaining({ kind: 'ANSWER_OBJECTION', applicationId: app.id }),
    );
    dataOf(await as('provOfficer').send(P.answer, { id: objection.id, answer: '经核实，成员资质符合要求' }));
    expectRefused(
      await as('provOfficer').send(P.answer, { id: objection.id, answer: '再答一次' }),
      'OBJECTION_ANSWERED',
    );
    const seen = dataOf(await read(as('provOfficer'), app.id)).pilotApplication;
    expect(seen.objections).toEqual([
      { id: objection.id, objector: '某企业', answer: '经核实，成员资质符合要求' },
    ]);
    expect(dataOf(await read(as('zzOfficer'), app.id)).pilotApplication.objections).toEqual([]);
  });

  it('approves with a written decision and its basis; the alliance becomes a provincial pilot on every list', async () => {
    const bare = await transition(as('provAdmin'), app, 'APPROVE');
    expect(violationsOf(bare).map((v) => v.field)).toEqual(['guard.REASON_GIVEN']);
    app = await step(as('provAdmin'), app, 'APPROVE', { reason: '同意确认为省级试点联盟' });
    expect(app).toMatchObject({ state: 'APPROVED', decisionReason: '同意确认为省级试点联盟' });
    expect(app.decisionBasis).toMatchObject({
      total: 85,
      passes: true,
      sheets: 5,
      passMark: expect.any(Number) as unknown,
      measuresId: call.measures.id,
      measuresVersionNo: call.measures.versionNo,
    });
    const [alliance] = await db.rows<{ pilot_status: string; pilot_since: string }>(
      `SELECT pilot_status, to_char(pilot_since, 'YYYY-MM-DD') AS pilot_since FROM alliance WHERE id = $1`,
      [formed.alliance.id],
    );
    expect(alliance).toEqual({ pilot_status: 'PROVINCIAL_PILOT', pilot_since: '2026-12-05' });
    // The 株洲 register shows it with its date and the application that made it one.
    const registered = dataOf(
      await as('zzOfficer').send<{
        alliance: { pilotStatus: string; pilotSince: string; pilotApplicationId: string };
      }>(`query ($id: ID!) { alliance(id: $id) { pilotStatus pilotSince pilotApplicationId } }`, {
        id: formed.alliance.id,
      }),
    ).alliance;
    expect(registered).toEqual({
      pilotStatus: 'PROVINCIAL_PILOT',
      pilotSince: '2026-12-05',
      pilotApplicationId: app.id,
    });
    for (const key of ['provOfficer', 'zzOfficer', 'csAdmin']) {
      const list = dataOf(
        await as(key).send<{ confirmedPilots: { applicationId: string; level: string }[] }>(P.confirmed),
      ).confirmedPilots;
      expect(list).toContainEqual(expect.objectContaining({ applicationId: app.id, level: 'PROVINCIAL' }));
    }
    const late = await transition(as('zzOfficer'), app, 'WITHDRAW', { reason: '撤回' });
    expect(violationsOf(late).map((v) => v.rule)).toEqual(['NOT_ALLOWED_IN_STATE']);
  });

  it('keeps one audit event per action and a timeline across both tiers', async () => {
    for (const [action, n] of [
      ['submit', 2],
      ['recommend', 2],
      ['return', 1],
      ['accept', 1],
      ['start_review', 1],
      ['close_review', 1],
      ['publicise', 1],
      ['approve', 1],
    ] as const)
      expect(await auditCount(`pilot_application.${action}`), action).toBe(n);
    const timeline = dataOf(await read(as('zzOfficer'), app.id)).pilotApplication.timeline;
    expect(timeline.map((e) => e.action)).toEqual([
      'pilot_application.create',
      'pilot_application.update',
      'pilot_application.update',
      'pilot_application.submit',
      'pilot_application.recommend',
      'pilot_application.return',
      'pilot_application.update',
      'pilot_application.submit',
      'pilot_application.recommend',
      'pilot_application.accept',
      'pilot_application.start_review',
      'pilot_application.close_review',
      'pilot_application.publicise',
      'pilot_application.approve',
    ]);
    expect(timeline.find((e) => e.action === 'pilot_application.return')).toMatchObject({
      toState: 'RETURNED',
      opinion: '请补充经费预算说明',
    });
    expect(new Set(timeline.map((e) => e.tierName)).size).toBe(2);
    expect(dataOf(await read(as('provAdmin'), app.id)).pilotApplication.timeline).toHaveLength(
      timeline.length,
    );
  });
});
