import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANGSHA, PROVINCE, ZHUZHOU } from '../pilots/pilot-client';
import { type World, world } from '../programmes/programme-application-client';
import {
  asRuntimeRole,
  createUser,
  errorCode,
  type GraphqlAgent,
  signedInAgent,
  startTestApi,
  type TestApi,
  type TestUser,
} from '../support/harness';
import { dataOf } from '../support/register-client';
import { TestClock } from '../support/test-clock';
import { attempt, verdict } from '../support/tenancy-fixtures';
import { provincialPilot } from '../programmes/programme-application-client';
import {
  evaluationInput,
  P,
  type PlatformView,
  recognised,
  RECOGNITION_DOCUMENTS,
  reportInput,
  send,
} from './platform-client';

// Who sees and acts on the platform register, through GraphQL and as the runtime role in SQL, for
// each of its tables. The province's recognised centre of a 株洲 alliance: the province's staff
// read and evaluate it; 株洲's staff read it and file its reports; 长沙's staff and every expert
// find nothing, answered exactly as a random id. Nobody changes or removes a child row.

type Key =
  'provOfficer' | 'provAdmin' | 'zzOfficer' | 'zzAdmin' | 'csOfficer' | 'csAdmin' | 'provExpert' | 'zzExpert';
const WHO: [Key, string, string[]][] = [
  ['provOfficer', PROVINCE, ['PROVINCE_OFFICER']],
  ['provAdmin', PROVINCE, ['PROVINCE_ADMIN']],
  ['zzOfficer', ZHUZHOU, ['CITY_OFFICER']],
  ['zzAdmin', ZHUZHOU, ['CITY_ADMIN']],
  ['csOfficer', CHANGSHA, ['CITY_OFFICER']],
  ['csAdmin', CHANGSHA, ['CITY_ADMIN']],
  ['provExpert', PROVINCE, ['EXPERT']],
  ['zzExpert', ZHUZHOU, ['EXPERT']],
];
const READS: Record<Key, boolean> = {
  provOfficer: true,
  provAdmin: true,
  zzOfficer: true,
  zzAdmin: true,
  csOfficer: false,
  csAdmin: false,
  provExpert: false,
  zzExpert: false,
};
const TABLES = [
  'platform',
  'platform_member',
  'platform_status_event',
  'platform_report',
  'platform_evaluation',
];
const INDUSTRY = 'SE0703';

describe('platform register isolation', () => {
  const clock = new TestClock(new Date('2027-06-01T10:00:00+08:00'));
  let api: TestApi;
  let w: World;
  let platform: PlatformView;
  const agents = {} as Record<Key, GraphqlAgent>;
  const users = {} as Record<Key, TestUser>;
  const isExpert = (key: Key) => key.endsWith('Expert');

  beforeAll(async () => {
    api = await startTestApi({ clock });
    w = await world(
      api,
      clock.now(),
      {
        kind: 'PLATFORM_RECOGNITION',
        name: `2027年度湖南省工程技术研究中心认定（${randomBytes(3).toString('hex')}）`,
      },
      { requiredDocuments: RECOGNITION_DOCUMENTS },
    );
    const pilot = await provincialPilot(w, INDUSTRY);
    const { application } = await recognised(api, w, pilot, INDUSTRY);
    for (const [key, code, roles] of WHO) {
      users[key] = await createUser(code, roles, key.toLowerCase());
      agents[key] = await signedInAgent(api, users[key]);
    }
    dataOf(await send(agents.zzOfficer, P.fileReport, reportInput(application.recognisedPlatformId!)));
    platform = dataOf(
      await send<{ evaluatePlatform: PlatformView }>(
        agents.provOfficer,
        P.evaluate,
        evaluationInput({ id: application.recognisedPlatformId!, version: 1 }, 85),
      ),
    ).evaluatePlatform;
  });

  afterAll(async () => {
    await api?.close();
  });

  describe('GraphQL: reading', () => {
    it.each(WHO.map(([key]) => key))('%s', async (key) => {
      const byId = await agents[key].send<{ platform: PlatformView }>(P.platform, { id: platform.id });
      const random = await agents[key].send(P.platform, { id: randomUUID() });
      const list = await agents[key].send<{ platforms: { items: { id: string }[] } }>(P.platforms, {
        filter: { first: 100 },
      });
      if (isExpert(key)) {
        expect(errorCode(byId)).toBe('FORBIDDEN');
        expect(errorCode(list)).toBe('FORBIDDEN');
        return;
      }
      expect(errorCode(random)).toBe('NOT_FOUND');
      if (READS[key]) {
        expect(dataOf(byId).platform).toMatchObject({ id: platform.id, reports: [{ year: 2027 }] });
        expect(dataOf(byId).platform.evaluations).toHaveLength(1);
        expect(dataOf(list).platforms.items.map((p) => p.id)).toContain(platform.id);
      } else {
        expect(errorCode(byId)).toBe('NOT_FOUND');
        expect(dataOf(list).platforms.items.map((p) => p.id)).not.toContain(platform.id);
      }
    });
  });

  describe('GraphQL: acting', () => {
    it.each(WHO.map(([key]) => key))('%s files a report and evaluates', async (key) => {
      const report = await send(agents[key], P.fileReport, reportInput(platform.id));
      const randomReport = await send(agents[key], P.fileReport, reportInput(randomUUID()));
      // A stale version: the parties get as far as the version check, which refuses.
      const evaluation = await send(
        agents[key],
        P.evaluate,
        evaluationInput({ id: platform.id, version: 1 }, 85),
      );
      const randomEvaluation = await send(
        agents[key],
        P.evaluate,
        evaluationInput({ id: randomUUID(), version: 1 }, 85),
      );
      if (isExpert(key)) {
        for (const r of [report, evaluation]) expect(errorCode(r)).toBe('FORBIDDEN');
        return;
      }
      expect(errorCode(randomReport)).toBe('NOT_FOUND');
      expect(errorCode(randomEvaluation)).toBe('NOT_FOUND');
      if (!READS[key]) {
        // Exactly as for an id that does not exist.
        expect(errorCode(evaluation)).toBe('NOT_FOUND');
        expect(errorCode(report)).toBe('NOT_FOUND');
        return;
      }
      // The province evaluates (up to the stale version here); 株洲 may not.
      expect(errorCode(evaluation)).toBe(
        key.startsWith('prov') ? 'PLATFORM_CHANGED' : 'PLATFORM_NOT_AUTHORITY',
      );
      // Either party may file: the year's report is in already (株洲 filed it).
      expect(errorCode(report)).toBe('PLATFORM_REPORT_FILED');
    });
  });

  describe('SQL as the runtime role', () => {
    it.each(WHO.flatMap(([key]) => TABLES.map((table) => [key, table] as const)))(
      '%s reads %s',
      async (key, table) => {
        const column = table === 'platform' ? 'id' : 'platform_id';
        const seen = await asRuntimeRole(
          { tenantId: users[key].tenantId, userId: users[key].id, roles: WHO.find(([k]) => k === key)![2] },
          (db) => attempt(db, `SELECT 1 FROM ${table} WHERE ${column} = $1`, [platform.id]),
        );
        expect(seen.ok && seen.rowCount > 0).toBe(READS[key]);
      },
    );

    it.each(WHO.map(([key]) => key))('%s changes or removes nothing it may not', async (key) => {
      const identity = {
        tenantId: users[key].tenantId,
        userId: users[key].id,
        roles: WHO.find(([k]) => k === key)![2],
      };
      const outcomes = await asRuntimeRole(identity, async (db) => ({
        platform: verdict(
          await attempt(db, `UPDATE platform SET status = status WHERE id = $1`, [platform.id]),
        ),
        deletePlatform: verdict(await attempt(db, `DELETE FROM platform WHERE id = $1`, [platform.id])),
        children: await (async () => {
          const seen: Record<string, string> = {};
          for (const t of TABLES.slice(1))
            seen[t] = verdict(
              await attempt(db, `UPDATE ${t} SET tenant_id = tenant_id WHERE platform_id = $1`, [
                platform.id,
              ]),
            );
          return seen;
        })(),
      }));
      // Only the province's staff move a platform (its standing columns); nobody deletes one.
      expect(outcomes.platform).toBe(key === 'provOfficer' || key === 'provAdmin' ? 'rows:1' : 'rows:0');
      expect(outcomes.deletePlatform).toBe('denied');
      for (const t of TABLES.slice(1)) expect(outcomes.children[t]).toBe('denied');
    });
  });
});
