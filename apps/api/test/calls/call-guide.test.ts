import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANGSHA, callInput, P, PROVINCE, ZHUZHOU } from '../pilots/pilot-client';
import { AdminDb } from '../support/admin-db';
import {
  createUser,
  errorCode,
  type GraphqlAgent,
  signedInAgent,
  startTestApi,
  type TestApi,
} from '../support/harness';
import { binaryBody, dataOf, FILES } from '../support/register-client';
import { TestClock } from '../support/test-clock';
import { world } from '../programmes/programme-application-client';

// Issue #13: a call carries its guide (申报指南). The authority's staff upload, replace and remove
// it while the call is a draft or open (each change audited); whoever reads the call downloads
// it; an expert, another tier, or a city before the call is published gets 404 as for any id.

type Guide = { id: string; fileName: string; sha256: string; downloadUrl: string } | null;
const GUIDE = 'guide { id fileName sha256 downloadUrl }';
const PILOT_CALL = `query ($id: ID!) { pilotCall(id: $id) { id ${GUIDE} } }`;
const PROGRAMME_CALL = `query ($id: ID!) { programmeCall(id: $id) { id ${GUIDE} } }`;
const REMOVE = `mutation ($callId: ID!) { removeCallGuide(callId: $callId) }`;
const DAY = 86_400_000;

describe('call guides', () => {
  const clock = new TestClock(new Date('2027-03-01T10:00:00+08:00'));
  let api: TestApi;
  let db: AdminDb;
  const agents: Record<string, GraphqlAgent> = {};
  const as = (key: string) => agents[key]!;

  const upload = async (who: string, callId: string, name = '申报指南.pdf', content = FILES.pdf()) => {
    const res = await as(who)
      .raw()
      .post(`/api/calls/${callId}/guide`)
      .set('x-xiangmeng-request', '1')
      .attach('file', content, name);
    return { status: res.status, body: res.body as { id: string; code?: string } };
  };
  const download = (who: string, url: string) => as(who).raw().get(url).buffer(true).parse(binaryBody);
  const pilotGuide = async (who: string, id: string): Promise<Guide> =>
    dataOf(await as(who).send<{ pilotCall: { guide: Guide } }>(PILOT_CALL, { id })).pilotCall.guide;

  /** Signs everyone in (again after the clock moved days ahead and the sessions lapsed). */
  async function signIn() {
    for (const [key, code, roles] of [
      ['prov', PROVINCE, ['PROVINCE_OFFICER']],
      ['provAdmin', PROVINCE, ['PROVINCE_ADMIN']],
      ['provExpert', PROVINCE, ['EXPERT']],
      ['zz', ZHUZHOU, ['CITY_OFFICER']],
      ['zzAdmin', ZHUZHOU, ['CITY_ADMIN']],
      ['cs', CHANGSHA, ['CITY_OFFICER']],
    ] as const) {
      agents[key] = await signedInAgent(api, await createUser(code, [...roles], 'cg'));
    }
  }

  beforeAll(async () => {
    api = await startTestApi({ clock });
    db = await AdminDb.open();
    await signIn();
  });

  afterAll(async () => {
    await db?.close();
    await api?.close();
  });

  it('a pilot call: set on the draft, read by the cities once published, replaced and removed with history', async () => {
    const draft = dataOf(
      await as('prov').send<{ createPilotCall: { id: string; version: number } }>(P.createCall, {
        input: callInput(clock.now()),
      }),
    ).createPilotCall;
    const mark = await db.auditMark();
    const first = await upload('prov', draft.id);
    expect(first.status).toBe(201);
    const guide = await pilotGuide('prov', draft.id);
    expect(guide).toMatchObject({ id: first.body.id, fileName: '申报指南.pdf' });

    // Before it is published the cities do not see the call, nor its guide.
    expect(errorCode(await as('zz').send(PILOT_CALL, { id: draft.id }))).toBe('NOT_FOUND');
    expect((await download('zz', guide!.downloadUrl)).status).toBe(404);

    const call = dataOf(
      await as('provAdmin').send<{ publishPilotCall: { id: string } }>(P.publishCall, draft),
    ).publishPilotCall;
    // Published: 株洲 and 长沙 (both under the province) read it and download the file the hash names.
    for (const who of ['zz', 'cs']) {
      expect(await pilotGuide(who, call.id)).toEqual(guide);
      const res = await download(who, guide!.downloadUrl);
      expect(res.status).toBe(200);
      expect(
        createHash('sha256')
          .update(Buffer.from(res.body as Buffer))
          .digest('hex'),
      ).toBe(guide!.sha256);
    }
    // An expert seated on none of its applications does not.
    expect((await download('provExpert', guide!.downloadUrl)).status).toBe(404);

    // Open: the province replaces it; the cities read the new one only, the old stays the province's.
    const second = await upload(
      'prov',
      call.id,
      '申报指南（修订）.pdf',
      Buffer.concat([FILES.pdf(), Buffer.from('\n%rev')]),
    );
    expect(second.status).toBe(201);
    const replaced = await pilotGuide('zz', call.id);
    expect(replaced).toMatchObject({ id: second.body.id, fileName: '申报指南（修订）.pdf' });
    expect((await download('zz', guide!.downloadUrl)).status).toBe(404);
    expect((await download('prov', guide!.downloadUrl)).status).toBe(200);

    expect(
      dataOf(await as('prov').send<{ removeCallGuide: boolean }>(REMOVE, { callId: call.id }))
        .removeCallGuide,
    ).toBe(true);
    expect(await pilotGuide('zz', call.id)).toBeNull();
    expect((await download('zz', replaced!.downloadUrl)).status).toBe(404);
    expect(errorCode(await as('prov').send(REMOVE, { callId: call.id }))).toBe('NOT_FOUND');

    const events = (await db.auditSince(mark))
      .filter((e) => e.action.startsWith('pilot_call.guide'))
      .map((e) => [
        e.action,
        e.before,
        (e.after as { guideDocumentId?: string } | null)?.guideDocumentId ?? null,
      ]);
    expect(events).toHaveLength(3);
    expect(events).toEqual(
      expect.arrayContaining([
        ['pilot_call.guide_set', null, first.body.id],
        ['pilot_call.guide_replace', { guideDocumentId: first.body.id }, second.body.id],
        ['pilot_call.guide_remove', { guideDocumentId: second.body.id }, null],
      ]),
    );
  });

  it('only the authority’s staff change a guide, and only until the call closes', async () => {
    const draft = dataOf(
      await as('prov').send<{ createPilotCall: { id: string; version: number } }>(P.createCall, {
        input: callInput(clock.now()),
      }),
    ).createPilotCall;
    const call = dataOf(
      await as('provAdmin').send<{ publishPilotCall: { id: string } }>(P.publishCall, draft),
    ).publishPilotCall;
    expect((await upload('prov', call.id)).status).toBe(201);
    // A city reading the call may not change its guide; an expert may not upload at all.
    const byCity = await upload('zzAdmin', call.id);
    expect([byCity.status, byCity.body.code]).toEqual([404, 'NOT_FOUND']);
    expect(errorCode(await as('zzAdmin').send(REMOVE, { callId: call.id }))).toBe('NOT_FOUND');
    expect((await upload('provExpert', call.id)).status).toBe(403);

    // A city's own call is its own: the province above and 长沙 beside see neither call nor guide.
    const cityCall = dataOf(
      await as('zz').send<{ createPilotCall: { id: string; version: number } }>(P.createCall, {
        input: callInput(clock.now()),
      }),
    ).createPilotCall;
    const published = dataOf(
      await as('zzAdmin').send<{ publishPilotCall: { id: string } }>(P.publishCall, cityCall),
    ).publishPilotCall;
    const cityGuide = await upload('zz', published.id);
    expect(cityGuide.status).toBe(201);
    for (const who of ['prov', 'cs'])
      expect((await download(who, `/api/documents/${cityGuide.body.id}`)).status).toBe(404);

    // Closed: the guide stays as the applicants had it.
    clock.advance(11 * DAY);
    await signIn();
    const late = await upload('prov', call.id);
    expect([late.status, late.body.code]).toEqual([409, 'CALL_GUIDE_CLOSED']);
    expect(errorCode(await as('prov').send(REMOVE, { callId: call.id }))).toBe('CALL_GUIDE_CLOSED');
    expect(await pilotGuide('zz', call.id)).not.toBeNull();
  });

  it('a programme call carries its guide the same way', async () => {
    const w = await world(api, clock.now());
    expect((await upload('prov', w.call.id, '计划申报指南.pdf')).status).toBe(201);
    const read = async (agent: GraphqlAgent) =>
      dataOf(await agent.send<{ programmeCall: { guide: Guide } }>(PROGRAMME_CALL, { id: w.call.id }))
        .programmeCall.guide;
    const guide = await read(w.zzOfficer);
    expect(guide).toMatchObject({ fileName: '计划申报指南.pdf' });
    expect((await download('zz', guide!.downloadUrl)).status).toBe(200);
    expect((await download('provExpert', guide!.downloadUrl)).status).toBe(404);
  });
});
