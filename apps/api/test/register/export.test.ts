import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, type GraphqlAgent, signedInAgent, startTestApi, type TestApi } from '../support/harness';
import { binaryBody, dataOf, Q, RegisterClient, uniqueName } from '../support/register-client';

// The register exported to Excel is the viewer's filtered list, row for row: the same alliances the
// list shows for the same filter, and never another city's.

type ExportRow = {
  name: string;
  industry: string;
  foundedOn: string;
  status: string;
  chair: string;
  members: number;
  founding: string;
};

function text(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  return JSON.stringify(value);
}

async function exportRows(
  agent: GraphqlAgent,
  query: Record<string, string> = {},
): Promise<{ header: string[]; rows: ExportRow[] }> {
  const res = await agent
    .raw()
    .get('/api/exports/alliances.xlsx')
    .query(query)
    .buffer(true)
    .parse(binaryBody);
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe(
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
  const workbook = new ExcelJS.Workbook();
  // exceljs declares its own Buffer type (an ArrayBuffer); Node's Buffer is what it reads.
  await workbook.xlsx.load(res.body as Parameters<typeof workbook.xlsx.load>[0]);
  const sheet = workbook.getWorksheet('联盟名录')!;
  const values = (row: number) => (sheet.getRow(row).values as ExcelJS.CellValue[]).slice(1);
  const header = values(1).map(text);
  const rows: ExportRow[] = [];
  for (let r = 2; r <= sheet.rowCount; r += 1) {
    const [name, , industry, foundedOn, status, , chair, members, founding] = values(r);
    rows.push({
      name: text(name),
      industry: text(industry),
      foundedOn: text(foundedOn),
      status: text(status),
      chair: text(chair),
      members: Number(members),
      founding: text(founding),
    });
  }
  return { header, rows };
}

describe('register export (xlsx)', () => {
  let api: TestApi;
  let changsha: RegisterClient;
  let zhuzhou: RegisterClient;
  const token = uniqueName('导出');
  const mine: string[] = [];
  let formed: { name: string; chair: string; memberCode: string };
  let theirs: string;

  beforeAll(async () => {
    api = await startTestApi();
    changsha = new RegisterClient(await signedInAgent(api, await createUser('430100', ['CITY_OFFICER'])));
    zhuzhou = new RegisterClient(await signedInAgent(api, await createUser('430200', ['CITY_OFFICER'])));
    const { alliance, enterprise, institute } = await changsha.formAlliance({ name: `${token}新材料联盟` });
    formed = { name: alliance.name, chair: enterprise.name, memberCode: institute.creditCode };
    mine.push(alliance.name);
    for (const suffix of ['轨道交通联盟', '工程机械联盟'])
      mine.push((await changsha.registerAlliance({ name: `${token}${suffix}` })).name);
    await changsha.registerAlliance({ name: uniqueName('不含关键词的联盟') });
    theirs = (await zhuzhou.registerAlliance({ name: `${token}株洲联盟` })).name;
  });
  afterAll(async () => {
    await api.close();
  });

  it("holds exactly the viewer's alliances matching the search, newest first, as the list shows them", async () => {
    const { header, rows } = await exportRows(changsha.agent, { search: token });
    expect(header).toEqual([
      '联盟名称',
      '登记单位',
      '产业分类',
      '发起日期',
      '状态',
      '试点',
      '理事长单位',
      '现有成员数',
      expect.stringMatching(/^第八条（\d{4}-\d{2}-\d{2}）$/),
      '备案状态',
      '备案号',
    ]);
    expect(rows.map((r) => r.name)).toEqual([...mine].reverse());
    const list = dataOf(
      await changsha.send<{ alliances: { nodes: { name: string }[]; totalCount: number } }>(Q.alliances, {
        filter: { search: token },
        first: 100,
      }),
    ).alliances;
    expect(rows.map((r) => r.name)).toEqual(list.nodes.map((n) => n.name));
    expect(list.totalCount).toBe(3);
    expect(rows.find((r) => r.name === formed.name)).toMatchObject({
      chair: formed.chair,
      members: 3,
      status: '筹建中',
      foundedOn: '2024-03-01',
      founding: '六项均满足',
    });
    expect(rows.find((r) => r.name === mine[1])).toMatchObject({
      chair: '',
      members: 0,
      // No agreement: the root cause first, the clause conditions pointing to it, not repeated.
      founding:
        '不满足：第八条第（二）项（根本原因）；第八条第（一）项；第八条第（三）项；' +
        '第八条第（四）项、第八条第（五）项、第八条第（六）项因第八条第（二）项未满足而无法满足',
    });
  });

  it("finds an alliance by a member's credit code and never shows another city's", async () => {
    expect((await exportRows(changsha.agent, { search: formed.memberCode })).rows.map((r) => r.name)).toEqual(
      [formed.name],
    );
    const all = (await exportRows(changsha.agent)).rows.map((r) => r.name);
    expect(all).toEqual(expect.arrayContaining(mine));
    expect(all).not.toContain(theirs);
    expect((await exportRows(zhuzhou.agent, { search: token })).rows.map((r) => r.name)).toEqual([theirs]);
  });

  it('answers 401 to a client that is not signed in', async () => {
    const res = await api.agent().raw().get('/api/exports/alliances.xlsx');
    expect(res.status).toBe(401);
  });
});
