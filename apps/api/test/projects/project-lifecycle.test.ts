import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobScheduler } from '../../src/modules/jobs/job-scheduler';
import { asAdmin, type GraphqlAgent, startTestApi, type TestApi, type TestUser } from '../support/harness';
import { dataOf, M } from '../support/register-client';
import { TestClock } from '../support/test-clock';
import { drainJobs } from '../filings/filing-client';
import { establishedAlliance, PROVINCE, staff, ZHUZHOU } from '../pilots/pilot-client';
import { G as PROGRAMME_G, recordedDebarment } from '../programmes/programme-client';
import { organization } from '../reviews/review-fixtures';
import {
  contractFor,
  ledgerInput,
  openProject,
  programmeOf,
  Q,
  type ProjectView,
  readProject,
  type Unit,
} from './project-client';

// A project's life on the engine: progress reports, a change approved by the authority (Art. 19),
// a participant change refused for a debarred unit (Art. 20(2)); the alliance dissolves, its
// projects freeze and reach the authority's to-dos (Art. 19); the authority revokes one with a
// recovery and a debarment, continues another under a named unit, terminates a third.

const AWARD = '300000000';

describe('the project lifecycle and the dissolution cascade', () => {
  const clock = new TestClock(new Date('2027-09-15T10:00:00+08:00'));
  let api: TestApi;
  let provOfficer: { user: TestUser; agent: GraphqlAgent };
  let provAdmin: { user: TestUser; agent: GraphqlAgent };
  let cityOfficer: { user: TestUser; agent: GraphqlAgent };
  let cityAdmin: { user: TestUser; agent: GraphqlAgent };
  let programmeId: string;
  let allianceId: string;
  let chair: Unit;
  let partner: Unit;

  const act = async (
    agent: GraphqlAgent,
    project: { id: string; version: number },
    action: string,
    text = '',
    details: Record<string, unknown> = {},
  ) =>
    agent.send<{ transitionProject: ProjectView }>(Q.transition, {
      input: { id: project.id, version: project.version, action, text, details },
    });
  const done = async (...args: Parameters<typeof act>) => dataOf(await act(...args)).transitionProject;
  type WorkItem = {
    kind: string;
    subject: string;
    subjectId: string;
    callTitle: string;
    dueAt: string | null;
    href: string;
  };
  const workOn = async (agent: GraphqlAgent, projectId: string) =>
    dataOf(
      await agent.send<{ workList: { items: WorkItem[] } }>(
        `{ workList { items { kind subject subjectId callTitle dueAt href } } }`,
      ),
    ).workList.items.filter((i) => i.subjectId === projectId);

  const open = async () =>
    openProject(api, provAdmin.user, {
      programmeId,
      allianceId,
      allianceTenantId: cityOfficer.user.tenantId,
      awardFen: AWARD,
      contract: contractFor(chair, partner, AWARD),
    });

  beforeAll(async () => {
    api = await startTestApi({ clock });
    provOfficer = await staff(api, PROVINCE, ['PROVINCE_OFFICER']);
    provAdmin = await staff(api, PROVINCE, ['PROVINCE_ADMIN']);
    cityOfficer = await staff(api, ZHUZHOU, ['CITY_OFFICER']);
    cityAdmin = await staff(api, ZHUZHOU, ['CITY_ADMIN']);
    programmeId = await programmeOf(PROVINCE);
    const established = await establishedAlliance(cityOfficer.agent, 'SE0702');
    allianceId = established.alliance.id;
    chair = { id: established.members[0]!.id, name: established.members[0]!.name };
    partner = { id: established.members[1]!.id, name: established.members[1]!.name };
  });

  afterAll(async () => {
    await api?.close();
  });

  it('takes a progress report once, and a change the city requests and a province admin approves', async () => {
    let project = await readProject(cityOfficer.agent, (await open()).id);
    const report = { summary: '已完成方案设计与关键材料小试', milestones: [] };
    project = await done(cityOfficer.agent, project, 'SUBMIT_ANNUAL_REPORT', '', {
      report: { ...report, year: 2027 },
    });
    expect(project.reports).toEqual([
      expect.objectContaining({ kind: 'ANNUAL', year: 2027, submittedOn: '2027-09-15' }),
    ]);
    const twice = await act(cityOfficer.agent, project, 'SUBMIT_ANNUAL_REPORT', '', {
      report: { ...report, year: 2027 },
    });
    expect(twice.errors?.[0]?.extensions?.code).toBe('PROJECT_TRANSITION_REFUSED');
    expect(twice.errors?.[0]?.message).toContain('该期报告已报送');

    const change = { kind: 'EXTENSION', newEndOn: '2029-12-31' };
    project = await done(cityOfficer.agent, project, 'REQUEST_CHANGE', '示范线设备到货延迟', { change });
    expect(project).toMatchObject({ state: 'CHANGE_REQUESTED', pendingChange: change });
    // On the province admin's work list, pointing at the project; not on the requesting side's.
    expect(await workOn(provAdmin.agent, project.id)).toEqual([
      {
        kind: 'APPROVE_CHANGE',
        subject: 'PROJECT',
        subjectId: project.id,
        callTitle: project.title,
        dueAt: null,
        href: `/projects/${project.id}`,
      },
    ]);
    expect(await workOn(cityOfficer.agent, project.id)).toEqual([]);
    expect(await workOn(provOfficer.agent, project.id)).toEqual([]);
    // The province sees it waiting; an officer may not approve (Art. 19's 核准 is an admin's).
    const asProvince = await readProject(provAdmin.agent, project.id);
    expect(asProvince.availableActions).toEqual(expect.arrayContaining(['APPROVE_CHANGE', 'REFUSE_CHANGE']));
    const byOfficer = await act(provOfficer.agent, project, 'APPROVE_CHANGE', '同意');
    expect(byOfficer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const noReason = await act(provAdmin.agent, project, 'APPROVE_CHANGE', '');
    expect(noReason.errors?.[0]?.extensions?.code).toBe('PROJECT_TRANSITION_REFUSED');
    project = await done(provAdmin.agent, project, 'APPROVE_CHANGE', '同意延期至 2029 年底');
    expect(project).toMatchObject({ state: 'IN_PROGRESS', pendingChange: null });
    expect(project.contract.endOn).toBe('2029-12-31');
    expect(await workOn(provAdmin.agent, project.id)).toEqual([]);
    // A stale version loses: exactly one step per version.
    const stale = await act(
      cityOfficer.agent,
      { ...project, version: project.version - 1 },
      'REQUEST_CHANGE',
      '再次',
      {
        change: { kind: 'RESPONSIBLE_PERSON', responsiblePerson: '赵六' },
      },
    );
    expect(stale.errors?.[0]?.extensions?.code).toBe('PROJECT_CHANGED');
  });

  it('refuses a participant change that brings in a debarred unit, naming the decision and its end', async () => {
    const project = await readProject(cityOfficer.agent, (await open()).id);
    const debarred = await organization('被禁入单位', ZHUZHOU);
    const debarment = await recordedDebarment(provAdmin.agent, debarred.id, { fromDate: '2027-09-01' });
    const change = {
      kind: 'PARTICIPANT_CHANGE',
      added: [{ organizationId: debarred.id, name: debarred.name, task: '测试验证' }],
      removedOrganizationIds: [],
      benefitShares: [
        { organizationId: chair.id, name: chair.name, basisPoints: 5000 },
        { organizationId: partner.id, name: partner.name, basisPoints: 4000 },
        { organizationId: debarred.id, name: debarred.name, basisPoints: 1000 },
      ],
    };
    const refused = await act(cityOfficer.agent, project, 'REQUEST_CHANGE', '增加验证单位', { change });
    expect(refused.errors?.[0]?.extensions?.code).toBe('PROJECT_TRANSITION_REFUSED');
    expect(refused.errors?.[0]?.message).toContain(debarment.decisionDocument);
    expect(refused.errors?.[0]?.message).toContain(debarment.untilDate);
    expect((await readProject(cityOfficer.agent, project.id)).state).toBe('IN_PROGRESS');
  });

  it('freezes the dissolving alliance’s open projects, tells the province, and stops payment', async () => {
    const revoked = await open();
    const continued = await open();
    const terminated = await open();
    dataOf(await provOfficer.agent.send(Q.disburse, { input: ledgerInput(revoked.id, '150000000') }));
    // The dissolution page lists them before the user confirms.
    const listed = dataOf(
      await cityAdmin.agent.send<{ openProjectsOfAlliance: { id: string }[] }>(Q.openOfAlliance, {
        allianceId,
      }),
    ).openProjectsOfAlliance.map((p) => p.id);
    expect(listed).toEqual(expect.arrayContaining([revoked.id, continued.id, terminated.id]));

    dataOf(
      await cityAdmin.agent.send(M.dissolveAlliance, {
        input: { allianceId, dissolvedOn: '2027-09-14', reason: '成员单位协商一致解散' },
      }),
    );
    await drainJobs(api.app.get(JobScheduler));
    await drainJobs(api.app.get(JobScheduler));

    for (const id of [revoked.id, continued.id, terminated.id]) {
      const p = await readProject(provAdmin.agent, id);
      expect(p.state).toBe('FROZEN');
      expect(p.availableActions.sort()).toEqual(['ADJUST', 'CONTINUE_UNDER_UNIT', 'REVOKE', 'TERMINATE']);
      expect((await readProject(cityOfficer.agent, id)).availableActions).toEqual([]);
    }
    const todo = await asAdmin(
      async (c) =>
        (
          await c.query<{ kind: string }>(
            `SELECT kind FROM message WHERE recipient_id = $1 AND subject_id = $2`,
            [provAdmin.user.id, revoked.id],
          )
        ).rows,
    );
    expect(todo).toEqual([{ kind: 'PROJECT_FROZEN' }]);
    // The province's to-dos list each, frozen, until it decides.
    for (const id of [revoked.id, continued.id, terminated.id])
      expect(await workOn(provAdmin.agent, id)).toEqual([
        expect.objectContaining({ kind: 'DISPOSE_FROZEN', subject: 'PROJECT', href: `/projects/${id}` }),
      ]);
    expect(await workOn(cityAdmin.agent, revoked.id)).toEqual([]);
    expect(dataOf(await cityAdmin.agent.send(Q.openOfAlliance, { allianceId }))).toEqual({
      openProjectsOfAlliance: [],
    });

    const frozenPay = await provOfficer.agent.send(Q.disburse, { input: ledgerInput(revoked.id, '1') });
    expect(frozenPay.errors?.[0]?.extensions?.code).toBe('PROJECT_FROZEN');

    // Revoked for fault: a recovery written to the ledger and the chair unit debarred, in one step.
    const frozen = await readProject(provAdmin.agent, revoked.id);
    const tooMuch = await act(provAdmin.agent, frozen, 'REVOKE', '联盟解散，违反知识产权约定', {
      recoveryFen: '150000001',
    });
    expect(tooMuch.errors?.[0]?.extensions?.code).toBe('PROJECT_TRANSITION_REFUSED');
    const decision = '湘科计〔2027〕88号';
    const after = await done(provAdmin.agent, frozen, 'REVOKE', '联盟解散，承担单位违反知识产权约定', {
      recoveryFen: '50000000',
      decisionDocument: decision,
      debar: [
        { organizationId: chair.id, decisionDocument: decision, reason: '未按约定许可省内单位实施项目成果' },
      ],
    });
    expect(after.state).toBe('REVOKED');
    expect(await workOn(provAdmin.agent, revoked.id)).toEqual([]);
    expect(after.decisionBasis).toMatchObject({ recoveryFen: '50000000', debarmentDocuments: [decision] });
    expect(after.ledger.map((e) => [e.kind, e.amountFen, e.documentNumber])).toEqual([
      ['DISBURSEMENT', '150000000', expect.any(String)],
      ['RECOVERY', '50000000', decision],
    ]);
    expect(after.totals).toMatchObject({ netFen: '100000000' });
    const { debarments } = dataOf(
      await cityAdmin.agent.send<{ debarments: { decisionDocument: string; untilDate: string }[] }>(
        PROGRAMME_G.debarments,
        { filter: { organizationId: chair.id } },
      ),
    );
    expect(debarments).toEqual([
      expect.objectContaining({ decisionDocument: decision, untilDate: '2032-09-15' }),
    ]);
    const closedPay = await provOfficer.agent.send(Q.disburse, { input: ledgerInput(revoked.id, '1') });
    expect(closedPay.errors?.[0]?.extensions?.code).toBe('PROJECT_NOT_DISBURSABLE');

    // Continued under a named unit: a debarred one is refused, another takes over.
    const c = await readProject(provAdmin.agent, continued.id);
    const underDebarred = await act(provAdmin.agent, c, 'CONTINUE_UNDER_UNIT', '由其他单位承接', {
      successorUnit: { organizationId: chair.id, task: '承接' },
    });
    expect(underDebarred.errors?.[0]?.message).toContain(decision);
    const successor = await organization('承接单位', ZHUZHOU);
    const resumed = await done(provAdmin.agent, c, 'CONTINUE_UNDER_UNIT', '由承接单位继续实施', {
      successorUnit: { organizationId: successor.id, task: '承接全部任务' },
    });
    expect(resumed.state).toBe('IN_PROGRESS');
    expect(resumed.contract.responsibleUnit).toEqual({ organizationId: successor.id, name: successor.name });
    dataOf(await provOfficer.agent.send(Q.disburse, { input: ledgerInput(continued.id, '1000') }));

    // Adjusted directly by the authority (an extension), then ended without fault.
    const t = await readProject(provAdmin.agent, terminated.id);
    const noChange = await act(provAdmin.agent, t, 'ADJUST', '调整后继续', {});
    expect(noChange.errors?.[0]?.extensions?.code).toBe('PROJECT_TRANSITION_REFUSED');
    const adjusted = await done(provAdmin.agent, t, 'ADJUST', '调整执行期后继续实施', {
      change: { kind: 'EXTENSION', newEndOn: '2030-06-30' },
    });
    expect(adjusted).toMatchObject({ state: 'IN_PROGRESS', frozenAt: null });
    expect(adjusted.contract.endOn).toBe('2030-06-30');
    expect((await done(provAdmin.agent, adjusted, 'TERMINATE', '项目无法继续实施')).state).toBe('TERMINATED');
  });
});
