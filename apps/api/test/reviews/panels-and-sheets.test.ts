import {
  aggregateScores,
  type MeasuresParameters,
  REVIEW_CRITERIA,
  type ScoreSheet,
  EXPERT_DECLARATION,
} from '@xiangmeng/domain';
import type { DatabaseError } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminDb } from '../support/admin-db';
import {
  asAdmin,
  asRuntimeRole,
  createUser,
  errorCode,
  type GraphqlAgent,
  type GraphqlResponse,
  signedInAgent,
  startTestApi,
  type TestApi,
  type TestUser,
  tenantId,
} from '../support/harness';
import { dataOf, expectBadInput, expectRefused, today, violationsOf } from '../support/register-client';
import {
  acceptedApplication,
  type Application,
  type Call,
  createExpert,
  declareSeat,
  expertAccount,
  expertName,
  type ExpertView,
  OPS,
  organization,
  type Organization,
  type PanelView,
  PROVINCE,
  provinceCall,
  setState,
  type SheetView,
} from './review-fixtures';

// Panels and score sheets (Art. 11) for a provincial call: a 郴州 alliance in 数字文化创意活动
// (SE0802, parent SE08), reviewed by the province's pool. Panel experts here review SE08/SE0802
// only; no other test file gives province experts those domains.

const CITY = '431000';
const INDUSTRY = 'SE0802';

type Pooled = { expert: ExpertView; user: TestUser | null };

describe('expert panels and score sheets', () => {
  let api: TestApi;
  let db: AdminDb;
  let officerUser: TestUser;
  let officer: GraphqlAgent;
  let province: string;
  let call: Call;
  let app: Application;
  let app2: Application;
  const orgs: Record<string, Organization> = {};
  const pool: Record<string, Pooled> = {};
  const agents: Record<string, GraphqlAgent> = {};

  async function pooled(
    key: string,
    domains: string[],
    affiliations: { organizationId?: string; bureauTenantId?: string }[],
    options: { account?: boolean; available?: boolean } = {},
  ): Promise<Pooled> {
    const user = options.account === false ? null : await expertAccount();
    const expert = await createExpert(officer, {
      name: expertName(`专家${key}`),
      title: '教授',
      domainCodes: domains,
      affiliations,
      available: options.available ?? true,
      unavailableReason: options.available === false ? '出差在外' : '',
      accountUserId: user?.id ?? null,
    });
    pool[key] = { expert, user };
    return pool[key];
  }

  async function agentOf(key: string): Promise<GraphqlAgent> {
    agents[key] ??= await signedInAgent(api, pool[key]!.user!);
    return agents[key];
  }

  const ids = (...keys: string[]) => keys.map((k) => pool[k]!.expert.id);

  async function assign(...keys: string[]): Promise<GraphqlResponse<{ assignPanel: PanelView }>> {
    return officer.send<{ assignPanel: PanelView }>(OPS.assign, {
      input: { applicationId: app.id, expertIds: ids(...keys) },
    });
  }

  type Proposal = {
    experts: { id: string }[] | null;
    explanation: string | null;
    unfilledSeats: { seat: number; requirement: string; reason: string }[];
  };

  async function propose(): Promise<Proposal> {
    return dataOf(await officer.send<{ proposePanel: Proposal }>(OPS.propose, { id: app.id })).proposePanel;
  }

  async function seatCount(applicationId: string, active = true): Promise<number> {
    return db.count(
      `SELECT count(*) FROM expert_assignment WHERE application_id = $1 AND (withdrawn_at IS NULL) = $2`,
      [applicationId, active],
    );
  }

  async function mine(key: string) {
    return dataOf(
      await (
        await agentOf(key)
      ).send<{
        myReviewAssignments: {
          id: string;
          application: { id: string; panel: unknown; dossier: unknown };
          sheet: SheetView;
        }[];
      }>(OPS.mine),
    ).myReviewAssignments;
  }

  function fullScores(base: number) {
    return REVIEW_CRITERIA.map((key, i) => ({ key, score: Math.min(100, base + i), comment: `意见${i}` }));
  }

  async function submit(key: string, base: number): Promise<SheetView> {
    const [own] = await mine(key);
    if (!own!.sheet.declaredAt) await declareSeat(await agentOf(key), own!.id);
    return dataOf(
      await (
        await agentOf(key)
      ).send<{ saveReviewSheet: SheetView }>(OPS.save, {
        input: {
          assignmentId: own!.id,
          version: own!.sheet.version,
          scores: fullScores(base),
          overallOpinion: '总体良好',
          recommendation: 'SUPPORT',
          submit: true,
        },
      }),
    ).saveReviewSheet;
  }

  beforeAll(async () => {
    api = await startTestApi();
    db = await AdminDb.open();
    province = await tenantId(PROVINCE);
    officerUser = await createUser(PROVINCE, ['PROVINCE_OFFICER']);
    officer = await signedInAgent(api, officerUser);
    for (const key of [
      'M1',
      'M2',
      'M3',
      'M4',
      'M5',
      'M6',
      'M7',
      'X1',
      'X2',
      'X3',
      'X4',
      'X6',
      'X7',
      'X8',
      'X9',
    ])
      orgs[key] = await organization(`评审单位${key}`, CITY);
    call = await provinceCall();
    app = await acceptedApplication(call, CITY, INDUSTRY, [orgs.M1!, orgs.M2!, orgs.M3!]);
    app2 = await acceptedApplication(call, CITY, INDUSTRY, [orgs.M4!, orgs.M5!, orgs.M6!]);
  });

  afterAll(async () => {
    await db.close();
    await api.close();
  });

  it('explains why no panel can be proposed, then proposes one of eligible experts', async () => {
    const cityBureau = await tenantId(CITY);
    await pooled('E1', ['SE0802'], [{ organizationId: orgs.X1!.id }]);
    await pooled('E2', ['SE08'], [{ organizationId: orgs.X2!.id }]);
    await pooled('E3', ['SE0802'], [{ organizationId: orgs.X3!.id }]);
    await pooled('E4', ['SE0802'], [{ organizationId: orgs.X4!.id }]);
    await pooled('U', ['SE0802'], [], { available: false });
    await pooled('N', ['SE0802'], [], { account: false });
    await pooled('O', ['HP12'], []);
    await pooled('C', ['SE0802'], [{ organizationId: orgs.M1!.id }]);
    await pooled('R', ['SE0802'], [{ bureauTenantId: cityBureau }]);
    await pooled('D', ['SE0802'], [{ organizationId: orgs.X9!.id }]);
    dataOf(
      await officer.send(OPS.declareConflict, {
        input: {
          expertId: pool.D!.expert.id,
          organizationId: orgs.M2!.id,
          reason: '曾任该单位顾问',
          declaredOn: today(),
        },
      }),
    );

    // Four seats filled with the eligible, the fifth named as empty with why nobody can take it.
    const short = await propose();
    expect(short.experts!.map((e) => e.id).sort()).toEqual(ids('E1', 'E2', 'E3', 'E4').sort());
    expect(short.unfilledSeats).toHaveLength(1);
    expect(short.unfilledSeats[0]).toMatchObject({ seat: 5 });
    expect(short.unfilledSeats[0]!.requirement).toContain('数字文化创意');
    expect(short.unfilledSeats[0]!.reason).toContain('1 名任职于申报联盟的成员单位');
    expect(short.unfilledSeats[0]!.reason).toContain('1 名任职于推荐单位');
    expect(short.unfilledSeats[0]!.reason).toContain('1 名已声明与申报联盟或推荐单位存在利益冲突');
    expect(short.explanation).toMatch(/需要 5 名专家，符合条件的只有 4 名/);
    expect(short.explanation).toMatch(/存在利益冲突 3/);
    // Unavailable experts (U, N without an account) are counted whatever their domain, so with
    // other files' pools in the same province the count is at least 2.
    expect(Number(/暂不可用 (\d+)/.exec(short.explanation!)![1])).toBeGreaterThanOrEqual(2);

    // A fifth eligible expert, but of E1's organization: still no panel, and it says why.
    await pooled('E5', ['SE0802'], [{ organizationId: orgs.X1!.id }]);
    const overlap = await propose();
    expect(overlap.experts).toHaveLength(4);
    expect(overlap.unfilledSeats.map((u) => u.seat)).toEqual([5]);
    expect(overlap.unfilledSeats[0]!.reason).toContain('1 名与已选专家同在一个单位');
    expect(overlap.explanation).toMatch(/符合条件的专家有 5 名，但同一单位至多一人/);

    await pooled('E6', ['SE0802'], [{ organizationId: orgs.X6!.id }]);
    const proposal = await propose();
    expect(proposal.explanation).toBeNull();
    expect(proposal.unfilledSeats).toEqual([]);
    const chosen = proposal.experts!.map((e) => e.id);
    expect(chosen).toHaveLength(5);
    expect(ids('E1', 'E2', 'E3', 'E4', 'E5', 'E6')).toEqual(expect.arrayContaining(chosen));
    expect(chosen.filter((id) => ids('E1', 'E5').includes(id))).toHaveLength(1);
  });

  it('lists the pool as candidates with each conflict and why, before anything is submitted', async () => {
    // Another tier's pool stays out of sight: 郴州's own expert is no candidate of the province.
    const cityOfficer = await signedInAgent(api, await createUser(CITY, ['CITY_OFFICER']));
    const cityExpert = await createExpert(cityOfficer, {
      name: expertName('市级专家'),
      title: '研究员',
      domainCodes: [INDUSTRY],
      affiliations: [],
    });
    type Candidate = {
      expert: { id: string };
      conflicts: { code: string; organizationLabel: string; message: string }[];
    };
    const candidates = dataOf(
      await officer.send<{ panelCandidates: Candidate[] }>(OPS.candidates, { id: app.id }),
    ).panelCandidates;
    const of = (key: string) => candidates.find((c) => c.expert.id === pool[key]!.expert.id)!.conflicts;
    expect(candidates.map((c) => c.expert.id)).not.toContain(cityExpert.id);
    expect(candidates.map((c) => c.expert.id)).toEqual(expect.arrayContaining(ids('E1', 'C', 'R', 'D', 'U')));
    expect(of('E1')).toEqual([]);
    expect(of('U')).toEqual([]);
    expect(of('C')).toEqual([
      {
        code: 'AFFILIATED_WITH_MEMBER',
        organizationLabel: orgs.M1!.name,
        message: `任职于联盟成员单位（${orgs.M1!.name}）`,
      },
    ]);
    expect(of('R')).toEqual([
      expect.objectContaining({ code: 'AFFILIATED_WITH_RECOMMENDER', organizationLabel: '郴州市科学技术局' }),
    ]);
    expect(of('D')).toEqual([
      expect.objectContaining({ code: 'DECLARED_CONFLICT', organizationLabel: orgs.M2!.name }),
    ]);
    // Only the authority that received the application asks; to the city it does not exist.
    expectRefused(await cityOfficer.send(OPS.candidates, { id: app.id }), 'NOT_FOUND');
  });

  it('refuses a conflicted expert, two of one organization, the wrong size, unavailable and out-of-domain experts', async () => {
    const mark = await db.auditMark();
    const conflicted = await assign('E1', 'E2', 'E3', 'E4', 'C');
    expect(errorCode(conflicted)).toBe('EXPERT_CONFLICT');
    expect(conflicted.errors![0]!.message).toContain(pool.C!.expert.name);
    expect(conflicted.errors![0]!.message).toContain(orgs.M1!.name);
    expect(violationsOf(conflicted)).toContainEqual(
      expect.objectContaining({ field: 'expertIds.4', rule: 'CONFLICT' }),
    );

    const declared = await assign('E1', 'E2', 'E3', 'D', 'E6');
    expect(errorCode(declared)).toBe('EXPERT_CONFLICT');
    expect(declared.errors![0]!.message).toContain(orgs.M2!.name);
    const recommender = await assign('R', 'E2', 'E3', 'E4', 'E6');
    expect(errorCode(recommender)).toBe('EXPERT_CONFLICT');
    expect(recommender.errors![0]!.message).toContain('郴州市科学技术局');

    const shared = await assign('E1', 'E2', 'E3', 'E4', 'E5');
    expect(errorCode(shared)).toBe('PANEL_INVALID');
    expect(violationsOf(shared)).toContainEqual(
      expect.objectContaining({
        field: 'expertIds.4',
        rule: 'SHARED_AFFILIATION',
        message: expect.stringContaining(orgs.X1!.name) as unknown,
      }),
    );
    const small = await assign('E1', 'E2', 'E3', 'E4');
    expect(errorCode(small)).toBe('PANEL_INVALID');
    expect(violationsOf(small)).toContainEqual(
      expect.objectContaining({ field: 'expertIds', rule: 'WRONG_SIZE' }),
    );
    const mixed = await assign('E1', 'E2', 'N', 'U', 'O');
    expect(violationsOf(mixed).map((v) => [v.field, v.rule])).toEqual([
      ['expertIds.2', 'UNAVAILABLE'],
      ['expertIds.3', 'UNAVAILABLE'],
      ['expertIds.4', 'OUTSIDE_DOMAIN'],
    ]);
    expect(violationsOf(mixed)[0]!.message).toContain('尚未关联专家登录账号');
    const duplicate = await assign('E1', 'E2', 'E3', 'E4', 'E4');
    expect(violationsOf(duplicate)).toContainEqual(expect.objectContaining({ rule: 'DUPLICATE' }));

    expect(await seatCount(app.id)).toBe(0);
    expect(await db.auditSince(mark)).toEqual([]);
  });

  it('the database refuses a conflicted seat whoever inserts it', async () => {
    const cityBureau = await tenantId(CITY);
    const seat = (client: import('pg').Client, key: string) =>
      client.query(
        `INSERT INTO expert_assignment (tenant_id, application_id, application_tenant_id, expert_id, expert_user_id, review_year)
         VALUES ($1, $2, $3, $4, $5, 2026)`,
        [province, app.id, app.tenantId, pool[key]!.expert.id, pool[key]!.user?.id ?? null],
      );
    const identity = { tenantId: province, userId: officerUser.id, roles: ['PROVINCE_OFFICER'] };
    for (const key of ['C', 'D', 'R']) {
      const error = await asRuntimeRole(identity, (c) => seat(c, key)).catch((e: DatabaseError) => e);
      expect(error, key).toMatchObject({
        code: '23514',
        constraint: 'expert_assignment_conflict_of_interest',
      });
    }
    const twice = await asRuntimeRole(identity, async (c) => {
      await seat(c, 'E1');
      return seat(c, 'E5');
    }).catch((e: DatabaseError) => e);
    expect(twice).toMatchObject({ code: '23514', constraint: 'expert_assignment_one_per_organization' });
    void cityBureau;

    // A member that joined after submission is in no dossier: the domain lets the expert through,
    // the trigger does not, and the API says so plainly.
    await asAdmin((c) =>
      c.query(
        `INSERT INTO alliance_member (tenant_id, alliance_id, organization_id, role, joined_on) VALUES ($1, $2, $3, 'MEMBER', $4)`,
        [app.tenantId, app.allianceId, orgs.M7!.id, today()],
      ),
    );
    await pooled('L', ['SE0802'], [{ organizationId: orgs.M7!.id }]);
    const late = await assign('E1', 'E2', 'E3', 'E4', 'L');
    expect(errorCode(late)).toBe('EXPERT_CONFLICT');
    expect(late.errors![0]!.message).toContain(pool.L!.expert.name);
    expect(late.errors![0]!.message).toContain(orgs.M7!.name);
    expect(late.data ?? null).toBeNull();
    expect(await seatCount(app.id)).toBe(0);
    expect(await db.count('SELECT count(*) FROM review_sheet WHERE application_id = $1', [app.id])).toBe(0);
  });

  it('seats a valid panel with one draft sheet per seat, and replaces it before the review', async () => {
    let mark = await db.auditMark();
    const first = dataOf(await assign('E1', 'E2', 'E3', 'E4', 'E6')).assignPanel;
    expect(first).toMatchObject({ size: 5, complete: true, sheetsSubmitted: 0, aggregate: null });
    expect(first.seats.map((s) => s.expert.id).sort()).toEqual(ids('E1', 'E2', 'E3', 'E4', 'E6').sort());
    expect(first.seats.every((s) => s.sheet?.status === 'DRAFT')).toBe(true);
    expect(
      await db.count(`SELECT count(*) FROM review_sheet WHERE application_id = $1 AND status = 'DRAFT'`, [
        app.id,
      ]),
    ).toBe(5);
    expect((await db.auditSince(mark)).map((e) => [e.action, e.subject_type])).toEqual([
      ['expert_assignment.assign_panel', 'expert_assignment'],
    ]);
    const seatYear = await db.rows<{ review_year: number; expert_user_id: string }>(
      'SELECT review_year, expert_user_id FROM expert_assignment WHERE application_id = $1 AND expert_id = $2',
      [app.id, pool.E1!.expert.id],
    );
    expect(seatYear).toEqual([
      { review_year: Number(today().slice(0, 4)), expert_user_id: pool.E1!.user!.id },
    ]);

    mark = await db.auditMark();
    const second = dataOf(await assign('E5', 'E2', 'E3', 'E4', 'E6')).assignPanel;
    expect(second.seats.map((s) => s.expert.id)).toContain(pool.E5!.expert.id);
    expect(second.seats.map((s) => s.expert.id)).not.toContain(pool.E1!.expert.id);
    expect(await seatCount(app.id)).toBe(5);
    expect(
      await db.count(
        `SELECT count(*) FROM expert_assignment WHERE application_id = $1 AND withdrawal_reason = '重新组建专家组'`,
        [app.id],
      ),
    ).toBe(5);
    expect((await db.auditSince(mark)).map((e) => e.action)).toEqual(['expert_assignment.assign_panel']);
    // Withdrawn before scoring: E1's year is as before.
    const experts = dataOf(await officer.send<{ experts: ExpertView[] }>(OPS.experts)).experts;
    expect(experts.find((e) => e.id === pool.E1!.expert.id)!.reviewsThisYear).toBe(0);
    expect(experts.find((e) => e.id === pool.E2!.expert.id)!.reviewsThisYear).toBe(1);
  });

  it('experts score their own sheet only; a submitted sheet is locked until the authority reopens it', async () => {
    // Scoring waits for the review to start.
    const [early] = await mine('E2');
    expectRefused(
      await (
        await agentOf('E2')
      ).send(OPS.save, {
        input: { assignmentId: early!.id, version: early!.sheet.version, scores: [], overallOpinion: '' },
      }),
      'REVIEW_NOT_OPEN',
    );
    await setState(app.id, 'IN_REVIEW');
    expectRefused(await assign('E1', 'E2', 'E3', 'E4', 'E6'), 'PANEL_FORMING_CLOSED');

    const own = await mine('E2');
    expect(own).toHaveLength(1);
    expect(own[0]!.application).toMatchObject({
      id: app.id,
      panel: null,
      dossier: { alliance: { industryCode: INDUSTRY } },
    });
    expect(own[0]!.sheet.scores.map((s) => s.key)).toEqual([...REVIEW_CRITERIA]);
    const other = (await mine('E3'))[0]!;
    // Another expert's seat does not exist for E2, through the API or in SQL.
    expectRefused(
      await (
        await agentOf('E2')
      ).send(OPS.save, {
        input: { assignmentId: other.id, version: other.sheet.version, scores: [], overallOpinion: '' },
      }),
      'NOT_FOUND',
    );
    const visible = await asRuntimeRole(
      { tenantId: province, userId: pool.E2!.user!.id, roles: ['EXPERT'] },
      async (c) => ({
        sheets: (await c.query('SELECT expert_id FROM review_sheet WHERE application_id = $1', [app.id]))
          .rows,
        seats: (await c.query('SELECT expert_id FROM expert_assignment WHERE application_id = $1', [app.id]))
          .rows,
        experts: (await c.query('SELECT id FROM expert')).rows,
      }),
    );
    // Their own rows only (the seat of the replaced panel too), never another expert's.
    expect(new Set(visible.sheets.map((r: { expert_id: string }) => r.expert_id))).toEqual(
      new Set(ids('E2')),
    );
    expect(new Set(visible.seats.map((r: { expert_id: string }) => r.expert_id))).toEqual(new Set(ids('E2')));
    expect(visible.experts).toEqual([{ id: pool.E2!.expert.id }]);

    const e2 = await agentOf('E2');
    const save = (input: Record<string, unknown>) =>
      e2.send<{ saveReviewSheet: SheetView }>(OPS.save, {
        input: { assignmentId: own[0]!.id, overallOpinion: '', ...input },
      });
    // No score before the commitment and no-conflict declaration (承诺书/回避声明).
    let mark = await db.auditMark();
    expectRefused(
      await save({ version: own[0]!.sheet.version, scores: [{ key: 'IMPORTANCE', score: 80 }] }),
      'DECLARATION_REQUIRED',
    );
    const declare = (agent: GraphqlAgent, id: string, v: string) => agent.send(OPS.declare, { id, v });
    expectRefused(await declare(e2, own[0]!.id, '2000-01'), 'DECLARATION_OUTDATED');
    // Nobody declares on another's seat; staff do not declare at all.
    expectRefused(await declare(await agentOf('E3'), own[0]!.id, EXPERT_DECLARATION.version), 'NOT_FOUND');
    expectRefused(await declare(officer, own[0]!.id, EXPERT_DECLARATION.version), 'FORBIDDEN');
    expect(await db.auditSince(mark)).toEqual([]);
    const declared = dataOf(
      await declare(e2, own[0]!.id, EXPERT_DECLARATION.version),
    ) as { declareForReview: SheetView };
    expect(declared.declareForReview).toMatchObject({
      status: 'DRAFT',
      declarationVersion: EXPERT_DECLARATION.version,
    });
    expect(declared.declareForReview.declaredAt).toEqual(expect.stringMatching(/^\d{4}-/));
    // Confirming again changes nothing and records nothing more.
    const repeated = dataOf(await declare(e2, own[0]!.id, EXPERT_DECLARATION.version)) as typeof declared;
    expect(repeated.declareForReview.declaredAt).toBe(declared.declareForReview.declaredAt);
    expect((await db.auditSince(mark)).map((e) => [e.action, e.subject_type])).toEqual([
      ['review_sheet.declare', 'review_sheet'],
    ]);
    const recorded = await db.rows<{ declaration_version: string; expert_user_id: string }>(
      'SELECT declaration_version, expert_user_id FROM review_sheet WHERE assignment_id = $1',
      [own[0]!.id],
    );
    expect(recorded).toEqual([
      { declaration_version: EXPERT_DECLARATION.version, expert_user_id: pool.E2!.user!.id },
    ]);

    mark = await db.auditMark();
    const draft = dataOf(
      await save({ version: own[0]!.sheet.version, scores: [{ key: 'IMPORTANCE', score: 80 }] }),
    ).saveReviewSheet;
    expect(draft).toMatchObject({ status: 'DRAFT', total: null });
    expect(draft.scores[0]).toMatchObject({ key: 'IMPORTANCE', score: 80, label: '重要性', weight: 15 });
    // Each criterion carries what it looks at (Art. 11) and the scale it is scored on.
    expect(draft.scores[0]!.description).toContain('重点领域');
    expect(draft.scores[0]!.scale).toBe('90–100 分：优秀；75–89 分：良好；60–74 分：一般；0–59 分：较差');
    expect((await db.auditSince(mark)).map((e) => [e.action, e.subject_type])).toEqual([
      ['review_sheet.save', 'review_sheet'],
    ]);
    expectBadInput(
      await save({ version: draft.version, scores: [{ key: 'IMPORTANCE', score: 120 }] }),
      'scores.0.score',
      'SCORE_RANGE',
    );
    expectBadInput(
      await save({ version: draft.version, scores: [{ key: 'NOPE', score: 1 }] }),
      'scores.0.key',
      'UNKNOWN_CRITERION',
    );
    const incomplete = await save({
      version: draft.version,
      scores: [{ key: 'IMPORTANCE', score: 80 }],
      submit: true,
    });
    expectBadInput(incomplete, 'scores.NECESSITY', 'REQUIRED');
    expectBadInput(incomplete, 'overallOpinion', 'REQUIRED');
    expectBadInput(incomplete, 'recommendation', 'REQUIRED');
    expectRefused(await save({ version: draft.version - 1, scores: [] }), 'CONFLICT');

    mark = await db.auditMark();
    const submitted = dataOf(
      await save({
        version: draft.version,
        scores: fullScores(70),
        overallOpinion: '方案可行',
        recommendation: 'SUPPORT_WITH_CHANGES',
        submit: true,
      }),
    ).saveReviewSheet;
    expect(submitted.status).toBe('SUBMITTED');
    expect(submitted.total).toBeCloseTo(
      fullScores(70).reduce((s, c, i) => s + (c.score * [15, 15, 15, 15, 10, 10, 10, 10][i]!) / 100, 0),
      2,
    );
    expect((await db.auditSince(mark)).map((e) => e.action)).toEqual(['review_sheet.submit']);
    const locked = await save({ version: submitted.version, scores: fullScores(10) });
    expect(errorCode(locked)).toBe('REVIEW_SHEET_LOCKED');

    // Reopening: the authority's, with a reason, audited; an expert may not.
    expectRefused(
      await e2.send(OPS.reopen, { input: { sheetId: submitted.id, reason: '请复核' } }),
      'FORBIDDEN',
    );
    expectBadInput(
      await officer.send(OPS.reopen, { input: { sheetId: submitted.id, reason: ' ' } }),
      'reason',
      'REQUIRED',
    );
    mark = await db.auditMark();
    const reopened = dataOf(
      await officer.send<{ reopenReviewSheet: SheetView }>(OPS.reopen, {
        input: { sheetId: submitted.id, reason: '经费预算评分与意见不一致，请复核' },
      }),
    ).reopenReviewSheet;
    expect(reopened).toMatchObject({ status: 'DRAFT', reopenReason: '经费预算评分与意见不一致，请复核' });
    expect((await db.auditSince(mark)).map((e) => [e.action, e.subject_type, e.subject_id])).toEqual([
      ['review_sheet.reopen', 'review_sheet', submitted.id],
    ]);
    expectRefused(
      await officer.send(OPS.reopen, { input: { sheetId: submitted.id, reason: '再退' } }),
      'REVIEW_SHEET_NOT_SUBMITTED',
    );
    const again = (await mine('E2'))[0]!.sheet;
    expect(again.scores.map((s) => s.score)).toEqual(fullScores(70).map((s) => s.score));
    expect(again.status).toBe('DRAFT');
  });

  it('swaps a panel member with a reason; the old sheet stays as history and the load stays counted', async () => {
    await pooled('E7', ['SE0802'], [{ organizationId: orgs.X7!.id }]);
    const e4Sheet = await submit('E4', 60);
    const e4Seat = (await mine('E4'))[0]!.id;
    const swap = (expertKey: string, reason: string) =>
      officer.send<{ swapPanelMember: PanelView }>(OPS.swap, {
        input: { assignmentId: e4Seat, expertId: pool[expertKey]!.expert.id, reason },
      });
    expectBadInput(await swap('E7', ' '), 'reason', 'REQUIRED');
    const conflicted = await swap('C', '回避');
    expect(errorCode(conflicted)).toBe('EXPERT_CONFLICT');
    expect(conflicted.errors![0]!.message).toContain(orgs.M1!.name);
    expectBadInput(await swap('E3', '换人'), 'expertId', 'ALREADY_SEATED');
    const mark = await db.auditMark();
    const panel = dataOf(await swap('E7', '因病无法继续评审')).swapPanelMember;
    expect(panel.seats.map((s) => s.expert.id).sort()).toEqual(ids('E5', 'E2', 'E3', 'E6', 'E7').sort());
    expect((await db.auditSince(mark)).map((e) => [e.action, e.subject_type])).toEqual([
      ['expert_assignment.swap', 'expert_assignment'],
    ]);
    expect(await mine('E4')).toEqual([]);
    const history = await db.rows<{ status: string; withdrawal_reason: string }>(
      `SELECT s.status, x.withdrawal_reason FROM review_sheet s JOIN expert_assignment x ON x.id = s.assignment_id
        WHERE s.id = $1`,
      [e4Sheet.id],
    );
    expect(history).toEqual([{ status: 'SUBMITTED', withdrawal_reason: '因病无法继续评审' }]);
    expectRefused(
      await officer.send(OPS.swap, {
        input: { assignmentId: e4Seat, expertId: pool.E1!.expert.id, reason: '再换' },
      }),
      'SEAT_WITHDRAWN',
    );
    const experts = dataOf(await officer.send<{ experts: ExpertView[] }>(OPS.experts)).experts;
    expect(experts.find((e) => e.id === pool.E4!.expert.id)!.reviewsThisYear).toBe(1);
  });

  it('aggregates the submitted sheets of active seats by the measures: trimmed mean of five equals the domain', async () => {
    const bases: Record<string, number> = { E5: 50, E2: 70, E3: 80, E6: 85, E7: 95 };
    for (const [key, base] of Object.entries(bases)) await submit(key, base);
    const parameters = (
      await db.rows<{ parameters: MeasuresParameters }>(
        'SELECT m.parameters FROM measures m JOIN pilot_call c ON c.measures_id = m.id WHERE c.id = $1',
        [call.id],
      )
    )[0]!.parameters;
    const sheets: ScoreSheet[] = Object.entries(bases).map(([key, base]) => ({
      applicationId: app.id,
      expertId: pool[key]!.expert.id,
      scores: Object.fromEntries(fullScores(base).map((s) => [s.key, s.score])) as ScoreSheet['scores'],
    }));
    const [expected] = aggregateScores(sheets, parameters.review);

    const ranking = dataOf(
      await officer.send<{
        callRanking: { application: { id: string }; aggregate: PanelView['aggregate'] }[];
      }>(OPS.ranking, {
        id: call.id,
      }),
    ).callRanking;
    expect(ranking.map((r) => r.application.id)).toEqual([app.id]);
    const aggregate = ranking[0]!.aggregate!;
    expect(aggregate).toMatchObject({
      rule: 'TRIMMED_MEAN',
      sheets: 5,
      trimmed: true,
      total: expected!.total,
      totalSpread: expected!.totalSpread,
      passMark: parameters.review.passMark,
      passes: expected!.passes,
      rank: 1,
    });
    expect(aggregate.criteria.map((c) => c.value)).toEqual(expected!.criteria.map((c) => c.value));
    // The withdrawn seat's submitted sheet (E4) is not in it; a plain mean of all six would differ.
    expect(expected!.total).not.toBe(
      aggregateScores(
        [...sheets, { ...sheets[0]!, expertId: 'x', scores: sheets[0]!.scores }],
        parameters.review,
      )[0]!.total,
    );
    // Experts read no aggregate; the other expert's name and scores never reach them.
    const own = await (await agentOf('E3')).send(OPS.ranking, { id: call.id });
    expectRefused(own, 'FORBIDDEN');
  });

  it('counts the yearly load against the cap of the measures in force', async () => {
    await pooled('H', ['SE0802'], [{ organizationId: orgs.X8!.id }]);
    const cap = pool.H!.expert.yearlyCap;
    // Work done this year on other applications: withdrawn seats with submitted sheets still count.
    await asAdmin(async (c) => {
      for (let i = 0; i < cap; i += 1) {
        const { rows } = await c.query<{ id: string }>(
          `INSERT INTO expert_assignment (tenant_id, application_id, application_tenant_id, expert_id, expert_user_id,
                                          review_year, withdrawn_at, withdrawal_reason)
           VALUES ($1, $2, $3, $4, $5, $6, now(), '测试：往期评审') RETURNING id`,
          [province, app.id, app.tenantId, pool.H!.expert.id, pool.H!.user!.id, Number(today().slice(0, 4))],
        );
        await c.query(
          `INSERT INTO review_sheet (tenant_id, assignment_id, application_id, expert_id, expert_user_id, status,
                                     submitted_at, recommendation)
           VALUES ($1, $2, $3, $4, $5, 'SUBMITTED', now(), 'SUPPORT')`,
          [province, rows[0]!.id, app.id, pool.H!.expert.id, pool.H!.user!.id],
        );
      }
    });
    const experts = dataOf(await officer.send<{ experts: ExpertView[] }>(OPS.experts)).experts;
    expect(experts.find((e) => e.id === pool.H!.expert.id)!.reviewsThisYear).toBe(cap);
    const refused = await officer.send(OPS.assign, {
      input: { applicationId: app2.id, expertIds: ids('H', 'E2', 'E3', 'E6', 'E7') },
    });
    expect(errorCode(refused)).toBe('PANEL_INVALID');
    expect(violationsOf(refused)).toContainEqual(
      expect.objectContaining({ field: 'expertIds.0', rule: 'OVER_YEARLY_CAP' }),
    );
  });
});
