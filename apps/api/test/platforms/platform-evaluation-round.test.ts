import { EXPERT_DECLARATION, PLATFORM_KINDS } from '@xiangmeng/domain';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVINCE, staff, ZHUZHOU } from '../pilots/pilot-client';
import { provincialPilot, type World, world } from '../programmes/programme-application-client';
import { createExpert, expertAccount, expertName, organization } from '../reviews/review-fixtures';
import {
  asAdmin,
  asRuntimeRole,
  errorCode,
  type GraphqlAgent,
  signedInAgent,
  startTestApi,
  tenantId,
  type TestApi,
  type TestUser,
} from '../support/harness';
import { dataOf } from '../support/register-client';
import { TestClock } from '../support/test-clock';
import { P, platformOf, type PlatformView, recognised, RECOGNITION_DOCUMENTS } from './platform-client';

// Art. 15 evaluation by field in rounds (评估批次): the province opens the 2030 round of a field over
// its two centres recognised in 2027 (due after their three-year cycle), seats experts of its pool —
// one tied to both hosts is refused, one tied to one host sits out that platform — the experts
// declare and score on their own pages, and closing grades each platform from the submitted sheets:
// one 不合格 (rectification for a year), one 合格. The 2031 round re-evaluates the first, which fails
// again and is removed. Row-level security shows an expert only what they are seated on.

const FIELD = 'SE0205';
const DAY = 24 * 3600 * 1000;

const ROUND = `id year field fieldName status evaluatedOn version
  platforms { platformId name due status rectificationDueOn sheetsSubmitted sheetsExpected minSheets evaluationId grade total }
  seats { id expertId expertName declaredAt sheetsSubmitted sheetsTotal recusedPlatformNames }
  closable`;
const TASK = `id round { id year status } declaredAt sheetsSubmitted sheetsTotal
  sheets { id version platformId platformName status scores { key score } criteria { key weight } weightedTotal }`;
const R = {
  open: `mutation ($input: OpenPlatformEvaluationRoundInput!) { openPlatformEvaluationRound(input: $input) { ${ROUND} } }`,
  seat: `mutation ($input: SeatPlatformEvaluatorsInput!) { seatPlatformEvaluators(input: $input) { ${ROUND} } }`,
  close: `mutation ($input: ClosePlatformEvaluationRoundInput!) { closePlatformEvaluationRound(input: $input) { ${ROUND} } }`,
  round: `query ($id: ID!) { platformEvaluationRound(id: $id) { ${ROUND} } }`,
  candidates: `query ($id: ID!) { platformEvaluatorCandidates(roundId: $id) { expert { id name } seated conflicts { platformId message } } }`,
  tasks: `{ myPlatformEvaluationTasks { id round { id year } sheetsTotal sheetsSubmitted } }`,
  task: `query ($id: ID!) { myPlatformEvaluationTask(id: $id) { ${TASK} } }`,
  declare: `mutation ($id: ID!, $v: String!) { declareForPlatformEvaluation(taskId: $id, declarationVersion: $v) { ${TASK} } }`,
  save: `mutation ($input: SavePlatformEvaluationSheetInput!) { savePlatformEvaluationSheet(input: $input) { ${TASK} } }`,
};

type RoundView = {
  id: string;
  status: string;
  version: number;
  evaluatedOn: string | null;
  platforms: {
    platformId: string;
    name: string;
    due: string;
    status: string;
    rectificationDueOn: string | null;
    sheetsSubmitted: number;
    sheetsExpected: number;
    grade: string | null;
    total: string | null;
  }[];
  seats: { expertId: string; recusedPlatformNames: string[]; sheetsTotal: number }[];
  closable: boolean;
};
type TaskView = {
  id: string;
  round: { id: string };
  sheets: { id: string; version: number; platformId: string; status: string; weightedTotal: number | null }[];
};
type Evaluator = { id: string; account: TestUser; agent: GraphqlAgent };

describe('platform evaluation rounds by field (Art. 15)', () => {
  const clock = new TestClock(new Date('2027-06-01T10:00:00+08:00'));
  let api: TestApi;
  let w: World;
  let a: PlatformView;
  let b: PlatformView;
  let free: Evaluator[];
  let partial: Evaluator;
  let both: Evaluator;
  let round: RoundView;
  let officer: GraphqlAgent;
  let zzOfficer: GraphqlAgent;

  const evaluator = async (label: string, organizationIds: string[]): Promise<Evaluator> => {
    const account = await expertAccount(PROVINCE);
    const ties = organizationIds.length
      ? organizationIds
      : [(await organization('评估专家单位', PROVINCE)).id];
    const expert = await createExpert(w.provOfficer, {
      name: expertName(label),
      title: '教授级高工',
      domainCodes: [FIELD],
      affiliations: ties.map((organizationId) => ({ organizationId })),
      accountUserId: account.id,
    });
    return { id: expert.id, account, agent: await signedInAgent(api, account) };
  };

  /** Time passes; sessions expire meanwhile, so everyone signs in again. */
  const later = async (ms: number) => {
    clock.advance(ms);
    officer = (await staff(api, PROVINCE, ['PROVINCE_OFFICER'])).agent;
    zzOfficer = (await staff(api, ZHUZHOU, ['CITY_OFFICER'])).agent;
    for (const e of [...free, partial, both]) e.agent = await signedInAgent(api, e.account);
  };

  const taskOf = async (e: Evaluator, roundId: string): Promise<TaskView> => {
    const tasks = dataOf(
      await e.agent.send<{ myPlatformEvaluationTasks: { id: string; round: { id: string } }[] }>(R.tasks),
    ).myPlatformEvaluationTasks;
    const seat = tasks.find((t) => t.round.id === roundId);
    expect(seat, 'the expert has a task of the round').toBeDefined();
    return dataOf(await e.agent.send<{ myPlatformEvaluationTask: TaskView }>(R.task, { id: seat!.id }))
      .myPlatformEvaluationTask;
  };

  const scoresOf = (score: number) =>
    PLATFORM_KINDS.ENGINEERING_RESEARCH_CENTRE.evaluation.criteria.map((c) => ({ key: c.key, score }));

  /** The expert declares (once) and submits `score` on every criterion of the platform's sheet. */
  const score = async (e: Evaluator, roundId: string, platformId: string, value: number) => {
    let task = await taskOf(e, roundId);
    task = dataOf(
      await e.agent.send<{ declareForPlatformEvaluation: TaskView }>(R.declare, {
        id: task.id,
        v: EXPERT_DECLARATION.version,
      }),
    ).declareForPlatformEvaluation;
    const sheet = task.sheets.find((s) => s.platformId === platformId)!;
    return dataOf(
      await e.agent.send<{ savePlatformEvaluationSheet: TaskView }>(R.save, {
        input: { sheetId: sheet.id, version: sheet.version, scores: scoresOf(value), submit: true },
      }),
    ).savePlatformEvaluationSheet;
  };

  beforeAll(async () => {
    api = await startTestApi({ clock });
    w = await world(
      api,
      clock.now(),
      {
        kind: 'PLATFORM_RECOGNITION',
        name: `2027年度海洋工程装备平台认定（${randomBytes(3).toString('hex')}）`,
      },
      { title: '关于组织申报2027年度省工程技术研究中心的通知', requiredDocuments: RECOGNITION_DOCUMENTS },
    );
    const recognise = async () => {
      const pilot = await provincialPilot(w, FIELD);
      const { application } = await recognised(api, w, pilot, FIELD);
      return platformOf(w.provOfficer, application.recognisedPlatformId!);
    };
    a = await recognise();
    b = await recognise();
    free = [];
    for (let i = 0; i < 3; i++) free.push(await evaluator(`平台评估专家${i}`, []));
    partial = await evaluator('甲依托单位专家', [a.hostOrganizationId]);
    both = await evaluator('两平台依托单位专家', [a.hostOrganizationId, b.hostOrganizationId]);
    // Three years on: both centres (a three-year cycle) are due for their periodic evaluation.
    await later(3 * 365 * DAY + DAY);
  });

  afterAll(async () => {
    await api?.close();
  });

  it('the province opens the 2030 round of the field over its platforms due; once a year a field', async () => {
    round = dataOf(
      await officer.send<{ openPlatformEvaluationRound: RoundView }>(R.open, {
        input: { year: 2030, field: FIELD },
      }),
    ).openPlatformEvaluationRound;
    expect(round.status).toBe('OPEN');
    expect(round.platforms.map((p) => [p.platformId, p.due]).sort()).toEqual(
      [
        [a.id, 'PERIODIC'],
        [b.id, 'PERIODIC'],
      ].sort(),
    );
    expect(errorCode(await officer.send(R.open, { input: { year: 2030, field: FIELD } }))).toBe(
      'PLATFORM_ROUND_EXISTS',
    );
    // 株洲 recognised no platform of the field: nothing is due for it; it does not find the round.
    expect(errorCode(await zzOfficer.send(R.open, { input: { year: 2030, field: FIELD } }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(errorCode(await zzOfficer.send(R.round, { id: round.id }))).toBe('NOT_FOUND');
  });

  it('seating: an expert tied to every platform is refused; one tied to a host sits out that platform', async () => {
    const candidates = dataOf(
      await officer.send<{
        platformEvaluatorCandidates: { expert: { id: string }; conflicts: { platformId: string }[] }[];
      }>(R.candidates, { id: round.id }),
    ).platformEvaluatorCandidates;
    expect(
      candidates
        .find((c) => c.expert.id === both.id)
        ?.conflicts.map((c) => c.platformId)
        .sort(),
    ).toEqual([a.id, b.id].sort());
    const refused = await officer.send(R.seat, {
      input: { roundId: round.id, expertIds: [free[0]!.id, both.id] },
    });
    expect(errorCode(refused)).toBe('EXPERT_CONFLICT');
    expect(refused.errors?.[0]?.message).toContain('利益冲突');
    // Nothing of the refused request stays.
    const seats = await asAdmin(
      async (c) =>
        (
          await c.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM platform_evaluation_seat WHERE round_id = $1`,
            [round.id],
          )
        ).rows[0]!.n,
    );
    expect(seats).toBe(0);

    round = dataOf(
      await officer.send<{ seatPlatformEvaluators: RoundView }>(R.seat, {
        input: { roundId: round.id, expertIds: [...free.map((e) => e.id), partial.id] },
      }),
    ).seatPlatformEvaluators;
    expect(round.seats).toHaveLength(4);
    const seatOfPartial = round.seats.find((s) => s.expertId === partial.id)!;
    expect(seatOfPartial).toMatchObject({ sheetsTotal: 1, recusedPlatformNames: [a.name] });
    const byId = new Map(round.platforms.map((p) => [p.platformId, p]));
    expect(byId.get(a.id)).toMatchObject({ sheetsExpected: 3, sheetsSubmitted: 0 });
    expect(byId.get(b.id)).toMatchObject({ sheetsExpected: 4, sheetsSubmitted: 0 });
    expect(round.closable).toBe(false);
    // The database refuses a sheet for the tied expert on that platform, whatever the service did.
    const province = await tenantId(PROVINCE);
    const clerk = await staff(api, PROVINCE, ['PROVINCE_OFFICER']);
    const direct = await asRuntimeRole(
      { tenantId: province, userId: clerk.user.id, roles: ['PROVINCE_OFFICER'] },
      async (db) => {
        const seat = (
          await db.query(`SELECT id FROM platform_evaluation_seat WHERE round_id = $1 AND expert_id = $2`, [
            round.id,
            partial.id,
          ])
        ).rows[0] as { id: string };
        return db
          .query(
            `INSERT INTO platform_evaluation_sheet (tenant_id, round_id, seat_id, platform_id, expert_id, expert_user_id)
             VALUES ($1, $2, $3, $4, $5, $6)`,
            [province, round.id, seat.id, a.id, partial.id, partial.account.id],
          )
          .then(
            () => 'inserted',
            (e: { code?: string }) => e.code,
          );
      },
    );
    expect(direct).toBe('42501');
  });

  it('an expert scores only after the declaration, only their own sheets, only within range', async () => {
    const task = await taskOf(partial, round.id);
    expect(task.sheets.map((s) => s.platformId)).toEqual([b.id]);
    const sheet = task.sheets[0]!;
    const undeclared = await partial.agent.send(R.save, {
      input: { sheetId: sheet.id, version: sheet.version, scores: scoresOf(80), submit: true },
    });
    expect(errorCode(undeclared)).toBe('DECLARATION_REQUIRED');
    dataOf(await partial.agent.send(R.declare, { id: task.id, v: EXPERT_DECLARATION.version }));
    const bad = await partial.agent.send(R.save, {
      input: {
        sheetId: sheet.id,
        version: sheet.version,
        scores: [{ key: 'engineering', score: 120 }],
        submit: true,
      },
    });
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    const fields = (bad.errors?.[0]?.extensions as { violations: { field: string }[] }).violations.map(
      (v) => v.field,
    );
    expect(fields).toEqual(expect.arrayContaining(['scores.engineering', 'scores.transfer']));
    // A draft keeps what is given; another expert finds nothing of it.
    const draft = dataOf(
      await partial.agent.send<{ savePlatformEvaluationSheet: TaskView }>(R.save, {
        input: {
          sheetId: sheet.id,
          version: sheet.version,
          scores: [{ key: 'engineering', score: 75 }],
          submit: false,
        },
      }),
    ).savePlatformEvaluationSheet.sheets[0]!;
    expect(draft).toMatchObject({ status: 'DRAFT', weightedTotal: null });
    expect(
      errorCode(
        await free[0]!.agent.send(R.save, {
          input: { sheetId: sheet.id, version: draft.version, scores: scoresOf(90), submit: true },
        }),
      ),
    ).toBe('NOT_FOUND');
    expect(errorCode(await free[0]!.agent.send(R.task, { id: task.id }))).toBe('NOT_FOUND');
    const submitted = dataOf(
      await partial.agent.send<{ savePlatformEvaluationSheet: TaskView }>(R.save, {
        input: { sheetId: sheet.id, version: draft.version, scores: scoresOf(80), submit: true },
      }),
    ).savePlatformEvaluationSheet.sheets[0]!;
    expect(submitted).toMatchObject({ status: 'SUBMITTED', weightedTotal: 80 });
    expect(
      errorCode(
        await partial.agent.send(R.save, {
          input: { sheetId: sheet.id, version: submitted.version, scores: scoresOf(90), submit: true },
        }),
      ),
    ).toBe('REVIEW_SHEET_LOCKED');
  });

  it('row-level security: an expert reads the rounds, sheets and platforms they are seated on, nothing else', async () => {
    const province = await tenantId(PROVINCE);
    const outsider = await expertAccount(PROVINCE);
    const count = (userId: string, roles: string[], sql: string) =>
      asRuntimeRole({ tenantId: province, userId, roles }, async (db) =>
        Number((await db.query<{ n: string }>(sql, [round.id])).rows[0]!.n),
      );
    const q = {
      round: `SELECT count(*) AS n FROM platform_evaluation_round WHERE id = $1`,
      platforms: `SELECT count(*) AS n FROM platform_evaluation_round_platform WHERE round_id = $1`,
      seats: `SELECT count(*) AS n FROM platform_evaluation_seat WHERE round_id = $1`,
      sheets: `SELECT count(*) AS n FROM platform_evaluation_sheet WHERE round_id = $1`,
      registerRows: `SELECT count(*) AS n FROM platform p WHERE p.id IN (SELECT platform_id FROM platform_evaluation_round_platform WHERE round_id = $1 UNION SELECT '${a.id}'::uuid UNION SELECT '${b.id}'::uuid)`,
    };
    const seen = async (userId: string) =>
      Object.fromEntries(
        await Promise.all(
          Object.entries(q).map(async ([k, sql]) => [k, await count(userId, ['EXPERT'], sql)] as const),
        ),
      );
    expect(await seen(partial.account.id)).toEqual({
      round: 1,
      platforms: 2,
      seats: 1,
      sheets: 1,
      registerRows: 2,
    });
    expect(await seen(free[0]!.account.id)).toEqual({
      round: 1,
      platforms: 2,
      seats: 1,
      sheets: 2,
      registerRows: 2,
    });
    expect(await seen(outsider.id)).toEqual({ round: 0, platforms: 0, seats: 0, sheets: 0, registerRows: 0 });
    // 株洲's staff (the platforms' home bureau) see nothing of the round either.
    const zz = await staff(api, ZHUZHOU, ['CITY_OFFICER']);
    const zzTenant = await tenantId(ZHUZHOU);
    const zzSees = await asRuntimeRole(
      { tenantId: zzTenant, userId: zz.user.id, roles: ['CITY_OFFICER'] },
      async (db) =>
        Number((await db.query<{ n: string }>(q.sheets, [round.id])).rows[0]!.n) +
        Number((await db.query<{ n: string }>(q.round, [round.id])).rows[0]!.n),
    );
    expect(zzSees).toBe(0);
    // An expert cannot score another's sheet in SQL either.
    const updated = await asRuntimeRole(
      { tenantId: province, userId: partial.account.id, roles: ['EXPERT'] },
      async (db) =>
        (
          await db.query(
            `UPDATE platform_evaluation_sheet SET scores = '{}' WHERE round_id = $1 AND expert_id <> $2`,
            [round.id, partial.id],
          )
        ).rowCount,
    );
    expect(updated).toBe(0);
  });

  it('closing grades each platform from the submitted sheets: 不合格 → rectification for a year, 合格 stays', async () => {
    // Not before every platform has the scheme's sheets: the refusal names the platform.
    const early = await officer.send(R.close, { input: { roundId: round.id, version: round.version } });
    expect(errorCode(early)).toBe('BAD_USER_INPUT');
    expect(early.errors?.[0]?.message).toContain(a.name);

    for (const e of free) {
      await score(e, round.id, a.id, 60);
      await score(e, round.id, b.id, 80);
    }
    round = dataOf(
      await officer.send<{ platformEvaluationRound: RoundView }>(R.round, { id: round.id }),
    ).platformEvaluationRound;
    expect(round.closable).toBe(true);
    round = dataOf(
      await officer.send<{ closePlatformEvaluationRound: RoundView }>(R.close, {
        input: { roundId: round.id, version: round.version },
      }),
    ).closePlatformEvaluationRound;
    expect(round).toMatchObject({ status: 'CLOSED', evaluatedOn: '2030-06-01' });
    const byId = new Map(round.platforms.map((p) => [p.platformId, p]));
    expect(byId.get(a.id)).toMatchObject({
      grade: 'FAIL',
      total: '60.00',
      status: 'RECTIFYING',
      rectificationDueOn: '2031-06-01',
    });
    expect(byId.get(b.id)).toMatchObject({ grade: 'PASS', total: '80.00', status: 'RECOGNISED' });

    // The platform's record lists the experts' sheets of the round.
    const detail = dataOf(
      await officer.send<{
        platform: PlatformView & {
          evaluations: {
            roundId: string | null;
            grade: string;
            sheets: { expertId: string | null; expertName: string }[];
          }[];
        };
      }>(P.platform.replace('sheets { expertName', 'roundId sheets { expertId expertName'), { id: b.id }),
    ).platform;
    expect(detail.evaluations[0]).toMatchObject({ roundId: round.id, grade: 'PASS' });
    expect(detail.evaluations[0]!.sheets.map((s) => s.expertId).sort()).toEqual(
      [...free.map((e) => e.id), partial.id].sort(),
    );
    // A closed round takes no more scores or closing.
    expect(
      errorCode(await officer.send(R.close, { input: { roundId: round.id, version: round.version } })),
    ).toBe('PLATFORM_ROUND_CLOSED');
    const audit = await asAdmin(async (c) =>
      (
        await c.query(`SELECT action FROM audit_event WHERE subject_id = ANY($1::text[]) ORDER BY seq`, [
          [round.id, a.id],
        ])
      ).rows.map((r: { action: string }) => r.action),
    );
    expect(audit).toEqual(
      expect.arrayContaining([
        'platform_evaluation_round.open',
        'platform_evaluation_round.seat',
        'platform.evaluate',
        'platform_evaluation_round.close',
      ]),
    );
  });

  it('the next year re-evaluates the platform in rectification; failing again removes it with the reason', async () => {
    await later(365 * DAY);
    const next = dataOf(
      await officer.send<{ openPlatformEvaluationRound: RoundView }>(R.open, {
        input: { year: 2031, field: FIELD },
      }),
    ).openPlatformEvaluationRound;
    expect(next.platforms.map((p) => [p.platformId, p.due])).toEqual([[a.id, 'RE_EVALUATION']]);
    dataOf(await officer.send(R.seat, { input: { roundId: next.id, expertIds: free.map((e) => e.id) } }));
    for (const e of free) await score(e, next.id, a.id, 50);
    const latest = dataOf(
      await officer.send<{ platformEvaluationRound: RoundView }>(R.round, { id: next.id }),
    ).platformEvaluationRound;
    const closed = dataOf(
      await officer.send<{ closePlatformEvaluationRound: RoundView }>(R.close, {
        input: { roundId: next.id, version: latest.version },
      }),
    ).closePlatformEvaluationRound;
    expect(closed.platforms[0]).toMatchObject({ grade: 'FAIL', status: 'REMOVED' });
    const removed = await platformOf(officer, a.id);
    expect(removed).toMatchObject({ status: 'REMOVED', removedReason: '整改后复评仍不合格，撤销认定' });
    expect(removed.events.map((e) => e.toStatus)).toEqual(['RECOGNISED', 'RECTIFYING', 'REMOVED']);
  });
});
