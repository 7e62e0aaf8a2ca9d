import { debarmentUntil, HUNAN_2016_PARAMETERS } from '@xiangmeng/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DEBARMENT, DEMO_PROGRAMME, DEMO_PROGRAMME_CALL } from '../src/demo-programmes.js';
import { DEMO_PASSWORD, seedDemo } from '../src/demo-seed.js';
import { asAdmin, databaseUrls, startTestApi, type TestApi } from './support/harness.js';

// The support programmes demo: the province's 2027 plan-project programme with its open call, and
// one decision on the debarment register, read through the API as the officers would. (Other kinds'
// demos, e.g. international cooperation, have their own files.)

async function programmeFingerprint(): Promise<string> {
  return asAdmin(async (c) => {
    const { rows } = await c.query<{ f: string }>(
      `SELECT (SELECT count(*) || ':' || md5(coalesce(string_agg(p::text, '|' ORDER BY p.id), ''))
                 FROM programme p WHERE p.kind = 'PLAN_PROJECT')
              || '/' || (SELECT count(*) FROM pilot_call c JOIN programme p ON p.id = c.programme_id
                          WHERE c.kind = 'PROGRAMME' AND p.kind = 'PLAN_PROJECT')
              || '/' || (SELECT count(*) || ':' || md5(coalesce(string_agg(d::text, '|' ORDER BY d.id), '')) FROM debarment d)
              || '/' || (SELECT count(*) FROM debarment_evidence) AS f`,
    );
    return rows[0]!.f;
  });
}

describe('demo support programmes', () => {
  let api: TestApi;
  let afterFirst: string;
  let afterSecond: string;

  beforeAll(async () => {
    api = await startTestApi();
    await seedDemo(databaseUrls().ownerUrl);
    afterFirst = await programmeFingerprint();
    await seedDemo(databaseUrls().ownerUrl);
    afterSecond = await programmeFingerprint();
  });
  afterAll(async () => {
    await api.close();
  });

  it('is written once: a second run adds and changes nothing', () => {
    expect(afterSecond).toEqual(afterFirst);
    expect(afterFirst).toMatch(/^1:[0-9a-f]{32}\/1\/1:[0-9a-f]{32}\/1$/);
  });

  it.each([
    ['430000', 'officer'],
    ['430200', 'officer'],
  ])('shows %s/%s the published programme and its call', async (tenant, username) => {
    const agent = api.agent();
    expect((await agent.login(tenant, username, DEMO_PASSWORD)).errors).toBeUndefined();
    const programmes = await agent.send<{
      programmes: { id: string; name: string; status: string; awardNoticeDays: number }[];
    }>('{ programmes { id name status awardNoticeDays } }');
    expect(programmes.errors).toBeUndefined();
    const programme = programmes.data!.programmes.find((p) => p.name === DEMO_PROGRAMME.name);
    expect(programme).toMatchObject({ status: 'PUBLISHED', awardNoticeDays: 0 });
    const calls = await agent.send<{ programmeCalls: { title: string; status: string }[] }>(
      'query ($id: ID) { programmeCalls(programmeId: $id) { title status } }',
      { id: programme!.id },
    );
    expect(calls.errors).toBeUndefined();
    expect(calls.data!.programmeCalls).toEqual([{ title: DEMO_PROGRAMME_CALL.title, status: 'PUBLISHED' }]);
  });

  it('publishes the debarment to every tenant, its evidence to the deciding province only', async () => {
    const seen = async (tenant: string) => {
      const agent = api.agent();
      expect((await agent.login(tenant, 'officer', DEMO_PASSWORD)).errors).toBeUndefined();
      const res = await agent.send<{
        debarments: {
          decisionDocument: string;
          fromDate: string;
          untilDate: string;
          evidence: string | null;
        }[];
      }>('{ debarments { decisionDocument fromDate untilDate evidence } }');
      expect(res.errors).toBeUndefined();
      return res.data!.debarments.find((d) => d.decisionDocument === DEMO_DEBARMENT.decisionDocument);
    };
    const until = debarmentUntil(DEMO_DEBARMENT.fromDate, HUNAN_2016_PARAMETERS.ip.debarmentYears);
    expect(await seen('430000')).toEqual({
      decisionDocument: DEMO_DEBARMENT.decisionDocument,
      fromDate: DEMO_DEBARMENT.fromDate,
      untilDate: until,
      evidence: DEMO_DEBARMENT.evidence,
    });
    expect(await seen('430100')).toEqual({
      decisionDocument: DEMO_DEBARMENT.decisionDocument,
      fromDate: DEMO_DEBARMENT.fromDate,
      untilDate: until,
      evidence: null,
    });
  });
});
