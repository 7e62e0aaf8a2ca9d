import { expect, type Page } from '@playwright/test';

// The demo data seeded into every embedded database (packages/demo/src/demo-seed.ts).
export const DEMO_PASSWORD = 'Xiangmeng@2026';

export type Credentials = { username: string; password: string };

export async function signInToProvince(page: Page, { username, password }: Credentials): Promise<void> {
  await page.goto('/province/');
  await expect(page).toHaveURL(/\/province\/login$/);
  await fillCredentials(page, { username, password });
}

/** Signs in at /city/, choosing the city by name in the 所在市州 select. */
export async function signInToCity(
  page: Page,
  city: string,
  { username, password }: Credentials,
): Promise<void> {
  await page.goto('/city/');
  await expect(page).toHaveURL(/\/city\/login$/);
  const citySelect = page.getByLabel('所在市州');
  await citySelect.click();
  await citySelect.fill(city);
  await citySelect.press('Enter');
  // The chosen city shows in the select (the option list itself is portalled outside the form).
  await expect(page.locator('form').getByTitle(city, { exact: true })).toBeVisible();
  await fillCredentials(page, { username, password });
}

export async function signOut(page: Page, app: 'province' | 'city'): Promise<void> {
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(new RegExp(`/${app}/login$`));
  await expect(page.getByTestId('login-submit')).toBeVisible();
}

async function fillCredentials(page: Page, { username, password }: Credentials): Promise<void> {
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByTestId('login-submit').click();
}

/** Saves a full-page screenshot for a person to look at, when XM_E2E_SCREENSHOT_DIR names a folder. */
export async function screenshotForReview(page: Page, name: string): Promise<void> {
  const dir = process.env.XM_E2E_SCREENSHOT_DIR;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}
