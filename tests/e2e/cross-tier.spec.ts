import { expect, test } from '../support/test.js';
import { DEMO_PASSWORD, signInToCity } from '../support/sign-in.js';

test('a city user opening the province app sees 无权访问 and no province page', async ({ page }) => {
  await signInToCity(page, '长沙市', { username: 'officer', password: DEMO_PASSWORD });
  await expect(page.getByTestId('current-user')).toBeVisible();

  for (const path of ['/province/', '/province/users']) {
    await page.goto(path);
    await expect(page.getByText('无权访问')).toBeVisible();
    await expect(page.getByRole('table')).toHaveCount(0);
    await expect(page.getByText('全省市州')).toHaveCount(0);
    await expect(page.getByRole('cell', { name: '株洲市', exact: true })).toHaveCount(0);
    await expect(page.getByRole('menuitem', { name: '用户管理' })).toHaveCount(0);
  }
});
