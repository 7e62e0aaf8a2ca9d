import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobScheduler } from '../../src/modules/jobs/job-scheduler';
import {
  asAdmin,
  asRuntimeRole,
  errorCode,
  type GraphqlAgent,
  signedInAgent,
  startTestApi,
  type TestApi,
  type TestUser,
} from '../support/harness';
import { dataOf, expectBadInput, violationsOf } from '../support/register-client';
import { TestClock } from '../support/test-clock';
import { Fixtures } from '../pilots/db-fixtures';
import { CHANGSHA, establishedAlliance, PROVINCE, staff, ZHUZHOU } from '../pilots/pilot-client';
import {
  act,
  ALL_DOCUMENTS,
  cityPilot,
  F,
  type FilingView,
  publishedRound,
  roundInput,
  transitionFiling,
  drainJobs,
} from './filing-client';

// Filing with the province (Art. 21), end to end through the API: 株洲 files its city pilot in the
// open round, the province returns it with a deadline, 株洲 corrects and resubmits (a new frozen
// snapshot), the province files it with the year's next number, and from then on reads the
// alliance's live record; 长沙 never sees any of it.

const DAY = 86_400_000;
const SIGNIFICANCE =
  '联盟汇聚株洲轨道交通装备产业链上下游骨干企业与高校，对全省先进轨道交通装备产业集群发展具有重大影响。';

describe('filing a city pilot with the province', () => {
  const clock = new TestClock(new Date('2027-03-10T10:00:00+08:00'));
  let api: TestApi;
  let fixtures: Fixtures;
  const agents: Record<string, GraphqlAgent> = {};
  const users: Record<string, TestUser> = {};
  let round: { id: string; version: number };
  let allianceId: string;
  let documents: string[];
  let filing: FilingView;
  const as = (key: string) => agents[key]!;

  beforeAll(async () => {
    api = await startTestApi({ clock });
    fixtures = await Fixtures.open();
    for (const [key, code, roles] of [
      ['provOfficer', PROVINCE, ['PROVINCE_OFFICER']],
      ['provAdmin', PROVINCE, ['PROVINCE_ADMIN']],
      ['zzOfficer', ZHUZHOU, ['CITY_OFFICER']],
      ['csAdmin', CHANGSHA, ['CITY_ADMIN']],
    ] as const) {
      const s = await staff(api, code, [...roles]);
      agents[key] = s.agent;
      users[key] = s.user;
    }
    const formed = await establishedAlliance(as('zzOfficer'), 'SE0702');
    allianceId = formed.alliance.id;
    documents = await cityPilot(fixtures, users.zzOfficer!.tenantId, allianceId);
  });

  afterAll(async () => {
    await fixtures?.close();
    await api?.close();
  });

  it('opens a round under the province’s defaults; a city cannot, bad settings are named', async () => {
    const defaults = dataOf(
      await as('provOfficer').send<{ filingRoundDefaults: { noticeDays: number; validityYears: number } }>(
        '{ filingRoundDefaults { reviewRequired noticeDays validityYears requiredDocuments } }',
      ),
    ).filingRoundDefaults;
    expect(defaults).toMatchObject({ noticeDays: 5, validityYears: 3 });
    const cityTry = await as('zzOfficer').send(F.createRound, { input: roundInput(clock.now()) });
    expect(errorCode(cityTry)).toBe('FORBIDDEN');
    const backwards = await as('provOfficer').send(F.createRound, {
      input: roundInput(clock.now(), { closesAt: new Date(clock.now().getTime() - 2 * DAY).toISOString() }),
    });
    expectBadInput(backwards, 'closesAt', 'AFTER_OPENS_AT');
    round = await publishedRound(as('provOfficer'), as('provAdmin'), clock.now());
  });

  it('keeps a city’s draft from the province and from 长沙', async () => {
    filing = dataOf(
      await as('zzOfficer').send<{ createFiling: FilingView }>(F.create, { roundId: round.id, allianceId }),
    ).createFiling;
    expect(filing.state).toBe('DRAFT');
    expect(filing.cityName).toContain('株洲');
    for (const key of ['provOfficer', 'csAdmin']) {
      expect(errorCode(await as(key).send(F.filing, { id: filing.id }))).toBe('NOT_FOUND');
      const listed = dataOf(await as(key).send<{ filings: { id: string }[] }>(F.filings));
      expect(listed.filings.map((f) => f.id)).not.toContain(filing.id);
    }
    const again = await as('zzOfficer').send(F.create, { roundId: round.id, allianceId });
    expect(errorCode(again)).toBe('FILING_ALREADY_OPEN');
  });

  it('refuses to send an incomplete dossier, naming each gap and its basis', async () => {
    const res = await transitionFiling(as('zzOfficer'), filing, 'SUBMIT');
    expect(errorCode(res)).toBe('FILING_TRANSITION_REFUSED');
    const fields = violationsOf(res).map((v) => v.field);
    expect(fields).toEqual(
      expect.arrayContaining(['significance', 'level', ...ALL_DOCUMENTS.map((k) => `documents.${k}`)]),
    );
  });

  it('submits the completed dossier and freezes it; nobody can change the snapshot', async () => {
    filing = dataOf(
      await as('zzOfficer').send<{ updateFiling: FilingView }>(F.update, {
        input: {
          id: filing.id,
          version: filing.version,
          significance: SIGNIFICANCE,
          level: 'PROVINCIAL',
          documents: ALL_DOCUMENTS.map((kind, i) => ({ documentId: documents[i], kind })),
        },
      }),
    ).updateFiling;
    filing = await act(as('zzOfficer'), filing, 'SUBMIT');
    expect(filing.state).toBe('SUBMITTED');
    expect(filing.snapshots).toHaveLength(1);
    expect(filing.snapshots[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    const city = {
      tenantId: users.zzOfficer!.tenantId,
      userId: users.zzOfficer!.id,
      roles: ['CITY_OFFICER'],
    };
    for (const sql of [
      `UPDATE filing_snapshot SET sha256 = repeat('0', 64) WHERE filing_id = $1`,
      `DELETE FROM filing_snapshot WHERE filing_id = $1`,
      `UPDATE filing SET dossier = '{"alliance": {}, "members": []}' WHERE id = $1`,
    ])
      await expect(asRuntimeRole(city, (c) => c.query(sql, [filing.id]))).rejects.toThrow();
    // Not even the owner of the tables changes what was frozen.
    await expect(
      asAdmin((c) => c.query(`UPDATE filing_snapshot SET kind = 'CHANGE' WHERE filing_id = $1`, [filing.id])),
    ).rejects.toThrow(/frozen/);
  });

  it('returns it with a reason and a deadline; the city hears of it and resubmits', async () => {
    const noDeadline = await transitionFiling(as('provOfficer'), filing, 'RETURN', {
      reason: '缺少理事会组成说明',
    });
    expect(violationsOf(noDeadline).map((v) => v.field)).toContain('correctionDeadline');
    filing = await act(as('provOfficer'), filing, 'RETURN', {
      reason: '推荐函未盖章，请补正',
      correctionDeadline: '2027-03-20',
    });
    expect(filing).toMatchObject({ state: 'RETURNED', correctionDeadline: '2027-03-20' });
    const inbox = dataOf(
      await as('zzOfficer').send<{ myMessages: { kind: string; body: string }[] }>(
        '{ myMessages(first: 20) { kind body } }',
      ),
    ).myMessages;
    expect(inbox.find((m) => m.kind === 'FILING_RETURNED')?.body).toContain('推荐函未盖章');
    filing = await act(as('zzOfficer'), filing, 'SUBMIT');
    expect(filing.snapshots.map((s) => s.seq)).toEqual([1, 2]);
  });

  it('files it with the year’s next number; the province then reads the live record, 长沙 never', async () => {
    filing = await act(as('provOfficer'), filing, 'ACCEPT');
    const officerFile = await transitionFiling(as('provOfficer'), filing, 'FILE');
    expect(errorCode(officerFile)).toBe('FORBIDDEN');
    filing = await act(as('provAdmin'), filing, 'FILE');
    expect(filing.state).toBe('FILED');
    expect(filing.filingNumber).toMatch(/^湘盟备〔2027〕\d+号$/);
    expect(filing).toMatchObject({ filedOn: '2027-03-10', validThrough: '2030-03-09' });
    const alliance = `query ($id: ID!) { alliance(id: $id) { id name members { organization { name } } } }`;
    const live = dataOf(
      await as('provOfficer').send<{ alliance: { id: string } }>(alliance, { id: allianceId }),
    );
    expect(live.alliance.id).toBe(allianceId);
    expect(errorCode(await as('csAdmin').send(alliance, { id: allianceId }))).toBe('NOT_FOUND');
    expect(errorCode(await as('csAdmin').send(F.filing, { id: filing.id }))).toBe('NOT_FOUND');
    const inbox = dataOf(
      await as('zzOfficer').send<{ myMessages: { kind: string; body: string }[] }>(
        '{ myMessages(first: 20) { kind body } }',
      ),
    ).myMessages;
    expect(inbox.find((m) => m.kind === 'FILING_FILED')?.body).toContain(filing.filingNumber!);
  });

  it('keeps the history: who did what, when and why', () => {
    expect(filing.timeline.map((t) => t.toState).filter(Boolean)).toEqual([
      'DRAFT',
      'SUBMITTED',
      'RETURNED',
      'SUBMITTED',
      'ACCEPTED',
      'FILED',
    ]);
    expect(filing.timeline.find((t) => t.toState === 'RETURNED')?.reason).toBe('推荐函未盖章，请补正');
  });

  it('takes a change filing only when something changed, and shows the diff', async () => {
    const same = await transitionFiling(as('zzOfficer'), filing, 'SUBMIT_CHANGE', { reason: '无变化' });
    expect(errorCode(same)).toBe('FILING_CHANGE_EMPTY');
    const extra = await fixtures.organization(users.zzOfficer!.tenantId);
    await fixtures.insert('alliance_member', {
      tenant_id: users.zzOfficer!.tenantId,
      alliance_id: allianceId,
      organization_id: extra,
      role: 'MEMBER',
      joined_on: '2027-03-01',
    });
    filing = await act(as('zzOfficer'), filing, 'SUBMIT_CHANGE', { reason: '新增成员单位' });
    expect(filing.state).toBe('CHANGE_SUBMITTED');
    expect(filing.snapshots.at(-1)!.changes.map((c) => c.kind)).toContain('MEMBER_ADDED');
    filing = await act(as('provOfficer'), filing, 'ACCEPT_CHANGE');
    expect(filing.state).toBe('FILED');
  });

  it('suspends and revokes with reasons; the province no longer reads the live record after revocation', async () => {
    filing = await act(as('provAdmin'), filing, 'SUSPEND', { reason: '年度报告逾期未报' });
    filing = await act(as('provAdmin'), filing, 'REVOKE', { reason: '整改期满仍未报送' });
    expect(filing.state).toBe('REVOKED');
    const alliance = `query ($id: ID!) { alliance(id: $id) { id } }`;
    expect(errorCode(await as('provOfficer').send(alliance, { id: allianceId }))).toBe('NOT_FOUND');
    // The frozen snapshots stay readable to the province.
    expect(
      dataOf(await as('provOfficer').send<{ filing: FilingView }>(F.filing, { id: filing.id })).filing
        .snapshots,
    ).toHaveLength(3);
  });

  it('lets a returned filing lapse into refusal when its deadline passes unanswered', async () => {
    const second = await establishedAlliance(as('zzOfficer'), 'SE0702');
    const docs = await cityPilot(fixtures, users.zzOfficer!.tenantId, second.alliance.id);
    let other = dataOf(
      await as('zzOfficer').send<{ createFiling: FilingView }>(F.create, {
        roundId: round.id,
        allianceId: second.alliance.id,
      }),
    ).createFiling;
    other = dataOf(
      await as('zzOfficer').send<{ updateFiling: FilingView }>(F.update, {
        input: {
          id: other.id,
          version: other.version,
          significance: SIGNIFICANCE,
          level: 'NATIONAL',
          documents: ALL_DOCUMENTS.map((kind, i) => ({ documentId: docs[i], kind })),
        },
      }),
    ).updateFiling;
    other = await act(as('zzOfficer'), other, 'SUBMIT');
    other = await act(as('provOfficer'), other, 'RETURN', {
      reason: '材料不全',
      correctionDeadline: '2027-03-15',
    });
    const scheduler = api.app.get(JobScheduler);
    clock.advance(4 * DAY); // 2027-03-14: the deadline has not passed; its reminder is due
    await drainJobs(scheduler);
    const reader = await signedInAgent(api, users.zzOfficer!);
    expect(dataOf(await reader.send<{ filing: FilingView }>(F.filing, { id: other.id })).filing.state).toBe(
      'RETURNED',
    );
    // Counted by subject: draining also delivers other files' due reminders to every 株洲 user.
    const reminders = await fixtures.query<{ body: string }>(
      `SELECT body FROM message WHERE recipient_id = $1 AND subject_id = $2 AND kind = 'DEADLINE_SOON'`,
      [users.zzOfficer!.id, other.id],
    );
    expect(reminders.map((m) => m.body)).toEqual([expect.stringContaining('补正期限为 2027-03-15')]);
    clock.advance(2 * DAY); // 2027-03-16: it has
    await drainJobs(scheduler);
    const after = dataOf(
      await (
        await signedInAgent(api, users.zzOfficer!)
      ).send<{ filing: FilingView }>(F.filing, { id: other.id }),
    ).filing;
    expect(after.state).toBe('REFUSED');
    expect(after.timeline.at(-1)).toMatchObject({ action: 'filing.lapse', actorName: '系统' });
  });
});
