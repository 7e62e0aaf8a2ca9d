import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { errorCode, startTestApi, type TestApi } from '../support/harness';
import { dataOf, violationsOf } from '../support/register-client';
import { TestClock } from '../support/test-clock';
import {
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
// of its cooperation bases: incubating → recognised → evaluated → revoked.

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
    const notYet = await w.zzOfficer.send(INTL.evaluate, {
      input: { baseId: base.id, year: 2027, grade: 'QUALIFIED', evaluatedOn: '2027-06-01', remarks: '' },
    });
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

    base = dataOf(
      await w.zzOfficer.send<{ recordCooperationBaseEvaluation: BaseView }>(INTL.evaluate, {
        input: {
          baseId: base.id,
          year: 2027,
          grade: 'UNQUALIFIED',
          evaluatedOn: '2027-06-01',
          remarks: '外方合作中断',
        },
      }),
    ).recordCooperationBaseEvaluation;
    expect(base.evaluations).toEqual([
      { year: 2027, grade: 'UNQUALIFIED', evaluatedOn: '2027-06-01', remarks: '外方合作中断' },
    ]);
    const twice = await w.zzOfficer.send(INTL.evaluate, {
      input: { baseId: base.id, year: 2027, grade: 'QUALIFIED', evaluatedOn: '2027-06-01', remarks: '' },
    });
    expect(errorCode(twice)).toBe('COOPERATION_BASE_ALREADY_EVALUATED');

    const stale = await w.zzOfficer.send(INTL.revoke, {
      input: { id: base.id, version: base.version - 1, revokedOn: '2027-06-01', reason: '评估不合格' },
    });
    expect(errorCode(stale)).toBe('COOPERATION_BASE_CHANGED');
    base = dataOf(
      await w.zzOfficer.send<{ revokeCooperationBase: BaseView }>(INTL.revoke, {
        input: { id: base.id, version: base.version, revokedOn: '2027-06-01', reason: '评估不合格，撤销' },
      }),
    ).revokeCooperationBase;
    expect(base).toMatchObject({ status: 'REVOKED', revokedOn: '2027-06-01', recognisedOn: '2027-05-20' });
    const listed = dataOf(
      await w.zzOfficer.send<{ cooperationBases: { items: { id: string; status: string }[] } }>(INTL.bases, {
        filter: { status: 'REVOKED', first: 20, offset: 0 },
      }),
    ).cooperationBases.items;
    expect(listed).toContainEqual({ id: base.id, status: 'REVOKED' });
  });
});
