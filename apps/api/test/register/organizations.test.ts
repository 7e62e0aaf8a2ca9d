import { creditCodeCheckCharacter } from '@xiangmeng/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminDb } from '../support/admin-db';
import { createUser, signedInAgent, startTestApi, type TestApi, type TestUser } from '../support/harness';
import {
  creditCode,
  dataOf,
  expectBadInput,
  expectRefused,
  M,
  type OrganizationView,
  RegisterClient,
  uniqueName,
} from '../support/register-client';

// The shared directory of legal persons: one entry per credit code province-wide, checked by
// GB 32100-2015; corrected only by the city that added it or by the province, always audited.

type Actor = { user: TestUser; register: RegisterClient };

describe('organization directory', () => {
  let api: TestApi;
  let db: AdminDb;
  let changsha: Actor;
  let zhuzhou: Actor;
  let province: Actor;

  async function actor(tenantCode: string, role: string): Promise<Actor> {
    const user = await createUser(tenantCode, [role]);
    return { user, register: new RegisterClient(await signedInAgent(api, user)) };
  }

  function orgInput(overrides: Record<string, unknown> = {}) {
    return {
      creditCode: creditCode(),
      name: uniqueName('长沙测试企业'),
      type: 'ENTERPRISE',
      legalRepresentative: '王五',
      ...overrides,
    };
  }

  async function stored(code: string) {
    return db.rows<{ id: string; name: string; version: number; added_by_tenant_id: string }>(
      'SELECT id, name, version, added_by_tenant_id FROM organization WHERE credit_code = $1',
      [code],
    );
  }

  beforeAll(async () => {
    api = await startTestApi();
    db = await AdminDb.open();
    changsha = await actor('430100', 'CITY_OFFICER');
    zhuzhou = await actor('430200', 'CITY_OFFICER');
    province = await actor('430000', 'PROVINCE_OFFICER');
  });
  afterAll(async () => {
    await db.close();
    await api.close();
  });

  it('adds an organization with a valid code, normalised, with its division and one audit event', async () => {
    const code = creditCode({ division: '430102' });
    const mark = await db.auditMark();
    const res = await changsha.register.send<{ addOrganization: OrganizationView }>(M.addOrganization, {
      input: orgInput({
        creditCode: ` ${code.toLowerCase()} `,
        industryBackbone: true,
        backboneBasis: '省内行业前三',
      }),
    });
    const org = dataOf(res).addOrganization;
    expect(org).toMatchObject({
      creditCode: code,
      divisionCode: '430102',
      inHunan: true,
      typeMismatchWarning: false,
      industryBackbone: true,
      backboneBasis: '省内行业前三',
      correctable: true,
    });
    const rows = await stored(code);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.added_by_tenant_id).toBe(changsha.user.tenantId);
    const events = await db.auditSince(mark);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      tenant_id: changsha.user.tenantId,
      actor_user_id: changsha.user.id,
      action: 'organization.add',
      subject_id: org.id,
    });
  });

  const valid = creditCode();
  const first17 = valid.slice(0, 17);
  const wrongCheck = '0123456789ABCDEFGHJKLMNPQRTUWXY'.split('').find((c) => c !== valid.charAt(17))!;
  const badCodes: [label: string, code: string, rule: string][] = [
    ['17 characters', first17, 'CREDIT_CODE_LENGTH'],
    ['19 characters', `${valid}0`, 'CREDIT_CODE_LENGTH'],
    ['empty', '', 'CREDIT_CODE_LENGTH'],
    ...['I', 'O', 'Z', 'S', 'V'].map((c): [string, string, string] => {
      const body = `${first17.slice(0, 10)}${c}${first17.slice(11)}`;
      return [`the letter ${c}`, body + creditCodeCheckCharacter(body), 'CREDIT_CODE_CHARSET'];
    }),
    ['a hyphen', `${first17.slice(0, 16)}-${valid.charAt(17)}`, 'CREDIT_CODE_CHARSET'],
    ['a Chinese character', `${first17.slice(0, 16)}湘${valid.charAt(17)}`, 'CREDIT_CODE_CHARSET'],
    ['a wrong check character', first17 + wrongCheck, 'CREDIT_CODE_CHECK_CHARACTER'],
    [
      'two characters swapped',
      `${valid.charAt(1)}${valid.charAt(0)}${valid.slice(2)}`,
      'CREDIT_CODE_CHECK_CHARACTER',
    ],
  ];

  it.each(badCodes)('refuses a code with %s (%s) as %s, writing nothing', async (_label, code, rule) => {
    const before = await db.fingerprint(changsha.user.tenantId);
    const res = await changsha.register.send(M.addOrganization, { input: orgInput({ creditCode: code }) });
    expectBadInput(res, 'creditCode', rule);
    expect(await db.fingerprint(changsha.user.tenantId)).toEqual(before);
  });

  it('refuses a code already in the directory, from any city, in any spelling', async () => {
    const code = creditCode();
    await changsha.register.send(M.addOrganization, { input: orgInput({ creditCode: code }) });
    for (const [who, spelling] of [
      [changsha, code],
      [zhuzhou, code],
      [province, ` ${code.toLowerCase()}`],
    ] as const) {
      const before = await db.fingerprint(who.user.tenantId);
      const res = await who.register.send(M.addOrganization, { input: orgInput({ creditCode: spelling }) });
      expectBadInput(res, 'creditCode', 'CREDIT_CODE_TAKEN');
      expect(await db.fingerprint(who.user.tenantId)).toEqual(before);
    }
    expect(await stored(code)).toHaveLength(1);
  });

  it.each([
    ['an enterprise registered by market regulation', '9', 'ENTERPRISE', false],
    ['a university registered by market regulation', '9', 'UNIVERSITY', true],
    ['a public university', '1', 'UNIVERSITY', false],
    ['a private university (civil affairs)', '5', 'UNIVERSITY', false],
    ['a bank registered by an establishment office', '1', 'BANK', true],
    ['an enterprise registered by civil affairs', '5', 'ENTERPRISE', true],
    ['an organization of type OTHER', '1', 'OTHER', false],
  ])('warns of a type mismatch for %s: %s/%s → %s', async (_label, authority, type, mismatch) => {
    const org = await changsha.register.addOrganization({ creditCode: creditCode({ authority }), type });
    expect(org.typeMismatchWarning).toBe(mismatch);
  });

  it.each([
    ['430100', true],
    ['433127', true],
    ['110108', false],
    ['440300', false],
  ])('places a unit registered in division %s in Hunan: %s', async (division, inHunan) => {
    const org = await changsha.register.addOrganization({ creditCode: creditCode({ division }) });
    expect(org).toMatchObject({ divisionCode: division, inHunan });
  });

  describe('corrections', () => {
    async function correct(who: Actor, org: OrganizationView, name: string, version = org.version) {
      return who.register.send<{ correctOrganization: OrganizationView }>(M.correctOrganization, {
        input: {
          id: org.id,
          name,
          type: org.type,
          legalRepresentative: '赵六',
          industryBackbone: false,
          backboneBasis: '',
          version,
        },
      });
    }

    it('lets the adding city and the province correct an entry, each with one audit event in its own chain', async () => {
      const org = await changsha.register.addOrganization();
      expect(org.correctable).toBe(true);
      let version = org.version;
      for (const who of [changsha, province]) {
        const name = uniqueName('更正后名称');
        const mark = await db.auditMark();
        const corrected = dataOf(await correct(who, org, name, version)).correctOrganization;
        version = corrected.version;
        expect(corrected).toMatchObject({
          id: org.id,
          name,
          legalRepresentative: '赵六',
          creditCode: org.creditCode,
        });
        const events = await db.auditSince(mark);
        expect(events).toHaveLength(1);
        expect(events[0]).toMatchObject({
          tenant_id: who.user.tenantId,
          actor_user_id: who.user.id,
          action: 'organization.correct',
          subject_id: org.id,
          after: expect.objectContaining({ name }) as unknown,
        });
      }
      const [row] = await stored(org.creditCode);
      expect(row!.version).toBe(3);
    });

    it('refuses another city with ORGANIZATION_NOT_CORRECTABLE, changing and auditing nothing', async () => {
      const org = await changsha.register.addOrganization();
      const [seen] = dataOf(
        await zhuzhou.register.send<{ organizations: OrganizationView[] }>(
          `query ($search: String!) { organizations(search: $search) { id correctable } }`,
          { search: org.creditCode },
        ),
      ).organizations;
      expect(seen).toEqual({ id: org.id, correctable: false });
      const before = await stored(org.creditCode);
      const mark = await db.auditMark();
      expectRefused(await correct(zhuzhou, org, uniqueName('越权更正')), 'ORGANIZATION_NOT_CORRECTABLE');
      expect(await stored(org.creditCode)).toEqual(before);
      expect(await db.auditSince(mark)).toEqual([]);
    });

    it('refuses a correction whose version went stale under it with CONFLICT, leaving the other write and no audit event', async () => {
      const org = await changsha.register.addOrganization();
      // Another writer holds the row; the API reads version 1, then waits for the row…
      const other = await AdminDb.open();
      try {
        await other.rows('BEGIN');
        await other.rows('SELECT 1 FROM organization WHERE id = $1 FOR UPDATE', [org.id]);
        const mark = await db.auditMark();
        const pending = correct(changsha, org, uniqueName('迟到的更正'));
        await waitForLockWait(db, 'UPDATE "organization"');
        // …while the other writer commits version 2 first.
        await other.rows(`UPDATE organization SET name = '先到的更正', version = version + 1 WHERE id = $1`, [
          org.id,
        ]);
        await other.rows('COMMIT');
        const res = await pending;
        expectRefused(res, 'CONFLICT');
        const [row] = await stored(org.creditCode);
        expect(row).toMatchObject({ name: '先到的更正', version: 2 });
        expect(await db.auditSince(mark)).toEqual([]);
      } finally {
        await other.close();
      }
    });

    it('refuses an unknown id with NOT_FOUND and bad fields with BAD_USER_INPUT', async () => {
      const org = await changsha.register.addOrganization();
      const ghost = { ...org, id: '00000000-0000-4000-8000-000000000000' };
      expectRefused(await correct(changsha, ghost, '某单位'), 'NOT_FOUND');
      expectBadInput(await correct(changsha, org, ' '), 'name', 'LENGTH');
    });
  });
});

/** Waits until a statement of the API is blocked on a row lock. */
async function waitForLockWait(db: AdminDb, statementStart: string): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    const waiting = await db.count(
      `SELECT count(*) FROM pg_stat_activity
       WHERE application_name = 'xiangmeng-api' AND wait_event_type = 'Lock' AND query LIKE $1`,
      [`${statementStart}%`],
    );
    if (waiting > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`no statement "${statementStart}…" waited for a lock`);
}
