import { graphql } from '../../gql';

export const TenantUserFieldsFragment = graphql(`
  fragment TenantUserFields on User {
    id
    username
    displayName
    roles
    disabled
    createdAt
    lastSignInAt
  }
`);

export const TenantUsersQuery = graphql(`
  query TenantUsers {
    users {
      ...TenantUserFields
    }
  }
`);

export const CreateUserMutation = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      ...TenantUserFields
    }
  }
`);

export const SetUserDisabledMutation = graphql(`
  mutation SetUserDisabled($input: SetUserDisabledInput!) {
    setUserDisabled(input: $input) {
      id
      disabled
    }
  }
`);

export const ResetUserPasswordMutation = graphql(`
  mutation ResetUserPassword($input: ResetUserPasswordInput!) {
    resetUserPassword(input: $input) {
      id
    }
  }
`);

export const SetUserRolesMutation = graphql(`
  mutation SetUserRoles($input: SetUserRolesInput!) {
    setUserRoles(input: $input) {
      id
      roles
    }
  }
`);
