import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobScheduler } from '../../src/modules/jobs/job-scheduler';
import { CHANGSHA, staff } from '../pilots/pilot-client';
import {
  asAdmin,
  asRuntimeRole,
  errorCode,
  type GraphqlAgent,
  startTestApi,
  tenantId,
  type TestApi,
} from '../support/harness';
import { binaryBody, dataOf } from '../support/register-client';
import { TestClock } from '../support/test-clock';
import {
  act,
  type ApplicationView,
  draftApplication,
  provincialPilot,
  taskContract,
  verifiedInvestment,
  type World,
  world,
  YUAN,
} from './programme-application-client';

// Issue #13: a programme application's award or decline is kept as a PDF with its SHA-256, as a
// pilot decision is; the applicant city reads it, another city does not.

type DecisionPdfView = {
  state: string;
  fileName: string;
  sha256: string | null;
  downloadUrl: string | null;
  reason: string | null;
};

// What vitest.config sets for every file, restored after each step here.
const CHROMIUM_OFF = process.env.CHROMIUM_PATH;
const DECISION_PDF = `query ($id: ID!) { programmeApplication(id: $id) {
  id state decisionPdf { state fileName sha256 downloadUrl reason } } }`;

describe('programme decisions kept as PDF', () => {
  const clock = new TestClock(new Date('2027-06-01T10:00:00+08:00'));
  let api: TestApi;
  let w: World;
  let csAdmin: GraphqlAgent;

  /** An application of 株洲 accepted by the province, its review taken as done (proved elsewhere). */
  async function reviewed(): Promise<ApplicationView> {
    const pilot = await provincialPilot(w, 'SE0802');
    await verifiedInvestment(w, pilot, 3_000_000, 3_000_000);
    let a = await draftApplication(w, pilot, { requestedSupportFen: YUAN(2_000_000) });
    a = await act(w.zzOfficer, a, 'SUBMIT');
    a = await act(w.zzAdmin, a, 'RECOMMEND', { opinion: '同意推荐' });
    a = await act(w.provOfficer, a, 'ACCEPT');
    await asAdmin((c) =>
      c.query(
        `UPDATE programme_application SET state = 'REVIEWED', review_started_at = now(), reviewed_at = now()
          WHERE id = $1`,
        [a.id],
      ),
    );
    return { ...a, state: 'REVIEWED' };
  }

  async function decisionPdf(agent: GraphqlAgent, id: string): Promise<DecisionPdfView | null> {
    const res = await agent.send<{ programmeApplication: { decisionPdf: DecisionPdfView | null } }>(
      DECISION_PDF,
      { id },
    );
    return dataOf(res).programmeApplication.decisionPdf;
  }

  beforeAll(async () => {
    api = await startTestApi({ clock });
    w = await world(api, clock.now(), {
      totalBudgetFen: YUAN(50_000_000),
      perProjectCapFen: YUAN(3_000_000),
    });
    csAdmin = (await staff(api, CHANGSHA, ['CITY_ADMIN'])).agent;
  });

  afterAll(async () => {
    process.env.CHROMIUM_PATH = CHROMIUM_OFF;
    delete process.env.XM_PDF_TIMEOUT_MS;
    await api?.close();
  });

  it('renders the award to PDF once it commits; the applicant city downloads the file the hash names, 长沙 sees nothing', async () => {
    const app = await reviewed();
    // Earlier decisions settle first, without a browser.
    await api.app.get(JobScheduler).runDue();
    const awarded = await act(w.provAdmin, app, 'AWARD', {
      reason: '同意立项',
      awardFen: YUAN(2_000_000),
      taskContract: taskContract(2_000_000),
    });
    expect(awarded.state).toBe('AWARDED');
    expect(await decisionPdf(w.provOfficer, app.id)).toMatchObject({ state: 'PENDING', sha256: null });

    process.env.CHROMIUM_PATH = '/usr/bin/chromium';
    process.env.XM_PDF_TIMEOUT_MS = '100000';
    try {
      await api.app.get(JobScheduler).runDue();
    } finally {
      process.env.CHROMIUM_PATH = CHROMIUM_OFF;
      delete process.env.XM_PDF_TIMEOUT_MS;
    }

    const pdf = await decisionPdf(w.provOfficer, app.id);
    expect(pdf).toMatchObject({ state: 'STORED', reason: null });
    expect(pdf!.fileName).toMatch(/^关于「.+」予以立项的决定\.pdf$/);
    // The letter names the support in yuan from fen (the job's payload is the page as decided).
    const [job] = await asAdmin((c) =>
      c
        .query<{ html: string }>(
          `SELECT payload->>'html' AS html FROM job WHERE kind = 'decision.pdf' AND key LIKE $1`,
          [`programme_application:${app.id}:%`],
        )
        .then((r) => r.rows),
    );
    expect(job!.html).toContain('支持经费 2,000,000.00 元');
    expect(job!.html).toContain(w.programme.name);

    expect(await decisionPdf(w.zzOfficer, app.id)).toEqual(pdf);
    const res = await w.zzOfficer.raw().get(pdf!.downloadUrl!).buffer(true).parse(binaryBody);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const bytes = Buffer.from(res.body as Buffer);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(pdf!.sha256);

    // Another city reads neither the application nor the request, nor its document.
    expect(errorCode(await csAdmin.send(DECISION_PDF, { id: app.id }))).toBe('NOT_FOUND');
    expect((await csAdmin.raw().get(pdf!.downloadUrl!)).status).toBe(404);
    const changsha = await tenantId(CHANGSHA);
    const seen = await asRuntimeRole({ tenantId: changsha, roles: ['CITY_ADMIN'] }, async (c) => {
      const pdfs = await c.query('SELECT 1 FROM decision_pdf WHERE subject_id = $1', [app.id]);
      const docs = await c.query(
        `SELECT 1 FROM document WHERE kind = 'DECISION' AND sha256 = decode($1, 'hex')`,
        [pdf!.sha256],
      );
      return pdfs.rowCount! + docs.rowCount!;
    });
    expect(seen).toBe(0);
  }, 240_000);

  it('records why there is no PDF of a decline when the server has no Chromium; the city reads the reason', async () => {
    const app = await reviewed();
    const declined = await act(w.provAdmin, app, 'DECLINE', { reason: '经费测算依据不足' });
    expect(declined.state).toBe('DECLINED');
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    try {
      await api.app.get(JobScheduler).runDue();
    } finally {
      process.env.CHROMIUM_PATH = CHROMIUM_OFF;
    }
    const pdf = await decisionPdf(w.zzAdmin, app.id);
    expect(pdf).toMatchObject({ state: 'MISSING', sha256: null, downloadUrl: null });
    expect(pdf!.fileName).toMatch(/不予立项的决定\.pdf$/);
    expect(pdf!.reason).toContain('/nonexistent/chromium');
  }, 60_000);
});
