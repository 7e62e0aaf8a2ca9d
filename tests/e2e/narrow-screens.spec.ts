import type { Page } from '@playwright/test';
import { expect, test } from '../support/test.js';
import { DEMO_PASSWORD, screenshotForReview, signInToCity, signInToProvince } from '../support/sign-in.js';

// On a phone (390×844) the main lists of every role are read as cards, a card per row headed by
// the record's name with the other columns as 「label value」 lines, and no page scrolls sideways.
test.use({ viewport: { width: 390, height: 844 } });

// `filled`: lists the demo fills for the role, whose rows must show as cards.
type Role = { app: 'province' | 'city'; city?: string; username: string; paths: string[]; filled: string[] };

// The lists a province and a city officer work through (the menu of each tier).
const STAFF_LISTS = [
  '/',
  '/work',
  '/notices',
  '/alliances',
  '/pilots/calls',
  '/pilots/applications',
  '/pilots/confirmed',
  '/filings',
  '/programmes',
  '/programmes/calls',
  '/programmes/applications',
  '/programmes/investments',
  '/projects',
  '/programmes/ip-register',
  '/programmes/debarments',
  '/platforms',
  '/international/projects',
  '/international/bases',
  '/finance/needs',
  '/finance/events',
  '/finance/records',
  '/finance/claims',
  '/finance/statistics',
  '/reviews/experts',
  '/measures',
  '/messages',
];

const roles: Role[] = [
  {
    app: 'province',
    username: 'officer',
    paths: [...STAFF_LISTS, '/filings/rounds'],
    filled: ['/alliances', '/filings', '/projects', '/reviews/experts'],
  },
  {
    app: 'province',
    username: 'admin',
    paths: ['/', '/users', '/alliances', '/messages'],
    filled: ['/users'],
  },
  { app: 'province', username: 'expert1', paths: ['/', '/work', '/reviews/mine', '/messages'], filled: [] },
  {
    app: 'city',
    city: '株洲市',
    username: 'officer',
    paths: STAFF_LISTS,
    filled: ['/alliances', '/reviews/experts'],
  },
  {
    app: 'city',
    city: '株洲市',
    username: 'admin',
    paths: ['/', '/users', '/alliances'],
    filled: ['/users'],
  },
];

const CARDS = '.list-cards tr.ant-table-row';

type Seen = { sideways: number; tables: number; tableRows: number; cards: number; cardsTooWide: number };

function inspect(): Seen {
  const root = document.scrollingElement ?? document.documentElement;
  const visible = (el: Element) => (el as HTMLElement).offsetParent !== null;
  // A table still drawn as a table: its header row is on screen.
  const tables = Array.from(document.querySelectorAll('.ant-table-wrapper')).filter(
    (t) => visible(t) && Array.from(t.querySelectorAll('.ant-table-thead')).some(visible),
  );
  const cards = Array.from(document.querySelectorAll('.list-cards tr.ant-table-row')).filter(visible);
  return {
    sideways: root.scrollWidth - window.innerWidth,
    tables: tables.length,
    tableRows: tables.reduce((n, t) => n + t.querySelectorAll('tr.ant-table-row').length, 0),
    cards: cards.length,
    cardsTooWide: cards.filter((c) => c.getBoundingClientRect().right > window.innerWidth + 1).length,
  };
}

async function settle(page: Page): Promise<void> {
  await expect(page.locator('.ant-spin-spinning')).toHaveCount(0, { timeout: 20_000 });
  await page.waitForTimeout(150);
  await expect(page.locator('.ant-spin-spinning')).toHaveCount(0, { timeout: 20_000 });
}

// Inside the app, as its menu does (reloading the app for each list would only measure the loading).
async function open(page: Page, app: string, path: string): Promise<void> {
  const url = `/${app}${path}`;
  if (new URL(page.url()).pathname === url) return settle(page);
  await leaving(page);
  await page.evaluate((to) => {
    window.history.pushState(null, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, url);
  await expect(page).toHaveURL(new RegExp(`${url.replace(/[/?]/g, '\\$&')}$`));
  await arrived(page);
}

// The page shown so far stays while the next one's code loads: it is marked, and must be gone.
async function leaving(page: Page): Promise<void> {
  await page.evaluate(() =>
    document.querySelector('.app-shell-content > :last-child')?.setAttribute('data-left', ''),
  );
}

async function arrived(page: Page): Promise<void> {
  await expect(page.locator('[data-left]')).toHaveCount(0, { timeout: 20_000 });
  await settle(page);
}

async function visit(page: Page, role: Role, path: string, who: string): Promise<string[]> {
  const filled = role.filled.includes(path);
  await open(page, role.app, path);
  if (filled) await expect(page.locator(CARDS).first()).toBeVisible();
  await screenshotForReview(page, `narrow-${who}-${path}`.replace(/[^\p{L}\p{N}._-]+/gu, '_'));
  return problemsOf(await page.evaluate(inspect), `${who} ${path}`, filled);
}

function problemsOf(seen: Seen, where: string, filled: boolean): string[] {
  const problems: string[] = [];
  if (seen.sideways > 1) problems.push(`${where}: the page scrolls sideways by ${seen.sideways}px`);
  if (seen.tableRows > 0) problems.push(`${where}: ${seen.tables} lists drawn as tables, not cards`);
  if (seen.cardsTooWide > 0) problems.push(`${where}: ${seen.cardsTooWide} cards wider than the screen`);
  if (filled && seen.cards === 0) problems.push(`${where}: no cards`);
  return problems;
}

for (const role of roles) {
  const who = `${role.app}${role.city ? `:${role.city}` : ''}:${role.username}`;
  test(`${who} reads the main lists at 390×844 as cards, without sideways scrolling`, async ({ page }) => {
    test.setTimeout(120_000);
    const credentials = { username: role.username, password: DEMO_PASSWORD };
    if (role.app === 'province') await signInToProvince(page, credentials);
    else await signInToCity(page, role.city!, credentials);
    await expect(page.getByTestId('current-user')).toBeVisible();
    // The header fits: who is signed in, the bell and signing out, on one line.
    await expect(page.getByRole('button', { name: '退出登录' })).toBeInViewport();
    const problems: string[] = [];
    for (const path of role.paths) problems.push(...(await visit(page, role, path, who)));
    expect(problems).toEqual([]);
  });
}

test('a record opened from a card reads on a phone: its name heads the card, its page fits', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signInToProvince(page, { username: 'officer', password: DEMO_PASSWORD });
  await expect(page.getByTestId('current-user')).toBeVisible();
  for (const list of ['/alliances', '/filings', '/projects']) {
    await open(page, 'province', list);
    const card = page.locator(CARDS).first();
    await expect(card).toBeVisible();
    // The other columns carry their labels; the title does not.
    await expect(card.locator('.list-card-label').first()).toBeVisible();
    const title = card.locator('td.list-card-title');
    await expect(title.locator('.list-card-label')).toHaveCount(0);
    await leaving(page);
    await title.getByRole('link').first().click();
    await expect(page).not.toHaveURL(new RegExp(`/province${list}$`));
    await arrived(page);
    await screenshotForReview(page, `narrow-record-${list}`.replace(/[^\p{L}\p{N}._-]+/gu, '_'));
    const seen = await page.evaluate(inspect);
    expect(problemsOf(seen, `record from ${list}`, false)).toEqual([]);
  }
});
