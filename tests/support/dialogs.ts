import { expect, type Locator } from '@playwright/test';

/**
 * Waits until an antd dialog has opened: visible, and its zoom-in over. On a loaded machine a
 * click inside a dialog still zooming in can be lost, and the dialog then never closes.
 */
export async function expectDialogOpen(dialog: Locator): Promise<void> {
  await expect(dialog).toBeVisible();
  await expect(dialog).not.toHaveClass(/\bant-zoom-(appear|enter)\b/);
}
