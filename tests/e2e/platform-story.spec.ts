import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { expectDialogOpen } from '../support/dialogs.js';
import { graphql, signInRequest, uploadPdf } from '../support/graphql.js';
import {
  DEMO_PASSWORD,
  screenshotForReview,
  signInToCity,
  signInToProvince,
  signOut,
} from '../support/sign-in.js';
import { pick } from '../support/selects.js';
import { expect, test } from '../support/test.js';

// Issue 12, story (1), Art. 15: the province sets up a 创新平台认定 programme and publishes its
// call; 长沙's provincial pilot for artificial intelligence applies to have a provincial engineering
// technology research centre recognised; 长沙 recommends it, the province checks and reviews it and
// its admin recognises it. The centre appears in 创新平台; 长沙 files its host's annual report; the
// province's periodic evaluation grades it 不合格, it enters rectification with its one-year
// deadline shown, is re-evaluated 合格 and is back in operation.
//
// Driven through the apps' pages. Through the API, as the user who would do it, goes only what the
// story does not narrate and the pages leave to date pickers or other stories: the call's dates
// (the programme story does the same), the alliance's files and the form's text (the international
// story drives that form screen by screen), the panel's seats and the experts' sheets (the pilot
// story drives those screens).

// Demo data (packages/demo/src/demo-projects.ts): 长沙's provincial pilot, used by no other story.
const ALLIANCE = '长沙新一代人工智能产业技术创新战略联盟';
const PROGRAMME = '2027年度湖南省工程技术研究中心认定（人工智能领域）';
const CALL = '关于组织申报2027年度湖南省工程技术研究中心（人工智能领域）的通知';
const PLATFORM = '湖南省智能感知与边缘计算工程技术研究中心';
const DOCUMENT = '湘科计〔2026〕158号';
const DAY = 86_400_000;
const PLATFORM_CRITERIA = ['engineering', 'transfer', 'teamBuilding', 'management'] as const;

type Member = { organization: { id: string; name: string }; role: string };
type Alliance = { id: string; name: string; industry: { code: string; name: string }; members: Member[] };

async function signedIn(browser: Browser, tenantCode: string, username: string) {
  const context = await browser.newContext({ baseURL: process.env.XM_E2E_BASE_URL });
  await signInRequest(context.request, tenantCode, username, DEMO_PASSWORD);
  return context;
}

async function allianceOf(request: APIRequestContext, name: string): Promise<Alliance> {
  const { alliances } = await graphql<{ alliances: { nodes: Alliance[] } }>(
    request,
    `
      query ($f: AllianceFilterInput!) {
        alliances(filter: $f) {
          nodes {
            id
            name
            industry {
              code
              name
            }
            members(current: true) {
              role
              organization {
                id
                name
              }
            }
          }
        }
      }
    `,
    { f: { search: name } },
  );
  const alliance = alliances.nodes.find((a) => a.name === name);
  expect(alliance, name).toBeDefined();
  return alliance!;
}

/** The one 待办 item of `kind` on the record named `name`, opened from the menu. */
async function openWorkItem(page: Page, kind: string, name: string): Promise<void> {
  await page.getByRole('menuitem', { name: /待办/ }).click();
  const group = page.getByTestId(`work-group-${kind}`);
  await expect(group).toBeVisible();
  await group.getByRole('link', { name }).first().click();
}

/** An application's step: its button, the dialog (with a text when one is asked), done. */
async function applicationStep(page: Page, label: string, text?: string): Promise<void> {
  await page.getByRole('button', { name: label, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expectDialogOpen(dialog);
  if (text !== undefined) await dialog.locator('textarea').first().fill(text);
  await dialog.getByRole('button', { name: `确认${label}` }).click();
  await expect(dialog).toBeHidden();
}

/** The platform's detail, from the 创新平台 menu. */
async function openPlatform(page: Page): Promise<void> {
  await page.getByRole('menuitem', { name: /创新平台/ }).click();
  const row = page.getByRole('row').filter({ hasText: PLATFORM });
  await expect(row).toBeVisible();
  await row.getByRole('link', { name: PLATFORM }).click();
  await expect(page.getByText(PLATFORM).first()).toBeVisible();
}

/** 录入评估 / 整改后复评: three experts' scores on the kind's criteria, the grade computed, confirmed. */
async function evaluate(page: Page, button: string, scores: number[], grade: string): Promise<void> {
  await page.getByTestId('platform-evaluate').click();
  const dialog = page.getByRole('dialog', { name: button });
  await expectDialogOpen(dialog);
  for (const [i, score] of scores.entries()) {
    await dialog.getByTestId(`evaluation-expert-${i}`).fill(['陈立明', '何文静', '谭志远'][i]!);
    for (const key of PLATFORM_CRITERIA)
      await dialog.getByTestId(`evaluation-score-${i}-${key}`).fill(String(score));
  }
  await dialog.getByRole('button', { name: '计算等级' }).click();
  const confirm = page.locator('.ant-modal-confirm');
  await expectDialogOpen(confirm);
  await expect(confirm).toContainText(grade);
  await confirm.getByRole('button', { name: '确认录入' }).click();
  await expect(confirm).toBeHidden();
  await expect(dialog).toBeHidden();
}

test.use({ actionTimeout: 20_000 });

test('长沙’s AI pilot has an engineering research centre recognised, reports, fails its evaluation, rectifies and passes', async ({
  page,
  browser,
}) => {
  // About three minutes on a quiet machine; the margin is for CI's loaded two cores.
  test.setTimeout(420_000);
  const province = await signedIn(browser, '430000', 'officer');
  const changsha = await signedIn(browser, '430100', 'officer');
  const alliance = await allianceOf(changsha.request, ALLIANCE);
  let applicationId = '';

  await test.step('the province sets up a 创新平台认定 programme and publishes it with its call', async () => {
    await signInToProvince(page, { username: 'admin', password: DEMO_PASSWORD });
    await page.getByRole('menuitem', { name: /^\S*\s*支持计划$/ }).click();
    // The form opens once the measures' defaults have loaded; before that the click is refused.
    const dialog = page.getByRole('dialog');
    await expect(async () => {
      await page.getByTestId('programme-new').click();
      await expect(dialog).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    await expectDialogOpen(dialog);
    await dialog.getByLabel('计划名称').fill(PROGRAMME);
    await pick(page, dialog.getByLabel('计划类别'), '创新平台认定');
    await dialog.getByLabel('年度').fill('2027');
    await dialog.getByLabel('总预算（元）').fill('10000000');
    // No notice before the decision: the story does not wait out a publicity period.
    await dialog.getByLabel('立项前公示天数').fill('0');
    await dialog.getByRole('button', { name: '保存草稿' }).click();
    await expect(dialog).toBeHidden();
    const row = page.getByRole('row').filter({ hasText: PROGRAMME });
    await row.getByTestId('programme-publish').click();
    await expectDialogOpen(page.locator('.ant-modal-confirm'));
    await page.getByTestId('programme-publish-confirm').click();
    await expect(row).toContainText('已发布');

    // The call's dates are picked in date-time pickers; the call is drafted through the API.
    const { programmes } = await graphql<{ programmes: { id: string; name: string }[] }>(
      province.request,
      '{ programmes { id name } }',
    );
    const now = Date.now();
    await graphql(
      province.request,
      `
        mutation ($p: ID!, $input: ProgrammeCallInput!) {
          createProgrammeCall(programmeId: $p, input: $input) {
            id
          }
        }
      `,
      {
        p: programmes.find((p) => p.name === PROGRAMME)!.id,
        input: {
          title: CALL,
          description: '按实施办法第十五条申报省级工程技术研究中心',
          opensAt: new Date(now - DAY).toISOString(),
          closesAt: new Date(now + 10 * DAY).toISOString(),
          recommendBy: new Date(now + 20 * DAY).toISOString(),
          decideBy: new Date(now + 60 * DAY).toISOString(),
          requiredDocuments: ['APPLICATION_FORM', 'COOPERATION_AGREEMENT'],
        },
      },
    );
    await page.getByRole('menuitem', { name: /项目申报通知/ }).click();
    const call = page.getByRole('row').filter({ hasText: CALL });
    await call.getByRole('button', { name: '发布' }).click();
    const confirm = page.locator('.ant-modal-confirm');
    await expectDialogOpen(confirm);
    await confirm.getByRole('button', { name: '确认发布' }).click();
    await expect(confirm).toBeHidden();
    await expect(call).toContainText('已发布');
    await signOut(page, 'province');
  });

  await test.step('长沙 applies for its AI pilot to the call and submits', async () => {
    await signInToCity(page, '长沙市', { username: 'officer', password: DEMO_PASSWORD });
    await page.getByRole('menuitem', { name: /项目申报通知/ }).click();
    await page.getByRole('row').filter({ hasText: CALL }).getByRole('button', { name: '申报' }).click();
    const dialog = page.getByRole('dialog');
    await expectDialogOpen(dialog);
    await pick(page, dialog.getByLabel('申报联盟'), ALLIANCE, true);
    await dialog.getByRole('button', { name: '创建申请书' }).click();
    await expect(page).toHaveURL(/\/city\/programmes\/applications\/[0-9a-f-]{36}$/);
    applicationId = page.url().split('/').at(-1)!;

    // The host (the chair unit), the director and two co-builders, with the alliance's files.
    const { programmeApplication } = await graphql<{ programmeApplication: { version: number } }>(
      changsha.request,
      'query ($id: ID!) { programmeApplication(id: $id) { version } }',
      { id: applicationId },
    );
    const host = alliance.members.find((m) => m.role === 'CHAIR')!.organization;
    const coBuilders = alliance.members.filter((m) => m.role !== 'CHAIR').slice(0, 2);
    await graphql(
      changsha.request,
      `
        mutation ($input: SaveProgrammeApplicationFormInput!) {
          saveProgrammeApplicationForm(input: $input) {
            id
          }
        }
      `,
      {
        input: {
          id: applicationId,
          version: programmeApplication.version,
          title: PLATFORM,
          startOn: '2027-01-01',
          endOn: '2029-12-31',
          requestedSupportFen: '0',
          responsibleUnitId: host.id,
          responsiblePerson: '黄思远',
          participants: [
            { organizationId: host.id, task: '依托建设，提供中试验证基地' },
            ...coBuilders.map((m, i) => ({
              organizationId: m.organization.id,
              task: i === 0 ? '共建智能感知算法研究室' : '共建边缘计算测试评价平台',
            })),
          ],
          sections: [
            { key: 'platformPlan', text: '面向工业现场的智能感知与边缘计算工程化研究与验证' },
            { key: 'conditions', text: '中试场地 2500 平方米，设备原值 6000 万元，固定人员 40 人' },
            { key: 'coBuilding', text: '三方共建，理事会领导下的主任负责制' },
            { key: 'expectedResults', text: '三年内转化成果十五项，服务企业八十家' },
          ],
          documents: [
            {
              documentId: await uploadPdf(changsha.request, alliance.id, '工程技术研究中心申请书.pdf'),
              kind: 'APPLICATION_FORM',
            },
            {
              documentId: await uploadPdf(changsha.request, alliance.id, '中心共建协议.pdf'),
              kind: 'COOPERATION_AGREEMENT',
            },
          ],
        },
      },
    );
    await page.reload();
    await applicationStep(page, '提交');
    await expect(page.getByText('已提交推荐单位').first()).toBeVisible();
    await signOut(page, 'city');
  });

  await test.step('the 长沙 bureau recommends it from its 待办', async () => {
    await signInToCity(page, '长沙市', { username: 'admin', password: DEMO_PASSWORD });
    await openWorkItem(page, 'RECOMMEND', ALLIANCE);
    await expect(page).toHaveURL(new RegExp(`/city/programmes/applications/${applicationId}$`));
    await applicationStep(page, '推荐', '该联盟建设条件完备，共建机制清晰，同意推荐。');
    await expect(page.getByText('已推荐').first()).toBeVisible();
    await signOut(page, 'city');
  });

  await test.step('the province checks it and reviews it', async () => {
    await signInToProvince(page, { username: 'officer', password: DEMO_PASSWORD });
    await openWorkItem(page, 'CHECK', ALLIANCE);
    await applicationStep(page, '形式审查通过');
    await expect(page.getByText('形式审查通过').first()).toBeVisible();
    // Pool experts of the alliance's field with accounts and no conflict; accounts of the field
    // are added to the pool where they are short.
    const field = alliance.industry.code;
    const { experts } = await graphql<{
      experts: { id: string; accountUsername: string | null; domains: { code: string }[] }[];
    }>(province.request, '{ experts { id accountUsername domains { code } } }');
    const { panelCandidates } = await graphql<{
      panelCandidates: { expert: { id: string }; conflicts: { code: string }[] }[];
    }>(
      province.request,
      'query ($id: ID!) { panelCandidates(applicationId: $id) { expert { id } conflicts { code } } }',
      {
        id: applicationId,
      },
    );
    const free = new Set(panelCandidates.filter((c) => c.conflicts.length === 0).map((c) => c.expert.id));
    const seats = experts
      .filter((e) => e.accountUsername && free.has(e.id) && e.domains.some((d) => field.startsWith(d.code)))
      .slice(0, 5);
    const admin = await signedIn(browser, '430000', 'admin');
    for (let i = seats.length; i < 5; i++) {
      const username = `platform-story-expert-${i}`;
      const { createUser } = await graphql<{ createUser: { id: string } }>(
        admin.request,
        'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }',
        {
          input: { username, displayName: `平台评审专家${i}`, password: DEMO_PASSWORD, roles: ['EXPERT'] },
        },
      );
      const { createExpert } = await graphql<{ createExpert: { id: string } }>(
        province.request,
        'mutation ($input: ExpertInput!) { createExpert(input: $input) { id } }',
        {
          input: {
            name: `平台评审专家${i}`,
            title: '研究员',
            domainCodes: [field],
            affiliations: [],
            accountUserId: createUser.id,
          },
        },
      );
      seats.push({ id: createExpert.id, accountUsername: username, domains: [{ code: field }] });
    }
    await admin.close();
    await graphql(
      province.request,
      'mutation ($input: AssignPanelInput!) { assignPanel(input: $input) { size } }',
      { input: { applicationId, expertIds: seats.map((e) => e.id) } },
    );
    await page.reload();
    await applicationStep(page, '开始专家评审');
    await expect(page.getByText('专家评审中').first()).toBeVisible();

    const { programmes } = await graphql<{ programmes: { name: string; criteria: { key: string }[] }[] }>(
      province.request,
      '{ programmes { name criteria { key } } }',
    );
    const criteria = programmes.find((p) => p.name === PROGRAMME)!.criteria.map((c) => c.key);
    for (const { accountUsername } of seats) {
      const expert = await signedIn(browser, '430000', accountUsername!);
      const { myReviewAssignments } = await graphql<{
        myReviewAssignments: { id: string; programmeApplication: { id: string } | null }[];
      }>(expert.request, '{ myReviewAssignments { id programmeApplication { id } } }');
      const seat = myReviewAssignments.find((s) => s.programmeApplication?.id === applicationId)!;
      const { expertDeclaration } = await graphql<{ expertDeclaration: { version: string } }>(
        expert.request,
        '{ expertDeclaration { version } }',
      );
      const { declareForReview } = await graphql<{ declareForReview: { version: number } }>(
        expert.request,
        'mutation ($id: ID!, $v: String!) { declareForReview(assignmentId: $id, declarationVersion: $v) { version } }',
        { id: seat.id, v: expertDeclaration.version },
      );
      await graphql(
        expert.request,
        'mutation ($input: SaveReviewSheetInput!) { saveReviewSheet(input: $input) { id } }',
        {
          input: {
            assignmentId: seat.id,
            version: declareForReview.version,
            scores: criteria.map((key) => ({ key, score: 86, comment: '' })),
            overallOpinion: '建设条件完备，建议认定',
            recommendation: 'SUPPORT',
            submit: true,
          },
        },
      );
      await expert.close();
    }
    await openWorkItem(page, 'CLOSE_REVIEW', ALLIANCE);
    await applicationStep(page, '结束评审');
    await expect(page.getByText('评审完成').first()).toBeVisible();
    await signOut(page, 'province');
  });

  await test.step('the province admin recognises the centre; it appears in 创新平台', async () => {
    await signInToProvince(page, { username: 'admin', password: DEMO_PASSWORD });
    await openWorkItem(page, 'DECIDE', ALLIANCE);
    await page.getByRole('button', { name: '认定', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await expectDialogOpen(dialog);
    await pick(page, dialog.getByTestId('recognition-kind'), '工程技术研究中心');
    await pick(page, dialog.getByTestId('recognition-field'), alliance.industry.name, true);
    await dialog.getByTestId('recognition-document').fill(DOCUMENT);
    await dialog.locator('#programme-action_reason').fill('经专家评审，同意认定为省级工程技术研究中心');
    await dialog.getByRole('button', { name: '确认认定' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('已认定').first()).toBeVisible();

    await openPlatform(page);
    await expect(page.getByRole('main')).toContainText('省级工程技术研究中心');
    await expect(page.getByRole('main')).toContainText(DOCUMENT);
    await expect(page.getByRole('main')).toContainText('黄思远');
    await expect(page.getByRole('main')).toContainText('运行中');
    await signOut(page, 'province');
  });

  await test.step('长沙 files the host’s annual report', async () => {
    await signInToCity(page, '长沙市', { username: 'officer', password: DEMO_PASSWORD });
    await openPlatform(page);
    await page.getByTestId('platform-file-report').click();
    const dialog = page.getByRole('dialog');
    await expectDialogOpen(dialog);
    await dialog.getByTestId('report-rd-spending').fill('9800000');
    await dialog.getByLabel('固定人员（人）').fill('40');
    await dialog.getByLabel('承担项目（项）').fill('9');
    await dialog.getByLabel('授权专利（件）').fill('6');
    await dialog.getByRole('button', { name: '确认报送' }).click();
    await expect(dialog).toBeHidden();
    await page.getByRole('tab', { name: /年度报告/ }).click();
    await expect(page.getByRole('main')).toContainText('9,800,000');
    await signOut(page, 'city');
  });

  await test.step('the periodic evaluation grades it 不合格: rectification with its one-year deadline', async () => {
    await signInToProvince(page, { username: 'officer', password: DEMO_PASSWORD });
    await openPlatform(page);
    await evaluate(page, '录入定期评估', [52, 55, 58], '不合格');
    const today = new Date(Date.now() + 8 * 3_600_000);
    const due = `${today.getUTCFullYear() + 1}-${String(today.getUTCMonth() + 1).padStart(2, '0')}`;
    const warning = page.locator('.ant-alert-warning');
    await expect(warning).toContainText('评估不合格，整改期限至');
    await expect(warning).toContainText(due);
    await expect(page.getByRole('main')).toContainText('整改中');
    await screenshotForReview(page, 'platform-rectifying');
  });

  await test.step('re-evaluated 合格 after rectification: back in operation', async () => {
    await evaluate(page, '整改后复评', [78, 80, 82], '合格');
    await expect(page.locator('.ant-alert-warning')).toHaveCount(0);
    await expect(page.getByRole('main')).toContainText('运行中');
    await page.getByRole('tab', { name: /评估/ }).click();
    const evaluations = page.getByRole('row');
    await expect(evaluations.filter({ hasText: '55.00' })).toContainText('不合格运行中 → 整改中');
    await expect(evaluations.filter({ hasText: '80.00' })).toContainText('合格整改中 → 运行中');
    // Each expert's sheet stays with the evaluation, by name and criterion.
    await evaluations.filter({ hasText: '55.00' }).locator('.ant-table-row-expand-icon').click();
    await expect(page.getByRole('row', { name: '陈立明 52 52 52 52', exact: true })).toBeVisible();
    await expect(page.getByRole('row', { name: '谭志远 58 58 58 58', exact: true })).toBeVisible();
    await page.getByRole('tab', { name: '状态变化' }).click();
    await expect(page.getByRole('main')).toContainText('整改中 → 运行中');
    await signOut(page, 'province');
  });

  await province.close();
  await changsha.close();
});
