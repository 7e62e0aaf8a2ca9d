import { ART_20_2, HUNAN_2016_PARAMETERS } from '@xiangmeng/domain';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminDb } from '../support/admin-db';
import {
  asAdmin,
  asRuntimeRole,
  createUser,
  databaseUrls,
  type GraphqlAgent,
  signedInAgent,
  startTestApi,
  type TestApi,
  type TestUser,
} from '../support/harness';
import { dataOf, M, type MeasuresView } from '../support/register-client';
import { attempt, verdict } from '../support/tenancy-fixtures';
import { TestClock } from '../support/test-clock';
import { CHANGSHA, PROVINCE, staff, ZHUZHOU } from '../pilots/pilot-client';
import { organization } from '../reviews/review-fixtures';
import { type DebarmentView, debarmentInput, G, recordedDebarment, tag } from './programme-client';

// The debarment register (Art. 20(2)): the until date comes from the measures in force on the day
// the debarment starts (a 29 February start included); lifting is recorded once, with a reason,
// and the decision stays; nobody — the runtime role, the tables' owner, the superuser — changes a
// decision otherwise or removes it.

const YIYANG = '430900';

describe('debarment rules', () => {
  const clock = new TestClock(new Date('2028-03-20T10:00:00+08:00'));
  let api: TestApi;
  let db: AdminDb;
  const agents: Record<string, GraphqlAgent> = {};
  const users: Record<string, TestUser> = {};
  const identity = (key: string) => ({
    tenantId: users[key]!.tenantId,
    userId: users[key]!.id,
    roles: users[key]!.roles,
  });
  let provinceMeasures: { id: string; version_no: number };

  beforeAll(async () => {
    api = await startTestApi({ clock });
    db = await AdminDb.open();
    for (const [key, code, roles] of [
      ['provAdmin', PROVINCE, ['PROVINCE_ADMIN']],
      ['provAdmin2', PROVINCE, ['PROVINCE_ADMIN']],
      ['provOfficer', PROVINCE, ['PROVINCE_OFFICER']],
      ['zzAdmin', ZHUZHOU, ['CITY_ADMIN']],
      ['csOfficer', CHANGSHA, ['CITY_OFFICER']],
      ['csAdmin', CHANGSHA, ['CITY_ADMIN']],
      ['yyAdmin', YIYANG, ['CITY_ADMIN']],
    ] as const) {
      const s = await staff(api, code, [...roles]);
      agents[key] = s.agent;
      users[key] = s.user;
    }
    users.expert = await createUser(PROVINCE, ['EXPERT'], 'x');
    agents.expert = await signedInAgent(api, users.expert);
    [provinceMeasures] = (await db.rows<{ id: string; version_no: number }>(
      `SELECT m.id, m.version_no FROM measures m JOIN tenant t ON t.id = m.tenant_id
        WHERE t.code = '430000' AND m.status = 'PUBLISHED' AND m.effective_on <= '2028-03-15'
        ORDER BY m.effective_on DESC, m.version_no DESC LIMIT 1`,
    )) as [{ id: string; version_no: number }];
  });

  afterAll(async () => {
    await db?.close();
    await api?.close();
  });

  const unit = (prefix = '违约单位') => organization(prefix, ZHUZHOU);

  it('lasts the measures’ years from its first day: 2028-03-15 for 5 years through 2033-03-15', async () => {
    const org = await unit();
    const mark = await db.auditMark();
    const d = await recordedDebarment(agents.provAdmin!, org.id);
    expect(d).toMatchObject({
      organizationId: org.id,
      organizationName: org.name,
      authority: { code: PROVINCE },
      article: ART_20_2,
      fromDate: '2028-03-15',
      untilDate: '2033-03-15',
      debarmentYears: HUNAN_2016_PARAMETERS.ip.debarmentYears,
      measuresId: provinceMeasures.id,
      measuresVersionNo: provinceMeasures.version_no,
      lifting: null,
      activeToday: true,
      isMine: true,
      evidence: '项目验收材料第 12 页；许可合同缺失的核查记录',
      recordedByName: `测试用户${users.provAdmin!.username}`,
    });
    expect(d.refusalMessage).toContain(d.decisionDocument);
    expect(d.refusalMessage).toContain('2033-03-15');
    const events = await db.auditSince(mark);
    expect(events.map((e) => [e.action, e.subject_id, e.actor_user_id])).toEqual([
      ['debarment.record', d.id, users.provAdmin!.id],
    ]);
    expect(events[0]!.after).toMatchObject({ untilDate: '2033-03-15', debarmentYears: 5 });
  });

  it('from 29 February ends on 28 February of a common year', async () => {
    const d = await recordedDebarment(agents.provAdmin!, (await unit()).id, { fromDate: '2028-02-29' });
    expect([d.fromDate, d.untilDate]).toEqual(['2028-02-29', '2033-02-28']);
  });

  it('takes the years of the measures in force for the authority on its first day (a city’s own)', async () => {
    const draft = dataOf(
      await agents.yyAdmin!.send<{ createMeasuresDraft: MeasuresView }>(M.createMeasuresDraft, {
        input: {
          title: `益阳市联盟支持实施细则${tag()}`,
          documentNumber: '益科发〔2089〕3号',
          effectiveOn: '2090-01-01',
          parameters: { ip: { debarmentYears: 3 } },
        },
      }),
    ).createMeasuresDraft;
    const local = dataOf(
      await agents.yyAdmin!.send<{ publishMeasures: MeasuresView }>(M.publishMeasures, { id: draft.id }),
    ).publishMeasures;

    const leap = await recordedDebarment(agents.yyAdmin!, (await unit()).id, { fromDate: '2092-02-29' });
    expect(leap).toMatchObject({
      fromDate: '2092-02-29',
      untilDate: '2095-02-28',
      debarmentYears: 3,
      measuresId: local.id,
      authority: { code: YIYANG },
    });
    // The day before the city's version took effect, the province's five years applied.
    const before = await recordedDebarment(agents.yyAdmin!, (await unit()).id, { fromDate: '2089-12-31' });
    expect(before).toMatchObject({ untilDate: '2094-12-31', debarmentYears: 5 });
  });

  it('is public: any tenant’s user reads the decision, never the evidence or who recorded it', async () => {
    const org = await unit();
    const d = await recordedDebarment(agents.zzAdmin!, org.id, { fromDate: '2028-01-10' });
    for (const key of ['csOfficer', 'provOfficer', 'expert', 'yyAdmin']) {
      const { debarments } = dataOf(
        await agents[key]!.send<{ debarments: DebarmentView[] }>(G.debarments, {
          filter: { organizationId: org.id },
        }),
      );
      expect(debarments, key).toEqual([
        {
          ...d,
          isMine: false,
          evidence: null,
          recordedByName: null,
          liftedByName: null,
        },
      ]);
    }
  });

  it('is lifted once, with a reason and a day within it; the decision stays on the register', async () => {
    const org = await unit();
    const d = await recordedDebarment(agents.provAdmin!, org.id);
    const mark = await db.auditMark();
    const lifted = dataOf(
      await agents.provAdmin!.send<{ liftDebarment: DebarmentView }>(G.lift, {
        input: { id: d.id, on: '2028-03-20', reason: '该单位已完成知识产权许可整改，经复核解除' },
      }),
    ).liftDebarment;
    expect(lifted).toMatchObject({
      id: d.id,
      untilDate: '2033-03-15',
      lifting: { on: '2028-03-20', reason: '该单位已完成知识产权许可整改，经复核解除' },
      activeToday: false,
      liftedByName: `测试用户${users.provAdmin!.username}`,
    });
    expect((await db.auditSince(mark)).map((e) => e.action)).toEqual(['debarment.lift']);

    const active = async (on: string) =>
      dataOf(
        await agents.csOfficer!.send<{ activeDebarments: DebarmentView[] }>(G.active, { ids: [org.id], on }),
      ).activeDebarments;
    expect((await active('2028-03-19')).map((x) => x.id)).toEqual([d.id]);
    expect(await active('2028-03-20')).toEqual([]);
    const listed = dataOf(
      await agents.csOfficer!.send<{ debarments: DebarmentView[] }>(G.debarments, {
        filter: { organizationId: org.id, activeOn: '2028-03-19' },
      }),
    ).debarments;
    expect(listed.map((x) => [x.id, x.lifting?.on, x.liftedByName])).toEqual([[d.id, '2028-03-20', null]]);

    const again = await agents.provAdmin!.send(G.lift, {
      input: { id: d.id, on: '2028-03-21', reason: '再次解除' },
    });
    expect(again.errors?.[0]?.extensions?.code).toBe('DEBARMENT_ALREADY_LIFTED');
    expect(again.errors?.[0]?.message).toContain('2028-03-20');
  });

  it('two administrators lifting at once: exactly one lifting, one audit event', async () => {
    const d = await recordedDebarment(agents.provAdmin!, (await unit()).id);
    const mark = await db.auditMark();
    const answers = await Promise.all(
      (['provAdmin', 'provAdmin2'] as const).map((key, i) =>
        agents[key]!.send<{ liftDebarment: DebarmentView }>(G.lift, {
          input: { id: d.id, on: '2028-03-20', reason: `第${i + 1}位管理员解除` },
        }),
      ),
    );
    const codes = answers.map((a) => a.errors?.[0]?.extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['DEBARMENT_ALREADY_LIFTED', 'OK']);
    expect((await db.auditSince(mark)).map((e) => e.action)).toEqual(['debarment.lift']);
  });

  it('is recorded and lifted by the deciding authority’s administrators only', async () => {
    const org = await unit();
    for (const key of ['provOfficer', 'csOfficer', 'expert']) {
      const res = await agents[key]!.send(G.record, { input: debarmentInput(org.id) });
      expect(res.errors?.[0]?.extensions?.code, key).toBe('FORBIDDEN');
    }
    const d = await recordedDebarment(agents.provAdmin!, org.id);
    const byOtherAuthority = await agents.csAdmin!.send(G.lift, {
      input: { id: d.id, on: '2028-03-20', reason: '长沙解除' },
    });
    expect(byOtherAuthority.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const lift = `UPDATE debarment SET lifted_on = '2028-03-20', lifted_reason = 'x', lifted_at = now() WHERE id = $1`;
    expect(
      await asRuntimeRole(identity('csAdmin'), async (c) => verdict(await attempt(c, lift, [d.id]))),
    ).toBe('rows:0');
    expect(
      await asRuntimeRole(identity('provOfficer'), async (c) => verdict(await attempt(c, lift, [d.id]))),
    ).toBe('rows:0');
    const [row] = await db.rows<{ lifted_on: string | null }>(
      'SELECT lifted_on FROM debarment WHERE id = $1',
      [d.id],
    );
    expect(row!.lifted_on).toBeNull();
  });

  it('is append-only as the runtime role: no change but the lifting, no delete, no truncate', async () => {
    const d = await recordedDebarment(agents.provAdmin!, (await unit()).id);
    const observed = await asRuntimeRole(identity('provAdmin'), async (c) => {
      const run = async (sql: string) => verdict(await attempt(c, sql, sql.includes('$1') ? [d.id] : []));
      return {
        reason: await run(`UPDATE debarment SET lifted_on = lifted_on, reason = '改写' WHERE id = $1`),
        until: await run(`UPDATE debarment SET until_date = until_date - 1 WHERE id = $1`),
        liftWithoutReason: await run(`UPDATE debarment SET lifted_on = '2028-03-20' WHERE id = $1`),
        evidence: await run(`UPDATE debarment_evidence SET evidence = '改写' WHERE debarment_id = $1`),
        delete: await run(`DELETE FROM debarment WHERE id = $1`),
        deleteEvidence: await run(`DELETE FROM debarment_evidence WHERE debarment_id = $1`),
        truncate: await run(`TRUNCATE debarment_evidence, debarment`),
        lift: await run(
          `UPDATE debarment SET lifted_on = '2028-03-20', lifted_reason = '整改完毕', lifted_at = now() WHERE id = $1`,
        ),
        changeTheLifting: await run(`UPDATE debarment SET lifted_reason = '另一理由' WHERE id = $1`),
      };
    });
    expect(observed).toEqual({
      reason: 'denied',
      until: 'denied',
      liftWithoutReason: 'error:23514',
      evidence: 'denied',
      delete: 'denied',
      deleteEvidence: 'denied',
      truncate: 'denied',
      lift: 'rows:1',
      changeTheLifting: 'error:55000',
    });
  });

  it('is append-only even for the tables’ owner and the superuser: only a lifting changes it', async () => {
    const d = await recordedDebarment(agents.provAdmin!, (await unit()).id);
    const asOwner = async () => {
      const owner = new Client({ connectionString: databaseUrls().ownerUrl });
      await owner.connect();
      try {
        await owner.query('BEGIN');
        await owner.query(
          `SELECT set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true), set_config('app.roles', 'PROVINCE_ADMIN', true)`,
          [users.provAdmin!.tenantId, users.provAdmin!.id],
        );
        const run = async (sql: string) =>
          verdict(await attempt(owner, sql, sql.includes('$1') ? [d.id] : []));
        return {
          reason: await run(`UPDATE debarment SET reason = '改写' WHERE id = $1`),
          until: await run(`UPDATE debarment SET until_date = until_date + 365 WHERE id = $1`),
          organization: await run(`UPDATE debarment SET organization_id = gen_random_uuid() WHERE id = $1`),
          evidence: await run(`UPDATE debarment_evidence SET evidence = '改写' WHERE debarment_id = $1`),
          // The owner is under the policies too (FORCE): no policy lets a row be deleted.
          delete: await run(`DELETE FROM debarment WHERE id = $1`),
          truncate: await run(`TRUNCATE debarment_evidence, debarment`),
          lift: await run(
            `UPDATE debarment SET lifted_on = '2028-03-20', lifted_reason = '整改完毕', lifted_at = now() WHERE id = $1`,
          ),
          unlift: await run(
            `UPDATE debarment SET lifted_on = NULL, lifted_reason = NULL, lifted_at = NULL WHERE id = $1`,
          ),
        };
      } finally {
        await owner.query('ROLLBACK');
        await owner.end();
      }
    };
    expect(await asOwner()).toEqual({
      reason: 'error:55000',
      until: 'error:55000',
      organization: 'error:55000',
      evidence: 'error:55000',
      delete: 'rows:0',
      truncate: 'error:55000',
      lift: 'rows:1',
      unlift: 'error:55000',
    });
    // The superuser passes every policy, not the triggers.
    const superuser = await asAdmin(async (c) => {
      await c.query('BEGIN');
      try {
        const run = async (sql: string) => verdict(await attempt(c, sql, sql.includes('$1') ? [d.id] : []));
        return {
          deleteEvidence: await run(`DELETE FROM debarment_evidence WHERE debarment_id = $1`),
          delete: await run(`DELETE FROM debarment WHERE id = $1`),
          reason: await run(`UPDATE debarment SET reason = '改写' WHERE id = $1`),
          truncate: await run(`TRUNCATE debarment_evidence, debarment`),
        };
      } finally {
        await c.query('ROLLBACK');
      }
    });
    expect(superuser).toEqual({
      deleteEvidence: 'error:55000',
      delete: 'error:55000',
      reason: 'error:55000',
      truncate: 'error:55000',
    });
    expect(await db.count('SELECT count(*) FROM debarment WHERE id = $1 AND lifted_on IS NULL', [d.id])).toBe(
      1,
    );
  });

  it('the database insists that the last day comes after the first', async () => {
    const d = await recordedDebarment(agents.provAdmin!, (await unit()).id);
    const outcome = await asAdmin(async (c) => {
      await c.query('BEGIN');
      try {
        return verdict(
          await attempt(
            c,
            `INSERT INTO debarment (tenant_id, organization_id, reason, article, decision_document, from_date, until_date,
                                  debarment_years, measures_tenant_id, measures_id, measures_version_no)
           SELECT tenant_id, organization_id, reason, article, decision_document || '副本', from_date, from_date,
                  debarment_years, measures_tenant_id, measures_id, measures_version_no
             FROM debarment WHERE id = $1`,
            [d.id],
          ),
        );
      } finally {
        await c.query('ROLLBACK');
      }
    });
    expect(outcome).toBe('error:23514');
  });
});
