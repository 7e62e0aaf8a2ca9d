import type { Locator, Page } from '@playwright/test';
import { expect } from './test.js';

/**
 * An antd Select: open it, click the visible option that contains `text` (typed first when
 * `search`), and see the dropdown close. Retried as a whole: under load a click can land while
 * the dropdown is still sliding in, and the option is then missed.
 */
export async function pick(page: Page, field: Locator, text: string, search = false): Promise<void> {
  // A label finds the select's input; a test id its frame.
  const input = (await field.getAttribute('role')) === 'combobox' ? field : field.getByRole('combobox');
  const open = page.locator('.ant-select-dropdown:visible');
  await expect(async () => {
    if (!(await open.count())) await field.click();
    if (search) await input.fill(text);
    await open.locator('.ant-select-item-option').filter({ hasText: text }).first().click({ timeout: 3_000 });
    await expect(open).toHaveCount(0, { timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
}
