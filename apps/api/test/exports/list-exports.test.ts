import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  asAdmin,
  createUser,
  type GraphqlAgent,
  signedInAgent,
  startTestApi,
  type TestApi,
  testPasswordHash,
  type TestUser,
} from '../support/harness';
import { dataOf } from '../support/register-client';
import { removeTenantRecords, seedTenantRecords, type TenantRecords } from '../support/tenancy-fixtures';
import { exported, type Sheet } from './export-client';

// Every list registered for export answers what the list shows for the same user and filter,
// row for row, and nothing else: a city never gets another city's rows.

/** Each list: its GraphQL query, the key it shows per row, and that key's column in the export. */
type ListCase = {
  list: string;
  query: string;
  keys: (data: Record<string, unknown>) => string[];
  column: string;
  exportQuery?: Record<string, string>;
  variables?: Record<string, unknown>;
};

const pick =
  <T>(path: (d: never) => T[], key: (t: T) => string | null) =>
  (data: Record<string, unknown>) =>
    path(data as never).map((t) => key(t) ?? '');

const SEEDED = new Set([
  'pilot-calls',
  'pilot-applications',
  'filings',
  'programmes',
  'projects',
  'ip-assets',
  'experts',
]);

const LISTS: ListCase[] = [
  {
    list: 'pilot-calls',
    query: '{ pilotCalls { title } }',
    keys: pick(
      (d: { pilotCalls: { title: string }[] }) => d.pilotCalls,
      (c) => c.title,
    ),
    column: '通知名称',
  },
  {
    list: 'pilot-applications',
    query: 'query($f: PilotApplicationFilterInput) { pilotApplications(filter: $f) { allianceName } }',
    variables: { f: { scope: 'RECEIVED' } },
    exportQuery: { scope: 'RECEIVED' },
    keys: pick(
      (d: { pilotApplications: { allianceName: string }[] }) => d.pilotApplications,
      (a) => a.allianceName,
    ),
    column: '联盟名称',
  },
  {
    list: 'pilot-applications',
    query: '{ pilotApplications { allianceName } }',
    keys: pick(
      (d: { pilotApplications: { allianceName: string }[] }) => d.pilotApplications,
      (a) => a.allianceName,
    ),
    column: '联盟名称',
  },
  {
    list: 'confirmed-pilots',
    query: '{ confirmedPilots { allianceName } }',
    keys: pick(
      (d: { confirmedPilots: { allianceName: string }[] }) => d.confirmedPilots,
      (p) => p.allianceName,
    ),
    column: '联盟名称',
  },
  {
    list: 'filing-rounds',
    query: '{ filingRounds { documentNumber } }',
    keys: pick(
      (d: { filingRounds: { documentNumber: string }[] }) => d.filingRounds,
      (r) => r.documentNumber,
    ),
    column: '文号',
  },
  {
    list: 'filings',
    query: 'query($f: FilingFilterInput) { filings(filter: $f) { allianceName } }',
    variables: { f: { scope: 'OWN', state: 'RETURNED' } },
    exportQuery: { scope: 'OWN', state: 'RETURNED' },
    keys: pick(
      (d: { filings: { allianceName: string }[] }) => d.filings,
      (f) => f.allianceName,
    ),
    column: '联盟名称',
  },
  {
    list: 'filings',
    query: '{ filings { allianceName } }',
    keys: pick(
      (d: { filings: { allianceName: string }[] }) => d.filings,
      (f) => f.allianceName,
    ),
    column: '联盟名称',
  },
  {
    list: 'programmes',
    query: '{ programmes { name } }',
    keys: pick(
      (d: { programmes: { name: string }[] }) => d.programmes,
      (p) => p.name,
    ),
    column: '计划名称',
  },
  {
    list: 'programme-calls',
    query: '{ programmeCalls { title } }',
    keys: pick(
      (d: { programmeCalls: { title: string }[] }) => d.programmeCalls,
      (c) => c.title,
    ),
    column: '通知名称',
  },
  {
    list: 'programme-applications',
    query:
      '{ programmeApplications(filter: { scope: ALL, first: 100, offset: 0 }) { items { allianceName } } }',
    keys: pick(
      (d: { programmeApplications: { items: { allianceName: string | null }[] } }) =>
        d.programmeApplications.items,
      (a) => a.allianceName,
    ),
    column: '联盟名称',
  },
  {
    list: 'prior-investments',
    query: '{ priorInvestments { description } }',
    keys: pick(
      (d: { priorInvestments: { description: string }[] }) => d.priorInvestments,
      (i) => i.description,
    ),
    column: '投入内容',
  },
  {
    list: 'projects',
    query: '{ projects(filter: { first: 100, offset: 0 }) { items { title } } }',
    keys: pick(
      (d: { projects: { items: { title: string }[] } }) => d.projects.items,
      (p) => p.title,
    ),
    column: '项目名称',
  },
  {
    list: 'ip-assets',
    query: '{ ipAssets(filter: { first: 100, offset: 0 }) { items { title } } }',
    keys: pick(
      (d: { ipAssets: { items: { title: string }[] } }) => d.ipAssets.items,
      (a) => a.title,
    ),
    column: '名称',
  },
  {
    list: 'debarments',
    query: '{ debarments { organizationName } }',
    keys: pick(
      (d: { debarments: { organizationName: string }[] }) => d.debarments,
      (x) => x.organizationName,
    ),
    column: '单位名称',
  },
  {
    list: 'experts',
    query: '{ experts { name } }',
    keys: pick(
      (d: { experts: { name: string }[] }) => d.experts,
      (e) => e.name,
    ),
    column: '姓名',
  },
  {
    list: 'work-list',
    query: '{ workList { items { allianceName } } }',
    keys: pick(
      (d: { workList: { items: { allianceName: string }[] } }) => d.workList.items,
      (w) => w.allianceName,
    ),
    column: '联盟名称',
  },
];

describe('list exports (xlsx)', () => {
  let api: TestApi;
  const seeds: TenantRecords[] = [];
  let changsha: TenantRecords;
  let zhuzhou: TenantRecords;
  const agents: Record<string, GraphqlAgent> = {};

  beforeAll(async () => {
    api = await startTestApi();
    changsha = await seedTenantRecords('430100');
    zhuzhou = await seedTenantRecords('430200');
    seeds.push(changsha, zhuzhou);
    agents.changsha = await signedInAgent(api, changsha.user);
    agents.zhuzhou = await signedInAgent(api, zhuzhou.user);
    agents.province = await signedInAgent(api, await createUser('430000', ['PROVINCE_OFFICER']));
    agents.changshaAdmin = await signedInAgent(api, await createUser('430100', ['CITY_ADMIN']));
  });
  afterAll(async () => {
    for (const seed of seeds) await removeTenantRecords(seed);
    await api.close();
  });

  /** The list's keys and the export's, read while the list stayed the same (other files write too). */
  async function compare(agent: GraphqlAgent, c: ListCase): Promise<{ listed: string[]; sheet: Sheet }> {
    for (let attempt = 0; ; attempt += 1) {
      const before = c.keys(dataOf(await agent.send(c.query, c.variables)));
      const sheet = await exported(agent, c.list, c.exportQuery);
      const after = c.keys(dataOf(await agent.send(c.query, c.variables)));
      if (JSON.stringify(before) === JSON.stringify(after) || attempt === 3) return { listed: after, sheet };
    }
  }

  it.each(LISTS.map((c) => [c.list, JSON.stringify(c.exportQuery ?? {}), c] as const))(
    '%s %s holds what the list shows for a city and for the province, in its order',
    async (_name, _filter, c) => {
      for (const who of ['changsha', 'zhuzhou', 'province']) {
        const { listed, sheet } = await compare(agents[who]!, c);
        expect(sheet.header).toContain(c.column);
        expect(
          sheet.rows.map((r) => r[c.column]),
          `${c.list} for ${who}`,
        ).toEqual(listed);
        // The seeded city's own records make these lists non-empty: the comparison is not of nothing.
        if (who === 'changsha' && SEEDED.has(c.list) && !c.exportQuery)
          expect(listed.length).toBeGreaterThan(0);
      }
    },
  );

  it("never gives a city another city's rows, and gives it its own", async () => {
    const mine = {
      alliance: String(changsha.rows.alliance!.name),
      expert: String(changsha.rows.expert!.name),
      programme: String(changsha.rows.programme!.name),
    };
    const theirs = {
      alliance: String(zhuzhou.rows.alliance!.name),
      expert: String(zhuzhou.rows.expert!.name),
      programme: String(zhuzhou.rows.programme!.name),
    };
    const text = async (list: string, query: Record<string, string> = {}) =>
      JSON.stringify((await exported(agents.changsha!, list, query)).rows);
    const everything = (
      await Promise.all(
        [
          'alliances',
          'pilot-calls',
          'pilot-applications',
          'filings',
          'programmes',
          'projects',
          'ip-assets',
          'experts',
          'work-list',
          'prior-investments',
          'programme-applications',
        ].map((l) => text(l)),
      )
    ).join('\n');
    for (const name of Object.values(theirs)) expect(everything).not.toContain(name);
    expect(await text('alliances')).toContain(mine.alliance);
    expect(await text('experts')).toContain(mine.expert);
    expect(await text('programmes')).toContain(mine.programme);
  });

  it('exports only the columns asked for, in the list order', async () => {
    const sheet = await exported(agents.changsha!, 'experts', { columns: 'title,name' });
    expect(sheet.header).toEqual(['姓名', '职称']);
    const users = await exported(agents.changshaAdmin!, 'users');
    expect(users.title).toBe('用户');
    expect(users.header).toEqual(['用户名', '姓名', '角色', '状态', '创建时间', '最近登录']);
    const listed = dataOf<{ users: { username: string }[] }>(
      await agents.changshaAdmin!.send('{ users { username } }'),
    ).users;
    expect(users.rows.map((r) => r['用户名'])).toEqual(listed.map((u) => u.username));
  });

  it.each([
    ['alliances', { pilotStatus: 'NATIONAL' }, 'filter.pilotStatus', 'ONE_OF'],
    ['pilot-applications', { scope: 'EVERYTHING' }, 'filter.scope', 'ONE_OF'],
    ['pilot-applications', { states: 'DRAFT,NOPE' }, 'filter.states', 'ONE_OF'],
    ['filings', { state: 'NOPE' }, 'filter.state', 'ONE_OF'],
    ['filings', { scope: 'MINE' }, 'filter.scope', 'ONE_OF'],
    ['programme-applications', { scope: 'MINE' }, 'filter.scope', 'ONE_OF'],
    ['prior-investments', { unverifiedOnly: 'maybe' }, 'unverifiedOnly', 'BOOLEAN'],
    ['projects', { state: 'NOPE' }, 'state', 'ONE_OF'],
    ['projects', { year: '1999' }, 'year', 'RANGE'],
    ['projects', { year: 'abc' }, 'year', 'INTEGER'],
    ['projects', { cityCode: '439900' }, 'cityCode', 'NOT_FOUND'],
    ['ip-assets', { kind: 'NOPE' }, 'kind', 'ONE_OF'],
    ['debarments', { activeOn: '2024-13-01' }, 'activeOn', 'CALENDAR_DATE'],
    ['experts', { columns: 'name,shoeSize' }, 'columns', 'ONE_OF'],
  ] as const)('%s answers 400 naming the field for %j', async (list, query, field, rule) => {
    const res = await agents.changsha!.raw().get(`/api/exports/${list}.xlsx`).query(query);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'BAD_USER_INPUT', violations: [{ field, rule }] });
  });

  it('refuses a list the role may not export, one that does not exist, and a client not signed in', async () => {
    expect((await agents.changsha!.raw().get('/api/exports/users.xlsx')).status).toBe(403);
    expect((await agents.changsha!.raw().get('/api/exports/nothing.xlsx')).status).toBe(404);
    expect((await api.agent().raw().get('/api/exports/filings.xlsx')).status).toBe(401);
  });

  describe('10,000 rows', () => {
    const TENANT = '431100';
    let admin: TestUser;

    beforeAll(async () => {
      admin = await createUser(TENANT, ['CITY_ADMIN']);
      const hash = await testPasswordHash();
      await asAdmin((c) =>
        c.query(
          `INSERT INTO app_user (tenant_id, username, display_name, password_hash, roles)
           SELECT $1, 'bulk' || lpad(n::text, 5, '0'), '导出测试' || n, $2, ARRAY['CITY_OFFICER']
             FROM generate_series(1, 9999) n`,
          [admin.tenantId, hash],
        ),
      );
    });
    afterAll(async () => {
      await asAdmin((c) =>
        c.query(`DELETE FROM app_user WHERE tenant_id = $1 AND username LIKE 'bulk%'`, [admin.tenantId]),
      );
    });

    it('streams all of them while other requests keep being answered', async () => {
      const agent = await signedInAgent(api, admin);
      const other = agents.changsha!;
      let done = false;
      const answered: number[] = [];
      const download = exported(agent, 'users').finally(() => {
        done = true;
      });
      // Requests fired during the export are answered before it ends.
      while (!done) {
        const started = Date.now();
        const res = await other.send<{ me: { username: string } }>('{ me { username } }');
        expect(dataOf(res).me.username).toBe(changsha.user.username);
        if (!done) answered.push(Date.now() - started);
      }
      const sheet = await download;
      expect(sheet.rows).toHaveLength(10_000);
      expect(new Set(sheet.rows.map((r) => r['用户名'])).size).toBe(10_000);
      // A blocked event loop would answer the first of them only after the download: none counted.
      expect(answered.length).toBeGreaterThanOrEqual(3);
    }, 120_000);
  });
});
