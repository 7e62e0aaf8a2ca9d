import type { Page } from '@playwright/test';
import { expect, test } from '../support/test.js';
import { DEMO_PASSWORD, screenshotForReview, signInToCity, signInToProvince } from '../support/sign-in.js';

// Every menu item of every role at 1280×720, the smallest screen the offices use: the page never
// scrolls sideways and no table cell is squeezed under two characters (a column narrower than its
// header wraps its text one character per line). Same measure as /work/shared/tools/screens.mjs.
test.use({ viewport: { width: 1280, height: 720 } });

type Role = { app: 'province' | 'city'; city?: string; username: string };

const roles: Role[] = [
  { app: 'province', username: 'admin' },
  { app: 'province', username: 'officer' },
  { app: 'province', username: 'expert1' },
  { app: 'city', city: '株洲市', username: 'admin' },
  { app: 'city', city: '株洲市', username: 'officer' },
];

type Seen = { sideways: number; narrow: string[]; wrappedHeaders: string[]; covered: string[] };

function inspect(): Seen {
  const root = document.scrollingElement ?? document.documentElement;
  const label = (cell: HTMLElement) => cell.innerText.trim().replace(/\s+/g, ' ').slice(0, 12);
  const narrow: string[] = [];
  for (const cell of Array.from(document.querySelectorAll<HTMLElement>('th, td'))) {
    const text = cell.innerText.trim();
    if (!text || cell.offsetParent === null) continue;
    const style = getComputedStyle(cell);
    const size = parseFloat(style.fontSize) || 14;
    const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
    if (cell.clientWidth - padding < 2 * size) narrow.push(label(cell));
  }
  // A column narrower than its header breaks the header onto a second line.
  const wrappedHeaders: string[] = [];
  for (const title of Array.from(document.querySelectorAll<HTMLElement>('th'))) {
    if (!title.innerText.trim() || title.offsetParent === null) continue;
    // A text broken over lines lays out as one box per line.
    const walker = document.createTreeWalker(title, NodeFilter.SHOW_TEXT);
    let wraps = false;
    for (let node = walker.nextNode(); node && !wraps; node = walker.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(node);
      const tops = Array.from(range.getClientRects()).map((r) => r.top);
      wraps = tops.length > 1 && Math.max(...tops) - Math.min(...tops) > 4;
    }
    if (wraps) wrappedHeaders.push(label(title));
  }
  // A column that stays under a fixed one even when the table is scrolled to its end cannot be read.
  const covered: string[] = [];
  for (const table of Array.from(document.querySelectorAll<HTMLElement>('.ant-table'))) {
    const scrollers = Array.from(
      table.querySelectorAll<HTMLElement>('.ant-table-content, .ant-table-body, .ant-table-header'),
    );
    for (const scroller of scrollers) scroller.scrollLeft = scroller.scrollWidth;
    const cells = Array.from(table.querySelectorAll<HTMLElement>('thead th')).filter(
      (c) => c.offsetParent !== null && c.innerText.trim(),
    );
    const frame = table.getBoundingClientRect();
    const fixed = cells.filter((c) => /ant-table-cell-fix-(right|end)/.test(c.className));
    for (const cell of cells) {
      if (fixed.includes(cell)) continue;
      const box = cell.getBoundingClientRect();
      // Cut off at the table's right edge, or lying under a fixed column.
      const clipped = box.right > frame.right + 4;
      const under =
        clipped ||
        fixed.some((f) => {
          const other = f.getBoundingClientRect();
          return Math.min(box.right, other.right) - Math.max(box.left, other.left) > 4;
        });
      if (under) covered.push(label(cell));
    }
    for (const scroller of scrollers) scroller.scrollLeft = 0;
  }
  return { sideways: root.scrollWidth - window.innerWidth, narrow, wrappedHeaders, covered };
}

async function visitEveryMenuItem(page: Page, who: string): Promise<string[]> {
  const problems: string[] = [];
  const items = page.locator('.ant-menu-item');
  await expect(items.first()).toBeVisible();
  const names = (await items.allInnerTexts()).map((t) => t.split('\n')[0]!.trim());
  for (const [name, index] of [['首页', -1] as const, ...names.map((n, i) => [n, i] as const)]) {
    if (index >= 0) await items.nth(index).click();
    await page.waitForLoadState('networkidle');
    // A page still loading shows a spinner; wait for what it lists.
    await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
    await page.waitForTimeout(200);
    await screenshotForReview(page, `screens-${who}-${name}`.replace(/[^\p{L}\p{N}._-]+/gu, '_'));
    const seen = await page.evaluate(inspect);
    // Every page under the home one says where it is.
    if (index > 0 && (await page.getByTestId('page-breadcrumb').count()) === 0)
      problems.push(`${who} ${name}: no breadcrumb`);
    if (seen.sideways > 1) problems.push(`${who} ${name}: the page scrolls sideways by ${seen.sideways}px`);
    if (seen.wrappedHeaders.length > 0)
      problems.push(`${who} ${name}: headers wider than their columns (${seen.wrappedHeaders.join(' | ')})`);
    if (seen.covered.length > 0)
      problems.push(`${who} ${name}: columns hidden under a fixed column (${seen.covered.join(' | ')})`);
    if (seen.narrow.length > 0)
      problems.push(
        `${who} ${name}: ${seen.narrow.length} cells under two characters (${seen.narrow.slice(0, 5).join(' | ')})`,
      );
  }
  return problems;
}

for (const role of roles) {
  const who = `${role.app}${role.city ? `:${role.city}` : ''}:${role.username}`;
  test(`${who} sees every page at 1280×720 without sideways scrolling or squeezed columns @screens`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const credentials = { username: role.username, password: DEMO_PASSWORD };
    if (role.app === 'province') await signInToProvince(page, credentials);
    else await signInToCity(page, role.city!, credentials);
    await expect(page.getByTestId('current-user')).toBeVisible();
    expect(await visitEveryMenuItem(page, who)).toEqual([]);
  });
}

test('a page whose code fails to load (after a redeploy) offers to reload instead of a blank page', async ({
  page,
}) => {
  await signInToProvince(page, { username: 'officer', password: DEMO_PASSWORD });
  await expect(page.getByTestId('current-user')).toBeVisible();
  await page.waitForLoadState('networkidle');
  // The old build's chunks are gone from the server.
  const chunks = '**/province/assets/*.js';
  await page.route(chunks, (route) => route.abort());
  await page.getByRole('menuitem', { name: '禁入名单' }).click();
  const failure = page.getByTestId('chunk-load-failure');
  await expect(failure).toContainText('页面加载失败');
  await page.unroute(chunks);
  await failure.getByRole('button', { name: '重新加载' }).click();
  // The register itself, whatever it holds (the demo records one decision).
  await expect(page.getByRole('columnheader', { name: '决定文号' })).toBeVisible();
  await expect(failure).toHaveCount(0);
});
