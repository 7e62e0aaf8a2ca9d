import { access, constants } from 'node:fs/promises';
import { type Browser, chromium } from 'playwright-core';

export type RenderSettings = { chromiumPath: string; timeoutMs: number };

/** Read at each rendering: CHROMIUM_PATH (Debian's /usr/bin/chromium by default), XM_PDF_TIMEOUT_MS. */
export function renderSettings(env: NodeJS.ProcessEnv = process.env): RenderSettings {
  const timeoutMs = Number(env.XM_PDF_TIMEOUT_MS);
  return {
    chromiumPath: env.CHROMIUM_PATH || '/usr/bin/chromium',
    timeoutMs: Number.isFinite(timeoutMs) && timeoutMs > 0 ? timeoutMs : 30_000,
  };
}

/** The PDF, or why there is none and whether another attempt may succeed. */
export type RenderOutcome = { pdf: Buffer } | { missing: string; retry: boolean };

class RenderTimeout extends Error {}

/**
 * Renders a self-contained page to an A4 PDF with the system's Chromium, within the time limit:
 * past it the browser is closed, whatever it was doing. No script runs and nothing is fetched.
 */
export async function renderPdf(html: string, settings: RenderSettings): Promise<RenderOutcome> {
  try {
    await access(settings.chromiumPath, constants.X_OK);
  } catch {
    return {
      missing: `服务器上没有可用的 Chromium（${settings.chromiumPath}），未生成决定书 PDF；请使用打印视图打印`,
      retry: false,
    };
  }
  let browser: Browser | null = null;
  let timedOut = false;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      timedOut = true;
      reject(new RenderTimeout());
    }, settings.timeoutMs);
  });
  const work = async (): Promise<Buffer> => {
    const launched = await chromium.launch({
      executablePath: settings.chromiumPath,
      headless: true,
      timeout: settings.timeoutMs,
    });
    // A launch that outlived the limit closes at once rather than linger.
    if (timedOut) {
      await launched.close().catch(() => undefined);
      throw new RenderTimeout();
    }
    browser = launched;
    const context = await launched.newContext({ javaScriptEnabled: false });
    await context.route('**/*', (route) => route.abort());
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load', timeout: settings.timeoutMs });
    return page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  };
  const running = work();
  try {
    return { pdf: await Promise.race([running, deadline]) };
  } catch (error) {
    const reason =
      error instanceof RenderTimeout
        ? `决定书 PDF 生成超时（${Math.round(settings.timeoutMs / 1000)} 秒）`
        : `决定书 PDF 生成失败：${error instanceof Error ? error.message : String(error)}`;
    return { missing: reason.slice(0, 500), retry: true };
  } finally {
    clearTimeout(timer);
    running.catch(() => undefined);
    await (browser as Browser | null)?.close().catch(() => undefined);
  }
}
