import type { Locator, Page } from '@playwright/test';
import { expectDialogOpen } from '../support/dialogs.js';
import { expect, test } from '../support/test.js';
import { DEMO_PASSWORD, screenshotForReview, signInToCity, signInToProvince } from '../support/sign-in.js';

const COUNT_HEADERS = ['联盟数', '已成立', '市级试点', '省级试点'];

test('the province home shows per-division register counts with a province total', async ({ page }) => {
  await signInToProvince(page, { username: 'admin', password: DEMO_PASSWORD });
  await page.getByRole('menuitem', { name: '全省市州' }).click();

  const divisions = page.getByTestId('divisions').getByRole('table');
  for (const header of COUNT_HEADERS) {
    await expect(divisions.getByRole('columnheader', { name: header, exact: true })).toBeVisible();
  }
  const total = divisions.getByRole('row').filter({ hasText: '全省合计' });
  await expect(total).toBeVisible();
  // The total of 联盟数 is the sum of the 14 divisions' figures.
  const headers = await divisions.getByRole('columnheader').allInnerTexts();
  const column = headers.findIndex((h) => h.trim() === '联盟数');
  const cityRows = divisions.getByRole('row').filter({ has: page.getByRole('cell', { name: /^43\d{4}$/ }) });
  await expect(cityRows).toHaveCount(14);
  const perCity = await cityRows.evaluateAll(
    (rows, index) => rows.map((row) => Number(row.querySelectorAll('td')[index]?.textContent ?? 'NaN')),
    column,
  );
  // The total row's first cell spans 代码, 名称 and 科技局.
  await expect(total.getByRole('cell').nth(column - 2)).toHaveText(
    String(perCity.reduce((a, b) => a + b, 0)),
  );
  await screenshotForReview(page, 'province-home-counts');
});

test('the province admin sees the 2016 measures in force, with every parameter in Chinese', async ({
  page,
}) => {
  await signInToProvince(page, { username: 'admin', password: DEMO_PASSWORD });
  await page.getByRole('menuitem', { name: '实施办法' }).click();
  await expect(page).toHaveURL(/\/province\/measures$/);

  await expect(page.getByTestId('measures-in-force')).toContainText('湘科〔2016〕106号');
  const row = versionRow(page, '湘科〔2016〕106号');
  await expect(row).toContainText('已发布');
  await expect(row).toContainText('今日生效');
  await expect(row).toContainText('2016-12-16');
  await screenshotForReview(page, 'province-measures-list');

  await row.getByRole('link').click();
  await expect(page).toHaveURL(/\/province\/measures\/[0-9a-f-]{36}$/);
  for (const section of [
    '组建条件（第八条）',
    '专家评审（第十一条）',
    '支持（第十四条）',
    '知识产权（第二十条）',
  ]) {
    await expect(page.getByText(section, { exact: true })).toBeVisible();
  }
  await expect(parameterRow(page, '最少成员数')).toContainText('3 家');
  await expect(parameterRow(page, '评审指标及权重')).toContainText('合计 100%');
  await expect(parameterRow(page, '禁入年限')).toContainText('5 年');
  // Published versions never change: no edit or publish here.
  await expect(page.getByRole('button', { name: '编辑' })).toHaveCount(0);
  await screenshotForReview(page, 'province-measures-2016');
});

test('the province admin drafts a new version from the one in force, with the weights checked as typed', async ({
  page,
}) => {
  await signInToProvince(page, { username: 'admin', password: DEMO_PASSWORD });
  await page.getByRole('menuitem', { name: '实施办法' }).click();
  await page.getByRole('button', { name: '新建版本' }).click();
  await expect(page).toHaveURL(/\/province\/measures\/new$/);

  // Prefilled from the 2016 measures.
  await expect(page.getByRole('spinbutton', { name: '最少成员数' })).toHaveValue('3');
  await expect(page.getByLabel('标题', { exact: true })).toHaveValue(/实施办法/);
  await page.getByLabel('文号', { exact: true }).fill('湘科〔2027〕1号');
  const effectiveOn = page.getByLabel('生效日期', { exact: true });
  await effectiveOn.click();
  await effectiveOn.fill('2027-01-01');
  await effectiveOn.press('Enter');

  await page.getByRole('spinbutton', { name: '重要性权重' }).fill('20');
  const criteriaErrors = page.getByTestId('violations-review.criteria');
  await expect(criteriaErrors).toContainText('权重之和应为 100（现为 105）');
  await screenshotForReview(page, 'province-measures-form-invalid');
  await page.getByRole('spinbutton', { name: '必要性权重' }).fill('10');
  await expect(criteriaErrors).toHaveCount(0);

  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect(page).toHaveURL(/\/province\/measures\/[0-9a-f-]{36}$/);
  await expect(page.getByText('草稿', { exact: true })).toBeVisible();
  await expect(parameterRow(page, '评审指标及权重')).toContainText('重要性 20%');
  await expect(parameterRow(page, '评审指标及权重')).toContainText('必要性 10%');

  // Publishing asks first, and can be called off: the draft stays a draft.
  await page.getByRole('button', { name: '发布' }).click();
  const dialog = page.getByRole('dialog');
  await expectDialogOpen(dialog);
  await expect(dialog).toContainText('自生效日期 2027-01-01 起具有约束力');
  await expect(dialog).toContainText('永远不能再修改');
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: '返回列表' }).click();
  await expect(versionRow(page, '湘科〔2027〕1号')).toContainText('草稿');
  await expect(versionRow(page, '湘科〔2027〕1号')).not.toContainText('今日生效');
  await expect(page.getByTestId('measures-in-force')).toContainText('湘科〔2016〕106号');
});

test('the Zhuzhou admin publishes local measures overriding 最少成员数 and sees them in force beside the province value', async ({
  page,
}) => {
  const documentNumber = `株科发〔2025〕${Date.now() % 100000}号`;
  await signInToCity(page, '株洲市', { username: 'admin', password: DEMO_PASSWORD });
  await page.getByRole('menuitem', { name: '实施办法' }).click();
  await expect(page).toHaveURL(/\/city\/measures$/);
  // The province's versions are shown read-only beside the city's own.
  await expect(page.getByText('省级实施办法（只读）')).toBeVisible();
  await expect(page.getByTestId('measures-in-force')).toContainText('湘科〔2016〕106号');

  await page.getByRole('button', { name: '新建本市实施办法' }).click();
  await expect(page).toHaveURL(/\/city\/measures\/new$/);
  await page.getByLabel('标题', { exact: true }).fill('株洲市产业技术创新战略联盟建设实施办法');
  await page.getByLabel('文号', { exact: true }).fill(documentNumber);
  const effectiveOn = page.getByLabel('生效日期', { exact: true });
  await effectiveOn.click();
  await effectiveOn.fill('2025-01-01');
  await effectiveOn.press('Enter');
  await expect(effectiveOn).toHaveValue('2025-01-01');

  await page.getByRole('switch', { name: '覆盖省级：最少成员数' }).click();
  const minMembers = page.getByRole('spinbutton', { name: '最少成员数' });
  await expect(minMembers).toHaveValue('3');
  // Live validation against the domain's rules, on the field, in Chinese.
  await minMembers.fill('1');
  await expect(page.getByTestId('violations-founding.minMembers')).toContainText('应为 2–200 之间的整数');
  await minMembers.fill('5');
  await expect(page.getByTestId('violations-founding.minMembers')).toHaveCount(0);
  await screenshotForReview(page, 'city-measures-form');

  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect(page).toHaveURL(/\/city\/measures\/[0-9a-f-]{36}$/);
  await expect(page.getByText('草稿', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: '发布' }).click();
  const dialog = page.getByRole('dialog');
  await expectDialogOpen(dialog);
  await expect(dialog).toContainText('自生效日期 2025-01-01 起具有约束力');
  await expect(dialog).toContainText('永远不能再修改');
  await dialog.getByRole('button', { name: '确认发布' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('已发布', { exact: true })).toBeVisible();
  await expect(page.getByText('今日生效', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: '编辑' })).toHaveCount(0);

  const overridden = parameterRow(page, '最少成员数');
  await expect(overridden).toHaveAttribute('data-overridden', 'true');
  await expect(overridden).toContainText('本市覆盖');
  await expect(overridden.getByRole('cell').nth(1)).toContainText('5 家');
  await expect(overridden.getByRole('cell').nth(2)).toContainText('3 家');
  // What the city does not override reads as the province's.
  await expect(parameterRow(page, '禁入年限')).not.toHaveAttribute('data-overridden', 'true');
  await expect(parameterRow(page, '禁入年限')).toContainText('同省级');
  await screenshotForReview(page, 'city-measures-published');

  await page.getByRole('button', { name: '返回列表' }).click();
  await expect(page.getByTestId('measures-in-force')).toContainText(documentNumber);
  const row = versionRow(page, documentNumber);
  await expect(row).toContainText('已发布');
  await expect(row).toContainText('今日生效');
  await screenshotForReview(page, 'city-measures-list');
});

function versionRow(page: Page, documentNumber: string): Locator {
  return page.getByRole('row').filter({ has: page.getByRole('cell', { name: documentNumber, exact: true }) });
}

function parameterRow(page: Page, label: string): Locator {
  return page.getByRole('row').filter({ has: page.getByRole('cell', { name: label, exact: true }) });
}
