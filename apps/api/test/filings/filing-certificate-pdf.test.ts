import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobScheduler } from '../../src/modules/jobs/job-scheduler';
import { CHANGSHA, establishedAlliance, PROVINCE, staff, ZHUZHOU } from '../pilots/pilot-client';
import { Fixtures } from '../pilots/db-fixtures';
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
import { act, cityPilot, completedDraft, type FilingView, publishedRound } from './filing-client';

// Issue #13: the filing certificate (备案证明) is kept as a PDF with its SHA-256 when the province
// files the alliance; the filing city reads and downloads it, another city does not.

const CERTIFICATE = `query ($id: ID!) { filing(id: $id) {
  id state filingNumber certificatePdf { ${DECISION_PDF_FIELDS} } } }`;

describe('filing certificates kept as PDF', () => {
  const clock = new TestClock(new Date('2027-04-02T10:00:00+08:00'));
  let api: TestApi;
  let fixtures: Fixtures;
  let officer: GraphqlAgent;
  let admin: GraphqlAgent;
  let city: GraphqlAgent;
  let cityTenantId: string;
  let csAdmin: GraphqlAgent;
  let round: { id: string; version: number };

  /** A city pilot of 株洲 filed by the province (no review, no notice in this round). */
  async function filed(): Promise<FilingView> {
    const allianceId = (await establishedAlliance(city, 'SE0702')).alliance.id;
    const documents = await cityPilot(fixtures, cityTenantId, allianceId);
    let filing = await completedDraft(city, round.id, allianceId, documents);
    filing = await act(city, filing, 'SUBMIT');
    filing = await act(officer, filing, 'ACCEPT');
    return act(admin, filing, 'FILE');
  }

  async function certificate(agent: GraphqlAgent, id: string): Promise<DecisionPdfView | null> {
    return dataOf(
      await agent.send<{ filing: { certificatePdf: DecisionPdfView | null } }>(CERTIFICATE, { id }),
    ).filing.certificatePdf;
  }

  beforeAll(async () => {
    api = await startTestApi({ clock });
    fixtures = await Fixtures.open();
    officer = (await staff(api, PROVINCE, ['PROVINCE_OFFICER'])).agent;
    admin = (await staff(api, PROVINCE, ['PROVINCE_ADMIN'])).agent;
    const zz = await staff(api, ZHUZHOU, ['CITY_ADMIN']);
    city = zz.agent;
    cityTenantId = zz.user.tenantId;
    csAdmin = (await staff(api, CHANGSHA, ['CITY_ADMIN'])).agent;
    round = await publishedRound(officer, admin, clock.now());
  });

  afterAll(async () => {
    await fixtures?.close();
    await api?.close();
  });

  it('renders the certificate once the province files the alliance', async () => {
    await api.app.get(JobScheduler).runDue();
    const filing = await filed();
    expect(filing.state).toBe('FILED');
    const pending = await certificate(officer, filing.id);
    expect(pending).toMatchObject({ state: 'PENDING', sha256: null });
    expect(pending!.fileName).toBe(`产业技术创新战略联盟备案证明（${filing.filingNumber}）.pdf`);

    await renderDueJobs(api, '/usr/bin/chromium');

    const pdf = await certificate(officer, filing.id);
    expect(pdf).toMatchObject({ state: 'STORED', reason: null });
    // The certificate's words are the print view's: number, particulars, the province signing.
    const [job] = await asAdmin((c) =>
      c
        .query<{ html: string }>(
          `SELECT payload->>'html' AS html FROM job WHERE kind = 'decision.pdf' AND key LIKE $1`,
          [`filing:${filing.id}:%`],
        )
        .then((r) => r.rows),
    );
    expect(job!.html).toContain(filing.filingNumber!);
    expect(job!.html).toContain('<th>有效期至</th>');
    expect(job!.html).toContain(`经${filing.cityName}推荐`);

    // The filing city reads the same file; the bytes hash to the recorded SHA-256.
    expect(await certificate(city, filing.id)).toEqual(pdf);
    await expectDownloadHashes(city, pdf!);

    // 长沙 reads neither the filing, nor the request, nor its document.
    expect(errorCode(await csAdmin.send(CERTIFICATE, { id: filing.id }))).toBe('NOT_FOUND');
    expect((await csAdmin.raw().get(pdf!.downloadUrl!)).status).toBe(404);
    expect(await decisionRowsSeenBy(CHANGSHA, filing.id, pdf!)).toBe(0);
  }, 240_000);

  it('records why there is no certificate PDF when the server has no Chromium', async () => {
    const filing = await filed();
    await renderDueJobs(api, '/nonexistent/chromium');
    const pdf = await certificate(city, filing.id);
    expect(pdf).toMatchObject({ state: 'MISSING', sha256: null, downloadUrl: null });
    expect(pdf!.reason).toContain('/nonexistent/chromium');
  }, 60_000);
});
