import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVINCE, staff, ZHUZHOU } from '../pilots/pilot-client';
import { AdminDb } from '../support/admin-db';
import { type GraphqlAgent, startTestApi, type TestApi } from '../support/harness';
import { expectBadInput, RegisterClient, uniqueName } from '../support/register-client';
import { TestClock } from '../support/test-clock';
import { record, recorded, sentToProvince } from './national-pilot-client';

// Bad input to the national pilot list: each refusal is BAD_USER_INPUT naming the field and the
// rule, with a Chinese message, and nothing is written.

describe('national pilot designations: bad input', () => {
  const clock = new TestClock(new Date('2027-06-01T10:00:00+08:00'));
  let api: TestApi;
  let db: AdminDb;
  let provAdmin: GraphqlAgent;
  let zzOfficer: GraphqlAgent;
  let allianceId: string;
  let provinceId: string;

  beforeAll(async () => {
    api = await startTestApi({ clock });
    db = await AdminDb.open();
    const admin = await staff(api, PROVINCE, ['PROVINCE_ADMIN']);
    provAdmin = admin.agent;
    provinceId = admin.user.tenantId;
    zzOfficer = (await staff(api, ZHUZHOU, ['CITY_OFFICER'])).agent;
    allianceId = (await new RegisterClient(zzOfficer).registerAlliance({ name: uniqueName('国家试点测试联盟') })).id;
    await sentToProvince(db, allianceId, provinceId);
  });

  afterAll(async () => {
    await db?.close();
    await api?.close();
  });

  const written = (id: string) =>
    db.count('SELECT count(*)::int AS n FROM national_pilot_designation WHERE alliance_id::text = $1', [id]);

  it.each([
    ['no document number (文号)', { documentNumber: '   ' }, 'documentNumber', 'REQUIRED'],
    ['a document number of 101 characters', { documentNumber: '文'.repeat(101) }, 'documentNumber', 'TOO_LONG'],
    ['a designation date yet to come (China date)', { designatedOn: '2027-06-02' }, 'designatedOn', 'NOT_IN_FUTURE'],
    ['a designation date that is no date', { designatedOn: '2027-02-30' }, 'designatedOn', 'DATE'],
    ['no alliance', { allianceId: '' }, 'allianceId', 'REQUIRED'],
    ['an unknown alliance', { allianceId: randomUUID() }, 'allianceId', 'NOT_FOUND'],
    ['an alliance id that is no id', { allianceId: 'not-an-id' }, 'allianceId', 'NOT_FOUND'],
    ['a document that is not the province’s upload', { documentId: randomUUID() }, 'documentId', 'NOT_FOUND'],
  ])('refuses %s, naming the field', async (_name, change, field, rule) => {
    const input = { allianceId, ...change };
    const res = await record(provAdmin, input);
    expectBadInput(res, field, rule);
    expect(await written(input.allianceId)).toBe(0);
  });

  it('takes today (China date) as the latest designation day: 2027-06-01 at 00:30 in Beijing', async () => {
    const late = new TestClock(new Date('2027-05-31T16:30:00Z'));
    const lateApi = await startTestApi({ clock: late });
    try {
      const admin = (await staff(lateApi, PROVINCE, ['PROVINCE_ADMIN'])).agent;
      const other = (await new RegisterClient(zzOfficer).registerAlliance({ name: uniqueName('国家试点测试联盟') })).id;
      await sentToProvince(db, other, provinceId);
      expect((await recorded(admin, { allianceId: other, designatedOn: '2027-06-01' })).designatedOn).toBe('2027-06-01');
    } finally {
      await lateApi.close();
    }
  });

  it('refuses a city alliance that has sent the province nothing as unknown, revealing nothing of it, until it sends something', async () => {
    const unsent = (await new RegisterClient(zzOfficer).registerAlliance({ name: uniqueName('国家试点测试联盟') })).id;
    const res = await record(provAdmin, { allianceId: unsent });
    expectBadInput(res, 'allianceId', 'NOT_FOUND');
    expect(JSON.stringify(res)).not.toContain('国家试点测试联盟');
    expect(await written(unsent)).toBe(0);

    await sentToProvince(db, unsent, provinceId);
    expect((await recorded(provAdmin, { allianceId: unsent })).allianceId).toBe(unsent);
  });

  it('refuses a second designation in force for the alliance, naming the alliance; one row stays', async () => {
    const first = await recorded(provAdmin, { allianceId });
    const res = await record(provAdmin, { allianceId, designatedOn: '2027-05-30' });
    expectBadInput(res, 'allianceId', 'ALREADY_DESIGNATED');
    expect(await written(allianceId)).toBe(1);
    expect(first.inForce).toBe(true);
  });
});
