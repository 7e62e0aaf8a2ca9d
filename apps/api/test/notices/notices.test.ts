import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminDb } from '../support/admin-db';
import {
  asRuntimeRole,
  createUser,
  type GraphqlAgent,
  signedInAgent,
  startTestApi,
  type TestApi,
  type TestUser,
} from '../support/harness';
import { dataOf, expectBadInput, expectRefused, FILES } from '../support/register-client';
import { CHANGSHA, PROVINCE, ZHUZHOU } from '../pilots/pilot-client';

// Notices (通知公告) end to end: the province addresses the cities and its experts, a city its
// own staff; drafts stay with the publisher, published notices reach exactly the tiers they
// name, a withdrawn one leaves every reader but stays in the publisher's history.

const FIELDS = `id publisherTenantId publisherName title body audiences audienceLabels pinned state stateLabel
  publishedAt withdrawnAt withdrawalReason version attachments { documentId fileName mediaType sizeBytes }`;
const N = {
  save: `mutation ($input: SaveNoticeInput!) { saveNotice(input: $input) { ${FIELDS} } }`,
  publish: `mutation ($id: ID!, $version: Int!) { publishNotice(id: $id, version: $version) { ${FIELDS} } }`,
  withdraw: `mutation ($input: WithdrawNoticeInput!) { withdrawNotice(input: $input) { ${FIELDS} } }`,
  detach: `mutation ($n: ID!, $d: ID!) { detachNoticeDocument(noticeId: $n, documentId: $d) { ${FIELDS} } }`,
  list: `query ($state: String) { notices(state: $state) { ${FIELDS} } }`,
  forMe: `query { noticesForMe(first: 20) { id title publishedAt publisherName pinned } }`,
  one: `query ($id: ID!) { notice(id: $id) { ${FIELDS} } }`,
};

type NoticeView = {
  id: string;
  publisherTenantId: string;
  publisherName: string;
  title: string;
  audiences: string[];
  audienceLabels: string[];
  pinned: boolean;
  state: string;
  stateLabel: string;
  publishedAt: string | null;
  withdrawnAt: string | null;
  withdrawalReason: string | null;
  version: number;
  attachments: { documentId: string; fileName: string }[];
};

const input = (overrides: Record<string, unknown> = {}) => ({
  title: '关于组织申报2027年度产业技术创新战略联盟试点的通知',
  body: '各市州科技局：请按申报指南组织申报。',
  audiences: ['CITY_STAFF', 'EXPERTS'],
  pinned: true,
  ...overrides,
});

describe('notices', () => {
  let api: TestApi;
  let db: AdminDb;
  const users: Record<string, TestUser> = {};
  const agents: Record<string, GraphqlAgent> = {};
  let provinceNotice: NoticeView;
  let cityNotice: NoticeView;

  const save = async (who: string, values: Record<string, unknown>) =>
    dataOf(await agents[who]!.send<{ saveNotice: NoticeView }>(N.save, { input: values })).saveNotice;
  const forMe = async (who: string) =>
    dataOf(await agents[who]!.send<{ noticesForMe: { id: string }[] }>(N.forMe)).noticesForMe.map(
      (n) => n.id,
    );
  const reads = async (who: string, id: string) => {
    const res = await agents[who]!.send<{ notice: NoticeView }>(N.one, { id });
    if (res.errors?.[0]?.extensions?.code === 'NOT_FOUND') return false;
    return dataOf(res).notice.id === id;
  };
  const upload = (who: string, noticeId: string) =>
    agents[who]!.raw()
      .post(`/api/notices/${noticeId}/attachments`)
      .set('x-xiangmeng-request', '1')
      .attach('file', FILES.pdf(), '申报指南.pdf');
  const download = (who: string, documentId: string) =>
    agents[who]!.raw().get(`/api/documents/${documentId}`);

  beforeAll(async () => {
    api = await startTestApi();
    db = await AdminDb.open();
    const accounts: [string, string, string[]][] = [
      ['prov', PROVINCE, ['PROVINCE_OFFICER']],
      ['provExpert', PROVINCE, ['EXPERT']],
      ['zz', ZHUZHOU, ['CITY_OFFICER']],
      ['zzAdmin', ZHUZHOU, ['CITY_ADMIN']],
      ['zzExpert', ZHUZHOU, ['EXPERT']],
      ['cs', CHANGSHA, ['CITY_OFFICER']],
    ];
    for (const [key, code, roles] of accounts) {
      users[key] = await createUser(code, roles, 'nt');
      agents[key] = await signedInAgent(api, users[key]);
    }
  });

  afterAll(async () => {
    await db?.close();
    await api?.close();
  });

  it('keeps a draft with its publisher: nobody else reads it, not even its addressees', async () => {
    const mark = await db.auditMark();
    provinceNotice = await save('prov', input());
    expect(provinceNotice).toMatchObject({
      state: 'DRAFT',
      stateLabel: '草稿',
      publisherName: '湖南省',
      audienceLabels: ['各市州科技局', '本级评审专家'],
      publishedAt: null,
      version: 1,
    });
    expect((await db.auditSince(mark)).map((e) => [e.action, e.subject_id])).toEqual([
      ['notice.create', provinceNotice.id],
    ]);
    for (const who of ['zz', 'cs', 'provExpert', 'zzExpert']) {
      expect(await reads(who, provinceNotice.id), who).toBe(false);
      expect(await forMe(who), who).not.toContain(provinceNotice.id);
    }
    expect(await reads('prov', provinceNotice.id)).toBe(true);
  });

  it('attaches a guide to the draft; the file is read with the notice only once published', async () => {
    const res = await upload('prov', provinceNotice.id);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const documentId = (res.body as { id: string }).id;
    provinceNotice = dataOf(
      await agents.prov!.send<{ notice: NoticeView }>(N.one, { id: provinceNotice.id }),
    ).notice;
    expect(provinceNotice.attachments).toEqual([
      expect.objectContaining({ documentId, fileName: '申报指南.pdf' }),
    ]);
    expect((await download('zz', documentId)).status).toBe(404);
    // A city uploads nothing to the province's notice.
    expect((await upload('zz', provinceNotice.id)).status).toBe(404);
  });

  it('refuses bad input by field and rule, and nothing is written', async () => {
    const mark = await db.auditMark();
    const bad = (who: string, values: Record<string, unknown>) =>
      agents[who]!.send(N.save, { input: values });
    expectBadInput(await bad('prov', input({ title: '  ' })), 'title', 'REQUIRED');
    expectBadInput(await bad('prov', input({ title: '通'.repeat(121) })), 'title', 'TOO_LONG');
    expectBadInput(await bad('prov', input({ body: '文'.repeat(20001) })), 'body', 'TOO_LONG');
    expectBadInput(await bad('prov', input({ audiences: [] })), 'audiences', 'REQUIRED');
    expectBadInput(await bad('prov', input({ audiences: ['EVERYONE'] })), 'audiences', 'ONE_OF');
    // Only the province has cities below it.
    expectBadInput(await bad('zz', input({ audiences: ['CITY_STAFF'] })), 'audiences', 'ONE_OF');
    expectBadInput(await bad('prov', input({ id: provinceNotice.id, version: null })), 'version', 'REQUIRED');
    expectRefused(await bad('prov', input({ id: provinceNotice.id, version: 99 })), 'NOTICE_CHANGED');
    // Experts and other tiers change no notice.
    expectRefused(await bad('provExpert', input()), 'FORBIDDEN');
    expectRefused(
      await bad(
        'zz',
        input({ id: provinceNotice.id, version: provinceNotice.version, audiences: ['OWN_STAFF'] }),
      ),
      'NOT_FOUND',
    );
    expectRefused(
      await agents.zz!.send(N.publish, { id: provinceNotice.id, version: provinceNotice.version }),
      'NOT_FOUND',
    );
    expect(await db.auditSince(mark)).toEqual([]);
  });

  it('publishes to the tiers it names: every city’s staff and the province’s experts, nobody else', async () => {
    const mark = await db.auditMark();
    provinceNotice = dataOf(
      await agents.prov!.send<{ publishNotice: NoticeView }>(N.publish, {
        id: provinceNotice.id,
        version: provinceNotice.version,
      }),
    ).publishNotice;
    expect(provinceNotice).toMatchObject({ state: 'PUBLISHED', stateLabel: '已发布' });
    expect(provinceNotice.publishedAt).toEqual(expect.stringMatching(/^\d{4}-/));
    expect((await db.auditSince(mark)).map((e) => e.action)).toEqual(['notice.publish']);
    for (const who of ['zz', 'zzAdmin', 'cs', 'provExpert']) {
      expect(await forMe(who), who).toContain(provinceNotice.id);
      expect(await reads(who, provinceNotice.id), who).toBe(true);
    }
    // A city's experts are not the province's; the province's staff were not addressed.
    expect(await forMe('zzExpert')).not.toContain(provinceNotice.id);
    expect(await reads('zzExpert', provinceNotice.id)).toBe(false);
    expect(await forMe('prov')).not.toContain(provinceNotice.id);
    // The attachment is the cities' to download now.
    const documentId = provinceNotice.attachments[0]!.documentId;
    expect((await download('zz', documentId)).status).toBe(200);
    const first = (
      await agents.zz!.send<{ noticesForMe: Record<string, unknown>[] }>(N.forMe)
    ).data!.noticesForMe.find((n) => n.id === provinceNotice.id);
    expect(first).toMatchObject({ publisherName: '湖南省', pinned: true, title: input().title });
  });

  it('refuses steps the state does not allow', async () => {
    expectRefused(
      await agents.prov!.send(N.publish, { id: provinceNotice.id, version: provinceNotice.version }),
      'NOTICE_NOT_DRAFT',
    );
    expectRefused(
      await agents.prov!.send(N.save, {
        input: input({ id: provinceNotice.id, version: provinceNotice.version }),
      }),
      'NOTICE_NOT_DRAFT',
    );
    expect((await upload('prov', provinceNotice.id)).status).toBe(409);
    const draft = await save('zz', input({ audiences: ['OWN_STAFF'] }));
    expectRefused(
      await agents.zz!.send(N.withdraw, { input: { id: draft.id, version: draft.version, reason: '有误' } }),
      'NOTICE_NOT_PUBLISHED',
    );
    expectBadInput(
      await agents.prov!.send(N.withdraw, {
        input: { id: provinceNotice.id, version: provinceNotice.version, reason: ' ' },
      }),
      'reason',
      'REQUIRED',
    );
  });

  it('a city’s notice reaches its own staff only', async () => {
    cityNotice = await save(
      'zz',
      input({ title: '株洲市联盟工作安排', audiences: ['OWN_STAFF'], pinned: false }),
    );
    cityNotice = dataOf(
      await agents.zz!.send<{ publishNotice: NoticeView }>(N.publish, {
        id: cityNotice.id,
        version: cityNotice.version,
      }),
    ).publishNotice;
    expect(await forMe('zzAdmin')).toContain(cityNotice.id);
    expect(await forMe('zz')).toContain(cityNotice.id);
    for (const who of ['cs', 'prov', 'provExpert', 'zzExpert']) {
      expect(await forMe(who), who).not.toContain(cityNotice.id);
      expect(await reads(who, cityNotice.id), who).toBe(false);
    }
  });

  it('in SQL as the runtime role: another tier reads only what is addressed to it and changes nothing', async () => {
    const zz = users.zz!;
    const seen = await asRuntimeRole(
      { tenantId: zz.tenantId, userId: zz.id, roles: ['CITY_OFFICER'] },
      async (c) => ({
        foreign: (
          await c.query<{ id: string; state: string }>('SELECT id, state FROM notice WHERE tenant_id <> $1', [
            zz.tenantId,
          ])
        ).rows,
        update: (await c.query(`UPDATE notice SET title = 'x' WHERE id = $1`, [provinceNotice.id])).rowCount,
      }),
    );
    expect(seen.update).toBe(0);
    expect(seen.foreign.every((n) => n.state === 'PUBLISHED')).toBe(true);
    expect(seen.foreign.map((n) => n.id)).toContain(provinceNotice.id);
    const insert = asRuntimeRole({ tenantId: zz.tenantId, userId: zz.id, roles: ['CITY_OFFICER'] }, (c) =>
      c.query(`INSERT INTO notice (tenant_id, title, audiences) VALUES ($1, '冒充', ARRAY['OWN_STAFF'])`, [
        provinceNotice.publisherTenantId,
      ]),
    );
    await expect(insert).rejects.toThrow(/row-level security/);
    const expert = users.zzExpert!;
    const expertSees = await asRuntimeRole(
      { tenantId: expert.tenantId, userId: expert.id, roles: ['EXPERT'] },
      async (c) => (await c.query<{ id: string }>('SELECT id FROM notice')).rows,
    );
    expect(expertSees).toEqual([]);
    const deletion = asRuntimeRole({ tenantId: zz.tenantId, userId: zz.id, roles: ['CITY_OFFICER'] }, (c) =>
      c.query('DELETE FROM notice WHERE id = $1', [cityNotice.id]),
    );
    await expect(deletion).rejects.toThrow(/permission denied/);
  });

  it('withdraws with a reason: readers lose it, the publisher keeps it with its history', async () => {
    const mark = await db.auditMark();
    const withdrawn = dataOf(
      await agents.prov!.send<{ withdrawNotice: NoticeView }>(N.withdraw, {
        input: { id: provinceNotice.id, version: provinceNotice.version, reason: '指南有更新，另行发布' },
      }),
    ).withdrawNotice;
    expect(withdrawn).toMatchObject({
      state: 'WITHDRAWN',
      stateLabel: '已撤回',
      withdrawalReason: '指南有更新，另行发布',
      publishedAt: provinceNotice.publishedAt,
    });
    expect((await db.auditSince(mark)).map((e) => e.action)).toEqual(['notice.withdraw']);
    for (const who of ['zz', 'cs', 'provExpert']) {
      expect(await forMe(who), who).not.toContain(provinceNotice.id);
      expect(await reads(who, provinceNotice.id), who).toBe(false);
    }
    expect((await download('zz', provinceNotice.attachments[0]!.documentId)).status).toBe(404);
    const list = dataOf(
      await agents.prov!.send<{ notices: NoticeView[] }>(N.list, { state: 'WITHDRAWN' }),
    ).notices;
    expect(list.map((n) => n.id)).toContain(provinceNotice.id);
    expectBadInput(await agents.prov!.send(N.list, { state: 'GONE' }), 'state', 'ONE_OF');
  });
});
