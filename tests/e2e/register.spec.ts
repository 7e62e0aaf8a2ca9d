import type { Locator, Page } from '@playwright/test';
import { expectDialogOpen } from '../support/dialogs.js';
import { expect, test } from '../support/test.js';
import { CREDIT_CODE_CHARSET, creditCodeCheckCharacter } from '@xiangmeng/domain';
import { randomInt } from 'node:crypto';
import { DEMO_PASSWORD, screenshotForReview, signInToCity, signInToProvince } from '../support/sign-in.js';

// A 长沙 officer registers an alliance and takes it from 筹建中 to 已成立: three members created in
// the directory picker, the Art. 8 checklist saying what is missing, governance, the agreement
// with tasks, three signatures, and the establishment.

type NewOrganization = {
  name: string;
  creditCode: string;
  type: string;
  legalRepresentative: string;
  backboneBasis?: string;
};

/** A valid credit code registered in Hunan, unique per run: the check character computed by the domain. */
function hunanCreditCode(prefix: '91' | '12', division: string): string {
  let organizationCode = '';
  for (let i = 0; i < 9; i += 1)
    organizationCode += CREDIT_CODE_CHARSET.charAt(randomInt(CREDIT_CODE_CHARSET.length));
  const first17 = `${prefix}${division}${organizationCode}`;
  return `${first17}${creditCodeCheckCharacter(first17)}`;
}

/** A calendar date in China, `days` before today. */
function chinaDateDaysAgo(days: number): string {
  return new Date(Date.now() + 8 * 3_600_000 - days * 86_400_000).toISOString().slice(0, 10);
}

/** antd Select / TreeSelect: type to filter, Enter picks the first match. */
async function choose(field: Locator, text: string): Promise<void> {
  await field.click();
  await field.fill(text);
  await field.press('Enter');
}

async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click();
  await expect(page.getByRole('tab', { name, exact: true })).toHaveAttribute('aria-selected', 'true');
}

function condition(page: Page, name: string): Locator {
  return page.getByTestId(`founding-condition-${name}`);
}

/**
 * Opens 新增单位 from the member picker. The picker's popup re-renders as search results arrive;
 * on a busy machine a click can land mid-render and be lost, so open it until it is really there.
 */
async function openNewOrganizationForm(page: Page, memberDialog: Locator): Promise<Locator> {
  const form = page.getByRole('dialog', { name: '新增单位' });
  await expect(async () => {
    if (await form.isVisible()) return;
    const addButton = page.getByRole('button', { name: '新增单位' });
    if (!(await addButton.isVisible())) await memberDialog.getByLabel('成员单位', { exact: true }).click();
    await expect(page.getByText('查找中…')).toBeHidden({ timeout: 5_000 });
    await addButton.click({ timeout: 5_000 });
    await expect(form).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
  return form;
}

async function addMember(page: Page, organization: NewOrganization, role?: string): Promise<void> {
  await page.getByRole('button', { name: '添加成员单位' }).click();
  const dialog = page.getByRole('dialog', { name: '添加成员单位' });
  const form = await openNewOrganizationForm(page, dialog);
  await form.getByLabel('统一社会信用代码').fill(organization.creditCode);
  await expect(form.getByTestId('credit-code-facts')).toContainText('湖南省 · 长沙市');
  await form.getByLabel('单位名称').fill(organization.name);
  await choose(form.getByLabel('单位类型'), organization.type);
  await form.getByLabel('法定代表人').fill(organization.legalRepresentative);
  if (organization.backboneBasis) {
    await form.getByLabel('行业骨干（第八条第（一）项）').check();
    await form.getByLabel('行业骨干的依据').fill(organization.backboneBasis);
  }
  await form.getByRole('button', { name: '添加到名录' }).click();
  await expect(form).toBeHidden();

  // The new entry is chosen in the picker, its facts shown beside it.
  await expect(dialog.getByTestId('picked-organization')).toContainText(organization.creditCode);
  if (role) await choose(dialog.getByLabel('角色'), role);
  await dialog.getByRole('button', { name: '添加', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('current-members')).toContainText(organization.name);
}

test('a Changsha officer registers an alliance, completes Art. 8 and confirms its establishment', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const run = Date.now().toString(36);
  const allianceName = `长沙先进储能材料产业技术创新战略联盟（${run}）`;
  const foundedOn = chinaDateDaysAgo(30);
  const chair: NewOrganization = {
    name: `长沙储能科技股份有限公司（${run}）`,
    creditCode: hunanCreditCode('91', '430104'),
    type: '企业',
    legalRepresentative: '周建华',
    backboneBasis: '国内储能电池正极材料出货量前五',
  };
  const university: NewOrganization = {
    name: `湘江理工大学（${run}）`,
    creditCode: hunanCreditCode('12', '430100'),
    type: '高等院校',
    legalRepresentative: '李明远',
  };
  const institute: NewOrganization = {
    name: `长沙新能源材料研究院（${run}）`,
    creditCode: hunanCreditCode('12', '430100'),
    type: '科研院所',
    legalRepresentative: '王晓峰',
  };

  await signInToCity(page, '长沙市', { username: 'officer', password: DEMO_PASSWORD });
  await page.getByRole('menuitem', { name: '联盟名录' }).click();
  await expect(page).toHaveURL(/\/alliances$/);
  // The register itself, not the page left behind while its code loads.
  await expect(page.getByTestId('register-total')).toBeVisible();
  await expect(page).toHaveURL(/\/city\/alliances$/);
  await expect(page.getByTestId('register-total')).toBeVisible();
  await screenshotForReview(page, 'register-list');

  // 登记联盟
  await page.getByRole('button', { name: '登记联盟' }).click();
  await expect(page).toHaveURL(/\/city\/alliances\/new$/);
  await page.getByLabel('联盟名称').fill(allianceName);
  await choose(page.getByLabel('产业分类'), '新材料产业');
  // Typed, then Tab (Enter in a form's field would submit the form).
  await page.getByLabel('发起日期').fill(foundedOn);
  await page.getByLabel('发起日期').press('Tab');
  await page.getByLabel('联盟目标').fill('突破高安全长寿命储能材料关键技术，制定储能材料行业标准。');
  await expect(page.getByText('今天', { exact: true })).toBeHidden();
  await screenshotForReview(page, 'register-new');
  await page.getByRole('button', { name: '登记', exact: true }).click();

  await expect(page).toHaveURL(/\/city\/alliances\/[0-9a-f-]{36}\?tab=members$/);
  await expect(page.getByRole('heading', { name: allianceName })).toBeVisible();
  await expect(page.getByTestId('alliance-status')).toHaveText('筹建中');

  // The credit code is checked as it is typed, with the domain's wording; a type the code does
  // not suggest is a warning only.
  await page.getByRole('button', { name: '添加成员单位' }).click();
  const memberDialog = page.getByRole('dialog', { name: '添加成员单位' });
  const organizationDialog = await openNewOrganizationForm(page, memberDialog);
  const wrongCheck = `${university.creditCode.slice(0, 17)}${university.creditCode.endsWith('0') ? '1' : '0'}`;
  await organizationDialog.getByLabel('统一社会信用代码').fill(wrongCheck);
  await expect(organizationDialog).toContainText('统一社会信用代码校验位不正确，请核对');
  await organizationDialog.getByLabel('统一社会信用代码').fill(university.creditCode);
  await choose(organizationDialog.getByLabel('单位类型'), '企业');
  await expect(organizationDialog).toContainText('与单位类型「企业」通常不一致');
  await screenshotForReview(page, 'register-new-organization');
  await organizationDialog.getByRole('button', { name: '取消' }).click();
  await memberDialog.getByRole('button', { name: '取消' }).click();
  await expect(memberDialog).toBeHidden();

  await addMember(page, chair);
  await addMember(page, university);
  await addMember(page, institute);
  await expect(page.getByTestId('current-members')).toContainText('理事长单位');
  await screenshotForReview(page, 'register-members');

  // Art. 8: members suffice; agreement, governance and the agreement's clauses do not yet.
  await openTab(page, '第八条检查');
  await expect(condition(page, 'MEMBERS')).toHaveAttribute('data-holds', 'true');
  await expect(condition(page, 'AGREEMENT')).toHaveAttribute('data-holds', 'false');
  await expect(condition(page, 'AGREEMENT')).toContainText('尚未录入联盟协议');
  await expect(condition(page, 'GOVERNANCE')).toHaveAttribute('data-holds', 'false');
  await expect(condition(page, 'GOVERNANCE')).toContainText('未设立决策机构（理事会）');
  await expect(condition(page, 'GOVERNANCE')).toContainText('执行机构专职人员 0 人');
  for (const clauses of ['FUNDS', 'INTERESTS', 'OPENNESS']) {
    await expect(condition(page, clauses)).toHaveAttribute('data-holds', 'false');
  }
  await expect(page.getByTestId('founding-measures')).toContainText('依据《');
  await screenshotForReview(page, 'register-check-failing');
  await page.getByText('按省级实施办法').click();
  await expect(page.getByTestId('founding-measures')).toContainText(
    '湖南省关于推动产业技术创新战略联盟构建与发展的实施办法',
  );
  await expect(condition(page, 'AGREEMENT')).toHaveAttribute('data-holds', 'false');
  await page.getByText('按本级生效规则').click();

  // Establishing now is refused, and the refusal lists what fails.
  await page.getByRole('button', { name: '确认成立' }).click();
  const establishDialog = page.getByRole('dialog', { name: '确认成立' });
  await expectDialogOpen(establishDialog);
  await establishDialog.getByRole('button', { name: '确认成立' }).click();
  await expect(establishDialog.getByTestId('establish-failing')).toContainText(
    '第八条第（二）项：尚未录入联盟协议',
  );
  await expect(establishDialog.getByTestId('establish-failing')).toContainText('第八条第（三）项');
  await establishDialog.getByRole('button', { name: '取消' }).click();
  await expect(establishDialog).toBeHidden();
  await expect(page.getByTestId('alliance-status')).toHaveText('筹建中');

  // 组织机构
  await openTab(page, '组织机构');
  await page.getByLabel('决策机构（理事会）名称').fill('联盟理事会');
  await page.getByLabel('咨询机构（专家委员会）名称').fill('联盟专家委员会');
  await page.getByLabel('执行机构（秘书处）名称').fill('联盟秘书处');
  await page.getByLabel('对外承担责任的主体').fill(chair.name);
  await page.getByLabel('执行机构专职人员（人）').fill('3');
  await choose(page.getByLabel('常设机构依托单位'), chair.name);
  await page.getByRole('button', { name: '保存组织机构' }).click();
  await expect(page.getByText('组织机构已保存')).toBeVisible();

  // 联盟协议 with the task of each member
  await openTab(page, '联盟协议');
  await page.getByRole('button', { name: '录入联盟协议' }).click();
  const agreementDialog = page.getByRole('dialog', { name: '录入联盟协议' });
  const clauses: [string, string][] = [
    ['技术创新目标', '三年内突破储能材料循环寿命和热安全两项共性关键技术。'],
    ['经费内部管理办法', '联盟经费由依托单位设专账管理，按年度预算使用。'],
    ['经费使用的内部监督机制', '理事会每年审议经费决算，聘请第三方审计。'],
    ['成果和知识产权的权利归属', '各方独立完成的成果归完成方，合作完成的按贡献共有。'],
    ['许可使用办法', '成员单位优先、以优惠条件获得许可。'],
    ['转化收益分配办法', '按约定比例分配转化收益。'],
    ['违约责任', '违反知识产权约定的，承担违约责任并退出联盟。'],
    ['吸收新成员的办法', '经理事会审议同意，可吸收新成员。'],
    ['与外部组织交流合作的办法', '与省内外机构开展技术交流与合作。'],
    ['成果扩散机制', '政府资助项目的成果向联盟外单位推广扩散。'],
  ];
  for (const [label, text] of clauses) await agreementDialog.getByLabel(label, { exact: true }).fill(text);
  await agreementDialog.getByLabel(`${chair.name}（理事长单位）`).fill('牵头储能正极材料中试与产业化。');
  await agreementDialog.getByLabel(`${university.name}（成员单位）`).fill('负责材料失效机理基础研究。');
  await agreementDialog.getByLabel(`${institute.name}（成员单位）`).fill('负责检测评价平台建设。');
  await agreementDialog.getByRole('button', { name: '保存' }).click();
  await expect(agreementDialog).toBeHidden();
  const version1 = page.getByTestId('agreement-version-1');
  await expect(version1).toContainText('草稿：尚无成员签署');

  // 登记签署 for each member's legal representative
  for (const member of [chair, university, institute]) {
    await page
      .getByTestId('signatures-1')
      .getByRole('row')
      .filter({ hasText: member.name })
      .getByRole('button', { name: '登记签署' })
      .click();
    const signDialog = page.getByRole('dialog', { name: '登记签署' });
    await expect(signDialog.getByLabel('签署人（法定代表人）')).toHaveValue(member.legalRepresentative);
    await expectDialogOpen(signDialog);
    await signDialog.getByRole('button', { name: '登记', exact: true }).click();
    await expect(signDialog).toBeHidden();
    await expect(
      page.getByTestId('signatures-1').getByRole('row').filter({ hasText: member.name }),
    ).toContainText(member.legalRepresentative);
  }
  await expect(version1).toContainText('本版协议生效中');
  await expect(page.getByRole('button', { name: '修改条款' })).toHaveCount(0);
  await screenshotForReview(page, 'register-agreement');

  // All six conditions hold now.
  await openTab(page, '第八条检查');
  await expect(page.getByText('第八条六项基本条件全部满足')).toBeVisible();
  for (const name of ['MEMBERS', 'AGREEMENT', 'GOVERNANCE', 'FUNDS', 'INTERESTS', 'OPENNESS']) {
    await expect(condition(page, name)).toHaveAttribute('data-holds', 'true');
  }
  await screenshotForReview(page, 'register-check-holding');

  // 确认成立
  await page.getByRole('button', { name: '确认成立' }).click();
  await expectDialogOpen(establishDialog);
  await establishDialog.getByRole('button', { name: '确认成立' }).click();
  await expect(establishDialog).toBeHidden();
  await expect(page.getByTestId('alliance-status')).toHaveText('已成立');
  await screenshotForReview(page, 'register-established');

  // 更正: 长沙 added the institute to the directory, so it may correct the entry in place.
  await openTab(page, '成员单位');
  const instituteRow = page
    .getByTestId('current-members')
    .getByRole('row')
    .filter({ hasText: institute.name });
  const correctDialog = page.getByRole('dialog', { name: '更正单位信息' });
  // The list is refetched as the tab opens; a click on a row being re-rendered can be lost.
  await expect(async () => {
    if (!(await correctDialog.isVisible())) {
      await instituteRow.getByRole('button', { name: '更正' }).click({ timeout: 5_000 });
    }
    await expect(correctDialog).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 30_000 });
  await expect(correctDialog).toContainText(institute.creditCode);
  await expect(correctDialog).toContainText('审计日志');
  await expect(correctDialog.getByLabel('法定代表人')).toHaveValue(institute.legalRepresentative);
  await correctDialog.getByLabel('法定代表人').fill('王晓锋');
  await correctDialog.getByRole('button', { name: '保存更正' }).click();
  await expect(correctDialog).toBeHidden();
  await expect(page.getByText('名录信息已更正')).toBeVisible();
  await expect(instituteRow).toContainText('王晓锋');

  // Back in the register, found by a member's credit code.
  await page.getByRole('link', { name: '联盟名录' }).click();
  await page.getByLabel('搜索联盟').fill(institute.creditCode);
  await page.getByLabel('搜索联盟').press('Enter');
  const row = page.getByRole('row').filter({ hasText: allianceName });
  await expect(row).toContainText('已成立');
  await expect(row).toContainText('6/6 满足');
  await expect(row).toContainText(chair.name);
  await expect(page.getByTestId('register-total')).toContainText('共 1 个联盟');
  const exportHref = await page.getByRole('link', { name: /导出 Excel/ }).getAttribute('href');
  expect(exportHref).toContain(`search=${institute.creditCode}`);
  const workbook = await page.request.get(exportHref ?? '');
  expect(workbook.ok()).toBe(true);
  expect(workbook.headers()['content-type']).toContain('spreadsheetml');
  await screenshotForReview(page, 'register-list-found');
});

test('the province keeps its own register: documents with their SHA-256, outputs, one basis for Art. 8', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const allianceName = `湖南省先进轨道交通装备产业技术创新战略联盟（${Date.now().toString(36)}）`;
  await signInToProvince(page, { username: 'officer', password: DEMO_PASSWORD });
  await page.getByRole('menuitem', { name: '联盟名录' }).click();
  await expect(page).toHaveURL(/\/alliances$/);
  // The register itself, not the page left behind while its code loads.
  await expect(page.getByTestId('register-total')).toBeVisible();
  await expect(page).toHaveURL(/\/province\/alliances$/);
  await expect(page.getByText('联盟名录 · 湖南省科学技术厅')).toBeVisible();

  await page.getByRole('button', { name: '登记联盟' }).click();
  await page.getByLabel('联盟名称').fill(allianceName);
  await choose(page.getByLabel('产业分类'), '轨道交通装备产业');
  await page.getByLabel('发起日期').fill(chinaDateDaysAgo(10));
  await page.getByLabel('发起日期').press('Tab');
  await page.getByRole('button', { name: '登记', exact: true }).click();
  await expect(page.getByRole('heading', { name: allianceName })).toBeVisible();

  // A file whose content is not what its name says is refused with the rule's Chinese text.
  await openTab(page, '文件');
  const fileInput = page.locator('input[type="file"]');
  await fileInput.setInputFiles({
    name: '协议.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('不是 PDF'),
  });
  await page.getByRole('button', { name: '上传', exact: true }).click();
  await expect(page.getByText('只接受 PDF、DOCX、JPEG、PNG 文件（按文件内容判断）')).toBeVisible();
  const pdf = Buffer.from(
    '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  );
  await fileInput.setInputFiles({ name: '联盟协议扫描件.pdf', mimeType: 'application/pdf', buffer: pdf });
  await page.getByRole('button', { name: '上传', exact: true }).click();
  const row = page.getByRole('row').filter({ hasText: '联盟协议扫描件.pdf' });
  await expect(row).toContainText('联盟协议扫描件');
  await expect(row).toContainText(`${pdf.length} B`);
  const download = await page.request.get((await row.getByRole('link').first().getAttribute('href')) ?? '');
  expect(download.ok()).toBe(true);
  expect(Buffer.from(await download.body()).equals(pdf)).toBe(true);
  await screenshotForReview(page, 'register-documents');

  await openTab(page, '产出');
  await page.getByLabel('数量').fill('2');
  await page.getByLabel('说明').fill('授权发明专利');
  await page.getByRole('button', { name: '登记产出' }).click();
  await expect(page.getByRole('row').filter({ hasText: '授权发明专利' })).toContainText('2 件');

  // The province has one set of rules: no choice of basis.
  await openTab(page, '第八条检查');
  await expect(page.getByText('按省级实施办法检查')).toBeVisible();
  await expect(page.getByText('按本级生效规则')).toHaveCount(0);
  await expect(condition(page, 'MEMBERS')).toContainText('现有成员单位 0 家');
  await screenshotForReview(page, 'register-province-check');
});
