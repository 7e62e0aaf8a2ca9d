import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobScheduler } from '../../src/modules/jobs/job-scheduler';
import { CHANGSHA, establishedAlliance, PROVINCE, staff, ZHUZHOU } from '../pilots/pilot-client';
import { Fixtures } from '../pilots/db-fixtures';
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
import { act, cityPilot, completedDraft, type FilingView, publishedRound } from './filing-client';

// Issue #13: the filing certificate (备案证明) is kept as a PDF with its SHA-256 when the province
// files the alliance; the filing city reads and downloads it, another city does not.

type PdfView = {
  state: string;
  fileName: string;
  sha256: string | null;
  downloadUrl: string | null;
  reason: string | null;
};

const CHROMIUM_OFF = process.env.CHROMIUM_PATH;
const CERTIFICATE = `query ($id: ID!) { filing(id: $id) {
  id state filingNumber certificatePdf { state fileName sha256 downloadUrl reason } } }`;

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

  async function certificate(agent: GraphqlAgent, id: string): Promise<PdfView | null> {
    return dataOf(await agent.send<{ filing: { certificatePdf: PdfView | null } }>(CERTIFICATE, { id }))
      .filing.certificatePdf;
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
    process.env.CHROMIUM_PATH = CHROMIUM_OFF;
    delete process.env.XM_PDF_TIMEOUT_MS;
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

    process.env.CHROMIUM_PATH = '/usr/bin/chromium';
    process.env.XM_PDF_TIMEOUT_MS = '100000';
    try {
      await api.app.get(JobScheduler).runDue();
    } finally {
      process.env.CHROMIUM_PATH = CHROMIUM_OFF;
      delete process.env.XM_PDF_TIMEOUT_MS;
    }

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
    const res = await city.raw().get(pdf!.downloadUrl!).buffer(true).parse(binaryBody);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const bytes = Buffer.from(res.body as Buffer);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(pdf!.sha256);

    // 长沙 reads neither the filing, nor the request, nor its document.
    expect(errorCode(await csAdmin.send(CERTIFICATE, { id: filing.id }))).toBe('NOT_FOUND');
    expect((await csAdmin.raw().get(pdf!.downloadUrl!)).status).toBe(404);
    const changsha = await tenantId(CHANGSHA);
    const seen = await asRuntimeRole({ tenantId: changsha, roles: ['CITY_ADMIN'] }, async (c) => {
      const pdfs = await c.query('SELECT 1 FROM decision_pdf WHERE subject_id = $1', [filing.id]);
      const docs = await c.query(
        `SELECT 1 FROM document WHERE kind = 'DECISION' AND sha256 = decode($1, 'hex')`,
        [pdf!.sha256],
      );
      return pdfs.rowCount! + docs.rowCount!;
    });
    expect(seen).toBe(0);
  }, 240_000);

  it('records why there is no certificate PDF when the server has no Chromium', async () => {
    const filing = await filed();
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    try {
      await api.app.get(JobScheduler).runDue();
    } finally {
      process.env.CHROMIUM_PATH = CHROMIUM_OFF;
    }
    const pdf = await certificate(city, filing.id);
    expect(pdf).toMatchObject({ state: 'MISSING', sha256: null, downloadUrl: null });
    expect(pdf!.reason).toContain('/nonexistent/chromium');
  }, 60_000);
});
