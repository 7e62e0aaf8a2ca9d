import { graphql } from '../../gql';

export const OrganizationFieldsFragment = graphql(`
  fragment OrganizationFields on Organization {
    id
    name
    creditCode
    type
    legalRepresentative
    industryBackbone
    backboneBasis
    divisionCode
    inHunan
    typeMismatchWarning
    version
  }
`);

export const OrganizationSearchQuery = graphql(`
  query OrganizationSearch($search: String!, $first: Int!) {
    organizations(search: $search, first: $first) {
      ...OrganizationFields
    }
  }
`);

export const AddOrganizationMutation = graphql(`
  mutation AddOrganization($input: OrganizationInput!) {
    addOrganization(input: $input) {
      ...OrganizationFields
    }
  }
`);

export const CorrectOrganizationMutation = graphql(`
  mutation CorrectOrganization($input: CorrectOrganizationInput!) {
    correctOrganization(input: $input) {
      ...OrganizationFields
      correctable
    }
  }
`);
