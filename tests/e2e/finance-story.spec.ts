import type { Locator, Page } from '@playwright/test';
import { expectDialogOpen } from '../support/dialogs.js';
import { expect, test } from '../support/test.js';
import { DEMO_PASSWORD, screenshotForReview, signInToCity, signOut } from '../support/sign-in.js';

// Issue 12, story (3), finance linkage (Art. 17): a 株洲 enterprise posts a ¥10,000,000 financing
// need; the bank in its alliance is introduced and answers; the loan is recorded and registered
// with the risk compensation scheme; on default the officer files a claim, whose amount the scheme
// computes from its share of the principal lost and the bank's remaining yearly ceiling; the
// administrator approves it, and the payout stands as decided.

// Demo data (packages/demo/src/demo-finance.ts): 湖南湘江银行株洲分行 is a member of 株洲's rail
// transit alliance; 株洲 applies the province's scheme (half of the loss, ¥5,000,000 a bank a year).
const ALLIANCE = '株洲轨道交通装备产业技术创新战略联盟';
const ENTERPRISE = '株洲天元轨道交通装备股份有限公司';
const BANK = '湖南湘江银行株洲分行';
const TODAY = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

async function choose(field: Locator, text: string): Promise<void> {
  await field.click();
  await field.fill(text);
  await expect(
    field
      .page()
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: text })
      .first(),
  ).toBeVisible();
  await field.press('Enter');
}

async function pick(page: Page, field: Locator, text: string): Promise<void> {
  // Typed and chosen with Enter: a click can land while the dropdown is still sliding in.
  await choose(field, text);
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
}

async function date(dialog: Locator, label: string, value: string): Promise<void> {
  const input = dialog.getByLabel(label);
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

async function dialogNamed(page: Page, name: string | RegExp): Promise<Locator> {
  const dialog = page.getByRole('dialog', { name });
  await expectDialogOpen(dialog);
  return dialog;
}

test.use({ actionTimeout: 20_000 });

test('株洲: a ¥10,000,000 need → the alliance bank answers → a loan → a compensation claim computed and approved', async ({
  page,
}) => {
  test.setTimeout(240_000);

  await test.step('株洲 officer posts the need and introduces the bank of the alliance', async () => {
    await signInToCity(page, '株洲市', { username: 'officer', password: DEMO_PASSWORD });
    await page.getByRole('menuitem', { name: '融资需求' }).click();
    await expect(page).toHaveURL(/\/city\/finance\/needs$/);
    await page.getByTestId('need-new').click();
    const post = await dialogNamed(page, '登记融资需求');
    await pick(page, post.getByTestId('need-alliance').getByRole('combobox'), ALLIANCE);
    await pick(page, post.getByTestId('need-enterprise').getByRole('combobox'), ENTERPRISE);
    await post.getByLabel('融资金额').fill('10000000');
    await post.getByLabel('资金用途').fill('高速重载机车转向架智能产线建设');
    await post.getByLabel('期限（月）').fill('36');
    await date(post, '发布日期', TODAY);
    await post.getByRole('button', { name: '登记' }).click();
    await expect(post).toBeHidden();
    const row = page.getByRole('row').filter({ hasText: ENTERPRISE }).filter({ hasText: '10,000,000.00 元' });
    await expect(row).toContainText('对接中');

    await row.getByTestId('need-introduce').click();
    const introduce = await dialogNamed(page, /推介金融机构/);
    await choose(introduce.getByTestId('introduce-institution').getByRole('combobox'), BANK);
    await date(introduce, '对接日期', TODAY);
    await introduce.getByRole('button', { name: '推介' }).click();
    await expect(introduce).toBeHidden();

    await row.getByRole('button', { name: /展开行|Expand row/ }).click();
    const introductions = page.locator('.ant-table-expanded-row');
    await expect(introductions).toContainText(BANK);
    await expect(introductions).toContainText('待答复');
    await introductions.getByTestId('introduction-answer').click();
    const answer = await dialogNamed(page, /登记答复/);
    await date(answer, '答复日期', TODAY);
    await answer.getByRole('button', { name: '登记' }).click();
    await expect(answer).toBeHidden();
    await expect(introductions).toContainText('有意向');
    await screenshotForReview(page, 'finance-need-answered');

    await row.getByTestId('need-record').click();
    const record = await dialogNamed(page, '登记融资记录');
    await pick(page, record.getByTestId('record-institution').getByRole('combobox'), BANK);
    await date(record, '放款（投资、承保）日期', TODAY);
    await date(record, '风险补偿备案日期', TODAY);
    await record.getByRole('button', { name: '登记' }).click();
    await expect(record).toBeHidden();
    await expect(row).toContainText('已获融资');
  });

  await test.step('the loan defaults: the officer files a claim, computed from the share and the ceiling', async () => {
    await page.getByRole('menuitem', { name: '融资记录' }).click();
    await expect(
      page.getByRole('row').filter({ hasText: ENTERPRISE }).filter({ hasText: '10,000,000.00 元' }),
    ).toBeVisible();
    await page.getByRole('menuitem', { name: '风险补偿' }).click();
    await page.getByTestId('claim-new').click();
    const file = await dialogNamed(page, '申请风险补偿');
    await pick(page, file.getByTestId('claim-loan').getByRole('combobox'), ENTERPRISE);
    await date(file, '违约日期', TODAY);
    await file.getByLabel('本金损失').fill('6000000');
    await file.getByRole('button', { name: '提交申请' }).click();
    await expect(file).toBeHidden();
    const claim = page.getByRole('row').filter({ hasText: ENTERPRISE });
    // Half of ¥6,000,000, well within the bank's ¥5,000,000 for the year.
    await expect(claim).toContainText('3,000,000.00 元（试算）');
    await expect(claim).toContainText('待审核');
    await expect(claim.getByTestId('claim-approve')).toHaveCount(0);
    await signOut(page, 'city');
  });

  await test.step('株洲 administrator approves it: the payout is decided and final', async () => {
    await signInToCity(page, '株洲市', { username: 'admin', password: DEMO_PASSWORD });
    await page.getByRole('menuitem', { name: '风险补偿' }).click();
    const claim = page.getByRole('row').filter({ hasText: ENTERPRISE });
    await claim.getByTestId('claim-approve').click();
    const approve = await dialogNamed(page, /核准补偿/);
    await expect(approve).toContainText('将按今日参数补偿 3,000,000.00 元');
    await approve.getByTestId('claim-reason').fill('贷款在备案期限内备案，违约损失经核实，符合补偿条件。');
    await approve.getByRole('button', { name: '核准补偿' }).click();
    await expect(approve).toBeHidden();
    await expect(claim).toContainText('已补偿');
    await expect(claim.getByTestId('claim-amount')).toHaveText('3,000,000.00 元');
    await expect(claim.getByRole('button')).toHaveCount(0);
    await screenshotForReview(page, 'finance-claim-approved');
  });
});
