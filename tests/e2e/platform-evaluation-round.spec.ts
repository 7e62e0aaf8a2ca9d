import { EVALUATION_GRADE_LABELS, PLATFORM_KINDS } from '@xiangmeng/domain';
import type { Browser, Page } from '@playwright/test';
import { expectDialogOpen } from '../support/dialogs.js';
import { pick } from '../support/selects.js';
import { DEMO_PASSWORD, screenshotForReview, signInToProvince } from '../support/sign-in.js';
import { expect, test } from '../support/test.js';

// Issue 12, Art. 15, evaluation by field in rounds (评估批次): the province officer opens this
// year's round of the field of the demo's centre recognised in 2023 (due after its three-year
// cycle), seats three pool experts (one tied to the centre cannot be), each expert signs in,
// confirms the declaration and scores every criterion on their own page, and the officer closes
// the round: the centre is graded 优秀 and stays in operation, as the round and the platform's
// record show. All on the pages.
//
// The round of a year and a field opens once per database; no other story opens one (the platform
// story enters its evaluations on its own centre's page, outside any round).

// Demo data (packages/demo/src/demo-platforms.ts, DEMO_PLATFORM_DUE).
const PLATFORM = '湖南省智能装备共性技术工程技术研究中心';
// Pool experts with accounts (packages/demo/src/demo-pilots.ts). expert1 is left out: other stories
// look at its 评审任务 page and expect only the demo's tasks there. 罗湘平 (expert2) works for a
// unit of the centre: the conflict rules keep him off its round.
const TIED = '罗湘平';
const EXPERTS = [
  { username: 'expert3', name: '谭晓燕' },
  { username: 'expert4', name: '陈立新' },
  { username: 'expert5', name: '刘建军' },
];
const SCHEME = PLATFORM_KINDS.ENGINEERING_RESEARCH_CENTRE.evaluation;
// Every criterion the same score per expert: each sheet's weighted total is that score and the
// round's total (no trimming under five sheets) their mean, 92.00 — 优秀 (≥ 90).
const SCORES = [90, 92, 94];
const TOTAL = '92.00';
const GRADE = EVALUATION_GRADE_LABELS.EXCELLENT;

/** One seated expert: 评审任务 → 平台评估任务 → the round → the declaration → every criterion → submit. */
async function scoreAsExpert(
  browser: Browser,
  username: string,
  score: number,
  round: string,
): Promise<void> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await signInToProvince(page, { username, password: DEMO_PASSWORD });
    await expect(page).toHaveURL(/\/province\/$/);
    await page.getByRole('menuitem', { name: '评审任务' }).click();
    await expect(page).toHaveURL(/\/province\/reviews\/mine$/);
    const tasks = page.locator('.ant-card').filter({ hasText: '平台评估任务' });
    const task = tasks.getByRole('row').filter({ hasText: round });
    await expect(task).toContainText(`已提交 0 / 1`);
    await task.getByRole('link', { name: round }).click();
    await expect(page).toHaveURL(/\/province\/reviews\/mine\/platform-evaluations\/[0-9a-f-]{36}$/);

    // The sheet stays closed until the commitment and no-conflict declaration is confirmed.
    const sheet = page.locator('.ant-card').filter({ hasText: PLATFORM });
    const first = SCHEME.criteria[0]!;
    await expect(sheet.getByLabel(`${first.label}（${first.weight}%）`)).toBeDisabled();
    await page.getByTestId('review-declare-open').click();
    const declaration = page.getByRole('dialog');
    await expectDialogOpen(declaration);
    await expect(page.getByTestId('review-declaration-text')).toContainText('回避声明');
    await page.getByTestId('review-declare-confirm').click();
    await expect(declaration).toBeHidden();
    await expect(page.getByText('确认评审承诺书及回避声明')).toBeVisible();

    for (const c of SCHEME.criteria) {
      const field = sheet.getByLabel(`${c.label}（${c.weight}%）`);
      await expect(field).toBeEnabled();
      await field.fill(String(score));
    }
    await sheet.getByRole('button', { name: '提交评分' }).click();
    const confirm = page.locator('.ant-modal-confirm');
    await expectDialogOpen(confirm);
    await expect(confirm).toContainText(`加权得分 ${score} 分（${GRADE}档）`);
    await confirm.getByRole('button', { name: '确认提交' }).click();
    await expect(confirm).toBeHidden();
    await expect(sheet).toContainText('已提交');
    await expect(sheet).toContainText(`加权得分 ${score}`);
    await expect(sheet.getByLabel(`${first.label}（${first.weight}%）`)).toBeDisabled();
  } finally {
    await context.close();
  }
}

/** The due centre's page, from the 创新平台 menu. */
async function openPlatform(page: Page): Promise<void> {
  await page.getByRole('menuitem', { name: /创新平台/ }).click();
  const row = page.getByRole('row').filter({ hasText: PLATFORM });
  await row.getByRole('link', { name: PLATFORM }).click();
  await expect(page).toHaveURL(/\/province\/platforms\/[0-9a-f-]{36}$/);
}

test.use({ actionTimeout: 20_000 });

test('the province evaluates this year’s due centre of a field in a round: experts score on their pages, closing grades it', async ({
  page,
  browser,
}) => {
  // About two minutes on a quiet machine; the margin is for CI's loaded two cores.
  test.setTimeout(300_000);
  const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
  let field = '';
  let round = '';

  await test.step('the officer opens this year’s round of the centre’s field: the centre is due', async () => {
    await signInToProvince(page, { username: 'officer', password: DEMO_PASSWORD });
    await openPlatform(page);
    const fieldItem = page.locator('.ant-descriptions-item').filter({ hasText: '所属领域' });
    field = (await fieldItem.locator('.ant-descriptions-item-content').innerText()).trim();
    expect(field).not.toBe('');
    round = `${year} 年度「${field}」领域创新平台评估`;

    await page.getByRole('menuitem', { name: '平台评估' }).click();
    await expect(page).toHaveURL(/\/province\/platforms\/evaluation-rounds$/);
    await page.getByTestId('evaluation-round-open').click();
    const dialog = page.getByRole('dialog', { name: '开启评估批次' });
    await expectDialogOpen(dialog);
    await expect(dialog.getByLabel('评估年度')).toHaveValue(String(year));
    await pick(page, dialog.getByTestId('evaluation-round-field'), field, true);
    await dialog.getByRole('button', { name: '开启' }).click();
    await expect(dialog).toBeHidden();
    await expect(page).toHaveURL(/\/province\/platforms\/evaluation-rounds\/[0-9a-f-]{36}$/);
    await expect(page.getByText(`${year} 年度「${field}」领域平台评估`).first()).toBeVisible();
    const row = page.getByRole('row').filter({ hasText: PLATFORM });
    await expect(row).toContainText('定期评估');
    await expect(row).toContainText(`至少需要 ${SCHEME.minSheets} 份`);
    await expect(page.getByTestId('evaluation-round-close')).toBeDisabled();
  });

  await test.step('the officer seats three pool experts free of ties to the centre', async () => {
    await page.getByTestId('evaluation-round-seat').click();
    const dialog = page.getByRole('dialog', { name: '选定评估专家' });
    await expectDialogOpen(dialog);
    const tied = dialog.getByRole('row').filter({ hasText: TIED });
    await expect(tied).toContainText(`「${PLATFORM}」`);
    await expect(tied.getByRole('checkbox')).toBeDisabled();
    expect(EXPERTS).toHaveLength(SCHEME.minSheets);
    for (const expert of EXPERTS)
      await dialog.getByRole('row').filter({ hasText: expert.name }).getByRole('checkbox').check();
    await expect(dialog.getByTestId('evaluation-seat-confirm')).toHaveText(`选定 ${EXPERTS.length} 位专家`);
    await dialog.getByTestId('evaluation-seat-confirm').click();
    await expect(dialog).toBeHidden();
    const seats = page.locator('.ant-card').filter({ hasText: '评估专家（' });
    for (const expert of EXPERTS)
      await expect(seats.getByRole('row', { name: expert.name })).toContainText('未确认');
    const row = page.getByRole('row').filter({ hasText: PLATFORM });
    await expect(row).toContainText(`已提交 0 / ${SCHEME.minSheets}`);
  });

  await test.step('each expert signs in, declares and scores every criterion on their own page', async () => {
    for (const [i, expert] of EXPERTS.entries())
      await scoreAsExpert(browser, expert.username, SCORES[i]!, round);
  });

  await test.step('the officer closes the round: the centre is graded and stays in operation', async () => {
    await page.reload();
    const row = page.getByRole('row').filter({ hasText: PLATFORM });
    await expect(row).toContainText(`已提交 ${SCHEME.minSheets} / ${SCHEME.minSheets}`);
    await page.getByTestId('evaluation-round-close').click();
    const confirm = page.locator('.ant-modal-confirm');
    await expectDialogOpen(confirm);
    await expect(confirm).toContainText('结束后不能再评分，评估结果不可更改。');
    await page.getByTestId('evaluation-round-close-confirm').click();
    await expect(confirm).toBeHidden();
    await expect(page.locator('.ant-card-head').filter({ hasText: '已结束' })).toBeVisible();
    await expect(row).toContainText(`${GRADE} ${TOTAL}`);
    await expect(row).toContainText('运行中');
    await expect(page.getByTestId('evaluation-round-close')).toHaveCount(0);
    await screenshotForReview(page, 'platform-evaluation-round-closed');

    // The platform's record keeps the evaluation, from the round, with each expert's sheet.
    await row.getByRole('link', { name: PLATFORM }).click();
    await expect(page).toHaveURL(/\/province\/platforms\/[0-9a-f-]{36}$/);
    await page.getByRole('tab', { name: /评估/ }).click();
    const evaluation = page.getByRole('row').filter({ hasText: TOTAL });
    await expect(evaluation).toContainText(String(year));
    await expect(evaluation).toContainText('评估批次');
    await expect(evaluation).toContainText(GRADE);
    await expect(evaluation).toContainText('运行中 → 运行中');
    await evaluation.locator('.ant-table-row-expand-icon').click();
    for (const [i, expert] of EXPERTS.entries())
      await expect(
        page.getByRole('row', {
          name: `${expert.name} ${SCHEME.criteria.map(() => SCORES[i]).join(' ')}`,
          exact: true,
        }),
      ).toBeVisible();
  });
});
