import { expect, test } from '../support/test.js';
import { DEMO_PASSWORD, screenshotForReview, signInToProvince, signOut } from '../support/sign-in.js';

const DIVISIONS = [
  '长沙市',
  '株洲市',
  '湘潭市',
  '衡阳市',
  '邵阳市',
  '岳阳市',
  '常德市',
  '张家界市',
  '益阳市',
  '郴州市',
  '永州市',
  '怀化市',
  '娄底市',
  '湘西土家族苗族自治州',
];

test('the province admin signs in, sees the 14 divisions, opens user management and signs out', async ({
  page,
}) => {
  await signInToProvince(page, { username: 'admin', password: DEMO_PASSWORD });

  await expect(page).toHaveURL(/\/province\/$/);
  await expect(page.getByTestId('current-user')).toContainText('省厅管理员（演示）');
  // Home is the workbench; 全省市州 has a menu item of its own.
  await expect(page.getByTestId('workbench')).toBeVisible();
  await page.getByRole('menuitem', { name: '全省市州' }).click();
  await expect(page).toHaveURL(/\/province\/divisions$/);
  const divisions = page.getByTestId('divisions').getByRole('table');
  for (const name of DIVISIONS) {
    await expect(divisions.getByRole('cell', { name, exact: true })).toBeVisible();
  }
  // One row per division, recognised by its six-digit code.
  await expect(
    divisions.getByRole('row').filter({ has: page.getByRole('cell', { name: /^43\d{4}$/ }) }),
  ).toHaveCount(DIVISIONS.length);
  await screenshotForReview(page, 'province-home');

  await page.getByRole('menuitem', { name: '用户管理' }).click();
  await expect(page).toHaveURL(/\/province\/users$/);
  await expect(page.getByText('用户管理 · 湖南省科学技术厅')).toBeVisible();
  const users = page.getByRole('table');
  for (const username of ['admin', 'officer', 'expert']) {
    await expect(users.getByRole('cell', { name: username, exact: true })).toBeVisible();
  }

  await signOut(page, 'province');
  // The session is gone: the home page sends the browser back to sign-in.
  await page.goto('/province/');
  await expect(page).toHaveURL(/\/province\/login$/);
});

test('a wrong password is refused with a Chinese message and the user stays on sign-in', async ({ page }) => {
  await signInToProvince(page, { username: 'officer', password: 'not-the-password' });

  const alert = page.getByRole('alert');
  await expect(alert).toContainText('用户名或密码错误');
  await expect(page).toHaveURL(/\/province\/login$/);
  await expect(page.getByLabel('密码', { exact: true })).toHaveValue('');
  await expect(page.getByTestId('current-user')).toHaveCount(0);
});
