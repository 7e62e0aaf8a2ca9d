import type { Locator, Page } from '@playwright/test';
import { expectDialogOpen } from '../support/dialogs.js';
import { expect, test } from '../support/test.js';
import {
  DEMO_PASSWORD,
  screenshotForReview,
  signInToCity,
  signInToProvince,
  signOut,
} from '../support/sign-in.js';

// Issue 12, story (3), finance linkage (Art. 17). A bank joins a 株洲 alliance the way any member
// does (Art. 8): the bureau adds it in the register and the alliance signs a new agreement version,
// with a task for the bank, by every member's legal representative, so the alliance's conditions
// still hold. Then an enterprise of the alliance posts a ¥10,000,000 financing need, seen by the bank
// as a member (not shared with the province's programme); the bank is introduced and answers; the
// loan is recorded and registered with the risk compensation scheme; on default the officer files a
// claim whose amount the scheme computes from its share of the principal lost and the bank's
// remaining yearly ceiling; the administrator approves it. Last, the province records the bank's
// withdrawal from its linkage programme, with a reason, after a confirmation.

// Demo data: 株洲's hard-alloy alliance (four members, its first agreement signed by all; the pilot
// story uses it later and needs its Art. 8 conditions to hold, so the bank joins under a new signed
// version); 湖南湘江银行株洲分行 is in the directory and enrolled in the province's linkage
// programme (packages/demo/src/demo-finance.ts); 株洲 applies the province's scheme (half of the
// loss, ¥5,000,000 a bank a year).
const ALLIANCE = '株洲硬质合金产业技术创新战略联盟';
const ENTERPRISE = '株洲天元切削刀具有限公司';
const BANK = '湖南湘江银行株洲分行';
const BANK_REPRESENTATIVE = '周建国';
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

async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click();
  await expect(page.getByRole('tab', { name, exact: true })).toHaveAttribute('aria-selected', 'true');
}

test.use({ actionTimeout: 20_000 });

test.describe.serial('株洲 finance linkage', () => {
  test('a bank joins the alliance under a newly signed agreement; a ¥10,000,000 need → its answer → a loan → a claim computed and approved', async ({
    page,
  }) => {
    test.setTimeout(360_000);

    await test.step('株洲 officer adds the bank to the alliance and the members sign a new agreement version', async () => {
      await signInToCity(page, '株洲市', { username: 'officer', password: DEMO_PASSWORD });
      await page.getByRole('menuitem', { name: '联盟名录' }).click();
      await expect(page).toHaveURL(/\/alliances$/);
      await expect(page.getByTestId('register-total')).toBeVisible({ timeout: 30_000 });
      await page.getByRole('link', { name: ALLIANCE }).click();
      await expect(page.getByRole('heading', { name: ALLIANCE })).toBeVisible();

      await openTab(page, '成员单位');
      await page.getByRole('button', { name: '添加成员单位' }).click();
      const add = await dialogNamed(page, '添加成员单位');
      await choose(add.getByLabel('成员单位', { exact: true }), BANK);
      await expect(add.getByTestId('picked-organization')).toContainText(BANK_REPRESENTATIVE);
      await expect(add.getByLabel('角色')).toBeVisible();
      await date(add, '加入日期', TODAY);
      await add.getByRole('button', { name: '添加', exact: true }).click();
      await expect(add).toBeHidden();
      await expect(page.getByTestId('current-members')).toContainText(BANK);

      // A new member: the signed agreement no longer covers every current member (Art. 8 (二)).
      await openTab(page, '第八条检查');
      await expect(page.getByTestId('founding-condition-AGREEMENT')).toHaveAttribute('data-holds', 'false');

      await openTab(page, '联盟协议');
      await page.getByRole('button', { name: '新建版本' }).click();
      const draft = await dialogNamed(page, /新建联盟协议版本（以第 \d+ 版为底稿）/);
      const base = Number(
        /以第 (\d+) 版为底稿/.exec((await draft.locator('.ant-modal-title').textContent()) ?? '')?.[1],
      );
      const version = base + 1;
      await draft
        .getByLabel(`${BANK}（成员单位）`)
        .fill('为联盟成员企业提供科技贷款和知识产权质押融资，参与省风险补偿资金池合作。');
      await draft.getByRole('button', { name: '保存' }).click();
      await expect(draft).toBeHidden();
      const signatures = page.getByTestId(`signatures-${version}`);
      await expect(page.getByTestId(`agreement-version-${version}`)).toContainText('草稿：尚无成员签署');

      // Every current member's legal representative signs, the bank's too.
      const unsigned = signatures.getByRole('button', { name: '登记签署' });
      const members = await unsigned.count();
      expect(members).toBeGreaterThanOrEqual(5);
      for (let i = 0; i < members; i += 1) {
        await unsigned.first().click();
        const sign = await dialogNamed(page, '登记签署');
        await expect(sign.getByLabel('签署人（法定代表人）')).not.toHaveValue('');
        await sign.getByRole('button', { name: '登记', exact: true }).click();
        await expect(sign).toBeHidden();
        await expect(unsigned).toHaveCount(members - i - 1);
      }
      await expect(signatures.getByRole('row').filter({ hasText: BANK })).toContainText(BANK_REPRESENTATIVE);
      await expect(page.getByTestId(`agreement-version-${version}`)).toContainText('本版协议生效中');

      await openTab(page, '第八条检查');
      await expect(page.getByTestId('founding-condition-AGREEMENT')).toHaveAttribute('data-holds', 'true');
      await expect(page.getByText('第八条六项基本条件全部满足')).toBeVisible();
      await screenshotForReview(page, 'finance-bank-joined');
    });

    await test.step('the officer posts the need and introduces the bank of the alliance, which answers and lends', async () => {
      await page.getByRole('menuitem', { name: '融资需求' }).click();
      await expect(page).toHaveURL(/\/city\/finance\/needs$/);
      await page.getByTestId('need-new').click();
      const post = await dialogNamed(page, '登记融资需求');
      await pick(page, post.getByTestId('need-alliance').getByRole('combobox'), ALLIANCE);
      await pick(page, post.getByTestId('need-enterprise').getByRole('combobox'), ENTERPRISE);
      await post.getByLabel('融资金额').fill('10000000');
      await post.getByLabel('资金用途').fill('超细晶粒硬质合金数控刀具产线扩产');
      await post.getByLabel('期限（月）').fill('36');
      await date(post, '发布日期', TODAY);
      // Not shared with the province's programme: only the alliance's own institutions see it.
      await expect(post.getByLabel('向省融资对接计划公开')).not.toBeChecked();
      await post.getByRole('button', { name: '登记' }).click();
      await expect(post).toBeHidden();
      const row = page
        .getByRole('row')
        .filter({ hasText: ENTERPRISE })
        .filter({ hasText: '10,000,000.00 元' });
      await expect(row).toContainText('对接中');
      await expect(row).toContainText('联盟内');

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
      // The lender is chosen among the alliance's members: the bank is one now.
      await pick(page, record.getByTestId('record-institution').getByRole('combobox'), BANK);
      await date(record, '放款（投资、承保）日期', TODAY);
      await date(record, '风险补偿备案日期', TODAY);
      await record.getByRole('button', { name: '登记' }).click();
      await expect(record).toBeHidden();
      await expect(row).toContainText('已获融资');

      await page.getByRole('menuitem', { name: '融资记录' }).click();
      await expect(
        page
          .getByRole('row')
          .filter({ hasText: ENTERPRISE })
          .filter({ hasText: BANK })
          .filter({ hasText: '10,000,000.00 元' }),
      ).toBeVisible();
    });

    await test.step('the loan defaults: the officer files a claim, computed from the share and the ceiling', async () => {
      await page.getByRole('menuitem', { name: '风险补偿' }).click();
      await page.getByTestId('claim-new').click();
      const file = await dialogNamed(page, '申请风险补偿');
      await pick(page, file.getByTestId('claim-loan').getByRole('combobox'), ENTERPRISE);
      await date(file, '违约日期', TODAY);
      await file.getByLabel('本金损失').fill('6000000');
      await file.getByRole('button', { name: '提交申请' }).click();
      await expect(file).toBeHidden();
      const claim = page.getByRole('row').filter({ hasText: ENTERPRISE });
      // Half of ¥6,000,000 is ¥3,000,000, within the bank's ¥5,000,000 for the year.
      await expect(claim).toContainText('3,000,000.00 元（试算）');
      await expect(claim).toContainText(`1/2 × 损失；${TODAY.slice(0, 4)} 年上限余额 5,000,000.00 元`);
      await expect(claim).toContainText('待审核');
      // Deciding is the administrator's.
      await expect(claim.getByTestId('claim-approve')).toHaveCount(0);
      await signOut(page, 'city');
    });

    await test.step('株洲 administrator approves it: the payout is decided and final', async () => {
      await signInToCity(page, '株洲市', { username: 'admin', password: DEMO_PASSWORD });
      await page.getByRole('menuitem', { name: '风险补偿' }).click();
      const claim = page.getByRole('row').filter({ hasText: ENTERPRISE });
      await claim.getByTestId('claim-approve').click();
      const approve = await dialogNamed(page, /核准补偿/);
      await expect(approve).toContainText(
        `将按今日参数补偿 3,000,000.00 元（本金损失的 1/2 为 3,000,000.00 元，该银行 ${TODAY.slice(0, 4)} 年度上限余额 5,000,000.00 元）`,
      );
      await approve.getByTestId('claim-reason').fill('贷款在备案期限内备案，违约损失经核实，符合补偿条件。');
      await approve.getByRole('button', { name: '核准补偿' }).click();
      await expect(approve).toBeHidden();
      await expect(claim).toContainText('已补偿');
      await expect(claim.getByTestId('claim-amount')).toHaveText('3,000,000.00 元');
      // The decision keeps its basis: the share, and the ceiling left when it was made.
      await expect(claim).toContainText(`1/2 × 损失；${TODAY.slice(0, 4)} 年上限余额 5,000,000.00 元`);
      await expect(claim).not.toContainText('试算');
      await expect(claim.getByRole('button')).toHaveCount(0);
      await screenshotForReview(page, 'finance-claim-approved');
      await signOut(page, 'city');
    });
  });

  test('the province records the bank’s withdrawal from its linkage programme, with a reason, after confirming', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await signInToProvince(page, { username: 'officer', password: DEMO_PASSWORD });
    await page.getByRole('menuitem', { name: '对接活动' }).click();
    const enrolment = page.getByRole('row').filter({ hasText: BANK });
    await expect(enrolment).toContainText('参加中');
    await enrolment.getByRole('button', { name: '退出对接计划' }).click();
    const withdraw = await dialogNamed(page, `退出省融资对接计划：${BANK}`);
    await expect(withdraw).toContainText('不再看到向对接计划公开的融资需求');
    // The reason is required: nothing is sent without it.
    await withdraw.getByRole('button', { name: '确认退出' }).click();
    await expect(withdraw).toContainText('请填写退出原因');
    await withdraw
      .getByTestId('withdraw-linkage-reason')
      .fill('该行已作为成员加入联盟，申请退出省融资对接计划。');
    await withdraw.getByRole('button', { name: '确认退出' }).click();
    await expect(withdraw).toBeHidden();
    await expect(enrolment).toContainText('已退出');
    await expect(enrolment).toContainText(`${TODAY}：该行已作为成员加入联盟，申请退出省融资对接计划。`);
    await expect(enrolment.getByRole('button', { name: '退出对接计划' })).toHaveCount(0);
    await screenshotForReview(page, 'finance-linkage-withdrawn');
  });
});
