import { expect, test } from '../support/test.js';
import { DEMO_PASSWORD, screenshotForReview, signInToCity, signOut } from '../support/sign-in.js';

test('a Changsha officer signs in at the city app, sees their own bureau and signs out', async ({ page }) => {
  await signInToCity(page, '长沙市', { username: 'officer', password: DEMO_PASSWORD });

  await expect(page).toHaveURL(/\/city\/$/);
  await expect(page.getByTestId('current-user')).toContainText('长沙市业务员（演示）');
  await expect(page.getByRole('main')).toContainText('长沙市科学技术局');
  // An officer administers no accounts.
  await expect(page.getByRole('menuitem', { name: '用户管理' })).toHaveCount(0);
  await screenshotForReview(page, 'city-home');

  await signOut(page, 'city');
});

test('a city admin creates a user, who can then sign in', async ({ page }) => {
  const newUser = {
    username: `e2e.${Date.now().toString(36)}`,
    displayName: '株洲测试业务员',
    password: 'Zhuzhou#Test2026',
  };
  await signInToCity(page, '株洲市', { username: 'admin', password: DEMO_PASSWORD });
  await expect(page.getByTestId('current-user')).toContainText('株洲市管理员（演示）');

  await page.getByRole('menuitem', { name: '用户管理' }).click();
  await expect(page).toHaveURL(/\/city\/users$/);
  await page.getByRole('button', { name: '新建用户' }).click();
  const dialog = page.getByRole('dialog', { name: '新建用户' });
  await dialog.getByLabel('用户名', { exact: true }).fill(newUser.username);
  await dialog.getByLabel('姓名', { exact: true }).fill(newUser.displayName);
  await dialog.getByLabel('初始密码', { exact: true }).fill(newUser.password);
  await dialog.getByLabel('确认密码', { exact: true }).fill(newUser.password);
  await dialog.getByLabel('市州业务人员').check();
  await dialog.getByRole('button', { name: '创建' }).click();

  await expect(dialog).toBeHidden();
  await expect(page.getByText(`已创建用户「${newUser.displayName}」`)).toBeVisible();
  const row = page
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: newUser.username, exact: true }) });
  await expect(row).toContainText(newUser.displayName);
  await expect(row).toContainText('市州业务人员');
  await signOut(page, 'city');

  await signInToCity(page, '株洲市', { username: newUser.username, password: newUser.password });
  await expect(page).toHaveURL(/\/city\/$/);
  await expect(page.getByTestId('current-user')).toContainText(newUser.displayName);
  await expect(page.getByRole('main')).toContainText('株洲市科学技术局');
});

test('a city admin finds an account by name and changes its roles', async ({ page }) => {
  await signInToCity(page, '株洲市', { username: 'admin', password: DEMO_PASSWORD });
  await page.getByRole('menuitem', { name: '用户管理' }).click();
  await page.getByPlaceholder('按用户名、姓名或角色查找').fill('株洲市业务员');
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows).toHaveCount(1);
  const officerRow = rows.filter({ has: page.getByRole('cell', { name: 'officer', exact: true }) });
  await expect(officerRow).toContainText('市州业务人员');

  // Its own admin role is kept by the API; an officer's may be widened and narrowed again.
  await officerRow.getByTestId('user-edit-roles').click();
  const dialog = page.getByRole('dialog', { name: /修改角色/ });
  // The form shows the account's roles once it has opened; a click before that is overwritten.
  await expect(dialog.getByLabel('市州业务人员')).toBeChecked();
  await dialog.getByLabel('市州管理员').check();
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('已修改用户「株洲市业务员（演示）」的角色')).toBeVisible();
  await expect(officerRow).toContainText('市州管理员');
  await officerRow.getByTestId('user-edit-roles').click();
  await expect(dialog.getByLabel('市州管理员')).toBeChecked();
  await dialog.getByLabel('市州管理员').uncheck();
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(officerRow).not.toContainText('市州管理员');
});
