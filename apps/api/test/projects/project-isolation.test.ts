import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { TestClock } from '../support/test-clock';
import { attempt, verdict } from '../support/tenancy-fixtures';
import { CHANGSHA, PROVINCE, staff, ZHUZHOU } from '../pilots/pilot-client';
import { contractFor, ledgerInput, openProject, programmeOf, Q, units } from './project-client';

// Who sees and touches a project and its ledger, through GraphQL and as the runtime role in SQL.
// The province's project of a 株洲 alliance: the province's staff read and act; 株洲's staff read
// it and its ledger and take only their own steps; 长沙 and every expert see nothing, answered
// exactly as a random id. 株洲's own programme's project is 株洲's: the province does not read it.

type Key =
  'provOfficer' | 'provAdmin' | 'zzOfficer' | 'zzAdmin' | 'csOfficer' | 'csAdmin' | 'provExpert' | 'zzExpert';
const KEYS: Key[] = [
  'provOfficer',
  'provAdmin',
  'zzOfficer',
  'zzAdmin',
  'csOfficer',
  'csAdmin',
  'provExpert',
  'zzExpert',
];
type Subject = 'provinceProject' | 'zhuzhouProject';
const READS: Record<Key, Subject[]> = {
  provOfficer: ['provinceProject'],
  provAdmin: ['provinceProject'],
  zzOfficer: ['provinceProject', 'zhuzhouProject'],
  zzAdmin: ['provinceProject', 'zhuzhouProject'],
  csOfficer: [],
  csAdmin: [],
  provExpert: [],
  zzExpert: [],
};
const AWARD = '100000000';

describe('project and ledger isolation', () => {
  const clock = new TestClock(new Date('2027-09-15T10:00:00+08:00'));
  let api: TestApi;
  const agents = {} as Record<Key, GraphqlAgent>;
  const users = {} as Record<Key, TestUser>;
  const projects = {} as Record<Subject, { id: string; version: number }>;
  const identity = (key: Key) => ({
    tenantId: users[key].tenantId,
    userId: users[key].id,
    roles: users[key].roles,
  });
  const isExpert = (key: Key) => key.endsWith('Expert');

  beforeAll(async () => {
    api = await startTestApi({ clock });
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
    for (const [key, code] of [
      ['provExpert', PROVINCE],
      ['zzExpert', ZHUZHOU],
    ] as const) {
      users[key] = await createUser(code, ['EXPERT'], 'x');
      agents[key] = await signedInAgent(api, users[key]);
    }
    const { chair, partner } = await units(ZHUZHOU);
    projects.provinceProject = await openProject(api, users.provAdmin, {
      programmeId: await programmeOf(PROVINCE),
      allianceTenantId: users.zzOfficer.tenantId,
      awardFen: AWARD,
      contract: contractFor(chair, partner, AWARD),
    });
    projects.zhuzhouProject = await openProject(api, users.zzAdmin, {
      programmeId: await programmeOf(ZHUZHOU),
      allianceTenantId: users.zzOfficer.tenantId,
      awardFen: AWARD,
      contract: contractFor(chair, partner, AWARD, 'CITY'),
    });
    dataOf(
      await agents.provOfficer.send(Q.disburse, { input: ledgerInput(projects.provinceProject.id, '1000') }),
    );
    dataOf(
      await agents.zzOfficer.send(Q.disburse, { input: ledgerInput(projects.zhuzhouProject.id, '1000') }),
    );
  });

  afterAll(async () => {
    await api?.close();
  });

  it.each(KEYS)('%s reads exactly its projects, by id, in the list and in SQL', async (key) => {
    for (const subject of ['provinceProject', 'zhuzhouProject'] as Subject[]) {
      const id = projects[subject].id;
      const named = await agents[key].send(Q.project, { id });
      if (READS[key].includes(subject)) {
        expect(dataOf(named)).toMatchObject({ project: { id } });
      } else {
        const random = await agents[key].send(Q.project, { id: randomUUID() });
        expect(errorShape(named), key).toEqual(errorShape(random));
        expect(named.errors?.[0]?.extensions?.code).toBe(isExpert(key) ? 'FORBIDDEN' : 'NOT_FOUND');
      }
    }
    const list = await agents[key].send<{ projects: { items: { id: string }[] } }>(Q.projects, {
      filter: { first: 100, offset: 0 },
    });
    if (isExpert(key)) expect(list.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    else {
      const ours = new Set(Object.values(projects).map((p) => p.id));
      const seen = dataOf(list)
        .projects.items.filter((p) => ours.has(p.id))
        .map((p) => p.id)
        .sort();
      expect(seen).toEqual(READS[key].map((s) => projects[s].id).sort());
    }
    const sql = await asRuntimeRole(identity(key), async (c) => ({
      projects: (
        await c.query<{ id: string }>('SELECT id FROM project WHERE id = ANY ($1::uuid[])', [
          Object.values(projects).map((p) => p.id),
        ])
      ).rows
        .map((r) => r.id)
        .sort(),
      entries: (
        await c.query('SELECT 1 FROM project_ledger_entry WHERE project_id = ANY ($1::uuid[])', [
          Object.values(projects).map((p) => p.id),
        ])
      ).rowCount,
    }));
    expect(sql).toEqual({
      projects: READS[key].map((s) => projects[s].id).sort(),
      entries: READS[key].length,
    });
  });

  it('the alliance’s city neither pays, changes the contract or award, nor decides; 长沙 touches nothing', async () => {
    const id = projects.provinceProject.id;
    const pay = await agents.zzAdmin.send(Q.disburse, { input: ledgerInput(id, '1') });
    expect(pay.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const outcome = await asRuntimeRole(identity('zzAdmin'), async (c) => ({
      contract: verdict(
        await attempt(c, `UPDATE project SET dossier = dossier || '{"targets":"改"}' WHERE id = $1`, [id]),
      ),
      decide: verdict(await attempt(c, `UPDATE project SET state = 'COMPLETED' WHERE id = $1`, [id])),
      award: verdict(await attempt(c, `UPDATE project SET award_fen = award_fen + 1 WHERE id = $1`, [id])),
      // The acceptance request is written by the step that makes it, never on its own.
      acceptance: verdict(
        await attempt(c, `UPDATE project SET acceptance = '{"finalReport":"改"}' WHERE id = $1`, [id]),
      ),
      insert: verdict(
        await attempt(
          c,
          `INSERT INTO project (tenant_id, alliance_tenant_id, programme_id, application_id, alliance_id, title, award_fen,
                                support_source, awarded_on, dossier)
           SELECT tenant_id, alliance_tenant_id, programme_id, gen_random_uuid(), alliance_id, title, award_fen,
                  support_source, awarded_on, dossier FROM project WHERE id = $1`,
          [id],
        ),
      ),
      delete: verdict(await attempt(c, `DELETE FROM project WHERE id = $1`, [id])),
    }));
    expect(outcome).toEqual({
      contract: 'denied',
      decide: 'denied',
      award: 'denied',
      acceptance: 'denied',
      insert: 'denied',
      delete: 'denied',
    });
    const cs = await asRuntimeRole(identity('csAdmin'), async (c) => ({
      update: verdict(await attempt(c, `UPDATE project SET last_reason = '长沙' WHERE id = $1`, [id])),
      entry: verdict(
        await attempt(
          c,
          `INSERT INTO project_ledger_entry (tenant_id, project_id, kind, amount_fen, entry_on, document_number)
           VALUES ($1, $2, 'DISBURSEMENT', 1, '2027-09-15', '冒名')`,
          [users.provAdmin.tenantId, id],
        ),
      ),
    }));
    expect(cs).toEqual({ update: 'rows:0', entry: 'denied' });
    const transition = await agents.csAdmin.send(Q.transition, {
      input: { id, version: 1, action: 'TERMINATE', text: '越权' },
    });
    expect(transition.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
