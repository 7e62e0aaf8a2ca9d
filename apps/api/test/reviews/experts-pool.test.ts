import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminDb } from '../support/admin-db';
import {
  createUser,
  type GraphqlAgent,
  signedInAgent,
  startTestApi,
  type TestApi,
  tenantId,
} from '../support/harness';
import { dataOf, expectBadInput, expectRefused, today } from '../support/register-client';
import {
  createExpert,
  expertAccount,
  expertName,
  type ExpertView,
  OPS,
  organization,
  type Organization,
  PROVINCE,
} from './review-fixtures';

// The province's expert pool (Art. 11): who keeps it, what a valid entry is, and that declared
// conflicts are history. Experts here review in 生物医药 (HP11) only, away from the panels' tests.

describe('expert pool', () => {
  let api: TestApi;
  let db: AdminDb;
  let officer: GraphqlAgent;
  let cityOfficer: GraphqlAgent;
  let orgA: Organization;
  let orgB: Organization;
  let changsha: string;

  beforeAll(async () => {
    api = await startTestApi();
    db = await AdminDb.open();
    officer = await signedInAgent(api, await createUser(PROVINCE, ['PROVINCE_OFFICER']));
    cityOfficer = await signedInAgent(api, await createUser('430100', ['CITY_OFFICER']));
    orgA = await organization('评审池单位甲', '430100');
    orgB = await organization('评审池单位乙', '430100');
    changsha = await tenantId('430100');
  });

  afterAll(async () => {
    await db.close();
    await api.close();
  });

  it('adds an expert with affiliations (an organization and a bureau) and an account, audited', async () => {
    const account = await expertAccount();
    const mark = await db.auditMark();
    const expert = await createExpert(officer, {
      name: expertName('李教授'),
      title: '教授',
      domainCodes: ['HP11', 'SE04'],
      affiliations: [{ organizationId: orgA.id, position: '首席科学家' }, { bureauTenantId: changsha }],
      accountUserId: account.id,
    });
    expect(expert.domains.map((d) => d.code)).toEqual(['HP11', 'SE04']);
    expect(expert.affiliations.map((a) => a.label).sort()).toEqual([orgA.name, '长沙市科学技术局'].sort());
    expect(expert.affiliations.find((a) => a.organization?.id === orgA.id)!.position).toBe('首席科学家');
    expect(expert.affiliations.find((a) => a.bureau)!.bureau!.id).toBe(changsha);
    expect(expert.accountUsername).toBe(account.username);
    expect(expert.reviewsThisYear).toBe(0);
    expect(expert.yearlyCap).toBe(20);
    const events = await db.auditSince(mark);
    expect(events.map((e) => [e.action, e.subject_type, e.subject_id])).toEqual([
      ['expert.create', 'expert', expert.id],
    ]);

    const listed = dataOf(await officer.send<{ experts: ExpertView[] }>(OPS.experts)).experts;
    expect(listed.map((e) => e.id)).toContain(expert.id);
    // Another tier's pool is its own.
    const cityList = dataOf(await cityOfficer.send<{ experts: ExpertView[] }>(OPS.experts)).experts;
    expect(cityList.map((e) => e.id)).not.toContain(expert.id);
  });

  it('refuses bad input field by field, and writes nothing', async () => {
    const before = await db.count('SELECT count(*) FROM expert');
    const send = (input: Record<string, unknown>) =>
      officer.send(OPS.createExpert, {
        input: { name: '王研究员', title: '研究员', domainCodes: ['HP11'], affiliations: [], ...input },
      });
    expectBadInput(await send({ name: '  ' }), 'name', 'REQUIRED');
    expectBadInput(await send({ title: '' }), 'title', 'REQUIRED');
    expectBadInput(await send({ domainCodes: [] }), 'domainCodes', 'REQUIRED');
    expectBadInput(await send({ domainCodes: ['HP11', 'XX99'] }), 'domainCodes.1', 'UNKNOWN_INDUSTRY');
    expectBadInput(
      await send({ affiliations: [{ organizationId: '00000000-0000-4000-8000-000000000000' }] }),
      'affiliations.0.organizationId',
      'UNKNOWN_ORGANIZATION',
    );
    expectBadInput(
      await send({ affiliations: [{ organizationId: orgA.id, bureauTenantId: changsha }] }),
      'affiliations.0',
      'ONE_OF_ORGANIZATION_OR_BUREAU',
    );
    expectBadInput(
      await send({ affiliations: [{ organizationId: orgA.id }, { organizationId: orgA.id }] }),
      'affiliations.1',
      'DUPLICATE',
    );
    expectBadInput(await send({ available: false }), 'unavailableReason', 'REQUIRED');
    // Not an EXPERT account, another tier's account, an account already linked.
    const officerAccount = await createUser(PROVINCE, ['PROVINCE_OFFICER']);
    expectBadInput(
      await send({ accountUserId: officerAccount.id }),
      'accountUserId',
      'NOT_AN_EXPERT_ACCOUNT',
    );
    const cityExpert = await expertAccount('430100');
    expectBadInput(await send({ accountUserId: cityExpert.id }), 'accountUserId', 'NOT_AN_EXPERT_ACCOUNT');
    const linked = await expertAccount();
    await createExpert(officer, {
      name: expertName('赵工'),
      title: '高工',
      domainCodes: ['HP11'],
      affiliations: [],
      accountUserId: linked.id,
    });
    expectBadInput(await send({ accountUserId: linked.id }), 'accountUserId', 'ACCOUNT_LINKED');
    expect(await db.count('SELECT count(*) FROM expert')).toBe(before + 1);
  });

  it('is kept by the authority staff only', async () => {
    const expertUser = await signedInAgent(api, await expertAccount());
    expectRefused(await expertUser.send(OPS.experts), 'FORBIDDEN');
    expectRefused(
      await expertUser.send(OPS.createExpert, {
        input: { name: '钱专家', title: '教授', domainCodes: ['HP11'], affiliations: [] },
      }),
      'FORBIDDEN',
    );
  });

  it('updates by version and replaces the affiliations; a stale version is a conflict', async () => {
    const expert = await createExpert(officer, {
      name: expertName('孙教授'),
      title: '教授',
      domainCodes: ['HP11'],
      affiliations: [{ organizationId: orgA.id }],
    });
    const input = {
      name: expert.name,
      title: '二级教授',
      domainCodes: ['HP11'],
      affiliations: [{ organizationId: orgB.id, position: '顾问' }],
      available: false,
      unavailableReason: '出国访学',
    };
    const mark = await db.auditMark();
    const updated = dataOf(
      await officer.send<{ updateExpert: ExpertView }>(OPS.updateExpert, {
        input: { id: expert.id, version: expert.version, expert: input },
      }),
    ).updateExpert;
    expect(updated.version).toBe(expert.version + 1);
    expect(updated.affiliations.map((a) => a.label)).toEqual([orgB.name]);
    expect(updated.available).toBe(false);
    expect((await db.auditSince(mark)).map((e) => e.action)).toEqual(['expert.update']);
    expectRefused(
      await officer.send(OPS.updateExpert, {
        input: { id: expert.id, version: expert.version, expert: input },
      }),
      'CONFLICT',
    );
    expectRefused(
      await cityOfficer.send(OPS.updateExpert, {
        input: { id: expert.id, version: updated.version, expert: input },
      }),
      'NOT_FOUND',
    );
  });

  it('records declared conflicts as history: never deleted, twice refused, dated', async () => {
    const expert = await createExpert(officer, {
      name: expertName('周研究员'),
      title: '研究员',
      domainCodes: ['HP11'],
      affiliations: [],
    });
    const mark = await db.auditMark();
    const declared = dataOf(
      await officer.send<{ declareExpertConflict: ExpertView }>(OPS.declareConflict, {
        input: {
          expertId: expert.id,
          organizationId: orgB.id,
          reason: '近三年有合作项目',
          declaredOn: today(),
        },
      }),
    ).declareExpertConflict;
    expect(declared.declaredConflicts).toMatchObject([
      { label: orgB.name, reason: '近三年有合作项目', declaredOn: today() },
    ]);
    expect((await db.auditSince(mark)).map((e) => [e.action, e.subject_type])).toEqual([
      ['expert.declare_conflict', 'expert'],
    ]);
    expectBadInput(
      await officer.send(OPS.declareConflict, {
        input: { expertId: expert.id, organizationId: orgB.id, reason: '再次声明', declaredOn: today() },
      }),
      'tie',
      'ALREADY_DECLARED',
    );
    expectBadInput(
      await officer.send(OPS.declareConflict, {
        input: { expertId: expert.id, organizationId: orgA.id, reason: '合作', declaredOn: '2099-01-01' },
      }),
      'declaredOn',
      'NOT_IN_FUTURE',
    );
    expectBadInput(
      await officer.send(OPS.declareConflict, {
        input: { expertId: expert.id, organizationId: orgA.id, reason: ' ', declaredOn: today() },
      }),
      'reason',
      'REQUIRED',
    );
    // Updating the expert keeps the declared conflict.
    const after = dataOf(
      await officer.send<{ updateExpert: ExpertView }>(OPS.updateExpert, {
        input: {
          id: expert.id,
          version: declared.version,
          expert: { name: expert.name, title: '研究员', domainCodes: ['HP11'], affiliations: [] },
        },
      }),
    ).updateExpert;
    expect(after.declaredConflicts).toHaveLength(1);
    // The runtime role cannot delete it either.
    expect(
      await db.count(`SELECT count(*) FROM information_schema.role_table_grants
      WHERE grantee = 'xiangmeng_app' AND table_name = 'expert_conflict' AND privilege_type = 'DELETE'`),
    ).toBe(0);
  });
});
