import { graphql } from '../../gql';

export const ProgrammeFieldsFragment = graphql(`
  fragment ProgrammeFields on Programme {
    id
    version
    name
    kind
    kindLabel
    year
    level
    status
    totalBudgetFen
    perProjectCapFen
    awardNoticeDays
    acceptanceNoticeDays
    measuresVersionNo
    criteria {
      key
      label
      weight
    }
    authority {
      id
      name
    }
    isMine
    publishedAt
    updatedAt
  }
`);

export const ProgrammesQuery = graphql(`
  query Programmes {
    programmes {
      ...ProgrammeFields
    }
  }
`);

export const ProgrammeDefaultsQuery = graphql(`
  query ProgrammeDefaults {
    programmeDefaults {
      awardNoticeDays
      acceptanceNoticeDays
      measuresVersionNo
      kinds {
        kind
        label
        article
      }
      criteria {
        key
        label
        weight
      }
    }
  }
`);

export const CreateProgrammeMutation = graphql(`
  mutation CreateProgramme($input: ProgrammeInput!) {
    createProgramme(input: $input) {
      ...ProgrammeFields
    }
  }
`);

export const UpdateProgrammeMutation = graphql(`
  mutation UpdateProgramme($id: ID!, $version: Int!, $input: ProgrammeInput!) {
    updateProgramme(id: $id, version: $version, input: $input) {
      ...ProgrammeFields
    }
  }
`);

export const PublishProgrammeMutation = graphql(`
  mutation PublishProgramme($id: ID!, $version: Int!) {
    publishProgramme(id: $id, version: $version) {
      ...ProgrammeFields
    }
  }
`);

export const DebarmentFieldsFragment = graphql(`
  fragment DebarmentFields on Debarment {
    id
    organizationId
    organizationName
    organizationCreditCode
    reason
    article
    decisionDocument
    fromDate
    untilDate
    debarmentYears
    activeToday
    isMine
    evidence
    recordedAt
    recordedByName
    authority {
      id
      name
    }
    lifting {
      on
      reason
      at
    }
  }
`);

export const DebarmentsQuery = graphql(`
  query Debarments($filter: DebarmentFilterInput) {
    debarments(filter: $filter) {
      ...DebarmentFields
    }
  }
`);

export const RecordDebarmentMutation = graphql(`
  mutation RecordDebarment($input: RecordDebarmentInput!) {
    recordDebarment(input: $input) {
      ...DebarmentFields
    }
  }
`);

export const LiftDebarmentMutation = graphql(`
  mutation LiftDebarment($input: LiftDebarmentInput!) {
    liftDebarment(input: $input) {
      ...DebarmentFields
    }
  }
`);
