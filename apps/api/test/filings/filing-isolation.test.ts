import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  asRuntimeRole,
  type GraphqlAgent,
  signedInAgent,
  startTestApi,
  type TestApi,
  type TestUser,
} from '../support/harness';
import { dataOf, errorShape } from '../support/register-client';
import { TestClock } from '../support/test-clock';
import { Fixtures } from '../pilots/db-fixtures';
import { CHANGSHA, establishedAlliance, PROVINCE, staff, ZHUZHOU } from '../pilots/pilot-client';
import { expertAccount } from '../reviews/review-fixtures';
import { act, cityPilot, F, type FilingView, publishedRound, upload, completedDraft } from './filing-client';

// Who sees a filing, through GraphQL and as the runtime role in SQL: the province from its
// submission on (never a draft), the live register record only while the filing is in force,
// another city never, an expert never (filings have no expert review yet) — each refusal the same
// answer as for a random id.

const ALLIANCE = `query ($id: ID!) { alliance(id: $id) { id } }`;

describe('filing isolation', () => {
  const clock = new TestClock(new Date('2027-06-01T10:00:00+08:00'));
  let api: TestApi;
  let fixtures: Fixtures;
  const agents: Record<string, GraphqlAgent> = {};
  const users: Record<string, TestUser> = {};
  let filing: FilingView;
  let allianceId: string;
  let uploaded: string;
  const as = (key: string) => agents[key]!;
  const identity = (key: string) => ({
    tenantId: users[key]!.tenantId,
    userId: users[key]!.id,
    roles: users[key]!.roles,
  });
  /** What the runtime role with `key`'s identity reads of the filing's tables and the alliance. */
  const sqlReads = (key: string) =>
    asRuntimeRole(identity(key), async (c) => {
      const count = async (sql: string, id: string) => (await c.query<{ n: number }>(sql, [id])).rows[0]!.n;
      return {
        filing: await count('SELECT count(*)::int AS n FROM filing WHERE id = $1', filing.id),
        snapshots: await count(
          'SELECT count(*)::int AS n FROM filing_snapshot WHERE filing_id = $1',
          filing.id,
        ),
        documents: await count(
          'SELECT count(*)::int AS n FROM filing_document WHERE filing_id = $1',
          filing.id,
        ),
        alliance: await count('SELECT count(*)::int AS n FROM alliance WHERE id = $1', allianceId),
        members: await count(
          'SELECT count(*)::int AS n FROM alliance_member WHERE alliance_id = $1',
          allianceId,
        ),
      };
    });
  const nothing = { filing: 0, snapshots: 0, documents: 0, alliance: 0, members: 0 };

  beforeAll(async () => {
    api = await startTestApi({ clock });
    fixtures = await Fixtures.open();
    for (const [key, code, roles] of [
      ['provOfficer', PROVINCE, ['PROVINCE_OFFICER']],
      ['provAdmin', PROVINCE, ['PROVINCE_ADMIN']],
      ['zzOfficer', ZHUZHOU, ['CITY_OFFICER']],
      ['csAdmin', CHANGSHA, ['CITY_ADMIN']],
    ] as const) {
      const s = await staff(api, code, [...roles]);
      agents[key] = s.agent;
      users[key] = s.user;
    }
    for (const [key, code] of [
      ['provExpert', PROVINCE],
      ['zzExpert', ZHUZHOU],
    ] as const) {
      users[key] = await expertAccount(code);
      agents[key] = await signedInAgent(api, users[key]);
    }
    allianceId = (await establishedAlliance(as('zzOfficer'), 'SE0702')).alliance.id;
    const documents = await cityPilot(fixtures, users.zzOfficer!.tenantId, allianceId);
    uploaded = await upload(as('zzOfficer'), allianceId);
    documents[0] = uploaded;
    const round = await publishedRound(as('provOfficer'), as('provAdmin'), clock.now());
    filing = await completedDraft(as('zzOfficer'), round.id, allianceId, documents);
  });

  afterAll(async () => {
    await fixtures?.close();
    await api?.close();
  });

  const sameAsRandom = async (key: string, query: string, id: string) => {
    const named = await as(key).send(query, { id });
    const random = await as(key).send(query, { id: randomUUID() });
    expect(errorShape(named), key).toEqual(errorShape(random));
  };

  it('a draft: only the filing city, in GraphQL and in SQL', async () => {
    for (const key of ['provOfficer', 'provAdmin', 'csAdmin', 'provExpert', 'zzExpert'])
      await sameAsRandom(key, F.filing, filing.id);
    expect(await sqlReads('provOfficer')).toEqual(nothing);
    expect(await sqlReads('csAdmin')).toEqual(nothing);
    expect((await sqlReads('zzOfficer')).filing).toBe(1);
  });

  it('submitted: the province reads the filing and what it froze, not yet the live record', async () => {
    filing = await act(as('zzOfficer'), filing, 'SUBMIT');
    expect(
      dataOf(await as('provOfficer').send<{ filing: FilingView }>(F.filing, { id: filing.id })).filing.id,
    ).toBe(filing.id);
    expect(await sqlReads('provOfficer')).toEqual({
      filing: 1,
      snapshots: 1,
      documents: 5,
      alliance: 0,
      members: 0,
    });
    await sameAsRandom('provOfficer', ALLIANCE, allianceId);
    for (const key of ['csAdmin', 'provExpert', 'zzExpert']) await sameAsRandom(key, F.filing, filing.id);
    expect(await sqlReads('csAdmin')).toEqual(nothing);
    // The province opens what was filed; 长沙 gets what a random document gets.
    const url = `/api/documents/${uploaded}`;
    expect((await as('provOfficer').raw().get(url)).status).toBe(200);
    const named = await as('csAdmin').raw().get(url);
    const random = await as('csAdmin').raw().get(`/api/documents/${randomUUID()}`);
    expect([named.status, named.body]).toEqual([random.status, random.body]);
    expect(await sqlReads('provExpert')).toEqual(nothing);
  });

  it('filed: the province reads the live record read only; 长沙 and experts still nothing', async () => {
    filing = await act(as('provOfficer'), filing, 'ACCEPT');
    filing = await act(as('provAdmin'), filing, 'FILE');
    expect((await sqlReads('provOfficer')).alliance).toBe(1);
    expect((await sqlReads('provOfficer')).members).toBeGreaterThan(0);
    const changed = await asRuntimeRole(
      identity('provAdmin'),
      async (c) =>
        (await c.query(`UPDATE alliance SET objectives = 'x' WHERE id = $1`, [allianceId])).rowCount,
    );
    expect(changed).toBe(0);
    for (const key of ['csAdmin', 'provExpert', 'zzExpert']) {
      await sameAsRandom(key, F.filing, filing.id);
      await sameAsRandom(key, ALLIANCE, allianceId);
    }
    expect(await sqlReads('csAdmin')).toEqual(nothing);
  });

  it('withdrawn: the live record closes to the province; what was filed stays readable', async () => {
    filing = await act(as('zzOfficer'), filing, 'WITHDRAW', { reason: '联盟调整方向，撤回备案' });
    expect(await sqlReads('provOfficer')).toEqual({
      filing: 1,
      snapshots: 1,
      documents: 5,
      alliance: 0,
      members: 0,
    });
    await sameAsRandom('provOfficer', ALLIANCE, allianceId);
  });
});
