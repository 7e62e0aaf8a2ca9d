import { expect, test } from '../support/test.js';

function directives(policy: string | null): Record<string, string> {
  const parsed: Record<string, string> = {};
  for (const directive of (policy ?? '').split(';')) {
    const [name, ...values] = directive.trim().split(/\s+/);
    if (name) parsed[name] = values.join(' ');
  }
  return parsed;
}

test('both apps load under a CSP without inline script, and a violation fails a story', async ({
  page,
  cspViolations,
}) => {
  for (const app of ['province', 'city']) {
    const response = await page.goto(`/${app}/`);
    const policy = directives((await response?.headerValue('content-security-policy')) ?? null);
    expect(policy['script-src']).toBe("'self'");
    expect(policy['frame-ancestors']).toBe("'none'");
    // The app ran: its router sent the browser to sign-in.
    await expect(page).toHaveURL(new RegExp(`/${app}/login$`));
    await expect(page.getByTestId('login-submit')).toBeVisible();
  }

  // The guard is live: an injected inline script is refused, and the refusal is recorded.
  const ran = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'document.body.dataset.inline = "ran"';
    document.head.append(script);
    return document.body.dataset.inline === 'ran';
  });
  expect(ran).toBe(false);
  await expect.poll(() => cspViolations.join('\n')).toContain('Content Security Policy');
  // Expected here; any other violation fails the story it happens in.
  cspViolations.splice(0);
});
