import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobScheduler } from '../../src/modules/jobs/job-scheduler';
import { drainJobs } from '../filings/filing-client';
import { upload } from '../filings/filing-client';
import { CHANGSHA, staff } from '../pilots/pilot-client';
import {
  act,
  type ApplicationView,
  PA,
  type Pilot,
  provincialPilot,
  scoreAll,
  seatPanel,
  taskContract,
  transition,
  world,
  type World,
  YUAN,
} from '../programmes/programme-application-client';
import { ledgerInput, Q } from '../projects/project-client';
import { organization } from '../reviews/review-fixtures';
import { asAdmin, errorCode, startTestApi, type TestApi } from '../support/harness';
import { dataOf, violationsOf } from '../support/register-client';
import { TestClock } from '../support/test-clock';
import {
  baseEvaluationInput,
  type BaseView,
  GERMAN_PARTNER,
  INTL,
  type InternationalProjectView,
  internationalForm,
  registeredBase,
} from './international-client';

// Issue 12, Art. 16: a 株洲 alliance (established, not a pilot) applies to the province's
// international cooperation programme for joint R&D with a German partner, its agreement
// attached; the application runs on the one engine to the award, which opens a project with its
// ledger; the international register shows the partner and 德国. A partner in mainland China or a
// unit that is not a member is refused naming the rule. And the alliance's city keeps the register
// of its cooperation bases: incubating → recognised → evaluated like a platform (不合格 → a year of
// rectification on the scheduler → re-evaluated: restored, or revoked with the reason).

const INDUSTRY = 'SE0703';

describe('international cooperation (Art. 16)', () => {
  const clock = new TestClock(new Date('2027-06-01T10:00:00+08:00'));
  let api: TestApi;
  let w: World;
  let alliance: Pilot;

  beforeAll(async () => {
    api = await startTestApi({ clock });
    w = await world(api, clock.now(), {
      kind: 'INTERNATIONAL_COOPERATION',
      name: '2027年度国际科技合作项目',
    });
    alliance = await provincialPilot(w, INDUSTRY, false);
  });

  afterAll(async () => {
    await api?.close();
  });

  // One live application per alliance and call: every form below is a save of the one draft.
  let applicationId = '';
  async function draft(particulars: Record<string, string> = {}, overrides: Record<string, unknown> = {}) {
    if (!applicationId)
      applicationId = dataOf(
        await w.zzOfficer.send<{ createProgrammeApplication: ApplicationView }>(PA.create, {
          input: { callId: w.call.id, allianceId: alliance.allianceId },
        }),
      ).createProgrammeApplication.id;
    const current = dataOf(
      await w.zzOfficer.send<{ programmeApplication: ApplicationView }>(PA.application, {
        id: applicationId,
      }),
    ).programmeApplication;
    const input = { ...(await internationalForm(w.zzOfficer, current, alliance, particulars)), ...overrides };
    return w.zzOfficer.send<{ saveProgrammeApplicationForm: ApplicationView }>(PA.save, { input });
  }

  it('refuses a partner in mainland China and a country code not in ISO 3166-1 when the form is saved', async () => {
    const china = await draft({ partnerCountry: 'CN' });
    expect(errorCode(china)).toBe('BAD_USER_INPUT');
    expect(violationsOf(china).map((v) => `${v.field} ${v.rule}`)).toEqual([
      'particulars.partnerCountry EXCLUDED_CODE',
    ]);
    const unknown = await draft({ partnerCountry: 'XX' });
    expect(violationsOf(unknown).map((v) => `${v.field} ${v.rule}`)).toEqual([
      'particulars.partnerCountry UNKNOWN_CODE',
    ]);
    const mode = await draft({ mode: 'TOURISM' });
    expect(violationsOf(mode).map((v) => `${v.field} ${v.rule}`)).toEqual(['particulars.mode ONE_OF']);
  });

  it('refuses at submission a participant that is not a member unit of the alliance, naming Art. 16', async () => {
    const outsider = await organization('非成员单位', '430200');
    const saved = dataOf(
      await draft(
        {},
        {
          participants: [
            { organizationId: alliance.chair.id, task: '系统集成' },
            { organizationId: outsider.id, task: '测试' },
          ],
          ipTerms: {
            ownership: '按协议约定',
            licensing: '优先许可省内单位实施',
            benefitShares: [],
            onDissolution: '由理事长单位承继',
            onMemberExit: '由其他成员承继',
          },
        },
      ),
    ).saveProgrammeApplicationForm;
    const refused = await transition(w.zzOfficer, saved, 'SUBMIT');
    expect(errorCode(refused)).toBe('PROGRAMME_NOT_ELIGIBLE');
    const rule = violationsOf(refused).find((v) => v.rule === 'NOT_MEMBER_UNIT');
    expect(rule?.field).toBe('participants.1');
    expect(rule?.message).toContain('第十六条');
  });

  it('a member registers joint R&D with a German partner and its agreement; the award opens a project with its ledger', async () => {
    let a = dataOf(await draft()).saveProgrammeApplicationForm;
    expect(a.form).toMatchObject({ title: '轨道交通牵引系统中德联合研发' });
    expect(a.documents.map((d) => d.kind)).toContain('INTERNATIONAL_AGREEMENT');
    a = await act(w.zzOfficer, a, 'SUBMIT');
    a = await act(w.zzAdmin, a, 'RECOMMEND', { opinion: '同意推荐' });
    a = await act(w.provOfficer, a, 'ACCEPT');
    const experts = await seatPanel(api, w, a.id, INDUSTRY);
    a = await act(w.provOfficer, a, 'START_REVIEW');
    await scoreAll(experts, a.id);
    a = await act(w.provOfficer, a, 'FINISH_REVIEW');
    a = await act(w.provAdmin, a, 'AWARD', {
      reason: '同意立项支持中德联合研发',
      awardFen: YUAN(2_000_000),
      taskContract: taskContract(2_000_000),
    });
    expect(a.state).toBe('AWARDED');

    for (const agent of [w.zzOfficer, w.provOfficer]) {
      const page = dataOf(
        await agent.send<{
          internationalProjects: { totalCount: number; items: InternationalProjectView[] };
        }>(INTL.projects, { filter: { partnerCountry: 'DE', first: 20, offset: 0 } }),
      ).internationalProjects;
      const project = page.items.find((p) => p.applicationId === a.id);
      expect(project).toMatchObject({
        title: '轨道交通牵引系统中德联合研发',
        awardFen: YUAN(2_000_000),
        partnerName: GERMAN_PARTNER,
        partnerCountry: 'DE',
        partnerCountryName: '德国',
        mode: 'JOINT_RESEARCH',
        responsibleUnitName: alliance.chair.name,
      });
      expect(project!.memberUnitNames).toHaveLength(3);
    }
    const project = dataOf(
      await w.provOfficer.send<{ internationalProjects: { items: InternationalProjectView[] } }>(
        INTL.projects,
        {},
      ),
    ).internationalProjects.items.find((p) => p.applicationId === a.id)!;
    // The ledger is the projects' own: a first tranche is disbursed as for any project.
    const disbursed = dataOf(
      await w.provOfficer.send<{ disburseProject: { amountFen: string } }>(Q.disburse, {
        input: ledgerInput(project.id, YUAN(500_000), { entryOn: '2027-06-01' }),
      }),
    ).disburseProject;
    expect(disbursed.amountFen).toBe(YUAN(500_000));
    // Nobody outside the parties reads it, and a filter outside ISO 3166-1 is refused by name.
    const cs = (await staff(api, CHANGSHA, ['CITY_OFFICER'])).agent;
    expect(errorCode(await cs.send(INTL.project, { id: project.id }))).toBe('NOT_FOUND');
    const none = dataOf(
      await cs.send<{ internationalProjects: { totalCount: number } }>(INTL.projects, {}),
    ).internationalProjects;
    expect(none.totalCount).toBe(0);
    const bad = await w.provOfficer.send(INTL.projects, {
      filter: { partnerCountry: 'GER', first: 20, offset: 0 },
    });
    expect(violationsOf(bad).map((v) => `${v.field} ${v.rule}`)).toEqual(['partnerCountry UNKNOWN_CODE']);
  });

  it('a cooperation base: registered incubating, recognised with its document, evaluated once a year, revoked', async () => {
    let base: BaseView = await registeredBase(w.zzOfficer, alliance.allianceId, alliance.chair.id);
    expect(base).toMatchObject({ status: 'INCUBATING', recognisedOn: null, evaluations: [] });
    const notYet = await w.zzOfficer.send(INTL.evaluate, { input: baseEvaluationInput(base) });
    expect(errorCode(notYet)).toBe('COOPERATION_BASE_TRANSITION_REFUSED');

    const decision = await upload(w.zzOfficer, alliance.allianceId);
    base = dataOf(
      await w.zzOfficer.send<{ recogniseCooperationBase: BaseView }>(INTL.recognise, {
        input: {
          id: base.id,
          version: base.version,
          recognisedOn: '2027-05-20',
          recognitionDocumentId: decision,
        },
      }),
    ).recogniseCooperationBase;
    expect(base).toMatchObject({
      status: 'RECOGNISED',
      recognisedOn: '2027-05-20',
      recognitionDocumentId: decision,
    });
    const again = await w.zzOfficer.send(INTL.recognise, {
      input: {
        id: base.id,
        version: base.version,
        recognisedOn: '2027-05-20',
        recognitionDocumentId: decision,
      },
    });
    expect(errorCode(again)).toBe('COOPERATION_BASE_TRANSITION_REFUSED');

    // Three experts score the scheme's five criteria: 85 everywhere is 合格, the base stays recognised.
    base = dataOf(
      await w.zzOfficer.send<{ recordCooperationBaseEvaluation: BaseView }>(INTL.evaluate, {
        input: baseEvaluationInput(base, { evaluatedOn: '2027-06-01', remarks: '合作稳定' }, 85),
      }),
    ).recordCooperationBaseEvaluation;
    expect(base).toMatchObject({ status: 'RECOGNISED', rectificationDueOn: null });
    expect(base.evaluations).toMatchObject([
      {
        year: 2027,
        grade: 'PASS',
        gradeLabel: '合格',
        total: '85.00',
        evaluatedOn: '2027-06-01',
        statusBefore: 'RECOGNISED',
        statusAfter: 'RECOGNISED',
        remarks: '合作稳定',
      },
    ]);
    expect(base.evaluations[0]!.sheets.map((sheet) => sheet.scores.length)).toEqual([5, 5, 5]);
    const twice = await w.zzOfficer.send(INTL.evaluate, { input: baseEvaluationInput(base, {}, 95) });
    expect(errorCode(twice)).toBe('COOPERATION_BASE_ALREADY_EVALUATED');

    const stale = await w.zzOfficer.send(INTL.revoke, {
      input: { id: base.id, version: base.version - 1, revokedOn: '2027-06-01', reason: '外方合作中断' },
    });
    expect(errorCode(stale)).toBe('COOPERATION_BASE_CHANGED');
    base = dataOf(
      await w.zzOfficer.send<{ revokeCooperationBase: BaseView }>(INTL.revoke, {
        input: { id: base.id, version: base.version, revokedOn: '2027-06-01', reason: '外方合作中断，撤销' },
      }),
    ).revokeCooperationBase;
    expect(base).toMatchObject({ status: 'REVOKED', revokedOn: '2027-06-01', recognisedOn: '2027-05-20' });
    const listed = dataOf(
      await w.zzOfficer.send<{ cooperationBases: { items: { id: string; status: string }[] } }>(INTL.bases, {
        filter: { status: 'REVOKED', first: 20, offset: 0 },
      }),
    ).cooperationBases.items;
    expect(listed).toContainEqual({ id: base.id, status: 'REVOKED' });
    expect(errorCode(await w.zzOfficer.send(INTL.evaluate, { input: baseEvaluationInput(base) }))).toBe(
      'COOPERATION_BASE_TRANSITION_REFUSED',
    );
  });

  /** A base of the alliance recognised in 2026, as the bureau registers one recognised before. */
  async function recognisedIn2026(): Promise<BaseView> {
    return registeredBase(w.zzOfficer, alliance.allianceId, alliance.chair.id, {
      status: 'RECOGNISED',
      recognisedOn: '2026-03-01',
      recognitionDocumentId: await upload(w.zzOfficer, alliance.allianceId),
    });
  }

  const audited = (id: string) =>
    asAdmin(
      async (c) =>
        (
          await c.query<{ action: string; after: Record<string, unknown> }>(
            `SELECT action, after FROM audit_event WHERE subject_id = $1 ORDER BY seq`,
            [id],
          )
        ).rows,
    );

  it('不合格 → a year of rectification on the scheduler → re-evaluated 合格: recognised again, every step audited', async () => {
    const base = await recognisedIn2026();
    const failed = dataOf(
      await w.zzOfficer.send<{ recordCooperationBaseEvaluation: BaseView }>(INTL.evaluate, {
        input: baseEvaluationInput(base, { year: 2026, evaluatedOn: '2026-06-15' }, 60),
      }),
    ).recordCooperationBaseEvaluation;
    expect(failed).toMatchObject({
      status: 'RECTIFYING',
      statusLabel: '整改中',
      rectificationDueOn: '2027-06-15',
    });
    expect(failed.evaluations[0]).toMatchObject({ grade: 'FAIL', total: '60.00', statusAfter: 'RECTIFYING' });
    const job = await asAdmin(
      async (c) =>
        (
          await c.query<{ run_at: Date }>(
            `SELECT run_at FROM job WHERE kind = 'cooperation_base.rectification_deadline' AND key = $1`,
            [`${base.id}:2027-06-15`],
          )
        ).rows,
    );
    expect(job.map((j) => new Date(j.run_at).toISOString())).toEqual([
      new Date('2027-06-16T00:00:00+08:00').toISOString(),
    ]);
    // The re-evaluation may fall in the year evaluated already.
    const restored = dataOf(
      await w.zzOfficer.send<{ recordCooperationBaseEvaluation: BaseView }>(INTL.evaluate, {
        input: baseEvaluationInput(failed, { year: 2026, evaluatedOn: '2027-05-30' }, 78),
      }),
    ).recordCooperationBaseEvaluation;
    expect(restored).toMatchObject({ status: 'RECOGNISED', rectificationDueOn: null, revokedOn: null });
    expect(restored.evaluations.map((e) => [e.grade, e.statusBefore, e.statusAfter])).toEqual([
      ['PASS', 'RECTIFYING', 'RECOGNISED'],
      ['FAIL', 'RECOGNISED', 'RECTIFYING'],
    ]);
    expect((await audited(base.id)).map((e) => [e.action, e.after.status, e.after.grade])).toEqual([
      ['cooperation_base.register', 'RECOGNISED', undefined],
      ['cooperation_base.evaluate', 'RECTIFYING', 'FAIL'],
      ['cooperation_base.evaluate', 'RECOGNISED', 'PASS'],
    ]);
  });

  it('failing the re-evaluation revokes the base with the reason; a revoked base takes no evaluation', async () => {
    const base = await recognisedIn2026();
    const failed = dataOf(
      await w.zzOfficer.send<{ recordCooperationBaseEvaluation: BaseView }>(INTL.evaluate, {
        input: baseEvaluationInput(base, { year: 2026, evaluatedOn: '2026-06-15' }, 50),
      }),
    ).recordCooperationBaseEvaluation;
    const revoked = dataOf(
      await w.zzOfficer.send<{ recordCooperationBaseEvaluation: BaseView }>(INTL.evaluate, {
        input: baseEvaluationInput(failed, { year: 2027, evaluatedOn: '2027-05-30' }, 65),
      }),
    ).recordCooperationBaseEvaluation;
    expect(revoked).toMatchObject({
      status: 'REVOKED',
      revokedOn: '2027-05-30',
      revocationReason: '整改后复评仍不合格，撤销认定',
      rectificationDueOn: null,
    });
    expect((await audited(base.id)).at(-1)).toMatchObject({
      action: 'cooperation_base.evaluate',
      after: { status: 'REVOKED', grade: 'FAIL', reason: '整改后复评仍不合格，撤销认定' },
    });
    expect(errorCode(await w.zzOfficer.send(INTL.evaluate, { input: baseEvaluationInput(revoked) }))).toBe(
      'COOPERATION_BASE_TRANSITION_REFUSED',
    );
  });

  it('the end of a rectification period tells the bureau a re-evaluation is due (the scheduler), once', async () => {
    const base = await recognisedIn2026();
    dataOf(
      await w.zzOfficer.send(INTL.evaluate, {
        input: baseEvaluationInput(base, { year: 2026, evaluatedOn: '2026-06-15' }, 40),
      }),
    );
    const scheduler = api.app.get(JobScheduler);
    const messages = () =>
      asAdmin(
        async (c) =>
          (
            await c.query<{ title: string; body: string; link: string }>(
              `SELECT title, body, link FROM message WHERE subject_id = $1 AND recipient_id = $2`,
              [base.id, w.zzOfficerUser.id],
            )
          ).rows,
      );
    // Due 2027-06-15 (China time): nothing on the day itself, the message from the day after.
    const toDueDay = new Date('2027-06-15T23:00:00+08:00').getTime() - clock.now().getTime();
    clock.advance(toDueDay);
    try {
      await drainJobs(scheduler);
      expect(await messages()).toEqual([]);
      clock.advance(2 * 3_600_000);
      await drainJobs(scheduler);
      await drainJobs(scheduler);
      expect(await messages()).toEqual([
        {
          title: '国际合作基地整改期满',
          body: `「${base.name}」的整改期限已于 2027-06-15 届满，请组织复评：复评仍不合格的撤销认定。`,
          link: '/international/bases',
        },
      ]);
    } finally {
      clock.advance(-(toDueDay + 2 * 3_600_000));
    }
  });
});
