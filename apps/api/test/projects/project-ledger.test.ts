import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from 'pg';
import {
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
import { contractFor, ledgerInput, openProject, programmeOf, Q, readProject, units } from './project-client';

// The money ledger (Art. 14): tranches never take disbursements past the award, recoveries never
// exceed what was paid net, a frozen or ended project takes no tranche — held by the database as
// the runtime role whatever the API does, and under concurrency (the trigger locks the project).

const AWARD = '300000000'; // ¥3,000,000

describe('the project ledger', () => {
  const clock = new TestClock(new Date('2027-09-15T10:00:00+08:00'));
  let api: TestApi;
  let provOfficer: { user: TestUser; agent: GraphqlAgent };
  let provAdmin: { user: TestUser; agent: GraphqlAgent };
  let city: { user: TestUser; agent: GraphqlAgent };
  let programmeId: string;

  const identity = (u: TestUser) => ({ tenantId: u.tenantId, userId: u.id, roles: u.roles });

  const newProject = async () => {
    const { chair, partner } = await units(ZHUZHOU);
    return openProject(api, provAdmin.user, {
      programmeId,
      allianceTenantId: city.user.tenantId,
      awardFen: AWARD,
      contract: contractFor(chair, partner, AWARD),
    });
  };

  beforeAll(async () => {
    api = await startTestApi({ clock });
    provOfficer = await staff(api, PROVINCE, ['PROVINCE_OFFICER']);
    provAdmin = await staff(api, PROVINCE, ['PROVINCE_ADMIN']);
    city = await staff(api, ZHUZHOU, ['CITY_ADMIN']);
    programmeId = await programmeOf(PROVINCE);
  });

  afterAll(async () => {
    await api?.close();
  });

  it('opens a project from an award, IN_PROGRESS, read by the authority and the alliance’s city', async () => {
    const project = await newProject();
    expect(project.state).toBe('IN_PROGRESS');
    const seen = await readProject(provOfficer.agent, project.id);
    expect(seen).toMatchObject({
      state: 'IN_PROGRESS',
      awardFen: AWARD,
      supportSource: 'PROVINCIAL_SUPPORT',
    });
    expect(seen.totals).toEqual({
      awardedFen: AWARD,
      disbursedFen: '0',
      recoveredFen: '0',
      netFen: '0',
      remainingFen: AWARD,
    });
    const byCity = await readProject(city.agent, project.id);
    expect(byCity.availableActions).toEqual(expect.arrayContaining(['REQUEST_CHANGE']));
  });

  it('pays tranches up to the award and refuses the one past it, naming the rule', async () => {
    const project = await newProject();
    dataOf(await provOfficer.agent.send(Q.disburse, { input: ledgerInput(project.id, '150000000') }));
    dataOf(await provOfficer.agent.send(Q.disburse, { input: ledgerInput(project.id, '100000000') }));
    const over = await provOfficer.agent.send(Q.disburse, { input: ledgerInput(project.id, '50000001') });
    expect(over.errors?.[0]?.extensions?.code).toBe('LEDGER_ABOVE_AWARD');
    expect(over.errors?.[0]?.message).toContain('尚可拨付');
    dataOf(await provOfficer.agent.send(Q.disburse, { input: ledgerInput(project.id, '50000000') }));
    const after = await readProject(provOfficer.agent, project.id);
    expect(after.totals).toMatchObject({ disbursedFen: AWARD, remainingFen: '0' });
    // A recovery takes back at most what was paid net; it does not refill the award.
    const tooMuch = await provAdmin.agent.send(Q.recover, { input: ledgerInput(project.id, '300000001') });
    expect(tooMuch.errors?.[0]?.extensions?.code).toBe('LEDGER_ABOVE_NET_PAID');
    dataOf(await provAdmin.agent.send(Q.recover, { input: ledgerInput(project.id, '100000000') }));
    const again = await provOfficer.agent.send(Q.disburse, { input: ledgerInput(project.id, '1') });
    expect(again.errors?.[0]?.extensions?.code).toBe('LEDGER_ABOVE_AWARD');
    const totals = (await readProject(city.agent, project.id)).totals;
    expect(totals).toMatchObject({ disbursedFen: AWARD, recoveredFen: '100000000', netFen: '200000000' });
  });

  it('holds the same limits in the database as the runtime role, and never changes an entry', async () => {
    const project = await newProject();
    const insert = (kind: string, amount: string) =>
      `INSERT INTO project_ledger_entry (tenant_id, project_id, kind, amount_fen, entry_on, document_number)
       VALUES ('${provOfficer.user.tenantId}', '${project.id}', '${kind}', ${amount}, '2027-09-01', '凭证')`;
    const outcome = await asRuntimeRole(identity(provOfficer.user), async (c) => {
      const first = verdict(await attempt(c, insert('DISBURSEMENT', AWARD)));
      const over = await attempt(c, insert('DISBURSEMENT', '1'));
      const recoverOver = await attempt(c, insert('RECOVERY', '300000001'));
      const recover = verdict(await attempt(c, insert('RECOVERY', '1')));
      const update = verdict(
        await attempt(c, `UPDATE project_ledger_entry SET amount_fen = 1 WHERE project_id = $1`, [
          project.id,
        ]),
      );
      const del = verdict(
        await attempt(c, `DELETE FROM project_ledger_entry WHERE project_id = $1`, [project.id]),
      );
      const truncate = verdict(await attempt(c, `TRUNCATE project_ledger_entry`));
      const zero = verdict(await attempt(c, insert('DISBURSEMENT', '0')));
      return {
        first,
        over: verdict(over),
        recoverOver: verdict(recoverOver),
        recover,
        update,
        del,
        truncate,
        zero,
      };
    });
    expect(outcome).toEqual({
      first: 'rows:1',
      over: 'error:23514',
      recoverOver: 'error:23514',
      recover: 'rows:1',
      update: 'denied',
      del: 'denied',
      truncate: 'denied',
      zero: 'error:23514',
    });
    // The city reads the project and its ledger, and writes neither.
    const cityOutcome = await asRuntimeRole(identity(city.user), async (c) =>
      verdict(
        await attempt(
          c,
          `INSERT INTO project_ledger_entry (tenant_id, project_id, kind, amount_fen, entry_on, document_number)
           VALUES ('${provOfficer.user.tenantId}', '${project.id}', 'DISBURSEMENT', 1, '2027-09-01', '冒名')`,
        ),
      ),
    );
    expect(cityOutcome).toBe('denied');
  });

  it('refuses a budget whose lines miss the total or whose support exceeds the award, in the database', async () => {
    const project = await newProject();
    const outcome = await asRuntimeRole(identity(provAdmin.user), async (c) => ({
      missTotal: verdict(
        await attempt(
          c,
          `UPDATE project SET dossier = jsonb_set(dossier, '{budget,totalFen}', '"1"') WHERE id = $1`,
          [project.id],
        ),
      ),
      overAward: verdict(
        await attempt(
          c,
          `UPDATE project SET dossier = jsonb_set(jsonb_set(dossier, '{budget,lines,0,amountFen}', '"300000001"'),
                                               '{budget,lines,1,amountFen}', '"299999999"') WHERE id = $1`,
          [project.id],
        ),
      ),
      award: verdict(await attempt(c, `UPDATE project SET award_fen = 1 WHERE id = $1`, [project.id])),
    }));
    expect(outcome).toEqual({ missTotal: 'error:23514', overAward: 'error:23514', award: 'denied' });
  });

  it('reads balances by project, programme, city and year from the ledger, for each party what it reads', async () => {
    const own = await programmeOf(PROVINCE);
    const { chair, partner } = await units(ZHUZHOU);
    const opened = await openProject(api, provAdmin.user, {
      programmeId: own,
      allianceTenantId: city.user.tenantId,
      awardFen: AWARD,
      contract: contractFor(chair, partner, AWARD),
    });
    const second = await openProject(api, provAdmin.user, {
      programmeId: own,
      allianceTenantId: city.user.tenantId,
      awardFen: '100000000',
      contract: contractFor(chair, partner, '100000000'),
    });
    dataOf(await provOfficer.agent.send(Q.disburse, { input: ledgerInput(opened.id, '150000000') }));
    dataOf(await provOfficer.agent.send(Q.disburse, { input: ledgerInput(second.id, '20000000') }));
    dataOf(await provAdmin.agent.send(Q.recover, { input: ledgerInput(second.id, '5000000') }));
    type Balance = {
      key: string;
      awardedFen: string;
      disbursedFen: string;
      recoveredFen: string;
      netFen: string;
    };
    const balances = async (agent: GraphqlAgent, by: string, filter: Record<string, unknown>) =>
      dataOf(await agent.send<{ ledgerBalances: Balance[] }>(Q.balances, { by, filter })).ledgerBalances;
    const programme = {
      key: own,
      awardedFen: '400000000',
      disbursedFen: '170000000',
      recoveredFen: '5000000',
      netFen: '165000000',
    };
    expect(await balances(provOfficer.agent, 'PROGRAMME', { programmeId: own })).toEqual([programme]);
    expect(await balances(city.agent, 'PROGRAMME', { programmeId: own })).toEqual([programme]);
    expect(await balances(provOfficer.agent, 'CITY', { programmeId: own })).toEqual([
      { ...programme, key: ZHUZHOU },
    ]);
    expect(await balances(provOfficer.agent, 'YEAR', { programmeId: own })).toEqual([
      { ...programme, key: '2027' },
    ]);
    expect(await balances(provOfficer.agent, 'YEAR', { programmeId: own, year: 2028 })).toEqual([]);
    expect(
      (await balances(provOfficer.agent, 'PROJECT', { programmeId: own }))
        .map((b) => [b.key, b.netFen])
        .sort(),
    ).toEqual(
      [
        [opened.id, '150000000'],
        [second.id, '15000000'],
      ].sort(),
    );
    const bad = await provOfficer.agent.send(Q.balances, { by: 'MONTH', filter: {} });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const { projects } = dataOf(
      await city.agent.send<{ projects: { totalCount: number; items: { id: string }[] } }>(Q.projects, {
        filter: {
          programmeId: own,
          cityCode: ZHUZHOU,
          year: 2027,
          state: 'IN_PROGRESS',
          first: 1,
          offset: 0,
        },
      }),
    );
    expect(projects.totalCount).toBe(2);
    expect(projects.items).toHaveLength(1);
  });

  it('50 concurrent tranches from 50 connections never exceed the award: exactly the ones that fit succeed', async () => {
    const project = await newProject();
    // ¥3,000,000 in tranches of ¥70,000: 42 fit (¥2,940,000), 8 are refused.
    const tranche = 7_000_000n;
    const fits = Number(BigInt(AWARD) / tranche);
    const clients = await Promise.all(
      Array.from({ length: 50 }, async () => {
        const c = new Client({ connectionString: databaseUrls().appUrl });
        await c.connect();
        return c;
      }),
    );
    try {
      const results = await Promise.all(
        clients.map(async (c) => {
          await c.query('BEGIN');
          await c.query(
            `SELECT set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true), set_config('app.roles', $3, true)`,
            [provOfficer.user.tenantId, provOfficer.user.id, provOfficer.user.roles.join(',')],
          );
          try {
            await c.query(
              `INSERT INTO project_ledger_entry (tenant_id, project_id, kind, amount_fen, entry_on, document_number)
               VALUES ($1, $2, 'DISBURSEMENT', $3, '2027-09-01', '并发拨付')`,
              [provOfficer.user.tenantId, project.id, tranche.toString()],
            );
            await c.query('COMMIT');
            return 'ok';
          } catch (error) {
            await c.query('ROLLBACK');
            const e = error as { code?: string; hint?: string };
            return `${e.code}:${e.hint}`;
          }
        }),
      );
      expect(results.filter((r) => r === 'ok')).toHaveLength(fits);
      expect(new Set(results.filter((r) => r !== 'ok'))).toEqual(new Set(['23514:ABOVE_AWARD']));
    } finally {
      await Promise.all(clients.map((c) => c.end()));
    }
    const totals = (await readProject(provOfficer.agent, project.id)).totals;
    expect(totals.disbursedFen).toBe((tranche * BigInt(fits)).toString());
  });

  it('50 concurrent disbursements through GraphQL: exactly the ones that fit succeed, the rest LEDGER_ABOVE_AWARD', async () => {
    const project = await newProject();
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        provOfficer.agent.send(Q.disburse, { input: ledgerInput(project.id, '7000000') }),
      ),
    );
    const ok = results.filter((r) => !r.errors).length;
    const codes = new Set(results.flatMap((r) => (r.errors ?? []).map((e) => e.extensions?.code)));
    expect(ok).toBe(42);
    // SERVICE_BUSY would be a refusal of the pool, not of the ledger: none expected at this load.
    expect(codes).toEqual(new Set(['LEDGER_ABOVE_AWARD']));
    expect((await readProject(provOfficer.agent, project.id)).totals.disbursedFen).toBe('294000000');
  });
});
