import { afterAll, beforeAll, describe, it } from 'vitest';
import { type GraphqlAgent, startTestApi, type TestApi } from '../support/harness';
import { expectBadInput } from '../support/register-client';
import { staff, ZHUZHOU } from '../pilots/pilot-client';

// Every offset-paged list checks its page the same way (common/paging.ts): a size outside 1–100 or
// a negative offset is refused naming the field, before any row is read.

const LISTS = [
  ['projects', 'ProjectFilterInput'],
  ['ipAssets', 'IpAssetFilterInput'],
  ['platforms', 'PlatformFilterInput'],
  ['cooperationBases', 'CooperationBaseFilterInput'],
  ['internationalProjects', 'InternationalProjectFilterInput'],
] as const;
const PAGES = [
  [{ first: 0 }, 'first'],
  [{ first: 101 }, 'first'],
  [{ offset: -1 }, 'offset'],
] as const;

describe('an offset-paged list refuses a page out of range', () => {
  let api: TestApi;
  let officer: GraphqlAgent;

  beforeAll(async () => {
    api = await startTestApi();
    officer = (await staff(api, ZHUZHOU, ['CITY_OFFICER'])).agent;
  });

  afterAll(async () => {
    await api?.close();
  });

  it.each(
    LISTS.flatMap(([list, input]) => PAGES.map(([page, field]) => [list, input, page, field] as const)),
  )('%s (%s) with %o, naming %s', async (list, input, page, field) => {
    const res = await officer.send(`query ($filter: ${input}) { ${list}(filter: $filter) { totalCount } }`, {
      filter: page,
    });
    expectBadInput(res, field, 'RANGE');
  });
});
