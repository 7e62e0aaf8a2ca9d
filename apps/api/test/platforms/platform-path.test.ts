import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobScheduler } from '../../src/modules/jobs/job-scheduler';
import { drainJobs } from '../filings/filing-client';
import { CHANGSHA, staff, ZHUZHOU } from '../pilots/pilot-client';
import {
  type Pilot,
  provincialPilot,
  transition,
  type World,
  world,
} from '../programmes/programme-application-client';
import { asAdmin, errorCode, startTestApi, type TestApi } from '../support/harness';
import { dataOf } from '../support/register-client';
import { TestClock } from '../support/test-clock';
import {
  evaluationInput,
  P,
  platformOf,
  type PlatformView,
  recognised,
  recognitionInput,
  RECOGNITION_DOCUMENTS,
  reportInput,
  reviewedRecognition,
  send,
} from './platform-client';

// Art. 15 on the programme machinery: the province publishes a recognition call; a 株洲 provincial
// pilot applies to have a provincial engineering technology research centre recognised; it is
// recommended, reviewed and recognised, and enters the register (株洲 reads it, 长沙 does not).
// Its host files the annual report; the province evaluates it 不合格 (rectification, one year),
// then re-evaluates it 合格. Another is removed for failing its re-evaluation, a third for a
// report missing past its deadline (the job scheduler, acting as the province).

const INDUSTRY = 'SE0703';

describe('platform building (Art. 15)', () => {
  const clock = new TestClock(new Date('2027-06-01T10:00:00+08:00'));
  let api: TestApi;
  let w: World;

  const recognise = async (): Promise<{ pilot: Pilot; platform: PlatformView }> => {
    const pilot = await provincialPilot(w, INDUSTRY);
    const { application } = await recognised(api, w, pilot, INDUSTRY);
    expect(application.state).toBe('AWARDED');
    expect(application.awardFen).toBeNull();
    return { pilot, platform: await platformOf(w.provOfficer, application.recognisedPlatformId!) };
  };

  beforeAll(async () => {
    api = await startTestApi({ clock });
    w = await world(
      api,
      clock.now(),
      {
        kind: 'PLATFORM_RECOGNITION',
        name: `2027年度湖南省工程技术研究中心认定（${randomBytes(3).toString('hex')}）`,
      },
      { title: '关于组织申报2027年度省工程技术研究中心的通知', requiredDocuments: RECOGNITION_DOCUMENTS },
    );
  });

  afterAll(async () => {
    await api?.close();
  });

  it('recognition: the decision enters a provincial centre with its host, co-builders and director, and its history', async () => {
    const { pilot, platform } = await recognise();
    expect(platform).toMatchObject({
      kind: 'ENGINEERING_RESEARCH_CENTRE',
      level: 'PROVINCIAL',
      name: '湖南省轨道交通装备关键部件工程技术研究中心',
      hostOrganizationId: pilot.members[0]!.id,
      field: INDUSTRY,
      recognitionDocument: '湘科计〔2027〕21号',
      recognisedOn: '2027-06-01',
      director: '王建国',
      status: 'RECOGNISED',
      evaluable: true,
    });
    expect(platform.members.map((m) => m.role).sort()).toEqual(['CO_BUILDER', 'CO_BUILDER', 'HOST']);
    expect(platform.events).toMatchObject([{ fromStatus: null, toStatus: 'RECOGNISED' }]);
    // The alliance's home bureau reads it and may not evaluate it; another city finds nothing.
    const zz = await platformOf(w.zzOfficer, platform.id);
    expect(zz).toMatchObject({ id: platform.id, evaluable: false });
    const cs = (await staff(api, CHANGSHA, ['CITY_OFFICER'])).agent;
    expect(errorCode(await cs.send(P.platform, { id: platform.id }))).toBe('NOT_FOUND');
    const listed = dataOf(
      await cs.send<{ platforms: { items: { id: string }[] } }>(P.platforms, { filter: { first: 100 } }),
    ).platforms.items;
    expect(listed.map((p) => p.id)).not.toContain(platform.id);
    // The report deadline of the year of recognition is queued for the province.
    const jobs = await asAdmin(
      async (c) =>
        (
          await c.query(
            `SELECT key, run_at FROM job WHERE kind = 'platform.report_deadline' AND key LIKE $1`,
            [`${platform.id}:%`],
          )
        ).rows as { key: string; run_at: Date }[],
    );
    expect(jobs.map((j) => [j.key.split(':')[1], new Date(j.run_at).toISOString()])).toEqual([
      ['2027', new Date('2028-04-01T00:00:00+08:00').toISOString()],
    ]);
  });

  it('a recognition without its kind, field or document is refused naming the field; nothing is entered', async () => {
    const pilot = await provincialPilot(w, INDUSTRY);
    const a = await reviewedRecognition(api, w, pilot, INDUSTRY);
    const missing = await transition(w.provAdmin, a, 'AWARD', { reason: '同意认定' });
    expect(errorCode(missing)).toBe('BAD_USER_INPUT');
    const wrong = await transition(w.provAdmin, a, 'AWARD', {
      reason: '同意认定',
      recognition: recognitionInput({ platformKind: 'LAB', recognitionDocument: ' ' }),
    });
    expect(errorCode(wrong)).toBe('BAD_USER_INPUT');
    const fields = (wrong.errors?.[0]?.extensions as { violations: { field: string }[] }).violations.map(
      (v) => v.field,
    );
    expect(fields).toEqual(
      expect.arrayContaining(['recognition.platformKind', 'recognition.recognitionDocument']),
    );
    const count = await asAdmin(
      async (c) =>
        (
          await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM platform WHERE application_id = $1`, [
            a.id,
          ])
        ).rows[0]!.n,
    );
    expect(count).toBe(0);
  });

  it('report → 不合格 (rectification for one year) → re-evaluated 合格: back in operation, every step in the history', async () => {
    const { platform } = await recognise();
    // The host's side (株洲) files the year's report; a second one of that year is refused.
    const filed = dataOf(
      await send<{ filePlatformReport: PlatformView }>(w.zzOfficer, P.fileReport, reportInput(platform.id)),
    ).filePlatformReport;
    expect(filed.reports).toMatchObject([{ year: 2027, rdSpendingFen: '1250000000' }]);
    expect(errorCode(await send(w.zzOfficer, P.fileReport, reportInput(platform.id)))).toBe(
      'PLATFORM_REPORT_FILED',
    );
    // Only the recognising authority evaluates.
    expect(errorCode(await send(w.zzOfficer, P.evaluate, evaluationInput(platform, 50)))).toBe(
      'PLATFORM_NOT_AUTHORITY',
    );

    const failed = dataOf(
      await send<{ evaluatePlatform: PlatformView }>(
        w.provOfficer,
        P.evaluate,
        evaluationInput(platform, 60),
      ),
    ).evaluatePlatform;
    expect(failed).toMatchObject({ status: 'RECTIFYING', rectificationDueOn: '2028-06-01' });
    expect(failed.evaluations).toMatchObject([{ total: '60.00', grade: 'FAIL', statusAfter: 'RECTIFYING' }]);
    // A stale version is told someone moved it.
    expect(errorCode(await send(w.provOfficer, P.evaluate, evaluationInput(platform, 80)))).toBe(
      'PLATFORM_CHANGED',
    );

    const passed = dataOf(
      await send<{ evaluatePlatform: PlatformView }>(w.provOfficer, P.evaluate, evaluationInput(failed, 80)),
    ).evaluatePlatform;
    expect(passed).toMatchObject({ status: 'RECOGNISED', rectificationDueOn: null });
    expect(passed.events.map((e) => e.toStatus)).toEqual(['RECOGNISED', 'RECTIFYING', 'RECOGNISED']);
    const audit = await asAdmin(async (c) =>
      (
        await c.query(`SELECT action FROM audit_event WHERE subject_id = $1 ORDER BY seq`, [platform.id])
      ).rows.map((r: { action: string }) => r.action),
    );
    // Each tenant's chain holds its own steps: the province's three, 株洲's report.
    expect(audit.sort()).toEqual([
      'platform.evaluate',
      'platform.evaluate',
      'platform.recognise',
      'platform.report.file',
    ]);
  });

  it('the end of a rectification period tells the province a re-evaluation is due (the scheduler)', async () => {
    const { platform } = await recognise();
    dataOf(await send(w.provOfficer, P.evaluate, evaluationInput(platform, 60)));
    const job = await asAdmin(
      async (c) =>
        (
          await c.query(
            `SELECT run_at FROM job WHERE kind = 'platform.rectification_deadline' AND key = $1`,
            [`${platform.id}:2028-06-01`],
          )
        ).rows as { run_at: Date }[],
    );
    expect(job.map((j) => new Date(j.run_at).toISOString())).toEqual([
      new Date('2028-06-02T00:00:00+08:00').toISOString(),
    ]);
  });

  it('failing the re-evaluation removes the platform, with the reason; a removed one takes no report or evaluation', async () => {
    const { platform } = await recognise();
    const failed = dataOf(
      await send<{ evaluatePlatform: PlatformView }>(
        w.provOfficer,
        P.evaluate,
        evaluationInput(platform, 50),
      ),
    ).evaluatePlatform;
    const removed = dataOf(
      await send<{ evaluatePlatform: PlatformView }>(w.provOfficer, P.evaluate, evaluationInput(failed, 55)),
    ).evaluatePlatform;
    expect(removed).toMatchObject({
      status: 'REMOVED',
      removedReason: '整改后复评仍不合格，撤销认定',
      evaluable: false,
    });
    expect(errorCode(await send(w.provOfficer, P.evaluate, evaluationInput(removed, 90)))).toBe(
      'PLATFORM_REMOVED',
    );
    expect(errorCode(await send(w.zzOfficer, P.fileReport, reportInput(platform.id)))).toBe(
      'PLATFORM_REMOVED',
    );
  });

  it('a report missing past its deadline removes the platform (the scheduler, as the province); a filed one moves the watch to the next year', async () => {
    const missing = (await recognise()).platform;
    const reporting = (await recognise()).platform;
    dataOf(await send(w.zzOfficer, P.fileReport, reportInput(reporting.id)));
    const scheduler = api.app.get(JobScheduler);
    // The last day of the 2027 report is 2028-03-31 (China time): nothing happens on it.
    const toDueDay = new Date('2028-03-31T23:00:00+08:00').getTime() - clock.now().getTime();
    clock.advance(toDueDay);
    await drainJobs(scheduler);
    const statusOf = async (id: string) =>
      asAdmin(
        async (c) =>
          (await c.query<{ status: string }>(`SELECT status FROM platform WHERE id = $1`, [id])).rows[0]!
            .status,
      );
    expect(await statusOf(missing.id)).toBe('RECOGNISED');
    clock.advance(2 * 3_600_000);
    await drainJobs(scheduler);
    // Sessions of 2027 have expired by now: the home bureau's staff read with a fresh one.
    const zzOfficer = (await staff(api, ZHUZHOU, ['CITY_OFFICER'])).agent;
    const gone = await platformOf(zzOfficer, missing.id);
    expect(gone).toMatchObject({
      status: 'REMOVED',
      removedReason: '2027 年度报告逾期未报送（截止 2028-03-31），撤销认定',
    });
    expect(gone.events.at(-1)).toMatchObject({
      fromStatus: 'RECOGNISED',
      toStatus: 'REMOVED',
      effectiveOn: '2028-04-01',
    });
    expect(await statusOf(reporting.id)).toBe('RECOGNISED');
    const next = await asAdmin(
      async (c) =>
        (
          await c.query(
            `SELECT key FROM job WHERE kind = 'platform.report_deadline' AND key = $1 AND state = 'PENDING'`,
            [`${reporting.id}:2028`],
          )
        ).rows.length,
    );
    expect(next).toBe(1);
    clock.advance(-(toDueDay + 2 * 3_600_000));
    // Two recognitions through the whole engine: on a loaded two-core machine, twice one test's time.
  }, 90_000);
});
