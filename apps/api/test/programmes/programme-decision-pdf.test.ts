import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobScheduler } from '../../src/modules/jobs/job-scheduler';
import { CHANGSHA, staff } from '../pilots/pilot-client';
import {
  DECISION_PDF_FIELDS,
  type DecisionPdfView,
  decisionRowsSeenBy,
  expectDownloadHashes,
  renderDueJobs,
} from '../support/decision-pdfs';
import { asAdmin, errorCode, type GraphqlAgent, startTestApi, type TestApi } from '../support/harness';
import { dataOf } from '../support/register-client';
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

const DECISION_PDF = `query ($id: ID!) { programmeApplication(id: $id) {
  id state decisionPdf { ${DECISION_PDF_FIELDS} } } }`;

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

    await renderDueJobs(api, '/usr/bin/chromium');

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
    await expectDownloadHashes(w.zzOfficer, pdf!);

    // Another city reads neither the application nor the request, nor its document.
    expect(errorCode(await csAdmin.send(DECISION_PDF, { id: app.id }))).toBe('NOT_FOUND');
    expect((await csAdmin.raw().get(pdf!.downloadUrl!)).status).toBe(404);
    expect(await decisionRowsSeenBy(CHANGSHA, app.id, pdf!)).toBe(0);
  }, 240_000);

  it('records why there is no PDF of a decline when the server has no Chromium; the city reads the reason', async () => {
    const app = await reviewed();
    const declined = await act(w.provAdmin, app, 'DECLINE', { reason: '经费测算依据不足' });
    expect(declined.state).toBe('DECLINED');
    await renderDueJobs(api, '/nonexistent/chromium');
    const pdf = await decisionPdf(w.zzAdmin, app.id);
    expect(pdf).toMatchObject({ state: 'MISSING', sha256: null, downloadUrl: null });
    expect(pdf!.fileName).toMatch(/不予立项的决定\.pdf$/);
    expect(pdf!.reason).toContain('/nonexistent/chromium');
  }, 60_000);
});
