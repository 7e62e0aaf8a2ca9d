import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upload } from '../filings/filing-client';
import { CHANGSHA, establishedAlliance, PROVINCE, ZHUZHOU } from '../pilots/pilot-client';
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
import { attempt, verdict } from '../support/tenancy-fixtures';
import { TestClock } from '../support/test-clock';
import { baseEvaluationInput, type BaseView, INTL, registeredBase } from './international-client';

// Who sees and changes the cooperation bases register, through GraphQL and as the runtime role in
// SQL, for both its tables: a bureau's bases are its staff's alone. 株洲's staff read and act on
// 株洲's base, 长沙's on 长沙's; the province and every expert see neither, answered exactly as a
// random id. Nobody deletes a base; nobody changes or removes an evaluation.

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
type Subject = 'zhuzhouBase' | 'changshaBase';
const SUBJECTS: Subject[] = ['zhuzhouBase', 'changshaBase'];
const OWNS: Record<Key, Subject[]> = {
  provOfficer: [],
  provAdmin: [],
  zzOfficer: ['zhuzhouBase'],
  zzAdmin: ['zhuzhouBase'],
  csOfficer: ['changshaBase'],
  csAdmin: ['changshaBase'],
  provExpert: [],
  zzExpert: [],
};

describe('cooperation bases isolation', () => {
  const clock = new TestClock(new Date('2027-06-01T10:00:00+08:00'));
  let api: TestApi;
  const agents = {} as Record<Key, GraphqlAgent>;
  const users = {} as Record<Key, TestUser>;
  const seeded = {} as Record<Subject, BaseView & { tenantId: string }>;
  const isExpert = (key: Key) => key.endsWith('Expert');
  const identity = (key: Key) => ({
    tenantId: users[key].tenantId,
    userId: users[key].id,
    roles: users[key].roles,
  });
  const ids = () => SUBJECTS.map((s) => seeded[s].id);

  beforeAll(async () => {
    api = await startTestApi({ clock });
    for (const [key, code, roles] of [
      ['provOfficer', PROVINCE, ['PROVINCE_OFFICER']],
      ['provAdmin', PROVINCE, ['PROVINCE_ADMIN']],
      ['zzOfficer', ZHUZHOU, ['CITY_OFFICER']],
      ['zzAdmin', ZHUZHOU, ['CITY_ADMIN']],
      ['csOfficer', CHANGSHA, ['CITY_OFFICER']],
      ['csAdmin', CHANGSHA, ['CITY_ADMIN']],
      ['provExpert', PROVINCE, ['EXPERT']],
      ['zzExpert', ZHUZHOU, ['EXPERT']],
    ] as const) {
      users[key] = await createUser(code, [...roles], 'intl');
      agents[key] = await signedInAgent(api, users[key]);
    }
    for (const [subject, officer] of [
      ['zhuzhouBase', 'zzOfficer'],
      ['changshaBase', 'csOfficer'],
    ] as const) {
      const { alliance, members } = await establishedAlliance(agents[officer], 'SE0703');
      const decision = await upload(agents[officer], alliance.id);
      const base = await registeredBase(agents[officer], alliance.id, members[0]!.id, {
        status: 'RECOGNISED',
        recognisedOn: '2027-01-10',
        recognitionDocumentId: decision,
      });
      seeded[subject] = { ...base, tenantId: users[officer].tenantId };
    }
  });

  afterAll(async () => {
    await api?.close();
  });

  it.each(KEYS)('%s reads exactly its own bases through GraphQL', async (key) => {
    for (const subject of SUBJECTS) {
      const named = await agents[key].send(INTL.base, { id: seeded[subject].id });
      if (OWNS[key].includes(subject)) expect(named.errors, key).toBeUndefined();
      else {
        const random = await agents[key].send(INTL.base, { id: randomUUID() });
        expect(errorShape(named), key).toEqual(errorShape(random));
        expect(named.errors?.[0]?.extensions?.code).toBe(isExpert(key) ? 'FORBIDDEN' : 'NOT_FOUND');
      }
    }
    const list = await agents[key].send<{ cooperationBases: { items: { id: string }[] } }>(INTL.bases, {
      filter: { first: 100, offset: 0 },
    });
    if (isExpert(key)) expect(list.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    else
      expect(
        dataOf(list)
          .cooperationBases.items.map((b) => b.id)
          .filter((id) => ids().includes(id))
          .sort(),
      ).toEqual(OWNS[key].map((s) => seeded[s].id).sort());
  });

  it.each(KEYS)('%s evaluates and revokes through GraphQL only its own bases', async (key) => {
    for (const subject of SUBJECTS) {
      // The bureau's first evaluation of 2027 fails (rectification), its second re-evaluates (restored).
      const own = OWNS[key].includes(subject)
        ? dataOf(await agents[key].send<{ cooperationBase: BaseView }>(INTL.base, { id: seeded[subject].id }))
            .cooperationBase
        : { version: 1, status: 'RECOGNISED' };
      const evaluate = (baseId: string) =>
        agents[key].send(INTL.evaluate, {
          input: baseEvaluationInput(
            { id: baseId, version: own.version },
            { year: 2027, evaluatedOn: '2027-06-01' },
            own.status === 'RECOGNISED' ? 60 : 80,
          ),
        });
      const named = await evaluate(seeded[subject].id);
      if (OWNS[key].includes(subject)) expect(named.errors, key).toBeUndefined();
      else {
        expect(errorShape(named), key).toEqual(errorShape(await evaluate(randomUUID())));
        const revoke = (id: string) =>
          agents[key].send(INTL.revoke, {
            input: { id, version: 1, revokedOn: '2027-06-01', reason: '矩阵' },
          });
        expect(errorShape(await revoke(seeded[subject].id)), key).toEqual(
          errorShape(await revoke(randomUUID())),
        );
        expect(named.errors?.[0]?.extensions?.code).toBe(isExpert(key) ? 'FORBIDDEN' : 'NOT_FOUND');
      }
    }
  });

  it.each(KEYS)(
    '%s as the runtime role: reads and writes only its own rows, deletes none, changes no evaluation',
    async (key) => {
      const staffOf = (subject: Subject) => OWNS[key].includes(subject);
      const outcome = await asRuntimeRole(identity(key), async (c) => {
        const cells: Record<string, string> = {};
        for (const subject of SUBJECTS) {
          const base = seeded[subject];
          cells[`${subject} base read`] = verdict(
            await attempt(c, `SELECT 1 FROM cooperation_base WHERE id = $1`, [base.id]),
          );
          cells[`${subject} evaluation read`] = verdict(
            await attempt(c, `SELECT 1 FROM cooperation_base_evaluation WHERE base_id = $1 LIMIT 1`, [
              base.id,
            ]),
          );
          cells[`${subject} base update`] = verdict(
            await attempt(c, `UPDATE cooperation_base SET name = name WHERE id = $1`, [base.id]),
          );
          cells[`${subject} base delete`] = verdict(
            await attempt(c, `DELETE FROM cooperation_base WHERE id = $1`, [base.id]),
          );
          cells[`${subject} evaluation update`] = verdict(
            await attempt(c, `UPDATE cooperation_base_evaluation SET remarks = 'x' WHERE base_id = $1`, [
              base.id,
            ]),
          );
          cells[`${subject} evaluation insert`] = verdict(
            await attempt(
              c,
              `INSERT INTO cooperation_base_evaluation (tenant_id, base_id, year, grade, evaluated_on,
                 status_before, status_after)
               VALUES ($1, $2, 2099, 'EXCELLENT', '2027-06-01', 'RECOGNISED', 'RECOGNISED')`,
              [base.tenantId, base.id],
            ),
          );
        }
        cells['evaluation truncate'] = verdict(await attempt(c, `TRUNCATE cooperation_base_evaluation`));
        return cells;
      });
      const expected: Record<string, string> = {};
      for (const subject of SUBJECTS) {
        const own = staffOf(subject);
        // Each staff key of the bureau recorded an evaluation above.
        expected[`${subject} base read`] = own ? 'rows:1' : 'rows:0';
        expected[`${subject} evaluation read`] = own ? 'rows:1' : 'rows:0';
        expected[`${subject} base update`] = own ? 'rows:1' : 'rows:0';
        expected[`${subject} base delete`] = 'denied';
        expected[`${subject} evaluation update`] = 'denied';
        expected[`${subject} evaluation insert`] = own ? 'rows:1' : 'denied';
      }
      expected['evaluation truncate'] = 'denied';
      expect(outcome).toEqual(expected);
    },
  );
});
