import { graphql } from '../../gql';

export const MeasuresFieldsFragment = graphql(`
  fragment MeasuresFields on Measures {
    id
    tenantId
    versionNo
    title
    documentNumber
    effectiveOn
    derivesFromId
    parameters
    status
    publishedAt
    version
  }
`);

export const MeasuresVersionsQuery = graphql(`
  query MeasuresVersions {
    measuresVersions {
      ...MeasuresFields
    }
  }
`);

export const MeasuresInForceQuery = graphql(`
  query MeasuresInForce($asOf: String) {
    measuresInForce(asOf: $asOf) {
      asOf
      province {
        ...MeasuresFields
      }
      local {
        ...MeasuresFields
      }
    }
  }
`);

export const CreateMeasuresDraftMutation = graphql(`
  mutation CreateMeasuresDraft($input: MeasuresDraftInput!) {
    createMeasuresDraft(input: $input) {
      ...MeasuresFields
    }
  }
`);

export const UpdateMeasuresDraftMutation = graphql(`
  mutation UpdateMeasuresDraft($input: UpdateMeasuresDraftInput!) {
    updateMeasuresDraft(input: $input) {
      ...MeasuresFields
    }
  }
`);

export const PublishMeasuresMutation = graphql(`
  mutation PublishMeasures($id: ID!) {
    publishMeasures(id: $id) {
      ...MeasuresFields
    }
  }
`);
