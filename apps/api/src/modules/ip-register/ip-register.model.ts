import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { IP_ASSET_KIND_LABELS, type LicenceShare } from '@xiangmeng/domain';
import { DateTimeScalar } from '../../common/graphql/date-time.scalar';
import type { IpLicenceRow, IpOwnerRow } from './ip-register.repository';
import type { IpAssetRecord } from './ip-register.service';

@ObjectType('IpOwner', { description: '权利人及其份额' })
export class IpOwnerModel {
  @Field(() => ID)
  organizationId: string;

  @Field()
  name: string;

  @Field(() => Int, { description: '份额（万分之一）' })
  basisPoints: number;
}

@ObjectType('IpLicence', { description: '一项许可（只增不改）' })
export class IpLicenceModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  assetId: string;

  @Field()
  licenseeName: string;

  @Field(() => String, { nullable: true })
  licenseeCreditCode: string | null;

  @Field({ description: '被许可单位在省内' })
  inProvince: boolean;

  @Field()
  paid: boolean;

  @Field({ description: '许可费（分）' })
  feeFen: string;

  @Field({ description: '许可日期（北京时间）' })
  licensedOn: string;

  @Field(() => DateTimeScalar)
  recordedAt: Date;
}

@ObjectType('IpAsset', { description: '项目形成的知识产权（第二十条），含权利人与许可' })
export class IpAssetModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  projectId: string;

  @Field(() => ID)
  allianceId: string;

  @Field(() => ID, { description: '授予项目的主管部门' })
  authorityTenantId: string;

  @Field(() => ID, { description: '联盟所在市州' })
  cityTenantId: string;

  @Field({ description: 'IpAssetKind' })
  kind: string;

  @Field()
  kindLabel: string;

  @Field()
  title: string;

  @Field()
  number: string;

  @Field({ description: '授权（登记、发布）日期' })
  grantedOn: string;

  @Field(() => [IpOwnerModel])
  owners: IpOwnerModel[];

  @Field(() => [IpLicenceModel], { description: '许可，按许可日期' })
  licences: IpLicenceModel[];

  @Field(() => DateTimeScalar)
  recordedAt: Date;
}

@ObjectType('IpLicenceShare', { description: '许可给省内单位的比例（第二十条第（三）项）' })
export class IpLicenceShareModel {
  @Field(() => ID, { description: '项目或联盟' })
  key: string;

  @Field(() => Int)
  licences: number;

  @Field(() => Int)
  inProvince: number;

  @Field(() => Int, { nullable: true, description: '省内许可占比（万分之一，向下取整）；尚无许可为空' })
  inProvinceBasisPoints: number | null;

  @Field({ description: '许可费合计（分）' })
  feesFen: string;

  @Field({ description: '省内许可费合计（分）' })
  inProvinceFeesFen: string;
}

@ObjectType('ProjectIpRegister', { description: '项目的知识产权登记与省内许可比例' })
export class ProjectIpRegisterModel {
  @Field(() => ID)
  projectId: string;

  @Field(() => [IpAssetModel])
  assets: IpAssetModel[];

  @Field(() => IpLicenceShareModel)
  share: IpLicenceShareModel;
}

@ObjectType('IpAssetPage')
export class IpAssetPageModel {
  @Field(() => [IpAssetModel])
  items: IpAssetModel[];

  @Field(() => Int)
  totalCount: number;
}

const toOwnerModel = (o: IpOwnerRow): IpOwnerModel => ({
  organizationId: o.organizationId,
  name: o.name,
  basisPoints: o.basisPoints,
});

export function toIpLicenceModel(l: IpLicenceRow): IpLicenceModel {
  return {
    id: l.id,
    assetId: l.assetId,
    licenseeName: l.licenseeName,
    licenseeCreditCode: l.licenseeCreditCode,
    inProvince: l.inProvince,
    paid: l.paid,
    feeFen: l.feeFen,
    licensedOn: l.licensedOn,
    recordedAt: l.recordedAt,
  };
}

export function toIpAssetModel(a: IpAssetRecord): IpAssetModel {
  return {
    id: a.id,
    projectId: a.projectId,
    allianceId: a.allianceId,
    authorityTenantId: a.tenantId,
    cityTenantId: a.allianceTenantId,
    kind: a.kind,
    kindLabel: IP_ASSET_KIND_LABELS[a.kind],
    title: a.title,
    number: a.number,
    grantedOn: a.grantedOn,
    owners: a.owners.map(toOwnerModel),
    licences: a.licences.map(toIpLicenceModel),
    recordedAt: a.recordedAt,
  };
}

export function toShareModel(s: LicenceShare): IpLicenceShareModel {
  return { ...s };
}
