import { graphql } from '../../gql';

export const InternationalProjectFieldsFragment = graphql(`
  fragment InternationalProjectFields on InternationalProject {
    id
    programmeId
    programmeName
    applicationId
    allianceId
    title
    state
    awardFen
    awardedOn
    responsibleUnitName
    memberUnitNames
    partnerName
    partnerCountry
    partnerCountryName
    mode
  }
`);

export const InternationalProjectsQuery = graphql(`
  query InternationalProjects($filter: InternationalProjectFilterInput) {
    internationalProjects(filter: $filter) {
      totalCount
      items {
        ...InternationalProjectFields
      }
    }
  }
`);

export const InternationalProjectQuery = graphql(`
  query InternationalProject($id: ID!) {
    internationalProject(id: $id) {
      ...InternationalProjectFields
    }
  }
`);

export const CooperationBaseFieldsFragment = graphql(`
  fragment CooperationBaseFields on CooperationBase {
    id
    allianceId
    allianceName
    hostOrganizationId
    hostName
    name
    type
    level
    status
    statusLabel
    rectificationDueOn
    recognisedOn
    recognitionDocumentId
    recognitionDocumentName
    revokedOn
    revocationReason
    version
    evaluations {
      id
      year
      grade
      gradeLabel
      total
      evaluatedOn
      statusBefore
      statusAfter
      remarks
      sheets {
        expertName
        scores {
          key
          score
        }
      }
    }
  }
`);

export const CooperationBasesQuery = graphql(`
  query CooperationBases($filter: CooperationBaseFilterInput) {
    cooperationBases(filter: $filter) {
      totalCount
      items {
        ...CooperationBaseFields
      }
    }
  }
`);

export const RegisterCooperationBaseMutation = graphql(`
  mutation RegisterCooperationBase($input: RegisterCooperationBaseInput!) {
    registerCooperationBase(input: $input) {
      ...CooperationBaseFields
    }
  }
`);

export const RecogniseCooperationBaseMutation = graphql(`
  mutation RecogniseCooperationBase($input: RecogniseCooperationBaseInput!) {
    recogniseCooperationBase(input: $input) {
      ...CooperationBaseFields
    }
  }
`);

export const RevokeCooperationBaseMutation = graphql(`
  mutation RevokeCooperationBase($input: RevokeCooperationBaseInput!) {
    revokeCooperationBase(input: $input) {
      ...CooperationBaseFields
    }
  }
`);

export const RecordCooperationBaseEvaluationMutation = graphql(`
  mutation RecordCooperationBaseEvaluation($input: RecordCooperationBaseEvaluationInput!) {
    recordCooperationBaseEvaluation(input: $input) {
      ...CooperationBaseFields
    }
  }
`);

/** The tier's own alliances with their current members: whose members may host a base. */
export const OwnAlliancesQuery = graphql(`
  query InternationalOwnAlliances($filter: AllianceFilterInput!) {
    alliances(filter: $filter, first: 100) {
      nodes {
        id
        name
      }
    }
  }
`);
