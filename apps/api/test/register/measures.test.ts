import { HUNAN_2016_PARAMETERS, HUNAN_DIVISIONS, REVIEW_CRITERIA } from '@xiangmeng/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminDb } from '../support/admin-db';
import {
  asRuntimeRole,
  createUser,
  signedInAgent,
  startTestApi,
  type TestApi,
  type TestUser,
} from '../support/harness';
import {
  type AllianceView,
  dataOf,
  errorShape,
  expectBadInput,
  expectRefused,
  M,
  type MeasuresInForceView,
  type MeasuresView,
  Q,
  RegisterClient,
  today,
  uniqueName,
} from '../support/register-client';

// Versioned rule sets (Art. 21–22). The province's 2016 measures are in force for everyone; a city
// overrides some parameters with its own published versions, each from its effective date, and
// published versions never change. Local measures are kept in 湘西 (433100), which no other test
// file uses, so that its stricter rules touch no one else's alliances.

const CITY = '433100';
const PROVINCE_DOCUMENT_NUMBER = '湘科〔2016〕106号';
const FUTURE = '2099-01-01';

type Actor = { user: TestUser; register: RegisterClient };

describe('measures', () => {
  let api: TestApi;
  let db: AdminDb;
  let cityAdmin: Actor;
  let cityOfficer: Actor;
  let otherCityAdmin: Actor;
  let provinceAdmin: Actor;
  let provinceOfficer: Actor;
  let alliance: AllianceView;
  let provinceVersionId: string;
  let localV1: MeasuresView;
  let localV2: MeasuresView;

  async function actor(tenantCode: string, role: string): Promise<Actor> {
    const user = await createUser(tenantCode, [role]);
    return { user, register: new RegisterClient(await signedInAgent(api, user)) };
  }

  async function inForce(who: Actor, asOf?: string): Promise<MeasuresInForceView> {
    return dataOf(
      await who.register.send<{ measuresInForce: MeasuresInForceView }>(Q.measuresInForce, { asOf }),
    ).measuresInForce;
  }

  async function versions(who: Actor): Promise<MeasuresView[]> {
    return dataOf(await who.register.send<{ measuresVersions: MeasuresView[] }>(Q.measuresVersions))
      .measuresVersions;
  }

  async function createDraft(who: Actor, parameters: Record<string, unknown>, effectiveOn = today()) {
    return who.register.send<{ createMeasuresDraft: MeasuresView }>(M.createMeasuresDraft, {
      input: {
        title: uniqueName('湘西州产业技术创新战略联盟实施细则'),
        documentNumber: '州科发〔2026〕8号',
        effectiveOn,
        parameters,
      },
    });
  }

  /** An accepted mutation leaving exactly one audit event, in the actor's chain. */
  async function once<T>(
    who: Actor,
    action: string,
    run: () => Promise<{ data?: T | null; errors?: unknown[] }>,
  ) {
    const mark = await db.auditMark();
    const res = await run();
    expect(res.errors).toBeUndefined();
    const events = await db.auditSince(mark);
    expect(events.map((e) => [e.tenant_id, e.actor_user_id, e.action])).toEqual([
      [who.user.tenantId, who.user.id, action],
    ]);
    return res.data!;
  }

  beforeAll(async () => {
    api = await startTestApi();
    db = await AdminDb.open();
    cityAdmin = await actor(CITY, 'CITY_ADMIN');
    cityOfficer = await actor(CITY, 'CITY_OFFICER');
    otherCityAdmin = await actor('430200', 'CITY_ADMIN');
    provinceAdmin = await actor('430000', 'PROVINCE_ADMIN');
    provinceOfficer = await actor('430000', 'PROVINCE_OFFICER');
    ({ alliance } = await cityOfficer.register.formAlliance());
  });
  afterAll(async () => {
    await db.close();
    await api.close();
  });

  it('holds the seeded province version (湘科〔2016〕106号, 2016-12-16, published) in force for every tenant', async () => {
    for (const division of HUNAN_DIVISIONS) {
      const who = await actor(
        division.code,
        division.parentCode === null ? 'PROVINCE_OFFICER' : 'CITY_OFFICER',
      );
      const rules = await inForce(who);
      expect(rules.province, division.code).toMatchObject({
        documentNumber: PROVINCE_DOCUMENT_NUMBER,
        effectiveOn: '2016-12-16',
        status: 'PUBLISHED',
        title: '湖南省关于推动产业技术创新战略联盟构建与发展的实施办法（试行）',
        parameters: HUNAN_2016_PARAMETERS,
      });
      provinceVersionId = rules.province.id;
    }
    // Before its publication nothing was in force.
    expectRefused(
      await cityOfficer.register.send(Q.measuresInForce, { asOf: '2016-12-15' }),
      'MEASURES_NOT_IN_FORCE',
    );
    expect((await inForce(cityOfficer, '2016-12-16')).province.id).toBe(provinceVersionId);
  });

  it('lets a city admin draft local overrides deriving from the province version, not yet in force', async () => {
    expect((await cityOfficer.register.foundingCheck(alliance.id, 'OWN')).allHold).toBe(true);
    localV1 = (
      await once(cityAdmin, 'measures.create_draft', () =>
        createDraft(cityAdmin, { founding: { minMembers: 5 } }),
      )
    ).createMeasuresDraft;
    expect(localV1).toMatchObject({
      status: 'DRAFT',
      publishedAt: null,
      derivesFromId: provinceVersionId,
      tenantId: cityAdmin.user.tenantId,
      parameters: { founding: { minMembers: 5 } },
    });
    expect((await inForce(cityOfficer)).local?.id).not.toBe(localV1.id);
    expect((await cityOfficer.register.foundingCheck(alliance.id, 'OWN')).allHold).toBe(true);
  });

  const eightCriteria = (weight: number) => REVIEW_CRITERIA.map((key) => ({ key, weight }));
  it.each([
    {
      label: 'an unknown key',
      parameters: { founding: { minMemberz: 5 } },
      field: 'parameters.founding.minMemberz',
      rule: 'UNKNOWN_PARAMETER',
    },
    {
      label: 'an unknown section',
      parameters: { funding: { minMembers: 5 } },
      field: 'parameters.funding',
      rule: 'UNKNOWN_PARAMETER',
    },
    {
      label: 'a section that is not an object',
      parameters: { founding: [5] },
      field: 'parameters.founding',
      rule: 'OBJECT',
    },
    {
      label: 'weights summing to 80',
      parameters: { review: { criteria: eightCriteria(10) } },
      field: 'parameters.review.criteria',
      rule: 'WEIGHTS_SUM_100',
    },
    {
      label: 'seven criteria',
      parameters: { review: { criteria: eightCriteria(12.5).slice(1) } },
      field: 'parameters.review.criteria',
      rule: 'ART_11_CRITERIA',
    },
    {
      label: 'minMembers 1',
      parameters: { founding: { minMembers: 1 } },
      field: 'parameters.founding.minMembers',
      rule: 'INTEGER_RANGE',
    },
    {
      label: 'minMembers as text',
      parameters: { founding: { minMembers: '五' } },
      field: 'parameters.founding.minMembers',
      rule: 'INTEGER_RANGE',
    },
    {
      label: 'a pass mark of 101',
      parameters: { review: { passMark: 101 } },
      field: 'parameters.review.passMark',
      rule: 'INTEGER_RANGE',
    },
    {
      label: 'an unknown backbone rule',
      parameters: { founding: { backboneRule: 'SOMETIMES' } },
      field: 'parameters.founding.backboneRule',
      rule: 'ONE_OF',
    },
  ])('refuses overrides with $label, naming $field ($rule)', async ({ parameters, field, rule }) => {
    const before = await db.fingerprint(cityAdmin.user.tenantId);
    expectBadInput(await createDraft(cityAdmin, parameters), field, rule);
    const update = await cityAdmin.register.send(M.updateMeasuresDraft, {
      input: {
        id: localV1.id,
        title: localV1.title,
        documentNumber: localV1.documentNumber,
        effectiveOn: localV1.effectiveOn,
        parameters,
        version: 1,
      },
    });
    expectBadInput(update, field, rule);
    expect(await db.fingerprint(cityAdmin.user.tenantId)).toEqual(before);
  });

  it('lets only a city admin publish: an officer is FORBIDDEN', async () => {
    const before = await db.fingerprint(cityAdmin.user.tenantId);
    expectRefused(await cityOfficer.register.send(M.publishMeasures, { id: localV1.id }), 'FORBIDDEN');
    expectRefused(await provinceOfficer.register.send(M.publishMeasures, { id: localV1.id }), 'FORBIDDEN');
    expect(await db.fingerprint(cityAdmin.user.tenantId)).toEqual(before);

    const published = (
      await once(cityAdmin, 'measures.publish', () =>
        cityAdmin.register.send<{ publishMeasures: MeasuresView }>(M.publishMeasures, { id: localV1.id }),
      )
    ).publishMeasures;
    expect(published).toMatchObject({
      id: localV1.id,
      status: 'PUBLISHED',
      publishedAt: expect.any(String) as unknown,
    });
    localV1 = published;
  });

  it("then fails the city's own check on MEMBERS for three members, while the province's basis still holds", async () => {
    const rules = await inForce(cityOfficer);
    expect(rules.local?.id).toBe(localV1.id);
    expect(rules.parameters.founding.minMembers).toBe(5);

    const own = await cityOfficer.register.foundingCheck(alliance.id, 'OWN');
    expect(own).toMatchObject({
      allHold: false,
      localMeasuresId: localV1.id,
      provinceMeasuresId: provinceVersionId,
      measuresTitle: localV1.title,
    });
    expect(own.conditions.filter((c) => !c.holds).map((c) => [c.condition, c.reasons])).toEqual([
      [
        'MEMBERS',
        [{ code: 'MEMBERS_TOO_FEW', message: '现有成员单位 3 家，少于 5 家', organizationId: null }],
      ],
    ]);
    const provinceOnly = await cityOfficer.register.foundingCheck(alliance.id, 'PROVINCE');
    expect(provinceOnly).toMatchObject({
      allHold: true,
      localMeasuresId: null,
      provinceMeasuresId: provinceVersionId,
    });

    // Establishing applies the rules in force: refused under the city's, accepted on a date before them.
    const before = await db.fingerprint(cityOfficer.user.tenantId);
    expectBadInput(
      await cityOfficer.register.send(M.establishAlliance, {
        input: { allianceId: alliance.id, establishedOn: today() },
      }),
      'foundingConditions.MEMBERS',
      'MEMBERS_TOO_FEW',
    );
    expect(await db.fingerprint(cityOfficer.user.tenantId)).toEqual(before);
    expect(await cityOfficer.register.foundingCheck(alliance.id, 'OWN', '2025-01-01')).toMatchObject({
      allHold: true,
      localMeasuresId: null,
    });
  });

  it('refuses to change a published version: MEASURES_NOT_DRAFT through the API, and the trigger refuses it in SQL', async () => {
    const before = await db.fingerprint(cityAdmin.user.tenantId);
    const update = await cityAdmin.register.send(M.updateMeasuresDraft, {
      input: {
        id: localV1.id,
        title: '改过的标题',
        documentNumber: localV1.documentNumber,
        effectiveOn: localV1.effectiveOn,
        parameters: { founding: { minMembers: 3 } },
        version: 1,
      },
    });
    expectRefused(update, 'MEASURES_NOT_DRAFT');
    expectRefused(await cityAdmin.register.send(M.publishMeasures, { id: localV1.id }), 'MEASURES_NOT_DRAFT');
    expect(await db.fingerprint(cityAdmin.user.tenantId)).toEqual(before);

    for (const [tenant, id, set] of [
      [cityAdmin.user.tenantId, localV1.id, `title = '偷改'`],
      [cityAdmin.user.tenantId, localV1.id, `status = 'DRAFT', published_at = NULL`],
      [cityAdmin.user.tenantId, localV1.id, `parameters = '{"founding":{"minMembers":3}}'`],
      [provinceAdmin.user.tenantId, provinceVersionId, `effective_on = DATE '2016-01-01'`],
    ] as const) {
      const failure = await asRuntimeRole({ tenantId: tenant, roles: ['CITY_ADMIN'] }, (c) =>
        c.query(`UPDATE measures SET ${set} WHERE id = $1`, [id]).then(
          () => null,
          (error: { code?: string; message?: string }) => error,
        ),
      );
      expect(failure, set).toMatchObject({
        code: '55000',
        message: expect.stringContaining('is published') as unknown,
      });
    }
  });

  it('keeps a version effective in the future out of force until its date; the older one stays readable', async () => {
    localV2 = (
      await once(cityAdmin, 'measures.create_draft', () =>
        createDraft(cityAdmin, { founding: { minMembers: 6 } }, FUTURE),
      )
    ).createMeasuresDraft;
    await once(cityAdmin, 'measures.publish', () =>
      cityAdmin.register.send(M.publishMeasures, { id: localV2.id }),
    );

    expect((await inForce(cityOfficer)).local?.id).toBe(localV1.id);
    expect((await inForce(cityOfficer, '2098-12-31')).local?.id).toBe(localV1.id);
    const later = await inForce(cityOfficer, FUTURE);
    expect(later.local?.id).toBe(localV2.id);
    expect(later.parameters.founding.minMembers).toBe(6);
    expect((await cityOfficer.register.foundingCheck(alliance.id, 'OWN')).localMeasuresId).toBe(localV1.id);
    const future = await cityOfficer.register.foundingCheck(alliance.id, 'OWN', FUTURE);
    expect(future.conditions.find((c) => c.condition === 'MEMBERS')!.reasons[0]!.message).toBe(
      '现有成员单位 3 家，少于 6 家',
    );

    const listed = await versions(cityOfficer);
    expect(listed.find((m) => m.id === localV1.id)).toMatchObject({
      status: 'PUBLISHED',
      parameters: { founding: { minMembers: 5 } },
      effectiveOn: localV1.effectiveOn,
      title: localV1.title,
    });
    expect(listed.find((m) => m.id === localV2.id)).toMatchObject({
      status: 'PUBLISHED',
      effectiveOn: FUTURE,
    });
    expect(listed.find((m) => m.id === provinceVersionId)).toMatchObject({
      status: 'PUBLISHED',
      documentNumber: PROVINCE_DOCUMENT_NUMBER,
    });
  });

  it("never shows a city another city's measures, nor lets it touch them", async () => {
    const draft = dataOf(await createDraft(cityAdmin, { review: { passMark: 75 } })).createMeasuresDraft;
    const seen = await versions(otherCityAdmin);
    expect(seen.filter((m) => m.tenantId === cityAdmin.user.tenantId)).toEqual([]);
    expect([localV1.id, localV2.id, draft.id].filter((id) => seen.some((m) => m.id === id))).toEqual([]);
    const theirs = await inForce(otherCityAdmin);
    expect([localV1.id, localV2.id]).not.toContain(theirs.local?.id);

    const random = '6f1c1c7e-8a51-4d0c-9b53-0f2f4a7e2c11';
    const input = (id: string) => ({
      input: {
        id,
        title: '越权修改',
        documentNumber: '某文号',
        effectiveOn: today(),
        parameters: {},
        version: 1,
      },
    });
    const before = await db.fingerprint(cityAdmin.user.tenantId);
    for (const [query, variables, randomVariables] of [
      [M.publishMeasures, { id: draft.id }, { id: random }],
      [M.updateMeasuresDraft, input(draft.id), input(random)],
    ] as const) {
      const foreign = await otherCityAdmin.register.send(query, variables);
      expectRefused(foreign, 'NOT_FOUND');
      expect(errorShape(foreign)).toEqual(
        errorShape(await otherCityAdmin.register.send(query, randomVariables)),
      );
    }
    expect(await db.fingerprint(cityAdmin.user.tenantId)).toEqual(before);
  });

  it("hides the province's drafts from cities and shows them its published versions", async () => {
    const parameters = structuredClone(HUNAN_2016_PARAMETERS);
    parameters.review.passMark = 75;
    const draft = (
      await once(provinceAdmin, 'measures.create_draft', () =>
        provinceAdmin.register.send<{ createMeasuresDraft: MeasuresView }>(M.createMeasuresDraft, {
          input: {
            title: uniqueName('湖南省实施办法修订稿'),
            documentNumber: '湘科〔2026〕1号',
            effectiveOn: '2100-01-01',
            parameters,
          },
        }),
      )
    ).createMeasuresDraft;
    expect(draft).toMatchObject({ status: 'DRAFT', derivesFromId: null });

    const provinceSees = await versions(provinceAdmin);
    expect(provinceSees.find((m) => m.id === draft.id)).toMatchObject({ status: 'DRAFT' });
    expect(provinceSees.filter((m) => m.tenantId !== provinceAdmin.user.tenantId)).toEqual([]);

    for (const city of [cityAdmin, otherCityAdmin]) {
      const seen = await versions(city);
      expect(seen.some((m) => m.id === draft.id)).toBe(false);
      expect(seen.find((m) => m.id === provinceVersionId)).toMatchObject({ status: 'PUBLISHED' });
      expect(
        seen.filter((m) => m.tenantId === provinceAdmin.user.tenantId).every((m) => m.status === 'PUBLISHED'),
      ).toBe(true);
      expectRefused(await city.register.send(M.publishMeasures, { id: draft.id }), 'NOT_FOUND');
    }
    expect((await inForce(cityOfficer, '2100-01-02')).province.id).toBe(provinceVersionId);
  });
});
