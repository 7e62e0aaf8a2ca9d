import { expect, type Locator } from '@playwright/test';

/**
 * Waits until an antd dialog has opened: visible, and its zoom-in over. In full runs on a loaded
 * machine, OK clicks made while the dialog was still zooming in were lost (no request, no error,
 * the dialog never closed); the button most likely moved between the click's aim and its landing.
 */
export async function expectDialogOpen(dialog: Locator): Promise<void> {
  await expect(dialog).toBeVisible();
  await expect(dialog).not.toHaveClass(/\bant-zoom-(appear|enter)\b/);
}
