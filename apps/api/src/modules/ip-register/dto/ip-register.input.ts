import { Field, ID, InputType, Int } from '@nestjs/graphql';

@InputType('IpOwnerInput')
export class IpOwnerInput {
  @Field(() => ID, { description: '权利人（单位名录中的单位，须为项目任务书所列单位）' })
  organizationId: string;

  @Field(() => Int, { description: '份额（万分之一，1–10000），各权利人之和为 10000' })
  basisPoints: number;
}

@InputType('RecordIpAssetInput')
export class RecordIpAssetInput {
  @Field(() => ID)
  projectId: string;

  @Field({ description: 'IpAssetKind：INVENTION_PATENT、SOFTWARE_COPYRIGHT、STANDARD 等' })
  kind: string;

  @Field({ description: '名称' })
  title: string;

  @Field({ description: '专利号、登记号或标准号' })
  number: string;

  @Field({ description: '授权（登记、发布）日期，YYYY-MM-DD' })
  grantedOn: string;

  @Field(() => [IpOwnerInput])
  owners: IpOwnerInput[];
}

@InputType('IpLicenseeInput')
export class IpLicenseeInput {
  @Field({ description: '被许可单位名称' })
  name: string;

  @Field(() => String, { nullable: true, description: '统一社会信用代码（有则填写，据以判断是否省内）' })
  creditCode?: string | null;
}

@InputType('RecordIpLicenceInput')
export class RecordIpLicenceInput {
  @Field(() => ID)
  assetId: string;

  @Field(() => IpLicenseeInput)
  licensee: IpLicenseeInput;

  @Field({ description: '被许可单位是否在省内（有信用代码时须与之一致）' })
  inProvince: boolean;

  @Field({ description: '有偿许可（许可费大于零）或无偿许可（许可费为 0）' })
  paid: boolean;

  @Field({ description: '许可费（分，不小于零的整数）' })
  feeFen: string;

  @Field({ description: '许可日期，YYYY-MM-DD' })
  licensedOn: string;
}

@InputType('IpAssetFilterInput')
export class IpAssetFilterInput {
  @Field(() => String, { nullable: true, description: 'IpAssetKind' })
  kind?: string | null;

  @Field(() => ID, { nullable: true })
  projectId?: string | null;

  @Field(() => ID, { nullable: true })
  allianceId?: string | null;

  @Field(() => Int, { defaultValue: 20, description: '每页条数（1–100）' })
  first: number;

  @Field(() => Int, { defaultValue: 0 })
  offset: number;
}
