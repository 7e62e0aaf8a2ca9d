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
import { pick } from '../support/selects.js';

// Issue 10: a 株洲 city pilot is filed with the province (备案, Art. 21), across both apps. The
// 株洲 officer attaches the round's required documents to the alliance, starts a filing in the
// open round, writes the significance statement, claims the level and submits; a province officer
// finds it among the received filings and returns it with a reason and a correction deadline; the
// 株洲 officer reads why, corrects the statement and resubmits (a second frozen snapshot); the
// officer accepts it (形式审查); the province admin files it, which numbers it 湘盟备〔year〕N号,
// and opens the printable 备案证明; the 株洲 officer finds it 已备案 with its number in the
// bureau's filings and register, and a notice in the message centre; the province finds it in its
// province-wide register and opens the live record; a 长沙 officer finds nothing of it.
// The story files in the year's supplementary round, which sets no public notice: a notice runs
// in days (filing waits for it to end, guard NOTICE_PERIOD_OVER), longer than a story.

// Demo data (packages/demo/src/demo-filings.ts): 株洲's city pilot, confirmed by the city's own
// 2024 call, established and not filed; this year's supplementary round (no notice, the default
// required documents).
const ALLIANCE = '株洲轨道交通装备产业技术创新战略联盟';
const YEAR = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
const ROUND = `湘科函〔${YEAR}〕15号`;
const LEVEL = '对全省相关产业发展具有重大影响';
const SIGNIFICANCE =
  '联盟汇聚电力机车整车、牵引传动和关键零部件骨干企业及高校院所，围绕高速重载机车和城轨车辆开展联合攻关，' +
  '支撑株洲轨道交通装备产业集群，对全省轨道交通装备产业发展具有重大影响。';
const RETURN_REASON = '重大影响说明未列明联盟成果在省内的转化应用情况，请补充后重新提交。';
const CORRECTION = '近三年联盟成员在省内转化应用成果 12 项，带动省内配套企业新增产值约 30 亿元。';

/** A date `days` after today in China, as the date picker takes it. */
function chinaDateIn(days: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** The round's required documents: each a small PDF, uploaded to the alliance under its register kind. */
const DOCUMENTS = [
  { kind: '推荐函', file: '推荐函.pdf', registerKind: '其他附件' },
  { kind: '备案申请表', file: '备案申请表.pdf', registerKind: '其他附件' },
  { kind: '联盟协议或章程', file: '联盟协议.pdf', registerKind: '联盟协议扫描件' },
  { kind: '理事会组成名单', file: '理事会组成名单.pdf', registerKind: '其他附件' },
  { kind: '试点确认文件', file: '市级试点确认文件.pdf', registerKind: '其他附件' },
] as const;

/** A minimal PDF, its comment line making each file's content (and SHA-256) its own. */
const pdf = (n: number) =>
  Buffer.from(
    `%PDF-1.4\n% document ${n}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
  );

/** antd Select: type to filter, Enter picks the first match. */
async function choose(field: Locator, text: string): Promise<void> {
  await field.click();
  await field.fill(text);
  await field.press('Enter');
}

/** A filing action button and its confirmation, which names nothing blocking it; done. */
async function act(page: Page, action: string): Promise<Locator> {
  await page.getByTestId(`filing-action-${action}`).click();
  const dialog = page.getByRole('dialog');
  await expectDialogOpen(dialog);
  await expect(dialog.getByTestId('filing-action-blocked')).toHaveCount(0);
  return dialog;
}

async function confirm(dialog: Locator): Promise<void> {
  await dialog.getByTestId('filing-action-confirm').click();
  await expect(dialog).toBeHidden();
}

async function expectState(page: Page, label: string): Promise<void> {
  await expect(page.getByTestId('filing-state').first()).toHaveText(label);
}

/** The alliance's row in 收到的备案 (province) or 联盟备案 (city), in `state`. */
async function filingRow(page: Page, menu: string, state: string): Promise<Locator> {
  await page.getByRole('menuitem', { name: menu }).click();
  await expect(page).toHaveURL(/\/filings$/);
  const row = page.getByRole('row').filter({ hasText: ALLIANCE });
  await expect(row).toContainText(state);
  return row;
}

async function openFiling(row: Locator): Promise<void> {
  await row.getByTestId('filing-open').click();
  await expect(row.page().getByTestId('filing-alliance-name')).toHaveText(ALLIANCE);
}

// A lost click fails within seconds rather than at the end of the story's long timeout.
test.use({ actionTimeout: 20_000 });

test('株洲 files its city pilot with the province: returned, corrected, filed with a number and a certificate; 长沙 sees none of it', async ({
  page,
}) => {
  test.setTimeout(300_000);
  let filingNumber = '';

  // 1. The 株洲 officer uploads the documents, starts the filing, completes and submits it.
  await test.step('株洲 officer prepares and submits the filing', async () => {
    await signInToCity(page, '株洲市', { username: 'officer', password: DEMO_PASSWORD });
    await page.getByRole('menuitem', { name: '联盟名录' }).click();
    await expect(page).toHaveURL(/\/alliances$/);
    // The register itself, not the page left behind while its code loads.
    await expect(page.getByTestId('register-total')).toBeVisible();
    await page.getByRole('link', { name: ALLIANCE }).click();
    await expect(page.getByRole('heading', { name: ALLIANCE })).toBeVisible();
    // The city's own pilot process confirmed it (its 2024 call); it has not been filed.
    await expect(page.getByTestId('alliance-pilot')).toContainText('市级试点');
    await expect(page.getByTestId('alliance-pilot')).toContainText('确认');
    await expect(
      page.getByTestId('alliance-pilot').getByRole('link', { name: '查看试点申报' }),
    ).toBeVisible();
    await expect(page.getByTestId('alliance-filing')).toHaveCount(0);
    await page.getByRole('tab', { name: '文件', exact: true }).click();
    // After an upload the button's spinner can linger in its leave motion on a loaded machine, and
    // with it the spinner's name: the button then reads 「loading 上传」.
    const upload = page.getByRole('button', { name: /上传$/ });
    for (const [n, document] of DOCUMENTS.entries()) {
      await pick(page, page.getByLabel('类别'), document.registerKind);
      await page
        .locator('input[type="file"]')
        .setInputFiles({ name: document.file, mimeType: 'application/pdf', buffer: pdf(n) });
      await upload.click();
      await expect(page.getByRole('row').filter({ hasText: document.file })).toBeVisible();
    }

    await page.getByRole('menuitem', { name: '联盟备案' }).click();
    await expect(page).toHaveURL(/\/city\/filings$/);
    await page.getByTestId('filing-new').click();
    const newFiling = page.getByRole('dialog', { name: '新建备案' });
    await expectDialogOpen(newFiling);
    await pick(page, newFiling.getByTestId('new-filing-round'), ROUND);
    await choose(newFiling.getByTestId('new-filing-alliance').getByRole('combobox'), ALLIANCE);
    await newFiling.getByRole('button', { name: '创建备案草稿' }).click();
    await expect(newFiling).toBeHidden();
    await expect(page).toHaveURL(/\/city\/filings\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('filing-alliance-name')).toHaveText(ALLIANCE);
    await expectState(page, '草稿');
    // A round without notice: submitted, accepted, filed.
    await expect(page.getByTestId('filing-steps')).not.toContainText('公示中');

    await page.getByLabel('重大影响说明').fill(SIGNIFICANCE);
    await page.getByTestId('filing-level').getByText(LEVEL).click();
    await expect(page.getByLabel(LEVEL)).toBeChecked();
    const required = page.getByTestId('filing-required-kinds');
    for (const document of DOCUMENTS) await expect(required).toContainText(`未附：${document.kind}`);
    for (const [n, document] of DOCUMENTS.entries()) {
      await page.getByTestId('filing-document-add').click();
      const row = page.getByTestId('filing-document-row').nth(n);
      await pick(page, row.getByRole('combobox').first(), document.kind);
      await pick(page, row.getByRole('combobox').nth(1), document.file);
      await expect(required).toContainText(`已附：${document.kind}`);
    }
    await expect(required).not.toContainText('未附');
    await page.getByTestId('filing-dossier-save').click();
    await expect(page.getByText('备案材料已保存')).toBeVisible();
    // The saved dossier stays on screen.
    await expect(page.getByLabel('重大影响说明')).toHaveValue(SIGNIFICANCE);
    await expect(page.getByLabel(LEVEL)).toBeChecked();
    await expect(page.getByTestId('filing-document-row')).toHaveCount(DOCUMENTS.length);
    await screenshotForReview(page, 'filing-dossier');

    const submit = await act(page, 'SUBMIT');
    await expect(submit).toContainText('系统固定备案快照');
    await expect(submit.getByTestId('filing-submit-missing')).toHaveCount(0);
    await confirm(submit);
    await expectState(page, '已提交');
    // The dossier is the province's now: read-only, frozen in the snapshot.
    await expect(page.getByTestId('filing-dossier-save')).toHaveCount(0);
    await expect(page.getByRole('tab', { name: '快照历史（1）' })).toBeVisible();
    await screenshotForReview(page, 'filing-submitted');
    await signOut(page, 'city');
  });

  // 2. A province officer finds it among the received filings and returns it for correction.
  await test.step('province officer returns it with a reason and a deadline', async () => {
    await signInToProvince(page, { username: 'officer', password: DEMO_PASSWORD });
    const received = await filingRow(page, '收到的备案', '已提交');
    await expect(received).toContainText('株洲市');
    await expect(received).toContainText(ROUND);
    await screenshotForReview(page, 'filing-received');
    await openFiling(received);
    await page.getByRole('tab', { name: '备案材料', exact: true }).click();
    const dossier = page.getByTestId('filing-dossier-readonly');
    await expect(dossier).toContainText(SIGNIFICANCE);
    for (const document of DOCUMENTS) await expect(dossier).toContainText(document.file);

    const back = await act(page, 'RETURN');
    const deadline = back.getByLabel('补正期限');
    await deadline.click();
    await deadline.fill(chinaDateIn(10));
    await deadline.press('Enter');
    await back.getByTestId('filing-action-reason').fill(RETURN_REASON);
    await confirm(back);
    await expectState(page, '退回修改');
    await signOut(page, 'province');
  });

  // 3. 株洲 reads why, corrects the statement and resubmits: a second snapshot is frozen.
  await test.step('株洲 officer corrects and resubmits', async () => {
    await signInToCity(page, '株洲市', { username: 'officer', password: DEMO_PASSWORD });
    await openFiling(await filingRow(page, '联盟备案', '退回修改'));
    await expect(page.getByText(`退回理由（补正期限 ${chinaDateIn(10)}）`)).toBeVisible();
    await expect(page.getByText(RETURN_REASON, { exact: true })).toBeVisible();
    const statement = page.getByLabel('重大影响说明');
    await statement.fill(`${SIGNIFICANCE}${CORRECTION}`);
    await page.getByTestId('filing-dossier-save').click();
    await expect(page.getByText('备案材料已保存')).toBeVisible();
    await expect(statement).toHaveValue(`${SIGNIFICANCE}${CORRECTION}`);
    await confirm(await act(page, 'SUBMIT'));
    await expectState(page, '已提交');
    await expect(page.getByRole('tab', { name: '快照历史（2）' })).toBeVisible();
    await signOut(page, 'city');
  });

  // 4. The officer accepts the corrected filing after the formal check.
  await test.step('province officer accepts it', async () => {
    await signInToProvince(page, { username: 'officer', password: DEMO_PASSWORD });
    await openFiling(await filingRow(page, '收到的备案', '已提交'));
    await page.getByRole('tab', { name: '备案材料', exact: true }).click();
    await expect(page.getByTestId('filing-dossier-readonly')).toContainText(CORRECTION);
    await confirm(await act(page, 'ACCEPT'));
    await expectState(page, '已受理');
    // Filing is the province admin's decision.
    await expect(page.getByTestId('filing-action-FILE')).toHaveCount(0);
    await signOut(page, 'province');
  });

  // 5. The province admin files it: numbered for the year, valid for the measures' years, certified.
  await test.step('province admin files it and opens the certificate', async () => {
    await signInToProvince(page, { username: 'admin', password: DEMO_PASSWORD });
    await openFiling(await filingRow(page, '收到的备案', '已受理'));
    const file = await act(page, 'FILE');
    await expect(file.getByTestId('filing-file-preview')).toContainText('湘盟备〔年度〕序号号');
    await confirm(file);
    await expectState(page, '已备案');

    await page.getByTestId('filing-certificate-link').click();
    await expect(page).toHaveURL(/\/province\/filings\/[0-9a-f-]{36}\/certificate$/);
    const certificate = page.getByTestId('filing-certificate');
    await expect(page.getByTestId('filing-certificate-number')).toHaveText(
      new RegExp(`^湘盟备〔${YEAR}〕\\d+号$`),
    );
    filingNumber = (await page.getByTestId('filing-certificate-number').textContent()) ?? '';
    await expect(certificate).toContainText('产业技术创新战略联盟备案证明');
    await expect(certificate).toContainText(`${ALLIANCE}经株洲市推荐`);
    await expect(certificate.getByRole('row').filter({ hasText: '联盟名称' })).toContainText(ALLIANCE);
    await expect(certificate.getByRole('row').filter({ hasText: '备案号' })).toContainText(filingNumber);
    await expect(certificate.getByRole('row').filter({ hasText: '备案批次' })).toContainText(ROUND);
    await screenshotForReview(page, 'filing-certificate');
    await signOut(page, 'province');
  });

  // 6. Back in 株洲: 已备案 with its number in the filings and the register, and a notice.
  await test.step('株洲 officer sees it filed', async () => {
    await signInToCity(page, '株洲市', { username: 'officer', password: DEMO_PASSWORD });
    const filed = await filingRow(page, '联盟备案', '已备案');
    await expect(filed).toContainText(filingNumber);
    await screenshotForReview(page, 'filing-city-filed');

    await page.getByRole('menuitem', { name: '联盟名录' }).click();
    await expect(page).toHaveURL(/\/alliances$/);
    // The register itself, not the page left behind while its code loads.
    await expect(page.getByTestId('register-total')).toBeVisible();
    const registered = page.getByRole('row').filter({ hasText: ALLIANCE }).getByTestId('alliance-filing');
    await expect(registered).toContainText('已备案');
    await expect(registered).toContainText(filingNumber);

    await page.getByRole('button', { name: /^消息（\d+ 条未读）$/ }).click();
    await expect(page).toHaveURL(/\/city\/messages$/);
    const notice = page
      .getByTestId('messages')
      .getByRole('row')
      .filter({ hasText: `已备案：${ALLIANCE}` });
    await expect(notice).toContainText(`备案号 ${filingNumber}`);
    await notice.getByRole('button', { name: '查看' }).click();
    await expect(page).toHaveURL(/\/city\/filings\/[0-9a-f-]{36}$/);
    await expectState(page, '已备案');
    await expect(page.getByTestId('filing-certificate-link')).toBeVisible();
    await signOut(page, 'city');
  });

  // 7. The province-wide register lists it under 株洲, and opens the alliance's live record, read only.
  let allianceUrl = '';
  let filingUrl = '';
  await test.step('province finds it in its register and opens the live record', async () => {
    await signInToProvince(page, { username: 'officer', password: DEMO_PASSWORD });
    await openFiling(await filingRow(page, '收到的备案', '已备案'));
    filingUrl = new URL(page.url()).pathname.replace(/^\/province/, '');
    await page.getByRole('menuitem', { name: '联盟名录' }).click();
    await expect(page).toHaveURL(/\/alliances$/);
    // The register itself, not the page left behind while its code loads.
    await expect(page.getByTestId('register-total')).toBeVisible();
    await choose(page.getByRole('combobox', { name: '市州' }), '株洲市');
    await page.getByPlaceholder('联盟或成员名称、信用代码').fill(ALLIANCE);
    await page.getByPlaceholder('联盟或成员名称、信用代码').press('Enter');
    const row = page.getByRole('row').filter({ hasText: ALLIANCE });
    await expect(row).toHaveCount(1);
    await expect(row.getByTestId('alliance-filing')).toContainText(filingNumber);
    await row.getByRole('link', { name: ALLIANCE }).click();
    await expect(page.getByRole('heading', { name: ALLIANCE })).toBeVisible();
    await expect(page.getByText('此处为其名录记录，只读')).toBeVisible();
    allianceUrl = new URL(page.url()).pathname.replace(/^\/province/, '');
    await screenshotForReview(page, 'filing-province-live-record');
    await signOut(page, 'province');
  });

  // 8. Another city finds nothing of it: not in its register, and neither page opens.
  await test.step('a 长沙 officer finds nothing of it', async () => {
    await signInToCity(page, '长沙市', { username: 'officer', password: DEMO_PASSWORD });
    await page.getByRole('menuitem', { name: '联盟名录' }).click();
    await expect(page).toHaveURL(/\/alliances$/);
    // The register itself, not the page left behind while its code loads.
    await expect(page.getByTestId('register-total')).toBeVisible();
    await page.getByPlaceholder('联盟或成员名称、信用代码').fill(ALLIANCE);
    await page.getByPlaceholder('联盟或成员名称、信用代码').press('Enter');
    await expect(page.getByText('没有符合条件的联盟')).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: ALLIANCE })).toHaveCount(0);
    await page.goto(`/city${filingUrl}`);
    await expect(page.getByText('备案不存在', { exact: true })).toBeVisible();
    await page.goto(`/city${allianceUrl}`);
    await expect(page.getByText('联盟不存在', { exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { name: ALLIANCE })).toHaveCount(0);
    await signOut(page, 'city');
  });
});
