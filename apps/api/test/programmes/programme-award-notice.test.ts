import { addCalendarDays, chinaDate } from '@xiangmeng/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminDb } from '../support/admin-db';
import { errorCode, startTestApi, type TestApi } from '../support/harness';
import { dataOf, violationsOf } from '../support/register-client';
import { TestClock } from '../support/test-clock';
import {
  act,
  type ApplicationView,
  draftApplication,
  PA,
  provincialPilot,
  reviewed,
  signInAgain,
  taskContract,
  transition,
  verifiedInvestment,
  type World,
  world,
  YUAN,
} from './programme-application-client';

// The optional notice (公示) before a programme award: a programme of five notice days publicises
// the reviewed application; the award waits for the notice's end (China calendar), for every
// objection's answer, and is refused outright once an objection was sustained.

const INDUSTRY = 'SE0703';
const DAY = 86_400_000;
const AWARD = { reason: '同意立项', awardFen: YUAN(3_000_000), taskContract: taskContract(3_000_000) };

// Each case walks a whole application through review: on a loaded machine that outlasts the default 30 s.
describe('the award notice of a programme with notice days', { timeout: 120_000 }, () => {
  const clock = new TestClock(new Date('2027-06-01T10:00:00+08:00'));
  let api: TestApi;
  let w: World;
  let admin: AdminDb;

  beforeAll(async () => {
    api = await startTestApi({ clock });
    w = await world(api, clock.now(), { awardNoticeDays: 5 });
    admin = await AdminDb.open();
  });

  afterAll(async () => {
    await admin?.close();
    await api?.close();
  });

  async function reviewedApplication(): Promise<ApplicationView> {
    await signInAgain(api, w);
    const pilot = await provincialPilot(w, INDUSTRY);
    await verifiedInvestment(w, pilot, 4_000_000, 4_000_000);
    return reviewed(
      api,
      w,
      await draftApplication(w, pilot, { requestedSupportFen: YUAN(3_000_000) }),
      INDUSTRY,
    );
  }

  const view = async (id: string, agent = w.provAdmin) =>
    dataOf(await agent.send<{ programmeApplication: ApplicationView }>(PA.application, { id }))
      .programmeApplication;

  const record = (subjectId: string, receivedOn: string, agent = w.provOfficer) =>
    agent.send<{ recordSupportObjection: { id: string } }>(PA.recordObjection, {
      input: {
        subjectType: 'programme_application',
        subjectId,
        receivedOn,
        objector: '某科技有限公司',
        content: '先行投入中有一笔设备款重复计算。',
      },
    });

  it('publicises, refuses the award during the notice with SUPPORT_NOTICE_RUNNING, and awards once it ended and every objection is answered', async () => {
    let a = await reviewedApplication();
    expect(a.state).toBe('REVIEWED');
    // The programme asks for a notice: the direct award is not offered, nor taken.
    expect((await view(a.id)).availableActions.sort()).toEqual(['DECLINE', 'PUBLICISE']);
    expect(errorCode(await transition(w.provAdmin, a, 'AWARD', AWARD))).toBe('PROGRAMME_APPLICATION_REFUSED');

    const today = chinaDate(clock.now());
    a = await act(w.provOfficer, a, 'PUBLICISE');
    expect(a).toMatchObject({
      state: 'PUBLICISED',
      noticeStartsOn: today,
      noticeEndsOn: addCalendarDays(today, 5),
    });
    // The notice's end is announced to the province by the scheduler on the next China day.
    const [job] = await admin.rows<{ run_at: Date }>(
      `SELECT run_at FROM job WHERE kind = 'support.notice_end' AND key = $1`,
      [`programme_application:${a.id}:${addCalendarDays(today, 5)}`],
    );
    expect(job?.run_at.toISOString()).toBe(
      new Date(`${addCalendarDays(today, 6)}T00:00:00+08:00`).toISOString(),
    );

    // During the notice: no decision is offered, and the award is refused with its own code.
    expect((await view(a.id)).availableActions).toEqual([]);
    const early = await transition(w.provAdmin, a, 'AWARD', AWARD);
    expect(errorCode(early)).toBe('SUPPORT_NOTICE_RUNNING');
    expect(violationsOf(early)[0]!.message).toContain(addCalendarDays(today, 5));

    // An objection received in the notice; the city neither records nor reads it.
    const objection = dataOf(await record(a.id, today)).recordSupportObjection;
    expect(errorCode(await record(a.id, today, w.zzOfficer))).toBe('NOT_FOUND');
    expect((await view(a.id, w.zzOfficer)).objections).toEqual([]);
    expect((await view(a.id)).objections).toHaveLength(1);

    // The last day of the notice still counts as during it; the day after is over.
    clock.advance(5 * DAY);
    await signInAgain(api, w);
    expect(errorCode(await transition(w.provAdmin, a, 'AWARD', AWARD))).toBe('SUPPORT_NOTICE_RUNNING');
    clock.advance(DAY);
    await signInAgain(api, w);
    const unanswered = await transition(w.provAdmin, a, 'AWARD', AWARD);
    expect(errorCode(unanswered)).toBe('SUPPORT_OBJECTION_OPEN');

    const answered = dataOf(
      await w.provOfficer.send<{ answerSupportObjection: { sustained: boolean } }>(PA.answerObjection, {
        input: { id: objection.id, answer: '经核实，该笔设备款只计算一次，异议不成立。', sustained: false },
      }),
    ).answerSupportObjection;
    expect(answered.sustained).toBe(false);
    // An answer is given once.
    expect(
      errorCode(
        await w.provOfficer.send(PA.answerObjection, {
          input: { id: objection.id, answer: '改为成立', sustained: true },
        }),
      ),
    ).toBe('SUPPORT_OBJECTION_ANSWERED');

    expect((await view(a.id)).availableActions.sort()).toEqual(['AWARD', 'DECLINE']);
    a = await act(w.provAdmin, a, 'AWARD', AWARD);
    expect(a).toMatchObject({ state: 'AWARDED', awardFen: YUAN(3_000_000) });
    // Objections close with the notice.
    expect(errorCode(await record(a.id, chinaDate(clock.now())))).toBe('SUPPORT_NOT_IN_NOTICE');
  });

  it('after a sustained objection refuses the award with SUPPORT_OBJECTION_SUSTAINED and declines', async () => {
    let a = await reviewedApplication();
    a = await act(w.provOfficer, a, 'PUBLICISE');
    const objection = dataOf(await record(a.id, chinaDate(clock.now()))).recordSupportObjection;
    dataOf(
      await w.provOfficer.send(PA.answerObjection, {
        input: { id: objection.id, answer: '经核实，先行投入确有重复计算，异议成立。', sustained: true },
      }),
    );
    clock.advance(6 * DAY);
    await signInAgain(api, w);
    const refused = await transition(w.provAdmin, a, 'AWARD', AWARD);
    expect(errorCode(refused)).toBe('SUPPORT_OBJECTION_SUSTAINED');
    expect((await view(a.id)).state).toBe('PUBLICISED');
    a = await act(w.provAdmin, a, 'DECLINE', { reason: '公示异议成立，不予立项' });
    expect(a.state).toBe('DECLINED');
  });
});
