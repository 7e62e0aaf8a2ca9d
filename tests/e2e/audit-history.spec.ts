import type { Locator } from '@playwright/test';
import ExcelJS from 'exceljs';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { expect, test } from '../support/test.js';
import { DEMO_PASSWORD, screenshotForReview, signInToCity, signOut } from '../support/sign-in.js';

// A 株洲 officer registers an alliance and reads its 办理记录 (who, when, the fields in Chinese);
// the city's admin finds the event in 审计日志 (基础数据), sees the chain verified, filters it by
// action and exports it. The officer has no 审计日志.

/** antd Select: type to filter, Enter picks the first match. */
async function choose(field: Locator, text: string): Promise<void> {
  await field.click();
  await field.fill(text);
  await field.press('Enter');
}

test('an alliance’s 办理记录 and the city admin’s 审计日志', async ({ page }) => {
  test.setTimeout(180_000);
  const allianceName = `审计记录测试联盟${randomBytes(3).toString('hex')}`;
  const foundedOn = new Date(Date.now() + 8 * 3_600_000 - 30 * 86_400_000).toISOString().slice(0, 10);

  await signInToCity(page, '株洲市', { username: 'officer', password: DEMO_PASSWORD });
  await page.getByRole('menuitem', { name: '联盟名录' }).click();
  await expect(page.getByTestId('register-total')).toBeVisible();
  await expect(page.getByRole('menuitem', { name: '审计日志' })).toHaveCount(0);

  await page.getByRole('button', { name: '登记联盟' }).click();
  await expect(page).toHaveURL(/\/city\/alliances\/new$/);
  await page.getByLabel('联盟名称').fill(allianceName);
  await choose(page.getByLabel('产业分类'), '新材料产业');
  await page.getByLabel('发起日期').fill(foundedOn);
  await page.getByLabel('发起日期').press('Tab');
  await page.getByLabel('联盟目标').fill('审计记录测试：突破关键共性技术。');
  await page.getByRole('button', { name: '登记', exact: true }).click();
  await expect(page).toHaveURL(/\/city\/alliances\/[0-9a-f-]{36}\?tab=members$/);

  await page.getByRole('tab', { name: '办理记录', exact: true }).click();
  const entry = page.getByTestId('record-history-entry').first();
  await expect(entry).toContainText('登记联盟');
  await expect(entry).toContainText('株洲市');
  await expect(entry).toContainText(`名称：${allianceName}`);
  await expect(entry).toContainText(`发起日期：${foundedOn}`);
  await expect(entry).toContainText('状态：筹建中');
  // The time is China time, minute precision.
  await expect(page.getByTestId('record-history')).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  await screenshotForReview(page, 'audit-record-history');
  await signOut(page, 'city');

  await signInToCity(page, '株洲市', { username: 'admin', password: DEMO_PASSWORD });
  await page.getByRole('menuitem', { name: '审计日志' }).click();
  await expect(page).toHaveURL(/\/city\/audit$/);
  const chain = page.getByTestId('audit-chain-status');
  await expect(chain).toContainText(
    /审计链完整：已校验至第 \d+ 条（链头）|已校验至第 \d+ 条，链头为第 \d+ 条/,
  );

  await choose(page.getByTestId('audit-filter-action').locator('input'), '登记联盟');
  const table = page.getByTestId('audit-log-table');
  await expect(table.getByRole('row').filter({ hasText: allianceName })).toHaveCount(1);
  await expect(
    table
      .getByRole('row')
      .filter({ has: page.getByRole('cell') })
      .first(),
  ).toContainText('登记联盟');
  await screenshotForReview(page, 'audit-log');

  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: /导出/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^审计日志-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    (await readFile(await download.path())) as unknown as Parameters<typeof workbook.xlsx.load>[0],
  );
  const sheet = workbook.worksheets[0]!;
  const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
  expect(header).toEqual(['序号', '时间', '操作人', '操作', '对象', '变更内容']);
  const actions = new Set<string>();
  let found = false;
  for (let r = 2; r <= sheet.rowCount; r += 1) {
    const cells = (sheet.getRow(r).values as ExcelJS.CellValue[]).slice(1).map(String);
    actions.add(cells[3] ?? '');
    if ((cells[5] ?? '').includes(allianceName)) found = true;
  }
  // The export carries the page's filter: 登记联盟 only.
  expect([...actions]).toEqual(['登记联盟']);
  expect(found).toBe(true);
});
