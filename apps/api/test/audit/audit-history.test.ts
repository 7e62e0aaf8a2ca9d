import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Fixtures, type PilotApplication } from '../pilots/db-fixtures';
import { withTamperedChain } from '../support/audit-chain';
import {
  asAdmin,
  createUser,
  type GraphqlAgent,
  type GraphqlResponse,
  signedInAgent,
  startTestApi,
  type TestApi,
  type TestUser,
} from '../support/harness';
import { binaryBody, dataOf } from '../support/register-client';

// 办理记录 and 审计日志 through the real API. A record's history is read by exactly those who may
// read the record (its home city's staff; the authority's staff once it was sent upward), never by
// another city or an expert, and answers NOT_FOUND exactly like a random id. The admin page reads
// only its own tenant's chain, in keyset pages, and verifies the chain a bounded window at a time.

const PROVINCE = '430000';
const ZHUZHOU = '430200';
const CHANGSHA = '430100';
// The tampered chain: the append-only test only appends here, and every tamper is put back.
const TAMPER_TENANT = '430800';

const HISTORY = `query ($type: String!, $id: ID!, $first: Int, $after: String) {
  recordHistory(subjectType: $type, subjectId: $id, first: $first, after: $after) {
    events { occurredAt seq actorName tenantName action actionLabel changes { field label before after } }
    endCursor hasNextPage } }`;
const EVENTS = `query ($filter: AuditEventFilterInput, $first: Int, $after: String) {
  auditEvents(filter: $filter, first: $first, after: $after) {
    events { seq occurredAt actorName action actionLabel subjectType subjectLabel subjectId changes { label before after } }
    endCursor hasNextPage } }`;
const STATUS = `query ($from: String) { auditChainStatus(fromSeq: $from) {
  verdict headSeq checkedFrom verifiedUpTo brokenSeq brokenReason brokenReasonLabel brokenActionLabel windowSize } }`;

type HistoryPage = {
  events: {
    seq: string;
    actorName: string | null;
    tenantName: string | null;
    action: string;
    actionLabel: string;
    changes: { field: string; label: string; before: string | null; after: string | null }[];
  }[];
  endCursor: string | null;
  hasNextPage: boolean;
};
type EventsPage = {
  events: {
    seq: string;
    action: string;
    actionLabel: string;
    subjectType: string;
    subjectId: string | null;
  }[];
  endCursor: string | null;
  hasNextPage: boolean;
};
type ChainStatus = {
  verdict: string;
  headSeq: string | null;
  verifiedUpTo: string | null;
  brokenSeq: string | null;
  brokenReason: string | null;
  brokenReasonLabel: string | null;
  brokenActionLabel: string | null;
  windowSize: number;
};

function code(res: GraphqlResponse<unknown>): unknown {
  return res.errors?.[0]?.extensions?.code;
}

function violations(res: GraphqlResponse<unknown>): [string, string][] {
  const list = (res.errors?.[0]?.extensions?.violations ?? []) as { field: string; rule: string }[];
  return list.map((v) => [v.field, v.rule]);
}

describe('audit history (办理记录) and the audit log page', () => {
  let api: TestApi;
  let fx: Fixtures;
  const users: Record<string, TestUser> = {};
  const agents: Record<string, GraphqlAgent> = {};
  let draft: PilotApplication;
  let sent: PilotApplication;
  let alliance: { id: string; name: string };
  const as = (key: string) => agents[key]!;

  /** An event in `user`'s chain, through audit_append (the chain stays whole). */
  let appendedAt = 0;
  async function append(
    user: TestUser,
    action: string,
    type: string,
    id: string,
    before: unknown,
    after: unknown,
  ) {
    // Each event at least a millisecond after the one before (times are kept to the millisecond):
    // two tenants' events in one millisecond have no order between them, and the tests read one.
    appendedAt = Math.max(Date.now(), appendedAt + 1);
    await fx.withIdentity(user, () =>
      fx.query('SELECT audit_append($1, $2, $3, $4::jsonb, $5::jsonb, $6)', [
        action,
        type,
        id,
        before === null ? null : JSON.stringify(before),
        JSON.stringify(after),
        new Date(appendedAt),
      ]),
    );
  }

  beforeAll(async () => {
    api = await startTestApi();
    fx = await Fixtures.open();
    for (const [key, tenant, roles] of [
      ['provOfficer', PROVINCE, ['PROVINCE_OFFICER']],
      ['provAdmin', PROVINCE, ['PROVINCE_ADMIN']],
      ['provExpert', PROVINCE, ['EXPERT']],
      ['zzOfficer', ZHUZHOU, ['CITY_OFFICER']],
      ['zzAdmin', ZHUZHOU, ['CITY_ADMIN']],
      ['csOfficer', CHANGSHA, ['CITY_OFFICER']],
      ['csAdmin', CHANGSHA, ['CITY_ADMIN']],
      ['tamperAdmin', TAMPER_TENANT, ['CITY_ADMIN']],
    ] as const) {
      users[key] = await createUser(tenant, [...roles], 'audh');
      agents[key] = await signedInAgent(api, users[key]);
    }
    const zz = users.zzOfficer!.tenantId;
    const prov = users.provOfficer!.tenantId;
    const call = await fx.call(prov, true);
    draft = await fx.application({ tenantId: zz, callId: call, authorityTenantId: prov, state: 'DRAFT' });
    sent = await fx.application({ tenantId: zz, callId: call, authorityTenantId: prov, state: 'ACCEPTED' });
    const a = await fx.alliance(zz);
    alliance = { id: a.id, name: a.name };

    await append(users.zzOfficer!, 'pilot_application.update', 'pilot_application', draft.id, null, {
      budgetFen: '100000000',
      contactName: '审计测试',
    });
    await append(
      users.zzOfficer!,
      'pilot_application.submit',
      'pilot_application',
      sent.id,
      { state: 'DRAFT' },
      {
        state: 'SUBMITTED',
      },
    );
    await append(
      users.zzAdmin!,
      'pilot_application.recommend',
      'pilot_application',
      sent.id,
      { state: 'SUBMITTED' },
      {
        state: 'RECOMMENDED',
        opinion: '同意推荐',
      },
    );
    await append(
      users.provOfficer!,
      'pilot_application.accept',
      'pilot_application',
      sent.id,
      { state: 'RECOMMENDED' },
      {
        state: 'ACCEPTED',
      },
    );
    await append(
      users.zzOfficer!,
      'alliance.update',
      'alliance',
      alliance.id,
      { name: alliance.name, status: 'FORMING', foundedOn: '2024-01-01' },
      { name: `${alliance.name}（更名）`, status: 'FORMING', foundedOn: '2024-01-01' },
    );
    // Enough events on one record for three pages.
    for (let i = 0; i < 25; i += 1) {
      await append(users.zzOfficer!, 'alliance.add_output', 'alliance', alliance.id, null, {
        year: 2025,
        quantity: i,
      });
    }
  });

  afterAll(async () => {
    await fx?.close();
    await api?.close();
  });

  async function history(
    agent: GraphqlAgent,
    type: string,
    id: string,
    first?: number,
    after?: string | null,
  ) {
    return agent.send<{ recordHistory: HistoryPage }>(HISTORY, { type, id, first, after });
  }

  it('shows a record’s events to its home city, newest first, in Chinese, with who did it', async () => {
    const page = dataOf(await history(as('zzOfficer'), 'pilot_application', sent.id)).recordHistory;
    expect(page.events.map((e) => e.actionLabel)).toEqual(['形式审查通过', '推荐', '提交']);
    const [accept, recommend] = page.events;
    expect(accept!.actorName).toBe(`测试用户${users.provOfficer!.username}`);
    expect(accept!.tenantName).toMatch(/湖南/);
    expect(recommend!.actorName).toBe(`测试用户${users.zzAdmin!.username}`);
    expect(recommend!.changes).toEqual([
      { field: 'state', label: '状态', before: '已提交推荐单位', after: '已推荐' },
      { field: 'opinion', label: '推荐意见', before: null, after: '同意推荐' },
    ]);
    const update = dataOf(await history(as('zzAdmin'), 'pilot_application', draft.id)).recordHistory
      .events[0]!;
    expect(update.actionLabel).toBe('修改试点申报');
    expect(update.changes).toContainEqual({
      field: 'budgetFen',
      label: '预算',
      before: null,
      after: '1,000,000.00 元',
    });
  });

  it('shows the province an application once it was sent upward, never a draft', async () => {
    for (const key of ['provOfficer', 'provAdmin']) {
      const page = dataOf(await history(as(key), 'pilot_application', sent.id)).recordHistory;
      expect(page.events).toHaveLength(3);
      expect(code(await history(as(key), 'pilot_application', draft.id))).toBe('NOT_FOUND');
    }
  });

  it('shows the province who edited the draft before it was sent, never what the draft said', async () => {
    const zz = users.zzOfficer!.tenantId;
    const prov = users.provOfficer!.tenantId;
    const later = await fx.application({
      tenantId: zz,
      callId: await fx.call(prov, true),
      authorityTenantId: prov,
      state: 'DRAFT',
    });
    await append(users.zzOfficer!, 'pilot_application.update', 'pilot_application', later.id, null, {
      contactName: '草稿里的联系人',
    });
    // Sent upward now (the workflow's own columns, set directly: the fixture's shortcut).
    await asAdmin((c) =>
      c.query(
        `BEGIN; SET LOCAL session_replication_role = replica;
         UPDATE pilot_application SET state = 'RECOMMENDED', submitted_at = now(), recommended_at = now()
          WHERE id = '${later.id}'; COMMIT;`,
      ),
    );
    await append(
      users.zzAdmin!,
      'pilot_application.recommend',
      'pilot_application',
      later.id,
      { state: 'SUBMITTED' },
      {
        state: 'RECOMMENDED',
        opinion: '同意推荐',
      },
    );
    const province = dataOf(await history(as('provOfficer'), 'pilot_application', later.id)).recordHistory
      .events;
    expect(province.map((e) => [e.actionLabel, e.changes.length > 0])).toEqual([
      ['推荐', true],
      ['修改试点申报', false],
    ]);
    const home = dataOf(await history(as('zzOfficer'), 'pilot_application', later.id)).recordHistory.events;
    expect(home[1]!.changes).toContainEqual(
      expect.objectContaining({ field: 'contactName', after: '草稿里的联系人' }),
    );
  });

  it('answers another city, an expert and a province for a city’s register exactly like a random id', async () => {
    const cells: [string, string, string][] = [
      ['csOfficer', 'pilot_application', sent.id],
      ['csAdmin', 'pilot_application', draft.id],
      ['csOfficer', 'alliance', alliance.id],
      ['provOfficer', 'alliance', alliance.id],
      ['zzOfficer', 'alliance', randomUUID()],
      ['zzOfficer', 'project', randomUUID()],
    ];
    for (const [key, type, id] of cells) {
      const res = await history(as(key), type, id);
      expect(code(res), `${key} ${type}`).toBe('NOT_FOUND');
      expect(res.data ?? null).toBeNull();
    }
    // An expert is not staff: refused before anything is looked up.
    expect(code(await history(as('provExpert'), 'pilot_application', sent.id))).toBe('FORBIDDEN');
  });

  it('pages a record’s events by keyset without repeating or losing one', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: HistoryPage = dataOf(
        await history(as('zzOfficer'), 'alliance', alliance.id, 10, after),
      ).recordHistory;
      seen.push(...page.events.map((e) => e.seq));
      after = page.hasNextPage ? page.endCursor : null;
      pages += 1;
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(26);
    expect(new Set(seen).size).toBe(26);
    expect(seen.map(Number)).toEqual([...seen.map(Number)].sort((a, b) => b - a));
    const rename = dataOf(
      await history(as('zzOfficer'), 'alliance', alliance.id, 100),
    ).recordHistory.events.at(-1)!;
    expect(rename.changes).toEqual([
      { field: 'name', label: '名称', before: alliance.name, after: `${alliance.name}（更名）` },
    ]);
  });

  it.each([
    [{ type: 'user', id: 'x' }, 'subjectType', 'ONE_OF'],
    [{ type: 'alliance', first: 0 }, 'first', 'RANGE'],
    [{ type: 'alliance', first: 101 }, 'first', 'RANGE'],
    [{ type: 'alliance', after: 'not-a-cursor' }, 'after', 'INVALID_CURSOR'],
    [
      { type: 'alliance', after: Buffer.from('["x","1","y"]').toString('base64url') },
      'after',
      'INVALID_CURSOR',
    ],
  ])('refuses bad input %j naming the field', async (input, field, rule) => {
    const res = await history(
      as('zzOfficer'),
      input.type,
      'id' in input ? input.id : alliance.id,
      'first' in input ? input.first : undefined,
      'after' in input ? input.after : undefined,
    );
    expect(code(res)).toBe('BAD_USER_INPUT');
    expect(violations(res)).toContainEqual([field, rule]);
  });

  it('lists an admin’s own chain only, filtered by action and actor, in keyset pages', async () => {
    const filter = { action: 'alliance.add_output', actorUserId: users.zzOfficer!.id };
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: EventsPage = dataOf(
        await as('zzAdmin').send<{ auditEvents: EventsPage }>(EVENTS, { filter, first: 10, after }),
      ).auditEvents;
      for (const e of page.events) {
        expect(e.action).toBe('alliance.add_output');
        expect(e.subjectId).toBe(alliance.id);
        expect(e.actionLabel).toBe('登记联盟成果');
      }
      seen.push(...page.events.map((e) => e.seq));
      after = page.hasNextPage ? page.endCursor : null;
    } while (after);
    expect(new Set(seen).size).toBe(25);
    const oldest = dataOf(
      await as('zzAdmin').send<{ auditEvents: EventsPage }>(EVENTS, {
        filter: { ...filter, order: 'OLDEST_FIRST' },
        first: 1,
      }),
    ).auditEvents.events[0]!;
    expect(oldest.seq).toBe(seen.at(-1));
    // 长沙's and the province's admins never see 株洲's events.
    for (const key of ['csAdmin', 'provAdmin']) {
      const page = dataOf(
        await as(key).send<{ auditEvents: EventsPage }>(EVENTS, {
          filter: { actorUserId: users.zzOfficer!.id },
        }),
      ).auditEvents;
      expect(page.events).toEqual([]);
    }
    // The province's own event about the application is in its own log only.
    const prov = dataOf(
      await as('provAdmin').send<{ auditEvents: EventsPage }>(EVENTS, {
        filter: { actorUserId: users.provOfficer!.id, action: 'pilot_application.accept' },
      }),
    ).auditEvents;
    expect(prov.events.map((e) => e.subjectId)).toEqual([sent.id]);
  });

  it('filters by China calendar day', async () => {
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const filter = { actorUserId: users.zzAdmin!.id, fromDate: today, toDate: today };
    const page = dataOf(
      await as('zzAdmin').send<{ auditEvents: EventsPage }>(EVENTS, { filter }),
    ).auditEvents;
    expect(page.events.map((e) => e.action)).toContain('pilot_application.recommend');
    const before = dataOf(
      await as('zzAdmin').send<{ auditEvents: EventsPage }>(EVENTS, {
        filter: { ...filter, fromDate: '2020-01-01', toDate: '2020-01-02' },
      }),
    ).auditEvents;
    expect(before.events).toEqual([]);
  });

  it('keeps the log and the chain status to admins', async () => {
    for (const key of ['zzOfficer', 'provOfficer', 'provExpert']) {
      expect(code(await as(key).send(EVENTS, {}))).toBe('FORBIDDEN');
      expect(code(await as(key).send(STATUS, {}))).toBe('FORBIDDEN');
    }
  });

  it.each([
    [{ filter: { fromDate: '2025-02-30' } }, 'fromDate', 'DATE'],
    [{ filter: { fromDate: '2025-03-02', toDate: '2025-03-01' } }, 'toDate', 'NOT_BEFORE_FROM'],
    [{ filter: { actorUserId: 'nobody' } }, 'actorUserId', 'ID'],
    [{ filter: { action: 'DROP TABLE' } }, 'action', 'ACTION'],
    [{ first: 201 }, 'first', 'RANGE'],
    [{ after: 'zzz' }, 'after', 'INVALID_CURSOR'],
    // A cursor of the other order starts nothing.
    [
      { filter: { order: 'OLDEST_FIRST' }, after: Buffer.from('["NEWEST_FIRST","5"]').toString('base64url') },
      'after',
      'INVALID_CURSOR',
    ],
  ])('refuses a bad log query %j naming the field', async (variables, field, rule) => {
    const res = await as('zzAdmin').send(EVENTS, variables);
    expect(code(res)).toBe('BAD_USER_INPUT');
    expect(violations(res)).toContainEqual([field, rule]);
  });

  it('exports the filtered log through the list export', async () => {
    const res = await as('zzAdmin')
      .raw()
      .get('/api/exports/audit-events.xlsx')
      .query({ action: 'alliance.update', actorUserId: users.zzOfficer!.id })
      .buffer(true)
      .parse(binaryBody);
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('审计日志');
    expect(sheet.rowCount).toBe(2);
    const row = (sheet.getRow(2).values as unknown[]).slice(1).map(String);
    expect(row).toContain('修改联盟信息');
    expect(row.join('|')).toContain(`名称：${alliance.name} → ${alliance.name}（更名）`);
    const bad = await as('zzAdmin').raw().get('/api/exports/audit-events.xlsx').query({ toDate: 'tomorrow' });
    expect(bad.status).toBe(400);
    expect((await as('zzOfficer').raw().get('/api/exports/audit-events.xlsx')).status).toBe(403);
  });

  it('verifies the admin’s chain a bounded window at a time', async () => {
    const status = dataOf(
      await as('zzAdmin').send<{ auditChainStatus: ChainStatus }>(STATUS, {}),
    ).auditChainStatus;
    expect(status.windowSize).toBe(5000);
    expect(['VERIFIED', 'PARTIAL']).toContain(status.verdict);
    expect(status.brokenSeq).toBeNull();
    expect(Number(status.verifiedUpTo)).toBeGreaterThan(0);
    // The window ends at the head or after windowSize events, whichever comes first.
    expect(Number(status.verifiedUpTo)).toBe(Math.min(Number(status.headSeq), status.windowSize));
    const bad = await as('zzAdmin').send(STATUS, { from: '0' });
    expect(violations(bad)).toEqual([['fromSeq', 'RANGE']]);
    const beyond = await as('zzAdmin').send(STATUS, { from: '999999999' });
    expect(violations(beyond)).toEqual([['fromSeq', 'BEYOND_HEAD']]);
  });

  it('names the first broken event of a tampered chain', async () => {
    const admin = users.tamperAdmin!;
    for (let i = 0; i < 3; i += 1)
      await append(admin, 'alliance.update', 'alliance', randomUUID(), null, { name: `审计${i}` });
    const [head] = await fx.query<{ seq: string }>(
      'SELECT max(seq)::text AS seq FROM audit_event WHERE tenant_id = $1',
      [admin.tenantId],
    );
    const target = String(BigInt(head!.seq) - 1n);
    const from = String(BigInt(head!.seq) - 2n);
    const check = async () =>
      dataOf(await as('tamperAdmin').send<{ auditChainStatus: ChainStatus }>(STATUS, { from }))
        .auditChainStatus;
    const intact = await check();
    expect(intact.verdict).toBe('VERIFIED');
    const modified = await withTamperedChain(
      admin.tenantId,
      (c) =>
        c.query(`UPDATE audit_event SET action = 'user.create' WHERE tenant_id = $1 AND seq = $2`, [
          admin.tenantId,
          target,
        ]),
      check,
    );
    expect(modified).toMatchObject({
      verdict: 'BROKEN',
      brokenSeq: target,
      brokenReason: 'HASH_MISMATCH',
      brokenActionLabel: '新建用户',
      verifiedUpTo: from,
    });
    const removed = await withTamperedChain(
      admin.tenantId,
      (c) => c.query('DELETE FROM audit_event WHERE tenant_id = $1 AND seq = $2', [admin.tenantId, target]),
      check,
    );
    expect(removed).toMatchObject({ verdict: 'BROKEN', brokenSeq: head!.seq, brokenReason: 'SEQUENCE_GAP' });
    expect(removed.brokenReasonLabel).toMatch(/序号不连续/);
  });
});
