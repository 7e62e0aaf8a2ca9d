import { isCalendarDate } from '../calendar/calendar-date.js';
import { fieldViolation, type FieldViolation } from '../errors/error-codes.js';
import { isFen } from '../money/fen.js';
import { checkCreditCode, parseCreditCode } from '../organizations/credit-code.js';
import { checkControlCharacters } from '../text/control-characters.js';
import { FULL_SHARE } from './ip-terms.js';

// The IP register (Art. 20): assets a project produced (obtained by the undertaking units, Art.
// 20(1)) and the licences granted on them. Art. 20(3) obliges the alliance to license them to other
// units in the province, paid or free: the share of licences to in-province units is read per
// project and per alliance.

export const IpAssetKind = {
  INVENTION_PATENT: 'INVENTION_PATENT',
  UTILITY_MODEL_PATENT: 'UTILITY_MODEL_PATENT',
  DESIGN_PATENT: 'DESIGN_PATENT',
  SOFTWARE_COPYRIGHT: 'SOFTWARE_COPYRIGHT',
  NEW_PLANT_VARIETY: 'NEW_PLANT_VARIETY',
  IC_LAYOUT_DESIGN: 'IC_LAYOUT_DESIGN',
  STANDARD: 'STANDARD',
  OTHER: 'OTHER',
} as const;
export type IpAssetKind = (typeof IpAssetKind)[keyof typeof IpAssetKind];

export const IP_ASSET_KIND_LABELS: Record<IpAssetKind, string> = {
  INVENTION_PATENT: '发明专利',
  UTILITY_MODEL_PATENT: '实用新型专利',
  DESIGN_PATENT: '外观设计专利',
  SOFTWARE_COPYRIGHT: '软件著作权',
  NEW_PLANT_VARIETY: '植物新品种权',
  IC_LAYOUT_DESIGN: '集成电路布图设计',
  STANDARD: '标准',
  OTHER: '其他',
};

export type IpOwner = { organizationId: string; name: string; basisPoints: number };

export type IpAsset = {
  id: string;
  projectId: string;
  allianceId: string;
  kind: IpAssetKind;
  title: string;
  /** Patent, registration or standard number. */
  number: string;
  /** The day granted, registered or published. */
  grantedOn: string;
  owners: IpOwner[];
};

export type IpLicence = {
  assetId: string;
  licensee: { name: string; creditCode: string | null };
  /** The licensee is registered in Hunan (its credit code's division, when it has one). */
  inProvince: boolean;
  paid: boolean;
  feeFen: string;
  licensedOn: string;
};

/** From the credit code: registered in a Hunan division (43xxxx), or null when the code is invalid. */
export function licenseeInProvince(creditCode: string): boolean | null {
  return checkCreditCode(creditCode) === null ? parseCreditCode(creditCode).inHunan : null;
}

/** What an asset must state: kind, title, number, date and owners holding exactly 100 %. */
export function ipAssetViolations(asset: IpAsset): FieldViolation[] {
  const v: FieldViolation[] = [];
  if (!Object.hasOwn(IP_ASSET_KIND_LABELS, asset.kind))
    v.push({ ...fieldViolation('kind', 'ONE_OF'), message: '请选择知识产权类别' });
  for (const [field, label] of [
    ['title', '名称'],
    ['number', '编号'],
  ] as const) {
    const value = asset[field].trim();
    if (value === '') v.push({ ...fieldViolation(field, 'REQUIRED'), message: `请填写${label}` });
    else if (checkControlCharacters(value)) v.push(fieldViolation(field, 'CONTROL_CHARACTER'));
  }
  if (!isCalendarDate(asset.grantedOn))
    v.push({
      ...fieldViolation('grantedOn', 'DATE'),
      message: '授权（登记、发布）日期应为 YYYY-MM-DD 格式的日期',
    });
  if (asset.owners.length === 0)
    v.push({
      ...fieldViolation('owners', 'REQUIRED'),
      message: '请填写权利人（第二十条第（一）项：由项目承担单位依法取得）',
    });
  asset.owners.forEach((o, i) => {
    if (!Number.isInteger(o.basisPoints) || o.basisPoints < 1 || o.basisPoints > FULL_SHARE)
      v.push({
        ...fieldViolation(`owners.${i}.basisPoints`, 'SHARE_RANGE'),
        message: '份额应在 0.01 % 至 100 % 之间',
      });
  });
  const total = asset.owners.reduce((s, o) => s + (Number.isInteger(o.basisPoints) ? o.basisPoints : 0), 0);
  if (asset.owners.length > 0 && total !== FULL_SHARE)
    v.push({ ...fieldViolation('owners', 'SHARES_SUM_100'), message: '各权利人份额之和应为 100 %' });
  return v;
}

/** What a licence must state: the licensee, where it is, paid with a fee or free without, the date. */
export function ipLicenceViolations(licence: IpLicence): FieldViolation[] {
  const v: FieldViolation[] = [];
  const name = licence.licensee.name.trim();
  if (name === '') v.push({ ...fieldViolation('licensee.name', 'REQUIRED'), message: '请填写被许可单位' });
  else if (checkControlCharacters(name)) v.push(fieldViolation('licensee.name', 'CONTROL_CHARACTER'));
  if (licence.licensee.creditCode !== null) {
    const inProvince = licenseeInProvince(licence.licensee.creditCode);
    if (inProvince === null)
      v.push({ ...fieldViolation('licensee.creditCode', 'CREDIT_CODE'), message: '统一社会信用代码无效' });
    else if (inProvince !== licence.inProvince)
      v.push({
        ...fieldViolation('inProvince', 'DISAGREES_WITH_CREDIT_CODE'),
        message: inProvince
          ? '按统一社会信用代码，被许可单位登记在省内'
          : '按统一社会信用代码，被许可单位登记在省外',
      });
  }
  if (!isFen(licence.feeFen))
    v.push({ ...fieldViolation('feeFen', 'FEN'), message: '许可费应为不小于零的整数（分）' });
  else if (licence.paid && BigInt(licence.feeFen) === 0n)
    v.push({ ...fieldViolation('feeFen', 'PAID_WITH_FEE'), message: '有偿许可请填写许可费' });
  else if (!licence.paid && BigInt(licence.feeFen) !== 0n)
    v.push({ ...fieldViolation('feeFen', 'FREE_WITHOUT_FEE'), message: '无偿许可的许可费应为 0' });
  if (!isCalendarDate(licence.licensedOn))
    v.push({ ...fieldViolation('licensedOn', 'DATE'), message: '许可日期应为 YYYY-MM-DD 格式的日期' });
  return v;
}

export type LicenceShare = {
  key: string;
  licences: number;
  inProvince: number;
  /** In-province licences in basis points of all licences, rounded down; null with no licence. */
  inProvinceBasisPoints: number | null;
  feesFen: string;
  inProvinceFeesFen: string;
};

/**
 * The share of licences granted to in-province units (Art. 20(3)), per project or per alliance,
 * in key order. Every key that has an asset is listed, with or without licences.
 */
export function inProvinceLicenceShares(
  assets: readonly IpAsset[],
  licences: readonly IpLicence[],
  by: 'PROJECT' | 'ALLIANCE',
): LicenceShare[] {
  const keyOf = (a: IpAsset) => (by === 'PROJECT' ? a.projectId : a.allianceId);
  const assetById = new Map(assets.map((a) => [a.id, a]));
  const groups = new Map<
    string,
    { licences: number; inProvince: number; fees: bigint; inProvinceFees: bigint }
  >();
  for (const a of assets)
    if (!groups.has(keyOf(a)))
      groups.set(keyOf(a), { licences: 0, inProvince: 0, fees: 0n, inProvinceFees: 0n });
  for (const l of licences) {
    const asset = assetById.get(l.assetId);
    if (!asset) throw new Error(`licence of unknown asset ${l.assetId}`);
    const g = groups.get(keyOf(asset))!;
    g.licences += 1;
    g.fees += BigInt(l.feeFen);
    if (l.inProvince) {
      g.inProvince += 1;
      g.inProvinceFees += BigInt(l.feeFen);
    }
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, g]) => ({
      key,
      licences: g.licences,
      inProvince: g.inProvince,
      inProvinceBasisPoints: g.licences === 0 ? null : Math.floor((g.inProvince * FULL_SHARE) / g.licences),
      feesFen: g.fees.toString(),
      inProvinceFeesFen: g.inProvinceFees.toString(),
    }));
}
