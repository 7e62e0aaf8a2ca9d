import { randomUUID } from 'node:crypto';
import type { GraphqlAgent } from '../support/harness';
import { creditCode, dataOf } from '../support/register-client';

// Operations and inputs of the IP register tests. Projects come from ../projects/project-client
// (ProjectsService.openFromAward), the owners from their task contract's participants.

export const ASSET_FIELDS = `id projectId allianceId authorityTenantId cityTenantId kind kindLabel title number grantedOn
  owners { organizationId name basisPoints }
  licences { id assetId licenseeName licenseeCreditCode inProvince paid feeFen licensedOn }`;
export const SHARE_FIELDS = `key licences inProvince inProvinceBasisPoints feesFen inProvinceFeesFen`;

export const IP = {
  recordAsset: `mutation ($input: RecordIpAssetInput!) { recordIpAsset(input: $input) { ${ASSET_FIELDS} } }`,
  recordLicence: `mutation ($input: RecordIpLicenceInput!) {
    recordIpLicence(input: $input) { id assetId licenseeName licenseeCreditCode inProvince paid feeFen licensedOn } }`,
  project: `query ($projectId: ID!) { projectIpRegister(projectId: $projectId) {
    projectId assets { ${ASSET_FIELDS} } share { ${SHARE_FIELDS} } } }`,
  allianceShare: `query ($allianceId: ID!) { allianceIpLicenceShare(allianceId: $allianceId) { ${SHARE_FIELDS} } }`,
  list: `query ($filter: IpAssetFilterInput) { ipAssets(filter: $filter) { totalCount items { ${ASSET_FIELDS} } } }`,
} as const;

export type ShareView = {
  key: string;
  licences: number;
  inProvince: number;
  inProvinceBasisPoints: number | null;
  feesFen: string;
  inProvinceFeesFen: string;
};

export type LicenceView = {
  id: string;
  assetId: string;
  licenseeName: string;
  licenseeCreditCode: string | null;
  inProvince: boolean;
  paid: boolean;
  feeFen: string;
  licensedOn: string;
};

export type AssetView = {
  id: string;
  projectId: string;
  allianceId: string;
  authorityTenantId: string;
  cityTenantId: string;
  kind: string;
  kindLabel: string;
  title: string;
  number: string;
  grantedOn: string;
  owners: { organizationId: string; name: string; basisPoints: number }[];
  licences: LicenceView[];
};

/** An asset input: the two units share 60/40 unless the owners are given. */
export function assetInput(
  projectId: string,
  owners: { organizationId: string; basisPoints: number }[],
  overrides: Record<string, unknown> = {},
) {
  return {
    projectId,
    kind: 'INVENTION_PATENT',
    title: '一种高强度齿轮的热处理方法',
    number: `ZL2027${randomUUID().replace(/-/g, '').slice(0, 8)}`,
    grantedOn: '2027-10-08',
    owners,
    ...overrides,
  };
}

/** A licence input: a Hunan licensee (credit code of 长沙), paid 50 000 yuan. */
export function licenceInput(assetId: string, overrides: Record<string, unknown> = {}) {
  return {
    assetId,
    licensee: {
      name: `湖南被许可企业${randomUUID().slice(0, 4)}`,
      creditCode: creditCode({ division: '430100' }),
    },
    inProvince: true,
    paid: true,
    feeFen: '5000000',
    licensedOn: '2027-11-02',
    ...overrides,
  };
}

export async function recordAsset(
  agent: GraphqlAgent,
  input: ReturnType<typeof assetInput>,
): Promise<AssetView> {
  return dataOf(await agent.send<{ recordIpAsset: AssetView }>(IP.recordAsset, { input })).recordIpAsset;
}

export async function recordLicence(
  agent: GraphqlAgent,
  input: ReturnType<typeof licenceInput>,
): Promise<LicenceView> {
  return dataOf(await agent.send<{ recordIpLicence: LicenceView }>(IP.recordLicence, { input }))
    .recordIpLicence;
}

export async function projectRegister(
  agent: GraphqlAgent,
  projectId: string,
): Promise<{ projectId: string; assets: AssetView[]; share: ShareView }> {
  return dataOf(
    await agent.send<{ projectIpRegister: { projectId: string; assets: AssetView[]; share: ShareView } }>(
      IP.project,
      {
        projectId,
      },
    ),
  ).projectIpRegister;
}
