import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANGSHA, PROVINCE, staff, ZHUZHOU } from '../pilots/pilot-client';
import {
  asRuntimeRole,
  createUser,
  type GraphqlAgent,
  signedInAgent,
  startTestApi,
  type TestApi,
  type TestUser,
} from '../support/harness';
import { dataOf, errorShape } from '../support/register-client';
import { attempt, verdict } from '../support/tenancy-fixtures';
import { TestClock } from '../support/test-clock';
import {
  act,
  type ApplicationView,
  draftApplication,
  type InvestmentView,
  PA,
  type Pilot,
  provincialPilot,
  verifiedInvestment,
  type World,
  world,
} from './programme-application-client';

// Who reads and writes programme applications, their documents and prior investment: through
// GraphQL (a refusal answers exactly as a random id does) and as the runtime role in SQL. The
// home bureau's staff keep their own; the authority reads an application once it was
// recommended and the investments declared to it; another city and an unseated expert read none.

type Key = 'provOfficer' | 'provAdmin' | 'zzOfficer' | 'zzAdmin' | 'csOfficer' | 'csAdmin' | 'provExpert';
const KEYS: Key[] = [
  'provOfficer',
  'provAdmin',
  'zzOfficer',
  'zzAdmin',
  'csOfficer',
  'csAdmin',
  'provExpert',
];
type Subject = 'draft' | 'recommended';
const APPLICATION_READS: Record<Key, Subject[]> = {
  provOfficer: ['recommended'],
  provAdmin: ['recommended'],
  zzOfficer: ['draft', 'recommended'],
  zzAdmin: ['draft', 'recommended'],
  csOfficer: [],
  csAdmin: [],
  provExpert: [],
};
const INVESTMENT_READS: Record<Key, boolean> = {
  provOfficer: true,
  provAdmin: true,
  zzOfficer: true,
  zzAdmin: true,
  csOfficer: false,
  csAdmin: false,
  provExpert: false,
};

describe('programme application isolation', () => {
  const clock = new TestClock(new Date('2027-06-01T10:00:00+08:00'));
  let api: TestApi;
  let w: World;
  let pilot: Pilot;
  const agents = {} as Record<Key, GraphqlAgent>;
  const users = {} as Record<Key, TestUser>;
  const applications = {} as Record<Subject, ApplicationView>;
  let investment: InvestmentView;
  const identity = (key: Key) => ({
    tenantId: users[key].tenantId,
    userId: users[key].id,
    roles: users[key].roles,
  });

  beforeAll(async () => {
    api = await startTestApi({ clock });
    w = await world(api, clock.now());
    for (const [key, code, roles] of [
      ['provOfficer', PROVINCE, ['PROVINCE_OFFICER']],
      ['provAdmin', PROVINCE, ['PROVINCE_ADMIN']],
      ['zzOfficer', ZHUZHOU, ['CITY_OFFICER']],
      ['zzAdmin', ZHUZHOU, ['CITY_ADMIN']],
      ['csOfficer', CHANGSHA, ['CITY_OFFICER']],
      ['csAdmin', CHANGSHA, ['CITY_ADMIN']],
    ] as const) {
      const s = await staff(api, code, [...roles]);
      agents[key] = s.agent;
      users[key] = s.user;
    }
    users.provExpert = await createUser(PROVINCE, ['EXPERT'], 'x');
    agents.provExpert = await signedInAgent(api, users.provExpert);
    pilot = await provincialPilot(w, 'SE0201');
    investment = await verifiedInvestment(w, pilot, 5_000_000, null);
    const second = await provincialPilot(w, 'SE0201');
    await verifiedInvestment(w, second, 5_000_000, 5_000_000);
    applications.draft = await draftApplication(w, pilot);
    let a = await draftApplication(w, second);
    a = await act(w.zzOfficer, a, 'SUBMIT');
    applications.recommended = await act(w.zzAdmin, a, 'RECOMMEND', { opinion: '同意推荐' });
  });

  afterAll(async () => {
    await api?.close();
  });

  it.each(KEYS)(
    '%s reads exactly its applications in GraphQL; the others answer as a random id',
    async (key) => {
      for (const subject of ['draft', 'recommended'] as const) {
        const id = applications[subject].id;
        const named = await agents[key].send<{ programmeApplication: ApplicationView }>(PA.application, {
          id,
        });
        if (APPLICATION_READS[key].includes(subject)) {
          expect(dataOf(named).programmeApplication.id).toBe(id);
          // The documents follow the application.
          expect(dataOf(named).programmeApplication.documents.length).toBeGreaterThan(0);
        } else {
          const random = await agents[key].send(PA.application, { id: randomUUID() });
          expect(errorShape(named), `${key} ${subject}`).toEqual(errorShape(random));
        }
      }
      const list = await agents[key].send<{ programmeApplications: { items: { id: string }[] } }>(
        PA.applications,
        { filter: { scope: 'ALL', first: 100, offset: 0 } },
      );
      if (key === 'provExpert') {
        expect(dataOf(list).programmeApplications.items).toEqual([]);
        return;
      }
      const ours = new Set([applications.draft.id, applications.recommended.id]);
      const seen = dataOf(list)
        .programmeApplications.items.filter((i) => ours.has(i.id))
        .map((i) => i.id)
        .sort();
      expect(seen).toEqual(APPLICATION_READS[key].map((s) => applications[s].id).sort());
    },
  );

  it.each(KEYS)('%s reads exactly its rows of every new table as the runtime role in SQL', async (key) => {
    const seen = await asRuntimeRole(identity(key), async (c) => {
      const ids = [applications.draft.id, applications.recommended.id];
      const apps = await c.query<{ id: string }>(
        'SELECT id FROM programme_application WHERE id = ANY ($1::uuid[])',
        [ids],
      );
      const docs = await c.query<{ application_id: string }>(
        'SELECT DISTINCT application_id FROM programme_application_document WHERE application_id = ANY ($1::uuid[])',
        [ids],
      );
      const inv = await c.query('SELECT id FROM prior_investment WHERE id = $1', [investment.id]);
      const evidence = await c.query('SELECT 1 FROM prior_investment_document WHERE investment_id = $1', [
        investment.id,
      ]);
      return {
        apps: apps.rows.map((r) => r.id).sort(),
        docs: docs.rows.map((r) => r.application_id).sort(),
        investment: inv.rowCount === 1,
        evidence: (evidence.rowCount ?? 0) > 0,
      };
    });
    const expected = APPLICATION_READS[key].map((s) => applications[s].id).sort();
    expect(seen).toEqual({
      apps: expected,
      docs: expected,
      investment: INVESTMENT_READS[key],
      evidence: INVESTMENT_READS[key],
    });
  });

  it.each(KEYS)('%s reads the prior investment in GraphQL only where the database lets it', async (key) => {
    const res = await agents[key].send<{ priorInvestments: { id: string }[] }>(PA.investments, {});
    if (key === 'provExpert') {
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      return;
    }
    expect(dataOf(res).priorInvestments.some((i) => i.id === investment.id)).toBe(INVESTMENT_READS[key]);
  });

  it('no other tier writes them: updates touch nothing, deletes and column changes are refused', async () => {
    for (const key of ['csOfficer', 'csAdmin', 'provExpert'] as const) {
      const outcome = await asRuntimeRole(identity(key), async (c) => ({
        app: verdict(
          await attempt(c, `UPDATE programme_application SET state = 'AWARDED' WHERE id = $1`, [
            applications.recommended.id,
          ]),
        ),
        verify: verdict(
          await attempt(
            c,
            `UPDATE prior_investment SET verified_fen = 1, verified_on = current_date, verified_at = now(),
                    verified_by = $2, verification_reason = '核减' WHERE id = $1`,
            [investment.id, users[key].id],
          ),
        ),
      }));
      expect(outcome, key).toEqual({ app: 'rows:0', verify: 'rows:0' });
    }
    // The province acts on the draft of 株洲 no more than anyone else: it is not sent up.
    const prov = await asRuntimeRole(identity('provAdmin'), async (c) =>
      verdict(
        await attempt(c, `UPDATE programme_application SET last_reason = 'x' WHERE id = $1`, [
          applications.draft.id,
        ]),
      ),
    );
    expect(prov).toBe('rows:0');
  });

  it('the runtime role cannot get around the rules: no delete, no change to a declaration, verification once', async () => {
    const outcome = await asRuntimeRole(identity('zzOfficer'), async (c) => ({
      deleteInvestment: verdict(
        await attempt(c, `DELETE FROM prior_investment WHERE id = $1`, [investment.id]),
      ),
      deleteApplication: verdict(
        await attempt(c, `DELETE FROM programme_application WHERE id = $1`, [applications.draft.id]),
      ),
      raiseDeclared: verdict(
        await attempt(c, `UPDATE prior_investment SET declared_fen = 900000000 WHERE id = $1`, [
          investment.id,
        ]),
      ),
      selfVerify: verdict(
        await attempt(
          c,
          `UPDATE prior_investment SET verified_fen = declared_fen, verified_on = current_date, verified_at = now(),
                  verified_by = $2 WHERE id = $1`,
          [investment.id, users.zzOfficer.id],
        ),
      ),
      rowSecurityOff: verdict(
        await attempt(c, `SET row_security = off; SELECT 1 FROM programme_application`),
      ),
    }));
    expect(outcome).toEqual({
      deleteInvestment: 'denied',
      deleteApplication: 'denied',
      raiseDeclared: 'denied',
      // 株洲 may not verify what it declared to the province: its own policy refuses the verified row.
      selfVerify: 'denied',
      // With row security off, a statement that policies would filter is refused, not unfiltered.
      rowSecurityOff: 'denied',
    });
    const twice = await asRuntimeRole(identity('provOfficer'), async (c) => {
      const first = verdict(
        await attempt(
          c,
          `UPDATE prior_investment SET verified_fen = declared_fen, verified_on = current_date, verified_at = now(),
                  verified_by = $2 WHERE id = $1`,
          [investment.id, users.provOfficer.id],
        ),
      );
      const second = verdict(
        await attempt(
          c,
          `UPDATE prior_investment SET verified_fen = 1, verification_reason = '再核' WHERE id = $1`,
          [investment.id],
        ),
      );
      return { first, second };
    });
    expect(twice).toEqual({ first: 'rows:1', second: 'error:55000' });
  });
});
