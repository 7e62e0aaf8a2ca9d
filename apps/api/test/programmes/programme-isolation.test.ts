import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  asRuntimeRole,
  createUser,
  type GraphqlAgent,
  signedInAgent,
  startTestApi,
  type TestApi,
  type TestUser,
} from '../support/harness';
import { dataOf, errorShape } from '../support/register-client';
import { TestClock } from '../support/test-clock';
import { attempt, verdict } from '../support/tenancy-fixtures';
import { CHANGSHA, PROVINCE, staff, ZHUZHOU } from '../pilots/pilot-client';
import { organization } from '../reviews/review-fixtures';
import {
  type DebarmentView,
  draftProgramme,
  G,
  programmeInput,
  type ProgrammeView,
  publishedProgramme,
  recordedDebarment,
  tag,
} from './programme-client';

// Who sees a programme and a debarment, through GraphQL and as the runtime role in SQL. A
// programme: its authority's staff; a province's published ones also its cities' staff; nobody
// else, and never a draft — each refusal the same answer as for a random id. A debarment: the
// decision every signed-in user of every tenant; the evidence and who recorded it only the
// deciding authority's staff.

type Key =
  'provOfficer' | 'provAdmin' | 'zzOfficer' | 'zzAdmin' | 'csOfficer' | 'csAdmin' | 'provExpert' | 'zzExpert';
const KEYS: Key[] = [
  'provOfficer',
  'provAdmin',
  'zzOfficer',
  'zzAdmin',
  'csOfficer',
  'csAdmin',
  'provExpert',
  'zzExpert',
];
type Subject = 'provinceDraft' | 'provincePublished' | 'zhuzhouDraft' | 'zhuzhouPublished';
const SUBJECTS: Subject[] = ['provinceDraft', 'provincePublished', 'zhuzhouDraft', 'zhuzhouPublished'];

/** Which programmes each user reads: its own tier's in any status, its parent's published; experts none. */
const READS: Record<Key, Subject[]> = {
  provOfficer: ['provinceDraft', 'provincePublished'],
  provAdmin: ['provinceDraft', 'provincePublished'],
  zzOfficer: ['provincePublished', 'zhuzhouDraft', 'zhuzhouPublished'],
  zzAdmin: ['provincePublished', 'zhuzhouDraft', 'zhuzhouPublished'],
  csOfficer: ['provincePublished'],
  csAdmin: ['provincePublished'],
  provExpert: [],
  zzExpert: [],
};

describe('programme and debarment isolation', () => {
  const clock = new TestClock(new Date('2027-06-01T10:00:00+08:00'));
  let api: TestApi;
  const agents = {} as Record<Key, GraphqlAgent>;
  const users = {} as Record<Key, TestUser>;
  const programmes = {} as Record<Subject, ProgrammeView>;
  let debarment: DebarmentView;
  const identity = (key: Key) => ({
    tenantId: users[key].tenantId,
    userId: users[key].id,
    roles: users[key].roles,
  });
  const isExpert = (key: Key) => key.endsWith('Expert');

  beforeAll(async () => {
    api = await startTestApi({ clock });
    for (const [key, code, roles] of [
      ['provOfficer', PROVINCE, ['PROVINCE_OFFICER']],
      ['provAdmin', PROVINCE, ['PROVINCE_ADMIN']],
      ['zzOfficer', ZHUZHOU, ['CITY_OFFICER']],
      ['zzAdmin', ZHUZHOU, ['CITY_ADMIN']],
      ['csOfficer', CHANGSHA, ['CITY_OFFICER']],
      ['csAdmin', CHANGSHA, ['CITY_ADMIN']],
    ] as const) {
      const s = await staff(api, code, [...roles]);
      agents[key] = s.agent;
      users[key] = s.user;
    }
    for (const [key, code] of [
      ['provExpert', PROVINCE],
      ['zzExpert', ZHUZHOU],
    ] as const) {
      users[key] = await createUser(code, ['EXPERT'], 'x');
      agents[key] = await signedInAgent(api, users[key]);
    }
    programmes.provinceDraft = await draftProgramme(agents.provOfficer);
    programmes.provincePublished = await publishedProgramme(agents.provOfficer, agents.provAdmin);
    const city = () => ({ name: `株洲市本级产学研专项${tag()}`, kind: 'SPECIAL_FUND' });
    programmes.zhuzhouDraft = await draftProgramme(agents.zzOfficer, city());
    programmes.zhuzhouPublished = await publishedProgramme(agents.zzOfficer, agents.zzAdmin, city());
    debarment = await recordedDebarment(agents.provAdmin, (await organization('违约单位', ZHUZHOU)).id, {
      fromDate: '2027-05-20',
    });
  });

  afterAll(async () => {
    await api?.close();
  });

  const sameAsRandom = async (
    key: Key,
    query: string,
    variables: (id: string) => Record<string, unknown>,
    id: string,
  ) => {
    const named = await agents[key].send(query, variables(id));
    const random = await agents[key].send(query, variables(randomUUID()));
    expect(errorShape(named), key).toEqual(errorShape(random));
    return named;
  };

  it.each(KEYS)('%s reads exactly its programmes, by id and in the list, in GraphQL', async (key) => {
    for (const subject of SUBJECTS) {
      const id = programmes[subject].id;
      if (READS[key].includes(subject)) {
        const { programme } = dataOf(
          await agents[key].send<{ programme: ProgrammeView }>(G.programme, { id }),
        );
        expect(programme.id).toBe(id);
        const authority: Key = subject.startsWith('province') ? 'provAdmin' : 'zzAdmin';
        expect(programme.isMine).toBe(users[key].tenantId === users[authority].tenantId);
      } else {
        const named = await sameAsRandom(key, G.programme, (x) => ({ id: x }), id);
        expect(named.errors?.[0]?.extensions?.code).toBe(isExpert(key) ? 'FORBIDDEN' : 'NOT_FOUND');
      }
    }
    const list = await agents[key].send<{ programmes: ProgrammeView[] }>(G.programmes);
    if (isExpert(key)) {
      expect(list.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      return;
    }
    const ours = new Set(SUBJECTS.map((s) => programmes[s].id));
    const seen = dataOf(list)
      .programmes.filter((p) => ours.has(p.id))
      .map((p) => p.id)
      .sort();
    expect(seen).toEqual(READS[key].map((s) => programmes[s].id).sort());
  });

  it.each(KEYS)('%s reads exactly its programmes as the runtime role in SQL', async (key) => {
    const seen = await asRuntimeRole(identity(key), async (c) => {
      const { rows } = await c.query<{ id: string }>('SELECT id FROM programme WHERE id = ANY ($1::uuid[])', [
        SUBJECTS.map((s) => programmes[s].id),
      ]);
      return rows.map((r) => r.id).sort();
    });
    expect(seen).toEqual(READS[key].map((s) => programmes[s].id).sort());
  });

  it('nobody edits or publishes another tier’s programme: answered as a random id, and refused in SQL', async () => {
    const edit = (x: string) => ({ id: x, version: 1, input: programmeInput() });
    await sameAsRandom('csAdmin', G.update, edit, programmes.zhuzhouDraft.id);
    await sameAsRandom('provAdmin', G.update, edit, programmes.zhuzhouDraft.id);
    // A city reads its province's published programme, and may not touch it.
    await sameAsRandom('zzOfficer', G.update, edit, programmes.provincePublished.id);
    await sameAsRandom('zzAdmin', G.publish, (x) => ({ id: x, version: 1 }), programmes.provinceDraft.id);
    for (const [key, subject] of [
      ['csAdmin', 'zhuzhouDraft'],
      ['provAdmin', 'zhuzhouDraft'],
      ['zzAdmin', 'provincePublished'],
      ['zzAdmin', 'provinceDraft'],
      ['zzExpert', 'zhuzhouDraft'],
    ] as const) {
      const outcome = await asRuntimeRole(identity(key), async (c) => ({
        edit: verdict(
          await attempt(c, `UPDATE programme SET name = name || '改' WHERE id = $1`, [
            programmes[subject].id,
          ]),
        ),
        // tenant_id is no column the runtime role may update at all.
        move: verdict(
          await attempt(c, `UPDATE programme SET tenant_id = $2 WHERE id = $1`, [
            programmes[subject].id,
            users[key].tenantId,
          ]),
        ),
        delete: verdict(await attempt(c, `DELETE FROM programme WHERE id = $1`, [programmes[subject].id])),
      }));
      expect(outcome, `${key} → ${subject}`).toEqual({ edit: 'rows:0', move: 'denied', delete: 'denied' });
    }
  });

  it.each(KEYS)(
    '%s reads the debarment decision; only the province’s staff its evidence and recorder',
    async (key) => {
      const own = key === 'provOfficer' || key === 'provAdmin';
      const { debarments } = dataOf(
        await agents[key].send<{ debarments: DebarmentView[] }>(G.debarments, {
          filter: { organizationId: debarment.organizationId },
        }),
      );
      expect(debarments.map((d) => d.id)).toEqual([debarment.id]);
      expect(debarments[0]).toMatchObject({
        decisionDocument: debarment.decisionDocument,
        untilDate: debarment.untilDate,
        authority: { code: PROVINCE },
        isMine: users[key].tenantId === users.provAdmin.tenantId,
        evidence: own ? debarment.evidence : null,
        recordedByName: own ? debarment.recordedByName : null,
      });
      const sql = await asRuntimeRole(identity(key), async (c) => ({
        decision: (await c.query('SELECT 1 FROM debarment WHERE id = $1', [debarment.id])).rowCount,
        evidence: (await c.query('SELECT 1 FROM debarment_evidence WHERE debarment_id = $1', [debarment.id]))
          .rowCount,
      }));
      // An expert of the province is no staff: the evidence stays with the officers and administrators.
      expect(sql).toEqual({ decision: 1, evidence: own ? 1 : 0 });
    },
  );

  it('without a signed-in tenant, nothing of the register is read', async () => {
    const sql = await asRuntimeRole({ tenantId: null }, async (c) => ({
      decision: (await c.query('SELECT 1 FROM debarment WHERE id = $1', [debarment.id])).rowCount,
      evidence: (await c.query('SELECT 1 FROM debarment_evidence WHERE debarment_id = $1', [debarment.id]))
        .rowCount,
    }));
    expect(sql).toEqual({ decision: 0, evidence: 0 });
    const anonymous = await api.agent().send(G.debarments, {});
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('another authority neither records in the province’s name nor reads or changes its evidence', async () => {
    const outcome = await asRuntimeRole(identity('csAdmin'), async (c) => ({
      recordAsProvince: verdict(
        await attempt(
          c,
          `INSERT INTO debarment (tenant_id, organization_id, reason, article, decision_document, from_date, until_date,
                                  debarment_years, measures_tenant_id, measures_id, measures_version_no)
           VALUES ($1, $2, '冒名登记', '第二十条第（二）项', $3, '2027-06-01', '2032-06-01', 5, $1, $4, 1)`,
          [
            users.provAdmin.tenantId,
            debarment.organizationId,
            `长沙冒名〔2027〕${tag()}号`,
            debarment.measuresId,
          ],
        ),
      ),
      evidenceOf: verdict(
        await attempt(c, `UPDATE debarment_evidence SET lifted_by = $2 WHERE debarment_id = $1`, [
          debarment.id,
          users.csAdmin.id,
        ]),
      ),
    }));
    expect(outcome).toEqual({ recordAsProvince: 'denied', evidenceOf: 'rows:0' });
  });
});
