import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANGSHA, staff } from '../pilots/pilot-client';
import { createExpert, expertAccount, expertName, OPS, organization } from '../reviews/review-fixtures';
import { asAdmin, errorCode, startTestApi, type TestApi } from '../support/harness';
import { dataOf, violationsOf } from '../support/register-client';
import { TestClock } from '../support/test-clock';
import {
  act,
  type ApplicationView,
  draftApplication,
  formInput,
  programmeCallInput,
  PA,
  type Pilot,
  provincialPilot,
  scoreAll,
  seatPanel,
  taskContract,
  transition,
  verifiedInvestment,
  workOn,
  type World,
  world,
  YUAN,
} from './programme-application-client';
import { recordedDebarment } from './programme-client';

// Issue 11's story on the application engine: the province publishes a 2027 plan-project call; a
// 株洲 provincial pilot declares ¥5,000,000 of prior investment, the province verifies ¥4,000,000;
// asking ¥5,000,000 is refused naming Art. 14 and the ratio; ¥3,000,000 is recommended by 株洲's
// admin, accepted, reviewed by a panel and awarded with its task contract. The refusals of Art. 14,
// 18 and 20 and the debarment register each name their article (or decision and end date).

const INDUSTRY = 'SE0703';

describe('programme applications on the application engine', () => {
  const clock = new TestClock(new Date('2027-06-01T10:00:00+08:00'));
  let api: TestApi;
  let w: World;
  let pilot: Pilot;

  beforeAll(async () => {
    api = await startTestApi({ clock });
    w = await world(api, clock.now());
    pilot = await provincialPilot(w, INDUSTRY);
  });

  afterAll(async () => {
    await api?.close();
  });

  it("a city reads the province's published programme call; 长沙 reads it too, no draft leaves the province", async () => {
    const calls = dataOf(
      await w.zzOfficer.send<{ programmeCalls: { id: string }[] }>(PA.calls, {}),
    ).programmeCalls;
    expect(calls.map((c) => c.id)).toContain(w.call.id);
    const cs = (await staff(api, CHANGSHA, ['CITY_OFFICER'])).agent;
    const draft = dataOf(
      await w.provOfficer.send<{ createProgrammeCall: { id: string } }>(PA.createCall, {
        programmeId: w.programme.id,
        input: programmeCallInput(clock.now()),
      }),
    ).createProgrammeCall;
    const seen = dataOf(await cs.send<{ programmeCalls: { id: string }[] }>(PA.calls, {})).programmeCalls.map(
      (c) => c.id,
    );
    expect(seen).toContain(w.call.id);
    expect(seen).not.toContain(draft.id);
  });

  it('asks ¥5,000,000 on ¥4,000,000 verified of ¥5,000,000 declared: refused naming Art. 14 and the ratio; ¥3,000,000 goes through to the award', async () => {
    const investment = await verifiedInvestment(w, pilot, 5_000_000, 4_000_000);
    expect(investment).toMatchObject({ declaredFen: YUAN(5_000_000), verifiedFen: YUAN(4_000_000) });

    let a = await draftApplication(w, pilot, { requestedSupportFen: YUAN(5_000_000) });
    expect(a.form.requestedSupportFen).toBe(YUAN(5_000_000));
    const refused = await transition(w.zzOfficer, a, 'SUBMIT');
    expect(errorCode(refused)).toBe('PROGRAMME_NOT_ELIGIBLE');
    const ratio = violationsOf(refused).find((v) => v.rule === 'ABOVE_MATCH_RATIO');
    expect(ratio, JSON.stringify(refused.errors)).toBeDefined();
    expect(ratio!.field).toBe('requestedSupportFen');
    expect((ratio as unknown as { article: string }).article).toBe('第十四条');
    expect(ratio!.message).toContain('第十四条');
    expect(ratio!.message).toContain('1 : 1');
    expect(ratio!.message).toContain('4,000,000');

    a = dataOf(
      await w.zzOfficer.send<{ saveProgrammeApplicationForm: ApplicationView }>(PA.save, {
        input: formInput(a, pilot, { requestedSupportFen: YUAN(3_000_000) }),
      }),
    ).saveProgrammeApplicationForm;
    expect(a.form.requestedSupportFen).toBe(YUAN(3_000_000));
    expect(a.availableActions).toContain('SUBMIT');

    a = await act(w.zzOfficer, a, 'SUBMIT');
    expect(a.state).toBe('SUBMITTED');
    expect(a.allianceName).toBeTruthy();
    // Each step is on the work list of who takes it, pointing at the application.
    const kinds = async (agent: Parameters<typeof workOn>[0]) =>
      (await workOn(agent, a.id)).map((i) => i.kind);
    expect(await workOn(w.zzAdmin, a.id)).toEqual([
      {
        kind: 'RECOMMEND',
        subject: 'PROGRAMME_APPLICATION',
        subjectId: a.id,
        href: `/programmes/applications/${a.id}`,
      },
    ]);
    expect(await kinds(w.zzOfficer)).toEqual([]);
    // The province does not see it before it is recommended.
    expect(errorCode(await w.provOfficer.send(PA.application, { id: a.id }))).toBe('NOT_FOUND');
    // The submitter's colleague officer cannot recommend; the city's admin can.
    expect(errorCode(await transition(w.zzOfficer, a, 'RECOMMEND', { opinion: '同意' }))).toBe('FORBIDDEN');
    a = await act(w.zzAdmin, a, 'RECOMMEND', { opinion: '同意推荐' });
    expect(a.state).toBe('RECOMMENDED');
    expect(await kinds(w.provOfficer)).toEqual(['CHECK']);
    expect(await kinds(w.zzAdmin)).toEqual([]);
    a = await act(w.provOfficer, a, 'ACCEPT');
    expect(await kinds(w.provOfficer)).toEqual(['ASSIGN_PANEL']);

    const panelApp = a;
    const experts = await seatPanel(api, w, panelApp.id, INDUSTRY);
    a = await act(w.provOfficer, a, 'START_REVIEW');
    expect(await kinds(w.provOfficer)).toEqual([]);
    expect(await kinds(experts[0]!)).toEqual(['SCORE']);
    expect(errorCode(await transition(w.provOfficer, a, 'FINISH_REVIEW'))).toBe(
      'PROGRAMME_APPLICATION_REFUSED',
    );
    await scoreAll(experts, a.id);
    expect(await kinds(w.provOfficer)).toEqual(['CLOSE_REVIEW']);
    a = await act(w.provOfficer, a, 'FINISH_REVIEW');
    expect(a.state).toBe('REVIEWED');
    expect(await kinds(w.provAdmin)).toEqual(['DECIDE']);
    expect(await kinds(w.provOfficer)).toEqual([]);

    const adminView = dataOf(
      await w.provAdmin.send<{ programmeApplication: ApplicationView }>(PA.application, { id: a.id }),
    ).programmeApplication;
    expect(adminView.availableActions.sort()).toEqual(['AWARD', 'DECLINE']);
    expect(
      errorCode(
        await transition(w.provOfficer, a, 'AWARD', {
          reason: '同意立项',
          awardFen: YUAN(3_000_000),
          taskContract: taskContract(3_000_000),
        }),
      ),
    ).toBe('FORBIDDEN');
    const above = await transition(w.provAdmin, a, 'AWARD', {
      reason: '同意立项',
      awardFen: YUAN(3_500_000),
      taskContract: taskContract(3_500_000),
    });
    expect(errorCode(above)).toBe('PROGRAMME_NOT_ELIGIBLE');
    expect(violationsOf(above).map((v) => v.rule)).toEqual(
      expect.arrayContaining(['ABOVE_PROJECT_CAP', 'WITHIN_REQUEST']),
    );
    const badContract = await transition(w.provAdmin, a, 'AWARD', {
      reason: '同意立项',
      awardFen: YUAN(3_000_000),
      taskContract: { ...taskContract(3_000_000), milestones: [] },
    });
    expect(errorCode(badContract)).toBe('BAD_USER_INPUT');
    expect(violationsOf(badContract).map((v) => v.field)).toContain('taskContract.milestones');

    a = await act(w.provAdmin, a, 'AWARD', {
      reason: '经专家评审，同意立项支持',
      awardFen: YUAN(3_000_000),
      taskContract: taskContract(3_000_000),
    });
    expect(a).toMatchObject({ state: 'AWARDED', awardFen: YUAN(3_000_000) });
    expect(await kinds(w.provAdmin)).toEqual([]);
    expect(a.decisionBasis).toMatchObject({
      awardFen: YUAN(3_000_000),
      verifiedInvestmentFen: YUAN(4_000_000),
      supportCeilingFen: YUAN(4_000_000),
    });
    const stored = await asAdmin((c) =>
      c.query<{ task_contract: { budget: { totalFen: string } } }>(
        `SELECT task_contract FROM programme_application WHERE id = $1`,
        [a.id],
      ),
    );
    expect(stored.rows[0]!.task_contract.budget.totalFen).toBe(YUAN(4_000_000));
    // The award opened its project (立项) in the same transaction: the province's, in progress,
    // under the contract awarded, and the alliance's city reads it.
    const opened = await asAdmin((c) =>
      c.query<{ parties_match: boolean; state: string; award_fen: string; total: string }>(
        `SELECT p.tenant_id = a.authority_tenant_id AND p.alliance_tenant_id = a.tenant_id
                  AND p.programme_id = a.programme_id AND p.alliance_id = a.alliance_id AS parties_match,
                p.state, p.award_fen::text, p.dossier -> 'budget' ->> 'totalFen' AS total
           FROM project p JOIN programme_application a ON a.id = p.application_id
          WHERE p.application_id = $1`,
        [a.id],
      ),
    );
    expect(opened.rows).toEqual([
      { parties_match: true, state: 'IN_PROGRESS', award_fen: YUAN(3_000_000), total: YUAN(4_000_000) },
    ]);
  });

  it('refuses a non-pilot naming Art. 14', async () => {
    const plain = await provincialPilot(w, INDUSTRY, false);
    await verifiedInvestment(w, plain, 5_000_000, 5_000_000);
    const a = await draftApplication(w, plain);
    const res = await transition(w.zzOfficer, a, 'SUBMIT');
    expect(errorCode(res)).toBe('PROGRAMME_NOT_ELIGIBLE');
    const v = violationsOf(res).find((x) => x.rule === 'PILOT_LEVEL');
    expect(v?.message).toContain('第十四条');
  });

  it('refuses without the commitment letter or with another unit than the chair responsible, naming Art. 18', async () => {
    const other = await provincialPilot(w, INDUSTRY);
    await verifiedInvestment(w, other, 5_000_000, 5_000_000);
    const [chair, second] = other.members;
    const noLetter = await draftApplication(w, other, {
      documents: formInput({ id: '', version: 0 }, other).documents.filter(
        (d) => d.kind !== 'COMMITMENT_LETTER',
      ),
    });
    const res = await transition(w.zzOfficer, noLetter, 'SUBMIT');
    expect(errorCode(res)).toBe('PROGRAMME_NOT_ELIGIBLE');
    const letter = violationsOf(res).find((x) => x.rule === 'COMMITMENT_LETTER_REQUIRED');
    expect(letter?.message).toContain('第十八条');
    expect(chair).toBeDefined();
    const wrongUnit = dataOf(
      await w.zzOfficer.send<{ saveProgrammeApplicationForm: ApplicationView }>(PA.save, {
        input: formInput(noLetter, other, { responsibleUnitId: second!.id }),
      }),
    ).saveProgrammeApplicationForm;
    const res2 = await transition(w.zzOfficer, wrongUnit, 'SUBMIT');
    const unit = violationsOf(res2).find((x) => x.rule === 'NOT_CHAIR_UNIT');
    expect(unit?.field).toBe('responsibleUnit');
    expect(unit?.message).toContain('第十八条');
  });

  it('refuses a debarred participant naming the decision and its end date', async () => {
    const other = await provincialPilot(w, INDUSTRY);
    await verifiedInvestment(w, other, 5_000_000, 5_000_000);
    const debarment = await recordedDebarment(w.provAdmin, other.members[2]!.id, { fromDate: '2027-05-20' });
    const a = await draftApplication(w, other);
    const res = await transition(w.zzOfficer, a, 'SUBMIT');
    expect(errorCode(res)).toBe('PROGRAMME_NOT_ELIGIBLE');
    const v = violationsOf(res).find((x) => x.rule === 'DEBARRED');
    expect(v?.message).toContain(debarment.decisionDocument);
    expect(v?.message).toContain(debarment.untilDate.slice(0, 4));
    expect(v?.field).toBe('participants.2');
  });

  it('refuses IP terms that leave out the handling on dissolution, naming Art. 20(2)', async () => {
    const other = await provincialPilot(w, INDUSTRY);
    await verifiedInvestment(w, other, 5_000_000, 5_000_000);
    const base = formInput({ id: '', version: 0 }, other);
    const a = await draftApplication(w, other, { ipTerms: { ...base.ipTerms, onDissolution: '' } });
    const res = await transition(w.zzOfficer, a, 'SUBMIT');
    expect(errorCode(res)).toBe('PROGRAMME_NOT_ELIGIBLE');
    const v = violationsOf(res).find((x) => x.rule === 'IP_TERM_MISSING');
    expect(v?.field).toBe('ipTerms.onDissolution');
    expect(v?.message).toContain('第二十条第（二）项');
  });

  it('checks eligibility again at award: an alliance no longer a pilot is not awarded, naming Art. 14', async () => {
    const other = await provincialPilot(w, INDUSTRY);
    await verifiedInvestment(w, other, 5_000_000, 5_000_000);
    let a = await draftApplication(w, other);
    a = await act(w.zzOfficer, a, 'SUBMIT');
    a = await act(w.zzAdmin, a, 'RECOMMEND', { opinion: '同意推荐' });
    a = await act(w.provOfficer, a, 'ACCEPT');
    await asAdmin(async (c) => {
      await c.query(`UPDATE programme_application SET state = 'REVIEWED' WHERE id = $1`, [a.id]);
      await c.query(`UPDATE alliance SET pilot_status = 'CITY_PILOT' WHERE id = $1`, [other.allianceId]);
    });
    const res = await transition(w.provAdmin, a, 'AWARD', {
      reason: '同意立项',
      awardFen: YUAN(3_000_000),
      taskContract: taskContract(3_000_000),
    });
    expect(errorCode(res)).toBe('PROGRAMME_NOT_ELIGIBLE');
    const v = violationsOf(res).find((x) => x.rule === 'PILOT_LEVEL');
    expect(v?.message).toContain('第十四条');
  });

  it('refuses submission outside the call window with the window alone', async () => {
    const other = await provincialPilot(w, INDUSTRY);
    await verifiedInvestment(w, other, 5_000_000, 5_000_000);
    const closing = dataOf(
      await w.provOfficer.send<{ createProgrammeCall: { id: string; version: number } }>(PA.createCall, {
        programmeId: w.programme.id,
        input: programmeCallInput(clock.now(), {
          closesAt: new Date(clock.now().getTime() + 10 * 60_000).toISOString(),
        }),
      }),
    ).createProgrammeCall;
    const call = dataOf(
      await w.provAdmin.send<{ publishProgrammeCall: { id: string; version: number } }>(
        PA.publishCall,
        closing,
      ),
    ).publishProgrammeCall;
    const a = await draftApplication({ ...w, call }, other);
    clock.advance(20 * 60_000);
    const res = await transition(w.zzOfficer, a, 'SUBMIT');
    expect(errorCode(res)).toBe('PROGRAMME_CALL_CLOSED');
    expect(violationsOf(res)).toHaveLength(1);
    expect(res.errors?.[0]?.message).toContain('申报时间');
  });

  it('an expert whose employer is debarred is not seated on a programme panel', async () => {
    const other = await provincialPilot(w, INDUSTRY);
    await verifiedInvestment(w, other, 5_000_000, 5_000_000);
    let a = await draftApplication(w, other);
    a = await act(w.zzOfficer, a, 'SUBMIT');
    a = await act(w.zzAdmin, a, 'RECOMMEND', { opinion: '同意推荐' });
    a = await act(w.provOfficer, a, 'ACCEPT');
    const employer = await organization('被禁入的专家单位', '430000');
    await recordedDebarment(w.provAdmin, employer.id, { fromDate: '2027-05-20' });
    const account = await expertAccount('430000');
    const tainted = await createExpert(w.provOfficer, {
      name: expertName('受限专家'),
      title: '教授',
      domainCodes: [INDUSTRY],
      affiliations: [{ organizationId: employer.id }],
      accountUserId: account.id,
    });
    const others: string[] = [];
    for (let i = 0; i < 4; i++) {
      const acc = await expertAccount('430000');
      const org = await organization('评审专家单位', '430000');
      others.push(
        (
          await createExpert(w.provOfficer, {
            name: expertName(`计划专家${i}`),
            title: '研究员',
            domainCodes: [INDUSTRY],
            affiliations: [{ organizationId: org.id }],
            accountUserId: acc.id,
          })
        ).id,
      );
    }
    const res = await w.provOfficer.send(OPS.assign, {
      input: { applicationId: a.id, expertIds: [tainted.id, ...others] },
    });
    expect(errorCode(res)).toBe('EXPERT_CONFLICT');
    expect(violationsOf(res)[0]!.rule).toBe('DEBARRED_EMPLOYER');
    expect(violationsOf(res)[0]!.message).toContain('第二十条');
  });
});
