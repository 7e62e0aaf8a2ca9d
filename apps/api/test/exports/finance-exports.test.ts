import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANGSHA, ZHUZHOU } from '../pilots/pilot-client';
import {
  F,
  financeParties,
  loanInput,
  needInput,
  type NeedView,
  postNeed,
  recordLoan,
} from '../finance/finance-client';
import { createUser, type GraphqlAgent, signedInAgent, startTestApi, type TestApi } from '../support/harness';
import { dataOf, uniqueName } from '../support/register-client';
import { TestClock } from '../support/test-clock';
import { exported } from './export-client';

// The finance lists export as the pages show them: 融资需求 with its status filter, 融资记录 and
// 风险补偿申请; a city's export holds its own rows only, and a wrong filter answers 400 naming it.

describe('finance list exports', () => {
  const clock = new TestClock(new Date('2026-12-06T10:00:00+08:00'));
  let api: TestApi;
  let zzOfficer: GraphqlAgent;
  let csOfficer: GraphqlAgent;
  let purpose: string;

  beforeAll(async () => {
    api = await startTestApi({ clock });
    const p = await financeParties(ZHUZHOU);
    zzOfficer = await signedInAgent(api, await createUser(ZHUZHOU, ['CITY_OFFICER'], 'fxp'));
    csOfficer = await signedInAgent(api, await createUser(CHANGSHA, ['CITY_OFFICER'], 'fxp'));
    purpose = uniqueName('导出测试产线扩产');
    await postNeed(zzOfficer, needInput(p, { purpose }));
    await recordLoan(zzOfficer, loanInput(p));
  });

  afterAll(async () => {
    await api?.close();
  });

  it('exports the needs the list shows, with its status filter, in Chinese', async () => {
    const listed = dataOf(await zzOfficer.send<{ financingNeeds: NeedView[] }>(F.needs)).financingNeeds;
    const sheet = await exported(zzOfficer, 'financing-needs');
    expect(sheet.title).toBe('融资需求');
    expect(sheet.header).toEqual([
      '企业',
      '联盟',
      '融资金额',
      '意向方式',
      '期限（月）',
      '用途',
      '登记日期',
      '向对接计划公开',
      '状态',
      '推介机构（答复）',
    ]);
    expect(sheet.rows).toHaveLength(listed.length);
    expect(sheet.rows.find((r) => r['用途'] === purpose)).toMatchObject({
      融资金额: expect.stringContaining('10,000,000') as string,
      意向方式: '贷款',
    });
    const closed = await exported(zzOfficer, 'financing-needs', { status: 'CLOSED' });
    expect(closed.rows.some((r) => r['用途'] === purpose)).toBe(false);
    const theirs = await exported(csOfficer, 'financing-needs');
    expect(theirs.rows.some((r) => r['用途'] === purpose)).toBe(false);
  });

  it('exports financing records and compensation claims', async () => {
    const records = await exported(zzOfficer, 'financing-records', { form: 'LOAN' });
    expect(records.title).toBe('融资记录');
    expect(records.rows.length).toBeGreaterThan(0);
    expect(records.rows.every((r) => r['方式'] === '贷款')).toBe(true);
    const claims = await exported(zzOfficer, 'compensation-claims');
    expect(claims.title).toBe('风险补偿申请');
    expect(claims.header).toContain('补偿金额');
  });

  it('answers a wrong filter with 400 naming the field', async () => {
    for (const [list, query, field] of [
      ['financing-needs', { status: 'NOPE' }, 'status'],
      ['financing-records', { form: 'NOPE' }, 'form'],
      ['compensation-claims', { state: 'NOPE' }, 'state'],
    ] as const) {
      const res = await zzOfficer.raw().get(`/api/exports/${list}.xlsx`).query(query);
      expect(res.status, list).toBe(400);
      expect(JSON.stringify(res.body), list).toContain(field);
    }
  });
});
