import { addCalendarDays, chinaDate, HUNAN_2016_PARAMETERS } from '@xiangmeng/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upload } from '../filings/filing-client';
import { PROVINCE, staff } from '../pilots/pilot-client';
import {
  act,
  draftApplication,
  PA,
  type Pilot,
  provincialPilot,
  reviewed,
  scoreAll,
  seatPanel,
  signInAgain,
  taskContract,
  verifiedInvestment,
  type World,
  world,
  YUAN,
} from '../programmes/programme-application-client';
import { recordedDebarment } from '../programmes/programme-client';
import { createExpert, expertAccount, expertName, OPS, organization } from '../reviews/review-fixtures';
import { AdminDb } from '../support/admin-db';
import { errorCode, type GraphqlAgent, startTestApi, type TestApi } from '../support/harness';
import { dataOf, violationsOf } from '../support/register-client';
import { TestClock } from '../support/test-clock';

// Acceptance (验收) of a project wired to the experts: the city asks for it with the final report
// and its documents; the province seats an acceptance panel from its pool under the conflict
// rules (a debarred employer refused at seating), the experts score it on their task list, the
// province finishes the review, publishes the acceptance notice of the programme's days, answers
// the objections and decides COMPLETED or FAILED with a reason — one decision of two at once.

const INDUSTRY = 'SE0703';
const DAY = 86_400_000;
const FIELDS = `id state version availableActions noticeStartsOn noticeEndsOn decisionBasis lastReason
  acceptance { requestedOn finalReport documentIds reviewStartedOn reviewedOn reviewTotal reviewPasses }
  acceptanceDocuments { documentId fileName }
  acceptancePanel { size complete sheetsSubmitted seats { assignmentId } }
  objections { id answer sustained }`;
type Acceptance = {
  id: string;
  state: string;
  version: number;
  availableActions: string[];
  noticeStartsOn: string | null;
  noticeEndsOn: string | null;
  decisionBasis: Record<string, unknown> | null;
  acceptance: {
    requestedOn: string;
    finalReport: string;
    documentIds: string[];
    reviewTotal: number | null;
    reviewPasses: boolean | null;
  } | null;
  acceptanceDocuments: { documentId: string; fileName: string }[];
  acceptancePanel: { size: number; complete: boolean; sheetsSubmitted: number; seats: unknown[] } | null;
  objections: { id: string; answer: string | null; sustained: boolean | null }[];
};
const Q = {
  project: `query ($id: ID!) { project(id: $id) { ${FIELDS} } }`,
  transition: `mutation ($input: TransitionProjectInput!) { transitionProject(input: $input) { ${FIELDS} } }`,
};

// Each case walks a whole award and acceptance: on a loaded machine that outlasts the default 30 s.
describe('acceptance of a project by an expert panel', { timeout: 120_000 }, () => {
  const clock = new TestClock(new Date('2027-06-01T10:00:00+08:00'));
  let api: TestApi;
  let w: World;
  let admin: AdminDb;

  beforeAll(async () => {
    api = await startTestApi({ clock });
    w = await world(api, clock.now(), { awardNoticeDays: 0, acceptanceNoticeDays: 5 });
    admin = await AdminDb.open();
  });

  afterAll(async () => {
    await admin?.close();
    await api?.close();
  });

  const read = async (agent: GraphqlAgent, id: string) =>
    dataOf(await agent.send<{ project: Acceptance }>(Q.project, { id })).project;
  const send = (agent: GraphqlAgent, p: { id: string; version: number }, action: string, extra = {}) =>
    agent.send<{ transitionProject: Acceptance }>(Q.transition, {
      input: { id: p.id, version: p.version, action, ...extra },
    });
  const move = async (agent: GraphqlAgent, p: { id: string; version: number }, action: string, extra = {}) =>
    dataOf(await send(agent, p, action, extra)).transitionProject;

  /** An awarded project of a fresh 株洲 pilot, in progress. */
  async function awardedProject(): Promise<{ project: Acceptance; pilot: Pilot }> {
    await signInAgain(api, w);
    const pilot = await provincialPilot(w, INDUSTRY);
    await verifiedInvestment(w, pilot, 4_000_000, 4_000_000);
    const draft = await draftApplication(w, pilot, { requestedSupportFen: YUAN(3_000_000) });
    const a = await reviewed(api, w, draft, INDUSTRY);
    await act(w.provAdmin, a, 'AWARD', {
      reason: '同意立项',
      awardFen: YUAN(3_000_000),
      taskContract: taskContract(3_000_000),
    });
    const [row] = await admin.rows<{ id: string }>('SELECT id FROM project WHERE application_id = $1', [
      a.id,
    ]);
    return { project: await read(w.provOfficer, row!.id), pilot };
  }

  async function requested(): Promise<{ project: Acceptance; pilot: Pilot; report: string }> {
    const { project, pilot } = await awardedProject();
    const report = await upload(w.zzOfficer, pilot.allianceId);
    const p = await move(w.zzOfficer, project, 'REQUEST_ACCEPTANCE', {
      text: '已完成任务书全部目标，发明专利申请 12 项。',
      details: { documentIds: [report] },
    });
    return { project: p, pilot, report };
  }

  it('refuses a request without its final report or with another alliance’s document, writing nothing', async () => {
    const { project, pilot } = await awardedProject();
    const before = await admin.rows('SELECT to_jsonb(p) AS row FROM project p WHERE id = $1', [project.id]);
    const empty = await send(w.zzOfficer, project, 'REQUEST_ACCEPTANCE', { text: '', details: {} });
    expect(errorCode(empty)).toBe('PROJECT_TRANSITION_REFUSED');
    expect(violationsOf(empty).map((v) => [v.field, v.rule])).toEqual([
      ['finalReport', 'REQUIRED'],
      ['documentIds', 'REQUIRED'],
    ]);
    const other = await provincialPilot(w, INDUSTRY);
    const foreign = await upload(w.zzOfficer, other.allianceId);
    const mine = await upload(w.zzOfficer, pilot.allianceId);
    const wrong = await send(w.zzOfficer, project, 'REQUEST_ACCEPTANCE', {
      text: '总结报告',
      details: { documentIds: [mine, foreign, 'not-an-id'] },
    });
    expect(violationsOf(wrong).map((v) => [v.field, v.rule])).toEqual([
      ['documentIds.1', 'NOT_FOUND'],
      ['documentIds.2', 'NOT_FOUND'],
    ]);
    expect(await admin.rows('SELECT to_jsonb(p) AS row FROM project p WHERE id = $1', [project.id])).toEqual(
      before,
    );
    // Only the responsible unit's side asks for acceptance.
    expect(
      errorCode(
        await send(w.provAdmin, project, 'REQUEST_ACCEPTANCE', {
          text: '总结',
          details: { documentIds: [mine] },
        }),
      ),
    ).toBe('FORBIDDEN');
  });

  it('runs request → panel → review → notice → COMPLETED, and refuses the decision during the notice', async () => {
    const { project: requestedProject, pilot, report } = await requested();
    let p = requestedProject;
    expect(p.state).toBe('ACCEPTANCE_REQUESTED');
    expect(p.acceptance).toMatchObject({ requestedOn: chinaDate(clock.now()), documentIds: [report] });
    // The province reads the report and its documents; the city does not see the panel.
    const seen = await read(w.provOfficer, p.id);
    expect(seen.acceptanceDocuments).toEqual([{ documentId: report, fileName: '推荐函.pdf' }]);
    expect(seen.acceptancePanel).toMatchObject({ complete: false, seats: [] });
    expect((await read(w.zzOfficer, p.id)).acceptancePanel).toBeNull();

    // No review without a full panel.
    expect(errorCode(await send(w.provOfficer, p, 'START_ACCEPTANCE_REVIEW'))).toBe(
      'PROJECT_TRANSITION_REFUSED',
    );

    // Seating applies the conflict rules to the project's parties, and refuses a debarred employer.
    const size = HUNAN_2016_PARAMETERS.review.expertsPerApplication;
    const pool = async (orgOf: (i: number) => Promise<{ id: string }>) => {
      const ids: string[] = [];
      for (let i = 0; i < size; i++)
        ids.push(
          (
            await createExpert(w.provOfficer, {
              name: expertName(`验收专家${i}`),
              title: '研究员',
              domainCodes: [INDUSTRY],
              affiliations: [{ organizationId: (await orgOf(i)).id }],
              accountUserId: (await expertAccount(PROVINCE)).id,
            })
          ).id,
        );
      return ids;
    };
    const ofChair = await pool((i) =>
      i === 0 ? Promise.resolve(pilot.chair) : organization('评审专家单位', PROVINCE),
    );
    const conflicted = await w.provOfficer.send(OPS.assign, {
      input: { applicationId: p.id, expertIds: ofChair },
    });
    expect(errorCode(conflicted)).toBe('EXPERT_CONFLICT');
    expect(violationsOf(conflicted)[0]!.rule).toBe('CONFLICT');
    const employer = await organization('被禁入的专家单位', PROVINCE);
    await recordedDebarment(w.provAdmin, employer.id, { fromDate: '2027-05-20' });
    const tainted = await pool((i) =>
      i === 0 ? Promise.resolve(employer) : organization('评审专家单位', PROVINCE),
    );
    const debarred = await w.provOfficer.send(OPS.assign, {
      input: { applicationId: p.id, expertIds: tainted },
    });
    expect(errorCode(debarred)).toBe('EXPERT_CONFLICT');
    expect(violationsOf(debarred)[0]!.rule).toBe('DEBARRED_EMPLOYER');

    const experts = await seatPanel(api, w, p.id, INDUSTRY);
    p = await read(w.provOfficer, p.id);
    expect(p.acceptancePanel).toMatchObject({ size, complete: true });
    p = await move(w.provOfficer, p, 'START_ACCEPTANCE_REVIEW');
    expect(p.state).toBe('ACCEPTANCE_REVIEW');
    // The experts find the acceptance on their task list and score it there.
    const mine = dataOf(
      await experts[0]!.send<{
        myReviewAssignments: { subjectKind: string; project: { id: string } | null }[];
      }>(PA.mine),
    ).myReviewAssignments;
    expect(mine).toContainEqual(
      expect.objectContaining({ subjectKind: 'PROJECT_ACCEPTANCE', project: { id: p.id } }),
    );
    expect(errorCode(await send(w.provOfficer, p, 'FINISH_ACCEPTANCE_REVIEW'))).toBe(
      'PROJECT_TRANSITION_REFUSED',
    );
    await scoreAll(experts, p.id, 82);
    p = await move(w.provOfficer, p, 'FINISH_ACCEPTANCE_REVIEW');
    expect(p).toMatchObject({
      state: 'ACCEPTANCE_REVIEWED',
      acceptance: { reviewTotal: 82, reviewPasses: true },
    });

    // The programme asks for an acceptance notice: passing directly is neither offered nor taken.
    expect((await read(w.provAdmin, p.id)).availableActions.sort()).toEqual([
      'FAIL_ACCEPTANCE',
      'PUBLICISE_ACCEPTANCE',
      'REVOKE',
      'TERMINATE',
    ]);
    expect(errorCode(await send(w.provAdmin, p, 'PASS_ACCEPTANCE', { text: '通过' }))).toBe(
      'PROJECT_TRANSITION_REFUSED',
    );
    const today = chinaDate(clock.now());
    p = await move(w.provOfficer, p, 'PUBLICISE_ACCEPTANCE');
    expect(p).toMatchObject({
      state: 'ACCEPTANCE_PUBLICISED',
      noticeStartsOn: today,
      noticeEndsOn: addCalendarDays(today, 5),
    });
    const early = await send(w.provAdmin, p, 'PASS_ACCEPTANCE', { text: '通过验收' });
    expect(errorCode(early)).toBe('SUPPORT_NOTICE_RUNNING');

    clock.advance(6 * DAY);
    await signInAgain(api, w);
    expect(errorCode(await send(w.provOfficer, p, 'PASS_ACCEPTANCE', { text: '通过验收' }))).toBe(
      'FORBIDDEN',
    );
    expect(errorCode(await send(w.provAdmin, p, 'PASS_ACCEPTANCE', { text: '' }))).toBe(
      'PROJECT_TRANSITION_REFUSED',
    );
    const mark = await admin.auditMark();
    p = await move(w.provAdmin, p, 'PASS_ACCEPTANCE', { text: '各项考核指标均已完成，同意通过验收' });
    expect(p).toMatchObject({ state: 'COMPLETED', lastReason: '各项考核指标均已完成，同意通过验收' });
    expect(p.decisionBasis).toMatchObject({ reviewTotal: 82, passes: true });
    const events = await admin.auditSince(mark);
    expect(events).toContainEqual(
      expect.objectContaining({
        action: 'project.pass_acceptance',
        subject_id: p.id,
        before: { state: 'ACCEPTANCE_PUBLICISED' },
        after: { state: 'COMPLETED', reason: '各项考核指标均已完成，同意通过验收' },
      }),
    );
    // A completed project takes no more steps.
    expect((await read(w.provAdmin, p.id)).availableActions).toEqual([]);
  });

  it('a returned request releases its panel: the experts lose the task, a new request is seated afresh', async () => {
    const { project, pilot } = await requested();
    const experts = await seatPanel(api, w, project.id, INDUSTRY);
    let p = await read(w.provOfficer, project.id);
    expect(p.acceptancePanel).toMatchObject({ complete: true });
    const tasks = async () =>
      dataOf(
        await experts[0]!.send<{ myReviewAssignments: { project: { id: string } | null }[] }>(PA.mine),
      ).myReviewAssignments.filter((s) => s.project?.id === project.id);
    expect(await tasks()).toHaveLength(1);

    const mark = await admin.auditMark();
    p = await move(w.provOfficer, p, 'RETURN_ACCEPTANCE', {
      text: '总结报告缺少经费决算表，请补充后重新申请',
    });
    expect(p.state).toBe('IN_PROGRESS');
    expect(await tasks()).toEqual([]);
    expect(await admin.auditSince(mark)).toContainEqual(
      expect.objectContaining({
        action: 'expert_assignment.release',
        subject_id: project.id,
        after: { reason: '验收申请已退回：总结报告缺少经费决算表，请补充后重新申请' },
      }),
    );

    // Asked again, the request waits for a panel of its own.
    const report = await upload(w.zzOfficer, pilot.allianceId);
    p = await move(w.zzOfficer, await read(w.zzOfficer, p.id), 'REQUEST_ACCEPTANCE', {
      text: '已补充经费决算表。',
      details: { documentIds: [report] },
    });
    expect(p.state).toBe('ACCEPTANCE_REQUESTED');
    expect((await read(w.provOfficer, p.id)).acceptancePanel).toMatchObject({ complete: false, seats: [] });
  });

  it('two admins deciding at once: one decision stands, the other is told the project changed', async () => {
    const { project } = await requested();
    let p = project;
    const experts = await seatPanel(api, w, p.id, INDUSTRY);
    p = await move(w.provOfficer, p, 'START_ACCEPTANCE_REVIEW');
    await scoreAll(experts, p.id, 70);
    p = await move(w.provOfficer, p, 'FINISH_ACCEPTANCE_REVIEW');
    p = await move(w.provOfficer, p, 'PUBLICISE_ACCEPTANCE');
    // A sustained objection leaves only failing.
    const objection = dataOf(
      await w.provOfficer.send<{ recordSupportObjection: { id: string } }>(PA.recordObjection, {
        input: {
          subjectType: 'project',
          subjectId: p.id,
          receivedOn: chinaDate(clock.now()),
          objector: '某研究院',
          content: '示范线并未投产。',
        },
      }),
    ).recordSupportObjection;
    clock.advance(6 * DAY);
    await signInAgain(api, w);
    expect(errorCode(await send(w.provAdmin, p, 'FAIL_ACCEPTANCE', { text: '未完成' }))).toBe(
      'SUPPORT_OBJECTION_OPEN',
    );
    dataOf(
      await w.provOfficer.send(PA.answerObjection, {
        input: { id: objection.id, answer: '经现场核查，示范线未投产，异议成立。', sustained: true },
      }),
    );
    expect(errorCode(await send(w.provAdmin, p, 'PASS_ACCEPTANCE', { text: '通过' }))).toBe(
      'SUPPORT_OBJECTION_SUSTAINED',
    );
    const second = (await staff(api, PROVINCE, ['PROVINCE_ADMIN'])).agent;
    const outcomes = await Promise.all([
      send(w.provAdmin, p, 'FAIL_ACCEPTANCE', { text: '示范线未投产，不通过验收' }),
      send(second, p, 'FAIL_ACCEPTANCE', { text: '不通过验收' }),
    ]);
    const codes = outcomes.map((o) => errorCode(o) ?? 'OK').sort();
    expect(codes).toEqual(['OK', 'PROJECT_CHANGED']);
    const final = await read(w.provAdmin, p.id);
    expect(final.state).toBe('FAILED');
    expect(
      await admin.count(
        `SELECT count(*) FROM audit_event WHERE action = 'project.fail_acceptance' AND subject_id = $1`,
        [p.id],
      ),
    ).toBe(1);
    // A failed project takes no tranche.
    const disburse = await w.provOfficer.send(
      `mutation ($input: LedgerEntryInput!) { disburseProject(input: $input) { id } }`,
      {
        input: {
          projectId: p.id,
          amountFen: YUAN(1),
          entryOn: chinaDate(clock.now()),
          documentNumber: '湘财〔2027〕1号',
        },
      },
    );
    expect(errorCode(disburse)).toBe('PROJECT_NOT_DISBURSABLE');
  });
});
