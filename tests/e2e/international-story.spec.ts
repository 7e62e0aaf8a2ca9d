import type { Locator } from '@playwright/test';
import { expectDialogOpen } from '../support/dialogs.js';
import { expect, test } from '../support/test.js';
import { DEMO_PASSWORD, screenshotForReview, signInToCity, signOut } from '../support/sign-in.js';
import { pick } from '../support/selects.js';

// Issue 12, story (2), Art. 16: an alliance member registers an international joint R&D project
// with a German partner and its agreement. For 株洲's rail alliance, its bureau's officer uploads
// the cooperation agreement signed with the German institute and the other documents, applies to
// the province's open 2027 international cooperation call, names the partner, 德国 (from the ISO
// 3166-1 list) and 联合研发, the member units undertaking it and their tasks, attaches the
// agreement as 国际合作协议, saves and submits it. The frozen application shows the partner, the
// country and the mode; the 国际合作项目 register shows the demo's awarded joint R&D project.

// Demo data (packages/demo/src/demo-international.ts, demo-register.data.ts).
const ALLIANCE = '株洲轨道交通装备产业技术创新战略联盟';
const CALL = '关于组织申报2027年度湖南省国际科技合作专项的通知';
const CHAIR = '株洲天元轨道交通装备股份有限公司';
const MEMBER = '株洲石峰牵引电气有限公司';
const PARTNER = 'Technische Universität Dresden, Institut für Bahnfahrzeuge und Bahntechnik';
const TITLE = '高速重载机车智能走行部中德联合研发';

const DOCUMENTS = [
  { kind: '项目申请书', file: '国际合作项目申请书.pdf' },
  { kind: '国际合作协议', file: '中德联合研发合作协议.pdf' },
  { kind: '经费预算表', file: '国际合作项目经费预算表.pdf' },
  { kind: '理事长单位承诺书', file: '理事长单位承诺书.pdf' },
] as const;

const pdf = (n: number) =>
  Buffer.from(
    `%PDF-1.4\n% international ${n}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
  );

/** antd Select with search: type to filter, Enter picks the first match. */
async function choose(field: Locator, text: string): Promise<void> {
  await field.click();
  await field.fill(text);
  await field.press('Enter');
}

test.use({ actionTimeout: 20_000 });

test('株洲 registers a joint R&D project with a German partner and its agreement (Art. 16)', async ({
  page,
}) => {
  test.setTimeout(300_000);

  await test.step('the officer uploads the agreement with the German partner and the dossier', async () => {
    await signInToCity(page, '株洲市', { username: 'officer', password: DEMO_PASSWORD });
    await page.getByRole('menuitem', { name: '联盟名录' }).click();
    await expect(page).toHaveURL(/\/alliances$/);
    // The register itself, not the page left behind while its code loads.
    await expect(page.getByTestId('register-total')).toBeVisible();
    await page.getByRole('link', { name: ALLIANCE }).click();
    await expect(page.getByRole('heading', { name: ALLIANCE })).toBeVisible();
    await page.getByRole('tab', { name: '文件', exact: true }).click();
    const upload = page.getByRole('button', { name: /上传$/ });
    for (const [n, document] of DOCUMENTS.entries()) {
      await pick(page, page.getByLabel('类别'), '其他附件');
      await page
        .locator('input[type="file"]')
        .setInputFiles({ name: document.file, mimeType: 'application/pdf', buffer: pdf(n) });
      await upload.click();
      await expect(page.getByRole('row').filter({ hasText: document.file })).toBeVisible();
    }
  });

  await test.step('applies to the open international cooperation call', async () => {
    await page.getByRole('menuitem', { name: '项目申报通知' }).click();
    const row = page.getByRole('row').filter({ hasText: CALL });
    await row.getByRole('button', { name: '申报' }).click();
    const dialog = page.getByRole('dialog');
    await expectDialogOpen(dialog);
    await choose(dialog.getByLabel('申报联盟'), ALLIANCE);
    await dialog.getByRole('button', { name: '创建申请书' }).click();
    await expect(page).toHaveURL(/\/city\/programmes\/applications\/[0-9a-f-]{36}$/);
  });

  await test.step('names the German partner, the mode, the member units and attaches the agreement', async () => {
    await page.getByLabel('项目名称').fill(TITLE);
    await page.getByLabel('开始日期（YYYY-MM-DD）').fill('2027-07-01');
    await page.getByLabel('结束日期（YYYY-MM-DD）').fill('2029-06-30');
    await page.getByLabel('申请支持金额（元）').fill('2000000');
    await pick(page, page.getByLabel('项目承担单位（应为理事长单位，第十八条）'), CHAIR);
    await page.getByLabel('项目负责人').fill('刘志强');

    for (const [n, [unit, task, share]] of [
      [CHAIR, '走行部总体设计、样机集成与线路试验', '60'],
      [MEMBER, '走行部状态感知与智能诊断', '40'],
    ].entries()) {
      await page.getByRole('button', { name: '添加参与单位' }).click();
      const participant = page.getByTestId('programme-participant-row').nth(n);
      await pick(page, participant.getByRole('combobox').first(), unit!);
      await participant.getByPlaceholder('任务分工').fill(task!);
      await participant.getByRole('spinbutton').fill(share!);
    }
    await page
      .getByLabel('成果和知识产权的权利归属')
      .fill('中方完成的成果归中方承担单位；与外方共同完成的按合作协议约定共有');
    await page.getByLabel('知识产权的许可实施').fill('中方享有的知识产权优先许可省内单位实施');
    await page.getByLabel('联盟解散时的处理').fill('由承担单位继续持有并履行许可义务');
    await page.getByLabel('成员退出时的处理').fill('退出成员保留已取得份额，其余成员可继续无偿实施');

    await page.getByLabel('外方合作单位').fill(PARTNER);
    await choose(page.getByLabel('外方所在国家或地区'), '德国');
    await choose(page.getByLabel('合作方式'), '联合研发');

    await page
      .getByLabel('合作基础与外方优势')
      .fill('双方自 2021 年起合作开展转向架动力学研究，外方在走行部状态监测方面居国际前列。');
    await page.getByLabel('合作内容与目标任务').fill('联合研发高速重载机车智能走行部，完成样机与线路试验。');
    await page.getByLabel('进度安排').fill('2027 年方案设计；2028 年样机研制；2029 年线路试验与验收。');
    await page.getByLabel('预期成果与效益').fill('样机 2 套，联合申请发明专利 4 项，互派研究人员 12 人次。');

    for (const [n, document] of DOCUMENTS.entries()) {
      await page.getByRole('button', { name: '添加申报材料' }).click();
      const row = page.getByTestId('programme-document-row').nth(n);
      await pick(page, row.getByRole('combobox').first(), document.kind);
      await pick(page, row.getByRole('combobox').nth(1), document.file);
    }
    await page.getByRole('button', { name: '保存申请书' }).click();
    await expect(page.getByText('申请书已保存')).toBeVisible();
    await expect(page.getByLabel('外方合作单位')).toHaveValue(PARTNER);
    await screenshotForReview(page, 'international-application-form');
  });

  await test.step('submits it: the frozen application shows the partner, 德国 and 联合研发', async () => {
    await page.getByRole('button', { name: '提交', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await expectDialogOpen(dialog);
    await dialog.locator('.ant-btn-primary').click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('已提交').first()).toBeVisible();
    const particulars = page.getByTestId('programme-particulars');
    await expect(particulars).toContainText(PARTNER);
    await expect(particulars).toContainText('德国（DE）');
    await expect(particulars).toContainText('联合研发');
    await expect(page.getByText('国际合作协议：中德联合研发合作协议.pdf')).toBeVisible();
    await screenshotForReview(page, 'international-application-submitted');
  });

  await test.step('the international projects register shows the awarded joint R&D project with its German partner', async () => {
    await page.getByRole('menuitem', { name: '国际合作项目' }).click();
    const row = page.getByRole('row').filter({ hasText: '轨道交通永磁牵引系统中德联合研发' });
    await expect(row).toContainText('德国');
    await expect(row).toContainText('联合研发');
    await row.getByRole('link').click();
    await expect(page.getByTestId('international-project')).toContainText('Fraunhofer');
    await page.getByRole('menuitem', { name: '国际合作基地' }).click();
    await expect(page.getByRole('row').filter({ hasText: '湖南中德轨道交通国际联合研究中心' })).toContainText(
      '已认定',
    );
    await signOut(page, 'city');
  });
});
