import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobScheduler } from '../../src/modules/jobs/job-scheduler';
import {
  type GraphqlAgent,
  signedInAgent,
  startTestApi,
  type TestApi,
  type TestUser,
} from '../support/harness';
import { dataOf, M } from '../support/register-client';
import { TestClock } from '../support/test-clock';
import { Fixtures } from '../pilots/db-fixtures';
import { establishedAlliance, PROVINCE, staff, ZHUZHOU } from '../pilots/pilot-client';
import {
  act,
  cityPilot,
  F,
  type FilingView,
  publishedRound,
  drainJobs,
  completedDraft,
} from './filing-client';

// An alliance that dissolves takes its filing with it: the dissolution queues the province's job,
// the scheduler revokes the filing as the system (REVOKE_ON_DISSOLUTION), the city is told, and a
// second run of the job changes nothing.

describe('revoking a filing when its alliance dissolves', () => {
  const clock = new TestClock(new Date('2027-09-01T10:00:00+08:00'));
  let api: TestApi;
  let fixtures: Fixtures;
  let officer: GraphqlAgent;
  let admin: GraphqlAgent;
  let city: { user: TestUser; agent: GraphqlAgent };
  let filing: FilingView;
  let allianceId: string;

  beforeAll(async () => {
    api = await startTestApi({ clock });
    fixtures = await Fixtures.open();
    officer = (await staff(api, PROVINCE, ['PROVINCE_OFFICER'])).agent;
    admin = (await staff(api, PROVINCE, ['PROVINCE_ADMIN'])).agent;
    city = await staff(api, ZHUZHOU, ['CITY_ADMIN']);
    allianceId = (await establishedAlliance(city.agent, 'SE0702')).alliance.id;
    const documents = await cityPilot(fixtures, city.user.tenantId, allianceId);
    const round = await publishedRound(officer, admin, clock.now());
    filing = await completedDraft(city.agent, round.id, allianceId, documents);
    filing = await act(city.agent, filing, 'SUBMIT');
    filing = await act(officer, filing, 'ACCEPT');
    filing = await act(admin, filing, 'FILE');
  });

  afterAll(async () => {
    await fixtures?.close();
    await api?.close();
  });

  it('revokes the filed alliance’s filing once, as the system, and tells the city', async () => {
    dataOf(
      await city.agent.send(M.dissolveAlliance, {
        input: { allianceId, dissolvedOn: '2027-08-31', reason: '成员单位协商一致解散' },
      }),
    );
    const scheduler = api.app.get(JobScheduler);
    await drainJobs(scheduler);
    const reader = await signedInAgent(api, city.user);
    const after = dataOf(await reader.send<{ filing: FilingView }>(F.filing, { id: filing.id })).filing;
    expect(after.state).toBe('REVOKED');
    expect(after.lastReason).toBe('联盟已解散');
    expect(after.timeline.filter((t) => t.action === 'filing.revoke_on_dissolution')).toEqual([
      expect.objectContaining({ actorName: '系统', toState: 'REVOKED' }),
    ]);
    // Counted by subject: draining also delivers other files' due reminders to every 株洲 user.
    const revoked = await fixtures.query<{ kind: string }>(
      `SELECT kind FROM message WHERE recipient_id = $1 AND subject_id = $2 AND kind = 'FILING_REVOKED'`,
      [city.user.id, filing.id],
    );
    expect(revoked).toHaveLength(1);
  });
});
