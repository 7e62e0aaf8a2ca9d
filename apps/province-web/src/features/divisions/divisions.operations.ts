import { graphql } from '../../gql';

export const DivisionsQuery = graphql(`
  query Divisions {
    divisions {
      tenant {
        id
        code
        name
        bureauName
      }
      userCount
      allianceCount
      establishedCount
      cityPilotCount
      provincialPilotCount
    }
  }
`);

export const CreateCityAdminMutation = graphql(`
  mutation CreateCityAdmin($input: CreateCityAdminInput!) {
    createCityAdmin(input: $input) {
      id
      username
      displayName
    }
  }
`);
