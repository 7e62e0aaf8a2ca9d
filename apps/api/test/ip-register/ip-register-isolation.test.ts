import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  asAdmin,
  asRuntimeRole,
  createUser,
  databaseUrls,
  type GraphqlAgent,
  signedInAgent,
  startTestApi,
  type TestApi,
  type TestUser,
} from '../support/harness';
import { dataOf, errorShape } from '../support/register-client';
import { TestClock } from '../support/test-clock';
import { attempt, verdict } from '../support/tenancy-fixtures';
import { CHANGSHA, PROVINCE, ZHUZHOU } from '../pilots/pilot-client';
import { contractFor, openProject, programmeOf, type Unit, units } from '../projects/project-client';
import {
  type AssetView,
  assetInput,
  IP,
  licenceInput,
  recordAsset,
  recordLicence,
  type ShareView,
} from './ip-client';

// Who sees and records the IP register, through GraphQL and as the runtime role in SQL, for each
// of its tables. The province's project of a 株洲 alliance: the province's staff and 株洲's staff
// read and record its assets, owners and licences; 株洲's own programme's project is 株洲's alone;
// 长沙 and every expert see nothing, answered exactly as a random id. Nobody changes or removes a
// row, the owner role included; and an asset whose owners do not hold 100 % never commits.

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
type Subject = 'provinceProject' | 'zhuzhouProject';
const SUBJECTS: Subject[] = ['provinceProject', 'zhuzhouProject'];
const PARTIES: Record<Key, Subject[]> = {
  provOfficer: ['provinceProject'],
  provAdmin: ['provinceProject'],
  zzOfficer: ['provinceProject', 'zhuzhouProject'],
  zzAdmin: ['provinceProject', 'zhuzhouProject'],
  csOfficer: [],
  csAdmin: [],
  provExpert: [],
  zzExpert: [],
};
const TABLES = ['ip_asset', 'ip_asset_owner', 'ip_licence'] as const;
const AWARD = '100000000';
const DAY = 24 * 60 * 60 * 1000;

type Seeded = {
  projectId: string;
  allianceId: string;
  authorityTenantId: string;
  asset: AssetView;
};

describe('IP register isolation', () => {
  const clock = new TestClock(new Date('2027-09-15T10:00:00+08:00'));
  let api: TestApi;
  const agents = {} as Record<Key, GraphqlAgent>;
  const users = {} as Record<Key, TestUser>;
  const seeded = {} as Record<Subject, Seeded>;
  let chair: Unit;
  let partner: Unit;
  const isExpert = (key: Key) => key.endsWith('Expert');
  const identity = (key: Key) => ({
    tenantId: users[key].tenantId,
    userId: users[key].id,
    roles: users[key].roles,
  });
  const seededIds = () => SUBJECTS.map((s) => seeded[s].asset.id);

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
      users[key] = await createUser(code, [...roles], 'ipx');
    }
    ({ chair, partner } = await units(ZHUZHOU));
    for (const [subject, authority, level] of [
      ['provinceProject', 'provAdmin', 'PROVINCE'],
      ['zhuzhouProject', 'zzAdmin', 'CITY'],
    ] as const) {
      const allianceId = randomUUID();
      const project = await openProject(api, users[authority], {
        programmeId: await programmeOf(authority === 'provAdmin' ? PROVINCE : ZHUZHOU),
        allianceId,
        allianceTenantId: users.zzOfficer.tenantId,
        awardFen: AWARD,
        contract: contractFor(chair, partner, AWARD, level),
      });
      seeded[subject] = {
        projectId: project.id,
        allianceId,
        authorityTenantId: users[authority].tenantId,
        asset: undefined as unknown as AssetView,
      };
    }
    clock.advance(60 * DAY);
    for (const key of KEYS) agents[key] = await signedInAgent(api, users[key]);
    for (const subject of SUBJECTS) {
      const asset = await recordAsset(
        agents.zzOfficer,
        assetInput(seeded[subject].projectId, [{ organizationId: chair.id, basisPoints: 10000 }]),
      );
      await recordLicence(agents.zzOfficer, licenceInput(asset.id));
      seeded[subject].asset = asset;
    }
  });

  afterAll(async () => {
    await api?.close();
  });

  it.each(KEYS)('%s reads exactly its parties’ register through GraphQL', async (key) => {
    for (const subject of SUBJECTS) {
      const { projectId, allianceId } = seeded[subject];
      const named = await agents[key].send<{ projectIpRegister: { assets: AssetView[] } }>(IP.project, {
        projectId,
      });
      const share = await agents[key].send<{ allianceIpLicenceShare: ShareView }>(IP.allianceShare, {
        allianceId,
      });
      if (PARTIES[key].includes(subject)) {
        expect(dataOf(named).projectIpRegister.assets.map((a) => a.id)).toContain(seeded[subject].asset.id);
        expect(dataOf(share).allianceIpLicenceShare.licences).toBeGreaterThanOrEqual(1);
      } else {
        const random = await agents[key].send(IP.project, { projectId: randomUUID() });
        expect(errorShape(named), key).toEqual(errorShape(random));
        expect(named.errors?.[0]?.extensions?.code).toBe(isExpert(key) ? 'FORBIDDEN' : 'NOT_FOUND');
        if (isExpert(key)) expect(share.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        // A share over nothing it may read: the same answer as for an alliance without assets.
        else expect(dataOf(share).allianceIpLicenceShare).toMatchObject({ licences: 0, feesFen: '0' });
      }
    }
    const list = await agents[key].send<{ ipAssets: { items: { id: string }[] } }>(IP.list, {
      filter: { first: 100, offset: 0 },
    });
    if (isExpert(key)) expect(list.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    else {
      const ours = new Set(seededIds());
      expect(
        dataOf(list)
          .ipAssets.items.filter((a) => ours.has(a.id))
          .map((a) => a.id)
          .sort(),
      ).toEqual(PARTIES[key].map((s) => seeded[s].asset.id).sort());
    }
  });

  it.each(KEYS)('%s reads exactly its parties’ rows of each table as the runtime role', async (key) => {
    const seen = await asRuntimeRole(identity(key), async (c) => {
      const counts: Record<string, number> = {};
      for (const table of TABLES) {
        const column = table === 'ip_asset' ? 'id' : 'asset_id';
        counts[table] = (
          await c.query(`SELECT 1 FROM ${table} WHERE ${column} = ANY ($1::uuid[])`, [seededIds()])
        ).rowCount!;
      }
      return counts;
    });
    const n = PARTIES[key].length;
    expect(seen).toEqual({ ip_asset: n, ip_asset_owner: n, ip_licence: n });
  });

  it.each(KEYS)('%s records through GraphQL only on its parties’ projects and assets', async (key) => {
    for (const subject of SUBJECTS) {
      const { projectId, asset } = seeded[subject];
      const record = await agents[key].send(IP.recordAsset, {
        input: assetInput(projectId, [{ organizationId: partner.id, basisPoints: 10000 }]),
      });
      const licence = await agents[key].send(IP.recordLicence, { input: licenceInput(asset.id) });
      if (PARTIES[key].includes(subject)) {
        expect(record.errors, key).toBeUndefined();
        expect(licence.errors, key).toBeUndefined();
      } else {
        const code = isExpert(key) ? 'FORBIDDEN' : 'NOT_FOUND';
        const randomRecord = await agents[key].send(IP.recordAsset, {
          input: assetInput(randomUUID(), [{ organizationId: partner.id, basisPoints: 10000 }]),
        });
        const randomLicence = await agents[key].send(IP.recordLicence, {
          input: licenceInput(randomUUID()),
        });
        expect(errorShape(record)).toEqual(errorShape(randomRecord));
        expect(errorShape(licence)).toEqual(errorShape(randomLicence));
        expect(record.errors?.[0]?.extensions?.code).toBe(code);
      }
    }
  });

  it.each(KEYS)(
    '%s as the runtime role: inserts only for its parties, never updates, deletes or truncates',
    async (key) => {
      const outcome = await asRuntimeRole(identity(key), async (c) => {
        const cells: Record<string, string> = {};
        for (const subject of SUBJECTS) {
          const s = seeded[subject];
          cells[`${subject} ip_asset insert`] = verdict(
            await attempt(
              c,
              `INSERT INTO ip_asset (tenant_id, alliance_tenant_id, project_id, alliance_id, kind, title, number, granted_on)
             VALUES ($1, $2, $3, $4, 'OTHER', '矩阵', $5, '2027-10-01')`,
              [s.authorityTenantId, users.zzOfficer.tenantId, s.projectId, s.allianceId, randomUUID()],
            ),
          );
          cells[`${subject} ip_asset_owner insert`] = verdict(
            await attempt(
              c,
              `INSERT INTO ip_asset_owner (tenant_id, asset_id, organization_id, basis_points) VALUES ($1, $2, $3, 1)`,
              [s.authorityTenantId, s.asset.id, partner.id],
            ),
          );
          cells[`${subject} ip_licence insert`] = verdict(
            await attempt(
              c,
              `INSERT INTO ip_licence (tenant_id, asset_id, licensee_name, in_province, paid, fee_fen, licensed_on)
             VALUES ($1, $2, '矩阵单位', true, false, 0, '2027-10-01')`,
              [s.authorityTenantId, s.asset.id],
            ),
          );
          for (const table of TABLES) {
            const column = table === 'ip_asset' ? 'id' : 'asset_id';
            cells[`${subject} ${table} update`] = verdict(
              await attempt(c, `UPDATE ${table} SET tenant_id = tenant_id WHERE ${column} = $1`, [
                s.asset.id,
              ]),
            );
            cells[`${subject} ${table} delete`] = verdict(
              await attempt(c, `DELETE FROM ${table} WHERE ${column} = $1`, [s.asset.id]),
            );
          }
        }
        for (const table of TABLES)
          cells[`${table} truncate`] = verdict(await attempt(c, `TRUNCATE ${table}`));
        return cells;
      });
      const expected: Record<string, string> = {};
      for (const subject of SUBJECTS) {
        const party = PARTIES[key].includes(subject);
        for (const table of TABLES) {
          expected[`${subject} ${table} insert`] = party ? 'rows:1' : 'denied';
          expected[`${subject} ${table} update`] = 'denied';
          expected[`${subject} ${table} delete`] = 'denied';
        }
      }
      for (const table of TABLES) expected[`${table} truncate`] = 'denied';
      expect(outcome).toEqual(expected);
    },
  );

  it('refuses rows that do not repeat their project’s parties, even from a party', async () => {
    const s = seeded.provinceProject;
    const outcome = await asRuntimeRole(identity('zzOfficer'), async (c) => {
      const insert = (tenant: string, home: string, alliance: string) =>
        attempt(
          c,
          `INSERT INTO ip_asset (tenant_id, alliance_tenant_id, project_id, alliance_id, kind, title, number, granted_on)
           VALUES ($1, $2, $3, $4, 'OTHER', '冒名', $5, '2027-10-01')`,
          [tenant, home, s.projectId, alliance, randomUUID()],
        );
      return {
        ownTenantAsAuthority: verdict(
          await insert(users.zzOfficer.tenantId, users.zzOfficer.tenantId, s.allianceId),
        ),
        anotherAlliance: verdict(await insert(s.authorityTenantId, users.zzOfficer.tenantId, randomUUID())),
        anotherHome: verdict(await insert(s.authorityTenantId, users.csOfficer.tenantId, s.allianceId)),
        ownerNotParticipant: verdict(
          await attempt(
            c,
            `INSERT INTO ip_asset_owner (tenant_id, asset_id, organization_id, basis_points)
             VALUES ($1, $2, (SELECT id FROM organization WHERE id <> ALL ($3::uuid[]) LIMIT 1), 1)`,
            [s.authorityTenantId, s.asset.id, [chair.id, partner.id]],
          ),
        ),
        paidWithoutFee: verdict(
          await attempt(
            c,
            `INSERT INTO ip_licence (tenant_id, asset_id, licensee_name, in_province, paid, fee_fen, licensed_on)
             VALUES ($1, $2, '某单位', true, true, 0, '2027-10-01')`,
            [s.authorityTenantId, s.asset.id],
          ),
        ),
        inProvinceAgainstCode: verdict(
          await attempt(
            c,
            `INSERT INTO ip_licence (tenant_id, asset_id, licensee_name, licensee_credit_code, in_province, paid, fee_fen, licensed_on)
             VALUES ($1, $2, '某单位', '91440100MA5D4LQX4C', true, false, 0, '2027-10-01')`,
            [s.authorityTenantId, s.asset.id],
          ),
        ),
      };
    });
    expect(outcome).toEqual({
      ownTenantAsAuthority: 'denied',
      anotherAlliance: 'denied',
      anotherHome: 'denied',
      ownerNotParticipant: 'error:23514',
      paidWithoutFee: 'error:23514',
      inProvinceAgainstCode: 'error:23514',
    });
  });

  it('refuses even the owner role (a superuser here) any change or removal: the register is append-only', async () => {
    const outcome = await asAdmin(async (c) => {
      await c.query('BEGIN');
      try {
        const cells: Record<string, string> = {};
        for (const table of TABLES) {
          const column = table === 'ip_asset' ? 'id' : 'asset_id';
          const id = seeded.provinceProject.asset.id;
          cells[`${table} update`] = verdict(
            await attempt(c, `UPDATE ${table} SET tenant_id = tenant_id WHERE ${column} = $1`, [id]),
          );
          cells[`${table} delete`] = verdict(
            await attempt(c, `DELETE FROM ${table} WHERE ${column} = $1`, [id]),
          );
          cells[`${table} truncate`] = verdict(await attempt(c, `TRUNCATE ${table} CASCADE`));
        }
        return cells;
      } finally {
        await c.query('ROLLBACK');
      }
    });
    expect(Object.values(outcome)).toEqual(Array(9).fill('error:55000'));
  });

  describe('the owners hold exactly 100 % at commit, as the runtime role', () => {
    /** One committed (or refused) transaction of 株洲's officer recording an asset with these shares. */
    async function commitAsset(
      shares: number[],
      immediate = false,
    ): Promise<{ committed: string; rows: number }> {
      const s = seeded.provinceProject;
      const client = new Client({ connectionString: databaseUrls().appUrl });
      await client.connect();
      const number = randomUUID();
      let committed = 'yes';
      try {
        await client.query('BEGIN');
        const u = users.zzOfficer;
        await client.query(
          `SELECT set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true), set_config('app.roles', $3, true)`,
          [u.tenantId, u.id, u.roles.join(',')],
        );
        const { rows } = await client.query<{ id: string }>(
          `INSERT INTO ip_asset (tenant_id, alliance_tenant_id, project_id, alliance_id, kind, title, number, granted_on)
           VALUES ($1, $2, $3, $4, 'OTHER', '份额', $5, '2027-10-01') RETURNING id`,
          [s.authorityTenantId, u.tenantId, s.projectId, s.allianceId, number],
        );
        const owners = [chair.id, partner.id];
        for (const [i, bp] of shares.entries())
          await client.query(
            `INSERT INTO ip_asset_owner (tenant_id, asset_id, organization_id, basis_points) VALUES ($1, $2, $3, $4)`,
            [s.authorityTenantId, rows[0]!.id, owners[i], bp],
          );
        if (immediate) await client.query('SET CONSTRAINTS ALL IMMEDIATE');
        await client.query('COMMIT');
      } catch (error) {
        committed = `no:${(error as { code?: string }).code}`;
        await client.query('ROLLBACK').catch(() => undefined);
      } finally {
        await client.end();
      }
      const rows = await asAdmin(
        async (c) => (await c.query('SELECT 1 FROM ip_asset WHERE number = $1', [number])).rowCount!,
      );
      return { committed, rows };
    }

    it.each([
      ['9999 (6000 + 3999)', [6000, 3999], false],
      ['10001 (6000 + 4001)', [6000, 4001], false],
      ['no owner at all', [], false],
      ['9999, checked at once (SET CONSTRAINTS ALL IMMEDIATE)', [9999], true],
    ] as const)(
      'owners holding %s: the transaction does not commit, no row remains',
      async (_, shares, immediate) => {
        expect(await commitAsset([...shares], immediate)).toEqual({ committed: 'no:23514', rows: 0 });
      },
    );

    it('owners holding 10000 (6000 + 4000): commits', async () => {
      expect(await commitAsset([6000, 4000])).toEqual({ committed: 'yes', rows: 1 });
    });
  });
});
