import { graphql } from '../../gql';

export const ViewerFieldsFragment = graphql(`
  fragment ViewerFields on User {
    id
    username
    displayName
    roles
    tenant {
      id
      code
      name
      bureauName
      level
    }
  }
`);

export const ViewerQuery = graphql(`
  query Viewer {
    me {
      ...ViewerFields
    }
  }
`);

export const LoginMutation = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      ...ViewerFields
    }
  }
`);

export const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);

export const SignInTenantsQuery = graphql(`
  query SignInTenants {
    signInTenants {
      id
      code
      name
      bureauName
      level
    }
  }
`);
