import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  asAdmin,
  createUser,
  type GraphqlAgent,
  signedInAgent,
  startTestApi,
  type TestApi,
} from '../support/harness';
import { dataOf } from '../support/register-client';
import { removeTenantRecords, seedTenantRecords, type TenantRecords } from '../support/tenancy-fixtures';
import { exported } from './export-client';

// The platform and international lists' exports (issues 12, 13): each holds what its list shows
// for the same user and filter, row for row; a city never gets another city's rows; the columns
// asked for come in the list's order; a bad filter is a 400 naming the field.

type Case = {
  list: string;
  query: string;
  filter: Record<string, string>;
  column: string;
  keys: (data: never) => string[];
};

const PLATFORMS = `query ($f: PlatformFilterInput) { platforms(filter: $f) { items { name } } }`;
const BASES = `query ($f: CooperationBaseFilterInput) { cooperationBases(filter: $f) { items { name } } }`;
const PROJECTS = `query ($f: InternationalProjectFilterInput) { internationalProjects(filter: $f) { items { title } } }`;
const names = (d: { platforms: { items: { name: string }[] } }) => d.platforms.items.map((p) => p.name);
const baseNames = (d: { cooperationBases: { items: { name: string }[] } }) =>
  d.cooperationBases.items.map((b) => b.name);
const titles = (d: { internationalProjects: { items: { title: string }[] } }) =>
  d.internationalProjects.items.map((p) => p.title);

const CASES: Case[] = [
  { list: 'platforms', query: PLATFORMS, filter: {}, column: '平台名称', keys: names },
  { list: 'platforms', query: PLATFORMS, filter: { status: 'RECTIFYING' }, column: '平台名称', keys: names },
  {
    list: 'platforms',
    query: PLATFORMS,
    filter: { kind: 'ENGINEERING_RESEARCH_CENTRE', status: 'RECOGNISED' },
    column: '平台名称',
    keys: names,
  },
  { list: 'cooperation-bases', query: BASES, filter: {}, column: '基地名称', keys: baseNames },
  {
    list: 'cooperation-bases',
    query: BASES,
    filter: { status: 'INCUBATING' },
    column: '基地名称',
    keys: baseNames,
  },
  { list: 'international-projects', query: PROJECTS, filter: {}, column: '项目名称', keys: titles },
  {
    list: 'international-projects',
    query: PROJECTS,
    filter: { partnerCountry: 'DE' },
    column: '项目名称',
    keys: titles,
  },
];

type Extra = { rectifying: string; incubating: string; german: string; french: string };

/** A rectifying platform, an incubating base and two international projects (DE, FR) of the seed's tenant. */
async function addExtras(seed: TenantRecords): Promise<Extra> {
  const tag = randomUUID().slice(0, 8);
  const extra: Extra = {
    rectifying: `导出测试整改平台${tag}`,
    incubating: `导出测试培育基地${tag}`,
    german: `导出测试中德项目${tag}`,
    french: `导出测试中法项目${tag}`,
  };
  const { platform, cooperation_base: base, project } = seed.rows as Record<string, Record<string, unknown>>;
  const added: { table: string; key: Record<string, unknown> }[] = [];
  await asAdmin(async (db) => {
    const one = async (sql: string, params: unknown[]) =>
      ((await db.query<{ id: string }>(sql, params)).rows[0] as { id: string }).id;
    added.push({
      table: 'platform',
      key: {
        id: await one(
          `INSERT INTO platform (tenant_id, alliance_tenant_id, alliance_id, alliance_name, kind, level, name,
             host_organization_id, field, recognition_document, recognised_on, director, status, rectification_due_on)
           SELECT tenant_id, alliance_tenant_id, alliance_id, alliance_name, kind, level, $2, host_organization_id,
                  field, recognition_document || '整改', recognised_on, director, 'RECTIFYING', '2028-06-01'
             FROM platform WHERE id = $1 RETURNING id`,
          [platform!.id, extra.rectifying],
        ),
      },
    });
    added.push({
      table: 'cooperation_base',
      key: {
        id: await one(
          `INSERT INTO cooperation_base (tenant_id, alliance_id, host_organization_id, name, type, level, status)
           SELECT tenant_id, alliance_id, host_organization_id, $2, 'INNOVATION_PARK', 'PROVINCIAL', 'INCUBATING'
             FROM cooperation_base WHERE id = $1 RETURNING id`,
          [base!.id, extra.incubating],
        ),
      },
    });
    const programme = await one(
      `INSERT INTO programme (tenant_id, name, kind, year, total_budget_fen, measures_tenant_id, measures_id,
         measures_version_no, criteria, award_notice_days, acceptance_notice_days)
       SELECT tenant_id, $2, 'INTERNATIONAL_COOPERATION', year, total_budget_fen, measures_tenant_id, measures_id,
              measures_version_no, criteria, award_notice_days, acceptance_notice_days
         FROM programme WHERE id = $1 RETURNING id`,
      [project!.programme_id, `导出测试国际合作计划${tag}`],
    );
    for (const [title, country] of [
      [extra.german, 'DE'],
      [extra.french, 'FR'],
    ] as const) {
      const application = await one(
        `INSERT INTO programme_application (tenant_id, alliance_id, call_id, programme_id, authority_tenant_id,
           recommending_tenant_id, dossier)
         VALUES ($1, $2, $3, $4, $1, $1, $5) RETURNING id`,
        [
          seed.tenantId,
          project!.alliance_id,
          randomUUID(),
          programme,
          JSON.stringify({
            form: {
              particulars: {
                partnerName: `导出测试外方${country}`,
                partnerCountry: country,
                mode: 'JOINT_RESEARCH',
              },
            },
          }),
        ],
      );
      const id = await one(
        `INSERT INTO project (tenant_id, alliance_tenant_id, programme_id, application_id, alliance_id, title,
           award_fen, support_source, awarded_on, dossier)
         SELECT tenant_id, alliance_tenant_id, $2, $3, alliance_id, $4, award_fen, support_source, awarded_on, dossier
           FROM project WHERE id = $1 RETURNING id`,
        [project!.id, programme, application, title],
      );
      added.push(
        { table: 'project', key: { id } },
        { table: 'programme_application', key: { id: application } },
      );
    }
    added.push({ table: 'programme', key: { id: programme } });
  });
  // Removed before the fixture's own rows, children first.
  seed.created.unshift(...added);
  return extra;
}

describe('platform and international list exports (xlsx)', () => {
  let api: TestApi;
  let changsha: TenantRecords;
  let zhuzhou: TenantRecords;
  const extras: Record<string, Extra> = {};
  const agents: Record<string, GraphqlAgent> = {};

  beforeAll(async () => {
    api = await startTestApi();
    changsha = await seedTenantRecords('430100');
    zhuzhou = await seedTenantRecords('430200');
    extras.changsha = await addExtras(changsha);
    extras.zhuzhou = await addExtras(zhuzhou);
    agents.changsha = await signedInAgent(api, changsha.user);
    agents.zhuzhou = await signedInAgent(api, zhuzhou.user);
    agents.province = await signedInAgent(api, await createUser('430000', ['PROVINCE_OFFICER']));
    agents.expert = await signedInAgent(api, await createUser('430100', ['EXPERT']));
  });
  afterAll(async () => {
    for (const seed of [changsha, zhuzhou]) if (seed) await removeTenantRecords(seed);
    await api?.close();
  });

  /** The list's keys and the export's, read while the list stayed the same (other files write too). */
  async function compare(agent: GraphqlAgent, c: Case) {
    const listed = async () =>
      c.keys(dataOf<never>(await agent.send(c.query, { f: { ...c.filter, first: 100, offset: 0 } })));
    for (let attempt = 0; ; attempt += 1) {
      const before = await listed();
      const sheet = await exported(agent, c.list, c.filter);
      const after = await listed();
      if (JSON.stringify(before) === JSON.stringify(after) || attempt === 3) return { listed: after, sheet };
    }
  }

  it.each(CASES.map((c) => [c.list, JSON.stringify(c.filter), c] as const))(
    '%s %s holds what the list shows for each city and the province, in its order',
    async (_list, _filter, c) => {
      for (const who of ['changsha', 'zhuzhou', 'province']) {
        const { listed, sheet } = await compare(agents[who]!, c);
        expect(sheet.header).toContain(c.column);
        expect(
          sheet.rows.map((r) => r[c.column]),
          `${c.list} for ${who}`,
        ).toEqual(listed);
      }
    },
  );

  it('respects the filters: only the rows of the status, kind or country asked for', async () => {
    const mine = extras.changsha!;
    const fixture = changsha.rows as Record<string, Record<string, unknown>>;
    const column = async (list: string, header: string, filter: Record<string, string> = {}) =>
      (await exported(agents.changsha!, list, filter)).rows.map((r) => r[header]);

    const rectifying = await column('platforms', '平台名称', { status: 'RECTIFYING' });
    expect(rectifying).toContain(mine.rectifying);
    expect(rectifying).not.toContain(fixture.platform!.name);
    const all = await column('platforms', '平台名称');
    expect(all).toEqual(expect.arrayContaining([mine.rectifying, fixture.platform!.name]));

    const incubating = await column('cooperation-bases', '基地名称', { status: 'INCUBATING' });
    expect(incubating).toContain(mine.incubating);
    expect(incubating).not.toContain(fixture.cooperation_base!.name);

    const german = await column('international-projects', '项目名称', { partnerCountry: 'DE' });
    expect(german).toContain(mine.german);
    expect(german).not.toContain(mine.french);
    expect(await column('international-projects', '项目名称')).toEqual(
      expect.arrayContaining([mine.german, mine.french]),
    );
  });

  it("never gives a city another city's rows, and gives it its own", async () => {
    const text = async (agent: GraphqlAgent) =>
      JSON.stringify(
        await Promise.all(
          ['platforms', 'cooperation-bases', 'international-projects'].map((l) => exported(agent, l)),
        ),
      );
    const seen = await text(agents.changsha!);
    const theirs = extras.zhuzhou!;
    const zz = zhuzhou.rows as Record<string, Record<string, unknown>>;
    for (const name of [...Object.values(theirs), zz.platform!.name, zz.cooperation_base!.name])
      expect(seen).not.toContain(String(name));
    for (const name of Object.values(extras.changsha!)) expect(seen).toContain(name);
    // The province's own register holds no city's bases (a bureau's register is its own).
    const province = JSON.stringify(await exported(agents.province!, 'cooperation-bases'));
    for (const name of [extras.changsha!.incubating, theirs.incubating]) expect(province).not.toContain(name);
  });

  it('exports the columns asked for in the list order, with the row values shown', async () => {
    const sheet = await exported(agents.changsha!, 'platforms', {
      status: 'RECTIFYING',
      columns: 'status,name',
    });
    expect(sheet.title).toBe('创新平台名录');
    expect(sheet.header).toEqual(['平台名称', '状态']);
    expect(sheet.rows).toContainEqual({ 平台名称: extras.changsha!.rectifying, 状态: '整改中' });
    const full = await exported(agents.changsha!, 'platforms', { status: 'RECTIFYING' });
    expect(full.rows.find((r) => r['平台名称'] === extras.changsha!.rectifying)).toMatchObject({
      整改期限: '2028-06-01',
      类别: '工程技术研究中心',
    });
    const bases = await exported(agents.changsha!, 'cooperation-bases', { columns: 'name,type,status' });
    expect(bases.title).toBe('国际科技合作基地');
    expect(bases.rows).toContainEqual({
      基地名称: extras.changsha!.incubating,
      类型: '国际创新园',
      状态: '培育',
    });
    const projects = await exported(agents.changsha!, 'international-projects', { partnerCountry: 'DE' });
    expect(projects.title).toBe('国际合作项目');
    expect(projects.rows.find((r) => r['项目名称'] === extras.changsha!.german)).toMatchObject({
      外方合作单位: '导出测试外方DE',
      国家或地区: '德国',
      合作方式: '联合研发',
      立项金额: '1,000,000.00 元',
    });
  });

  it.each([
    ['platforms', { status: 'NOPE' }, 'status', 'ONE_OF'],
    ['platforms', { kind: 'NOPE' }, 'kind', 'ONE_OF'],
    ['cooperation-bases', { status: 'NOPE' }, 'status', 'ONE_OF'],
    ['international-projects', { partnerCountry: 'XX' }, 'partnerCountry', 'UNKNOWN_CODE'],
    ['platforms', { columns: 'name,shoeSize' }, 'columns', 'ONE_OF'],
  ] as const)('%s answers 400 naming the field for %j', async (list, query, field, rule) => {
    const res = await agents.changsha!.raw().get(`/api/exports/${list}.xlsx`).query(query);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'BAD_USER_INPUT', violations: [{ field, rule }] });
  });

  it.each(['platforms', 'cooperation-bases', 'international-projects'])(
    '%s is refused to an expert and to a client not signed in',
    async (list) => {
      expect((await agents.expert!.raw().get(`/api/exports/${list}.xlsx`)).status).toBe(403);
      expect((await api.agent().raw().get(`/api/exports/${list}.xlsx`)).status).toBe(401);
    },
  );
});
