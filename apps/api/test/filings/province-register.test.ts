import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, type GraphqlAgent, type TestApi, type TestUser, startTestApi } from '../support/harness';
import { binaryBody, dataOf, expectBadInput, RegisterClient, uniqueName } from '../support/register-client';
import { Fixtures } from '../pilots/db-fixtures';
import { CHANGSHA, establishedAlliance, PROVINCE, staff, ZHUZHOU } from '../pilots/pilot-client';
import { act, ALL_DOCUMENTS, cityPilot, F, type FilingView, publishedRound } from './filing-client';

// The province-wide register (Art. 21): the province's 联盟名录 holds its own alliances and every
// alliance a city filed with it while the filing is in force, never a city's unfiled alliance nor
// one whose filing was withdrawn or revoked. Filters by city, filing state, pilot level, industry and
// status, the same filters for the Excel export, and the counts per city and state for its home.
// A city's register shows its own filings; 长沙 sees nothing of 株洲's.

const REGISTER = `query ($filter: AllianceFilterInput!) {
  alliances(filter: $filter, first: 100) {
    totalCount
    nodes { id name pilotStatus tenant { code name } filing { id state filingNumber } }
  }
}`;
const COUNTS = `{ filingCountsByCity { city { code name } total byState { state count } } }`;
const SIGNIFICANCE =
  '联盟汇聚产业链上下游骨干企业与高校院所，牵头制定行业标准，对全省相关产业集群发展具有重大影响。';

type Row = {
  id: string;
  name: string;
  pilotStatus: string;
  tenant: { code: string; name: string };
  filing: { id: string; state: string; filingNumber: string | null } | null;
};
type Counts = {
  city: { code: string; name: string };
  total: number;
  byState: { state: string; count: number }[];
}[];
type Staff = { agent: GraphqlAgent; user: TestUser };
type Stage = 'DRAFT' | 'SUBMITTED' | 'FILED';

describe('the province-wide register', () => {
  let api: TestApi;
  let fixtures: Fixtures;
  let round: { id: string };
  const token = uniqueName('全省名录');
  const people: Record<'provOfficer' | 'provAdmin' | 'zzOfficer' | 'csOfficer', Staff> = {} as never;
  const ids: Record<string, string> = {};
  let countsBefore: Counts;

  async function register(agent: GraphqlAgent, filter: Record<string, unknown>) {
    return dataOf(
      await agent.send<{ alliances: { totalCount: number; nodes: Row[] } }>(REGISTER, {
        filter: { search: token, ...filter },
      }),
    ).alliances;
  }

  /** The names (without the test's token) of the alliances the viewer's register lists. */
  async function listed(agent: GraphqlAgent, filter: Record<string, unknown> = {}): Promise<string[]> {
    const page = await register(agent, filter);
    expect(page.totalCount).toBe(page.nodes.length);
    return page.nodes.map((n) => n.name.replace(token, '')).sort();
  }

  /** An established city pilot of the city, with its filing brought to `stage` in the open round. */
  async function filedAlliance(city: Staff, label: string, industry: string, stage: Stage) {
    const { alliance } = await establishedAlliance(city.agent, industry, `${token}${label}`);
    ids[label] = alliance.id;
    const documents = await cityPilot(fixtures, city.user.tenantId, alliance.id);
    let filing = dataOf(
      await city.agent.send<{ createFiling: FilingView }>(F.create, {
        roundId: round.id,
        allianceId: alliance.id,
      }),
    ).createFiling;
    filing = dataOf(
      await city.agent.send<{ updateFiling: FilingView }>(F.update, {
        input: {
          id: filing.id,
          version: filing.version,
          significance: SIGNIFICANCE,
          level: 'PROVINCIAL',
          documents: ALL_DOCUMENTS.map((kind, i) => ({ documentId: documents[i], kind })),
        },
      }),
    ).updateFiling;
    if (stage === 'DRAFT') return filing;
    filing = await act(city.agent, filing, 'SUBMIT');
    if (stage === 'SUBMITTED') return filing;
    filing = await act(people.provOfficer.agent, filing, 'ACCEPT');
    return act(people.provAdmin.agent, filing, 'FILE');
  }

  async function counts(agent: GraphqlAgent): Promise<Counts> {
    return dataOf(await agent.send<{ filingCountsByCity: Counts }>(COUNTS)).filingCountsByCity;
  }

  beforeAll(async () => {
    api = await startTestApi();
    fixtures = await Fixtures.open();
    people.provOfficer = await staff(api, PROVINCE, ['PROVINCE_OFFICER']);
    people.provAdmin = await staff(api, PROVINCE, ['PROVINCE_ADMIN']);
    people.zzOfficer = await staff(api, ZHUZHOU, ['CITY_OFFICER']);
    people.csOfficer = await staff(api, CHANGSHA, ['CITY_OFFICER']);
    countsBefore = await counts(people.provOfficer.agent);
    round = await publishedRound(people.provOfficer.agent, people.provAdmin.agent, new Date());
    const { zzOfficer: zz, csOfficer: cs, provAdmin } = people;

    await filedAlliance(zz, '株洲已备案联盟', 'SE0101', 'FILED');
    const suspended = await filedAlliance(zz, '株洲暂停联盟', 'SE0101', 'FILED');
    await act(provAdmin.agent, suspended, 'SUSPEND', { reason: '年度报告逾期未报' });
    const revoked = await filedAlliance(zz, '株洲撤销联盟', 'SE0101', 'FILED');
    await act(provAdmin.agent, revoked, 'REVOKE', { reason: '不再符合备案条件' });
    // Withdrawn after submission, then drafted again: the draft is its filing now.
    const withdrawn = await filedAlliance(zz, '株洲撤回联盟', 'SE0101', 'SUBMITTED');
    await act(zz.agent, withdrawn, 'WITHDRAW', { reason: '材料需重新准备' });
    dataOf(await zz.agent.send(F.create, { roundId: round.id, allianceId: ids['株洲撤回联盟'] }));
    await filedAlliance(zz, '株洲待受理联盟', 'SE0101', 'SUBMITTED');
    ids['株洲未备案联盟'] = (
      await new RegisterClient(zz.agent).registerAlliance({ name: `${token}株洲未备案联盟` })
    ).id;
    await filedAlliance(cs, '长沙已备案联盟', 'SE0702', 'FILED');
    ids['省本级联盟'] = (
      await new RegisterClient(people.provOfficer.agent).registerAlliance({ name: `${token}省本级联盟` })
    ).id;
  });

  afterAll(async () => {
    await fixtures?.close();
    await api?.close();
  });

  it('lists the province’s own alliances and every filed one, with city and filing', async () => {
    const page = await register(people.provOfficer.agent, {});
    const rows = new Map(page.nodes.map((n) => [n.name.replace(token, ''), n]));
    expect([...rows.keys()].sort()).toEqual(
      ['株洲已备案联盟', '株洲暂停联盟', '省本级联盟', '长沙已备案联盟'].sort(),
    );
    expect(rows.get('株洲已备案联盟')).toMatchObject({
      tenant: { code: ZHUZHOU, name: expect.stringContaining('株洲') as unknown },
      filing: { state: 'FILED', filingNumber: expect.stringMatching(/^湘盟备〔\d{4}〕\d+号$/) as unknown },
    });
    expect(rows.get('株洲暂停联盟')?.filing?.state).toBe('SUSPENDED');
    expect(rows.get('长沙已备案联盟')).toMatchObject({
      tenant: { code: CHANGSHA },
      filing: { state: 'FILED' },
    });
    expect(rows.get('省本级联盟')).toMatchObject({ tenant: { code: PROVINCE }, filing: null });
  });

  it('never shows a city’s unfiled, submitted, withdrawn or revoked alliance, not even by id', async () => {
    for (const label of ['株洲未备案联盟', '株洲待受理联盟', '株洲撤回联盟', '株洲撤销联盟']) {
      const res = await people.provOfficer.agent.send(`query ($id: ID!) { alliance(id: $id) { id } }`, {
        id: ids[label],
      });
      expect(errorCode(res), label).toBe('NOT_FOUND');
    }
    const filed = await people.provOfficer.agent.send<{ alliance: { availableActions: string[] } }>(
      `query ($id: ID!) { alliance(id: $id) { availableActions } }`,
      { id: ids['株洲已备案联盟'] },
    );
    // Read only: the live record of a filed alliance offers the province no action.
    expect(dataOf(filed).alliance.availableActions).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['株洲 by its code', { tenantCode: ZHUZHOU }, ['株洲已备案联盟', '株洲暂停联盟']],
    ['长沙 by its code', { tenantCode: CHANGSHA }, ['长沙已备案联盟']],
    ['the province itself', { tenantCode: PROVINCE }, ['省本级联盟']],
    ['the filed', { filingState: 'FILED' }, ['株洲已备案联盟', '长沙已备案联盟']],
    ['the suspended', { filingState: 'SUSPENDED' }, ['株洲暂停联盟']],
    ['those without filing', { filingState: 'NONE' }, ['省本级联盟']],
    ['the revoked (which it no longer reads)', { filingState: 'REVOKED' }, []],
    ['a change under way', { filingState: 'CHANGE_SUBMITTED' }, []],
    ['city pilots', { pilotStatus: 'CITY_PILOT' }, ['株洲已备案联盟', '株洲暂停联盟', '长沙已备案联盟']],
    ['non-pilots', { pilotStatus: 'NONE' }, ['省本级联盟']],
    ['an industry', { industryCode: 'SE0702' }, ['长沙已备案联盟']],
    ['alliances still forming', { status: 'FORMING' }, ['省本级联盟']],
    ['株洲’s suspended', { tenantCode: ZHUZHOU, filingState: 'SUSPENDED' }, ['株洲暂停联盟']],
    ['长沙’s suspended', { tenantCode: CHANGSHA, filingState: 'SUSPENDED' }, []],
  ])('filters the province’s register: %s', async (_name, filter, expected) => {
    expect(await listed(people.provOfficer.agent, filter)).toEqual([...expected].sort());
  });

  it('shows a city its own filings, the current one of each, and filters on it', async () => {
    const page = await register(people.zzOfficer.agent, {});
    const states = Object.fromEntries(
      page.nodes.map((n) => [n.name.replace(token, ''), n.filing?.state ?? null]),
    );
    expect(states).toEqual({
      株洲已备案联盟: 'FILED',
      株洲暂停联盟: 'SUSPENDED',
      株洲撤销联盟: 'REVOKED',
      // The new draft, not the withdrawn filing before it.
      株洲撤回联盟: 'DRAFT',
      株洲待受理联盟: 'SUBMITTED',
      株洲未备案联盟: null,
    });
    const zz = people.zzOfficer.agent;
    expect(await listed(zz, { filingState: 'WITHDRAWN' })).toEqual([]);
    expect(await listed(zz, { filingState: 'DRAFT' })).toEqual(['株洲撤回联盟']);
    expect(await listed(zz, { filingState: 'REVOKED' })).toEqual(['株洲撤销联盟']);
    expect(await listed(zz, { filingState: 'NONE' })).toEqual(['株洲未备案联盟']);
  });

  it('shows 长沙 none of 株洲’s alliances or filings', async () => {
    const cs = people.csOfficer.agent;
    expect(await listed(cs)).toEqual(['长沙已备案联盟']);
    expect(await listed(cs, { tenantCode: ZHUZHOU })).toEqual([]);
    const res = await cs.send(`query ($id: ID!) { alliance(id: $id) { id } }`, { id: ids['株洲已备案联盟'] });
    expect(errorCode(res)).toBe('NOT_FOUND');
    expect(errorCode(await cs.send(COUNTS))).toBe('FORBIDDEN');
  });

  it.each([
    [{ tenantCode: '株洲' }, 'filter.tenantCode', 'DIVISION_CODE'],
    [{ tenantCode: '439900' }, 'filter.tenantCode', 'UNKNOWN_TENANT'],
    [{ filingState: 'filed' }, 'filter.filingState', 'ONE_OF'],
    [{ filingState: 'ARCHIVED' }, 'filter.filingState', 'ONE_OF'],
  ])('refuses the filter %j, naming %s and %s', async (filter, field, rule) => {
    expectBadInput(await people.provOfficer.agent.send(REGISTER, { filter }), field, rule);
  });

  async function exported(query: Record<string, string>) {
    const res = await people.provOfficer.agent
      .raw()
      .get('/api/exports/alliances.xlsx')
      .query({ search: token, ...query })
      .buffer(true)
      .parse(binaryBody);
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.getWorksheet('联盟名录')!;
    const values = (row: number) => (sheet.getRow(row).values as ExcelJS.CellValue[]).slice(1).map(String);
    const header = values(1);
    const rows: Record<string, string>[] = [];
    for (let r = 2; r <= sheet.rowCount; r += 1) {
      const cells = values(r);
      rows.push(Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])));
    }
    return rows.map((row) => ({ ...row, 联盟名称: row['联盟名称']!.replace(token, '') }));
  }

  it('exports the same filtered list, with the city and the filing of each alliance', async () => {
    const zhuzhou = await exported({ tenantCode: ZHUZHOU });
    expect(zhuzhou.map((r) => r['联盟名称']).sort()).toEqual(['株洲已备案联盟', '株洲暂停联盟']);
    expect(zhuzhou.find((r) => r['联盟名称'] === '株洲暂停联盟')).toMatchObject({
      登记单位: expect.stringContaining('株洲') as unknown,
      备案状态: '暂停',
      备案号: expect.stringMatching(/^湘盟备〔\d{4}〕\d+号$/) as unknown,
    });
    expect(await exported({ filingState: 'NONE' })).toEqual([
      expect.objectContaining({ 联盟名称: '省本级联盟', 备案状态: '未备案', 试点: '非试点' }),
    ]);
    expect(
      (await exported({ filingState: 'FILED', pilotStatus: 'CITY_PILOT' })).map((r) => r['联盟名称']).sort(),
    ).toEqual(['株洲已备案联盟', '长沙已备案联盟']);
  });

  it('refuses an export filter it does not know with 400, naming the field and rule', async () => {
    for (const [query, field, rule] of [
      [{ filingState: 'filed' }, 'filter.filingState', 'ONE_OF'],
      [{ tenantCode: '439900' }, 'filter.tenantCode', 'UNKNOWN_TENANT'],
      [{ pilotStatus: 'NATIONAL' }, 'filter.pilotStatus', 'ONE_OF'],
    ] as const) {
      const res = await people.provOfficer.agent.raw().get('/api/exports/alliances.xlsx').query(query);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'BAD_USER_INPUT', violations: [{ field, rule }] });
    }
  });

  it('counts the filings each city sent, by state, from submission on', async () => {
    const after = await counts(people.provOfficer.agent);
    expect(after.map((c) => c.city.code)).toEqual(countsBefore.map((c) => c.city.code));
    expect(after).toHaveLength(14);
    const delta = (code: string) => {
      const was = countsBefore.find((c) => c.city.code === code)!;
      const now = after.find((c) => c.city.code === code)!;
      const states = new Set([...was.byState, ...now.byState].map((s) => s.state));
      const count = (c: Counts[number], state: string) =>
        c.byState.find((s) => s.state === state)?.count ?? 0;
      return {
        total: now.total - was.total,
        byState: Object.fromEntries(
          [...states].map((s) => [s, count(now, s) - count(was, s)] as const).filter(([, d]) => d !== 0),
        ),
      };
    };
    // The new draft after the withdrawal is the city's alone: not counted.
    expect(delta(ZHUZHOU)).toEqual({
      total: 5,
      byState: { FILED: 1, SUSPENDED: 1, REVOKED: 1, WITHDRAWN: 1, SUBMITTED: 1 },
    });
    expect(delta(CHANGSHA)).toEqual({ total: 1, byState: { FILED: 1 } });
    for (const city of after) {
      expect(city.byState.map((s) => s.state)).not.toContain('DRAFT');
      expect(city.total).toBe(city.byState.reduce((sum, s) => sum + s.count, 0));
    }
  });
});
