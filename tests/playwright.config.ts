import { defineConfig } from '@playwright/test';

// The platform's address is known only after the global setup has started it; Playwright loads
// this config again in each worker, after the setup, so the workers read it from the environment.
const baseURL = process.env.XM_E2E_BASE_URL;

export default defineConfig({
  testDir: './e2e',
  globalSetup: './support/platform.global-setup.ts',
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  outputDir: './test-results',
  forbidOnly: process.env.CI === 'true',
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      // Debian's Chromium, never a downloaded one; these flags keep it off the (closed) network.
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
