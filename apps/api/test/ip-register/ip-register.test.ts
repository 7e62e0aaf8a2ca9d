import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminDb } from '../support/admin-db';
import {
  createUser,
  type GraphqlAgent,
  signedInAgent,
  startTestApi,
  type TestApi,
  type TestUser,
} from '../support/harness';
import { creditCode, dataOf, expectRefused } from '../support/register-client';
import { TestClock } from '../support/test-clock';
import { PROVINCE, ZHUZHOU } from '../pilots/pilot-client';
import { contractFor, openProject, programmeOf, type Unit, units } from '../projects/project-client';
import {
  type AssetView,
  assetInput,
  IP,
  licenceInput,
  projectRegister,
  recordAsset,
  recordLicence,
  type ShareView,
} from './ip-client';

// The IP register end to end (Art. 20): 株洲's bureau, acting for the responsible unit, records a
// patent of the province's project owned 60/40 by its two units and the licences granted on it;
// the province reads them and records one too; the in-province share is computed per project and
// per alliance; the list filters by kind, project and alliance with its total.

const DAY = 24 * 60 * 60 * 1000;
const AWARD = '100000000';

describe('the IP register', () => {
  const clock = new TestClock(new Date('2027-09-15T10:00:00+08:00'));
  let api: TestApi;
  let db: AdminDb;
  let zz: GraphqlAgent;
  let prov: GraphqlAgent;
  let provUser: TestUser;
  let zzUser: TestUser;
  let chair: Unit;
  let partner: Unit;
  const allianceId = randomUUID();
  let first: { id: string };
  let second: { id: string };
  let patent: AssetView;

  beforeAll(async () => {
    api = await startTestApi({ clock });
    db = await AdminDb.open();
    provUser = await createUser(PROVINCE, ['PROVINCE_OFFICER'], 'ip');
    zzUser = await createUser(ZHUZHOU, ['CITY_OFFICER'], 'ip');
    ({ chair, partner } = await units(ZHUZHOU));
    const programmeId = await programmeOf(PROVINCE);
    const open = () =>
      openProject(api, provUser, {
        programmeId,
        allianceId,
        allianceTenantId: zzUser.tenantId,
        awardFen: AWARD,
        contract: contractFor(chair, partner, AWARD),
      });
    first = await open();
    second = await open();
    // Results come after the award: the register is kept months later.
    clock.advance(90 * DAY);
    prov = await signedInAgent(api, provUser);
    zz = await signedInAgent(api, zzUser);
  });

  afterAll(async () => {
    await db?.close();
    await api?.close();
  });

  it('records a patent of the project for the responsible unit, owned 60/40 by the contract’s units', async () => {
    const mark = await db.auditMark();
    patent = await recordAsset(
      zz,
      assetInput(first.id, [
        { organizationId: chair.id, basisPoints: 6000 },
        { organizationId: partner.id, basisPoints: 4000 },
      ]),
    );
    expect(patent).toMatchObject({
      projectId: first.id,
      allianceId,
      authorityTenantId: provUser.tenantId,
      cityTenantId: zzUser.tenantId,
      kind: 'INVENTION_PATENT',
      kindLabel: '发明专利',
      grantedOn: '2027-10-08',
      owners: [
        { organizationId: chair.id, name: chair.name, basisPoints: 6000 },
        { organizationId: partner.id, name: partner.name, basisPoints: 4000 },
      ],
      licences: [],
    });
    const events = await db.rows<{ action: string; subject_id: string }>(
      `SELECT action, subject_id FROM audit_event WHERE id > $1 ORDER BY id`,
      [mark],
    );
    expect(events).toEqual([{ action: 'ip.asset.record', subject_id: patent.id }]);
  });

  it('records licences: in-province paid, out-of-province paid, in-province free; the province may record too', async () => {
    const hunan = await recordLicence(zz, licenceInput(patent.id));
    expect(hunan).toMatchObject({
      inProvince: true,
      paid: true,
      feeFen: '5000000',
      licensedOn: '2027-11-02',
    });
    await recordLicence(
      zz,
      licenceInput(patent.id, {
        licensee: { name: '广东被许可企业', creditCode: creditCode({ division: '440100' }) },
        inProvince: false,
        feeFen: '3000000',
      }),
    );
    // The authority records a free licence to a unit without a credit code (a public institution).
    await recordLicence(
      prov,
      licenceInput(patent.id, {
        licensee: { name: '湘潭某研究所', creditCode: null },
        paid: false,
        feeFen: '0',
      }),
    );
    const register = await projectRegister(prov, first.id);
    expect(register.assets).toHaveLength(1);
    expect(register.assets[0]!.licences.map((l) => [l.inProvince, l.paid, l.feeFen])).toEqual([
      [true, true, '5000000'],
      [false, true, '3000000'],
      [true, false, '0'],
    ]);
    // Two of three licences went to in-province units: 6666 basis points (rounded down).
    expect(register.share).toEqual<ShareView>({
      key: first.id,
      licences: 3,
      inProvince: 2,
      inProvinceBasisPoints: 6666,
      feesFen: '8000000',
      inProvinceFeesFen: '5000000',
    });
    expect(await projectRegister(zz, first.id)).toEqual(register);
  });

  it('reads the alliance’s share over all its projects; a project without licences has none', async () => {
    const software = await recordAsset(
      prov,
      assetInput(second.id, [{ organizationId: chair.id, basisPoints: 10000 }], {
        kind: 'SOFTWARE_COPYRIGHT',
        title: '齿轮热处理过程控制软件 V1.0',
        number: `2027SR${randomUUID().slice(0, 6)}`,
      }),
    );
    expect((await projectRegister(zz, second.id)).share).toMatchObject({
      licences: 0,
      inProvinceBasisPoints: null,
    });
    await recordLicence(zz, licenceInput(software.id, { feeFen: '1000000' }));
    const share = dataOf(
      await zz.send<{ allianceIpLicenceShare: ShareView }>(IP.allianceShare, { allianceId }),
    ).allianceIpLicenceShare;
    expect(share).toEqual<ShareView>({
      key: allianceId,
      licences: 4,
      inProvince: 3,
      inProvinceBasisPoints: 7500,
      feesFen: '9000000',
      inProvinceFeesFen: '6000000',
    });
    const none = dataOf(
      await zz.send<{ allianceIpLicenceShare: ShareView }>(IP.allianceShare, { allianceId: randomUUID() }),
    ).allianceIpLicenceShare;
    expect(none).toMatchObject({ licences: 0, inProvinceBasisPoints: null, feesFen: '0' });
  });

  it('lists assets by kind, project and alliance with the total count', async () => {
    const list = async (filter: Record<string, unknown>) =>
      dataOf(
        await prov.send<{ ipAssets: { totalCount: number; items: AssetView[] } }>(IP.list, {
          filter: { first: 20, offset: 0, ...filter },
        }),
      ).ipAssets;
    expect((await list({ allianceId })).totalCount).toBe(2);
    expect((await list({ allianceId, kind: 'SOFTWARE_COPYRIGHT' })).items.map((a) => a.projectId)).toEqual([
      second.id,
    ]);
    const ofFirst = await list({ projectId: first.id });
    expect(ofFirst.totalCount).toBe(1);
    expect(ofFirst.items[0]!.licences).toHaveLength(3);
    const paged = await list({ allianceId, first: 1, offset: 1 });
    expect(paged.totalCount).toBe(2);
    expect(paged.items).toHaveLength(1);
    expect((await list({ allianceId, offset: 5 })).totalCount).toBe(2);
  });

  it('refuses a number already registered for its kind, writing nothing', async () => {
    const before = await db.count(`SELECT count(*) FROM ip_asset WHERE project_id = $1`, [first.id]);
    const again = await zz.send(IP.recordAsset, {
      input: assetInput(first.id, [{ organizationId: chair.id, basisPoints: 10000 }], {
        number: patent.number,
      }),
    });
    expectRefused(again, 'IP_ASSET_NUMBER_TAKEN');
    expect(await db.count(`SELECT count(*) FROM ip_asset WHERE project_id = $1`, [first.id])).toBe(before);
    // The same number under another kind is another asset.
    dataOf(
      await zz.send(IP.recordAsset, {
        input: assetInput(first.id, [{ organizationId: chair.id, basisPoints: 10000 }], {
          number: patent.number,
          kind: 'OTHER',
        }),
      }),
    );
  });
});
