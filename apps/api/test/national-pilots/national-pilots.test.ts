import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANGSHA, PROVINCE, staff, ZHUZHOU } from '../pilots/pilot-client';
import { AdminDb } from '../support/admin-db';
import {
  asRuntimeRole,
  createUser,
  errorCode,
  type GraphqlAgent,
  signedInAgent,
  startTestApi,
  type TestApi,
  type TestUser,
} from '../support/harness';
import { dataOf, expectBadInput, expectRefused, FILES, RegisterClient, uniqueName } from '../support/register-client';
import { attempt, verdict } from '../support/tenancy-fixtures';
import { TestClock } from '../support/test-clock';
import { documentNumber, list, NP, record, recorded, sentToProvince, withdraw } from './national-pilot-client';

// The national pilot list (国家级试点联盟): the province's administrators record the Ministry's
// designations and withdraw them, with a reason and history kept, each audited; every tier reads
// the list (it is published, like the debarment register); nobody else writes it, through GraphQL
// or as the runtime role in SQL.

describe('national pilot designations', () => {
  const clock = new TestClock(new Date('2027-06-01T10:00:00+08:00'));
  let api: TestApi;
  let db: AdminDb;
  const agents: Record<string, GraphqlAgent> = {};
  const users: Record<string, TestUser> = {};
  const identity = (key: string, roles?: string[]) => ({
    tenantId: users[key]!.tenantId,
    userId: users[key]!.id,
    roles: roles ?? users[key]!.roles,
  });
  const alliance = async (key = 'zzOfficer') => {
    const registered = await new RegisterClient(agents[key]!).registerAlliance({ name: uniqueName('国家试点测试联盟') });
    await sentToProvince(db, registered.id, users.provAdmin!.tenantId);
    return registered;
  };

  beforeAll(async () => {
    api = await startTestApi({ clock });
    db = await AdminDb.open();
    for (const [key, code, roles] of [
      ['provAdmin', PROVINCE, ['PROVINCE_ADMIN']],
      ['provOfficer', PROVINCE, ['PROVINCE_OFFICER']],
      ['zzOfficer', ZHUZHOU, ['CITY_OFFICER']],
      ['zzAdmin', ZHUZHOU, ['CITY_ADMIN']],
      ['csOfficer', CHANGSHA, ['CITY_OFFICER']],
    ] as const) {
      const s = await staff(api, code, [...roles]);
      agents[key] = s.agent;
      users[key] = s.user;
    }
    users.expert = await createUser(PROVINCE, ['EXPERT'], 'x');
    agents.expert = await signedInAgent(api, users.expert);
  });

  afterAll(async () => {
    await db?.close();
    await api?.close();
  });

  it("the province's administrator records a 株洲 alliance's designation with its document; every tier reads it; audited", async () => {
    const a = await alliance();
    const scan = await agents
      .provAdmin!.raw()
      .post('/api/national-pilots/documents')
      .set('x-xiangmeng-request', '1')
      .attach('file', FILES.pdf(), '国科发创认定通知.pdf');
    expect(scan.status, JSON.stringify(scan.body)).toBe(201);
    const documentId = (scan.body as { id: string }).id;
    const mark = await db.auditMark();
    const number = documentNumber();
    const d = await recorded(agents.provAdmin!, {
      allianceId: a.id,
      documentNumber: ` ${number} `,
      designatedOn: '2027-05-20',
      documentId,
    });
    expect(d).toMatchObject({
      allianceId: a.id,
      allianceName: a.name,
      allianceTenantName: '株洲市',
      documentNumber: number,
      designatedOn: '2027-05-20',
      documentId,
      documentFileName: '国科发创认定通知.pdf',
      withdrawal: null,
      inForce: true,
      isMine: true,
      tag: `国家级试点（${number}，2027-05-20认定）`,
    });
    const events = await db.auditSince(mark);
    expect(events.map((e) => [e.action, e.subject_id, e.actor_user_id])).toEqual([
      ['national_pilot.record', d.id, users.provAdmin!.id],
    ]);
    expect(events[0]!.after).toMatchObject({ allianceId: a.id, documentNumber: number, designatedOn: '2027-05-20' });

    // Published: each tier (and an expert) reads it; the province's file stays the province's.
    for (const key of ['provOfficer', 'zzOfficer', 'zzAdmin', 'csOfficer', 'expert']) {
      const province = key === 'provOfficer';
      const seen = await list(agents[key]!, { allianceId: a.id });
      expect(seen, key).toEqual([
        expect.objectContaining({
          id: d.id,
          allianceName: a.name,
          documentNumber: number,
          inForce: true,
          isMine: province,
          documentId: province ? documentId : null,
          documentFileName: province ? '国科发创认定通知.pdf' : null,
        }),
      ]);
    }
    expect((await list(agents.csOfficer!, { inForce: true })).map((x) => x.id)).toContain(d.id);
    // The alliance's home bureau sees the tag on its alliance.
    const own = dataOf(
      await agents.zzOfficer!.send<{ alliance: { nationalPilot: { id: string; tag: string } | null } }>(NP.alliance, {
        id: a.id,
      }),
    ).alliance;
    expect(own.nationalPilot).toMatchObject({ id: d.id, tag: d.tag });
  });

  it('withdrawal takes a reason, takes effect today, is kept as history and audited; it happens once', async () => {
    const a = await alliance();
    const d = await recorded(agents.provAdmin!, { allianceId: a.id });
    expectBadInput(await withdraw(agents.provAdmin!, d.id, '  '), 'reason', 'REQUIRED');

    const mark = await db.auditMark();
    const w = dataOf(await withdraw(agents.provAdmin!, d.id, '科技部调整试点名单')).withdrawNationalPilot;
    expect(w).toMatchObject({
      id: d.id,
      inForce: false,
      withdrawal: { on: '2027-06-01', reason: '科技部调整试点名单' },
    });
    const events = await db.auditSince(mark);
    expect(events.map((e) => [e.action, e.subject_id, e.actor_user_id])).toEqual([
      ['national_pilot.withdraw', d.id, users.provAdmin!.id],
    ]);
    expect(events[0]!.before).toEqual({ withdrawal: null });

    const again = await withdraw(agents.provAdmin!, d.id);
    expectRefused(again, 'NATIONAL_PILOT_ALREADY_WITHDRAWN');

    const view = dataOf(
      await agents.zzOfficer!.send<{
        alliance: { nationalPilot: unknown; nationalPilotHistory: { id: string }[] };
      }>(NP.alliance, { id: a.id }),
    ).alliance;
    expect(view.nationalPilot).toBeNull();
    expect(view.nationalPilotHistory.map((x) => x.id)).toEqual([d.id]);
    expect(await list(agents.csOfficer!, { allianceId: a.id, inForce: true })).toEqual([]);

    // Designated anew after the withdrawal: the history keeps both.
    const anew = await recorded(agents.provAdmin!, { allianceId: a.id, designatedOn: '2027-06-01' });
    expect((await list(agents.zzOfficer!, { allianceId: a.id })).map((x) => [x.id, x.inForce])).toEqual([
      [anew.id, true],
      [d.id, false],
    ]);
  });

  it("only the province's administrators record or withdraw, through GraphQL", async () => {
    const a = await alliance();
    const d = await recorded(agents.provAdmin!, { allianceId: a.id });
    for (const key of ['provOfficer', 'zzAdmin', 'zzOfficer', 'csOfficer', 'expert']) {
      expect(errorCode(await record(agents[key]!, { allianceId: a.id })), key).toBe('FORBIDDEN');
      expect(errorCode(await withdraw(agents[key]!, d.id)), key).toBe('FORBIDDEN');
    }
    const upload = await agents
      .zzAdmin!.raw()
      .post('/api/national-pilots/documents')
      .set('x-xiangmeng-request', '1')
      .attach('file', FILES.pdf(), '认定通知.pdf');
    expect(upload.status).toBe(403);
    expect(await list(agents.provOfficer!, { allianceId: a.id })).toEqual([
      expect.objectContaining({ id: d.id, withdrawal: null }),
    ]);
  });

  describe('as the runtime role in SQL', () => {
    const columns = `tenant_id, alliance_tenant_id, alliance_id, alliance_name, document_number, designated_on, recorded_by`;
    const insert = (c: Parameters<typeof attempt>[0], tenantId: string, allianceTenantId: string, by: string) =>
      attempt(
        c,
        `INSERT INTO national_pilot_designation (${columns}) VALUES ($1, $2, $3, '国家试点测试联盟', $4, '2027-05-01', $5)`,
        [tenantId, allianceTenantId, randomUUID(), documentNumber(), by],
      );
    let row: { id: string; tenant_id: string };

    beforeAll(async () => {
      const a = await alliance();
      const d = await recorded(agents.provAdmin!, { allianceId: a.id });
      row = { id: d.id, tenant_id: users.provAdmin!.tenantId };
    });

    it.each([
      ['株洲 CITY_ADMIN, in its own tenant', 'zzAdmin', undefined, 'own'],
      ['株洲 CITY_ADMIN, as the province', 'zzAdmin', undefined, 'province'],
      ['株洲 CITY_ADMIN claiming PROVINCE_ADMIN in app.roles', 'zzAdmin', ['PROVINCE_ADMIN'], 'own'],
      ['长沙 CITY_OFFICER', 'csOfficer', undefined, 'own'],
      ['湖南省 PROVINCE_OFFICER', 'provOfficer', undefined, 'province'],
    ])('%s cannot insert, update, delete or truncate', async (_name, key, roles, target) => {
      const me = identity(key, roles);
      const observed = await asRuntimeRole(me, async (c) => ({
        insert: verdict(await insert(c, target === 'own' ? me.tenantId : row.tenant_id, me.tenantId, me.userId)),
        withdraw: verdict(
          await attempt(
            c,
            `UPDATE national_pilot_designation SET withdrawn_on = '2027-06-01', withdrawal_reason = 'x',
                    withdrawn_at = now(), withdrawn_by = $2 WHERE id = $1`,
            [row.id, me.userId],
          ),
        ),
        moveToOwn: verdict(
          await attempt(c, `UPDATE national_pilot_designation SET tenant_id = $2 WHERE id = $1`, [row.id, me.tenantId]),
        ),
        delete: verdict(await attempt(c, `DELETE FROM national_pilot_designation WHERE id = $1`, [row.id])),
        truncate: verdict(await attempt(c, `TRUNCATE national_pilot_designation`)),
        read: verdict(await attempt(c, `SELECT 1 FROM national_pilot_designation WHERE id = $1`, [row.id])),
      }));
      expect(observed).toEqual({
        insert: 'denied',
        withdraw: 'rows:0',
        moveToOwn: expect.stringMatching(/^(denied|rows:0)$/) as unknown,
        delete: 'denied',
        truncate: 'denied',
        // The list is published: reading it is every tier's.
        read: 'rows:1',
      });
      expect((await list(agents.provOfficer!, {})).find((d) => d.id === row.id)?.withdrawal).toBeNull();
    });

    it("the province's administrator inserts and withdraws, but deletes nothing and changes nothing else", async () => {
      const me = identity('provAdmin');
      const observed = await asRuntimeRole(me, async (c) => ({
        insert: verdict(await insert(c, me.tenantId, users.zzOfficer!.tenantId, me.userId)),
        renumber: verdict(
          await attempt(c, `UPDATE national_pilot_designation SET document_number = 'x' WHERE id = $1`, [row.id]),
        ),
        withdraw: verdict(
          await attempt(
            c,
            `UPDATE national_pilot_designation SET withdrawn_on = '2027-06-01', withdrawal_reason = '测试',
                    withdrawn_at = now(), withdrawn_by = $2 WHERE id = $1`,
            [row.id, me.userId],
          ),
        ),
        delete: verdict(await attempt(c, `DELETE FROM national_pilot_designation WHERE id = $1`, [row.id])),
      }));
      // Everything rolls back with the transaction.
      expect(observed).toEqual({ insert: 'rows:1', renumber: 'denied', withdraw: 'rows:1', delete: 'denied' });
    });

    it('no tenant set reads nothing', async () => {
      const n = await asRuntimeRole({ tenantId: null }, async (c) =>
        verdict(await attempt(c, `SELECT 1 FROM national_pilot_designation WHERE id = $1`, [row.id])),
      );
      expect(n).toBe('rows:0');
    });
  });
});
