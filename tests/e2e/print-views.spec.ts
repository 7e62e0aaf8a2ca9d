import { expect, type Locator, type Page } from '@playwright/test';
import { test } from '../support/test.js';
import { DEMO_PASSWORD, signInToProvince } from '../support/sign-in.js';

// Issue #13: the 申报书 of a support-programme application and the 任务书 of its project print on A4
// under the department's header, opened with 打印 from their record pages. Demo data
// (packages/demo/src/demo-projects.ts): 长沙's awarded application and its project with two tranches.

const TITLE = '工业视觉检测大模型及其在装备制造中的示范应用';
const ALLIANCE = '长沙新一代人工智能产业技术创新战略联盟';

/** An A4 sheet is 210 mm wide (793.7 CSS px at 96 dpi). */
async function expectA4(sheet: Locator): Promise<void> {
  const box = await sheet.boundingBox();
  expect(Math.round(box?.width ?? 0)).toBe(794);
}

/** A record opened from its list; a list answered 系统繁忙 (a loaded machine) is retried as a user would. */
async function openFromList(page: Page, path: string, name: string): Promise<void> {
  await page.goto(path);
  const link = page.getByRole('link', { name }).first();
  await expect(async () => {
    const retry = page.getByRole('button', { name: '重试' });
    if (await retry.isVisible()) await retry.click();
    await expect(link).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 90_000 });
  await link.click();
}

test('the province prints a programme application (申报书) and its project’s task contract (任务书)', async ({
  page,
}) => {
  // Two lists, two records and two sheets, each a lazy route loaded on a shared machine.
  test.setTimeout(300_000);
  await signInToProvince(page, { username: 'officer', password: DEMO_PASSWORD });
  await expect(page.getByRole('menuitem', { name: /待办/ })).toBeVisible();

  await test.step('申报书 from the application’s page', async () => {
    await openFromList(page, '/province/programmes/applications', TITLE);
    await page.getByTestId('programme-application-print-link').click();
    const sheet = page.getByTestId('programme-application-sheet');
    await expect(sheet).toContainText('湖南省科学技术厅');
    await expect(sheet).toContainText('项目申报书');
    for (const text of [TITLE, ALLIANCE, '周建华', '4,000,000.00 元', '参与单位与任务分工', '知识产权归属'])
      await expect(sheet).toContainText(text);
    await expect(sheet).toContainText('60.00%');
    await expect(page.getByTestId('programme-application-sheet-print')).toHaveText(/打印/);
    await expectA4(sheet);
  });

  await test.step('任务书 from the project’s page: targets, indicators, milestones, budget by source, ledger', async () => {
    await openFromList(page, '/province/projects', TITLE);
    await expect(page.getByTestId('project-title')).toContainText(TITLE);
    await page.getByTestId('project-print-link').click();
    const sheet = page.getByTestId('project-task-contract-sheet');
    await expect(sheet).toContainText('湖南省科学技术厅');
    await expect(sheet).toContainText('项目任务书');
    for (const text of [
      TITLE,
      '漏检率低于千分之一',
      '发明专利申请',
      '8 项',
      '完成关键工艺试验',
      '2027年6月30日',
      '周建华',
    ])
      await expect(sheet).toContainText(text);
    const budget = sheet.getByTestId('task-contract-budget');
    await expect(budget.getByRole('row', { name: /省级财政支持小计/ })).toContainText('4,000,000.00 元');
    await expect(budget.getByRole('row', { name: /市州配套小计/ })).toContainText('1,000,000.00 元');
    await expect(budget.getByRole('row', { name: /自筹小计/ })).toContainText('3,000,000.00 元');
    await expect(sheet).toContainText('总经费 8,000,000.00 元');
    const ledger = sheet.getByTestId('task-contract-ledger');
    await expect(ledger).toContainText('累计拨付');
    await expect(ledger).toContainText('3,000,000.00 元');
    await expect(sheet).toContainText('湘财教指〔2026〕97号');
    await expectA4(sheet);
  });
});
