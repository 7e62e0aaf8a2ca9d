import type { Browser, Locator, Page } from '@playwright/test';
import { expectDialogOpen } from '../support/dialogs.js';
import { expect, test } from '../support/test.js';
import {
  DEMO_PASSWORD,
  screenshotForReview,
  signInToCity,
  signInToProvince,
  signOut,
} from '../support/sign-in.js';
import { pick } from '../support/selects.js';

// A 株洲 alliance becomes a provincial pilot (Art. 9–13), across both apps: the 株洲 officer
// submits it to the province's open call, the bureau admin recommends it, a province officer
// accepts it and assigns the proposed panel of five (the seat picker greys out an expert tied to
// the recommending bureau, saying why), five experts score it one after another,
// the officer closes the review, the province admin approves it with a written decision, and the
// 株洲 officer finds the alliance marked 省级试点 in the register and on the province's list.
// 公示 is the authority's choice (Art. 13 "may"): its notice period runs in days, so the story
// decides directly from 评审完成.

// Demo data (packages/demo/src/demo-register.data.ts, demo-pilots.ts): an established 株洲
// alliance meeting Art. 8, the province's open call, and the province pool's expert accounts.
const ALLIANCE = '株洲硬质合金产业技术创新战略联盟';
const CALL = '2026年度湖南省产业技术创新战略联盟试点申报';
const EXPERTS = ['expert1', 'expert2', 'expert3', 'expert4', 'expert5'];
const CRITERIA = [
  'IMPORTANCE',
  'NECESSITY',
  'INNOVATION_GOALS',
  'IMPLEMENTATION_PLAN',
  'OPERATING_MECHANISM',
  'COMPREHENSIVE_STRENGTH',
  'BUDGET',
  'RESULTS_AND_BENEFITS',
] as const;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** antd Select: type to filter, Enter picks the first match. */
async function choose(field: Locator, text: string): Promise<void> {
  await field.click();
  await field.fill(text);
  await field.press('Enter');
}

/** A pilot action button, its confirmation (with the opinion or decision when one is asked), done. */
async function act(page: Page, action: string, text?: string): Promise<void> {
  await page.getByTestId(`pilot-action-${action}`).click();
  const dialog = page.getByRole('dialog');
  await expectDialogOpen(dialog);
  if (text !== undefined) await dialog.getByTestId('pilot-action-text').fill(text);
  await dialog.getByTestId('pilot-action-confirm').click();
  await expect(dialog).toBeHidden();
}

async function expectState(page: Page, label: string): Promise<void> {
  await expect(page.getByTestId('pilot-state').first()).toHaveText(label);
}

/** Opens the one work-list item of `kind` for the alliance, from the 待办 menu entry. */
async function openWorkItem(page: Page, kind: string): Promise<void> {
  await page.getByRole('menuitem', { name: /待办/ }).click();
  const group = page.getByTestId(`work-group-${kind}`);
  await expect(group).toBeVisible();
  await group.getByRole('link', { name: ALLIANCE }).click();
}

/** One expert signs in to the province app, lands on 工作台, opens 评审任务 and scores the dossier. */
async function scoreAsExpert(browser: Browser, username: string, base: number): Promise<void> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await signInToProvince(page, { username, password: DEMO_PASSWORD });
    // An expert's reduced view: 工作台, 待办 and 评审任务 only; the workbench lists the task.
    await expect(page).toHaveURL(/\/province\/$/);
    await expect(page.getByRole('menuitem')).toHaveCount(3);
    await expect(page.getByRole('menuitem', { name: /待办/ })).toBeVisible();
    await expect(page.getByTestId('menu-badge-work')).toHaveText('1');
    await expect(page.getByTestId('workbench-reviews').getByRole('link', { name: ALLIANCE })).toBeVisible();
    await page.getByRole('menuitem', { name: '评审任务' }).click();
    await expect(page).toHaveURL(/\/province\/reviews\/mine$/);
    await page.getByRole('link', { name: ALLIANCE }).click();
    await expect(page.getByTestId('review-sheet-status')).toHaveText('未提交');
    await expect(page.getByTestId('review-dossier')).toBeVisible();
    if (username === EXPERTS[0]) {
      // The dossier's feasibility report downloads for the assigned expert, byte for byte.
      await page.getByRole('tab', { name: /^附件/ }).click();
      const link = page.getByRole('link', { name: '试点可行性报告.pdf' });
      const download = await page.request.get((await link.getAttribute('href')) ?? '');
      expect(download.ok()).toBe(true);
      expect(Buffer.from(await download.body()).equals(PDF)).toBe(true);
      // Staff pages are not for experts: the register sends them back to their workbench.
      const here = page.url();
      await page.goto('/province/alliances');
      await expect(page).toHaveURL(/\/province\/$/);
      await page.goto(here);
      await expect(page.getByTestId('review-sheet-status')).toHaveText('未提交');
    }

    // The commitment and no-conflict declaration comes first: the sheet stays closed until then.
    await expect(page.getByTestId('review-declaration-required')).toBeVisible();
    await expect(page.getByTestId(`score-${CRITERIA[0]}`)).toBeDisabled();
    await page.getByTestId('review-declare-open').click();
    await expect(page.getByTestId('review-declaration-text')).toContainText('回避声明');
    await page.getByTestId('review-declare-confirm').click();
    await expect(page.getByTestId('review-declared')).toBeVisible();
    await expect(page.getByTestId('review-scale')).toContainText('90–100 分：优秀');

    // A score out of range is refused with the range, not clamped to it.
    if (username === EXPERTS[0]) {
      await page.getByTestId(`score-${CRITERIA[0]}`).fill('150');
      await page.getByTestId('review-save').click();
      await expect(page.getByText('得分须在 0–100 之间')).toBeVisible();
      await expect(page.getByTestId(`score-${CRITERIA[0]}`)).toHaveValue('150');
    }
    // A draft first: saved, still editable.
    await page.getByTestId(`score-${CRITERIA[0]}`).fill(String(base));
    await page.getByTestId('review-save').click();
    await expect(page.getByText('评分表已保存')).toBeVisible();
    await expect(page.getByTestId('review-sheet-status')).toHaveText('未提交');

    // Submitting an incomplete sheet is stopped before it is sent.
    await page.getByTestId('review-submit').click();
    await expect(page.getByTestId('review-sheet-error')).toContainText('评分表尚未填写完整');

    for (const [i, key] of CRITERIA.entries()) {
      await page.getByTestId(`score-${key}`).fill(String(base + (i % 3)));
      await page.getByTestId(`score-comment-${key}`).fill(`${username} 对第 ${i + 1} 项的评语`);
    }
    await expect(page.getByTestId('review-total')).not.toContainText('未评完');
    await page.getByTestId('review-opinion').fill('联盟基础扎实，试点方案可行，建议确认为省级试点。');
    await page.getByTestId('review-recommendation').getByText('建议确认为试点').click();
    await page.getByTestId('review-submit').click();
    const confirm = page.getByRole('dialog');
    await expectDialogOpen(confirm);
    await expect(confirm).toContainText('提交后不可修改，如需修改须由组织单位退回');
    await confirm.getByRole('button', { name: '提交' }).click();
    await expect(page.getByTestId('review-sheet-status')).toHaveText('已提交');
    await expect(page.getByTestId('review-sheet-locked')).toBeVisible();
    await expect(page.getByTestId('review-submit')).toHaveCount(0);
    await expect(page.getByTestId(`score-${CRITERIA[0]}`)).toBeDisabled();
    if (username === EXPERTS[0]) await screenshotForReview(page, 'pilot-expert-sheet-submitted');
    await signOut(page, 'province');
  } finally {
    await context.close();
  }
}

// A lost click fails within seconds rather than at the end of the story's long timeout.
test.use({ actionTimeout: 20_000 });

test('a 株洲 alliance goes from application to 省级试点 through recommendation, expert review and decision', async ({
  page,
  browser,
}) => {
  test.setTimeout(420_000);

  // 1. The 株洲 officer attaches a feasibility report to the alliance and submits the application.
  await test.step('株洲 officer prepares and submits', async () => {
    await signInToCity(page, '株洲市', { username: 'officer', password: DEMO_PASSWORD });
    await page.getByRole('menuitem', { name: '联盟名录' }).click();
    await expect(page).toHaveURL(/\/alliances$/);
    // The register itself, not the page left behind while its code loads.
    await expect(page.getByTestId('register-total')).toBeVisible();
    await page.getByRole('link', { name: ALLIANCE }).click();
    await expect(page.getByRole('heading', { name: ALLIANCE })).toBeVisible();
    await page.getByRole('tab', { name: '文件', exact: true }).click();
    await pick(page, page.getByLabel('类别'), '组建可行性报告');
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: '试点可行性报告.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('button', { name: '上传', exact: true }).click();
    await expect(page.getByRole('row').filter({ hasText: '试点可行性报告.pdf' })).toBeVisible();

    await page.getByRole('menuitem', { name: '试点申报' }).click();
    await expect(page).toHaveURL(/\/city\/pilots\/applications$/);
    await page.getByRole('button', { name: '新建申报' }).click();
    await expect(page.getByTestId('pilot-new-call')).toContainText(CALL);
    await choose(page.getByTestId('pilot-new-alliance').getByRole('combobox'), ALLIANCE);
    await page.getByTestId('pilot-new-submit').click();
    await expect(page).toHaveURL(/\/city\/pilots\/applications\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('pilot-alliance-name')).toHaveText(ALLIANCE);
    await expectState(page, '草稿');

    // The form's fields by their names (antd ids: <form name>_<field>), whatever their labels say.
    const field = (name: string) => page.locator(`#pilot-application-form_${name}`);
    await field('goals').fill('建成硬质合金及数控刀具共性技术研发平台，突破超细晶粒硬质合金制备技术。');
    await field('workPlan').fill('第一年建设中试线；第二年完成关键工艺验证；第三年推广应用并制定团体标准。');
    await field('budget').fill('1200.50');
    await field('ownInvestment').fill('800');
    await field('expectedResults').fill('形成发明专利 10 项、团体标准 2 项，带动产值 5 亿元。');
    // Past its limit a text is kept, counted and refused with a message, never cut off silently.
    const tooLong = '李'.repeat(41);
    await field('contactName').fill(tooLong);
    await page.getByTestId('pilot-form-save').click();
    await expect(page.getByText('联系人不能超过 40 个字')).toBeVisible();
    await expect(field('contactName')).toHaveValue(tooLong);
    await field('contactName').fill('李志强');
    await field('contactPhone').fill('0731-28888888');
    await pick(page, field('feasibilityDocumentId'), '试点可行性报告');
    await page.getByTestId('pilot-form-save').click();
    await expect(page.getByText('申报书已保存')).toBeVisible();
    // The saved form stays on screen (the form starts afresh for the new version).
    await expect(field('workPlan')).toHaveValue(
      '第一年建设中试线；第二年完成关键工艺验证；第三年推广应用并制定团体标准。',
    );
    // Amounts read with separators, and are typed without them.
    await expect(field('budget')).toHaveValue('1,200.50');
    await field('budget').focus();
    await expect(field('budget')).toHaveValue('1200.50');
    await field('budget').blur();

    await act(page, 'SUBMIT');
    await expectState(page, '已提交推荐单位');
    await screenshotForReview(page, 'pilot-submitted');
    await signOut(page, 'city');
  });

  // 2. The bureau admin (not the submitter) recommends it with a signed opinion.
  await test.step('株洲 bureau admin recommends', async () => {
    await signInToCity(page, '株洲市', { username: 'admin', password: DEMO_PASSWORD });
    await expect(page.getByTestId('menu-badge-work')).toBeVisible();
    await openWorkItem(page, 'RECOMMEND');
    await expect(page.getByTestId('pilot-alliance-name')).toHaveText(ALLIANCE);
    await act(page, 'RECOMMEND', '该联盟运行规范，产学研合作成效显著，同意推荐申报省级试点。');
    await expectState(page, '已推荐');
    await expect(page.getByTestId('pilot-recommendation')).toContainText('同意推荐申报省级试点');
    await signOut(page, 'city');
  });

  // 3. A province officer accepts it, assigns the proposed panel of five and starts the review.
  await test.step('province officer accepts, assigns the panel and starts the review', async () => {
    await signInToProvince(page, { username: 'officer', password: DEMO_PASSWORD });
    await openWorkItem(page, 'CHECK');
    await act(page, 'ACCEPT');
    await expectState(page, '形式审查通过');

    const panel = page.getByTestId('review-panel-section');
    await panel.getByTestId('panel-propose').click();
    await expect(panel.getByTestId('panel-proposed')).toHaveCount(5);
    // The seat picker greys out 曾桂芳, tied to the recommending bureau (株洲), and says why in the option.
    await panel.getByTestId('panel-slot-0').click();
    const dropdown = page.locator('.ant-select-dropdown:visible');
    await expect(
      dropdown.locator('.ant-select-item-option-disabled').filter({ hasText: '曾桂芳' }),
    ).toBeVisible();
    // The picker opens on the screen, below its seat, not off its left edge.
    const popup = await dropdown.boundingBox();
    const slot = await panel.getByTestId('panel-slot-0').boundingBox();
    expect(popup!.x).toBeGreaterThanOrEqual(0);
    expect(popup!.x + popup!.width).toBeLessThanOrEqual(page.viewportSize()!.width);
    expect(Math.abs(popup!.x - slot!.x)).toBeLessThan(4);
    const conflicted = dropdown.locator('[data-testid="panel-candidate"][data-expert-name="曾桂芳"]');
    await expect(conflicted).toHaveAttribute('data-conflicted', 'true');
    await expect(conflicted.getByTestId('candidate-conflict')).toContainText('任职于推荐单位');
    await screenshotForReview(page, 'pilot-panel-conflicted-candidate');
    await page.keyboard.press('Escape');
    await expect(dropdown).toHaveCount(0);
    // 开始专家评审 is offered only once the panel is formed; forming it asks first and says it is done.
    await expect(page.getByTestId('pilot-action-START_REVIEW')).toHaveCount(0);
    await panel.getByTestId('panel-confirm').click();
    const confirmPanel = page.locator('.ant-modal-confirm').filter({ hasText: '确认组成专家组' });
    await expectDialogOpen(confirmPanel);
    await confirmPanel.getByRole('button', { name: '确认组成' }).click();
    await expect(page.getByText('专家组已组成')).toBeVisible();
    await expect(panel.getByTestId('panel-seat')).toHaveCount(5);
    await act(page, 'START_REVIEW');
    await expectState(page, '专家评审中');
    // The progress bar beside the timeline stands at the review, the steps before it done.
    const progress = page.getByTestId('pilot-progress');
    await expect(progress.locator('.ant-steps-item-process')).toContainText('专家评审中');
    await expect(progress.locator('.ant-steps-item-finish')).toHaveCount(4);
    await screenshotForReview(page, 'pilot-panel-assigned');
    await signOut(page, 'province');
  });

  // 4. Five experts, one after another, each in their own browser session.
  for (const [i, username] of EXPERTS.entries()) {
    await test.step(`${username} scores`, () => scoreAsExpert(browser, username, 78 + i * 2));
  }

  // 5. The officer sees five sheets in and closes the review.
  await test.step('province officer closes the review', async () => {
    await signInToProvince(page, { username: 'officer', password: DEMO_PASSWORD });
    await openWorkItem(page, 'CLOSE_REVIEW');
    await expect(page.getByTestId('panel-seat-status').filter({ hasText: '已提交' })).toHaveCount(5);
    await act(page, 'CLOSE_REVIEW');
    await expectState(page, '评审完成');
    await signOut(page, 'province');
  });

  // 6. The province admin approves it with a written decision recording its basis.
  await test.step('province admin approves', async () => {
    await signInToProvince(page, { username: 'admin', password: DEMO_PASSWORD });
    await openWorkItem(page, 'DECIDE');
    await act(page, 'APPROVE', '经专家评审，评审总分达到合格线，确认为省级产业技术创新战略联盟试点。');
    await expectState(page, '已确认试点');
    await expect(page.getByTestId('pilot-decision')).toContainText('确认为省级产业技术创新战略联盟试点');
    await expect(page.getByTestId('pilot-decision-basis')).toContainText('合格线');
    await screenshotForReview(page, 'pilot-approved');
    await signOut(page, 'province');
  });

  // 7. Back in 株洲: the register and the province's confirmed list show the new provincial pilot.
  await test.step('株洲 officer sees 省级试点', async () => {
    await signInToCity(page, '株洲市', { username: 'officer', password: DEMO_PASSWORD });
    await page.getByRole('menuitem', { name: '联盟名录' }).click();
    await expect(page).toHaveURL(/\/alliances$/);
    // The register itself, not the page left behind while its code loads.
    await expect(page.getByTestId('register-total')).toBeVisible();
    await page.getByRole('link', { name: ALLIANCE }).click();
    await expect(page.getByRole('heading', { name: ALLIANCE })).toBeVisible();
    await expect(page.getByText('省级试点', { exact: true }).first()).toBeVisible();
    await expect(page.getByTestId('alliance-pilot')).toContainText('确认');
    await expect(
      page.getByTestId('alliance-pilot').getByRole('link', { name: '查看试点申报' }),
    ).toBeVisible();

    await page.getByRole('menuitem', { name: '试点名单' }).click();
    const provinceList = page.getByTestId('confirmed-province');
    await expect(provinceList.getByRole('row').filter({ hasText: ALLIANCE })).toContainText('省级试点');
    await screenshotForReview(page, 'pilot-confirmed-list');
  });
});

test('a city sorts its pilot applications by a column: the server orders the page, and the address keeps the order', async ({
  page,
}) => {
  await signInToCity(page, '株洲市', { username: 'officer', password: DEMO_PASSWORD });
  await expect(page).toHaveURL(/\/city\/$/);
  await page.getByRole('menuitem', { name: '试点申报' }).click();
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows.first()).toBeVisible();
  // The alliances' names as shown, in order by pinyin (ascending or descending) or not.
  const collator = new Intl.Collator('zh');
  const orderOfNames = async () => {
    const names = await rows.locator('td:first-child').allInnerTexts();
    const pairs = names.slice(1).map((name, i) => collator.compare(names[i]!, name));
    if (pairs.every((c) => c <= 0)) return 'ascend';
    if (pairs.every((c) => c >= 0)) return 'descend';
    return 'unordered';
  };
  const asked = (orderBy: string, descending: boolean) =>
    page.waitForRequest((r) => {
      const body = r.postData() ?? '';
      return (
        r.url().includes('/graphql') &&
        body.includes(`"orderBy":"${orderBy}"`) &&
        body.includes(`"descending":${descending}`)
      );
    });
  const header = page.getByRole('columnheader', { name: '联盟' });

  const ascending = asked('ALLIANCE_NAME', false);
  await header.click();
  await ascending;
  await expect(page).toHaveURL(/sort=alliance&order=ascend/);
  await expect.poll(orderOfNames).toBe('ascend');

  const descending = asked('ALLIANCE_NAME', true);
  await header.click();
  await descending;
  await expect(page).toHaveURL(/sort=alliance&order=descend/);
  await expect.poll(orderOfNames).toBe('descend');

  await page.reload();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  await expect(rows.first()).toBeVisible();
  await expect.poll(orderOfNames).toBe('descend');
});
