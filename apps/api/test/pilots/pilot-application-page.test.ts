import { PILOT_STATE_LABELS } from '@xiangmeng/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GraphqlAgent, startTestApi, type TestApi } from '../support/harness';
import { dataOf, expectBadInput } from '../support/register-client';
import { TestClock } from '../support/test-clock';
import {
  act,
  type ApplicationView,
  CHANGSHA,
  completeDossier,
  establishedAlliance,
  P,
  PROVINCE,
  publishedCall,
  staff,
  ZHUZHOU,
} from './pilot-client';

// 收到的申报 a page at a time (pilotApplicationPage): the same applications as the whole list, in the
// order asked across all pages, with the count of all that match; an out-of-range page refused by field.

type Row = {
  id: string;
  allianceName: string;
  state: string;
  submittedAt: string | null;
  recommendedAt: string | null;
  homeTenant: { code: string };
};
type Order = 'CREATED_AT' | 'ALLIANCE_NAME' | 'CITY' | 'STATE' | 'SUBMITTED_AT' | 'RECOMMENDED_AT';

const ROW = 'id allianceName state submittedAt recommendedAt homeTenant { code }';
const PAGE = `query ($filter: PilotApplicationFilterInput!, $page: PilotApplicationPageInput!) {
  pilotApplicationPage(filter: $filter, page: $page) { totalCount items { ${ROW} } }
}`;
const LIST = `query ($filter: PilotApplicationFilterInput!) { pilotApplications(filter: $filter) { ${ROW} } }`;
// Names whose pinyin order differs from their code points' order.
const NAMES = ['株洲轨道交通', '长沙工程机械', '岳阳石化', '常德烟草'];
const STATE_ORDER = Object.keys(PILOT_STATE_LABELS);
const collator = new Intl.Collator('zh');

describe('a page of the applications received', () => {
  const clock = new TestClock();
  let api: TestApi;
  let province: GraphqlAgent;
  let filter: { scope: 'RECEIVED'; callId: string };

  beforeAll(async () => {
    api = await startTestApi({ clock });
    const provOfficer = await staff(api, PROVINCE, ['PROVINCE_OFFICER']);
    const provAdmin = await staff(api, PROVINCE, ['PROVINCE_ADMIN']);
    province = provOfficer.agent;
    const call = await publishedCall(province, provAdmin.agent, clock.now());
    filter = { scope: 'RECEIVED', callId: call.id };
    for (const [i, name] of NAMES.entries()) {
      const city = i % 2 === 0 ? ZHUZHOU : CHANGSHA;
      const officer = (await staff(api, city, ['CITY_OFFICER'])).agent;
      const admin = (await staff(api, city, ['CITY_ADMIN'])).agent;
      const formed = await establishedAlliance(officer, 'SE0701', `${name}${Date.now() % 100000}联盟`);
      const draft = dataOf(
        await officer.send<{ createPilotApplication: ApplicationView }>(P.create, {
          input: { callId: call.id, allianceId: formed.alliance.id },
        }),
      ).createPilotApplication;
      clock.advance(60_000);
      const submitted = await act(officer, await completeDossier(officer, draft), 'SUBMIT');
      clock.advance(60_000);
      const recommended = await act(admin, submitted, 'RECOMMEND', { opinion: '同意推荐' });
      clock.advance(60_000);
      // Two of them checked by the province: a second state to sort by.
      if (i < 2) await act(province, recommended, 'ACCEPT');
    }
  });

  afterAll(async () => {
    await api?.close();
  });

  async function page(order: Order, descending: boolean, first: number, offset: number) {
    return dataOf(
      await province.send<{ pilotApplicationPage: { totalCount: number; items: Row[] } }>(PAGE, {
        filter,
        page: { first, offset, orderBy: order, descending },
      }),
    ).pilotApplicationPage;
  }

  const keyOf: Record<Order, (r: Row) => string | number | null> = {
    CREATED_AT: () => null,
    ALLIANCE_NAME: (r) => r.allianceName,
    CITY: (r) => r.homeTenant.code,
    STATE: (r) => STATE_ORDER.indexOf(r.state),
    SUBMITTED_AT: (r) => r.submittedAt,
    RECOMMENDED_AT: (r) => r.recommendedAt,
  };
  // Names by the reader's collation; codes, ISO timestamps and state positions as they are.
  const compare = (order: Order) => (a: string | number | null, b: string | number | null) =>
    order === 'ALLIANCE_NAME' ? collator.compare(String(a), String(b)) : a! < b! ? -1 : a! > b! ? 1 : 0;

  it.each([
    ['ALLIANCE_NAME', false],
    ['ALLIANCE_NAME', true],
    ['CITY', false],
    ['STATE', false],
    ['STATE', true],
    ['SUBMITTED_AT', true],
    ['RECOMMENDED_AT', false],
  ] as const)('pages through all of them ordered by %s (descending: %s)', async (order, descending) => {
    const whole = dataOf(
      await province.send<{ pilotApplications: Row[] }>(LIST, { filter }),
    ).pilotApplications;
    expect(whole).toHaveLength(NAMES.length);
    const first = await page(order, descending, 3, 0);
    const second = await page(order, descending, 3, 3);
    expect(first.totalCount).toBe(NAMES.length);
    expect(second.totalCount).toBe(NAMES.length);
    expect(first.items).toHaveLength(3);
    const paged = [...first.items, ...second.items];
    expect(paged.map((r) => r.id).sort()).toEqual(whole.map((r) => r.id).sort());
    const keys = paged.map(keyOf[order]);
    const sorted = [...keys].sort((a, b) => (descending ? compare(order)(b, a) : compare(order)(a, b)));
    expect(keys).toEqual(sorted);
  });

  it('sorts names as Chinese readers do, by pinyin', async () => {
    const { items } = await page('ALLIANCE_NAME', false, 10, 0);
    expect(items.map((r) => r.allianceName.slice(0, 2))).toEqual(['常德', '岳阳', '长沙', '株洲']);
  });

  it('puts the newest first by default, as the whole list does', async () => {
    const whole = dataOf(
      await province.send<{ pilotApplications: Row[] }>(LIST, { filter }),
    ).pilotApplications;
    const answer = dataOf(
      await province.send<{ pilotApplicationPage: { items: Row[] } }>(
        `query ($filter: PilotApplicationFilterInput!) { pilotApplicationPage(filter: $filter) { items { id } } }`,
        { filter },
      ),
    );
    expect(answer.pilotApplicationPage.items.map((r) => r.id)).toEqual(whole.map((r) => r.id));
  });

  it.each([
    [{ first: 0, offset: 0 }, 'first'],
    [{ first: 101, offset: 0 }, 'first'],
    [{ first: 20, offset: -1 }, 'offset'],
  ])('refuses the page %o, naming %s', async (range, field) => {
    const res = await province.send(PAGE, {
      filter,
      page: { ...range, orderBy: 'CREATED_AT', descending: true },
    });
    expectBadInput(res, field, 'RANGE');
  });

  it('shows a city none of the province’s received applications', async () => {
    const city = (await staff(api, ZHUZHOU, ['CITY_OFFICER'])).agent;
    const answer = dataOf(
      await city.send<{ pilotApplicationPage: { totalCount: number; items: Row[] } }>(PAGE, {
        filter,
        page: { first: 20, offset: 0, orderBy: 'CREATED_AT', descending: true },
      }),
    ).pilotApplicationPage;
    expect(answer).toEqual({ totalCount: 0, items: [] });
  });
});
