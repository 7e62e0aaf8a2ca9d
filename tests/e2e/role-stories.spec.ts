import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { expect, test } from '../support/test.js';
import { DEMO_PASSWORD, signInToCity, signInToProvince } from '../support/sign-in.js';

// A day of each role, end to end: the workbench, a chart of 统计分析 into the list behind it, a
// list exported to Excel (opened with exceljs), a print view, and the message centre.

type Sheet = { fileName: string; header: string[]; rows: string[][] };

/** 导出 on the list shown: the downloaded workbook's first sheet. */
async function exportList(page: Page): Promise<Sheet> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: /导出/ }).click();
  const download = await downloading;
  return {
    fileName: download.suggestedFilename(),
    ...(await readWorkbook(await readFile(await download.path()))),
  };
}

async function readWorkbook(file: Buffer): Promise<Omit<Sheet, 'fileName'>> {
  const workbook = new ExcelJS.Workbook();
  // exceljs declares its own Buffer type (an ArrayBuffer); Node's Buffer is what it reads.
  await workbook.xlsx.load(file as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  const sheet = workbook.worksheets[0]!;
  const values = (row: number) =>
    (sheet.getRow(row).values as ExcelJS.CellValue[])
      .slice(1)
      .map((v) => (typeof v === 'string' || typeof v === 'number' ? String(v) : ''));
  const rows: string[][] = [];
  for (let r = 2; r <= sheet.rowCount; r += 1) rows.push(values(r));
  return { header: values(1), rows };
}

/** The menu item by its label (after its icon's name, before a count it may carry). */
async function openMenu(page: Page, label: string): Promise<void> {
  await page.getByRole('menuitem', { name: new RegExp(`(^|\\s)${label}(\\s\\d+)?$`) }).click();
}

async function workbench(page: Page): Promise<void> {
  await expect(page.getByTestId('workbench')).toBeVisible();
  await expect(page.getByTestId('workbench-todo')).toContainText('待办');
  await expect(page.getByTestId('workbench-messages')).toBeVisible();
}

/**
 * 统计分析: a bar of a chart opens the list behind it. The province's 收到的备案（按状态） leads to
 * the filings in that state; a city's 联盟数（按产业） to its register of that industry.
 */
async function chartIntoList(page: Page, app: 'province' | 'city'): Promise<void> {
  await openMenu(page, '统计分析');
  const chart = page.getByTestId(
    app === 'province' ? 'chart-filings-by-state' : 'chart-alliances-by-industry',
  );
  await expect(chart.locator('svg')).toBeVisible();
  // The bars are the series' shapes in the palette's first colour (statistics-charts.ts).
  await chart.locator('svg path[fill="#1677ff"]').first().click();
  if (app === 'province') {
    await expect(page).toHaveURL(/\/province\/filings\?state=[A-Z_]+$/);
    await expect(page.getByTestId('filing-state-filter').locator('.ant-tag-checkable-checked')).toHaveCount(
      1,
    );
  } else {
    await expect(page).toHaveURL(/\/city\/alliances\?industryCode=[^&]+$/);
    await expect(page.getByTestId('register-total')).toBeVisible();
  }
  await expect(page.locator('.ant-table-tbody tr.ant-table-row').first()).toBeVisible();
}

/** The bell in the header opens 消息中心 with its list. */
async function messageCentre(page: Page, app: 'province' | 'city'): Promise<void> {
  await page.getByRole('button', { name: /^消息/ }).click();
  await expect(page).toHaveURL(new RegExp(`/${app}/messages$`));
  await expect(page.locator('.ant-card-head-title', { hasText: '消息中心' })).toBeVisible();
  await expect(page.getByTestId('messages')).toBeVisible();
}

/** 收到的备案 → a filing of the demo (已备案) → its printable 备案证明. */
async function filingCertificate(page: Page): Promise<void> {
  await openMenu(page, '收到的备案');
  await expect(page).toHaveURL(/\/filings$/);
  await expect(page.getByTestId('filing-state-filter')).toBeVisible();
  // Other stories may add filings in other states; the demo's are 已备案.
  await page
    .locator('.ant-table-tbody tr.ant-table-row', { hasText: '已备案' })
    .first()
    .getByTestId('filing-open')
    .click();
  await page.getByTestId('filing-certificate-link').click();
  const certificate = page.getByTestId('filing-certificate');
  await expect(certificate).toBeVisible();
  await expect(page.getByTestId('filing-certificate-number')).toContainText(/湘盟备〔\d{4}〕\d+号/);
  await expect(page.getByTestId('filing-certificate-print')).toBeVisible();
}

// 株洲's city pilot, approved on its 2024 call (packages/demo, demo-filings.ts).
const STORY_PILOT = '株洲轨道交通装备产业技术创新战略联盟';

/** 试点申报 → 株洲's approved application (the demo's story pilot) → a print view of it. */
async function pilotPrintView(page: Page, print: '打印申报书' | '打印决定'): Promise<void> {
  await openPilotApplications(page);
  await page
    .locator('.ant-table-tbody tr.ant-table-row', { hasText: STORY_PILOT })
    .filter({ hasText: '2024年度' })
    .getByTestId('pilot-application-open')
    .click();
  await page.getByTestId('pilot-print-links').getByRole('button', { name: print }).click();
  const sheetId = print === '打印申报书' ? 'pilot-application-sheet' : 'pilot-decision-sheet';
  const sheet = page.getByTestId(sheetId);
  await expect(sheet).toContainText(print === '打印申报书' ? '试点申报书' : '特此决定');
  await expect(sheet).toContainText(STORY_PILOT);
  await expect(page.getByTestId(`${sheetId}-print`)).toBeVisible();
}

async function openPilotApplications(page: Page): Promise<void> {
  await openMenu(page, '试点申报');
  await expect(page.getByTestId('pilot-tab-OWN')).toBeVisible();
  await expect(page.getByTestId('pilot-application-open').first()).toBeVisible();
}

async function openUsers(page: Page): Promise<void> {
  await openMenu(page, '用户管理');
  await expect(page.getByPlaceholder('按用户名、姓名或角色查找')).toBeVisible();
  await expect(page.locator('.ant-table-tbody tr.ant-table-row').first()).toBeVisible();
}

test('the province officer: workbench, a chart, the register exported, a filing certificate, messages', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await signInToProvince(page, { username: 'officer', password: DEMO_PASSWORD });
  await workbench(page);
  await expect(page.getByTestId('workbench-open-calls')).toContainText('备案批次');
  await chartIntoList(page, 'province');

  await openMenu(page, '联盟名录');
  await expect(page.getByTestId('register-total')).toBeVisible();
  const register = await exportList(page);
  expect(register.fileName).toMatch(/^联盟名录-\d{4}-\d{2}-\d{2}\.xlsx$/);
  expect(register.header.slice(0, 3)).toEqual(['联盟名称', '登记单位', '产业分类']);
  // A city's pilot the province holds while its filing is in force (the demo filed it).
  expect(register.rows.find((r) => r[0] === '长沙工程机械产业技术创新战略联盟')?.[1]).toBe('长沙市');

  await filingCertificate(page);
  await messageCentre(page, 'province');
});

test('the province admin: workbench, a chart, the accounts exported, a filing certificate, messages', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await signInToProvince(page, { username: 'admin', password: DEMO_PASSWORD });
  await workbench(page);
  await chartIntoList(page, 'province');

  await openUsers(page);
  const users = await exportList(page);
  expect(users.fileName).toMatch(/^用户-\d{4}-\d{2}-\d{2}\.xlsx$/);
  expect(users.header).toEqual(['用户名', '姓名', '角色', '状态', '创建时间', '最近登录']);
  expect(users.rows.find((r) => r[0] === 'officer')?.[3]).toBe('正常');

  await filingCertificate(page);
  await messageCentre(page, 'province');
});

test('a city officer: workbench, a chart, the pilot applications exported, its application form printed, messages', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await signInToCity(page, '株洲市', { username: 'officer', password: DEMO_PASSWORD });
  await workbench(page);
  await chartIntoList(page, 'city');

  await openPilotApplications(page);
  const applications = await exportList(page);
  expect(applications.fileName).toMatch(/^试点申报-\d{4}-\d{2}-\d{2}\.xlsx$/);
  expect(applications.header.slice(0, 3)).toEqual(['联盟名称', '所在市州', '申报通知']);
  expect(applications.rows.length).toBeGreaterThan(0);
  expect(applications.rows.every((r) => r[1] === '株洲市')).toBe(true);

  await pilotPrintView(page, '打印申报书');
  await messageCentre(page, 'city');
});

test('a city admin: workbench, a chart, the accounts exported, the pilot decision printed, messages', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await signInToCity(page, '株洲市', { username: 'admin', password: DEMO_PASSWORD });
  await workbench(page);
  await chartIntoList(page, 'city');

  await openUsers(page);
  const users = await exportList(page);
  expect(users.header[0]).toBe('用户名');
  expect(users.rows.map((r) => r[0])).toEqual(expect.arrayContaining(['admin', 'officer']));

  await pilotPrintView(page, '打印决定');
  await messageCentre(page, 'city');
});

test('an expert: workbench with review tasks, the debarment register exported, messages (statistics and print views are staff pages)', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await signInToProvince(page, { username: 'expert1', password: DEMO_PASSWORD });
  await workbench(page);
  await expect(page.getByTestId('workbench-reviews')).toBeVisible();
  // An expert's menu: the workbench, 待办 and 评审任务 only.
  await expect(page.getByRole('menuitem', { name: '统计分析' })).toHaveCount(0);

  // Nothing waits for the demo's experts: 待办 offers no export of an empty list.
  await openMenu(page, '待办');
  await expect(page.locator('a.ant-btn', { hasText: '导出' })).toHaveAttribute('aria-disabled', 'true');
  // The register an expert checks before declaring no conflict, as its export address serves it
  // to the expert's session (no page of the expert's menu lists it).
  const response = await page.request.get('/api/exports/debarments.xlsx');
  expect(response.status()).toBe(200);
  const debarments = await readWorkbook(await response.body());
  expect(debarments.header.slice(0, 3)).toEqual(['单位名称', '统一社会信用代码', '决定部门']);
  expect(debarments.rows.length).toBeGreaterThan(0);

  await messageCentre(page, 'province');
});
