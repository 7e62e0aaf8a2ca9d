import type { Browser, Page } from '@playwright/test';
import { expect, test } from '../support/test.js';
import { DEMO_PASSWORD, screenshotForReview, signInToCity, signInToProvince } from '../support/sign-in.js';

// Issue 14: two 长沙 bureau staff have the same alliance's 组织机构 open. The first saves; the
// second, saving from the same base, is told who changed it and when, keeps what they typed on
// screen, and can load the first one's version before saving again. Nothing is overwritten silently.

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    baseURL: process.env.XM_E2E_BASE_URL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1280, height: 800 },
  });
  return context.newPage();
}

async function openGovernance(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('tab', { name: '组织机构', exact: true }).click();
  await expect(page.getByLabel('对外承担责任的主体')).toBeVisible();
}

test('the second of two officers saving one governance form sees the conflict with their input intact', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const run = Date.now().toString(36);
  const first = await newPage(browser);
  const second = await newPage(browser);

  // The first officer registers an alliance (筹建中) to work on.
  await signInToCity(first, '长沙市', { username: 'officer', password: DEMO_PASSWORD });
  await first.getByRole('menuitem', { name: '联盟名录' }).click();
  await first.getByRole('button', { name: '登记联盟' }).click();
  await first.getByLabel('联盟名称').fill(`长沙并发编辑测试产业技术创新战略联盟（${run}）`);
  const industry = first.getByLabel('产业分类');
  await industry.click();
  await industry.fill('新材料产业');
  await industry.press('Enter');
  await first.getByLabel('发起日期').fill('2024-03-01');
  await first.getByLabel('发起日期').press('Tab');
  await first.getByRole('button', { name: '登记', exact: true }).click();
  await expect(first).toHaveURL(/\/city\/alliances\/[0-9a-f-]{36}/);
  const allianceUrl = first.url().replace(/\?.*$/, '');

  // Both open the same form from the same stored version.
  await signInToCity(second, '长沙市', { username: 'admin', password: DEMO_PASSWORD });
  await openGovernance(first, allianceUrl);
  await openGovernance(second, allianceUrl);

  await first.getByLabel('决策机构（理事会）名称').fill('联盟理事会');
  await first.getByLabel('对外承担责任的主体').fill('先到的理事长单位');
  await first.getByRole('button', { name: '保存组织机构' }).click();
  await expect(first.getByText('组织机构已保存')).toBeVisible();

  // The second, still on the old version, types their own and saves.
  await second.getByLabel('决策机构（理事会）名称').fill('第二位填写的理事会');
  await second.getByLabel('对外承担责任的主体').fill('后到的依托单位');
  await second.getByRole('button', { name: '保存组织机构' }).click();
  const conflict = second.getByTestId('stale-edit');
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText('已被长沙市业务员（演示）于');
  await expect(conflict).toContainText('修改，您的修改未保存');
  // What they typed is still there to copy.
  await expect(second.getByLabel('对外承担责任的主体')).toHaveValue('后到的依托单位');
  await expect(second.getByLabel('决策机构（理事会）名称')).toHaveValue('第二位填写的理事会');
  await screenshotForReview(second, 'governance-edit-conflict');

  // Loading the newer version shows the first officer's save; saving from it then succeeds.
  await conflict.getByRole('button', { name: '载入最新内容' }).click();
  await expect(second.getByTestId('stale-edit')).toBeHidden();
  await expect(second.getByLabel('对外承担责任的主体')).toHaveValue('先到的理事长单位');
  await second.getByLabel('执行机构专职人员（人）').fill('2');
  await second.getByRole('button', { name: '保存组织机构' }).click();
  await expect(second.getByText('组织机构已保存')).toBeVisible();

  // And the first officer, reloading, sees both saves in order: nothing was lost silently.
  await openGovernance(first, allianceUrl);
  await expect(first.getByLabel('对外承担责任的主体')).toHaveValue('先到的理事长单位');
  await expect(first.getByLabel('执行机构专职人员（人）')).toHaveValue('2');
});

test('an expert edited in two windows: the second is told who saved first, keeps their input and can load it', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const run = Date.now().toString(36);
  const first = await newPage(browser);
  const second = await newPage(browser);
  await signInToProvince(first, { username: 'officer', password: DEMO_PASSWORD });
  await signInToProvince(second, { username: 'admin', password: DEMO_PASSWORD });
  for (const page of [first, second]) {
    await page.getByRole('menuitem', { name: '专家库' }).click();
    await page.getByTestId('expert-edit').first().click();
    await expect(page.getByLabel('职称')).toBeVisible();
  }

  await first.getByLabel('职称').fill(`研究员（先保存${run}）`);
  await first.getByTestId('expert-save').click();
  await expect(first.getByLabel('职称')).toBeHidden();

  await second.getByLabel('职称').fill(`教授（后保存${run}）`);
  await second.getByTestId('expert-save').click();
  const conflict = second.getByTestId('stale-edit');
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText('修改，您的修改未保存');
  await expect(second.getByLabel('职称')).toHaveValue(`教授（后保存${run}）`);

  await conflict.getByRole('button', { name: '载入最新内容' }).click();
  await expect(second.getByTestId('stale-edit')).toBeHidden();
  await expect(second.getByLabel('职称')).toHaveValue(`研究员（先保存${run}）`);
  await second.getByLabel('职称').fill(`教授（重新保存${run}）`);
  await second.getByTestId('expert-save').click();
  await expect(second.getByLabel('职称')).toBeHidden();
});
