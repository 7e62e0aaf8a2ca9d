import { HUNAN_2016_PARAMETERS, PROGRAMME_KIND_LIST, REVIEW_CRITERION_LABELS } from '@xiangmeng/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminDb } from '../support/admin-db';
import {
  asAdmin,
  asRuntimeRole,
  databaseUrls,
  type GraphqlAgent,
  startTestApi,
  type TestApi,
  type TestUser,
} from '../support/harness';
import { dataOf } from '../support/register-client';
import { TestClock } from '../support/test-clock';
import { attempt, verdict } from '../support/tenancy-fixtures';
import { PROVINCE, staff, ZHUZHOU } from '../pilots/pilot-client';
import { Client } from 'pg';
import {
  draftProgramme,
  G,
  OWN_CRITERIA,
  programmeInput,
  type ProgrammeView,
  publishedProgramme,
  tag,
} from './programme-client';

// A programme from draft to publication: it starts from the measures in force, edits are checked
// against the version they were based on, only an administrator publishes, and a published
// programme is final — in the API, as the runtime role and as the tables' owner.

describe('support programmes', () => {
  const clock = new TestClock(new Date('2027-03-01T10:00:00+08:00'));
  let api: TestApi;
  let db: AdminDb;
  const agents: Record<string, GraphqlAgent> = {};
  const users: Record<string, TestUser> = {};
  const identity = (key: string) => ({
    tenantId: users[key]!.tenantId,
    userId: users[key]!.id,
    roles: users[key]!.roles,
  });

  beforeAll(async () => {
    api = await startTestApi({ clock });
    db = await AdminDb.open();
    for (const [key, code, roles] of [
      ['provOfficer', PROVINCE, ['PROVINCE_OFFICER']],
      ['provOfficer2', PROVINCE, ['PROVINCE_OFFICER']],
      ['provAdmin', PROVINCE, ['PROVINCE_ADMIN']],
      ['zzOfficer', ZHUZHOU, ['CITY_OFFICER']],
      ['zzAdmin', ZHUZHOU, ['CITY_ADMIN']],
    ] as const) {
      const s = await staff(api, code, [...roles]);
      agents[key] = s.agent;
      users[key] = s.user;
    }
  });

  afterAll(async () => {
    await db?.close();
    await api?.close();
  });

  it('offers the measures’ criteria and notice days, and the kinds of the domain', async () => {
    const { programmeDefaults } = dataOf(
      await agents.provOfficer!.send<{
        programmeDefaults: {
          criteria: { key: string; label: string; weight: number }[];
          awardNoticeDays: number;
          acceptanceNoticeDays: number;
          measuresVersionNo: number;
          kinds: { kind: string; label: string; article: string }[];
        };
      }>(G.defaults),
    );
    expect(programmeDefaults.criteria).toEqual(
      HUNAN_2016_PARAMETERS.review.criteria.map((c) => ({ ...c, label: REVIEW_CRITERION_LABELS[c.key] })),
    );
    expect(programmeDefaults.awardNoticeDays).toBe(HUNAN_2016_PARAMETERS.review.publicNoticeDays);
    expect(programmeDefaults.acceptanceNoticeDays).toBe(HUNAN_2016_PARAMETERS.review.publicNoticeDays);
    expect(programmeDefaults.kinds.map((k) => k.kind)).toEqual(PROGRAMME_KIND_LIST);
    expect(programmeDefaults.kinds[0]!.article).toBe('第十四条');
  });

  it('a draft left to the measures takes their criteria; its own weights are kept; fen stay integer strings', async () => {
    const mark = await db.auditMark();
    const plain = await draftProgramme(agents.provOfficer!, { perProjectCapFen: null });
    expect(plain).toMatchObject({
      status: 'DRAFT',
      version: 1,
      level: 'PROVINCE',
      kind: 'PLAN_PROJECT',
      kindLabel: '省级科技计划项目',
      totalBudgetFen: '5000000000',
      perProjectCapFen: null,
      awardNoticeDays: 5,
      acceptanceNoticeDays: 5,
      isMine: true,
      authority: { code: PROVINCE },
    });
    expect(plain.criteria.map(({ key, weight }) => ({ key, weight }))).toEqual(
      HUNAN_2016_PARAMETERS.review.criteria,
    );
    const [event] = await db.auditSince(mark);
    expect(event).toMatchObject({
      action: 'programme.create',
      subject_type: 'programme',
      subject_id: plain.id,
    });
    expect(event!.actor_user_id).toBe(users.provOfficer!.id);

    // The largest amount (10^14 fen) is carried as a string and stored as bigint, never a float.
    const big = await draftProgramme(agents.provOfficer!, {
      kind: 'SPECIAL_FUND',
      totalBudgetFen: '100000000000000',
      perProjectCapFen: '000012345678901',
      criteria: OWN_CRITERIA,
      awardNoticeDays: 0,
      acceptanceNoticeDays: 7,
    });
    expect(big).toMatchObject({
      totalBudgetFen: '100000000000000',
      perProjectCapFen: '12345678901',
      awardNoticeDays: 0,
      acceptanceNoticeDays: 7,
    });
    expect(big.criteria.map(({ key, weight }) => ({ key, weight }))).toEqual(OWN_CRITERIA);
    const [stored] = await db.rows<{ total: string; type: string }>(
      `SELECT total_budget_fen::text AS total, pg_typeof(total_budget_fen)::text AS type FROM programme WHERE id = $1`,
      [big.id],
    );
    expect(stored).toEqual({ total: '100000000000000', type: 'bigint' });
  });

  it('an edit based on an old version is refused, naming who changed the programme and when', async () => {
    const draft = await draftProgramme(agents.provOfficer!);
    const first = dataOf(
      await agents.provOfficer2!.send<{ updateProgramme: ProgrammeView }>(G.update, {
        id: draft.id,
        version: draft.version,
        input: programmeInput({ name: draft.name, totalBudgetFen: '6000000000' }),
      }),
    ).updateProgramme;
    expect(first).toMatchObject({ version: 2, totalBudgetFen: '6000000000' });
    const stale = await agents.provOfficer!.send(G.update, {
      id: draft.id,
      version: draft.version,
      input: programmeInput({ name: draft.name, totalBudgetFen: '7000000000' }),
    });
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(stale.errors?.[0]?.extensions?.staleEdit).toMatchObject({
      currentVersion: 2,
      changedBy: `测试用户${users.provOfficer2!.username}`,
    });
    expect(stale.errors?.[0]?.message).toContain(draft.name);
    const [row] = await db.rows<{ total: string; updated_by: string }>(
      'SELECT total_budget_fen::text AS total, updated_by FROM programme WHERE id = $1',
      [draft.id],
    );
    expect(row).toEqual({ total: '6000000000', updated_by: users.provOfficer2!.id });
  });

  it('leaving the criteria open in an edit gives the measures’ again', async () => {
    const draft = await draftProgramme(agents.provOfficer!, { criteria: OWN_CRITERIA });
    const edited = dataOf(
      await agents.provOfficer!.send<{ updateProgramme: ProgrammeView }>(G.update, {
        id: draft.id,
        version: draft.version,
        input: programmeInput({ name: draft.name }),
      }),
    ).updateProgramme;
    expect(edited.criteria.map(({ key, weight }) => ({ key, weight }))).toEqual(
      HUNAN_2016_PARAMETERS.review.criteria,
    );
  });

  it('only an administrator publishes; a published programme is final; publishing twice is refused', async () => {
    const draft = await draftProgramme(agents.provOfficer!);
    const byOfficer = await agents.provOfficer!.send(G.publish, { id: draft.id, version: draft.version });
    expect(byOfficer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const staleVersion = await agents.provAdmin!.send(G.publish, {
      id: draft.id,
      version: draft.version + 1,
    });
    expect(staleVersion.errors?.[0]?.extensions?.code).toBe('PROGRAMME_CHANGED');

    const mark = await db.auditMark();
    const published = dataOf(
      await agents.provAdmin!.send<{ publishProgramme: ProgrammeView }>(G.publish, {
        id: draft.id,
        version: draft.version,
      }),
    ).publishProgramme;
    expect(published).toMatchObject({ status: 'PUBLISHED', version: draft.version + 1 });
    expect(published.publishedAt).not.toBeNull();
    expect((await db.auditSince(mark)).map((e) => e.action)).toEqual(['programme.publish']);

    const edit = await agents.provOfficer!.send(G.update, {
      id: published.id,
      version: published.version,
      input: programmeInput({ name: published.name }),
    });
    expect(edit.errors?.[0]?.extensions?.code).toBe('PROGRAMME_PUBLISHED');
    const again = await agents.provAdmin!.send(G.publish, { id: published.id, version: published.version });
    expect(again.errors?.[0]?.extensions?.code).toBe('PROGRAMME_PUBLISHED');

    // The database holds it final whatever the caller: the runtime role as an administrator …
    const sql = `UPDATE programme SET total_budget_fen = total_budget_fen + 1 WHERE id = $1`;
    const asApp = await asRuntimeRole(identity('provAdmin'), async (c) =>
      verdict(await attempt(c, sql, [published.id])),
    );
    expect(asApp).toBe('error:55000');
    // … and the tables' owner (who is under the same policies: FORCE ROW LEVEL SECURITY).
    const owner = new Client({ connectionString: databaseUrls().ownerUrl });
    await owner.connect();
    try {
      await owner.query('BEGIN');
      await owner.query(
        `SELECT set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true), set_config('app.roles', 'PROVINCE_ADMIN', true)`,
        [users.provAdmin!.tenantId, users.provAdmin!.id],
      );
      expect(verdict(await attempt(owner, sql, [published.id]))).toBe('error:55000');
      await owner.query('ROLLBACK');
    } finally {
      await owner.end();
    }
  });

  it('an officer cannot publish in SQL either; a city keeps its own programmes at city level', async () => {
    const draft = await draftProgramme(agents.zzOfficer!, {
      name: `株洲市产学研专项${tag()}`,
      kind: 'SPECIAL_FUND',
    });
    expect(draft).toMatchObject({ level: 'CITY', authority: { code: ZHUZHOU } });
    const officerPublishes = await asRuntimeRole(identity('zzOfficer'), async (c) =>
      verdict(
        await attempt(c, `UPDATE programme SET status = 'PUBLISHED', published_at = now() WHERE id = $1`, [
          draft.id,
        ]),
      ),
    );
    expect(officerPublishes).toBe('denied');
    const published = dataOf(
      await agents.zzAdmin!.send<{ publishProgramme: ProgrammeView }>(G.publish, {
        id: draft.id,
        version: draft.version,
      }),
    ).publishProgramme;
    expect(published.status).toBe('PUBLISHED');
  });

  it('the same name twice in a year is refused by field', async () => {
    const first = await draftProgramme(agents.provOfficer!);
    const res = await agents.provOfficer!.send(G.create, { input: programmeInput({ name: first.name }) });
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      violations: [expect.objectContaining({ field: 'name', rule: 'DUPLICATE' })],
    });
  });

  it('the database refuses kinds it does not know, criteria that do not weigh 100, a cap above the total', async () => {
    const programme = await publishedProgramme(agents.provOfficer!, agents.provAdmin!);
    // A draft copy of the programme (as the superuser, past every policy), then one change to it.
    const copy = (changes: string) =>
      asAdmin(async (c) => {
        await c.query('BEGIN');
        try {
          const { rows } = await c.query<{ id: string }>(
            `INSERT INTO programme (tenant_id, name, kind, year, total_budget_fen, per_project_cap_fen, measures_tenant_id,
                                    measures_id, measures_version_no, criteria, award_notice_days, acceptance_notice_days)
             SELECT tenant_id, name || $2, kind, year, total_budget_fen, per_project_cap_fen, measures_tenant_id,
                    measures_id, measures_version_no, criteria, award_notice_days, acceptance_notice_days
               FROM programme WHERE id = $1 RETURNING id`,
            [programme.id, tag()],
          );
          return verdict(await attempt(c, `UPDATE programme SET ${changes} WHERE id = $1`, [rows[0]!.id]));
        } finally {
          await c.query('ROLLBACK');
        }
      });
    expect(await copy(`kind = 'PLATFORM'`)).toBe('error:23514');
    expect(await copy(`criteria = jsonb_set(criteria, '{0,weight}', '16')`)).toBe('error:23514');
    expect(await copy(`criteria = criteria - 0`)).toBe('error:23514');
    expect(await copy(`criteria = jsonb_set(criteria, '{0,weight}', '"15"')`)).toBe('error:23514');
    expect(await copy(`per_project_cap_fen = total_budget_fen + 1`)).toBe('error:23514');
    expect(await copy(`total_budget_fen = 0`)).toBe('error:23514');
    expect(await copy(`name = '  '`)).toBe('error:23514');
    // Each kind the domain knows is one the database takes.
    for (const kind of PROGRAMME_KIND_LIST) expect(await copy(`kind = '${kind}'`)).toBe('rows:1');
  });
});
