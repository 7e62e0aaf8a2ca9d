import { test as base, type BrowserContext } from '@playwright/test';

export { expect } from '@playwright/test';

/**
 * The stories' `test`: each one fails on any Content Security Policy violation in any of its
 * browser contexts (the default one and those a story opens itself). Chromium reports every
 * violation on the console ("Refused to … because it violates the following Content Security
 * Policy directive …").
 */
export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ browser, context }, use) => {
      const violations: string[] = [];
      const watched = new WeakSet<BrowserContext>();
      const watch = (watchedContext: BrowserContext) => {
        if (watched.has(watchedContext)) return;
        watched.add(watchedContext);
        watchedContext.on('console', (message) => {
          if (message.text().includes('Content Security Policy'))
            violations.push(`${message.location().url || message.page()?.url()}: ${message.text()}`);
        });
      };
      watch(context);
      browser.on('context', watch);
      try {
        await use(violations);
      } finally {
        browser.off('context', watch);
      }
      base.expect(violations, 'Content Security Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});
