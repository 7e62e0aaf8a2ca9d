import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVINCE, staff } from '../pilots/pilot-client';
import {
  asAdmin,
  asRuntimeRole,
  errorCode,
  type GraphqlAgent,
  startTestApi,
  type TestApi,
} from '../support/harness';
import { attempt, verdict } from '../support/tenancy-fixtures';
import { TestClock } from '../support/test-clock';
import {
  act,
  type ApplicationView,
  draftApplication,
  provincialPilot,
  taskContract,
  transition,
  verifiedInvestment,
  type World,
  world,
  YUAN,
} from './programme-application-client';

// The awards of one programme never pass its budget, however many admins award at once: the
// award reads the programme's awarded sum under its lock, and the database checks the same sum
// under the same lock whoever writes. Of concurrent awards of one application exactly one wins.

const APPLICATIONS = 6;

describe('concurrent awards of one programme', () => {
  const clock = new TestClock(new Date('2027-06-01T10:00:00+08:00'));
  let api: TestApi;
  let w: World;
  const reviewed: ApplicationView[] = [];
  const admins: GraphqlAgent[] = [];

  beforeAll(async () => {
    api = await startTestApi({ clock });
    // ¥5,000,000 for the programme: two awards of ¥2,000,000 fit, a third does not.
    w = await world(api, clock.now(), { totalBudgetFen: YUAN(5_000_000), perProjectCapFen: YUAN(3_000_000) });
    for (let i = 0; i < APPLICATIONS; i++) {
      const pilot = await provincialPilot(w, 'SE0802');
      await verifiedInvestment(w, pilot, 3_000_000, 3_000_000);
      let a = await draftApplication(w, pilot, { requestedSupportFen: YUAN(2_000_000) });
      a = await act(w.zzOfficer, a, 'SUBMIT');
      a = await act(w.zzAdmin, a, 'RECOMMEND', { opinion: '同意推荐' });
      a = await act(w.provOfficer, a, 'ACCEPT');
      // The expert review has its own tests: here the panel's work is taken as done.
      await asAdmin((c) =>
        c.query(
          `UPDATE programme_application SET state = 'REVIEWED', review_started_at = now(), reviewed_at = now()
            WHERE id = $1`,
          [a.id],
        ),
      );
      reviewed.push({ ...a, state: 'REVIEWED' });
      admins.push((await staff(api, PROVINCE, ['PROVINCE_ADMIN'])).agent);
    }
  });

  afterAll(async () => {
    await api?.close();
  });

  it('of six admins awarding ¥2,000,000 each at once from a ¥5,000,000 programme, two succeed and the rest are refused', async () => {
    const results = await Promise.all(
      reviewed.map((a, i) =>
        transition(admins[i]!, a, 'AWARD', {
          reason: '同意立项',
          awardFen: YUAN(2_000_000),
          taskContract: taskContract(2_000_000),
        }),
      ),
    );
    const codes = results.map((r) => (r.errors ? errorCode(r) : 'AWARDED'));
    expect(codes.filter((c) => c === 'AWARDED')).toHaveLength(2);
    expect(codes.filter((c) => c !== 'AWARDED')).toEqual(
      Array(APPLICATIONS - 2).fill('PROGRAMME_BUDGET_EXCEEDED'),
    );
    const refused = results.find((r) => r.errors)!;
    expect(refused.errors?.[0]?.message).toContain('剩余预算');
    const { rows } = await asAdmin((c) =>
      c.query<{ total: string; count: string }>(
        `SELECT coalesce(sum(award_fen), 0)::text AS total, count(*)::text AS count FROM programme_application
          WHERE programme_id = $1 AND state = 'AWARDED'`,
        [w.programme.id],
      ),
    );
    expect(rows[0]).toEqual({ total: YUAN(4_000_000), count: '2' });
  });

  it('the database refuses an award past the budget whoever writes it', async () => {
    const [row] = (
      await asAdmin((c) =>
        c.query<{ id: string }>(
          `SELECT id FROM programme_application WHERE programme_id = $1 AND state = 'REVIEWED' LIMIT 1`,
          [w.programme.id],
        ),
      )
    ).rows;
    expect(row, 'an application is still waiting for its decision').toBeDefined();
    const admin = await asAdmin((c) =>
      c.query<{ id: string }>(`SELECT id FROM app_user WHERE tenant_id = $1 LIMIT 1`, [w.provinceId]),
    );
    const outcome = await asRuntimeRole(
      { tenantId: w.provinceId, userId: admin.rows[0]!.id, roles: ['PROVINCE_ADMIN'] },
      async (c) =>
        attempt(
          c,
          `UPDATE programme_application SET state = 'AWARDED', award_fen = $2, task_contract = '{}',
                  decided_at = now(), decision_reason = '直接写入' WHERE id = $1`,
          [row!.id, YUAN(2_000_000)],
        ),
    );
    expect(verdict(outcome)).toBe('error:23514');
    expect(outcome.ok ? null : outcome.constraint).toBe('programme_award_within_budget');
  });

  it('of ten identical awards of one application at once exactly one wins', async () => {
    const more = await world(api, clock.now(), {
      totalBudgetFen: YUAN(50_000_000),
      perProjectCapFen: YUAN(3_000_000),
    });
    const pilot = await provincialPilot(more, 'SE0802');
    await verifiedInvestment(more, pilot, 3_000_000, 3_000_000);
    let a = await draftApplication(more, pilot, { requestedSupportFen: YUAN(2_000_000) });
    a = await act(more.zzOfficer, a, 'SUBMIT');
    a = await act(more.zzAdmin, a, 'RECOMMEND', { opinion: '同意推荐' });
    a = await act(more.provOfficer, a, 'ACCEPT');
    await asAdmin((c) =>
      c.query(`UPDATE programme_application SET state = 'REVIEWED' WHERE id = $1`, [a.id]),
    );
    const results = await Promise.all(
      admins.concat(admins.slice(0, 4)).map((admin) =>
        transition(admin, a, 'AWARD', {
          reason: '同意立项',
          awardFen: YUAN(2_000_000),
          taskContract: taskContract(2_000_000),
        }),
      ),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(new Set(results.filter((r) => r.errors).map(errorCode))).toEqual(
      new Set(['PROGRAMME_APPLICATION_CHANGED']),
    );
  });
});
