import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobScheduler } from '../../src/modules/jobs/job-scheduler';
import { AdminDb } from '../support/admin-db';
import {
  DECISION_PDF_FIELDS,
  type DecisionPdfView,
  decisionRowsSeenBy,
  expectDownloadHashes,
  renderDueJobs,
} from '../support/decision-pdfs';
import { type GraphqlAgent, startTestApi, type TestApi } from '../support/harness';
import { dataOf } from '../support/register-client';
import { TestClock } from '../support/test-clock';
import {
  act,
  type ApplicationView,
  type CallView,
  completeDossier,
  establishedAlliance,
  CHANGSHA,
  P,
  PROVINCE,
  publishedCall,
  staff,
  ZHUZHOU,
} from './pilot-client';

// Issue #13: a pilot decision is kept as a PDF rendered by the system's Chromium on the job
// scheduler, its SHA-256 beside the record; without Chromium the record says why there is none.

const DECISION_PDF = `query ($id: ID!) { pilotApplication(id: $id) {
  id state decisionPdf { ${DECISION_PDF_FIELDS} } } }`;

describe('pilot decisions kept as PDF', () => {
  const clock = new TestClock();
  let api: TestApi;
  let db: AdminDb;
  let provOfficer: GraphqlAgent;
  let provAdmin: GraphqlAgent;
  let zzOfficer: GraphqlAgent;
  let zzAdmin: GraphqlAgent;
  let call: CallView;

  /** An application sent up by 株洲 and, as if its review were over, ready for the decision. */
  async function reviewed(): Promise<ApplicationView> {
    const formed = await establishedAlliance(zzOfficer, 'SE0703', `决定书联盟${Date.now() % 100000}`);
    let app = dataOf(
      await zzOfficer.send<{ createPilotApplication: ApplicationView }>(P.create, {
        input: { callId: call.id, allianceId: formed.alliance.id },
      }),
    ).createPilotApplication;
    app = await act(zzOfficer, await completeDossier(zzOfficer, app), 'SUBMIT');
    app = await act(zzAdmin, app, 'RECOMMEND', { opinion: '同意推荐' });
    // The review itself is proved elsewhere (provincial-path): here the decision is what counts.
    await db.rows(
      `UPDATE pilot_application SET state = 'REVIEWED', accepted_at = now(), review_started_at = now(),
         reviewed_at = now() WHERE id = $1`,
      [app.id],
    );
    return app;
  }

  async function decisionPdf(agent: GraphqlAgent, id: string): Promise<DecisionPdfView | null> {
    const res = await agent.send<{ pilotApplication: { decisionPdf: DecisionPdfView | null } }>(
      DECISION_PDF,
      {
        id,
      },
    );
    return dataOf(res).pilotApplication.decisionPdf;
  }

  beforeAll(async () => {
    api = await startTestApi({ clock });
    db = await AdminDb.open();
    provOfficer = (await staff(api, PROVINCE, ['PROVINCE_OFFICER'])).agent;
    provAdmin = (await staff(api, PROVINCE, ['PROVINCE_ADMIN'])).agent;
    zzOfficer = (await staff(api, ZHUZHOU, ['CITY_OFFICER'])).agent;
    zzAdmin = (await staff(api, ZHUZHOU, ['CITY_ADMIN'])).agent;
    call = await publishedCall(provOfficer, provAdmin, clock.now());
  });

  afterAll(async () => {
    await db?.close();
    await api?.close();
  });

  it('renders the approval to PDF after the decision commits, and the hash beside it is the file’s', async () => {
    const app = await reviewed();
    // Earlier files' decisions settle first, without a browser (vitest.config sets CHROMIUM_PATH).
    await api.app.get(JobScheduler).runDue();
    const approved = await act(provAdmin, app, 'APPROVE', { reason: '依据专家评审意见，确认为省级试点联盟' });
    expect(approved.state).toBe('APPROVED');
    // The decision only asked: the rendering waits for the scheduler.
    expect(await decisionPdf(provOfficer, app.id)).toMatchObject({ state: 'PENDING', sha256: null });
    await renderDueJobs(api, '/usr/bin/chromium');

    const pdf = await decisionPdf(provOfficer, app.id);
    const job = await db.rows<{ state: string; last_error: string | null }>(
      `SELECT state, last_error FROM job WHERE kind = 'decision.pdf' AND key LIKE $1`,
      [`pilot_application:${app.id}:%`],
    );
    expect(pdf, JSON.stringify(job)).toMatchObject({ state: 'STORED', reason: null });
    expect(pdf!.fileName).toMatch(/^关于确认.*为省级试点联盟的决定\.pdf$/);
    // The applicant city reads the same file, and its bytes hash to the recorded SHA-256.
    expect(await decisionPdf(zzOfficer, app.id)).toEqual(pdf);
    const bytes = await expectDownloadHashes(zzOfficer, pdf!);
    const [row] = await db.rows<{ sha256: string; size_bytes: string; kind: string }>(
      `SELECT encode(d.sha256, 'hex') AS sha256, d.size_bytes, d.kind FROM decision_pdf p
         JOIN document d ON d.tenant_id = p.tenant_id AND d.id = p.document_id WHERE p.subject_id = $1`,
      [app.id],
    );
    expect(row).toEqual({ sha256: pdf!.sha256, size_bytes: String(bytes.length), kind: 'DECISION' });
    // Another city's staff see neither the request nor its document (row-level security).
    expect(await decisionRowsSeenBy(CHANGSHA, app.id, pdf!)).toBe(0);
    // Chromium takes seconds, more on a loaded machine.
  }, 240_000);

  it('records why there is no PDF when the server has no Chromium, and the decision stands', async () => {
    const app = await reviewed();
    const declined = await act(provAdmin, app, 'DECLINE', { reason: '专家评审未达合格线' });
    expect(declined.state).toBe('DECLINED');
    await renderDueJobs(api, '/nonexistent/chromium');
    const pdf = await decisionPdf(zzOfficer, app.id);
    expect(pdf).toMatchObject({ state: 'MISSING', sha256: null, downloadUrl: null });
    expect(pdf!.reason).toContain('Chromium');
    expect(pdf!.reason).toContain('/nonexistent/chromium');
  }, 60_000);
});
