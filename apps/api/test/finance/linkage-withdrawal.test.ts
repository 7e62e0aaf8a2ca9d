import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BadInputRow, badInputCells, tablesFingerprintSql } from '../support/bad-input-table';
import {
  asAdmin,
  asRuntimeRole,
  createUser,
  type GraphqlAgent,
  signedInAgent,
  startTestApi,
  type TestApi,
  tenantId,
} from '../support/harness';
import { creditCode, dataOf, expectBadInput, expectRefused, uniqueName } from '../support/register-client';
import { TestClock } from '../support/test-clock';
import { CHANGSHA, PROVINCE, ZHUZHOU } from '../pilots/pilot-client';
import { F, type FinanceParties, financeParties, needInput, type NeedView, postNeed } from './finance-client';

// Withdrawal from the province's linkage programme (Art. 17): the province records it (the
// institution asked, or the province acts for it) with a day and a reason; the enrolment stays on
// record with both, the audit chain has it, and from that day the institution no longer sees the
// needs shared through the programme — the database's finance_need_visible_to decides, so an
// introduction written past the API is refused too. A city cannot withdraw anyone.

const LINKAGE = `id organizationId name enrolledOn withdrawnOn withdrawalReason`;
const WITHDRAW = `mutation ($input: WithdrawLinkageInstitutionInput!) {
  withdrawLinkageInstitution(input: $input) { ${LINKAGE} } }`;
const LIST = `{ linkageInstitutions { ${LINKAGE} } }`;

type Enrolment = {
  id: string;
  organizationId: string;
  enrolledOn: string;
  withdrawnOn: string | null;
  withdrawalReason: string | null;
};

/** An institution of `type` enrolled in the province's programme on `enrolledOn` (as the superuser). */
async function enrolled(type: string, enrolledOn: string): Promise<{ organizationId: string; id: string }> {
  const province = await tenantId(PROVINCE);
  return asAdmin(async (c) => {
    const { rows: made } = await c.query<{ id: string }>(
      `INSERT INTO organization (credit_code, name, type, legal_representative, added_by_tenant_id)
       VALUES ($1, $2, $3, '李四', $4) RETURNING id`,
      [creditCode({ division: '430100' }), uniqueName('退出测试机构'), type, province],
    );
    const { rows } = await c.query<{ id: string }>(
      `INSERT INTO finance_linkage_institution (tenant_id, organization_id, enrolled_on) VALUES ($1, $2, $3) RETURNING id`,
      [province, made[0]!.id, enrolledOn],
    );
    return { organizationId: made[0]!.id, id: rows[0]!.id };
  });
}

describe('withdrawal from the linkage programme', () => {
  const clock = new TestClock(new Date('2026-12-06T10:00:00+08:00'));
  let api: TestApi;
  let zzOfficer: GraphqlAgent;
  let provOfficer: GraphqlAgent;
  let csOfficer: GraphqlAgent;
  let p: FinanceParties;
  let need: NeedView;
  let enrolmentId: string;

  beforeAll(async () => {
    api = await startTestApi({ clock });
    p = await financeParties(ZHUZHOU);
    zzOfficer = await signedInAgent(api, await createUser(ZHUZHOU, ['CITY_OFFICER'], 'flw'));
    provOfficer = await signedInAgent(api, await createUser(PROVINCE, ['PROVINCE_OFFICER'], 'flw'));
    csOfficer = await signedInAgent(api, await createUser(CHANGSHA, ['CITY_OFFICER'], 'flw'));
    need = await postNeed(zzOfficer, needInput(p, { inLinkageProgramme: true }));
    const list = dataOf(
      await provOfficer.send<{ linkageInstitutions: Enrolment[] }>(LIST),
    ).linkageInstitutions;
    enrolmentId = list.find((l) => l.organizationId === p.linkageVcId)!.id;
  });

  afterAll(async () => {
    await api?.close();
  });

  const visibleTo = async (institutionId: string) =>
    dataOf(
      await zzOfficer.send<{ financingNeeds: NeedView[] }>(F.needs, { institutionId }),
    ).financingNeeds.map((n) => n.id);

  it('before: the enrolled institution sees the shared need and is introduced to it', async () => {
    expect(await visibleTo(p.linkageVcId)).toContain(need.id);
    const introduced = dataOf(
      await zzOfficer.send<{ introduceInstitution: NeedView }>(F.introduce, {
        input: { needId: need.id, institutionId: p.linkageVcId, introducedOn: '2026-11-05' },
      }),
    ).introduceInstitution;
    expect(introduced.introductions.map((i) => i.institutionId)).toEqual([p.linkageVcId]);
  });

  it('a city may not withdraw an institution from the province’s programme', async () => {
    expectRefused(
      await zzOfficer.send(WITHDRAW, {
        input: { id: enrolmentId, withdrawnOn: '2026-12-06', reason: '市州代办' },
      }),
      'FORBIDDEN',
    );
  });

  it('the province withdraws it with a reason: kept on record, audited, and the need no longer visible', async () => {
    const withdrawn = dataOf(
      await provOfficer.send<{ withdrawLinkageInstitution: Enrolment }>(WITHDRAW, {
        input: { id: enrolmentId, withdrawnOn: '2026-12-06', reason: '  机构申请退出，业务调整  ' },
      }),
    ).withdrawLinkageInstitution;
    expect(withdrawn).toMatchObject({
      id: enrolmentId,
      organizationId: p.linkageVcId,
      enrolledOn: '2024-01-01',
      withdrawnOn: '2026-12-06',
      withdrawalReason: '机构申请退出，业务调整',
    });
    // The history stays: the province and its cities still read the enrolment, withdrawn.
    for (const agent of [provOfficer, zzOfficer, csOfficer])
      expect(
        dataOf(await agent.send<{ linkageInstitutions: Enrolment[] }>(LIST)).linkageInstitutions.find(
          (l) => l.id === enrolmentId,
        ),
      ).toMatchObject({ withdrawnOn: '2026-12-06', withdrawalReason: '机构申请退出，业务调整' });
    const audit = await asAdmin((c) =>
      c.query<{ action: string; before: unknown; after: unknown }>(
        `SELECT action, before, after FROM audit_event WHERE subject_id = $1 ORDER BY seq`,
        [enrolmentId],
      ),
    );
    expect(audit.rows).toEqual([
      {
        action: 'finance.linkage_institution.withdraw',
        before: { organizationId: p.linkageVcId, enrolledOn: '2024-01-01', withdrawnOn: null },
        after: { organizationId: p.linkageVcId, withdrawnOn: '2026-12-06', reason: '机构申请退出，业务调整' },
      },
    ]);

    // From the day of withdrawal: not among the institution's needs, not introduced again.
    expect(await visibleTo(p.linkageVcId)).not.toContain(need.id);
    expectBadInput(
      await zzOfficer.send(F.introduce, {
        input: { needId: need.id, institutionId: p.linkageVcId, introducedOn: '2026-12-06' },
      }),
      'institutionId',
      'NEED_NOT_VISIBLE',
    );
    // The bank that is a member of the alliance still sees it: withdrawal ends only the programme's path.
    expect(await visibleTo(p.bankId)).toContain(need.id);
    // The introduction made while it took part is history and stays.
    const now = dataOf(
      await zzOfficer.send<{ financingNeed: NeedView }>(F.need, { id: need.id }),
    ).financingNeed;
    expect(now.introductions.map((i) => i.institutionId)).toEqual([p.linkageVcId]);
  });

  it('the database holds it past the API: an introduction written in SQL is refused, the withdrawal is final', async () => {
    const zz = await tenantId(ZHUZHOU);
    const province = await tenantId(PROVINCE);
    const refused = await asRuntimeRole({ tenantId: zz, roles: ['CITY_OFFICER'] }, (c) =>
      c
        .query(
          `INSERT INTO financing_introduction (tenant_id, need_id, institution_id, introduced_on) VALUES ($1, $2, $3, '2026-12-06')`,
          [zz, need.id, p.linkageVcId],
        )
        .then(
          () => null,
          (e: { hint?: string }) => e.hint,
        ),
    );
    expect(refused).toBe('NEED_NOT_VISIBLE');
    // Only the day before the withdrawal it was still visible: the rule is dated, not a switch.
    const visibleOn = (day: string) =>
      asRuntimeRole({ tenantId: zz, roles: ['CITY_OFFICER'] }, (c) =>
        c
          .query<{ v: boolean }>(`SELECT finance_need_visible_to($1, $2, $3, $4) AS v`, [
            zz,
            need.id,
            p.linkageVcId,
            day,
          ])
          .then((r) => r.rows[0]!.v),
      );
    expect(await visibleOn('2026-12-05')).toBe(true);
    expect(await visibleOn('2026-12-06')).toBe(false);
    // A withdrawn enrolment never changes again, whoever writes.
    const rewrite = await asRuntimeRole({ tenantId: province, roles: ['PROVINCE_ADMIN'] }, (c) =>
      c
        .query(
          `UPDATE finance_linkage_institution SET withdrawn_on = NULL, withdrawal_reason = NULL WHERE id = $1`,
          [enrolmentId],
        )
        .then(
          () => null,
          (e: { hint?: string }) => e.hint,
        ),
    );
    expect(rewrite).toBe('LINKAGE_ALREADY_WITHDRAWN');
    // A city's staff cannot touch the province's enrolment in SQL either: no row to update.
    const other = await enrolled('BANK', '2025-01-01');
    const cityUpdate = await asRuntimeRole({ tenantId: zz, roles: ['CITY_ADMIN'] }, (c) =>
      c
        .query(
          `UPDATE finance_linkage_institution SET withdrawn_on = '2026-12-01', withdrawal_reason = '越权' WHERE id = $1`,
          [other.id],
        )
        .then((r) => r.rowCount),
    );
    expect(cityUpdate).toBe(0);
    // A withdrawal without its reason does not stand.
    const noReason = await asRuntimeRole({ tenantId: province, roles: ['PROVINCE_ADMIN'] }, (c) =>
      c
        .query(`UPDATE finance_linkage_institution SET withdrawn_on = '2026-12-01' WHERE id = $1`, [other.id])
        .then(
          () => null,
          (e: { code?: string }) => e.code,
        ),
    );
    expect(noReason).toBe('23514');
  });

  it('withdrawals sent at once: exactly one stands, with one audit event', async () => {
    const target = await enrolled('BANK', '2025-01-01');
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        provOfficer.send(WITHDRAW, {
          input: { id: target.id, withdrawnOn: '2026-12-06', reason: `并发退出${i}` },
        }),
      ),
    );
    expect(answers.filter((a) => !a.errors?.length)).toHaveLength(1);
    for (const a of answers.filter((x) => x.errors?.length))
      expect(a.errors![0]!.extensions?.violations).toEqual([
        expect.objectContaining({ field: 'id', rule: 'ALREADY_WITHDRAWN' }),
      ]);
    const audit = await asAdmin((c) =>
      c.query(`SELECT 1 FROM audit_event WHERE subject_id = $1`, [target.id]).then((r) => r.rowCount),
    );
    expect(audit).toBe(1);
  });

  it('joining again is a new enrolment; the withdrawn one stays beside it', async () => {
    const again = dataOf(
      await provOfficer.send<{ enrolLinkageInstitution: Enrolment }>(F.enrol, {
        input: { organizationId: p.linkageVcId, enrolledOn: '2026-12-06' },
      }),
    ).enrolLinkageInstitution;
    expect(again.id).not.toBe(enrolmentId);
    const rows = dataOf(
      await provOfficer.send<{ linkageInstitutions: Enrolment[] }>(LIST),
    ).linkageInstitutions.filter((l) => l.organizationId === p.linkageVcId);
    expect(rows.map((r) => [r.enrolledOn, r.withdrawnOn])).toEqual([
      ['2026-12-06', null],
      ['2024-01-01', '2026-12-06'],
    ]);
    expect(await visibleTo(p.linkageVcId)).toContain(need.id);
  });
});

type Who = 'provOfficer' | 'zzOfficer';
type Fixture = { open: string; openEnrolledOn: string; withdrawn: string };
const withdraw = (f: Fixture, o: Record<string, unknown> = {}) => ({
  input: { id: f.open, withdrawnOn: '2026-12-06', reason: '机构申请退出', ...o },
});
const spec = (
  name: string,
  variables: (f: Fixture) => Record<string, unknown>,
  field: string,
  rule: string,
): BadInputRow<'withdraw', Who, Fixture> => ({
  op: 'withdraw',
  who: 'provOfficer',
  name,
  variables,
  code: 'BAD_USER_INPUT',
  violations: [[field, rule]],
});

const TABLE: BadInputRow<'withdraw', Who, Fixture>[] = [
  spec('no reason', (f) => withdraw(f, { reason: '  ' }), 'reason', 'REQUIRED'),
  spec('a reason too long', (f) => withdraw(f, { reason: '因'.repeat(501) }), 'reason', 'TOO_LONG'),
  spec('no such day', (f) => withdraw(f, { withdrawnOn: '2026-02-30' }), 'withdrawnOn', 'CALENDAR_DATE'),
  spec('not a date', (f) => withdraw(f, { withdrawnOn: '下周' }), 'withdrawnOn', 'CALENDAR_DATE'),
  spec('tomorrow', (f) => withdraw(f, { withdrawnOn: '2026-12-07' }), 'withdrawnOn', 'NOT_FUTURE'),
  spec(
    'before it enrolled',
    (f) => withdraw(f, { withdrawnOn: '2025-05-31' }),
    'withdrawnOn',
    'NOT_BEFORE_ENROLMENT',
  ),
  spec('withdrawn already', (f) => withdraw(f, { id: f.withdrawn }), 'id', 'ALREADY_WITHDRAWN'),
  {
    op: 'withdraw',
    who: 'provOfficer',
    name: 'an unknown id',
    variables: (f) => withdraw(f, { id: randomUUID() }),
    code: 'NOT_FOUND',
  },
  {
    op: 'withdraw',
    who: 'provOfficer',
    name: 'not an id',
    variables: (f) => withdraw(f, { id: 'x' }),
    code: 'NOT_FOUND',
  },
  {
    op: 'withdraw',
    who: 'zzOfficer',
    name: 'a city withdraws',
    variables: (f) => withdraw(f),
    code: 'FORBIDDEN',
  },
];

describe('withdrawal from the linkage programme: bad input', () => {
  const clock = new TestClock(new Date('2026-12-06T10:00:00+08:00'));
  let api: TestApi;
  const agents = {} as Record<Who, GraphqlAgent>;
  const fixture = {} as Fixture;

  beforeAll(async () => {
    api = await startTestApi({ clock });
    agents.provOfficer = await signedInAgent(api, await createUser(PROVINCE, ['PROVINCE_OFFICER'], 'flwb'));
    agents.zzOfficer = await signedInAgent(api, await createUser(ZHUZHOU, ['CITY_OFFICER'], 'flwb'));
    fixture.open = (await enrolled('GUARANTEE', '2025-06-01')).id;
    fixture.openEnrolledOn = '2025-06-01';
    const done = await enrolled('INSURANCE', '2025-06-01');
    await asAdmin((c) =>
      c.query(
        `UPDATE finance_linkage_institution SET withdrawn_on = '2026-01-10', withdrawal_reason = '保险业务收缩' WHERE id = $1`,
        [done.id],
      ),
    );
    fixture.withdrawn = done.id;
  });

  afterAll(async () => {
    await api?.close();
  });

  badInputCells({
    title: 'linkage withdrawal bad input',
    table: TABLE,
    send: (row) => agents[row.who].send(WITHDRAW, row.variables(fixture)),
    fingerprint: () =>
      asAdmin(async (c) =>
        JSON.stringify((await c.query(tablesFingerprintSql(['finance_linkage_institution']))).rows),
      ),
  });
});
