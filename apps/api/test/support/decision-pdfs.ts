import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import { JobScheduler } from '../../src/modules/jobs/job-scheduler';
import { asRuntimeRole, type GraphqlAgent, tenantId, type TestApi } from './harness';
import { binaryBody } from './register-client';

// What the decision-PDF tests share (pilot decisions, programme decisions, filing certificates):
// rendering on the scheduler with or without a browser, the download against its recorded hash,
// and another city's row-level security.

export type DecisionPdfView = {
  state: string;
  fileName: string;
  sha256: string | null;
  downloadUrl: string | null;
  reason: string | null;
};

export const DECISION_PDF_FIELDS = 'state fileName sha256 downloadUrl reason';

/**
 * Runs the due jobs with `chromium` as the server's browser, then gives back the setting
 * vitest.config made for every file (no browser, so other files' decisions never wait for one).
 */
export async function renderDueJobs(api: TestApi, chromium: string): Promise<void> {
  const before = process.env.CHROMIUM_PATH;
  process.env.CHROMIUM_PATH = chromium;
  // A loaded machine (CI beside other work) may take long to start Chromium: the limit is not the subject here.
  process.env.XM_PDF_TIMEOUT_MS = '100000';
  try {
    await api.app.get(JobScheduler).runDue();
  } finally {
    process.env.CHROMIUM_PATH = before;
    delete process.env.XM_PDF_TIMEOUT_MS;
  }
}

/** Downloads the PDF as `agent` and checks it is one and that its bytes hash to the recorded SHA-256. */
export async function expectDownloadHashes(agent: GraphqlAgent, pdf: DecisionPdfView): Promise<Buffer> {
  const res = await agent.raw().get(pdf.downloadUrl!).buffer(true).parse(binaryBody);
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  const bytes = Buffer.from(res.body as Buffer);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(createHash('sha256').update(bytes).digest('hex')).toBe(pdf.sha256);
  return bytes;
}

/** How many of the request's rows and its document's rows a city admin of `tenantCode` reads in SQL. */
export async function decisionRowsSeenBy(
  tenantCode: string,
  subjectId: string,
  pdf: DecisionPdfView,
): Promise<number> {
  const tenant = await tenantId(tenantCode);
  return asRuntimeRole({ tenantId: tenant, roles: ['CITY_ADMIN'] }, async (c) => {
    const pdfs = await c.query('SELECT 1 FROM decision_pdf WHERE subject_id = $1', [subjectId]);
    const docs = await c.query(
      `SELECT 1 FROM document WHERE kind = 'DECISION' AND sha256 = decode($1, 'hex')`,
      [pdf.sha256],
    );
    return pdfs.rowCount! + docs.rowCount!;
  });
}
