import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type IpAsset,
  ipAssetViolations,
  type IpLicence,
  ipLicenceViolations,
  inProvinceLicenceShares,
  licenseeInProvince,
} from './ip-register.js';

const ZHUZHOU_UNIT = '91430200MA4L00001P';
const BEIJING_UNIT = '91110000MA0000000H';

const asset: IpAsset = {
  id: 'a1',
  projectId: 'p1',
  allianceId: 'al1',
  kind: 'INVENTION_PATENT',
  title: '一种牵引变流器散热结构',
  number: 'ZL202710000000.1',
  grantedOn: '2028-11-20',
  owners: [
    { organizationId: 'org-chair', name: '理事长单位', basisPoints: 7000 },
    { organizationId: 'org-university', name: '湘潭大学', basisPoints: 3000 },
  ],
};

const licence: IpLicence = {
  assetId: 'a1',
  licensee: { name: '株洲某电机公司', creditCode: ZHUZHOU_UNIT },
  inProvince: true,
  paid: true,
  feeFen: '5000000',
  licensedOn: '2029-01-10',
};

const rules = (v: { field: string; rule: string }[]) => v.map((x) => `${x.field} ${x.rule}`);

describe('an IP asset', () => {
  it('takes a complete asset', () => {
    expect(ipAssetViolations(asset)).toEqual([]);
  });

  it.each<[string, Partial<IpAsset>, string[]]>([
    ['an unknown kind', { kind: 'TRADEMARK' as never }, ['kind ONE_OF']],
    ['no title', { title: ' ' }, ['title REQUIRED']],
    ['no number', { number: '' }, ['number REQUIRED']],
    ['no date', { grantedOn: '2028-02-30' }, ['grantedOn DATE']],
    ['no owners', { owners: [] }, ['owners REQUIRED']],
    ['owners short of 100 %', { owners: asset.owners.slice(0, 1) }, ['owners SHARES_SUM_100']],
    [
      'a zero share',
      {
        owners: [
          { ...asset.owners[0]!, basisPoints: 10000 },
          { ...asset.owners[1]!, basisPoints: 0 },
        ],
      },
      ['owners.1.basisPoints SHARE_RANGE'],
    ],
  ])('refuses %s', (_name, change, expected) => {
    expect(rules(ipAssetViolations({ ...asset, ...change }))).toEqual(expected);
  });
});

describe('a licence (Art. 20(3))', () => {
  it('reads where the licensee is from its credit code', () => {
    expect(licenseeInProvince(ZHUZHOU_UNIT)).toBe(true);
    expect(licenseeInProvince(BEIJING_UNIT)).toBe(false);
    expect(licenseeInProvince('91430200MA4L00001X')).toBeNull();
  });

  it.each<[string, Partial<IpLicence>, string[]]>([
    ['a paid licence in the province', {}, []],
    ['a free licence', { paid: false, feeFen: '0' }, []],
    [
      'a licensee without credit code',
      { licensee: { name: '个体工商户', creditCode: null }, inProvince: false },
      [],
    ],
    ['no licensee', { licensee: { name: '', creditCode: null } }, ['licensee.name REQUIRED']],
    ['a paid licence without fee', { feeFen: '0' }, ['feeFen PAID_WITH_FEE']],
    ['a free licence with a fee', { paid: false }, ['feeFen FREE_WITHOUT_FEE']],
    ['a fee in 元', { feeFen: '50000.00' }, ['feeFen FEN']],
    [
      'an invalid credit code',
      { licensee: { name: '某公司', creditCode: '91430200MA4L00001X' } },
      ['licensee.creditCode CREDIT_CODE'],
    ],
    [
      'an in-province claim the code contradicts',
      { licensee: { name: '北京某公司', creditCode: BEIJING_UNIT } },
      ['inProvince DISAGREES_WITH_CREDIT_CODE'],
    ],
    ['no date', { licensedOn: '' }, ['licensedOn DATE']],
  ])('%s', (_name, change, expected) => {
    expect(rules(ipLicenceViolations({ ...licence, ...change }))).toEqual(expected);
  });
});

describe('the share of licences to in-province units', () => {
  const assets: IpAsset[] = [
    asset,
    { ...asset, id: 'a2', kind: 'SOFTWARE_COPYRIGHT' },
    { ...asset, id: 'a3', projectId: 'p2' },
    { ...asset, id: 'a4', projectId: 'p3', allianceId: 'al2' },
  ];
  const licences: IpLicence[] = [
    licence,
    { ...licence, assetId: 'a2', paid: false, feeFen: '0' },
    {
      ...licence,
      assetId: 'a2',
      inProvince: false,
      licensee: { name: '北京某公司', creditCode: BEIJING_UNIT },
      feeFen: '3000000',
    },
    {
      ...licence,
      assetId: 'a3',
      inProvince: false,
      licensee: { name: '北京某公司', creditCode: BEIJING_UNIT },
    },
  ];

  it('per project, listing projects without licences', () => {
    expect(inProvinceLicenceShares(assets, licences, 'PROJECT')).toEqual([
      {
        key: 'p1',
        licences: 3,
        inProvince: 2,
        inProvinceBasisPoints: 6666,
        feesFen: '8000000',
        inProvinceFeesFen: '5000000',
      },
      {
        key: 'p2',
        licences: 1,
        inProvince: 0,
        inProvinceBasisPoints: 0,
        feesFen: '5000000',
        inProvinceFeesFen: '0',
      },
      {
        key: 'p3',
        licences: 0,
        inProvince: 0,
        inProvinceBasisPoints: null,
        feesFen: '0',
        inProvinceFeesFen: '0',
      },
    ]);
  });

  it('per alliance', () => {
    expect(
      inProvinceLicenceShares(assets, licences, 'ALLIANCE').map((s) => [
        s.key,
        s.licences,
        s.inProvince,
        s.inProvinceBasisPoints,
      ]),
    ).toEqual([
      ['al1', 4, 2, 5000],
      ['al2', 0, 0, null],
    ]);
  });

  it('refuses a licence of an unknown asset', () => {
    expect(() => inProvinceLicenceShares([], [licence], 'PROJECT')).toThrow(/a1/);
  });

  it('never gives a share above 100 % nor counts a licence twice', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ asset: fc.constantFrom('a1', 'a2', 'a3', 'a4'), inProvince: fc.boolean() }), {
          maxLength: 30,
        }),
        (drawn) => {
          const ls = drawn.map((d) => ({ ...licence, assetId: d.asset, inProvince: d.inProvince }));
          for (const by of ['PROJECT', 'ALLIANCE'] as const) {
            const shares = inProvinceLicenceShares(assets, ls, by);
            expect(shares.reduce((s, x) => s + x.licences, 0)).toBe(ls.length);
            expect(shares.reduce((s, x) => s + x.inProvince, 0)).toBe(ls.filter((l) => l.inProvince).length);
            for (const s of shares)
              if (s.inProvinceBasisPoints !== null)
                expect(s.inProvinceBasisPoints).toBeLessThanOrEqual(10000);
          }
        },
      ),
    );
  });
});
