import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobScheduler } from '../../src/modules/jobs/job-scheduler';
import {
  asAdmin,
  type GraphqlAgent,
  signedInAgent,
  startTestApi,
  type TestApi,
  type TestUser,
} from '../support/harness';
import { dataOf } from '../support/register-client';
import { TestClock } from '../support/test-clock';
import { PROVINCE, publishedCall, staff } from '../pilots/pilot-client';

// A published call reminds its staff three days before each deadline, through the job scheduler:
// the applicant cities of closing and recommending, the authority of deciding.

const DAY = 86_400_000;

describe('deadline reminders of a published call', () => {
  const clock = new TestClock(new Date('2026-12-05T09:00:00+08:00'));
  let api: TestApi;
  let provOfficer: GraphqlAgent;
  let provAdmin: GraphqlAgent;
  let csOfficer: TestUser;
  let provReader: TestUser;

  type Inbox = { myMessages: { kind: string; title: string; body: string; link: string | null }[] };
  // Signed in afresh each time: the test clock moves by weeks, past any session's idle limit.
  const reminders = async (user: TestUser, title: string) =>
    dataOf(
      await (
        await signedInAgent(api, user)
      ).send<Inbox>('{ myMessages(first: 100) { kind title body link } }'),
    ).myMessages.filter((m) => m.kind === 'DEADLINE_SOON' && m.title.endsWith(title));

  beforeAll(async () => {
    api = await startTestApi({ clock });
    provOfficer = (await staff(api, PROVINCE, ['PROVINCE_OFFICER'])).agent;
    provAdmin = (await staff(api, PROVINCE, ['PROVINCE_ADMIN'])).agent;
    csOfficer = (await staff(api, '430100', ['CITY_OFFICER'])).user;
    provReader = (await staff(api, PROVINCE, ['PROVINCE_OFFICER'])).user;
  });
  afterAll(async () => {
    await api?.close();
  });

  it('schedules one reminder per deadline at three days before it, and sends each once when due', async () => {
    const call = await publishedCall(provOfficer, provAdmin, clock.now());
    const jobs = await asAdmin(
      async (c) =>
        (
          await c.query<{ key: string; run_at: Date }>(
            `SELECT key, run_at FROM job WHERE kind = 'pilot_call.deadline_reminder' AND key LIKE $1 ORDER BY run_at`,
            [`${call.id}:%`],
          )
        ).rows,
    );
    // closesAt is 10 days out, recommendBy 20, decideBy 60 (pilot-client's callInput).
    expect(
      jobs.map((j) => [j.key.split(':')[1], (new Date(j.run_at).getTime() - clock.now().getTime()) / DAY]),
    ).toEqual([
      ['closesAt', 7],
      ['recommendBy', 17],
      ['decideBy', 57],
    ]);

    const scheduler = api.app.get(JobScheduler);
    await scheduler.runDue();
    expect(await reminders(csOfficer, call.title)).toEqual([]);

    clock.advance(7 * DAY);
    await scheduler.runDue();
    const closing = await reminders(csOfficer, call.title);
    expect(closing.map((m) => m.title)).toEqual([`申报截止临近：${call.title}`]);
    expect(closing[0]!.body).toContain('申报截止时间为');
    // The decision date is the province's: the city hears nothing of it, then or later.
    clock.advance(50 * DAY);
    await scheduler.runDue();
    const cityTitles = (await reminders(csOfficer, call.title)).map((m) => m.title).sort();
    expect(cityTitles).toEqual([`推荐截止临近：${call.title}`, `申报截止临近：${call.title}`].sort());
    expect((await reminders(provReader, call.title)).map((m) => m.title)).toEqual([
      `确认截止临近：${call.title}`,
    ]);
    // Running the scheduler again sends nothing twice.
    await scheduler.runDue();
    expect(await reminders(csOfficer, call.title)).toHaveLength(2);
  });
});
