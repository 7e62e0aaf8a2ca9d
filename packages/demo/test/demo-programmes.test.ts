import { debarmentUntil, HUNAN_2016_PARAMETERS } from '@xiangmeng/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DEBARMENT, DEMO_PROGRAMME, DEMO_PROGRAMME_CALL } from '../src/demo-programmes.js';
import { DEMO_PAST_PROGRAMME, DEMO_PILOT_WITHOUT_PROJECT, DEMO_PROJECTS } from '../src/demo-projects.js';
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
              || '/' || (SELECT count(*) FROM debarment_evidence)
              || '/' || (SELECT count(*) || ':' || md5(coalesce(string_agg(p::text, '|' ORDER BY p.id), ''))
                          FROM project p JOIN programme g ON g.id = p.programme_id WHERE g.kind = 'PLAN_PROJECT')
              || '/' || (SELECT count(*) FROM project_ledger_entry e JOIN project p ON p.id = e.project_id
                          JOIN programme g ON g.id = p.programme_id WHERE g.kind = 'PLAN_PROJECT')
              || '/' || (SELECT count(*) FROM programme_application a JOIN programme g ON g.id = a.programme_id
                          WHERE g.kind = 'PLAN_PROJECT')
              || '/' || (SELECT count(*) FROM prior_investment) AS f`,
    );
    return rows[0]!.f;
  });
}

/** The province's plan-project programme of a year (the demo's own; other demos add other kinds). */
async function planProgrammeId(year: number): Promise<string> {
  return asAdmin(async (c) => {
    const { rows } = await c.query<{ id: string }>(
      `SELECT p.id FROM programme p JOIN tenant t ON t.id = p.tenant_id
       WHERE t.code = '430000' AND p.kind = 'PLAN_PROJECT' AND p.year = $1`,
      [year],
    );
    expect(rows).toHaveLength(1);
    return rows[0]!.id;
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
    expect(afterFirst).toMatch(/^2:[0-9a-f]{32}\/2\/1:[0-9a-f]{32}\/1\/2:[0-9a-f]{32}\/3\/2\/2$/);
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

  it('shows two projects in progress with their tranches, balances read from the ledger', async () => {
    type Entry = { kind: string; amountFen: string; entryOn: string; documentNumber: string };
    type Project = {
      id: string;
      title: string;
      state: string;
      awardFen: string;
      city: { code: string };
      contract: { budget: { totalFen: string; lines: { source: string; amountFen: string }[] } };
      ledger: Entry[];
      totals: {
        awardedFen: string;
        disbursedFen: string;
        recoveredFen: string;
        netFen: string;
        remainingFen: string;
      };
    };
    const agent = api.agent();
    expect((await agent.login('430000', 'officer', DEMO_PASSWORD)).errors).toBeUndefined();
    const listed = await agent.send<{ projects: { items: { id: string; title: string }[] } }>(
      'query ($f: ProjectFilterInput!) { projects(filter: $f) { items { id title } } }',
      { f: { programmeId: await planProgrammeId(2026) } },
    );
    expect(listed.errors).toBeUndefined();
    expect(listed.data!.projects.items.map((p) => p.title).sort()).toEqual(
      DEMO_PROJECTS.map((d) => d.title).sort(),
    );
    for (const d of DEMO_PROJECTS) {
      const id = listed.data!.projects.items.find((p) => p.title === d.title)!.id;
      const res = await agent.send<{ project: Project }>(
        `query ($id: ID!) { project(id: $id) { id title state awardFen city { code } contract
            ledger { kind amountFen entryOn documentNumber }
            totals { awardedFen disbursedFen recoveredFen netFen remainingFen } } }`,
        { id },
      );
      expect(res.errors).toBeUndefined();
      const project = res.data!.project;
      expect(project).toMatchObject({
        state: 'IN_PROGRESS',
        awardFen: d.awardFen,
        city: { code: d.tenantCode },
      });
      const lines = project.contract.budget.lines;
      expect(lines.find((l) => l.source === 'PROVINCIAL_SUPPORT')?.amountFen).toBe(d.awardFen);
      expect(lines.reduce((sum, l) => sum + BigInt(l.amountFen), 0n).toString()).toBe(
        project.contract.budget.totalFen,
      );
      expect(project.ledger.map((e) => [e.kind, e.amountFen, e.entryOn, e.documentNumber])).toEqual(
        d.tranches.map((t) => ['DISBURSEMENT', t.amountFen, t.on, t.documentNumber]),
      );
      const paid = d.tranches.reduce((sum, t) => sum + BigInt(t.amountFen), 0n);
      expect(project.totals).toEqual({
        awardedFen: d.awardFen,
        disbursedFen: paid.toString(),
        recoveredFen: '0',
        netFen: paid.toString(),
        remainingFen: (BigInt(d.awardFen) - paid).toString(),
      });
    }
    // The home city reads its own project, not the other's.
    const changsha = api.agent();
    expect((await changsha.login('430100', 'officer', DEMO_PASSWORD)).errors).toBeUndefined();
    const own = await changsha.send<{ projects: { items: { title: string }[] } }>(
      '{ projects { items { title } } }',
    );
    expect(own.data!.projects.items.map((p) => p.title)).toEqual([DEMO_PROJECTS[0]!.title]);
  });

  it('awarded both on verified prior investment under the 2026 programme, whose call is closed', async () => {
    const agent = api.agent();
    expect((await agent.login('430000', 'officer', DEMO_PASSWORD)).errors).toBeUndefined();
    const programmes = await agent.send<{ programmes: { id: string; name: string; year: number }[] }>(
      '{ programmes { id name year } }',
    );
    const past = programmes.data!.programmes.find((p) => p.name === DEMO_PAST_PROGRAMME.name);
    expect(past).toMatchObject({ year: 2026 });
    const awarded = await agent.send<{
      programmeApplications: { items: { state: string; awardFen: string | null; allianceName: string }[] };
    }>(
      'query ($f: ProgrammeApplicationFilterInput!) { programmeApplications(filter: $f) { items { state awardFen allianceName } } }',
      {
        f: { programmeId: past!.id },
      },
    );
    expect(awarded.errors).toBeUndefined();
    expect(
      awarded.data!.programmeApplications.items.map((a) => [a.allianceName, a.state, a.awardFen]).sort(),
    ).toEqual(DEMO_PROJECTS.map((d) => [d.allianceName, 'AWARDED', d.awardFen]).sort());
  });

  it('leaves 株洲 a provincial pilot with no project yet, ready for the 2027 call', async () => {
    const agent = api.agent();
    expect((await agent.login('430200', 'officer', DEMO_PASSWORD)).errors).toBeUndefined();
    const res = await agent.send<{ alliances: { nodes: { name: string; pilotStatus: string }[] } }>(
      'query ($f: AllianceFilterInput!) { alliances(filter: $f) { nodes { name pilotStatus } } }',
      { f: { pilotStatus: 'PROVINCIAL_PILOT' } },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.alliances.nodes.map((a) => a.name)).toEqual([DEMO_PILOT_WITHOUT_PROJECT.allianceName]);
    // No plan project (another demo gives 株洲 an international cooperation project).
    for (const year of [2026, 2027]) {
      const projects = await agent.send<{ projects: { totalCount: number } }>(
        'query ($f: ProjectFilterInput!) { projects(filter: $f) { totalCount } }',
        { f: { programmeId: await planProgrammeId(year) } },
      );
      expect(projects.data!.projects.totalCount).toBe(0);
    }
  });
});
