import { expect, test } from '../support/test.js';
import { DEMO_PASSWORD, signInToCity, signInToProvince } from '../support/sign-in.js';

// 工作台 is every role's home; 统计分析: the province's map of the 14 divisions and its charts, each
// leading into the list behind it; a city sees its own division only.

test('the province officer starts on the workbench and opens a division of the map and a bar of a chart into their lists', async ({
  page,
}) => {
  await signInToProvince(page, { username: 'officer', password: DEMO_PASSWORD });
  await expect(page).toHaveURL(/\/province\/$/);
  const workbench = page.getByTestId('workbench');
  await expect(workbench).toBeVisible();
  await expect(page.getByTestId('workbench-todo')).toContainText('待办');
  await expect(page.getByTestId('workbench-messages')).toBeVisible();
  // The demo's open provincial pilot call and this year's open filing round.
  const open = page.getByTestId('workbench-open-calls');
  await expect(open).toContainText('试点申报');
  await expect(open).toContainText('备案批次');
  await page.getByTestId('workbench-links').getByRole('button', { name: '统计分析' }).click();
  await expect(page).toHaveURL(/\/province\/statistics$/);
  await expect(page.getByTestId('division-map')).toBeVisible();
  // All 14 divisions are on the map, each a link.
  await expect(page.locator('[data-testid^="division-tile-"]')).toHaveCount(14);

  // 长沙 by its alliances: the register of 长沙.
  await page.getByTestId('division-tile-430100').click();
  await expect(page).toHaveURL(/\/province\/alliances\?tenantCode=430100$/);
  await page.goBack();

  // By filings: 长沙's filings received (the demo filed one of 长沙's pilots last year).
  await page.getByTestId('map-figure').getByText('备案数').click();
  await page.getByTestId('division-tile-430100').click();
  await expect(page).toHaveURL(/\/province\/filings\?city=430100$/);
  await expect(page.getByTestId('filing-city-filter')).toHaveText('长沙市');
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows.first()).toBeVisible();
  for (const city of await rows.locator('td:nth-child(2)').allInnerTexts()) expect(city).toBe('长沙市');
  await page.goBack();

  // A bar of 收到的备案（按状态）: the received filings in that state.
  const chart = page.getByTestId('chart-filings-by-state');
  await expect(chart.locator('svg')).toBeVisible();
  // The bars are the series' shapes in its colour, the first of the palette (statistics-charts.ts).
  const bar = chart.locator('svg path[fill="#1677ff"]').first();
  await bar.click();
  await expect(page).toHaveURL(/\/province\/filings\?state=[A-Z_]+$/);
  const state = new URL(page.url()).searchParams.get('state');
  await expect(page.getByTestId('filing-state-filter').locator('.ant-tag-checkable-checked')).toHaveCount(1);
  expect(state).toBeTruthy();
});

test('a city sees its own division on the map and its own figures', async ({ page }) => {
  await signInToCity(page, '株洲市', { username: 'officer', password: DEMO_PASSWORD });
  await expect(page.getByTestId('workbench')).toBeVisible();
  await expect(page.getByTestId('workbench-open-calls')).toContainText('备案批次');
  await page.getByRole('menuitem', { name: '统计分析' }).click();
  await expect(page.getByTestId('division-map')).toBeVisible();
  await expect(page.locator('[data-testid^="division-tile-"]')).toHaveCount(1);
  await page.getByTestId('division-tile-430200').click();
  await expect(page).toHaveURL(/\/city\/alliances$/);
});

test('an expert’s workbench lists their review tasks', async ({ page }) => {
  await signInToProvince(page, { username: 'expert1', password: DEMO_PASSWORD });
  await expect(page.getByTestId('workbench')).toBeVisible();
  await expect(page.getByTestId('workbench-reviews')).toBeVisible();
  await expect(page.getByTestId('workbench-open-calls')).toHaveCount(0);
  await page.getByTestId('workbench-reviews').getByRole('link', { name: '全部评审任务' }).click();
  await expect(page).toHaveURL(/\/province\/reviews\/mine$/);
});
