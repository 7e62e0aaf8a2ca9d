import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { expect, test } from '../support/test.js';
import { DEMO_PASSWORD, signInToCity } from '../support/sign-in.js';

// 导出 on a list downloads the list as the page shows it, as an Excel workbook named in Chinese.

async function exportFrom(page: Page): Promise<{ fileName: string; header: string[]; rows: string[][] }> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: /导出/ }).click();
  const download = await downloading;
  const workbook = new ExcelJS.Workbook();
  // exceljs declares its own Buffer type (an ArrayBuffer); Node's Buffer is what it reads.
  await workbook.xlsx.load(
    (await readFile(await download.path())) as unknown as Parameters<typeof workbook.xlsx.load>[0],
  );
  const sheet = workbook.worksheets[0]!;
  const values = (row: number) =>
    (sheet.getRow(row).values as ExcelJS.CellValue[])
      .slice(1)
      .map((v) => (typeof v === 'string' || typeof v === 'number' ? String(v) : ''));
  const rows: string[][] = [];
  for (let r = 2; r <= sheet.rowCount; r += 1) rows.push(values(r));
  return { fileName: download.suggestedFilename(), header: values(1), rows };
}

test('a city admin exports 用户管理 and 专家库 and opens both workbooks', async ({ page }) => {
  await signInToCity(page, '株洲市', { username: 'admin', password: DEMO_PASSWORD });
  await expect(page).not.toHaveURL(/\/login$/);

  await page.goto('/city/users');
  const userRows = page
    .getByRole('table')
    .getByRole('row')
    .filter({ has: page.getByRole('cell') });
  await expect(userRows.first()).toBeVisible();
  const users = await exportFrom(page);
  expect(users.fileName).toMatch(/^用户-\d{4}-\d{2}-\d{2}\.xlsx$/);
  expect(users.header).toEqual(['用户名', '姓名', '角色', '状态', '创建时间', '最近登录']);
  expect(users.rows.map((r) => r[0])).toContain('admin');
  expect(users.rows).toHaveLength(await userRows.count());

  await page.goto('/city/reviews/experts');
  const experts = await exportFrom(page);
  expect(experts.fileName).toMatch(/^专家库-\d{4}-\d{2}-\d{2}\.xlsx$/);
  expect(experts.header.slice(0, 2)).toEqual(['姓名', '职称']);
  for (const name of experts.rows.map((r) => r[0]).slice(0, 5))
    await expect(page.getByRole('table').getByText(name!, { exact: true }).first()).toBeVisible();
});
