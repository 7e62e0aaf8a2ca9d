import { graphql } from '../../gql';

export const PlatformFieldsFragment = graphql(`
  fragment PlatformFields on Platform {
    id
    allianceId
    allianceName
    kind
    kindLabel
    level
    levelLabel
    name
    hostName
    members {
      organizationId
      name
      role
    }
    field
    fieldName
    recognitionDocument
    recognisedOn
    director
    status
    statusLabel
    rectificationDueOn
    removedReason
    applicationId
    version
    currentReportDueOn
    evaluable
  }
`);

export const PlatformsQuery = graphql(`
  query Platforms($filter: PlatformFilterInput) {
    platforms(filter: $filter) {
      totalCount
      items {
        ...PlatformFields
      }
    }
  }
`);

export const PlatformDetailFieldsFragment = graphql(`
  fragment PlatformDetailFields on PlatformDetail {
    id
    allianceId
    allianceName
    kind
    kindLabel
    level
    levelLabel
    name
    hostName
    members {
      organizationId
      name
      role
    }
    field
    fieldName
    recognitionDocument
    recognisedOn
    director
    status
    statusLabel
    rectificationDueOn
    removedReason
    applicationId
    version
    currentReportDueOn
    evaluable
    events {
      id
      fromStatus
      toStatus
      toStatusLabel
      reason
      effectiveOn
      recordedAt
    }
    reports {
      id
      year
      staff
      rdSpendingFen
      projects
      papers
      patents
      standards
      industryServices
      filedAt
    }
    evaluations {
      id
      year
      evaluatedOn
      total
      grade
      gradeLabel
      statusBefore
      statusAfter
      roundId
      sheets {
        expertId
        expertName
        scores {
          key
          score
        }
      }
    }
  }
`);

export const PlatformDetailQuery = graphql(`
  query PlatformDetail($id: ID!) {
    platform(id: $id) {
      ...PlatformDetailFields
    }
  }
`);

export const FilePlatformReportMutation = graphql(`
  mutation FilePlatformReport($input: FilePlatformReportInput!) {
    filePlatformReport(input: $input) {
      ...PlatformDetailFields
    }
  }
`);

export const EvaluatePlatformMutation = graphql(`
  mutation EvaluatePlatform($input: EvaluatePlatformInput!) {
    evaluatePlatform(input: $input) {
      ...PlatformDetailFields
    }
  }
`);
