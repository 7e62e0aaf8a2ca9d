import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_COOPERATION_BASE,
  DEMO_INTERNATIONAL_PROGRAMME,
  DEMO_INTERNATIONAL_PROJECT,
} from '../src/demo-international.js';
import { DEMO_PASSWORD, seedDemo } from '../src/demo-seed.js';
import { asAdmin, databaseUrls, startTestApi, type TestApi } from './support/harness.js';

// The international cooperation demo (Art. 16): one joint R&D project with a German partner and
// one recognised base, read through the API as the officers would.

async function fingerprint(): Promise<string> {
  return asAdmin(async (c) => {
    const { rows } = await c.query<{ f: string }>(
      `SELECT (SELECT count(*) FROM programme WHERE kind = 'INTERNATIONAL_COOPERATION')
              || '/' || (SELECT count(*) FROM project p JOIN programme g ON g.id = p.programme_id
                          WHERE g.kind = 'INTERNATIONAL_COOPERATION')
              || '/' || (SELECT count(*) FROM cooperation_base)
              || '/' || (SELECT count(*) FROM cooperation_base_evaluation) AS f`,
    );
    return rows[0]!.f;
  });
}

describe('demo international cooperation', () => {
  let api: TestApi;
  let afterFirst: string;
  let afterSecond: string;

  beforeAll(async () => {
    api = await startTestApi();
    await seedDemo(databaseUrls().ownerUrl);
    afterFirst = await fingerprint();
    await seedDemo(databaseUrls().ownerUrl);
    afterSecond = await fingerprint();
  });
  afterAll(async () => {
    await api.close();
  });

  it('is written once: a second run adds and changes nothing', () => {
    expect(afterFirst).toBe('2/1/1/1');
    expect(afterSecond).toBe(afterFirst);
  });

  it.each(['430000', '430200'])('shows %s the joint R&D project with its German partner', async (tenant) => {
    const agent = api.agent();
    expect((await agent.login(tenant, 'officer', DEMO_PASSWORD)).errors).toBeUndefined();
    const res = await agent.send<{
      internationalProjects: {
        items: {
          title: string;
          programmeName: string;
          partnerName: string;
          partnerCountryName: string;
          mode: string;
        }[];
      };
    }>('{ internationalProjects { items { title programmeName partnerName partnerCountryName mode } } }');
    expect(res.errors).toBeUndefined();
    expect(res.data!.internationalProjects.items).toEqual([
      {
        title: DEMO_INTERNATIONAL_PROJECT.title,
        programmeName: DEMO_INTERNATIONAL_PROGRAMME.name,
        partnerName: DEMO_INTERNATIONAL_PROJECT.partnerName,
        partnerCountryName: '德国',
        mode: 'JOINT_RESEARCH',
      },
    ]);
  });

  it("keeps the base in 株洲's register only", async () => {
    const bases = async (tenant: string) => {
      const agent = api.agent();
      expect((await agent.login(tenant, 'officer', DEMO_PASSWORD)).errors).toBeUndefined();
      const res = await agent.send<{
        cooperationBases: {
          items: { name: string; status: string; evaluations: { grade: string; total: string | null }[] }[];
        };
      }>('{ cooperationBases { items { name status evaluations { grade total } } } }');
      expect(res.errors).toBeUndefined();
      return res.data!.cooperationBases.items;
    };
    expect(await bases('430200')).toEqual([
      {
        name: DEMO_COOPERATION_BASE.name,
        status: 'RECOGNISED',
        evaluations: [{ grade: 'PASS', total: '81.08' }],
      },
    ]);
    expect(await bases('430000')).toEqual([]);
  });
});
