import { graphql } from '../../gql';

export const IpAssetFieldsFragment = graphql(`
  fragment IpAssetFields on IpAsset {
    id
    projectId
    allianceId
    kind
    kindLabel
    title
    number
    grantedOn
    owners {
      organizationId
      name
      basisPoints
    }
    licences {
      id
      licenseeName
      licenseeCreditCode
      inProvince
      paid
      feeFen
      licensedOn
    }
  }
`);

export const IpAssetsQuery = graphql(`
  query IpAssets($filter: IpAssetFilterInput) {
    ipAssets(filter: $filter) {
      totalCount
      items {
        ...IpAssetFields
      }
    }
  }
`);

export const ProjectIpShareQuery = graphql(`
  query ProjectIpShare($projectId: ID!) {
    projectIpRegister(projectId: $projectId) {
      projectId
      share {
        licences
        inProvince
        inProvinceBasisPoints
        feesFen
        inProvinceFeesFen
      }
    }
  }
`);

/** The projects the viewer reads, with the task contract whose participants may own the results. */
export const IpProjectsQuery = graphql(`
  query IpProjects {
    projects(filter: { first: 100, offset: 0 }) {
      items {
        id
        title
        allianceId
        contract
      }
    }
  }
`);

export const RecordIpAssetMutation = graphql(`
  mutation RecordIpAsset($input: RecordIpAssetInput!) {
    recordIpAsset(input: $input) {
      ...IpAssetFields
    }
  }
`);

export const RecordIpLicenceMutation = graphql(`
  mutation RecordIpLicence($input: RecordIpLicenceInput!) {
    recordIpLicence(input: $input) {
      id
    }
  }
`);

export const AllianceIpShareQuery = graphql(`
  query AllianceIpShare($allianceId: ID!) {
    allianceIpLicenceShare(allianceId: $allianceId) {
      licences
      inProvince
      inProvinceBasisPoints
      feesFen
      inProvinceFeesFen
    }
  }
`);
